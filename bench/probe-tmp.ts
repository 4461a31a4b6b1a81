import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ScreeningIndex, type ListEntity } from "../src/core/screening/index.js";
import { compareNames } from "../src/core/names/compare-names.js";
import { repoRoot } from "../src/repo-root.js";
import { readListFiles } from "../src/sanctions/read-list-files.js";
const F = join(repoRoot(), "test", "fixtures", "sanctions");
const un = readListFiles([join(F, "un_sc_consolidated_2026-02-27.xml")]).parsed.entities;
const ofac = readListFiles([join(F, "ofac_sdn_2024-05-03.csv"), join(F, "ofac_alt_2025-02.csv"), join(F, "ofac_add_2025-02.csv")]).parsed.entities;
const entities: ListEntity[] = [...un, ...ofac];
const index = ScreeningIndex.build(entities);
for (const line of readFileSync(process.argv[2]!, "utf8").split("\n").filter(Boolean)) {
  const [type, name, expect] = line.split("|");
  const r = index.screen({ name: name!, type: type as "person" | "org" }, { limit: 3, minScore: 0 });
  console.log(`${name} =>`, r.map((m) => `${m.list}:${m.reference} ${m.explanation.alias} ${m.score} [${m.explanation.method}]`).join(" | "));
  if (expect) { const c = compareNames({ full: name! }, { full: expect }); console.log(`   vs ${expect}: ${c.score} ${c.explanation.join("; ")}`); }
}
