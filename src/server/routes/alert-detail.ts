/**
 * `GET /api/views/alerts/{alert_id}`: one alert with its review, for the queue filtered to a
 * single alert (the case page's alert items link there). Masked unless `unmask=true` with a grant.
 */
import { getAlert } from "../../read/alert-detail.js";
import { reviewsOf } from "../../review/alert-review.js";
import { routeGroup } from "../auth.js";
import type { ServerContext } from "../context.js";
import { byId, jsonRoute } from "./json-route.js";

const getOneAlert = jsonRoute(
  {
    route: "GET /api/views/alerts/{alert_id}",
    access: "viewer",
    summary: "one alert with its review status, as the alert listings show it",
    ...byId("alert_id", 80, "alert", "AlertDetail"),
  },
  ({ params: { alert_id }, unmask }, ctx) =>
    ctx.reads.use(async (s) => {
      const a = await getAlert(s, alert_id, { unmask });
      const r = (await reviewsOf(s, [a.alert_id])).get(a.alert_id);
      // Never reviewed: "new", as in the listings.
      const { status = "new", reason = null, reviewer = null, reviewed_at = null } = r ?? {};
      return { ...a, review: { status, reason, reviewer, reviewed_at } } as never;
    }),
);

export function alertDetailRoutes(ctx: ServerContext) {
  return routeGroup(ctx, [getOneAlert]);
}
