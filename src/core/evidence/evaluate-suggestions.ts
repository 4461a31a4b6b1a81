/**
 * Precision and recall of claim suggestions against hand-labelled claims. A suggestion
 * *finds* a labelled claim when the kinds agree and their quoted spans overlap (one-to-one,
 * largest overlap first). It gets it *right* when, in addition, a count has the labelled
 * bounds, a duration the labelled number of days, an employer the labelled organisation
 * (compared by organisationKey), and the place and period agree wherever the label gives them.
 * docs/evidence.md reports the figures.
 */
import type { ClaimDraft, ClaimKind } from "./claim.js";
import { organisationKey } from "./organisations.js";

export interface LabelledClaim {
  kind: ClaimKind;
  quote: string;
  /** Which occurrence of the quote (1-based) when it occurs more than once. */
  occurrence?: number;
  /** Expected place id; a list accepts any of them; null means "no single place". */
  place?: string | string[] | null;
  min?: number | null;
  max?: number | null;
  days?: number;
  org?: string;
  /** Expected period bounds (ISO dates); a bound left out is not checked. */
  from?: string;
  to?: string;
}

export interface KindScore {
  suggested: number;
  labelled: number;
  found: number;
  right: number;
}

export interface Evaluation {
  byKind: Record<string, KindScore>;
  total: KindScore;
  /** Labelled claims not found, and suggestions that match nothing: for reading, not scoring. */
  missed: LabelledClaim[];
  spurious: ClaimDraft[];
  wrong: { labelled: LabelledClaim; suggested: ClaimDraft }[];
}

/** Code-point span of a labelled quote in the text. */
export function locateQuote(text: string, claim: LabelledClaim): [number, number] {
  let at = -1;
  for (let n = 0; n < (claim.occurrence ?? 1); n++) {
    at = text.indexOf(claim.quote, at + 1);
    if (at < 0) throw new Error(`labelled quote not found in text: "${claim.quote}"`);
  }
  const start = [...text.slice(0, at)].length;
  return [start, start + [...claim.quote].length];
}

function isRight(l: LabelledClaim, s: ClaimDraft): boolean {
  if (l.place !== undefined) {
    const ok = Array.isArray(l.place)
      ? l.place.includes(s.placeId ?? "")
      : (l.place ?? null) === s.placeId;
    if (!ok) return false;
  }
  if (l.from !== undefined && l.from !== s.periodStart) return false;
  if (l.to !== undefined && l.to !== s.periodEnd) return false;
  if (l.kind === "worker_count") {
    if (l.min !== undefined && (l.min ?? null) !== s.valueMin) return false;
    if (l.max !== undefined && (l.max ?? null) !== s.valueMax) return false;
    return true;
  }
  if (l.kind === "employer" && l.org) {
    return !!s.organisation && organisationKey(s.organisation).key === organisationKey(l.org).key;
  }
  if (l.days !== undefined) return s.valueUnit === "days" && s.valueMin === l.days;
  return true;
}

export function evaluateSuggestions(
  text: string,
  labelled: LabelledClaim[],
  suggested: ClaimDraft[],
): Evaluation {
  const spans = labelled.map((l) => locateQuote(text, l));
  const pairs: { li: number; si: number; overlap: number }[] = [];
  labelled.forEach((l, li) => {
    const [ls, le] = spans[li]!;
    suggested.forEach((s, si) => {
      if (s.kind !== l.kind) return;
      const overlap = Math.min(le, s.end) - Math.max(ls, s.start);
      if (overlap > 0) pairs.push({ li, si, overlap });
    });
  });
  pairs.sort((a, b) => b.overlap - a.overlap);
  const usedL = new Set<number>();
  const usedS = new Set<number>();
  const matches: [number, number][] = [];
  for (const p of pairs) {
    if (usedL.has(p.li) || usedS.has(p.si)) continue;
    usedL.add(p.li);
    usedS.add(p.si);
    matches.push([p.li, p.si]);
  }
  const byKind: Record<string, KindScore> = {};
  const k = (kind: string) => {
    byKind[kind] ??= { suggested: 0, labelled: 0, found: 0, right: 0 };
    return byKind[kind]!;
  };
  for (const s of suggested) k(s.kind).suggested++;
  for (const l of labelled) k(l.kind).labelled++;
  const wrong: Evaluation["wrong"] = [];
  for (const [li, si] of matches) {
    const l = labelled[li]!;
    const s = suggested[si]!;
    k(l.kind).found++;
    if (isRight(l, s)) k(l.kind).right++;
    else wrong.push({ labelled: l, suggested: s });
  }
  const total = Object.values(byKind).reduce(
    (t, x) => ({
      suggested: t.suggested + x.suggested,
      labelled: t.labelled + x.labelled,
      found: t.found + x.found,
      right: t.right + x.right,
    }),
    { suggested: 0, labelled: 0, found: 0, right: 0 },
  );
  return {
    byKind,
    total,
    missed: labelled.filter((_, i) => !usedL.has(i)),
    spurious: suggested.filter((_, i) => !usedS.has(i)),
    wrong,
  };
}

/** Adds up evaluations of several reports. */
export function sumEvaluations(evals: Evaluation[]): Record<string, KindScore> {
  const out: Record<string, KindScore> = {};
  for (const e of evals) {
    for (const [kind, x] of [...Object.entries(e.byKind), ["all", e.total] as const]) {
      out[kind] ??= { suggested: 0, labelled: 0, found: 0, right: 0 };
      const t = out[kind];
      t.suggested += x.suggested;
      t.labelled += x.labelled;
      t.found += x.found;
      t.right += x.right;
    }
  }
  return out;
}

/** One text of a labelled corpus (test/fixtures/evidence/corpus/). */
export interface CorpusText {
  id: string;
  lang: string;
  split: "tune" | "heldout";
  /** Texts labelled after the rules were fixed, all held out (README there): batch 2, then
   * batch 3, labelled after the rules were revised on batch 2's misses, then batches 4 to 10. */
  batch?: 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
  published: string | null;
  title?: string;
  paragraphs: string[];
  /** Paragraphs that are page furniture (bylines, URLs, time stamps, captions): no claim may
   * come from them. */
  noise?: number[];
  claims: LabelledClaim[];
}

export interface CorpusScore extends KindScore {
  texts: number;
  /** Suggestions drawn from a furniture paragraph. */
  noise: number;
}

/** The text a corpus entry stands for: its paragraphs, a blank line between them. */
export function corpusDocument(t: CorpusText): string {
  return t.paragraphs.join("\n\n");
}

/** A month-precision publication date ("2019-03") anchors relative dates at the month's end. */
export function corpusReferenceDate(published: string | null): string | null {
  if (!published) return null;
  if (/^\d{4}-\d{2}$/.test(published)) {
    const [y, m] = published.split("-").map(Number) as [number, number];
    return `${published}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
  }
  return published;
}

/**
 * Scores suggestions on a corpus, per `lang/split` and for `all/split`, and for each batch
 * apart (`lang/batchN`, `all/batchN`; for batch 1, its held-out texts only). `suggest` gets
 * the document text and its reference date.
 */
export function evaluateCorpus(
  texts: CorpusText[],
  suggest: (text: string, published: string | null) => ClaimDraft[],
): { scores: Record<string, CorpusScore>; details: Record<string, Evaluation> } {
  const scores: Record<string, CorpusScore> = {};
  const details: Record<string, Evaluation> = {};
  for (const t of texts) {
    const doc = corpusDocument(t);
    const suggested = suggest(doc, corpusReferenceDate(t.published));
    const e = evaluateSuggestions(doc, t.claims, suggested);
    details[t.id] = e;
    const noiseSpans = (t.noise ?? []).map((i) => {
      const start = [...corpusDocument({ ...t, paragraphs: t.paragraphs.slice(0, i) })].length;
      return [start + (i > 0 ? 2 : 0), start + (i > 0 ? 2 : 0) + [...t.paragraphs[i]!].length];
    });
    const noise = suggested.filter((s) =>
      noiseSpans.some(([a, b]) => s.start < b! && s.end > a!),
    ).length;
    // Batch 1's held-out texts are reported apart too: the one part of batch 1 not tuned on.
    const n = t.batch ?? (t.split === "heldout" ? 1 : undefined);
    const batch = n ? [`${t.lang}/batch${n}`, `all/batch${n}`] : [];
    for (const key of [`${t.lang}/${t.split}`, `all/${t.split}`, ...batch]) {
      scores[key] ??= { texts: 0, suggested: 0, labelled: 0, found: 0, right: 0, noise: 0 };
      const sc = scores[key];
      sc.texts++;
      sc.suggested += e.total.suggested;
      sc.labelled += e.total.labelled;
      sc.found += e.total.found;
      sc.right += e.total.right;
      sc.noise += noise;
    }
  }
  return { scores, details };
}
