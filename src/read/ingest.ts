/**
 * Ingest runs, rejected rows and warnings. A rejected row's value and raw line hold personal
 * data as written; masked, the raw line is left out and a value of a personal column masked.
 */
import { AppError } from "../core/errors.js";
import { createMasker } from "../core/masking.js";
import type { Store } from "../db/store.js";
import { num } from "./section.js";

export interface IngestRun {
  run_id: number;
  file: string;
  sha256: string;
  source: string | null;
  format: string;
  status: string;
  started: string;
  seconds: number | null;
  read: number;
  loaded: number;
  duplicates: number;
  rejected: number;
  reexports: number;
  warnings: number;
  parse_path: string | null;
  error: string | null;
}

/** Every ingest run, oldest first. */
export async function listIngestRuns(store: Store): Promise<IngestRun[]> {
  return store.json<IngestRun>(
    `SELECT run_id, file, left(file_sha256, 12) AS sha256, source, format, status, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started,
       round(epoch(finished_at) - epoch(started_at), 1) AS seconds, read, loaded, duplicates, rejected, reexports, warnings, parse_path, error
     FROM ingest_runs ORDER BY run_id`,
  );
}

/** Ingest runs as the report's data-quality table shows them. */
export async function listIngestRunsBrief(store: Store): Promise<Record<string, unknown>[]> {
  return store.json(
    `SELECT CAST(run_id AS INTEGER) AS run_id, file, source, left(file_sha256, 12) AS sha256, status, read, loaded, duplicates,
       rejected, reexports, warnings, parse_path, strftime(started_at, '%Y-%m-%d %H:%M') AS started
     FROM ingest_runs ORDER BY run_id`,
  );
}

/** Columns whose values are personal data of the people in the records. */
const PERSONAL_COLUMNS = new Map<string, "name" | "doc" | "birthDate">([
  ["doc_number", "doc"],
  ["family_name", "name"],
  ["given_name", "name"],
  ["full_name", "name"],
  ["birth_date", "birthDate"],
]);

export interface RejectRow {
  run_id: number;
  file: string;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  /** The row as written; absent from warnings, empty when masked. */
  raw?: string | null;
}

export interface RejectQuery {
  run?: number;
  /** Warnings (optional fields loaded as empty) instead of rejects. */
  warnings?: boolean;
  unmask?: boolean;
}

/** Rejected rows (or warnings) of one run or all, by run and line. */
export async function listRejects(store: Store, q: RejectQuery = {}): Promise<RejectRow[]> {
  if (q.run !== undefined) {
    const run = await store.one("SELECT run_id FROM ingest_runs WHERE run_id = ?", [q.run]);
    if (!run) throw new AppError("not-found", `no ingest run ${q.run}; see sojourn runs`);
  }
  const params = { run: q.run ?? null };
  const where = "WHERE $run IS NULL OR run_id = $run";
  const rows = q.warnings
    ? await store.json<RejectRow>(
        `SELECT run_id, file, line, column_name AS column, value, message AS reason FROM record_warnings ${where} ORDER BY run_id, line`,
        params,
      )
    : await store.json<RejectRow>(
        `SELECT run_id, file, line, column_name AS column, value, reason, raw FROM rejects ${where} ORDER BY run_id, line`,
        params,
      );
  if (q.unmask) return rows;
  const mask = createMasker(false);
  return rows.map((r) => {
    const kind = r.column ? PERSONAL_COLUMNS.get(r.column) : undefined;
    const value = r.value === null || !kind ? r.value : mask[kind](r.value);
    const reason = r.value === null || !kind ? r.reason : r.reason.replaceAll(r.value, value ?? "");
    return "raw" in r
      ? { ...r, value, reason, raw: r.raw === null ? null : "" }
      : { ...r, value, reason };
  });
}

export interface QualitySummary {
  rejectsByReason: { column_name: string | null; reason: string; rows: number }[];
  warningsByColumn: { column_name: string | null; message: string; rows: number }[];
  unresolvedPorts: { port_raw: string; rows: number }[];
}

/** The commonest reject reasons, warnings and port names the gazetteer does not know. */
export async function readQualitySummary(store: Store): Promise<QualitySummary> {
  const rejectsByReason = (
    await store.json<{ column_name: string | null; reason: string; rows: number }>(
      "SELECT column_name, reason, count(*) AS rows FROM rejects GROUP BY ALL ORDER BY rows DESC, reason LIMIT 20",
    )
  ).map((r) => ({ ...r, rows: num(r.rows) }));
  const warningsByColumn = (
    await store.json<{ column_name: string | null; message: string; rows: number }>(
      "SELECT column_name, message, count(*) AS rows FROM record_warnings GROUP BY ALL ORDER BY rows DESC, message LIMIT 20",
    )
  ).map((r) => ({ ...r, rows: num(r.rows) }));
  const unresolvedPorts = (
    await store.json<{ port_raw: string; rows: number }>(
      "SELECT port_raw, count(*) AS rows FROM records WHERE port_id IS NULL GROUP BY ALL ORDER BY rows DESC, port_raw LIMIT 20",
    )
  ).map((r) => ({ ...r, rows: num(r.rows) }));
  return { rejectsByReason, warningsByColumn, unresolvedPorts };
}

/** Applied schema migrations, in order. */
export async function listMigrations(store: Store): Promise<{ version: number; name: string }[]> {
  return (
    await store.json<{ version: number; name: string }>(
      "SELECT version, name FROM schema_migrations ORDER BY version",
    )
  ).map((m) => ({ version: num(m.version), name: m.name }));
}
