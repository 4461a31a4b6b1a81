/**
 * How an alert ranks. Every rule gives the strength of its own pattern (0–1: how far over the
 * limit, how many near-limit stays in a row, how many nights in the window …); the alert's score
 * also weighs the records behind it and the person's labour score — how strongly the rest of the
 * person's crossings show the labour pattern. Censoring lowers it: an alert that rests on a
 * stay cut by the edge of the logs, or on an end inferred from a missing crossing, keeps
 * SCORE.censored of its score and says so in its text.
 *
 * A driver's one exit record read as "inside 365 nights", or a visitor still inside when the
 * logs end, so ranks below a rotating worker's first overstay. The score orders alerts for a
 * reviewer; it is not a probability.
 */

export const SCORE = {
  /** Weight of the rule's own strength. */
  strength: 0.3,
  /** Weight of the records behind the alert, full at `fullRecords`. */
  support: 0.2,
  /** Weight of the person's labour score (0 for an alert on no person). */
  corroboration: 0.5,
  /** Crossings (four stays) at which the records behind an alert count in full. */
  fullRecords: 8,
  /** Share of its score a censored alert keeps. */
  censored: 0.6,
} as const;

export interface AlertEvidence {
  strength: number;
  records: number;
  laborScore: number | null;
  censored: boolean;
}

/** The score of one alert (the reference for alertScoreSql). */
export function alertScore(a: AlertEvidence): number {
  const support = Math.min(1, a.records / SCORE.fullRecords);
  const raw =
    SCORE.strength * Math.min(1, Math.max(0, a.strength)) +
    SCORE.support * support +
    SCORE.corroboration * (a.laborScore ?? 0);
  return a.censored ? raw * SCORE.censored : raw;
}

/**
 * The first two terms of the score as a SQL expression: what the alert itself shows (its
 * strength and its records), before the person's labour score. alertScoreSql adds the rest to
 * this value in the order alertScore adds its terms, so the sum is the same to the last bit
 * whether this part is kept in a column first or not.
 */
export function alertOwnScoreSql(c: { strength: string; records: string }): string {
  return `(${SCORE.strength} * least(1.0, greatest(0.0, ${c.strength}::DOUBLE))
      + ${SCORE.support} * least(1.0, ${c.records} / ${SCORE.fullRecords}.0))`;
}

/** The score as a SQL expression, from alertOwnScoreSql's value `own` and the other two. */
export function alertScoreSql(c: { own: string; laborScore: string; censored: string }): string {
  return `((${c.own} + ${SCORE.corroboration} * coalesce(${c.laborScore}, 0.0))
      * CASE WHEN ${c.censored} THEN ${SCORE.censored} ELSE 1.0 END)`;
}

/** What a censored alert's text adds. */
export const CENSORED_NOTE =
  " Censored: it rests on a stay cut by the edge of the logs or on a crossing inferred from a missing record, so it ranks lower.";
