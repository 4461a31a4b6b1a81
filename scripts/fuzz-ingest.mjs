// The long run of fuzzing (test/fuzz/): generated and damaged crossing files (csv, jsonl,
// parquet: ingest), list files (un-xml, ofac-xml, ofac-csv, csl-csv: lists import) and reports
// (text, html, pdf: evidence add), until each format has had at least --records generated inputs
// (records, list entries, report paragraphs).
//   npm run build && node scripts/fuzz-ingest.mjs [--records 100000] [--max-records 200] [--seed S] [--format csv,pdf] [--timeout-seconds 120] [--files-per-round 200] [--store-every 1]
// Prints per format: files, inputs, files read (with the rows they produced) and files refused
// with an input error; exits 1 on the first failure (with fast-check's smallest failing file and
// its seed). --store-every N (reports): every Nth file stored by evidence add, the others read
// and their claims suggested only, which is where a report's parsing happens.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { FUZZ_FORMATS, fuzz } from "../dist/test/fuzz/fuzzers.js";

const { values } = parseArgs({
  options: {
    records: { type: "string", default: "100000" },
    "max-records": { type: "string", default: "200" },
    seed: { type: "string", default: "2397" },
    format: { type: "string" },
    // A file still being read after this long is a hang (generous: the machine may be loaded).
    "timeout-seconds": { type: "string", default: "120" },
    // Files per seeded round; each round's running counts are printed (stderr).
    "files-per-round": { type: "string", default: "200" },
    "store-every": { type: "string", default: "1" },
  },
});
const target = Number(values.records);
const maxRecords = Number(values["max-records"]);
const dir = mkdtempSync(join(tmpdir(), "sojourn-fuzz-"));
// A process that dies outright (a signal, a native crash) leaves the directory behind: the
// file being read is the newest in it, and the round's seed is the last one printed.
process.stderr.write(`fuzz files in ${dir}\n`);
try {
  for (const format of values.format ? values.format.split(",") : FUZZ_FORMATS) {
    const started = Date.now();
    const total = { files: 0, records: 0, ingested: 0, inputErrors: 0, rows: 0 };
    // Rounds of files, each with its own seed, until the format reaches the target.
    for (let round = 0; total.records < target; round++) {
      const s = await fuzz(format, {
        dir,
        runs: Number(values["files-per-round"]),
        maxRecords,
        seed: Number(values.seed) + round,
        timeoutMs: Number(values["timeout-seconds"]) * 1000,
        storeEvery: Number(values["store-every"]),
      });
      for (const k of Object.keys(total)) total[k] += s[k];
      process.stderr.write(
        `${format}: round ${round} (seed ${Number(values.seed) + round}) done: ${total.files} files, ${total.records} inputs\n`,
      );
    }
    console.log(
      `${format}: ${total.files} files, ${total.records} generated inputs; ${total.ingested} files read (counts exact; ${total.rows} rows), ${total.inputErrors} refused with an input error; 0 crashes, 0 hangs; ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
