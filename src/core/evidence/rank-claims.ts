/**
 * De-duplication and order of suggestions. A figure stated twice (a headline and its body, an
 * executive summary and its chapter) is one claim: the mention with the most detail (place,
 * period) stands for the others. The review queue then starts with the strongest suggestions:
 * counts before statements, a claim with place and period before one without, a figure
 * repeated in the text before a figure stated once, exact figures before vague ones.
 */
import type { ClaimDraft, ClaimKind } from "./claim.js";

const KIND_WEIGHT: Record<ClaimKind, number> = {
  worker_count: 5,
  employer: 4,
  deadline: 3,
  visa_practice: 3,
  movement_restriction: 3,
  incident: 2,
  other: 0,
};

function detailOf(c: ClaimDraft, placedByReport: (c: ClaimDraft) => boolean): number {
  return (c.placeId && !placedByReport(c) ? 2 : 0) + (c.periodStart ? 1 : 0);
}

/** How much a mention tells of a figure: its own place (2), the workers it names (1.5: "72
 * North Koreans employed by 11 companies" over "… to 72 in 2015") and its period (1). */
function mentionDetail(
  c: ClaimDraft,
  placedByReport: (c: ClaimDraft) => boolean,
  named: (c: ClaimDraft) => boolean,
): number {
  return (named(c) ? 1.5 : 0) + detailOf(c, placedByReport);
}

/** The number a count states, whatever its hedge: "4,000", "fewer than 4,000", "about 4,000". */
function figureOf(c: ClaimDraft): string {
  return c.qualifier === "range" || c.qualifier === "vague"
    ? `${c.valueMin}-${c.valueMax}`
    : String(c.valueMin ?? c.valueMax);
}

function sameFigure(a: ClaimDraft, b: ClaimDraft): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "worker_count") {
    return (
      figureOf(a) === figureOf(b) &&
      (a.placeId === b.placeId || !a.placeId || !b.placeId) &&
      // "6,000 … in Kuwait, 2,000 are left … 2,000 … in Qatar": two countries, two groups.
      (a.placeText === b.placeText || !a.placeText || !b.placeText || !!(a.placeId && b.placeId)) &&
      samePeriod(a, b)
    );
  }
  // An employer named again without its place is the same employer.
  if (a.kind === "employer")
    return (
      a.organisation === b.organisation && (a.placeId === b.placeId || !a.placeId || !b.placeId)
    );
  return a.quote === b.quote;
}

const WEEK = 7 * 86_400_000;

/** Periods a repeated figure can share: the same, or one left open; the very same bounds may
 * also be told with periods that overlap or lie within a week of each other ("16명을 구속했다" on
 * the 3rd, "16명을 추방했다" on the 4th: one group, told at each step), while "more than 5,000"
 * last month and "about 5,000" since September are two figures. */
function samePeriod(a: ClaimDraft, b: ClaimDraft): boolean {
  if (a.periodStart === b.periodStart || !a.periodStart || !b.periodStart) return true;
  if (a.qualifier !== b.qualifier || a.valueMin !== b.valueMin || a.valueMax !== b.valueMax)
    return false;
  const time = (d: string | null, fallback: string) => Date.parse(d ?? fallback);
  const [a0, a1] = [time(a.periodStart, a.periodStart), time(a.periodEnd, a.periodStart)];
  const [b0, b1] = [time(b.periodStart, b.periodStart), time(b.periodEnd, b.periodStart)];
  if ([a0, a1, b0, b1].some(Number.isNaN)) return false;
  return a0 <= b1 + WEEK && b0 <= a1 + WEEK;
}

/** Claims that can only be the same figure share a key; `sameFigure` decides within it. */
function bucketOf(c: ClaimDraft): string {
  if (c.kind === "worker_count") return `${c.kind}|${figureOf(c)}`;
  if (c.kind === "employer") return `${c.kind}|${c.organisation}`;
  return `${c.kind}|${c.quote}`;
}

/** What the extractor knows of a mention beyond the claim itself. */
export interface MentionMarks {
  /** Quoted from a headline or caption: at equal detail, a figure's mention in running text
   * stands for it rather than the headline's. */
  inHeading?: (c: ClaimDraft) => boolean;
  /** A count placed only by the place the whole report is about: that place is no detail of
   * the mention itself. */
  placedByReport?: (c: ClaimDraft) => boolean;
  /** An employer named in a sentence that names workers ("Korea Chinson General Corporation
   * continue to provide North Korean workers"): that mention stands for an employer named
   * several times. */
  withWorkers?: (c: ClaimDraft) => boolean;
  /** A count whose quote names the workers it counts ("1000여 명의 북한 노동자"), not a bare
   * figure. */
  named?: (c: ClaimDraft) => boolean;
}

/** Suggestions without repeats, strongest first (ties keep text order). */
export function rankClaims(claims: ClaimDraft[], marks: MentionMarks = {}): ClaimDraft[] {
  const no = () => false;
  const { inHeading = no, placedByReport = no, withWorkers = no, named = no } = marks;
  const detail = (c: ClaimDraft) => detailOf(c, placedByReport);
  const told = (c: ClaimDraft) => mentionDetail(c, placedByReport, named);
  const groups: { best: ClaimDraft; mentions: number }[] = [];
  const buckets = new Map<string, { best: ClaimDraft; mentions: number }[]>();
  for (const c of claims) {
    const key = bucketOf(c);
    const bucket = buckets.get(key) ?? [];
    buckets.set(key, bucket);
    const g = bucket.find((x) => sameFigure(x.best, c));
    if (!g) {
      const fresh = { best: c, mentions: 1 };
      groups.push(fresh);
      bucket.push(fresh);
      continue;
    }
    g.mentions++;
    // The mention with the most detail stands for the figure; at equal detail, the one with
    // a bound ("fewer than 4,000") over the bare figure, then running text over a headline.
    const same = told(c) === told(g.best);
    const bound = (x: ClaimDraft) => x.qualifier !== "exact";
    if (
      told(c) > told(g.best) ||
      (same && c.kind === "employer" && withWorkers(c) && !withWorkers(g.best)) ||
      (same && !bound(g.best) && bound(c)) ||
      (same && bound(g.best) === bound(c) && inHeading(g.best) && !inHeading(c))
    )
      g.best = c;
  }
  const strength = (g: { best: ClaimDraft; mentions: number }) =>
    KIND_WEIGHT[g.best.kind] * 10 +
    detail(g.best) * 2 +
    Math.min(g.mentions - 1, 3) +
    (g.best.qualifier === "vague" ? -2 : 0);
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => strength(b.g) - strength(a.g) || a.i - b.i)
    .map(({ g }) => g.best);
}
