/**
 * The real lists the screening benchmarks and tests read (test/fixtures/sanctions, provenance in
 * its SOURCES.md): the UN Security Council consolidated list of 2026-02-27 and OFAC's SDN list of
 * 2024-05-03 with its February 2025 alt and add files.
 */
import { join } from "node:path";
import type { ListEntity } from "../src/core/screening/index.js";
import { repoRoot } from "../src/repo-root.js";
import { readListFiles } from "../src/sanctions/read-list-files.js";

/** The two lists' entities, parsed from the fixture files. */
export function fixtureLists(): { un: ListEntity[]; ofac: ListEntity[] } {
  const dir = join(repoRoot(), "test", "fixtures", "sanctions");
  return {
    un: readListFiles([join(dir, "un_sc_consolidated_2026-02-27.xml")]).parsed.entities,
    ofac: readListFiles([
      join(dir, "ofac_sdn_2024-05-03.csv"),
      join(dir, "ofac_alt_2025-02.csv"),
      join(dir, "ofac_add_2025-02.csv"),
    ]).parsed.entities,
  };
}
