/**
 * Reads the web app's pages need beyond the list reads (reads.ts): the session (public), the
 * overview with the map,
 * the persons behind a port's crossings, one cohort's rotation timeline and the sponsor–team–
 * port–list-entity network. Masked unless `unmask=true` with a grant, like every read.
 */
import { z } from "@hono/zod-openapi";
import { loadGazetteer } from "../../gazetteer/load-gazetteer.js";
import { getCohort } from "../../read/cohort-detail.js";
import { readNetwork } from "../../read/network.js";
import { readOverviewView } from "../../read/overview-view.js";
import { readStorePolicy } from "../../read/policy.js";
import { listPortPersons } from "../../read/port-persons.js";
import { drawCrossingsMap } from "../../report/map.js";
import { routeGroup } from "../auth.js";
import { kept, type ServerContext } from "../context.js";
import { byId, jsonRoute } from "./json-route.js";
import { Any } from "./schemas.js";

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

export function viewRoutes(ctx: ServerContext) {
  const gazetteer = loadGazetteer();
  return routeGroup(ctx, [
    jsonRoute(
      {
        route: "GET /api/views/session",
        access: "public",
        summary:
          "the logged-in user and CSRF token, or user null: the web app asks on start without an error for a visitor",
        response: [Any("Session"), "the session, if any"],
      },
      ({ c }) => {
        const cred = c.get("cred");
        return cred
          ? { user: cred.user, csrf_token: cred.csrfToken }
          : { user: null, csrf_token: null };
      },
    ),
    view("GET /api/views/overview", "OverviewView", {
      summary:
        "headline figures, weekly presence of likely workers per city, crossings per port and the map (SVG)",
      answer: "the overview",
      read: () => overviewView(ctx),
    }),
    jsonRoute(
      {
        route: "GET /api/views/ports/{port_id}/persons",
        access: "viewer",
        summary: "DPRK nationals who crossed at a port, most likely workers first",
        params: { port_id: z.string().min(1).max(80) },
        query: { limit: z.coerce.number().int().min(1).max(500).default(100) },
        unmask: ({ params }) => `persons at port ${params.port_id}`,
        cached: true,
        response: [Any("PortPersons"), "persons at the port"],
      },
      async ({ params: { port_id }, query, unmask }) => {
        const page = await ctx.reads.use((s) =>
          listPortPersons(s, port_id, { limit: query.limit, unmask }),
        );
        const port = gazetteer.ports.find((p) => p.id === port_id);
        return { ...page, name: port?.name_en ?? port_id, name_zh: port?.name_zh ?? null };
      },
    ),
    jsonRoute(
      {
        route: "GET /api/views/cohorts/{cohort_id}",
        access: "viewer",
        summary:
          "one cohort: members by role with first and last crossing, movements, sponsors in every script",
        ...byId("cohort_id", 40, "cohort", "CohortDetail"),
      },
      ({ params: { cohort_id }, unmask }) =>
        ctx.reads.use((s) => getCohort(s, cohort_id, { unmask })) as never,
    ),
    view("GET /api/views/policy", "PolicyView", {
      summary: "the deadline and likely-worker score of the policy of the store's last analyze run",
      answer: "the policy's figures",
      read: async () => {
        const { policy, run } = await policyView(ctx);
        return { deadline: policy.deadline, likely_worker_score: policy.score.threshold, run };
      },
    }),
    view("GET /api/views/network", "Network", {
      summary: "sponsors, their labour teams, the ports they use and the list entities they match",
      answer: "nodes and links",
      read: () => networkView(ctx),
    }),
  ]);
}

/** A viewer's GET of a whole-store view, named `name` in the OpenAPI document. */
function view(
  route: `GET ${string}`,
  name: string,
  v: { summary: string; answer: string; read: () => Promise<unknown> },
) {
  return jsonRoute(
    {
      route,
      access: "viewer",
      summary: v.summary,
      response: [Any(name), v.answer],
      cached: "view",
      warm: [{}],
    },
    async () => (await v.read()) as never,
  );
}
