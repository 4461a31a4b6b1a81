/** Cases: persons, alerts, cohorts, sponsors and claims grouped, with notes and an assignee. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "@hono/zod-openapi";
import { recordAudit } from "../../audit/audit-log.js";
import {
  addCaseItems,
  addCaseNote,
  CASE_ITEM_KINDS,
  CASE_STATUSES,
  createCase,
  getCase,
  listCases,
  removeCaseItem,
  updateCase,
} from "../../cases/cases.js";
import { exportCase } from "../../cases/export-case.js";
import type { Store } from "../../db/store.js";
import { credOf, guarded, routeGroup } from "../auth.js";
import { type ServerContext, writeAudited } from "../context.js";
import { ApiError } from "../errors.js";
import { JobSchema } from "../jobs.js";
import { checkUnmask } from "../unmask.js";
import { jsonRoute, type RouteInput } from "./json-route.js";
import { Flag, named } from "./schemas.js";

const CaseSummarySchema = named("CaseSummary", {
  case_id: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  assignee: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  items: z.number().int(),
});

const NoteSchema = named("CaseNote", {
  note_id: z.number().int(),
  author: z.string(),
  body: z.string(),
  created_at: z.string(),
});

const CaseSchema = CaseSummarySchema.extend({
  entities: z.array(
    z.object({
      kind: z.enum(CASE_ITEM_KINDS),
      ref: z.string(),
      added_by: z.string(),
      added_at: z.string(),
    }),
  ),
  notes: z.array(NoteSchema),
}).openapi("Case");

const CaseId = { case_id: z.string().min(1).max(40) };
const Title = z.string().min(1).max(200);
const Assignee = z.string().max(64).nullable().optional();
const Item = z.object({ kind: z.enum(CASE_ITEM_KINDS), ref: z.string().min(1).max(200) });

/** A case write and its audit entry, in one transaction. */
function caseWrite<T>(
  ctx: ServerContext,
  actor: string,
  caseId: string | null,
  detail: Record<string, unknown>,
  fn: (s: Store) => Promise<T>,
): Promise<T> {
  return writeAudited(ctx, fn, (r) => {
    const id = caseId ?? (r as { case_id?: string }).case_id ?? null;
    return { actor, action: "write", target: id, detail: { case_id: id, ...detail } };
  });
}

export function caseRoutes(ctx: ServerContext) {
  return routeGroup(ctx, [
    getCases,
    postCases,
    getCasesCaseId,
    patchCasesCaseId,
    postCasesCaseIdItems,
    deleteCasesCaseIdItemsKindRef,
    postCasesCaseIdNotes,
    postCasesCaseIdExport,
    getJobsJobIdFiles,
  ]);
}

const getCases = jsonRoute(
  {
    route: "GET /api/cases",
    access: "viewer",
    summary: "cases, newest first",
    query: { assignee: z.string().max(64).optional(), status: z.enum(CASE_STATUSES).optional() },
    response: [z.object({ cases: z.array(CaseSummarySchema) }), "cases"],
  },
  async ({ query }, ctx) => ({ cases: await ctx.reads.use((s) => listCases(s, query)) }),
);

const postCases = jsonRoute(
  {
    route: "POST /api/cases",
    access: "analyst",
    summary: "open a case",
    body: z.object({ title: Title, assignee: Assignee }),
    response: [CaseSchema, "the case"],
  },
  ({ body, cred }, ctx) =>
    caseWrite(ctx, cred.user.name, null, { opened: body.title }, (s) =>
      createCase(s, body, cred.user.name),
    ),
);

const getCasesCaseId = jsonRoute(
  {
    route: "GET /api/cases/{case_id}",
    access: "viewer",
    summary: "one case with its items and notes",
    params: CaseId,
    response: [CaseSchema, "the case"],
  },
  ({ params: { case_id } }, ctx) => ctx.reads.use((s) => getCase(s, case_id)),
);

/**
 * A route that changes one case (analyst) and answers with `response`; `write` returns the audit
 * entry's detail and the change.
 */
function caseChange<
  B extends z.ZodType,
  R extends z.ZodType,
  P extends z.ZodRawShape = Record<never, never>,
>(
  def: { route: `${"POST" | "PATCH" | "DELETE"} ${string}`; summary: string; params?: P; body?: B },
  response: [R, string],
  write: (
    caseId: string,
    input: RouteInput<typeof CaseId & P, z.ZodRawShape, B>,
  ) => [Record<string, unknown>, (s: Store) => Promise<z.input<R>>],
) {
  return jsonRoute(
    {
      ...def,
      access: "analyst",
      params: { ...CaseId, ...def.params } as typeof CaseId & P,
      response,
    },
    (input, ctx) => {
      const id = (input.params as { case_id: string }).case_id;
      const [detail, fn] = write(id, input);
      return caseWrite(ctx, input.cred.user.name, id, detail, fn);
    },
  );
}

const patchCasesCaseId = caseChange(
  {
    route: "PATCH /api/cases/{case_id}",
    summary: "change a case's title, status or assignee",
    body: z.object({
      title: Title.optional(),
      status: z.enum(CASE_STATUSES).optional(),
      assignee: Assignee,
    }),
  },
  [CaseSchema, "the case"],
  (id, { body }) => [{ changed: body }, (s) => updateCase(s, id, body)],
);

const postCasesCaseIdItems = caseChange(
  {
    route: "POST /api/cases/{case_id}/items",
    summary: "add persons, alerts, cohorts, sponsors or claims to a case",
    body: z.object({ items: z.array(Item).min(1).max(1000) }),
  },
  [CaseSchema, "the case"],
  (id, { body: { items }, cred }) => [
    { added: items },
    (s) => addCaseItems(s, id, items, cred.user.name),
  ],
);

const deleteCasesCaseIdItemsKindRef = caseChange(
  {
    route: "DELETE /api/cases/{case_id}/items/{kind}/{ref}",
    summary: "remove an item from a case",
    params: Item.shape,
  },
  [CaseSchema, "the case"],
  (id, { params: { kind, ref } }) => [
    { removed: { kind, ref } },
    (s) => removeCaseItem(s, id, kind, ref),
  ],
);

const postCasesCaseIdNotes = caseChange(
  {
    route: "POST /api/cases/{case_id}/notes",
    summary: "add a note to a case (plain text; shown as text, never as markup)",
    body: z.object({ body: z.string().min(1).max(20000) }),
  },
  [NoteSchema, "the note"],
  (id, { body: { body }, cred }) => [
    { note: "added" },
    (s) => addCaseNote(s, id, cred.user.name, body),
  ],
);

const postCasesCaseIdExport = jsonRoute(
  {
    route: "POST /api/cases/{case_id}/export",
    access: "analyst",
    summary:
      "write the case's evidence pack (a job); unmask=true needs an unmask grant for the session or the case",
    params: CaseId,
    query: { unmask: Flag },
    response: [JobSchema, "the export job"],
    status: 202,
  },
  async ({ params: { case_id }, query, cred, c }, ctx) => {
    await ctx.reads.use((s) => getCase(s, case_id));
    const unmask = await checkUnmask(
      c,
      ctx,
      { unmask: query.unmask, case: case_id },
      `case ${case_id} export`,
    );
    return ctx.jobs.submit({
      kind: "case-export",
      actor: cred.user.name,
      target: case_id,
      params: { case_id, unmask },
      async run(store) {
        const dir = join(ctx.options.filesDir, "exports", `${case_id}-${Date.now()}`);
        const r = await exportCase(store, case_id, dir, { unmask });
        return { case_id, masked: r.masked, counts: r.counts, files: r.files, dir: r.out };
      },
    });
  },
);

const getJobsJobIdFiles = guarded(
  {
    method: "get",
    path: "/api/jobs/{job_id}/files",
    access: "analyst",
    summary: "download one file of a finished export job (?path= as listed in its result)",
    request: {
      params: z.object({ job_id: z.string().max(40) }),
      query: z.object({ path: z.string().min(1).max(300) }),
    },
    responses: {
      200: {
        description: "the file",
        content: { "application/octet-stream": { schema: z.string() } },
      },
    },
  },
  async (c, ctx) => {
    const cred = credOf(c);
    const { job_id } = c.req.valid("param");
    const { path } = c.req.valid("query");
    if (path.split("/").some((p) => p === ".." || p === "" || p === ".") || path.includes("\\"))
      throw new ApiError(
        "bad-request",
        `path "${path}": expected a file name listed in the job's result`,
        {
          issues: [{ path: "query.path", message: "not a listed file" }],
        },
      );
    const job = await ctx.jobs.get(job_id);
    if (!job) throw new ApiError("not-found", `no job ${job_id}`);
    const result = job.result as {
      files?: { path: string }[];
      dir?: string;
      masked?: boolean;
      case_id?: string;
    } | null;
    if (job.kind !== "case-export" || job.status !== "succeeded" || !result?.files || !result.dir)
      throw new ApiError("not-found", `job ${job_id} has no files to download`);
    if (!result.files.some((f) => f.path === path) && path !== "manifest.json")
      throw new ApiError("not-found", `job ${job_id} has no file "${path}"`);
    const data = readFileSync(join(result.dir, path));
    await ctx.write((s) =>
      recordAudit(s, {
        actor: cred.user.name,
        action: "export",
        target: result.case_id ?? job_id,
        detail: {
          job_id,
          case_id: result.case_id ?? null,
          downloaded: path,
          masked: result.masked ?? true,
        },
      }),
    );
    c.header("Content-Type", "application/octet-stream");
    c.header("Content-Disposition", `attachment; filename="${path.split("/").pop()}"`);
    return c.body(data, 200);
  },
);
