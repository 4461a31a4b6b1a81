/**
 * A part of an output that a pipeline stage fills: its data, or why it is missing and which
 * command fills it (the stages are separate commands: ingest, analyze, lists import, screen,
 * evidence add).
 */
export type Section<T> = { available: true; data: T } | { available: false; reason: string };

export const missing = (reason: string): { available: false; reason: string } => ({
  available: false,
  reason,
});

/** A count or sum from DuckDB (BIGINT, HUGEINT, DOUBLE or NULL) as a number. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** A JSON column's value, parsed when it is text. */
export function parseJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
