/**
 * A CSV file with a few lines DuckDB's reader cannot read stays on the fast path: those lines
 * alone are read again by the exact path. The result must be what the exact path gives over
 * the whole file (the same file with a blank line after it, which sends it there).
 */
import assert from "node:assert/strict";
import { appendFileSync, copyFileSync } from "node:fs";
import { after, describe, it } from "node:test";
import fc from "fast-check";
import type { Store } from "../src/db/store.js";
import { ingestFile } from "../src/ingest/ingest-file.js";
import { DEFAULT_LIMITS } from "../src/ingest/lines.js";
import { HEADER, tempDir, withDb, writeFile } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

const LIMITS = { ...DEFAULT_LIMITS, maxLineBytes: 200 };

/** Everything a run left, with the run's own id and file name out. */
async function contents(store: Store) {
  const records = await store.json<Record<string, unknown>>(
    `SELECT * EXCLUDE (run_id, rec_key), rec_key - (run_id::BIGINT << 32) AS key_line
     FROM records ORDER BY line`,
  );
  const rejects = await store.json<Record<string, unknown>>(
    "SELECT line, column_name, value, reason, raw FROM rejects ORDER BY line, column_name",
  );
  return { records, rejects };
}

/** Ingests `file` and, as a second file, the same with a blank line after it. */
async function bothPaths(file: string) {
  const exactFile = file.replace(/\.csv$/, "-exact.csv");
  copyFileSync(file, exactFile);
  appendFileSync(exactFile, "\n\n");
  const run = (f: string) =>
    withDb(async (store) => {
      const r = await ingestFile(store, f, { limits: LIMITS, source: "s" });
      return { r, ...(await contents(store)) };
    });
  return { fast: await run(file), exact: await run(exactFile) };
}

const good = (i: number) => `g${String(i).padStart(4, "0")},2019-06-03,entry,Quanhe,PRK,G${i}`;

describe("ingest: lines the fast path cannot read", () => {
  it("reads them again one by one and keeps the rest of the file on the fast path", async () => {
    const lines = [
      HEADER,
      good(1),
      "t1,2019-06-03,entry", // too few fields
      good(2),
      `${good(3)},extra`, // too many
      Buffer.concat([
        Buffer.from("u1,2019-06-0"),
        Buffer.from([0xff]),
        Buffer.from("3,exit,Quanhe,PRK,U1"),
      ]),
      good(4),
      `l1,${"x".repeat(300)},exit,Quanhe,PRK,L1`, // over the line limit
      'q1,"2019-06-03",exit,"Quan""he",PRK,Q1', // quoted, fine
      good(5),
      "s1,2019-02-30,exit,Quanhe,PRK,S1", // read, then rejected by value
      good(6),
      good(7),
    ];
    const file = writeFile(
      tmp.dir,
      "unread.csv",
      Buffer.concat(lines.map((l) => Buffer.concat([Buffer.from(l), Buffer.from("\r\n")]))),
    );
    const { fast, exact } = await bothPaths(file);
    assert.equal(fast.r.parsePath, "fast");
    assert.equal(exact.r.parsePath, "exact");
    assert.deepEqual(
      [fast.r.read, fast.r.loaded, fast.r.duplicates, fast.r.rejected],
      [12, 7, 0, 5],
    );
    assert.deepEqual(
      fast.rejects.map((x) => Number(x.line)),
      [3, 5, 6, 8, 11],
    );
    assert.match(String(fast.rejects[0]?.reason), /found 3, expected 6/);
    assert.match(String(fast.rejects[2]?.reason), /invalid UTF-8/);
    assert.match(String(fast.rejects[3]?.reason), /line too long/);
    assert.equal(fast.rejects[4]?.raw, "s1,2019-02-30,exit,Quanhe,PRK,S1");
    assert.deepEqual(
      fast.records.map((x) => [x.record_id, Number(x.line), Number(x.key_line)]),
      [
        ["g0001", 2, 2],
        ["g0002", 4, 4],
        ["g0004", 7, 7],
        ["q1", 9, 9],
        ["g0005", 10, 10],
        ["g0006", 12, 12],
        ["g0007", 13, 13],
      ].map(([id, line]) => [id, line, line]),
    );
    assert.deepEqual(fast.records, exact.records);
    assert.deepEqual(fast.rejects, exact.rejects);
  });

  it("goes to the exact path when an unread line opens a quote the next lines may close", async () => {
    const file = writeFile(
      tmp.dir,
      "open-quote.csv",
      [HEADER, good(1), 'o1,2019-06-03,exit,"Quanhe,PRK', 'O1",x', good(2)].join("\n"),
    );
    await withDb(async (store) => {
      const r = await ingestFile(store, file);
      assert.equal(r.parsePath, "exact");
      assert.equal(r.read, r.loaded + r.duplicates + r.rejected);
    });
  });

  it("gives what the exact path gives, whatever lines are broken and where", async () => {
    const broken = fc.oneof(
      fc.constant("b,2019-06-03,entry"),
      // (Not empty: DuckDB reads a line ending in empty extra fields as the row without them.)
      fc.constant("b,2019-06-03,entry,Quanhe,PRK,B,x,y"),
      fc.constant('b,2019-06-03,entry,Quanhe,PRK,"B"x'),
      fc.constant(`b,${"y".repeat(250)},entry,Quanhe,PRK,B`),
      fc.constant("b,2019-13-45,sideways,Quanhe,PRK,B"),
      fc.constant('b,"2019-06-03",entry,"Quan, he",PRK,B'),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: broken }),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        fc.constantFrom("\n", "\r\n"),
        async (rows, eol) => {
          const text = [HEADER, ...rows.map((r, i) => r?.replace(/^b/, `b${i}`) ?? good(i))].join(
            eol,
          );
          const file = writeFile(tmp.dir, `p${n++}.csv`, text);
          const { fast, exact } = await bothPaths(file);
          assert.equal(exact.r.parsePath, "exact");
          assert.deepEqual(fast.records, exact.records);
          assert.deepEqual(fast.rejects, exact.rejects);
          assert.equal(fast.r.read, fast.r.loaded + fast.r.duplicates + fast.r.rejected);
        },
      ),
      { numRuns: 12, seed: 2397 },
    );
  });
});
