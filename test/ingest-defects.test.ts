import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Store } from "../src/db/store.js";
import { ingestFile } from "../src/ingest/ingest-file.js";
import { HEADER, tempDir, withDb, writeFile } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

type Reject = { line: bigint; column_name: string | null; reason: string; raw: string };
const rejects = (store: Store) =>
  store.all<Reject>("SELECT line, column_name, reason, raw FROM rejects ORDER BY line");

describe("ingest: offsets, raw lines and NUL bytes", () => {
  it("rejects a UTC offset no place uses, and reads the extremes in use", async () => {
    const times = [
      "2019-06-03T09:15:00+99:00",
      "2019-06-03T09:15:00+08:75",
      "2019-06-03 09:15-1500",
      "2019-06-03T09:15:00+14:00",
      "2019-06-03T09:15:00-12:00",
    ];
    const file = writeFile(
      tmp.dir,
      "offsets.csv",
      [HEADER, ...times.map((t, i) => `o${i},${t},entry,Quanhe,PRK,G${i}`)].join("\n"),
    );
    await withDb(async (store) => {
      const r = await ingestFile(store, file);
      assert.deepEqual([r.loaded, r.rejected], [2, 3]);
      const rej = await rejects(store);
      assert.deepEqual(
        rej.map((x) => Number(x.line)),
        [2, 3, 4],
      );
      for (const x of rej) {
        assert.equal(x.column_name, "crossed_at");
        assert.match(
          x.reason,
          /^impossible UTC offset \(offsets in use run from -12:00 to \+14:00\)/,
        );
      }
      const [utc] = await store.json<{ t: string }>(
        "SELECT strftime(crossed_at, '%Y-%m-%dT%H:%M') AS t FROM records WHERE record_id = 'o3'",
      );
      assert.equal(utc?.t, "2019-06-02T19:15");
    });
  });

  it("keeps a reject's line as written, on the fast path and the exact one", async () => {
    const bad = 'a2,"2019-06-03T09:15:00+99:00", ENTRY ,"Quan, he",PRK,g 2,"extra, value"';
    const lines = [
      `${HEADER},note`,
      "a1,2019-06-03,entry,Quanhe,PRK,G1,",
      bad,
      "a3,2019-06-03,sideways,Quanhe,PRK,G3,x",
    ];
    const fast = writeFile(tmp.dir, "raw-fast.csv", lines.join("\n"));
    const exact = writeFile(tmp.dir, "raw-exact.csv", [...lines, "", 'a4,"unclosed'].join("\n"));
    for (const [file, path] of [
      [fast, "fast"],
      [exact, "exact"],
    ] as const) {
      await withDb(async (store) => {
        const r = await ingestFile(store, file);
        assert.equal(r.parsePath, path);
        const rej = await rejects(store);
        assert.equal(rej[0]?.raw, bad);
        assert.equal(rej[1]?.raw, "a3,2019-06-03,sideways,Quanhe,PRK,G3,x");
      });
    }
  });

  it("rejects a CSV line holding a NUL byte, and a JSON value holding U+0000", async () => {
    const csv = writeFile(
      tmp.dir,
      "nul.csv",
      Buffer.concat([
        Buffer.from(
          `${HEADER}\na1,2019-06-03,entry,Quanhe,PRK,G1\na2,2019-06-03,entry,Quanhe,PRK,G`,
        ),
        Buffer.from([0]),
        Buffer.from("2\na3,2019-06-03,entry,Quanhe,PRK,G3\n"),
      ]),
    );
    await withDb(async (store) => {
      const r = await ingestFile(store, csv);
      assert.deepEqual([r.read, r.loaded, r.rejected], [3, 2, 1]);
      const [rej] = await rejects(store);
      assert.equal(rej?.line, 3n);
      assert.match(rej?.reason ?? "", /NUL byte \(0x00\) at byte 33 of the line/);
    });
    const row = (id: string, doc: string) =>
      JSON.stringify({
        record_id: id,
        crossed_at: "2019-06-03",
        direction: "entry",
        port: "Quanhe",
        nationality: "PRK",
        doc_number: doc,
      });
    const jsonl = writeFile(
      tmp.dir,
      "nul.jsonl",
      [row("j1", "G1"), row("j2", "G\u00002")].join("\n"),
    );
    await withDb(async (store) => {
      const r = await ingestFile(store, jsonl);
      assert.deepEqual([r.read, r.loaded, r.rejected], [2, 1, 1]);
      const [rej] = await rejects(store);
      assert.equal(rej?.column_name, "doc_number");
      assert.match(rej?.reason ?? "", /NUL character/);
    });
  });
});

describe("ingest: the same file again", () => {
  it("skips a file already ingested whole with the same settings; its rejects are recorded once", async () => {
    const file = writeFile(
      tmp.dir,
      "again.csv",
      [HEADER, "a1,2019-06-03,entry,Quanhe,PRK,G1", "a2,03/06/2019,sideways,Quanhe,PRK,G2"].join(
        "\n",
      ),
    );
    await withDb(async (store) => {
      const first = await ingestFile(store, file);
      assert.deepEqual([first.read, first.loaded, first.rejected], [2, 1, 1]);
      const again = await ingestFile(store, file);
      assert.equal(again.repeatOf, first.runId);
      assert.deepEqual([again.read, again.loaded, again.duplicates, again.rejected], [0, 0, 0, 0]);
      assert.equal((await rejects(store)).length, 1, "the reject is recorded once");
      // Other settings can change what a row becomes: the file is read again, as its own run.
      const mdy = await ingestFile(store, file, { dateOrder: "mdy" });
      assert.equal(mdy.repeatOf, undefined);
      assert.deepEqual([mdy.read, mdy.duplicates, mdy.rejected], [2, 1, 1]);
      const runs = await store.all<{ n: bigint }>(
        "SELECT count(*) AS n FROM rejects GROUP BY run_id ORDER BY run_id",
      );
      assert.deepEqual(
        runs.map((r) => Number(r.n)),
        [1, 1],
        "each run's rejects explain its own counts",
      );
    });
  });

  it("reads a file again when its bytes changed", async () => {
    const file = writeFile(
      tmp.dir,
      "changed.csv",
      `${HEADER}\nc1,2019-06-03,entry,Quanhe,PRK,G1\n`,
    );
    await withDb(async (store) => {
      await ingestFile(store, file);
      writeFile(
        tmp.dir,
        "changed.csv",
        `${HEADER}\nc1,2019-06-03,entry,Quanhe,PRK,G1\nc2,2019-06-04,exit,Quanhe,PRK,G1\n`,
      );
      const r = await ingestFile(store, file);
      assert.deepEqual([r.repeatOf, r.read, r.loaded, r.duplicates], [undefined, 2, 1, 1]);
    });
  });
});

describe("ingest: what a kill can leave behind", () => {
  it("ingests into a store holding a lookup type from a killed run", async () => {
    const file = writeFile(
      tmp.dir,
      "after-kill.csv",
      `${HEADER}\nk1,2019-06-03,entry,Quanhe,PRK,G1\n`,
    );
    await withDb(async (store) => {
      // The state a kill after the append's commit, before the checkpoint, left in one
      // campaign: the per-file lookup type back from the write-ahead log.
      await store.run("CREATE TYPE ingest_key_direction AS ENUM ('entry')");
      const r = await ingestFile(store, file);
      assert.equal(r.loaded, 1);
    });
  });
});
