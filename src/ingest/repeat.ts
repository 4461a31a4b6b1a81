/**
 * A file ingested again with the same bytes and the same settings would load nothing (every row
 * a duplicate) and only record its rejects a second time, under a run that adds nothing. It is
 * skipped instead, with the earlier run named: the accounting of each run stays exact and the
 * rejects are recorded once. A change of settings (source, mapping, date order, encoding, limits)
 * can change what a row becomes, so the file is then read again.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import type { Store } from "../db/store.js";
import type { InputLimits } from "./lines.js";
import type { Mapping } from "./mapping.js";
import type { DateOrder } from "./normalize.js";

export interface RepeatSettings {
  source?: string;
  mapping?: Mapping;
  dateOrder?: DateOrder;
  encoding?: string;
  limits?: InputLimits;
}

/** The source a run records when none is given: the file name without .gz and extension. */
export function defaultSource(file: string): string {
  return basename(file)
    .replace(/\.gz$/i, "")
    .replace(/\.[^.]+$/, "");
}

/** The settings that decide what a file's rows become, as one comparable string. */
export function settingsKey(file: string, s: RepeatSettings): string {
  return JSON.stringify({
    source: s.source ?? defaultSource(file),
    columns: s.mapping ? [...s.mapping.columns].sort() : null,
    values: s.mapping?.values ?? null,
    dateOrder: s.dateOrder ?? "dmy",
    encoding: s.encoding?.toLowerCase() ?? null,
    limits: s.limits ?? null,
  });
}

/** SHA-256 of a file's bytes on disk. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * The completed run that read these bytes with these settings, if any. The file is hashed only
 * when a completed run with the same settings exists (a first ingest costs nothing extra).
 */
export async function earlierRun(
  store: Store,
  file: string,
  settings: string,
): Promise<{ runId: number; sha256: string } | null> {
  const runs = await store.all<{ run_id: bigint; file_sha256: string }>(
    `SELECT run_id, file_sha256 FROM ingest_runs
     WHERE status = 'done' AND settings = ? AND file_sha256 IS NOT NULL ORDER BY run_id DESC`,
    [settings],
  );
  if (runs.length === 0) return null;
  const sha256 = await hashFile(file);
  const run = runs.find((r) => r.file_sha256 === sha256);
  return run ? { runId: Number(run.run_id), sha256 } : null;
}

/** Records the settings a completed run read its file with. */
export async function recordSettings(store: Store, runId: number, settings: string) {
  await store.run("UPDATE ingest_runs SET settings = ? WHERE run_id = ?", [settings, runId]);
}
