/**
 * A large store's exports are written a range of persons at a time (src/export/write-export.ts):
 * the file must be the one the whole store written at once gives, byte for byte, in every
 * format, masked and unmasked, and no part file may be left beside it.
 */
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Store } from "../src/db/store.js";
import { EXPORTS } from "../src/export/kinds.js";
import { writeExport } from "../src/export/write-export.js";
import { cliOk, tempDir } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

describe("exports in batches of persons", () => {
  const db = join(tmp.dir, "store.duckdb");
  before(() => {
    const sim = join(tmp.dir, "sim");
    cliOk(["simulate", "--out", sim, "--scale", "0.005", "--seed", "5", "--json"]);
    cliOk(["--db", db, "ingest", join(sim, "crossings.csv"), "--json"]);
    cliOk(["--db", db, "analyze", "--json"]);
  });

  it("writes the same file in batches as in one piece", async () => {
    const store = await Store.open(db);
    const out = join(tmp.dir, "out");
    mkdirSync(out);
    try {
      const [{ n } = { n: 0 }] = await store.json<{ n: number }>(
        "SELECT count(*) AS n FROM person_records",
      );
      assert.ok(n > 1000, `${n} person records`);
      for (const kind of EXPORTS)
        for (const unmask of [false, true])
          for (const format of ["jsonl", "csv", "parquet"] as const) {
            const what = `${kind.name} ${format}${unmask ? " unmasked" : ""}`;
            const whole = join(out, `${kind.name}-${unmask}-whole.${format}`);
            const batched = join(out, `${kind.name}-${unmask}-batched.${format}`);
            const a = await writeExport(store, kind, format, whole, { unmask });
            // About seven batches of persons for the kinds that are batched.
            const b = await writeExport(store, kind, format, batched, {
              unmask,
              batchRows: Math.ceil(n / 7),
            });
            assert.equal(b.rows, a.rows, what);
            assert.ok(a.rows > 0, what);
            if (format === "parquet") {
              const rows = (file: string) =>
                store.json<{ j: string }>(
                  `SELECT to_json(t)::VARCHAR AS j FROM read_parquet('${file}') t`,
                );
              assert.deepEqual(await rows(batched), await rows(whole), what);
            } else assert.ok(readFileSync(batched).equals(readFileSync(whole)), what);
          }
      assert.equal(readdirSync(out).filter((f) => f.startsWith(".")).length, 0, "parts left");
    } finally {
      store.close();
    }
  });
});
