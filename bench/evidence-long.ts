/**
 * npm run bench:evidence-long [-- --chars N]: claim suggestion on one long document, the size
 * of a UN Panel of Experts report's text (1.6 million characters by default). The document is
 * the labelled corpus's texts and the fictional fixtures repeated, with a page break (form feed,
 * as PDF text has) every 3,000 characters. Prints the time, the suggestions kept after
 * de-duplication, and the time per million characters.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type CorpusText, corpusDocument, suggestClaims } from "../src/core/evidence/index.js";
import { placeIndex } from "../src/evidence/gazetteer-place-index.js";
import { repoRoot } from "../src/repo-root.js";

const { values } = parseArgs({ options: { chars: { type: "string", default: "1600000" } } });
const target = Number(values.chars);
const fixtures = join(repoRoot(), "test", "fixtures", "evidence");
const corpus = join(fixtures, "corpus");
const texts = [
  ...readdirSync(corpus)
    .filter((f) => f.endsWith(".json"))
    .map((f) => corpusDocument(JSON.parse(readFileSync(join(corpus, f), "utf8")) as CorpusText)),
  ...readdirSync(join(fixtures, "reports"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(fixtures, "reports", f), "utf8")),
];
const parts: string[] = [];
let length = 0;
let sincePage = 0;
for (let i = 0; length < target; i++) {
  const t = `${texts[i % texts.length]!}\n\n`;
  parts.push(t);
  length += t.length;
  sincePage += t.length;
  if (sincePage >= 3000) {
    parts.push("\f\n\n");
    sincePage = 0;
  }
}
const text = parts.join("");
const places = placeIndex();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const claims = suggestClaims(text, { places, published: "2024-03-07" });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
// On a shared machine the wall time includes waiting for a core; the CPU time does not.
process.stdout.write(
  `${text.length} characters: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (${(cpuSeconds / (text.length / 1e6)).toFixed(2)} CPU-s per million), ${claims.length} suggestions after de-duplication\n`,
);
