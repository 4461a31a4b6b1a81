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
import { credOf, guarded, routeGroup } from "../auth.js";
import { type ServerContext, writeAudited } from "../context.js";
import { ApiError } from "../errors.js";
import { Json } from "./schemas.js";

export const ReviewSchema = z
  .object({
    alert_id: z.string(),
    status: z.enum(REVIEW_STATUSES),
    reason: z.string().nullable(),
    reviewer: z.string().nullable(),
    reviewed_at: z.string().nullable(),
    raised: z
      .boolean()
      .openapi({ description: "false: the latest analyze run no longer raises it" }),
    rule: z.string().nullable(),
    person_id: z.string().nullable(),
    cohort_id: z.string().nullable(),
    period_start: z.string().nullable(),
    period_end: z.string().nullable(),
    summary: z.string().nullable(),
  })
  .openapi("AlertReview");

const AlertIdValue = z.string().min(1).max(80);
const AlertId = z.object({ alert_id: AlertIdValue });

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

const getReviews = guarded(
  {
    method: "get",
    path: "/api/reviews",
    access: "viewer",
    summary: "reviewed alerts; raised=false lists those a later analyze run no longer raises",
    request: {
      query: z.object({
        status: z.enum(REVIEW_STATUSES).optional(),
        raised: z.enum(["true", "false"]).optional(),
      }),
    },
    responses: { 200: Json(z.object({ reviews: z.array(ReviewSchema) }), "reviews") },
  },
  async (c, ctx) => {
    const q = c.req.valid("query");
    const reviews = await ctx.reads.use((s) =>
      listReviews(s, {
        status: q.status,
        raised: q.raised === undefined ? undefined : q.raised === "true",
      }),
    );
    return c.json({ reviews }, 200);
  },
);

const getAlertsAlertIdReview = guarded(
  {
    method: "get",
    path: "/api/alerts/{alert_id}/review",
    access: "viewer",
    summary: "an alert's review status and its history",
    request: { params: AlertId },
    responses: {
      200: Json(
        z.object({
          review: ReviewSchema,
          history: z.array(
            z.object({
              status: z.enum(REVIEW_STATUSES),
              reason: z.string().nullable(),
              reviewer: z.string(),
              reviewed_at: z.string(),
            }),
          ),
        }),
        "review",
      ),
    },
  },
  async (c, ctx) => {
    const { alert_id } = c.req.valid("param");
    const [review, history] = await ctx.reads.use(
      async (s) => [await getReview(s, alert_id), await reviewHistory(s, alert_id)] as const,
    );
    if (!review) throw new ApiError("not-found", `no alert ${alert_id}`);
    return c.json({ review, history }, 200);
  },
);

const postAlertsAlertIdReview = guarded(
  {
    method: "post",
    path: "/api/alerts/{alert_id}/review",
    access: "analyst",
    summary: "record a review decision (dismissed needs a reason); logged",
    request: {
      params: AlertId,
      body: {
        content: {
          "application/json": {
            schema: z.object(Decision),
          },
        },
        required: true,
      },
    },
    responses: { 200: Json(ReviewSchema, "the review") },
  },
  async (c, ctx) => {
    const cred = credOf(c);
    const { alert_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const review = await writeAudited(
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
    );
    return c.json(review, 200);
  },
);

const postReviews = guarded(
  {
    method: "post",
    path: "/api/reviews",
    access: "analyst",
    summary:
      "one review decision for many alerts (dismissed needs a reason); all or none; each logged",
    description: `Records the same status and reason for every alert in alert_ids, as POST /api/alerts/{alert_id}/review does for one, in one transaction: an unknown alert or a refused decision leaves every alert as it was. Each alert gets its own audit entry. At most ${BULK_REVIEW_MAX} ids; repeated ids count once.`,
    request: {
      body: {
        content: {
          "application/json": {
            schema: z
              .object({ alert_ids: z.array(AlertIdValue).min(1).max(BULK_REVIEW_MAX), ...Decision })
              .openapi("BulkReview"),
          },
        },
        required: true,
      },
    },
    responses: {
      200: Json(z.object({ reviews: z.array(ReviewSchema) }), "the reviews, in the order given"),
    },
  },
  async (c, ctx) => {
    const cred = credOf(c);
    const body = c.req.valid("json");
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
    return c.json({ reviews }, 200);
  },
);
