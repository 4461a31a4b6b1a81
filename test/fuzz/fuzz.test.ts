/**
 * The short run of fuzzing (the long one: scripts/fuzz-ingest.mjs): a few generated files per
 * format, seeded — crossing files through ingest, list files through lists import, reports
 * through evidence add (every other one; the others read and their claims suggested only, as
 * the long run does for most reports).
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { tempDir } from "../helpers/with-db.js";
import { FUZZ_FORMATS, fuzz } from "./fuzzers.js";

const tmp = tempDir("sojourn-fuzz-");
after(tmp.cleanup);

/** Files per format: crossing files are cheap, lists and PDFs less so. */
const RUNS: Record<string, number> = { csv: 12, jsonl: 12, parquet: 10, text: 6, html: 6, pdf: 6 };

describe("fuzzing: generated and damaged input files", () => {
  for (const format of FUZZ_FORMATS) {
    it(`${format}: no crash, no hang, counts that add up`, async () => {
      const runs = RUNS[format] ?? 8;
      const stats = await fuzz(format, {
        dir: tmp.dir,
        runs,
        maxRecords: 20,
        seed: Number(process.env.SOJOURN_FUZZ_SEED ?? 2397),
        storeEvery: 2,
      });
      assert.equal(stats.files, runs);
      assert.ok(stats.ingested > stats.inputErrors, "most generated files were read, not refused");
      assert.ok(stats.rows > 0, "rows were reached");
    });
  }
});
