/**
 * FollowTheMoney (FtM) entities as Aleph and OpenSanctions tools read them: one JSON object per
 * line, `{id, schema, properties: {property: [string, …]}}`; every value is a string in an array
 * (https://followthemoney.tech/docs/entities/). Entity ids must match FtM's entity type pattern
 * `^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$` (followthemoney/types/entity.py): Aleph rejects
 * references to any other id. Ids here are derived from Sojourn's own ids, so exporting the same
 * results again yields the same ids and updates the entities already loaded instead of adding
 * copies.
 */
import { createHash } from "node:crypto";
import countries from "i18n-iso-countries";

/** The schemata Sojourn writes (docs/export.md explains each choice). */
export const FTM_SCHEMATA = [
  "Person",
  "Passport",
  "Identification",
  "Organization",
  "Project",
  "ProjectParticipant",
  "Note",
  "Event",
] as const;
export type FtmSchema = (typeof FTM_SCHEMATA)[number];

export interface FtmEntity {
  id: string;
  schema: FtmSchema;
  properties: Record<string, string[]>;
}

/** FtM's entity id pattern (followthemoney/types/entity.py). */
const SAFE_ID = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;

/** Every id starts with this, so Sojourn's entities never collide with another dataset's. */
export const FTM_ID_PREFIX = "sojourn";

/**
 * `sojourn-<kind>-<key>`, with characters FtM ids do not allow replaced by `-`. Keys are
 * Sojourn's pseudonymous ids (P-…, K-…, rule-hash), which are already safe; use ftmHashId for
 * keys made of free text.
 */
export function ftmId(kind: string, ...keys: string[]): string {
  const raw = [FTM_ID_PREFIX, kind, ...keys].join("-");
  if (SAFE_ID.test(raw)) return raw;
  return raw.replace(/[^0-9A-Za-z.-]+/g, "-").replace(/^[^0-9A-Za-z]+|[^0-9A-Za-z]+$/g, "");
}

/**
 * `sojourn-<kind>-<16 hex>`: for keys that are free text (sponsor names, document numbers) or
 * composite. The hash keeps the id stable and valid without putting the text itself in the id
 * (a document number in an id would defeat masking wherever ids are shown).
 */
export function ftmHashId(kind: string, ...keys: string[]): string {
  const digest = createHash("sha256").update(keys.join("\x1f")).digest("hex");
  return ftmId(kind, digest.slice(0, 16));
}

/** ISO 3166-1 alpha-3 (the crossing contract's nationality) → FtM country code (alpha-2, lower case). */
export function ftmCountry(alpha3: string | null | undefined): string | undefined {
  if (!alpha3) return undefined;
  const a2 = countries.alpha3ToAlpha2(alpha3.trim().toUpperCase());
  return a2 ? a2.toLowerCase() : undefined;
}

/** The crossing contract's sex (M, F, X) → FtM gender (male, female, other). */
export function ftmGender(sex: string | null | undefined): string | undefined {
  switch (sex?.trim().toUpperCase()) {
    case "M":
      return "male";
    case "F":
      return "female";
    case "X":
      return "other";
    default:
      return undefined;
  }
}

/** FtM dates are ISO 8601 prefixes (`2019`, `2019-06`, `2019-06-03`); anything else is dropped. */
export function ftmDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(value.trim());
  return m ? m[0] : undefined;
}

/** FtM's text type holds at most 65,000 characters per value (followthemoney/types/text.py). */
export const FTM_TEXT_MAX = 65000;

/**
 * Joins items into text values of at most `max` characters each (`prefix` on each), never
 * splitting an item: a long evidence list becomes several values of one property rather than
 * one value that a loader would truncate.
 */
export function ftmTextChunks(
  prefix: string,
  items: readonly string[],
  sep = ", ",
  max = FTM_TEXT_MAX,
): string[] {
  const out: string[] = [];
  let cur = "";
  for (const item of items) {
    if (cur && prefix.length + cur.length + sep.length + item.length > max) {
      out.push(prefix + cur);
      cur = "";
    }
    cur = cur ? cur + sep + item : item.slice(0, max - prefix.length);
  }
  if (cur) out.push(prefix + cur);
  return out;
}

/**
 * Builds an entity from property values, dropping empty and repeated values and properties left
 * with none, so a line never carries `"prop": []` or `""`.
 */
export function ftmEntity(
  schema: FtmSchema,
  id: string,
  props: Record<string, ReadonlyArray<string | null | undefined> | string | null | undefined>,
): FtmEntity {
  const properties: Record<string, string[]> = {};
  for (const name in props) {
    const raw = props[name];
    if (raw == null) continue;
    if (typeof raw === "string") {
      const s = raw.trim();
      if (s) properties[name] = [s];
      continue;
    }
    const kept = new Set<string>();
    for (const v of raw) {
      const s = v?.trim();
      if (s) kept.add(s);
    }
    if (kept.size > 0) properties[name] = [...kept];
  }
  return { id, schema, properties };
}

/** A border crossing as an export names it (from the gazetteer; ids it does not know stay as written). */
export interface FtmPlace {
  name: string;
  /** ISO 3166-1 alpha-3, as in the gazetteer. */
  country: string | null;
}

/** What every mapping needs besides its row. */
export interface FtmContext {
  /**
   * Full names, document numbers and birth dates (for a case file). Off by default: the people in
   * these records are often victims of forced labour (docs/export.md, "Masking").
   */
  unmask: boolean;
  /** labor_score at or above this means "likely an income-earning worker" (the analyze policy's). */
  threshold: number;
  /** The repatriation deadline of the analyze policy (YYYY-MM-DD; UNSCR 2397 para 8). */
  deadline: string;
  ports: ReadonlyMap<string, FtmPlace>;
}

export function placeName(ctx: FtmContext, portId: string | null | undefined): string | undefined {
  if (!portId) return undefined;
  return ctx.ports.get(portId)?.name ?? portId;
}

export function placeCountry(
  ctx: FtmContext,
  portId: string | null | undefined,
): string | undefined {
  return portId ? ftmCountry(ctx.ports.get(portId)?.country) : undefined;
}
