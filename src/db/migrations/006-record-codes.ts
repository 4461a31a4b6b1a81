import { sqlMigration } from "./migration.js";

/**
 * The closed vocabularies of `records` become ENUM columns. DuckDB writes a VARCHAR column at
 * about 150 ns a value whatever it holds — a constant string costs as much as a name — and an
 * ENUM (one byte) at about 30; with eight such columns that is a tenth of a 10M-row ingest.
 * Reads are unchanged: an ENUM compares, groups and joins with text as text does, and its
 * values are listed in text order so that ORDER BY, min() and max() give what they gave.
 *
 * The values are those of src/core/crossing.ts and src/core/names/detect-script.ts when this
 * migration was written (a test checks they still match: a new value needs a migration that
 * widens the type). Ports and nationalities stay text: their sets come from the gazetteer and
 * the country list, which change without a schema change.
 *
 * Each column is altered to its ENUM spelled out, not to the named type: DuckDB cannot replay
 * `ALTER … TYPE <named type>` from its write-ahead log ("GetDefaultDatabase with no default
 * database set"), so a process stopped after the commit and before the next checkpoint would
 * leave a store that no longer opens. Both spellings give the column the same type (same
 * values, same order); the named types stay for casts.
 */
export const v006RecordCodes = sqlMigration(
  6,
  "closed vocabularies of records as ENUM types",
  `
CREATE TYPE direction_code AS ENUM ('entry', 'exit');
CREATE TYPE time_precision_code AS ENUM ('date', 'instant', 'local');
CREATE TYPE script_code AS ENUM ('han', 'hangul', 'latin', 'mixed', 'other');
CREATE TYPE sex_code AS ENUM ('F', 'M', 'X');
CREATE TYPE doc_type_code AS ENUM ('border_pass', 'diplomatic_passport', 'official_passport', 'other', 'passport');
CREATE TYPE visa_type_code AS ENUM ('business', 'crew', 'none', 'official', 'other', 'student', 'tourist', 'trainee', 'transit', 'visit', 'work');
ALTER TABLE records ALTER direction TYPE ENUM ('entry', 'exit');
ALTER TABLE records ALTER time_precision TYPE ENUM ('date', 'instant', 'local');
ALTER TABLE records ALTER family_script TYPE ENUM ('han', 'hangul', 'latin', 'mixed', 'other');
ALTER TABLE records ALTER given_script TYPE ENUM ('han', 'hangul', 'latin', 'mixed', 'other');
ALTER TABLE records ALTER full_script TYPE ENUM ('han', 'hangul', 'latin', 'mixed', 'other');
ALTER TABLE records ALTER sex TYPE ENUM ('F', 'M', 'X');
ALTER TABLE records ALTER doc_type TYPE ENUM ('border_pass', 'diplomatic_passport', 'official_passport', 'other', 'passport');
ALTER TABLE records ALTER visa_type TYPE ENUM ('business', 'crew', 'none', 'official', 'other', 'student', 'tourist', 'trainee', 'transit', 'visit', 'work');
`,
);
