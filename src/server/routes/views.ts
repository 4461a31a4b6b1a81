/**
 * Reads the web app's pages need beyond the list reads (reads.ts): the session (public), the
 * overview with the map,
 * the persons behind a port's crossings, one cohort's rotation timeline and the sponsor–team–
 * port–list-entity network. Masked unless `unmask=true` with a grant, like every read.
 */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { loadGazetteer } from "../../gazetteer/load-gazetteer.js";
import { getCohort } from "../../read/cohort-detail.js";
import { readNetwork } from "../../read/network.js";
import { readOverviewView } from "../../read/overview-view.js";
import { readStorePolicy } from "../../read/policy.js";
import { listPortPersons } from "../../read/port-persons.js";
import { drawCrossingsMap } from "../../report/map.js";
import { type AppEnv, apiRoute } from "../auth.js";
import { kept, type ServerContext } from "../context.js";
import { checkUnmask } from "../unmask.js";
import { cohortsView, sponsorsView } from "./reads.js";
import { Json, UnmaskQuery } from "./schemas.js";

const Any = (name: string) => z.record(z.string(), z.unknown()).openapi(name);

/** The overview with its map: projecting the country shapes is most of the map's time. */
function overviewView(ctx: ServerContext) {
  return kept(ctx, "view:overview", async (s) => {
    const gazetteer = loadGazetteer();
    const view = await readOverviewView(s, gazetteer);
    const map = drawCrossingsMap(gazetteer.ports, view.ports, gazetteer.cities);
    return {
      ...view,
      map: {
        svg: map.svg,
        approximate: map.approximate.map((a) => a.id),
        missing: map.portsWithoutCoordinates,
      },
    };
  });
}

const networkView = (ctx: ServerContext) =>
  kept(ctx, "view:network", (s) => readNetwork(s, loadGazetteer()));
const policyView = (ctx: ServerContext) => kept(ctx, "view:policy", readStorePolicy);

/**
 * Computes the views the first pages open (overview, policy, network, cohorts, sponsors), so
 * the first users after a start do not each wait on a scan; failures are left to the requests.
 */
export async function warmViews(ctx: ServerContext): Promise<void> {
  await Promise.allSettled([
    overviewView(ctx),
    policyView(ctx),
    cohortsView(ctx),
    sponsorsView(ctx),
    networkView(ctx),
  ]);
}

export function viewRoutes(ctx: ServerContext) {
  const app = new OpenAPIHono<AppEnv>();
  const gazetteer = loadGazetteer();
  app.openapi(
    apiRoute({
      method: "get",
      path: "/api/views/session",
      access: "public",
      summary:
        "the logged-in user and CSRF token, or user null: the web app asks on start without an error for a visitor",
      responses: { 200: Json(Any("Session"), "the session, if any") },
    }),
    (c) => {
      const cred = c.get("cred");
      return c.json(
        (cred
          ? { user: cred.user, csrf_token: cred.csrfToken }
          : { user: null, csrf_token: null }) as never,
        200,
      );
    },
  );
  app.openapi(
    apiRoute({
      method: "get",
      path: "/api/views/overview",
      access: "viewer",
      summary:
        "headline figures, weekly presence of likely workers per city, crossings per port and the map (SVG)",
      responses: { 200: Json(Any("OverviewView"), "the overview") },
    }),
    async (c) => c.json((await overviewView(ctx)) as never, 200),
  );
  app.openapi(
    apiRoute({
      method: "get",
      path: "/api/views/ports/{port_id}/persons",
      access: "viewer",
      summary: "DPRK nationals who crossed at a port, most likely workers first",
      request: {
        params: z.object({ port_id: z.string().min(1).max(80) }),
        query: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          ...UnmaskQuery,
        }),
      },
      responses: { 200: Json(Any("PortPersons"), "persons at the port") },
    }),
    async (c) => {
      const { port_id } = c.req.valid("param");
      const q = c.req.valid("query");
      const unmask = await checkUnmask(c, ctx, q, `persons at port ${port_id}`);
      const page = await ctx.reads.use((s) =>
        listPortPersons(s, port_id, { limit: q.limit, unmask }),
      );
      const port = gazetteer.ports.find((p) => p.id === port_id);
      return c.json(
        { ...page, name: port?.name_en ?? port_id, name_zh: port?.name_zh ?? null } as never,
        200,
      );
    },
  );
  app.openapi(
    apiRoute({
      method: "get",
      path: "/api/views/cohorts/{cohort_id}",
      access: "viewer",
      summary:
        "one cohort: members by role with first and last crossing, movements, sponsors in every script",
      request: {
        params: z.object({ cohort_id: z.string().min(1).max(40) }),
        query: z.object(UnmaskQuery),
      },
      responses: { 200: Json(Any("CohortDetail"), "the cohort") },
    }),
    async (c) => {
      const { cohort_id } = c.req.valid("param");
      const q = c.req.valid("query");
      const unmask = await checkUnmask(c, ctx, q, `cohort ${cohort_id}`);
      return c.json(
        (await ctx.reads.use((s) => getCohort(s, cohort_id, { unmask }))) as never,
        200,
      );
    },
  );
  app.openapi(
    apiRoute({
      method: "get",
      path: "/api/views/policy",
      access: "viewer",
      summary: "the deadline and likely-worker score of the policy of the store's last analyze run",
      responses: { 200: Json(Any("PolicyView"), "the policy's figures") },
    }),
    async (c) => {
      const { policy, run } = await policyView(ctx);
      return c.json(
        { deadline: policy.deadline, likely_worker_score: policy.score.threshold, run } as never,
        200,
      );
    },
  );
  app.openapi(
    apiRoute({
      method: "get",
      path: "/api/views/network",
      access: "viewer",
      summary: "sponsors, their labour teams, the ports they use and the list entities they match",
      responses: { 200: Json(Any("Network"), "nodes and links") },
    }),
    async (c) => c.json((await networkView(ctx)) as never, 200),
  );
  return app;
}
