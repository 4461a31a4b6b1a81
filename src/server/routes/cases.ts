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
import { checkUnmask } from "../unmask.js";
import { JobSchema } from "./jobs.js";
import { Json } from "./schemas.js";

const CaseSummarySchema = z
  .object({
    case_id: z.string(),
    title: z.string(),
    status: z.enum(CASE_STATUSES),
    assignee: z.string().nullable(),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
    items: z.number().int(),
  })
  .openapi("CaseSummary");

const NoteSchema = z
  .object({
    note_id: z.number().int(),
    author: z.string(),
    body: z.string(),
    created_at: z.string(),
  })
  .openapi("CaseNote");

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

const CaseId = z.object({ case_id: z.string().min(1).max(40) });
const Item = z.object({ kind: z.enum(CASE_ITEM_KINDS), ref: z.string().min(1).max(200) });

/** A case write and its audit entry, in one transaction. */
function caseWrite<T>(
  ctx: ServerContext,
  actor: string,
  caseId: string | null,
  detail: Record<string, unknown>,
  fn: (s: Store) => Promise<T & { case_id?: string }>,
): Promise<T> {
  return writeAudited(ctx, fn, (r) => {
    const id = caseId ?? r.case_id ?? null;
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

const getCases = guarded(
  {
    method: "get",
    path: "/api/cases",
    access: "viewer",
    summary: "cases, newest first",
    request: {
      query: z.object({
        assignee: z.string().max(64).optional(),
        status: z.enum(CASE_STATUSES).optional(),
      }),
    },
    responses: { 200: Json(z.object({ cases: z.array(CaseSummarySchema) }), "cases") },
  },
  async (c, ctx) => {
    const q = c.req.valid("query");
    return c.json({ cases: await ctx.reads.use((s) => listCases(s, q)) }, 200);
  },
);

const postCases = guarded(
  {
    method: "post",
    path: "/api/cases",
    access: "analyst",
    summary: "open a case",
    request: {
      body: {
        content: {
          "application/json": {
            schema: z.object({
              title: z.string().min(1).max(200),
              assignee: z.string().max(64).nullable().optional(),
            }),
          },
        },
        required: true,
      },
    },
    responses: { 200: Json(CaseSchema, "the case") },
  },
  async (c, ctx) => {
    const cred = credOf(c);
    const body = c.req.valid("json");
    const created = await caseWrite(ctx, cred.user.name, null, { opened: body.title }, (s) =>
      createCase(s, body, cred.user.name),
    );
    return c.json(created, 200);
  },
);

const getCasesCaseId = guarded(
  {
    method: "get",
    path: "/api/cases/{case_id}",
    access: "viewer",
    summary: "one case with its items and notes",
    request: { params: CaseId },
    responses: { 200: Json(CaseSchema, "the case") },
  },
  async (c, ctx) => {
    const { case_id } = c.req.valid("param");
    return c.json(await ctx.reads.use((s) => getCase(s, case_id)), 200);
  },
);

const patchCasesCaseId = guarded(
  {
    method: "patch",
    path: "/api/cases/{case_id}",
    access: "analyst",
    summary: "change a case's title, status or assignee",
    request: {
      params: CaseId,
      body: {
        content: {
          "application/json": {
            schema: z.object({
              title: z.string().min(1).max(200).optional(),
              status: z.enum(CASE_STATUSES).optional(),
              assignee: z.string().max(64).nullable().optional(),
            }),
          },
        },
        required: true,
      },
    },
    responses: { 200: Json(CaseSchema, "the case") },
  },
  async (c, ctx) => {
    const cred = credOf(c);
    const { case_id } = c.req.valid("param");
    const body = c.req.valid("json");
    const r = await caseWrite(ctx, cred.user.name, case_id, { changed: body }, (s) =>
      updateCase(s, case_id, body),
    );
    return c.json(r, 200);
  },
);

const postCasesCaseIdItems = guarded(
  {
    method: "post",
    path: "/api/cases/{case_id}/items",
    access: "analyst",
    summary: "add persons, alerts, cohorts, sponsors or claims to a case",
    request: {
      params: CaseId,
      body: {
        content: {
          "application/json": { schema: z.object({ items: z.array(Item).min(1).max(1000) }) },
        },
        required: true,
      },
    },
    responses: { 200: Json(CaseSchema, "the case") },
  },
  async (c, ctx) => {
    const cred = credOf(c);
    const { case_id } = c.req.valid("param");
    const { items } = c.req.valid("json");
    const r = await caseWrite(ctx, cred.user.name, case_id, { added: items }, (s) =>
      addCaseItems(s, case_id, items, cred.user.name),
    );
    return c.json(r, 200);
  },
);

const deleteCasesCaseIdItemsKindRef = guarded(
  {
    method: "delete",
    path: "/api/cases/{case_id}/items/{kind}/{ref}",
    access: "analyst",
    summary: "remove an item from a case",
    request: { params: CaseId.extend(Item.shape) },
    responses: { 200: Json(CaseSchema, "the case") },
  },
  async (c, ctx) => {
    const cred = credOf(c);
    const { case_id, kind, ref } = c.req.valid("param");
    const r = await caseWrite(ctx, cred.user.name, case_id, { removed: { kind, ref } }, (s) =>
      removeCaseItem(s, case_id, kind, ref),
    );
    return c.json(r, 200);
  },
);

const postCasesCaseIdNotes = guarded(
  {
    method: "post",
    path: "/api/cases/{case_id}/notes",
    access: "analyst",
    summary: "add a note to a case (plain text; shown as text, never as markup)",
    request: {
      params: CaseId,
      body: {
        content: {
          "application/json": { schema: z.object({ body: z.string().min(1).max(20000) }) },
        },
        required: true,
      },
    },
    responses: { 200: Json(NoteSchema, "the note") },
  },
  async (c, ctx) => {
    const cred = credOf(c);
    const { case_id } = c.req.valid("param");
    const { body } = c.req.valid("json");
    const note = await caseWrite(ctx, cred.user.name, case_id, { note: "added" }, (s) =>
      addCaseNote(s, case_id, cred.user.name, body),
    );
    return c.json(note, 200);
  },
);

const postCasesCaseIdExport = guarded(
  {
    method: "post",
    path: "/api/cases/{case_id}/export",
    access: "analyst",
    summary:
      "write the case's evidence pack (a job); unmask=true needs an unmask grant for the session or the case",
    request: {
      params: CaseId,
      query: z.object({ unmask: z.enum(["true", "false"]).optional() }),
    },
    responses: { 202: Json(JobSchema, "the export job") },
  },
  async (c, ctx) => {
    const cred = credOf(c);
    const { case_id } = c.req.valid("param");
    const q = c.req.valid("query");
    await ctx.reads.use((s) => getCase(s, case_id));
    const unmask = await checkUnmask(
      c,
      ctx,
      { unmask: q.unmask, case: case_id },
      `case ${case_id} export`,
    );
    const job = await ctx.jobs.submit({
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
    return c.json(job, 202);
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
