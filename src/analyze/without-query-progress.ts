import type { Store } from "../db/store.js";

/**
 * Runs `fn` with DuckDB's query progress tracking off, then restores the setting. A store
 * tracks progress only while a progress bar is drawn (`Store.trackProgress`); analyze reads no
 * query progress, yet with tracking on every scheduling round of a query recomputes the progress
 * of every pipeline (perf: Pipeline::GetProgress), about a third of the CPU of the stays insert
 * at 10M records, and more on a busy machine.
 */
export async function withoutQueryProgress<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const row = await store.one<{ on: boolean }>(
    "SELECT current_setting('enable_progress_bar') AS on",
  );
  if (!row?.on) return fn();
  await store.run("SET enable_progress_bar = false");
  return store.withCleanup(fn, "SET enable_progress_bar = true");
}
