/**
 * Reads over the read models (src/read): persons, person detail, alerts with their review
 * status, cohorts, sponsors, presence, evidence, screening, lists, ingest runs and rejects.
 * Masked unless `unmask=true` from an analyst holding an unmask grant (../unmask.ts); every
 * unmasked read is logged.
 */
import { z } from "@hono/zod-openapi";
import { SCREEN_THRESHOLD } from "../../core/screening/index.js";
import type { Store } from "../../db/store.js";
import { listClaims, listSources } from "../../evidence/store-evidence.js";
import { ALERT_SORTS, type AlertView, listAlerts } from "../../read/alerts.js";
import { listCohorts } from "../../read/cohorts.js";
import { listIngestRuns, listRejects } from "../../read/ingest.js";
import { listImports } from "../../read/lists.js";
import { getPerson, searchPersons } from "../../read/persons.js";
import { readPresence } from "../../read/presence.js";
import { listSponsors } from "../../read/sponsors.js";
import {
  type AlertReview,
  listReviews,
  REVIEW_STATUSES,
  reviewsOf,
} from "../../review/alert-review.js";
import { routeGroup } from "../auth.js";
import { kept, type ServerContext } from "../context.js";
import { byId, jsonRoute } from "./json-route.js";
import { Any, Flag, Paging } from "./schemas.js";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const Place = z.string().max(100).optional();
const Rows = z.array(z.record(z.string(), z.unknown()));
const PageOf = (name: string) =>
  z.object({ items: Rows, next: z.string().nullable() }).openapi(name);

/** The review fields an alert carries in listings. */
function withReview(a: AlertView, r: AlertReview | undefined) {
  return {
    ...a,
    review: {
      status: r?.status ?? "new",
      reason: r?.reason ?? null,
      reviewer: r?.reviewer ?? null,
      reviewed_at: r?.reviewed_at ?? null,
    },
  };
}

const ScreenQuerySchema = z.object({
  name: z.string().trim().min(1).max(300),
  birth_date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD")
    .optional(),
  nationality: z.string().max(60).optional(),
});
const screen = async (ctx: ServerContext, queries: z.infer<typeof ScreenQuerySchema>[]) => {
  const index = await ctx.screening.get((fn) => ctx.viewReads.use(fn));
  return queries.map((q) => ({
    query: q,
    threshold: SCREEN_THRESHOLD,
    matches: index
      .screen({ name: q.name, birthDate: q.birth_date, nationality: q.nationality }, { limit: 10 })
      .map((m) => ({ ...m, match: m.score >= SCREEN_THRESHOLD })),
  }));
};

export function readRoutes(ctx: ServerContext) {
  return routeGroup(ctx, [
    getPersons,
    getPersonsPersonId,
    getAlerts,
    getCohorts,
    listing("/api/sponsors", "sponsors", listSponsors, SPONSORS),
    getPresence,
    listing(
      "/api/evidence/sources",
      "sources",
      listSources,
      "evidence sources with their grade and SHA-256",
    ),
    getEvidenceClaims,
    getScreen,
    postScreen,
    listing("/api/lists", "lists", listImports, "imported sanctions lists and versions"),
    listing("/api/runs", "runs", listIngestRuns, "ingest runs: file, SHA-256, counts, times"),
    getRejects,
  ]);
}

/** The cohorts listing (of one kind, or all), kept until a job writes. */
const cohortsView = (ctx: ServerContext, kind?: string) =>
  kept(ctx, `cohorts:${kind ?? ""}`, (s) => listCohorts(s, { kind }));

const SPONSORS =
  "sponsors, their teams, and whether they ceased or continued after the analyze policy's deadline";

/**
 * A viewer's GET of a whole table-like read model, answered as `{ [key]: rows }`; kept until the
 * next write (each changes only with a job: analyze, ingest, list import, evidence add).
 */
function listing(
  path: string,
  key: string,
  read: (store: Store) => Promise<unknown[]>,
  summary: string,
) {
  return jsonRoute(
    {
      route: `GET ${path}`,
      access: "viewer",
      summary,
      response: [z.object({ [key]: Rows }), key],
      cached: "view",
      warm: [{}],
    },
    async (_, ctx) => ({ [key]: (await kept(ctx, path, read)) as never }),
  );
}

const getPersons = jsonRoute(
  {
    route: "GET /api/persons",
    access: "viewer",
    summary: "search persons by a name in any script or a document number (cursor paging)",
    query: { q: z.string().trim().min(1).max(200), ...Paging },
    unmask: ({ query }) => `person search "${query.q}"`,
    cached: true,
    response: [PageOf("PersonPage"), "a page of persons"],
  },
  ({ query: q, unmask }, ctx) =>
    ctx.reads.use((s) =>
      searchPersons(s, { query: q.q, limit: q.limit, cursor: q.cursor, unmask }),
    ) as never,
);

const getPersonsPersonId = jsonRoute(
  {
    route: "GET /api/persons/{person_id}",
    access: "viewer",
    summary:
      "one person: names, documents, records with link reasons, stays, alerts (with review status), cohorts",
    ...byId("person_id", 40, "person", "PersonDetail"),
  },
  ({ params: { person_id }, unmask }, ctx) =>
    ctx.reads.use(async (s) => {
      const d = await getPerson(s, person_id, { unmask });
      const ids = d.alerts.map((a) => String(a.alert_id));
      const reviews = await reviewsOf(s, ids);
      return {
        ...d,
        alerts: d.alerts.map((a) => ({
          ...a,
          review_status: reviews.get(String(a.alert_id))?.status ?? "new",
        })),
      } as never;
    }),
);

const getAlerts = jsonRoute(
  {
    route: "GET /api/alerts",
    access: "viewer",
    summary:
      "alerts: filter by rule, person, cohort, place, period, minimum score and review status; sort by rule or score; cursor paging",
    query: {
      rule: z.string().max(60).optional(),
      person: z.string().max(40).optional(),
      cohort: z.string().max(40).optional(),
      place: Place,
      from: Day.optional(),
      to: Day.optional(),
      min_score: z.coerce.number().min(0).max(1).optional(),
      status: z.enum(REVIEW_STATUSES).optional(),
      sort: z.enum(ALERT_SORTS).default("rule"),
      ...Paging,
    },
    unmask: () => "alerts",
    cached: true,
    response: [PageOf("AlertPage"), "a page of alerts"],
    // The alert queue's first page as the web app asks for it.
    warm: [{ sort: "score", limit: "100" }],
  },
  ({ query: q, unmask }, ctx) => {
    const filter = {
      rule: q.rule,
      person: q.person,
      cohort: q.cohort,
      place: q.place,
      from: q.from,
      to: q.to,
      minScore: q.min_score,
      sort: q.sort,
      unmask,
    };
    return ctx.reads.use(async (s) => {
      if (!q.status) {
        const p = await listAlerts(s, { ...filter, limit: q.limit, cursor: q.cursor });
        const reviews = await reviewsOf(
          s,
          p.items.map((a) => a.alert_id),
        );
        return {
          items: p.items.map((a) => withReview(a, reviews.get(a.alert_id))),
          next: p.next,
        } as never;
      }
      return alertsWithStatus(s, q.status, filter, q.limit, q.cursor) as never;
    });
  },
);

const getCohorts = jsonRoute(
  {
    route: "GET /api/cohorts",
    access: "viewer",
    summary: "cohorts: groups that cross together (labour teams, tour groups)",
    query: { kind: z.string().max(40).optional() },
    response: [z.object({ cohorts: Rows }), "cohorts"],
    cached: "view",
    warm: [{}],
  },
  async ({ query: q }, ctx) => ({ cohorts: (await cohortsView(ctx, q.kind)) as never }),
);

const getPresence = jsonRoute(
  {
    route: "GET /api/presence",
    access: "viewer",
    summary: "likely workers present per city and day",
    query: { from: Day.optional(), to: Day.optional(), place: Place },
    response: [Any("Presence"), "presence series or why there are none"],
    cached: "view",
    warm: [{}],
  },
  async ({ query: q }, ctx) => {
    const key = `presence:${q.from ?? ""}:${q.to ?? ""}:${q.place ?? ""}`;
    return (await kept(ctx, key, (s) => readPresence(s, q))) as never;
  },
);

const getEvidenceClaims = jsonRoute(
  {
    route: "GET /api/evidence/claims",
    access: "viewer",
    summary: "claims with grade and corroboration",
    query: {
      place: Place,
      kind: z.string().max(40).optional(),
      status: z.string().max(20).optional(),
      source: z.coerce.number().int().positive().optional(),
    },
    response: [z.object({ claims: Rows }), "claims"],
  },
  async ({ query: q }, ctx) => ({
    claims: (await ctx.reads.use((s) =>
      listClaims(s, { place: q.place, kind: q.kind, status: q.status, sourceId: q.source }),
    )) as never,
  }),
);

const getScreen = jsonRoute(
  {
    route: "GET /api/screen",
    access: "viewer",
    summary: "screen one name against the imported sanctions lists: ranked, explained matches",
    query: ScreenQuerySchema.shape,
    response: [Any("ScreenResult"), "matches"],
  },
  async ({ query }, ctx) => ((await screen(ctx, [query]))[0] ?? {}) as never,
);

const postScreen = jsonRoute(
  {
    route: "POST /api/screen",
    access: "viewer",
    summary: "screen a batch of names (up to 1000)",
    body: z.object({ queries: z.array(ScreenQuerySchema).min(1).max(1000) }),
    response: [z.object({ results: Rows }), "matches per query"],
  },
  async ({ body }, ctx) => ({ results: (await screen(ctx, body.queries)) as never }),
);

const getRejects = jsonRoute(
  {
    route: "GET /api/rejects",
    access: "viewer",
    summary:
      "rejected rows (or warnings) with file, line, column, value and reason; raw rows only unmasked",
    query: { run: z.coerce.number().int().positive().optional(), warnings: Flag },
    unmask: ({ query }) => `rejects${query.run ? ` of run ${query.run}` : ""}`,
    response: [z.object({ rejects: Rows }), "rejects"],
  },
  async ({ query: q, unmask }, ctx) => ({
    rejects: (await ctx.reads.use((s) =>
      listRejects(s, { run: q.run, warnings: q.warnings === "true", unmask }),
    )) as never,
  }),
);

/**
 * Alerts in one review status. Reviewed alerts are few: the review table (which keeps each
 * alert's rule, subject and period) lists them, filtered here. `new` alerts are all the others:
 * pages of the read model with the reviewed ones left out.
 */
async function alertsWithStatus(
  s: Parameters<typeof listAlerts>[0],
  status: (typeof REVIEW_STATUSES)[number],
  f: {
    rule?: string;
    person?: string;
    cohort?: string;
    from?: string;
    to?: string;
    minScore?: number;
    sort: (typeof ALERT_SORTS)[number];
    unmask: boolean;
    place?: string;
  },
  limit: number,
  cursor: string | undefined,
) {
  if (status === "new") {
    const items: ReturnType<typeof withReview>[] = [];
    let next: string | null = cursor ?? null;
    do {
      const p = await listAlerts(s, { ...f, limit, cursor: next });
      const reviews = await reviewsOf(
        s,
        p.items.map((a) => a.alert_id),
      );
      for (const a of p.items)
        if (!reviews.has(a.alert_id) || reviews.get(a.alert_id)?.status === "new")
          items.push(withReview(a, undefined));
      next = p.next;
    } while (items.length < limit && next);
    return { items: items.slice(0, limit), next };
  }
  const offset = cursor ? Number(Buffer.from(cursor, "base64url").toString()) || 0 : 0;
  const all = (await listReviews(s, { status })).filter(
    (r) =>
      (!f.rule || r.rule === f.rule) &&
      (!f.person || r.person_id === f.person) &&
      (!f.cohort || r.cohort_id === f.cohort) &&
      (!f.from || (r.period_end ?? r.period_start ?? "") >= f.from) &&
      (!f.to || (r.period_start ?? "") <= f.to),
  );
  const page = all.slice(offset, offset + limit);
  return {
    items: page.map((r) => ({
      alert_id: r.alert_id,
      rule: r.rule,
      person_id: r.person_id,
      cohort_id: r.cohort_id,
      period_start: r.period_start,
      period_end: r.period_end,
      raised: r.raised,
      review: {
        status: r.status,
        reason: r.reason,
        reviewer: r.reviewer,
        reviewed_at: r.reviewed_at,
      },
    })),
    next:
      offset + limit < all.length
        ? Buffer.from(String(offset + limit)).toString("base64url")
        : null,
  };
}
