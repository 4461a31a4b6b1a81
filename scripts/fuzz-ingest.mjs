// The long run of ingest fuzzing (test/fuzz/ingest-fuzz.ts): generated and mutated CSV, JSON
// Lines and Parquet files until each format has had at least --records generated records.
//   npm run build && node scripts/fuzz-ingest.mjs [--records 100000] [--max-records 200] [--seed S] [--format csv]
// Prints files, records, files read and files refused as input errors per format; exits 1 on
// the first failure (with fast-check's smallest failing file and its seed).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { FUZZ_FORMATS, fuzzIngest } from "../dist/test/fuzz/ingest-fuzz.js";

const { values } = parseArgs({
  options: {
    records: { type: "string", default: "100000" },
    "max-records": { type: "string", default: "200" },
    seed: { type: "string", default: "2397" },
    format: { type: "string" },
  },
});
const target = Number(values.records);
const maxRecords = Number(values["max-records"]);
const dir = mkdtempSync(join(tmpdir(), "sojourn-fuzz-"));
try {
  for (const format of values.format ? [values.format] : FUZZ_FORMATS) {
    const started = Date.now();
    const total = { files: 0, records: 0, ingested: 0, inputErrors: 0 };
    // Rounds of 200 files, each with its own seed, until the format reaches the target.
    for (let round = 0; total.records < target; round++) {
      const s = await fuzzIngest({
        format,
        dir,
        runs: 200,
        maxRecords,
        seed: Number(values.seed) + round,
      });
      for (const k of Object.keys(total)) total[k] += s[k];
      process.stderr.write(`${format}: ${total.files} files, ${total.records} records\n`);
    }
    console.log(
      `${format}: ${total.files} files, ${total.records} generated records; ${total.ingested} files read (accounting exact), ${total.inputErrors} refused with an input error; 0 crashes, 0 hangs; ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
