/**
 * npm run bench:evidence [-- --split tune|heldout] [-- --part tuning|holdout] [-- --verbose]:
 * precision and recall of claim suggestions on the labelled corpus
 * (test/fixtures/evidence/corpus/), per language, for the tuning and the held-out part
 * separately, and how many suggestions came from page furniture. `--part tuning` leaves out the
 * third of batch 5 held out from tuning (test/fixtures/evidence/batch5-holdout.json), `--part
 * holdout` scores only that third. `--verbose` lists every miss, wrong and spurious suggestion.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type CorpusText, evaluateCorpus, suggestClaims } from "../src/core/evidence/index.js";
import { placeIndex } from "../src/evidence/gazetteer-place-index.js";
import { repoRoot } from "../src/repo-root.js";

const { values } = parseArgs({
  options: {
    split: { type: "string" },
    part: { type: "string" },
    verbose: { type: "boolean", default: false },
  },
});

export function loadCorpus(): CorpusText[] {
  const dir = join(repoRoot(), "test", "fixtures", "evidence", "corpus");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as CorpusText);
}

/** The ids of batch 5's held-out third. */
export function batch5Holdout(): Set<string> {
  const file = join(repoRoot(), "test", "fixtures", "evidence", "batch5-holdout.json");
  return new Set((JSON.parse(readFileSync(file, "utf8")) as { ids: string[] }).ids);
}

const holdout = batch5Holdout();
const inPart = (id: string) =>
  values.part === "tuning" ? !holdout.has(id) : values.part === "holdout" ? holdout.has(id) : true;
const texts = loadCorpus().filter(
  (t) => (!values.split || t.split === values.split) && inPart(t.id),
);
const places = placeIndex();
const { scores, details } = evaluateCorpus(texts, (text, published) =>
  suggestClaims(text, { places, published }),
);
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const rows = Object.entries(scores).sort(([a], [b]) => a.localeCompare(b));
process.stdout.write("set           texts labelled suggested right  precision recall  noise\n");
for (const [key, s] of rows) {
  process.stdout.write(
    `${key.padEnd(13)} ${String(s.texts).padStart(5)} ${String(s.labelled).padStart(8)} ${String(s.suggested).padStart(9)} ${String(s.right).padStart(5)}  ${ratio(s.right, s.suggested).toFixed(2).padStart(9)} ${ratio(s.right, s.labelled).toFixed(2).padStart(6)} ${String(s.noise).padStart(6)}\n`,
  );
}
if (values.verbose) {
  for (const t of texts) {
    const e = details[t.id]!;
    const lines = [
      ...e.missed.map((m) => `  missed  ${m.kind} "${m.quote}"`),
      ...e.wrong.map(
        (w) =>
          `  wrong   ${w.labelled.kind} "${w.labelled.quote}" → ${JSON.stringify({ min: w.suggested.valueMin, max: w.suggested.valueMax, place: w.suggested.placeId, from: w.suggested.periodStart, to: w.suggested.periodEnd, days: w.suggested.valueUnit === "days" ? w.suggested.valueMin : undefined, org: w.suggested.organisation })}`,
      ),
      ...e.spurious.map(
        (s) =>
          `  extra   ${s.kind} "${s.quote.slice(0, 90)}" ${JSON.stringify({ min: s.valueMin, max: s.valueMax, place: s.placeId })}`,
      ),
    ];
    if (lines.length > 0) process.stdout.write(`${t.id}\n${lines.join("\n")}\n`);
  }
}
