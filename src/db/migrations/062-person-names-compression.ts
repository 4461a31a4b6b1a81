import { type Compression, rebuildWithCompression } from "../rebuild-table.js";
import type { Migration } from "./migration.js";

/**
 * person_names and person_documents get a fixed compression per column, as person_records did
 * in migration 008: the methods DuckDB picks for their data anyway (FSST for person ids, names
 * and document numbers, a dictionary for the few scripts and nationalities, bit-packing for
 * counts and dates), without trying every method on every segment. The first analyze of a
 * store rewrites both (a million names and 300,000 documents at 10M records); writing
 * person_names takes about a third less CPU this way.
 */
export const IDENTITY_COMPRESSION: Readonly<Record<string, Readonly<Record<string, Compression>>>> =
  {
    person_names: {
      person_id: "fsst",
      name: "fsst",
      script: "dictionary",
      count: "bitpacking",
    },
    person_documents: {
      person_id: "fsst",
      doc_number: "fsst",
      first_seen: "bitpacking",
      last_seen: "bitpacking",
      nationality: "dictionary",
    },
  };

export const v062PersonNamesCompression: Migration = {
  version: 62,
  name: "person_names, person_documents: compression chosen per column",
  run: async (store) => {
    for (const [table, methods] of Object.entries(IDENTITY_COMPRESSION))
      await rebuildWithCompression(store, table, methods);
  },
};
