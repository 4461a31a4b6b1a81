/**
 * Claims: structured statements taken from a graded source. A claim always points back at
 * the exact span of the source's extracted text it rests on (code-point offsets), so every
 * figure in a report annex can be traced to its quotation.
 */

export const CLAIM_KINDS = [
  "worker_count",
  "movement_restriction",
  "visa_practice",
  "incident",
  "deadline",
  "employer",
  "other",
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** How a count was hedged in the text: "some 2,000" is approx, "more than 100" a floor. */
export const QUALIFIERS = ["exact", "approx", "at_least", "at_most", "range", "vague"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Suggested claims wait for review; a reviewer accepts or rejects them. Manual ones are accepted. */
export const CLAIM_STATUSES = ["suggested", "accepted", "rejected"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface ClaimDraft {
  kind: ClaimKind;
  /** The place as written in the text, and the gazetteer place it resolved to. */
  placeText: string | null;
  placeId: string | null;
  /** ISO dates (inclusive); null when the text gives no time. */
  periodStart: string | null;
  periodEnd: string | null;
  timeText: string | null;
  /** worker_count: persons; durations: days. */
  valueMin: number | null;
  valueMax: number | null;
  valueUnit: "workers" | "days" | null;
  valueText: string | null;
  qualifier: Qualifier | null;
  organisation: string | null;
  quote: string;
  /** Code-point offsets into the source text: quote === [...text].slice(start, end).join(""). */
  start: number;
  end: number;
}
