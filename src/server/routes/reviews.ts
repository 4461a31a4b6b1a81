/** Alert review: status, reason, reviewer and time, kept across analyze runs. */
import { z } from "@hono/zod-openapi";
import { appendAudit } from "../../audit/audit-log.js";
import {
  getReview,
  listReviews,
  REVIEW_STATUSES,
  reviewAlert,
  reviewAlerts,
  reviewHistory,
} from "../../review/alert-review.js";
import { routeGroup } from "../auth.js";
import { type ServerContext, writeAudited } from "../context.js";
import { ApiError } from "../errors.js";
import { jsonRoute } from "./json-route.js";
import { Flag, named } from "./schemas.js";

export const ReviewSchema = named("AlertReview", {
  alert_id: z.string(),
  status: z.enum(REVIEW_STATUSES),
  reason: z.string().nullable(),
  reviewer: z.string().nullable(),
  reviewed_at: z.string().nullable(),
  raised: z.boolean().openapi({ description: "false: the latest analyze run no longer raises it" }),
  rule: z.string().nullable(),
  person_id: z.string().nullable(),
  cohort_id: z.string().nullable(),
  period_start: z.string().nullable(),
  period_end: z.string().nullable(),
  summary: z.string().nullable(),
});

const AlertIdValue = z.string().min(1).max(80);
const AlertId = { alert_id: AlertIdValue };

/** Most alerts one bulk review may decide. */
export const BULK_REVIEW_MAX = 1000;

const Decision = {
  status: z.enum(REVIEW_STATUSES),
  reason: z.string().max(2000).nullable().optional(),
};

export function reviewRoutes(ctx: ServerContext) {
  return routeGroup(ctx, [
    getReviews,
    postReviews,
    getAlertsAlertIdReview,
    postAlertsAlertIdReview,
  ]);
}

const getReviews = jsonRoute(
  {
    route: "GET /api/reviews",
    access: "viewer",
    summary: "reviewed alerts; raised=false lists those a later analyze run no longer raises",
    query: { status: z.enum(REVIEW_STATUSES).optional(), raised: Flag },
    response: [z.object({ reviews: z.array(ReviewSchema) }), "reviews"],
  },
  async ({ query: q }, ctx) => ({
    reviews: await ctx.reads.use((s) =>
      listReviews(s, {
        status: q.status,
        raised: q.raised === undefined ? undefined : q.raised === "true",
      }),
    ),
  }),
);

const HistorySchema = z.array(
  z.object({
    status: z.enum(REVIEW_STATUSES),
    reason: z.string().nullable(),
    reviewer: z.string(),
    reviewed_at: z.string(),
  }),
);

const getAlertsAlertIdReview = jsonRoute(
  {
    route: "GET /api/alerts/{alert_id}/review",
    access: "viewer",
    summary: "an alert's review status and its history",
    params: AlertId,
    response: [z.object({ review: ReviewSchema, history: HistorySchema }), "review"],
  },
  async ({ params: { alert_id } }, ctx) => {
    const [review, history] = await ctx.reads.use(
      async (s) => [await getReview(s, alert_id), await reviewHistory(s, alert_id)] as const,
    );
    if (!review) throw new ApiError("not-found", `no alert ${alert_id}`);
    return { review, history };
  },
);

const postAlertsAlertIdReview = jsonRoute(
  {
    route: "POST /api/alerts/{alert_id}/review",
    access: "analyst",
    summary: "record a review decision (dismissed needs a reason); logged",
    params: AlertId,
    body: z.object(Decision),
    response: [ReviewSchema, "the review"],
  },
  ({ params: { alert_id }, body, cred }, ctx) =>
    writeAudited(
      ctx,
      (s) =>
        reviewAlert(s, alert_id, {
          status: body.status,
          reason: body.reason,
          reviewer: cred.user.name,
        }),
      (r) => ({
        actor: cred.user.name,
        action: "review",
        target: alert_id,
        detail: { status: r.status, reason: r.reason },
      }),
    ),
);

const postReviews = jsonRoute(
  {
    route: "POST /api/reviews",
    access: "analyst",
    summary:
      "one review decision for many alerts (dismissed needs a reason); all or none; each logged",
    description: `Records the same status and reason for every alert in alert_ids, as POST /api/alerts/{alert_id}/review does for one, in one transaction: an unknown alert or a refused decision leaves every alert as it was. Each alert gets its own audit entry. At most ${BULK_REVIEW_MAX} ids; repeated ids count once.`,
    body: z
      .object({ alert_ids: z.array(AlertIdValue).min(1).max(BULK_REVIEW_MAX), ...Decision })
      .openapi("BulkReview"),
    response: [z.object({ reviews: z.array(ReviewSchema) }), "the reviews, in the order given"],
  },
  async ({ body, cred }, ctx) => {
    const decision = { status: body.status, reason: body.reason, reviewer: cred.user.name };
    const reviews = await ctx.write((s) =>
      reviewAlerts(s, body.alert_ids, decision, (r) =>
        appendAudit(s, {
          actor: cred.user.name,
          action: "review",
          target: r.alert_id,
          detail: { status: r.status, reason: r.reason, bulk: true },
        }),
      ),
    );
    return { reviews };
  },
);
