import { rebuildWithCompression } from "../rebuild-table.js";
import type { Migration } from "./migration.js";

/**
 * person_names and person_documents get a fixed compression per column, as person_records did
 * in migration 008: the methods DuckDB picks for their data anyway (FSST for person ids, names
 * and document numbers, a dictionary for the few scripts and nationalities, bit-packing for
 * counts and dates), without trying every method on every segment. The first analyze of a
 * store rewrites both (a million names and 300,000 documents at 10M records); writing
 * person_names takes about a third less CPU this way.
 */
export const v062PersonNamesCompression: Migration = {
  version: 62,
  name: "person_names, person_documents: compression chosen per column",
  run: async (store) => {
    const [fsst, dictionary, bitpacking] = ["fsst", "dictionary", "bitpacking"] as const;
    await rebuildWithCompression(store, "person_names", {
      person_id: fsst,
      name: fsst,
      script: dictionary,
      count: bitpacking,
    });
    await rebuildWithCompression(store, "person_documents", {
      person_id: fsst,
      doc_number: fsst,
      nationality: dictionary,
      first_seen: bitpacking,
      last_seen: bitpacking,
    });
  },
};
