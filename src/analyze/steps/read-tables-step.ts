/**
 * The read-tables step, last of a run: lays the run's results out for browsing reads
 * (src/read/read-tables.ts), so the server answers an alert page or a person's detail from a
 * few row groups while the next ingest or analyze writes. Skipped when the run changed nothing
 * and the tables are already there.
 */
import { buildReadTables, type ReadTablesStats, readTablesBuilt } from "../../read/read-tables.js";
import type { AnalyzeStep } from "../step.js";
import { unchanged } from "./stays-step.js";

export const readTablesStep: AnalyzeStep<ReadTablesStats | { skipped: true }> = {
  id: "read-tables",
  description: "alert list and person detail tables for browsing reads",
  stages: ["read tables"],
  reads: [
    "alerts",
    "records",
    "person_records",
    "person_links",
    "person_names",
    "person_documents",
    "stays",
  ],
  // The read_* tables and read_tables_meta (src/read/read-tables.ts lists them), which no other
  // step reads.
  writes: [],
  async run(run, stage) {
    if (unchanged(run) && (await readTablesBuilt(run.store))) return { skipped: true };
    return stage("read tables", () => buildReadTables(run.store));
  },
};
