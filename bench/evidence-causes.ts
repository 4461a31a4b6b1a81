/**
 * npm run bench:evidence-causes -- --batch 7 [--batch 8] [--list]: the errors of claim
 * suggestions on batches of the labelled corpus, grouped by cause and language, by a fixed
 * heuristic (so a batch can be summarised without reading its errors one by one):
 *
 * - furniture: a suggestion drawn from a paragraph marked as page furniture;
 * - number: a wrong count's bounds, or a labelled count whose number no reader parses;
 * - place / period: a suggestion that finds its label with the wrong place or period;
 * - structure: a count with no worker noun governing it (suggested or missed), an employer's
 *   span cut wrong, a bare figure kept from another mention than the label's;
 * - vocabulary: a statement or employer cue the rules lack (missed) or match out of place
 *   (extra), a worker noun missing from the lexicon;
 * - convention: a suggestion of another kind on the label's span, a figure the labels count
 *   under another kind (a quota, a count of visas), or a duration counted another way.
 *
 * `--list` prints each error with its cause; without it only the table is printed.
 */
import { parseArgs } from "node:util";
import {
  type ClaimDraft,
  corpusDocument,
  evaluateCorpus,
  findCjkQuantities,
  findEnglishQuantities,
  type LabelledClaim,
  locateQuote,
  organisationKey,
  suggestClaims,
} from "../src/core/evidence/index.js";
import { placeIndex } from "../src/evidence/gazetteer-place-index.js";
import { loadCorpus } from "./evidence-corpus-data.js";

const { values } = parseArgs({
  options: {
    batch: { type: "string", multiple: true, default: [] },
    list: { type: "boolean", default: false },
  },
});

const CAUSES = [
  "furniture",
  "number",
  "place",
  "period",
  "structure",
  "vocabulary",
  "convention",
] as const;
type Cause = (typeof CAUSES)[number];
type Outcome = "missed" | "wrong" | "extra";

const WORKER_WORD =
  /workers?|labou?rers?|employees?|staff|waitress|crew|expats?|migrants?|North Koreans|citizens|hackers|工人|劳工|勞工|员工|員工|人员|人員|人力|劳动者|勞動者|服务员|服務員|渔工|漁工|工友|노동자|근로자|노무자|인력|종업원|직원|일꾼|해커|주민|국적/iu;

function numbersIn(s: string): number[] {
  const qs = [...findEnglishQuantities(s), ...findCjkQuantities(s)];
  return qs.flatMap((q) => [q.min, q.max]).filter((n): n is number => n !== null);
}

function wrongCause(l: LabelledClaim, s: ClaimDraft): Cause {
  if (l.kind === "worker_count" && (l.min !== undefined || l.max !== undefined)) {
    if (
      (l.min !== undefined && (l.min ?? null) !== s.valueMin) ||
      (l.max !== undefined && (l.max ?? null) !== s.valueMax)
    )
      return "number";
  }
  if (l.place !== undefined) {
    const ok = Array.isArray(l.place)
      ? l.place.includes(s.placeId ?? "")
      : (l.place ?? null) === s.placeId;
    if (!ok) return "place";
  }
  if (
    (l.from !== undefined && l.from !== s.periodStart) ||
    (l.to !== undefined && l.to !== s.periodEnd)
  )
    return "period";
  if (
    l.kind === "employer" &&
    l.org &&
    organisationKey(s.organisation ?? "").key !== organisationKey(l.org).key
  )
    return "structure";
  return "convention";
}

function missedCause(l: LabelledClaim, doc: string, suggested: ClaimDraft[]): Cause {
  const [a, b] = locateQuote(doc, l);
  const otherKind = suggested.some((s) => s.kind !== l.kind && s.start < b && s.end > a);
  if (otherKind) return "convention";
  if (l.kind !== "worker_count") return "vocabulary";
  const wanted = [l.min, l.max].filter((n): n is number => typeof n === "number");
  if (wanted.length > 0 && !wanted.every((n) => numbersIn(l.quote).includes(n))) return "number";
  const sameFigure = suggested.some(
    (s) =>
      s.kind === "worker_count" &&
      wanted.length > 0 &&
      wanted.includes(s.valueMin ?? s.valueMax ?? -1),
  );
  if (sameFigure) return "structure";
  return WORKER_WORD.test(l.quote) ? "structure" : "vocabulary";
}

function extraCause(s: ClaimDraft, doc: string, labels: LabelledClaim[], noise: boolean): Cause {
  if (noise) return "furniture";
  const overlapsLabel = labels.some((l) => {
    const [a, b] = locateQuote(doc, l);
    return s.start < b && s.end > a;
  });
  if (overlapsLabel) return "convention";
  if (s.kind !== "worker_count") return "vocabulary";
  const same = labels.some(
    (l) =>
      l.kind === "worker_count" &&
      (l.min === s.valueMin || l.max === s.valueMax) &&
      s.valueMin !== null,
  );
  if (same) return "structure";
  return WORKER_WORD.test(s.quote) ? "convention" : "structure";
}

const texts = loadCorpus().filter((t) => values.batch.includes(String(t.batch ?? 1)));
const places = placeIndex();
const { details } = evaluateCorpus(texts, (text, published) =>
  suggestClaims(text, { places, published }),
);
const table = new Map<string, number>();
const bump = (lang: string, o: Outcome, c: Cause) => {
  for (const key of [`${lang}|${o}|${c}`, `all|${o}|${c}`])
    table.set(key, (table.get(key) ?? 0) + 1);
};
for (const t of texts) {
  const e = details[t.id]!;
  const doc = corpusDocument(t);
  const noiseSpans = (t.noise ?? []).map((i) => {
    const start = [...t.paragraphs.slice(0, i).join("\n\n")].length + (i > 0 ? 2 : 0);
    return [start, start + [...t.paragraphs[i]!].length] as const;
  });
  const list = (o: Outcome, c: Cause, what: string) => {
    bump(t.lang, o, c);
    if (values.list) process.stdout.write(`${t.id}\t${o}\t${c}\t${what}\n`);
  };
  for (const m of e.missed)
    list("missed", missedCause(m, doc, e.spurious), `${m.kind} "${m.quote}"`);
  for (const w of e.wrong)
    list("wrong", wrongCause(w.labelled, w.suggested), `${w.labelled.kind} "${w.labelled.quote}"`);
  for (const s of e.spurious) {
    const noise = noiseSpans.some(([a, b]) => s.start < b && s.end > a);
    list("extra", extraCause(s, doc, t.claims, noise), `${s.kind} "${s.quote.slice(0, 80)}"`);
  }
}
process.stdout.write(
  `batches ${values.batch.join(", ")}: errors by cause (missed / wrong / extra)\n`,
);
process.stdout.write(
  `cause       ${["en", "zh", "ko", "all"].map((l) => l.padStart(12)).join("")}\n`,
);
for (const c of CAUSES) {
  const cell = (lang: string) =>
    (["missed", "wrong", "extra"] as const)
      .map((o) => table.get(`${lang}|${o}|${c}`) ?? 0)
      .join("/");
  process.stdout.write(
    `${c.padEnd(11)} ${["en", "zh", "ko", "all"].map((l) => cell(l).padStart(12)).join("")}\n`,
  );
}
