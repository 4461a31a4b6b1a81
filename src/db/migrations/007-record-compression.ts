import { type Compression, rebuildWithCompression } from "../rebuild-table.js";
import type { Migration } from "./migration.js";

/**
 * Each column of `records` gets the compression its data suits, instead of DuckDB trying
 * every method on every segment as it writes. Trying them is a large part of writing a
 * segment: on a 10M-row file (two threads) the insert took 57 CPU-s with the methods below
 * against 66 with the default, and the store came out the same size, because these are the
 * methods DuckDB picks for such data anyway:
 *  - FSST for text that is mostly unique per row (record ids, document numbers);
 *  - a dictionary for text that repeats (sources, names as written, sponsors, the few raw
 *    spellings, which are mostly empty);
 *  - bit-packing for numbers, dates, times and codes (a constant segment is still stored as
 *    a constant).
 * Ports and nationalities are left to DuckDB: their ENUM types are rebuilt when the gazetteer
 * or the country list grows (src/ingest/stored-vocabulary.ts).
 *
 * DuckDB cannot change a column's compression in place, so the table is rebuilt
 * (`rebuildWithCompression`).
 */
export const RECORD_COMPRESSION: Readonly<Record<string, Compression>> = {
  rec_key: "bitpacking",
  source: "dictionary",
  record_id: "fsst",
  run_id: "bitpacking",
  line: "bitpacking",
  crossed_at: "bitpacking",
  local_date: "bitpacking",
  time_precision: "bitpacking",
  direction: "bitpacking",
  port_raw: "dictionary",
  doc_number: "fsst",
  doc_type: "bitpacking",
  family_name: "dictionary",
  given_name: "dictionary",
  full_name: "dictionary",
  family_script: "bitpacking",
  given_script: "bitpacking",
  full_script: "bitpacking",
  birth_date: "bitpacking",
  sex: "bitpacking",
  visa_type: "bitpacking",
  purpose: "dictionary",
  sponsor: "dictionary",
  group_id: "dictionary",
  raw_crossed_at: "dictionary",
  raw_direction: "dictionary",
  raw_nationality: "dictionary",
  raw_doc_number: "dictionary",
  raw_doc_type: "dictionary",
  raw_birth_date: "dictionary",
  raw_sex: "dictionary",
  raw_visa_type: "dictionary",
  canonical_key: "bitpacking",
};

/** The named ENUM type of each ENUM column (information_schema spells ENUMs out in full). */
const ENUM_TYPES: Readonly<Record<string, string>> = {
  time_precision: "time_precision_code",
  direction: "direction_code",
  port_id: "port_code",
  nationality: "nationality_code",
  doc_type: "doc_type_code",
  family_script: "script_code",
  given_script: "script_code",
  full_script: "script_code",
  sex: "sex_code",
  visa_type: "visa_type_code",
};

export const v007RecordCompression: Migration = {
  version: 7,
  name: "records: compression chosen per column",
  run: (store) => rebuildWithCompression(store, "records", RECORD_COMPRESSION, ENUM_TYPES),
};
