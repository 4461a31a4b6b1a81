/**
 * The memory DuckDB may use over a store, and where it spills past it. One setting for every
 * command: `--memory SIZE` / SOJOURN_MEMORY_LIMIT when given, else a share of the machine's
 * memory (`defaultMemoryLimitMb`). Spills go to `--temp-dir DIR` / SOJOURN_TEMP_DIR, else to
 * `<store>.tmp` beside the store file.
 */
import { totalmem } from "node:os";

/**
 * DuckDB's memory limit when the caller fixes none: a share of the machine's memory
 * (MEMORY_SHARE), within MEMORY_MIN_MB and MEMORY_MAX_MB — 2,651 MiB on a 24 GiB machine.
 * DuckDB's own default (80 % of RAM) lets one command grow past 15 GB at 100M records;
 * capped, its joins, sorts and aggregates spill to the temporary directory instead. A
 * command's peak RSS is this cap plus its JavaScript heaps and DuckDB's allocations outside
 * its buffer pool (docs/benchmarks.md, "100M records", has the figures per command); analyze
 * lowers DuckDB's limit while its JavaScript holds arrays that grow with the data
 * (src/analyze/memory-cap.ts, roomForJs).
 */
export function defaultMemoryLimitMb(totalBytes = totalmem()): number {
  const share = Math.floor((totalBytes * MEMORY_SHARE) / 2 ** 20);
  return Math.min(MEMORY_MAX_MB, Math.max(MEMORY_MIN_MB, share));
}
export const MEMORY_SHARE = 0.11;
export const MEMORY_MIN_MB = 512;
export const MEMORY_MAX_MB = 4096;

/** DuckDB's own default limit: 80 % of the machine's memory, in MiB. */
export function duckdbDefaultMemoryMb(totalBytes = totalmem()): number {
  return Math.floor((totalBytes * 0.8) / 2 ** 20);
}

/** Where a store spills: `tempDirectory` if given, else `<store>.tmp` (DuckDB's own choice). */
export function spillDirectory(storePath: string, tempDirectory?: string): string | undefined {
  if (tempDirectory !== undefined) return tempDirectory;
  return storePath === ":memory:" ? undefined : `${storePath}.tmp`;
}
