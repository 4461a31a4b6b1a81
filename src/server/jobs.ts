/**
 * Writes as jobs: ingest, analyze, list import, evidence add, re-screening and case export run
 * one at a time on a connection of their own, while reads go on (DuckDB readers see the last
 * committed state). A job has an id, a status (queued → running → succeeded | failed), progress
 * while it runs, and its result or error; every finished job is in the audit log.
 */

import { z } from "@hono/zod-openapi";
import { appendAudit } from "../audit/audit-log.js";
import { AppError } from "../core/errors.js";
import { isoTimeSql } from "../db/iso-time.js";
import type { Store } from "../db/store.js";

export const JOB_KINDS = [
  "ingest",
  "analyze",
  "lists-import",
  "evidence-add",
  "rescreen",
  "case-export",
] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const JOB_STATUSES = ["queued", "running", "succeeded", "failed"] as const;

/** A job as the API shows it (the OpenAPI document's `Job`). */
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
    // 0-100 while running; 100 when done.
    progress: z.number().nullable(),
    stage: z.string().nullable(),
  })
  .openapi("Job");
export type JobView = z.infer<typeof JobSchema>;

export type JobProgress = (percent: number, stage?: string) => void;

export interface JobSpec {
  kind: JobKind;
  actor: string;
  params: Record<string, unknown>;
  /** Audit target (e.g. a case id) besides the job id. */
  target?: string;
  run(store: Store, progress: JobProgress): Promise<Record<string, unknown>>;
}

type Write = <T>(fn: (store: Store) => Promise<T>) => Promise<T>;
type Read = <T>(fn: (store: Store) => Promise<T>) => Promise<T>;

interface Live {
  progress: number;
  stage: string | null;
}

export class JobRunner {
  private readonly queue: { id: string; spec: JobSpec }[] = [];
  private readonly live = new Map<string, Live>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly jobStore: Store,
    private readonly write: Write,
    private readonly read: Read,
    /** Recomputes what the server keeps of the store; run after a job wrote, before it is reported done. */
    private readonly refresh: (kind: JobKind) => Promise<void> = async () => undefined,
    /** Runs a job and its refresh with the DuckDB threads its kind gets (thread-budget.ts). */
    private readonly threads: <T>(kind: JobKind, fn: () => Promise<T>) => Promise<T> = (_, fn) =>
      fn(),
  ) {}

  /** Jobs a previous server left queued or running cannot finish: say so. */
  static async closeStale(store: Store): Promise<void> {
    await store.run(
      `UPDATE jobs SET status = 'failed', finished_at = now(),
         error = 'the server stopped before this job finished; nothing of it was kept unless its result says so'
       WHERE status IN ('queued', 'running')`,
    );
  }

  async submit(spec: JobSpec): Promise<JobView> {
    const id = await this.write(async (store) => {
      const row = await store.one<{ job_id: string }>(
        `INSERT INTO jobs VALUES ('J-' || nextval('job_seq'), ?, 'queued', ?, now(), NULL, NULL, ?::JSON, NULL, NULL)
         RETURNING job_id`,
        [spec.kind, spec.actor, JSON.stringify(spec.params)],
      );
      return row?.job_id as string;
    });
    this.queue.push({ id, spec });
    this.live.set(id, { progress: 0, stage: "queued" });
    if (!this.running) this.running = this.drain().finally(() => (this.running = null));
    return (await this.get(id)) as JobView;
  }

  /** Resolves when no job is queued or running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // DuckDB's pending calls do not hold Node's event loop open: a stopping server awaiting its
    // last job would otherwise see the loop run dry.
    const keepAlive = setInterval(() => undefined, 60_000);
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) await this.runOne(next);
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async runOne({ id, spec }: { id: string; spec: JobSpec }): Promise<void> {
    const live = this.live.get(id) ?? { progress: 0, stage: null };
    live.stage = "starting";
    await this.write((s) =>
      s.run("UPDATE jobs SET status = 'running', started_at = now() WHERE job_id = ?", [id]),
    );
    const { result, error } = await this.threads(spec.kind, () => this.execute(spec, live));
    await this.write((s) =>
      s.transaction(async () => {
        await s.run(
          `UPDATE jobs SET status = ?, finished_at = now(), result = ?::JSON, error = ? WHERE job_id = ?`,
          [error ? "failed" : "succeeded", result ? JSON.stringify(result) : null, error, id],
        );
        await appendAudit(s, {
          actor: spec.actor,
          action: spec.kind === "case-export" ? "export" : "job",
          target: spec.target ?? id,
          detail: {
            job_id: id,
            kind: spec.kind,
            status: error ? "failed" : "succeeded",
            ...(spec.target ? { case_id: spec.target } : {}),
            params: spec.params,
            ...(error ? { error } : {}),
          },
        });
      }),
    );
    this.live.delete(id);
  }

  /** Runs a job, then lets the server renew what it keeps of the store. */
  private async execute(
    spec: JobSpec,
    live: Live,
  ): Promise<{ result: Record<string, unknown> | null; error: string | null }> {
    let result: Record<string, unknown> | null = null;
    let error: string | null = null;
    try {
      result = await spec.run(this.jobStore, (percent, stage) => {
        live.progress = Math.max(0, Math.min(100, Math.round(percent)));
        if (stage !== undefined) live.stage = stage;
      });
    } catch (err) {
      error = err instanceof AppError ? err.message : `internal error: ${(err as Error).message}`;
      // A failed statement can leave the job connection inside a transaction.
      await this.jobStore.run("ROLLBACK").catch(() => undefined);
    }
    // A case export only reads; every other job may have written the store (a failed one too,
    // up to the step that failed).
    if (spec.kind !== "case-export") {
      live.stage = "updating the server's views";
      await this.refresh(spec.kind);
    }
    return { result, error };
  }

  async get(id: string): Promise<JobView | undefined> {
    const [row] = await this.read((s) => s.json<JobView>(`${SELECT_JOBS} WHERE job_id = ?`, [id]));
    return row ? this.withLive(row) : undefined;
  }

  async list(limit = 100): Promise<JobView[]> {
    const rows = await this.read((s) =>
      s.json<JobView>(`${SELECT_JOBS} ORDER BY created_at DESC, job_id DESC LIMIT ${limit}`),
    );
    return rows.map((r) => this.withLive(r));
  }

  private withLive(row: JobView): JobView {
    const live = this.live.get(row.job_id);
    const done = row.status === "succeeded" || row.status === "failed";
    return {
      ...row,
      params: parse(row.params),
      result: parse(row.result),
      progress: done ? 100 : (live?.progress ?? null),
      stage: done ? null : (live?.stage ?? null),
    };
  }
}

function parse(v: unknown): Record<string, unknown> | null {
  if (v === null || v === undefined) return null;
  return (typeof v === "string" ? JSON.parse(v) : v) as Record<string, unknown>;
}

const SELECT_JOBS = `
  SELECT job_id, kind, status, created_by, ${isoTimeSql("created_at")},
         ${isoTimeSql("started_at")}, ${isoTimeSql("finished_at")},
         params::VARCHAR AS params, result::VARCHAR AS result, error
  FROM jobs`;
