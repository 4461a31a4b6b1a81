/**
 * A small store built through the CLI as a user would: a simulated port log at scale 0.01,
 * ingested and analyzed, with the demo newspaper article (data/demo-evidence) added as
 * evidence. The browser tests open the report and the web app on it.
 */
import { join } from "node:path";
import { repoRoot } from "../../src/repo-root.js";
import { runCli } from "./with-db.js";

/** Builds the store in `dir` and returns its path; a failing step throws with its stderr. */
export function buildDemoStore(dir: string): string {
  const db = join(dir, "store.duckdb");
  const article = join(repoRoot(), "data", "demo-evidence", "hunchun-zone-2019.txt");
  const steps: string[][] = [
    ["simulate", "--out", join(dir, "sim"), "--scale", "0.01", "--json"],
    ["--db", db, "ingest", join(dir, "sim", "crossings.csv"), "--json"],
    ["--db", db, "analyze", "--json"],
    ["--db", db, "evidence", "add", article, "--publisher", "Demo newspaper"].concat([
      "--published",
      "2019-06-24",
      "--reliability",
      "C",
      "--credibility",
      "3",
      "--json",
    ]),
  ];
  for (const args of steps) {
    const r = runCli(args);
    if (r.status !== 0) throw new Error(`sojourn ${args.join(" ")} failed:\n${r.stderr}`);
  }
  return db;
}
