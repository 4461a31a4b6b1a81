/**
 * An order-independent checksum of every table `sojourn analyze` writes: the row count and the
 * sum of the rows' hashes, per table. Equal checksums mean equal tables, whatever order the rows
 * were written in; the incremental-analyze test and bench/analyze-checksums.ts compare them.
 */
import type { Store } from "../db/store.js";

/** Each table analyze writes, with the columns that differ from run to run. */
export const ANALYZE_TABLES: Readonly<Record<string, readonly string[]>> = {
  persons: ["updated_at"],
  person_records: [],
  person_links: [],
  person_documents: [],
  person_names: [],
  identity_meta: [],
  identity_name_keys: [],
  identity_runs: [],
  identity_variants: [],
  identity_documents: [],
  identity_document_runs: [],
  stays: [],
  alerts: [],
  cohorts: [],
  cohort_members: [],
  presence: [],
  first_entrants: [],
  sponsors: [],
  sponsor_names: [],
  analyze_person_state: [],
  analyze_state: [],
  analyze_runs: ["run_at", "timings"],
};

/** `count:sum-of-hashes` per table of `tables` (default: all of ANALYZE_TABLES). */
export async function analyzeChecksums(
  store: Store,
  tables: readonly string[] = Object.keys(ANALYZE_TABLES),
): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of tables) {
    const skip = ANALYZE_TABLES[table] ?? [];
    const exclude = skip.length ? ` EXCLUDE (${skip.join(", ")})` : "";
    const row = await store.one<{ n: bigint; h: bigint | null }>(
      `SELECT count(*) AS n, sum(hash(t)) AS h FROM (SELECT *${exclude} FROM ${table}) t`,
    );
    sums[table] = `${row?.n ?? 0}:${row?.h ?? 0}`;
  }
  return sums;
}
