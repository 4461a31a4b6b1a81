/**
 * Maps the distinct raw values of low-cardinality columns (direction, port, nationality, …)
 * to contract values in TypeScript — one implementation of each rule, tested once — and
 * hands SQL a small lookup table to join on.
 */

import countries from "i18n-iso-countries";
import {
  DIRECTION_SYNONYMS,
  DOC_TYPE_SYNONYMS,
  SEX_SYNONYMS,
  VISA_TYPE_SYNONYMS,
} from "../core/crossing.js";
import { AppError } from "../core/errors.js";
import { lazy } from "../core/lazy.js";
import { placeKey } from "../core/text.js";
import { type Gazetteer, portKeys } from "../gazetteer/load-gazetteer.js";

export const VOCABULARY_KINDS = [
  "direction",
  "port",
  "nationality",
  "doc_type",
  "visa_type",
  "sex",
] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

const fold = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** Names a port log may use for a nationality beyond ISO codes and English names. */
const NATIONALITY_EXTRA: Record<string, string> = {
  dprk: "PRK",
  "d.p.r.k.": "PRK",
  "north korean": "PRK",
  "korea, north": "PRK",
  "korea (dprk)": "PRK",
  "democratic people's republic of korea": "PRK",
  朝鲜: "PRK",
  朝鮮: "PRK",
  北朝鲜: "PRK",
  조선: "PRK",
  북한: "PRK",
  中国: "CHN",
  中國: "CHN",
  중국: "CHN",
  prc: "CHN",
  chinese: "CHN",
  韩国: "KOR",
  韓國: "KOR",
  한국: "KOR",
  "south korea": "KOR",
  "korea, south": "KOR",
  rok: "KOR",
  俄罗斯: "RUS",
  러시아: "RUS",
};

const nationalities = lazy((): Map<string, string> => {
  const index = new Map<string, string>();
  for (const [a3, a2] of Object.entries(countries.getAlpha3Codes())) {
    index.set(a3.toLowerCase(), a3);
    index.set(String(a2).toLowerCase(), a3);
  }
  for (const lang of ["en", "zh", "ko"]) {
    for (const [a2, names] of Object.entries(countries.getNames(lang, { select: "all" }))) {
      const a3 = countries.alpha2ToAlpha3(a2);
      if (!a3) continue;
      for (const name of names as string[]) if (!index.has(fold(name))) index.set(fold(name), a3);
    }
  }
  for (const [k, v] of Object.entries(NATIONALITY_EXTRA)) index.set(fold(k), v);
  return index;
});

export class Vocabulary {
  private readonly ports: Map<string, string>;

  private readonly exact: Map<VocabularyKind, [string, string][]> = new Map();

  /** Values a mapping file adds (lower-cased key → value), looked up before the built-in ones. */
  private readonly extra: Map<VocabularyKind, Map<string, string>> = new Map();

  constructor(
    gazetteer: Gazetteer,
    extra: Partial<Record<VocabularyKind, Record<string, string>>> = {},
  ) {
    this.ports = portKeys(gazetteer);
    const unique = (pairs: [string, string][]) => {
      const seen = new Map<string, string>();
      for (const [k, v] of pairs) if (k !== "" && !seen.has(k)) seen.set(k, v);
      return [...seen];
    };
    const lower = (s: string) => s.trim().toLowerCase();
    const table = (t: Record<string, string>) =>
      Object.entries(t).map(([k, v]) => [lower(k), v] as [string, string]);
    this.exact.set("direction", unique(table(DIRECTION_SYNONYMS)));
    this.exact.set("doc_type", unique(table(DOC_TYPE_SYNONYMS)));
    this.exact.set("visa_type", unique(table(VISA_TYPE_SYNONYMS)));
    this.exact.set("sex", unique(table(SEX_SYNONYMS)));
    this.exact.set("nationality", unique([...nationalities()]));
    const portPairs: [string, string][] = [];
    for (const p of gazetteer.ports) {
      for (const n of [p.id, p.name_en, p.name_zh, p.pinyin, p.name_ko])
        if (n) portPairs.push([lower(n), p.id]);
    }
    for (const a of gazetteer.aliases) portPairs.push([lower(a.alias), a.port_id]);
    this.exact.set("port", unique(portPairs));
    const portIds = new Set(gazetteer.ports.map((p) => p.id));
    for (const [kind, table] of Object.entries(extra) as [
      VocabularyKind,
      Record<string, string>,
    ][]) {
      const added = new Map<string, string>();
      for (const [written, meant] of Object.entries(table)) {
        const value =
          this.map(kind, meant) ?? (kind === "port" && portIds.has(meant) ? meant : null);
        if (value === null)
          throw new AppError(
            "config",
            `mapping: values.${kind}["${written}"] = "${meant}" is not a ${kind} the vocabulary knows`,
          );
        added.set(lower(written), value);
      }
      this.extra.set(kind, added);
      this.exact.set(kind, unique([...added, ...(this.exact.get(kind) ?? [])]));
    }
  }

  /** The values each kind knows by their exact lower-cased, trimmed form (for SQL lookups). */
  entries(kind: VocabularyKind): [string, string][] {
    return this.exact.get(kind) ?? [];
  }

  map(kind: VocabularyKind, raw: string): string | null {
    const key = fold(raw);
    if (key === "") return null;
    const added = this.extra.get(kind)?.get(key);
    if (added !== undefined) return added;
    switch (kind) {
      case "direction":
        return DIRECTION_SYNONYMS[key] ?? null;
      case "port":
        return this.ports.get(placeKey(raw)) ?? null;
      case "nationality":
        return nationalities().get(key) ?? null;
      case "doc_type":
        return DOC_TYPE_SYNONYMS[key] ?? DOC_TYPE_SYNONYMS[key.replace(/ /g, "_")] ?? null;
      case "visa_type":
        return VISA_TYPE_SYNONYMS[key] ?? VISA_TYPE_SYNONYMS[key.replace(/ visa$/, "")] ?? null;
      case "sex":
        return SEX_SYNONYMS[key] ?? null;
    }
  }
}
