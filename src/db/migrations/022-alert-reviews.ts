import { sqlMigration } from "./migration.js";

/**
 * Review of alerts. Analyze rebuilds the alerts table on every run, so reviews live apart from
 * it, keyed by alert_id: the rule plus a hash of (rule, person or cohort, period start), the
 * same on every run that raises the same finding. The alert's rule, subject, period and summary
 * at review time are kept, so an alert a later run no longer raises still shows what it was.
 * `alert_review_events` keeps every decision in order.
 */
export const v022AlertReviews = sqlMigration(
  22,
  "alert reviews",
  `
CREATE TABLE alert_reviews (
  alert_id     VARCHAR PRIMARY KEY,
  status       VARCHAR NOT NULL CHECK (status IN ('new', 'in-review', 'confirmed', 'dismissed')),
  reason       VARCHAR,
  reviewer     VARCHAR NOT NULL,
  reviewed_at  TIMESTAMPTZ NOT NULL,
  rule         VARCHAR,
  person_id    VARCHAR,
  cohort_id    VARCHAR,
  period_start DATE,
  period_end   DATE,
  summary      VARCHAR
);

CREATE TABLE alert_review_events (
  alert_id     VARCHAR NOT NULL,
  status       VARCHAR NOT NULL,
  reason       VARCHAR,
  reviewer     VARCHAR NOT NULL,
  reviewed_at  TIMESTAMPTZ NOT NULL
);
`,
);
