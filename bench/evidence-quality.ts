/**
 * npm run bench:evidence [-- --split tune|heldout] [-- --part tuning|holdout] [-- --max-batch N]
 * [-- --verbose]:
 * precision and recall of claim suggestions on the labelled corpus
 * (test/fixtures/evidence/corpus/), per language, for the tuning and the held-out part
 * separately, and how many suggestions came from page furniture. `--part tuning` leaves out the
 * thirds of batches 5, 6 and 7 held out from tuning (test/fixtures/evidence/batch5-holdout.json,
 * batch6-holdout.json, batch7-holdout.json), `--part holdout` scores only batch 5's third,
 * `--part holdout6` only batch 6's, `--part holdout7` only batch 7's. `--max-batch N` leaves out
 * every batch after N (batch 1 counts as 1), so a batch kept unseen for a final measurement is
 * neither scored nor printed, not even inside the `heldout` totals. `--verbose` lists every miss, wrong and spurious suggestion of the texts tuned on
 * (never of a held-out third, of batch 7 or of a batch from 12 on, whose errors are not read).
 */
import { parseArgs } from "node:util";
import { evaluateCorpus, suggestClaims } from "../src/core/evidence/index.js";
import { placeIndex } from "../src/evidence/gazetteer-place-index.js";
import { batchHoldout, loadCorpus } from "./evidence-corpus-data.js";

const { values } = parseArgs({
  options: {
    split: { type: "string" },
    part: { type: "string" },
    "max-batch": { type: "string" },
    verbose: { type: "boolean", default: false },
  },
});
const maxBatch = values["max-batch"] === undefined ? Infinity : Number(values["max-batch"]);
if (Number.isNaN(maxBatch))
  throw new Error(`--max-batch: expected a batch number, got "${values["max-batch"]}"`);

const holdout5 = batchHoldout(5);
const holdout6 = batchHoldout(6);
const holdout7 = batchHoldout(7);
const heldOut = (id: string) => holdout5.has(id) || holdout6.has(id) || holdout7.has(id);
const inPart = (id: string) =>
  values.part === "tuning"
    ? !heldOut(id)
    : values.part === "holdout"
      ? holdout5.has(id)
      : values.part === "holdout6"
        ? holdout6.has(id)
        : values.part === "holdout7"
          ? holdout7.has(id)
          : true;
const texts = loadCorpus().filter(
  (t) => (!values.split || t.split === values.split) && inPart(t.id) && (t.batch ?? 1) <= maxBatch,
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
  // Batch 7 is the check of the rules, read only in aggregate; batches from 12 on are measured
  // as they come: neither is listed.
  for (const t of texts.filter(
    (x) => !heldOut(x.id) && (x.batch ?? 1) !== 7 && (x.batch ?? 1) <= 11,
  )) {
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
