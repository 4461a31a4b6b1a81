/**
 * Text keys shared by the TypeScript and SQL sides. `placeKey` must agree with the SQL
 * expression in db/sql-keys.ts (a test checks both on the same inputs).
 */

/** Folds a place name to a lookup key: compatibility-normalised, accents stripped,
 * lower-cased, and only letters and digits kept ("Hunchun Quānhé" → "hunchunquanhe"). */
export function placeKey(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}
