/**
 * Precision and recall of the automatic claim suggestions on hand-labelled reports written
 * for the tests (test/fixtures/evidence/: reports/ the development set, heldout/ two more; the
 * real-report corpus has its own test, evidence-corpus.test.ts). The floors are the figures
 * reached, rounded down; docs/evidence.md reports them.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  type Evaluation,
  evaluateSuggestions,
  type KindScore,
  type LabelledClaim,
  suggestClaims,
  sumEvaluations,
} from "../src/core/evidence/index.js";
import { placeIndex } from "../src/evidence/gazetteer-place-index.js";
import { readSourceFile } from "../src/evidence/read-source.js";
import { repoRoot } from "../src/repo-root.js";

const FIXTURES = join(repoRoot(), "test", "fixtures", "evidence");

async function evaluateDir(dir: string): Promise<Record<string, KindScore>> {
  const base = join(FIXTURES, dir);
  const evals: Evaluation[] = [];
  for (const file of readdirSync(base).filter((f) => !f.endsWith(".json"))) {
    const gold = JSON.parse(
      readFileSync(join(base, file.replace(/\.\w+$/, ".claims.json")), "utf8"),
    ) as {
      published: string;
      claims: LabelledClaim[];
    };
    const src = await readSourceFile(join(base, file));
    const suggested = suggestClaims(src.text, { places: placeIndex(), published: gold.published });
    evals.push(evaluateSuggestions(src.text, gold.claims, suggested));
  }
  return sumEvaluations(evals);
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function report(name: string, sum: Record<string, KindScore>) {
  for (const [kind, x] of Object.entries(sum)) {
    process.stdout.write(
      `# ${name} ${kind}: suggested ${x.suggested}, labelled ${x.labelled}, found ${x.found}, right ${x.right}; ` +
        `P ${ratio(x.right, x.suggested).toFixed(2)} R ${ratio(x.right, x.labelled).toFixed(2)}\n`,
    );
  }
}

describe("evidence: suggestion quality", () => {
  it("development reports: 8 reports (English, Korean, Chinese; txt, md, html, pdf)", async () => {
    const sum = await evaluateDir("reports");
    report("reports", sum);
    const all = sum.all!;
    assert.ok(all.labelled >= 70, "labelled claims are all counted");
    assert.ok(
      ratio(all.right, all.suggested) >= 0.95,
      `precision ${ratio(all.right, all.suggested)}`,
    );
    // Recall over every labelled claim, including kind "other", which is never suggested, and a
    // headline's movement restriction the body restates: the suggestions follow the real
    // corpus, where a statement told in the headline and the body is labelled in the body only.
    assert.ok(ratio(all.right, all.labelled) >= 0.79, `recall ${ratio(all.right, all.labelled)}`);
    const wc = sum.worker_count!;
    assert.ok(ratio(wc.right, wc.suggested) >= 0.95 && ratio(wc.right, wc.labelled) >= 0.95);
    assert.equal(sum.other?.suggested ?? 0, 0);
  });

  it("held-out reports", async () => {
    const sum = await evaluateDir("heldout");
    report("heldout", sum);
    const all = sum.all!;
    assert.ok(
      ratio(all.right, all.suggested) >= 0.9,
      `precision ${ratio(all.right, all.suggested)}`,
    );
    assert.ok(ratio(all.right, all.labelled) >= 0.75, `recall ${ratio(all.right, all.labelled)}`);
  });
});
