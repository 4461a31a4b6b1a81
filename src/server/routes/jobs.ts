/**
 * Writes as jobs: each POST queues one and returns it at once; GET /api/jobs/{id} follows it.
 * Each calls the same feature function as its CLI command.
 */
import { z } from "@hono/zod-openapi";
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
import { routeGroup } from "../auth.js";
import type { ServerContext } from "../context.js";
import { ApiError } from "../errors.js";
import { JobSchema, type JobSpec } from "../jobs.js";
import { saveUpload } from "../uploads.js";
import { jsonRoute, type RouteInput } from "./json-route.js";
import { Flag } from "./schemas.js";

const FileName = z
  .string()
  .min(1)
  .max(200)
  .openapi({ description: "the file's name (a plain name, no path)" });

/** What `evidence add` records of a source besides its bytes: where it is from and its grade. */
const SourceMeta = {
  title: z.string().max(500).optional(),
  publisher: z.string().max(500).optional(),
  author: z.string().max(500).optional(),
  published: z.string().max(40).optional(),
  url: z.string().max(2000).optional(),
  reliability: z.enum(["A", "B", "C", "D", "E", "F"]).optional(),
  credibility: z.coerce.number().int().min(1).max(6).optional(),
};

/** A job: what it is, what it was given, and what it does on the job connection. */
type Job = Omit<JobSpec, "actor">;

/**
 * A POST that queues one analyst's job and answers it at once (202). With `upload` the request
 * body is a file, saved before the job is queued.
 */
function jobRoute<Q extends z.ZodRawShape, B extends z.ZodType>(
  def: { route: `POST ${string}`; summary: string; query?: Q; body?: B; upload?: boolean },
  job: (
    input: RouteInput<Record<never, never>, Q, B>,
    file: { path: string; bytes: number },
    ctx: ServerContext,
  ) => Job,
) {
  return jsonRoute(
    {
      ...def,
      access: "analyst",
      optionalBody: !def.upload,
      response: [JobSchema, "the job, queued"],
      status: 202,
    },
    async (input, ctx) => {
      const name = (input.query as { name?: string }).name ?? "";
      const file = def.upload
        ? await saveUpload(input.c, ctx.options.filesDir, name, ctx.options.maxUploadBytes)
        : { path: "", bytes: 0 };
      return ctx.jobs.submit({ ...job(input, file, ctx), actor: input.cred.user.name });
    },
  );
}

/** The named fields of a result, for a job's stored result. */
function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;
}

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

const getJobs = jsonRoute(
  {
    route: "GET /api/jobs",
    access: "viewer",
    summary: "the latest jobs",
    response: [z.object({ jobs: z.array(JobSchema) }), "jobs"],
  },
  async (_, ctx) => ({ jobs: await ctx.jobs.list() }),
);

const getJobsJobId = jsonRoute(
  {
    route: "GET /api/jobs/{job_id}",
    access: "viewer",
    summary: "one job: status, progress, result or error",
    params: { job_id: z.string().max(40) },
    response: [JobSchema, "the job"],
  },
  async ({ params: { job_id } }, ctx) => {
    const job = await ctx.jobs.get(job_id);
    if (!job) throw new ApiError("not-found", `no job ${job_id}`);
    return job;
  },
);

const postJobsIngest = jobRoute(
  {
    route: "POST /api/jobs/ingest",
    summary: "ingest one crossings file (CSV/TSV, .gz, JSON Lines, Parquet), streamed as the body",
    query: { name: FileName, source: z.string().min(1).max(200).optional() },
    upload: true,
  },
  ({ query: q }, file) => ({
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
  }),
);

const postJobsAnalyze = jobRoute(
  {
    route: "POST /api/jobs/analyze",
    summary: "run the analysis pipeline (identity → stays → cohorts → scores → rules → places)",
  },
  () => ({
    kind: "analyze",
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
  }),
);

const postJobsListsImport = jobRoute(
  {
    route: "POST /api/jobs/lists-import",
    summary: "import one sanctions list file (UN XML, OFAC XML, EU XML, OpenSanctions FtM)",
    query: {
      name: FileName,
      format: z.enum(LIST_FORMATS).optional(),
      list: z.string().min(1).max(100).optional(),
      version: z.string().min(1).max(100).optional(),
    },
    upload: true,
  },
  ({ query: q }, file, ctx) => ({
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
  }),
);

const postJobsEvidence = jobRoute(
  {
    route: "POST /api/jobs/evidence",
    summary: "add an evidence source (text, Markdown, HTML, PDF) with its grade",
    query: { name: FileName, ...SourceMeta, suggest: Flag },
    upload: true,
  },
  ({ query: { name, suggest, ...meta } }, file) => ({
    kind: "evidence-add",
    params: { name, bytes: file.bytes, ...meta },
    async run(store) {
      const r = await addSource(store, file.path, meta, { suggest: suggest !== "false" });
      return { ...r };
    },
  }),
);

const postJobsRescreen = jobRoute(
  {
    route: "POST /api/jobs/rescreen",
    summary: "screen the store's sponsors and persons again against the imported lists",
    body: z.object({
      subjects: z
        .array(z.enum(["sponsor", "person"]))
        .min(1)
        .default(["sponsor", "person"]),
    }),
  },
  ({ body }) => {
    const subjects = body?.subjects ?? ["sponsor", "person"];
    return {
      kind: "rescreen",
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
    };
  },
);
