/**
 * The short run of ingest fuzzing (the long one: scripts/fuzz-ingest.mjs): a few dozen
 * generated files per format, seeded.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { tempDir } from "../helpers/with-db.js";
import { FUZZ_FORMATS, fuzzIngest } from "./ingest-fuzz.js";

const tmp = tempDir("sojourn-fuzz-");
after(tmp.cleanup);

describe("ingest fuzzing: random and mutated files", () => {
  for (const format of FUZZ_FORMATS) {
    it(`${format}: no crash, no hang, read = loaded + duplicates + rejected`, async () => {
      const stats = await fuzzIngest({
        format,
        dir: tmp.dir,
        runs: 25,
        maxRecords: 30,
        seed: Number(process.env.SOJOURN_FUZZ_SEED ?? 2397),
      });
      assert.equal(stats.files, 25);
      assert.ok(stats.ingested > 0, "some generated files were read");
    });
  }
});
