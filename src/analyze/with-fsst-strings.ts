import type { Store } from "../db/store.js";

/**
 * Runs `fn` with DuckDB's `force_compression` at 'fsst', then puts the setting back. For the
 * analyze inserts whose strings sit in list columns (stays' and alerts' record ids and flags):
 * a list's strings cannot be given a method of their own (`USING COMPRESSION` refuses a list
 * column), so DuckDB tries every string method on every segment of them, and its dictionary
 * analysis of millions of distinct record ids costs about a third of the copy — to choose FSST
 * for them in the end. Forced, the lists' strings go straight to FSST; columns with a method of
 * their own keep it (migration 008), and a column FSST cannot hold (numbers, dates, booleans)
 * is chosen for as before. The store is the same size within a few blocks.
 */
export async function withFsstStrings<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const row = await store.one<{ v: string }>("SELECT current_setting('force_compression') AS v");
  const before = row?.v ?? "auto";
  if (before === "fsst") return fn();
  await store.run("SET force_compression = 'fsst'");
  try {
    return await fn();
  } finally {
    await store.run(`SET force_compression = '${before.replaceAll("'", "")}'`);
  }
}
