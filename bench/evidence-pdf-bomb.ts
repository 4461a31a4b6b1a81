/**
 * npm run bench:evidence-pdf-bomb: how a PDF decompression bomb ends. Builds a one-page PDF
 * whose content stream inflates to 512 MB (about 510 KB on disk), reads it as `evidence add`
 * does, and prints the error, the time it took and the process's peak memory (RSS).
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSourceFile } from "../src/evidence/read-source.js";
import { makePdfBomb } from "../test/fixtures/evidence/make-pdf.js";

const bomb = await makePdfBomb(512 * 1024 * 1024);
const file = join(tmpdir(), `sojourn-bomb-${process.pid}.pdf`);
writeFileSync(file, bomb);
const t0 = performance.now();
let outcome = "read (no error)";
try {
  await readSourceFile(file);
} catch (err) {
  outcome = (err as Error).message;
}
const seconds = (performance.now() - t0) / 1000;
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${(bomb.length / 1024).toFixed(0)} KB bomb: ${seconds.toFixed(2)} s, peak RSS ${rssMb.toFixed(0)} MB\n${outcome}\n`,
);
