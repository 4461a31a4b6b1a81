/**
 * Alert review (migration 022). Analyze rebuilds `alerts` on every run; a review is keyed by
 * alert_id (the rule plus a hash of rule, person or cohort and period start: the same on every
 * run that raises the same finding, src/detection/rules.ts) and kept apart, with a copy of what
 * the alert said when it was reviewed. An alert with no review is `new`; a review whose alert a
 * later run no longer raises is reported with `raised: false` instead of vanishing.
 */

import { AppError } from "../core/errors.js";
import { isoTimeSql } from "../db/iso-time.js";
import type { Store } from "../db/store.js";
import { whereClause } from "../db/where-clause.js";

export const REVIEW_STATUSES = ["new", "in-review", "confirmed", "dismissed"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ReviewDecision {
  status: ReviewStatus;
  reason?: string | null;
  reviewer: string;
}

export interface AlertReview {
  alert_id: string;
  status: ReviewStatus;
  reason: string | null;
  reviewer: string | null;
  reviewed_at: string | null;
  /** Whether the latest analyze run raises this alert. */
  raised: boolean;
  rule: string | null;
  person_id: string | null;
  cohort_id: string | null;
  period_start: string | null;
  period_end: string | null;
  summary: string | null;
}

const REVIEW_COLUMNS = `r.alert_id, r.status, r.reason, r.reviewer, ${isoTimeSql("r.reviewed_at")},
  r.rule, r.person_id, r.cohort_id, r.period_start::VARCHAR AS period_start,
  r.period_end::VARCHAR AS period_end, r.summary`;

const SELECT_REVIEW = `
  SELECT ${REVIEW_COLUMNS}, a.alert_id IS NOT NULL AS raised
  FROM alert_reviews r LEFT JOIN alerts a USING (alert_id)`;

/** Records a decision; a dismissal needs a reason. */
export async function reviewAlert(
  store: Store,
  alertId: string,
  decision: ReviewDecision,
): Promise<AlertReview> {
  if (!(REVIEW_STATUSES as readonly string[]).includes(decision.status))
    throw new AppError(
      "usage",
      `status "${decision.status}": expected one of ${REVIEW_STATUSES.join(", ")}`,
    );
  const reason = decision.reason?.trim() || null;
  if (decision.status === "dismissed" && !reason)
    throw new AppError("usage", `dismissing alert ${alertId} needs a reason`);
  const alert = await store.one<Record<string, unknown>>(
    `SELECT rule, person_id, cohort_id, period_start::VARCHAR AS period_start,
            period_end::VARCHAR AS period_end, summary FROM alerts WHERE alert_id = ?`,
    [alertId],
  );
  const known = await store.one("SELECT 1 FROM alert_reviews WHERE alert_id = ?", [alertId]);
  if (!alert && !known) throw new AppError("not-found", `no alert ${alertId}`);
  const now = new Date().toISOString();
  if (alert) {
    await store.run(
      `INSERT INTO alert_reviews VALUES (?, ?, ?, ?, ?::TIMESTAMPTZ, ?, ?, ?, ?::DATE, ?::DATE, ?)
       ON CONFLICT (alert_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
         reviewer = excluded.reviewer, reviewed_at = excluded.reviewed_at, rule = excluded.rule,
         person_id = excluded.person_id, cohort_id = excluded.cohort_id,
         period_start = excluded.period_start, period_end = excluded.period_end,
         summary = excluded.summary`,
      [
        alertId,
        decision.status,
        reason,
        decision.reviewer,
        now,
        alert.rule as string,
        alert.person_id as string | null,
        alert.cohort_id as string | null,
        alert.period_start as string | null,
        alert.period_end as string | null,
        alert.summary as string | null,
      ],
    );
  } else {
    await store.run(
      `UPDATE alert_reviews SET status = ?, reason = ?, reviewer = ?, reviewed_at = ?::TIMESTAMPTZ
       WHERE alert_id = ?`,
      [decision.status, reason, decision.reviewer, now, alertId],
    );
  }
  await store.run("INSERT INTO alert_review_events VALUES (?, ?, ?, ?, ?::TIMESTAMPTZ)", [
    alertId,
    decision.status,
    reason,
    decision.reviewer,
    now,
  ]);
  return (await getReview(store, alertId)) as AlertReview;
}

/**
 * The same decision for many alerts, each recorded as reviewAlert records one, with `after`
 * called for each (the server's audit entry). Atomic: one unknown alert or a refused decision
 * and none of them lands. Repeated ids count once.
 */
export async function reviewAlerts(
  store: Store,
  alertIds: readonly string[],
  decision: ReviewDecision,
  after: (review: AlertReview) => Promise<unknown> = async () => undefined,
): Promise<AlertReview[]> {
  return store.transaction(async () => {
    const reviews: AlertReview[] = [];
    for (const id of new Set(alertIds)) {
      const review = await reviewAlert(store, id, decision);
      await after(review);
      reviews.push(review);
    }
    return reviews;
  });
}

/** The review of one alert: `new` when nobody has reviewed it, undefined when it does not exist. */
export async function getReview(store: Store, alertId: string): Promise<AlertReview | undefined> {
  const [r] = await store.json<AlertReview>(`${SELECT_REVIEW} WHERE r.alert_id = ?`, [alertId]);
  if (r) return r;
  const [a] = await store.json<AlertReview>(
    `SELECT alert_id, 'new' AS status, NULL AS reason, NULL AS reviewer, NULL AS reviewed_at,
            true AS raised, rule, person_id, cohort_id, period_start::VARCHAR AS period_start,
            period_end::VARCHAR AS period_end, summary FROM alerts WHERE alert_id = ?`,
    [alertId],
  );
  return a;
}

/** Reviews of the given alerts, by id (alerts without one are absent: status new). */
export async function reviewsOf(
  store: Store,
  alertIds: readonly string[],
): Promise<Map<string, AlertReview>> {
  if (alertIds.length === 0) return new Map();
  // The reviews first (few), then whether they are still raised for those alone: joining
  // every review with the whole alerts table would build its hash table on each page.
  const rows = await store.json<AlertReview>(
    `WITH r AS (SELECT * FROM alert_reviews
                WHERE alert_id IN (SELECT unnest(from_json(?, '["VARCHAR"]'))))
     SELECT ${REVIEW_COLUMNS}, false AS raised FROM r`,
    [JSON.stringify([...alertIds])],
  );
  if (rows.length === 0) return new Map();
  const raised = await store.json<{ alert_id: string }>(
    "SELECT alert_id FROM alerts WHERE alert_id IN (SELECT unnest(from_json(?, '[\"VARCHAR\"]')))",
    [JSON.stringify(rows.map((r) => r.alert_id))],
  );
  const live = new Set(raised.map((r) => r.alert_id));
  return new Map(rows.map((r) => [r.alert_id, { ...r, raised: live.has(r.alert_id) }]));
}

/** Reviewed alerts, optionally one status, optionally only those no longer raised. */
export interface ReviewFilter {
  status?: ReviewStatus;
  /** true: only alerts still raised; false: only those no longer raised. */
  raised?: boolean;
}

export async function listReviews(store: Store, filter: ReviewFilter = {}): Promise<AlertReview[]> {
  const where = whereClause([
    ["r.status = ?", filter.status],
    filter.raised !== undefined && [
      filter.raised ? "a.alert_id IS NOT NULL" : "a.alert_id IS NULL",
    ],
  ]);
  return store.json<AlertReview>(
    `${SELECT_REVIEW} ${where.sql} ORDER BY r.reviewed_at DESC, r.alert_id`,
    where.params,
  );
}

export interface ReviewEvent {
  status: ReviewStatus;
  reason: string | null;
  reviewer: string;
  reviewed_at: string;
}

export async function reviewHistory(store: Store, alertId: string): Promise<ReviewEvent[]> {
  return store.json<ReviewEvent>(
    `SELECT status, reason, reviewer, ${isoTimeSql("reviewed_at")}
     FROM alert_review_events WHERE alert_id = ? ORDER BY reviewed_at, rowid`,
    [alertId],
  );
}
