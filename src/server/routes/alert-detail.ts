/**
 * `GET /api/views/alerts/{alert_id}`: one alert with its review, for the queue filtered to a
 * single alert (the case page's alert items link there). Masked unless `unmask=true` with a grant.
 */
import { z } from "@hono/zod-openapi";
import { getAlert } from "../../read/alert-detail.js";
import { reviewsOf } from "../../review/alert-review.js";
import { guarded, routeGroup } from "../auth.js";
import type { ServerContext } from "../context.js";
import { checkUnmask } from "../unmask.js";
import { Json, UnmaskQuery } from "./schemas.js";

const AlertDetail = z.record(z.string(), z.unknown()).openapi("AlertDetail");
const request = {
  params: z.object({ alert_id: z.string().min(1).max(80) }),
  query: z.object(UnmaskQuery),
};

const getOneAlert = guarded(
  {
    method: "get",
    path: "/api/views/alerts/{alert_id}",
    access: "viewer",
    summary: "one alert with its review status, as the alert listings show it",
    request,
    responses: { 200: Json(AlertDetail, "the alert") },
  },
  async (c, ctx) => {
    const { alert_id } = c.req.valid("param");
    const unmask = await checkUnmask(c, ctx, c.req.valid("query"), `alert ${alert_id}`);
    const alert = await ctx.reads.use(async (s) => {
      const a = await getAlert(s, alert_id, { unmask });
      const r = (await reviewsOf(s, [a.alert_id])).get(a.alert_id);
      // Never reviewed: "new", as in the listings.
      const { status = "new", reason = null, reviewer = null, reviewed_at = null } = r ?? {};
      return { ...a, review: { status, reason, reviewer, reviewed_at } };
    });
    return c.json(alert as never, 200);
  },
);

export function alertDetailRoutes(ctx: ServerContext) {
  return routeGroup(ctx, [getOneAlert]);
}
