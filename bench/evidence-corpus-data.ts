/** The labelled corpus (test/fixtures/evidence/corpus/) and its held-out thirds, for the evidence benches. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CorpusText } from "../src/core/evidence/index.js";
import { repoRoot } from "../src/repo-root.js";

export function loadCorpus(): CorpusText[] {
  const dir = join(repoRoot(), "test", "fixtures", "evidence", "corpus");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as CorpusText);
}

/** The ids of batch N's held-out third (test/fixtures/evidence/batchN-holdout.json). */
export function batchHoldout(n: 5 | 6 | 7): Set<string> {
  const file = join(repoRoot(), "test", "fixtures", "evidence", `batch${n}-holdout.json`);
  return new Set((JSON.parse(readFileSync(file, "utf8")) as { ids: string[] }).ids);
}
