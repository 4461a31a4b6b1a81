/**
 * Writes as jobs: each POST queues one and returns it at once; GET /api/jobs/{id} follows it.
 * Each calls the same feature function as its CLI command.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { ANALYZE_STEPS, runPipeline } from "../../analyze/pipeline.js";
import { createRun } from "../../analyze/run.js";
import type { ListFormat } from "../../core/screening/index.js";
import { LIST_FORMATS } from "../../core/screening/index.js";
import { addSource } from "../../evidence/store-evidence.js";
import { ingestFile } from "../../ingest/ingest-file.js";
import { importList } from "../../sanctions/import-list.js";
import { loadScreeningIndex } from "../../sanctions/load-index.js";
import { readListFiles } from "../../sanctions/read-list-files.js";
import { screenStore } from "../../sanctions/screen-store.js";
import { type AppEnv, credOf, guarded, routeGroup } from "../auth.js";
import type { ServerContext } from "../context.js";
import { ApiError } from "../errors.js";
import { JOB_KINDS, JOB_STATUSES, type JobSpec, type JobView } from "../jobs.js";
import { saveUpload } from "../uploads.js";
import { Json } from "./schemas.js";

export const JobSchema = z
  .object({
    job_id: z.string(),
    kind: z.enum(JOB_KINDS),
    status: z.enum(JOB_STATUSES),
    created_by: z.string(),
    created_at: z.string(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
    params: z.record(z.string(), z.unknown()).nullable(),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: z.string().nullable(),
    progress: z.number().nullable(),
    stage: z.string().nullable(),
  })
  .openapi("Job");

const Upload = {
  content: {
    "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) },
  },
  required: true,
  description: "the file's bytes, streamed",
};

const FileName = z
  .string()
  .min(1)
  .max(200)
  .openapi({ description: "the file's name (a plain name, no path)" });

/** Saves the request body as the upload `name` and queues the job made for that file. */
async function queueUpload(
  c: Context<AppEnv>,
  ctx: ServerContext,
  name: string,
  job: (file: { path: string; bytes: number }) => Omit<JobSpec, "actor">,
): Promise<JobView> {
  const file = await saveUpload(c, ctx.options.filesDir, name, ctx.options.maxUploadBytes);
  return ctx.jobs.submit({ ...job(file), actor: credOf(c).user.name });
}

/** The named fields of a result, for a job's stored result. */
function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;
}

const queued = { 202: Json(JobSchema, "the job, queued") };

export function jobRoutes(ctx: ServerContext) {
  return routeGroup(ctx, [
    getJobs,
    getJobsJobId,
    postJobsIngest,
    postJobsAnalyze,
    postJobsListsImport,
    postJobsEvidence,
    postJobsRescreen,
  ]);
}

const getJobs = guarded(
  {
    method: "get",
    path: "/api/jobs",
    access: "viewer",
    summary: "the latest jobs",
    responses: { 200: Json(z.object({ jobs: z.array(JobSchema) }), "jobs") },
  },
  async (c, ctx) => c.json({ jobs: await ctx.jobs.list() }, 200),
);

const getJobsJobId = guarded(
  {
    method: "get",
    path: "/api/jobs/{job_id}",
    access: "viewer",
    summary: "one job: status, progress, result or error",
    request: { params: z.object({ job_id: z.string().max(40) }) },
    responses: { 200: Json(JobSchema, "the job") },
  },
  async (c, ctx) => {
    const { job_id } = c.req.valid("param");
    const job = await ctx.jobs.get(job_id);
    if (!job) throw new ApiError("not-found", `no job ${job_id}`);
    return c.json(job, 200);
  },
);

const postJobsIngest = guarded(
  {
    method: "post",
    path: "/api/jobs/ingest",
    access: "analyst",
    summary: "ingest one crossings file (CSV/TSV, .gz, JSON Lines, Parquet), streamed as the body",
    request: {
      query: z.object({ name: FileName, source: z.string().min(1).max(200).optional() }),
      body: Upload,
    },
    responses: queued,
  },
  async (c, ctx) => {
    const q = c.req.valid("query");
    const job = await queueUpload(c, ctx, q.name, (file) => ({
      kind: "ingest",
      params: { name: q.name, bytes: file.bytes, source: q.source ?? q.name },
      async run(store, progress) {
        progress(0, "reading");
        const r = await ingestFile(store, file.path, {
          source: q.source ?? q.name,
          onPhase: (phase) => progress(phase === "reading" ? 10 : 80, phase),
        });
        return {
          run_id: r.runId,
          ...pick(r, ["sha256", "read", "loaded", "duplicates", "rejected", "warnings", "seconds"]),
        };
      },
    }));
    return c.json(job, 202);
  },
);

const postJobsAnalyze = guarded(
  {
    method: "post",
    path: "/api/jobs/analyze",
    access: "analyst",
    summary: "run the analysis pipeline (identity → stays → cohorts → scores → rules → places)",
    responses: queued,
  },
  async (c, ctx) => {
    const job = await ctx.jobs.submit({
      kind: "analyze",
      actor: credOf(c).user.name,
      params: {},
      async run(store, progress) {
        const run = createRun(store, {
          // The limit `serve --memory` / SOJOURN_MEMORY_LIMIT gave the store, as the CLI's analyze keeps it.
          fixedMemoryLimit: store.memoryLimit,
          onStage: (done, total, label) => progress((100 * done) / total, label),
        });
        const r = await runPipeline(run, ANALYZE_STEPS);
        return {
          seconds: r.seconds,
          steps: r.steps.map((s) => ({ step: s.step, seconds: s.seconds, stats: s.stats })),
        };
      },
    });
    return c.json(job, 202);
  },
);

const postJobsListsImport = guarded(
  {
    method: "post",
    path: "/api/jobs/lists-import",
    access: "analyst",
    summary: "import one sanctions list file (UN XML, OFAC XML, EU XML, OpenSanctions FtM)",
    request: {
      query: z.object({
        name: FileName,
        format: z.enum(LIST_FORMATS).optional(),
        list: z.string().min(1).max(100).optional(),
        version: z.string().min(1).max(100).optional(),
      }),
      body: Upload,
    },
    responses: queued,
  },
  async (c, ctx) => {
    const q = c.req.valid("query");
    const job = await queueUpload(c, ctx, q.name, (file) => ({
      kind: "lists-import",
      params: { name: q.name, bytes: file.bytes, format: q.format ?? null, list: q.list ?? null },
      async run(store) {
        const read = readListFiles([file.path], {
          format: q.format as ListFormat | undefined,
          list: q.list,
        });
        const r = await importList(store, read, { version: q.version });
        ctx.screening.invalidate();
        return pick(r, ["list", "version", "unchanged", "entities", "added", "removed", "changed"]);
      },
    }));
    return c.json(job, 202);
  },
);

const postJobsEvidence = guarded(
  {
    method: "post",
    path: "/api/jobs/evidence",
    access: "analyst",
    summary: "add an evidence source (text, Markdown, HTML, PDF) with its grade",
    request: {
      query: z.object({
        name: FileName,
        title: z.string().max(500).optional(),
        publisher: z.string().max(500).optional(),
        author: z.string().max(500).optional(),
        published: z.string().max(40).optional(),
        url: z.string().max(2000).optional(),
        reliability: z.enum(["A", "B", "C", "D", "E", "F"]).optional(),
        credibility: z.coerce.number().int().min(1).max(6).optional(),
        suggest: z.enum(["true", "false"]).optional(),
      }),
      body: Upload,
    },
    responses: queued,
  },
  async (c, ctx) => {
    const { name, suggest, ...meta } = c.req.valid("query");
    const job = await queueUpload(c, ctx, name, (file) => ({
      kind: "evidence-add",
      params: { name, bytes: file.bytes, ...meta },
      async run(store) {
        const r = await addSource(store, file.path, meta, { suggest: suggest !== "false" });
        return { ...r };
      },
    }));
    return c.json(job, 202);
  },
);

const postJobsRescreen = guarded(
  {
    method: "post",
    path: "/api/jobs/rescreen",
    access: "analyst",
    summary: "screen the store's sponsors and persons again against the imported lists",
    request: {
      body: {
        content: {
          "application/json": {
            schema: z.object({
              subjects: z
                .array(z.enum(["sponsor", "person"]))
                .min(1)
                .default(["sponsor", "person"]),
            }),
          },
        },
      },
    },
    responses: queued,
  },
  async (c, ctx) => {
    const body = (c.req.valid("json") ?? {}) as { subjects?: ("sponsor" | "person")[] };
    const subjects = body.subjects ?? ["sponsor", "person"];
    const job = await ctx.jobs.submit({
      kind: "rescreen",
      actor: credOf(c).user.name,
      params: { subjects },
      async run(store, progress) {
        const index = await loadScreeningIndex(store);
        const out: Record<string, unknown> = {};
        for (const [i, kind] of subjects.entries()) {
          progress((100 * i) / subjects.length, kind);
          const r = await screenStore(store, index, kind);
          out[kind] = { subjects: r.subjects, with_hits: r.subjectsWithHits, hits: r.hits };
        }
        return out;
      },
    });
    return c.json(job, 202);
  },
);
