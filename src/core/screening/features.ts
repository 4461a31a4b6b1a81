/**
 * Non-name evidence: birth dates, nationalities and document numbers. Each yields a signed
 * adjustment with a reason; names decide whether something is a candidate, these decide how far a
 * name match is believed. Adjustments follow the qualifiers of nomenklatura logic-v2
 * (dob_year_disjoint −0.15, dob_day_disjoint −0.25, country_mismatch −0.2; screening-anchors §3),
 * softened where list data is approximate.
 */

import countries from "i18n-iso-countries";
import { lazy } from "../lazy.js";

export interface FeatureResult {
  feature: "birth_date" | "nationality" | "document";
  /** Added to the name score (negative = disagreement). */
  effect: number;
  agreed: boolean;
  detail: string;
}

/** Full date of birth agrees: strong support (two Kim Yong Chol rarely share a birthday). */
export const DOB_EXACT_BONUS = 0.1;
/** Only the year is known on the list and agrees. */
export const DOB_YEAR_BONUS = 0.03;
/** Same year, different full date. */
export const DOB_DAY_MISMATCH = -0.15;
/** No list date within a year of the query's. */
export const DOB_YEAR_MISMATCH = -0.2;
export const NATIONALITY_BONUS = 0.02;
export const NATIONALITY_MISMATCH = -0.1;
/** A document number that agrees makes the match; its score floor. */
export const DOCUMENT_FLOOR = 0.97;

/** Years a list date or range covers ("1962-02-18" → [1962,1962], "1960/1962" → [1960,1962]). */
function yearRange(d: string): [number, number] | undefined {
  const [a, b] = d.split("/");
  const ya = Number(a?.slice(0, 4));
  const yb = Number((b ?? a)?.slice(0, 4));
  if (!Number.isFinite(ya) || !Number.isFinite(yb) || ya < 1000) return undefined;
  return [ya, yb];
}

export function compareBirthDates(
  query: string,
  list: readonly string[],
): FeatureResult | undefined {
  const q = query.trim();
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(q) || list.length === 0) return undefined;
  const qy = Number(q.slice(0, 4));
  let best: FeatureResult | undefined;
  const consider = (effect: number, agreed: boolean, detail: string) => {
    if (!best || effect > best.effect) best = { feature: "birth_date", effect, agreed, detail };
  };
  for (const d of list) {
    const r = yearRange(d);
    if (!r) continue;
    if (!d.includes("/") && d.length === 10 && q.length === 10) {
      if (d === q) consider(DOB_EXACT_BONUS, true, `${q} = ${d}`);
      else if (d.slice(0, 4) === q.slice(0, 4))
        consider(DOB_DAY_MISMATCH, false, `${q} ≠ ${d} (same year)`);
      else if (Math.abs(Number(d.slice(0, 4)) - qy) <= 1 && d.slice(5) === q.slice(5))
        // Same day and month, year off by one: a common transcription slip.
        consider(0, false, `${q} ~ ${d} (year off by one)`);
      else consider(DOB_YEAR_MISMATCH, false, `${q} ≠ ${d}`);
      continue;
    }
    if (qy >= r[0] && qy <= r[1]) consider(DOB_YEAR_BONUS, true, `${q} within ${d}`);
    else if (qy >= r[0] - 1 && qy <= r[1] + 1) consider(0, false, `${q} a year from ${d}`);
    else consider(DOB_YEAR_MISMATCH, false, `${q} ≠ ${d}`);
  }
  return best;
}

/** Names for countries beyond ISO names as the lists write them. */
const COUNTRY_EXTRA: Record<string, string> = {
  "korea north": "PRK",
  "north korea": "PRK",
  dprk: "PRK",
  "democratic peoples republic of korea": "PRK",
  "korea democratic peoples republic of": "PRK",
  "korea dprk": "PRK",
  朝鲜: "PRK",
  朝鮮: "PRK",
  조선: "PRK",
  북한: "PRK",
  "korea south": "KOR",
  "south korea": "KOR",
  "republic of korea": "KOR",
  "korea republic of": "KOR",
  china: "CHN",
  "peoples republic of china": "CHN",
  中国: "CHN",
  中國: "CHN",
  중국: "CHN",
  russia: "RUS",
  "russian federation": "RUS",
  iran: "IRN",
  "iran islamic republic of": "IRN",
  syria: "SYR",
  "syrian arab republic": "SYR",
  "united states": "USA",
  "united kingdom": "GBR",
  burma: "MMR",
  "viet nam": "VNM",
  vietnam: "VNM",
  laos: "LAO",
  "hong kong": "HKG",
  macau: "MAC",
  macao: "MAC",
  taiwan: "TWN",
};

const countryKey = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** ISO 3166-1 alpha-3 for a country name or code as lists and port logs write it, else undefined. */
const countryIndex = lazy(() => {
  const index = new Map<string, string>();
  for (const [a3, a2] of Object.entries(countries.getAlpha3Codes())) {
    index.set(a3.toLowerCase(), a3);
    index.set(String(a2).toLowerCase(), a3);
  }
  for (const [a2, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
    const a3 = countries.alpha2ToAlpha3(a2);
    if (a3) for (const n of names as string[]) index.set(countryKey(n), a3);
  }
  for (const [k, v] of Object.entries(COUNTRY_EXTRA)) index.set(countryKey(k), v);
  return index;
});

export function countryCode(value: string): string | undefined {
  const k = countryKey(value);
  return k ? countryIndex().get(k) : undefined;
}

export function compareNationality(
  query: string,
  list: readonly string[],
): FeatureResult | undefined {
  const q = countryCode(query) ?? query.toUpperCase();
  const known = list.filter((c) => /^[A-Z]{3}$/.test(c));
  if (known.length === 0) return undefined;
  if (known.includes(q))
    return {
      feature: "nationality",
      effect: NATIONALITY_BONUS,
      agreed: true,
      detail: `${q} listed`,
    };
  return {
    feature: "nationality",
    effect: NATIONALITY_MISMATCH,
    agreed: false,
    detail: `${q} ∉ {${known.join(", ")}}`,
  };
}

/** Document numbers compared without spaces, dashes or case. */
export function documentKey(n: string): string {
  return n.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function compareDocuments(
  query: readonly string[],
  list: readonly { number: string; type: string }[],
): FeatureResult | undefined {
  const q = new Set(query.map(documentKey).filter((k) => k.length >= 5));
  if (q.size === 0 || list.length === 0) return undefined;
  for (const id of list)
    if (q.has(documentKey(id.number)))
      return { feature: "document", effect: 0, agreed: true, detail: `${id.type} ${id.number}` };
  return undefined;
}
