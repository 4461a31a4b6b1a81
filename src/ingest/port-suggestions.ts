/**
 * A suggestion for each port spelling the gazetteer does not know: the nearest known port and
 * its city, by the place name it carries. Run after a load on the distinct unknown spellings
 * only (a handful), never per record.
 *
 * A spelling is read as a place and a mode. Words every port name shares — port, highway, rail,
 * bridge, customs, 口岸, 公路, 铁路, 통상구, 철도 … — are taken out in their own script; what is
 * left is transliterated (any-ascii: Chinese to pinyin syllables, Hangul to Revised
 * Romanization) and compared by Jaro-Winkler with the same reading of every name and alias of
 * every port. The mode words say which crossing of a town is meant: "TUMEN RAIL" is Tumen's
 * rail port, not its road port; a spelling whose mode a port does not carry (rail at a road
 * bridge) counts against that port. Ties go to the crossing the bare town name resolves to
 * (docs/gazetteer.md, "Town names that have more than one crossing").
 */
import anyAscii from "any-ascii";
import { jaroWinkler } from "../core/screening/similarity.js";
import { placeKey } from "../core/text.js";
import { type Gazetteer, type Port, portKeys } from "../gazetteer/load-gazetteer.js";

export type PortMode = "rail" | "road" | "air";

export interface PortSuggestion {
  port_id: string;
  name: string;
  city: string;
  /** 0–1: the place's similarity, less 0.1 when the spelling's mode is not the port's. */
  score: number;
  /** The known name the place matched, and the mode read from the spelling, if any. */
  matched: string;
  mode: PortMode | null;
}

/** Below this, no suggestion: the place is not like any known one. */
export const SUGGEST_MIN_SCORE = 0.8;

/** Mode words in every script the gazetteer's aliases use; they are taken out of the place. */
const MODE_WORDS: Record<PortMode, readonly string[]> = {
  rail: [
    "铁路",
    "鐵路",
    "火车站",
    "火車站",
    "철도",
    "철교",
    "rail",
    "railway",
    "railroad",
    "rly",
    "tielu",
    "train",
  ],
  road: ["公路", "도로", "road", "rd", "highway", "hwy", "gonglu", "motorway"],
  air: ["机场", "機場", "공항", "airport", "air", "jichang"],
};

/** Words that name a kind of place, not a place: taken out before comparing. */
const GENERIC = [
  "口岸",
  "国境",
  "國境",
  "大桥",
  "大橋",
  "桥",
  "橋",
  "海关",
  "海關",
  "站",
  "통상구",
  "세관",
  "국경",
  "대교",
  "다리",
  "port",
  "ports",
  "kouan",
  "bridge",
  "border",
  "crossing",
  "checkpoint",
  "customs",
  "station",
  "stn",
  "international",
  "intl",
  "guojing",
  "daqiao",
  "qiao",
  "the",
  "of",
];

const SCRIPT_WORDS = [...GENERIC, ...Object.values(MODE_WORDS).flat()].filter((w) =>
  /[^\p{Script=Latin}]/u.test(w),
);
const LATIN_WORDS = new Set(
  [...GENERIC, ...Object.values(MODE_WORDS).flat()].filter((w) => /^\p{Script=Latin}+$/u.test(w)),
);

/** The mode a spelling names (rail, road, air), or null. */
export function portMode(raw: string): PortMode | null {
  const lower = raw.toLowerCase();
  const tokens = new Set(latinTokens(lower));
  for (const [mode, words] of Object.entries(MODE_WORDS) as [PortMode, readonly string[]][])
    if (words.some((w) => (/^[a-z]+$/.test(w) ? tokens.has(w) : lower.includes(w)))) return mode;
  return null;
}

function latinTokens(s: string): string[] {
  return s
    .replace(/['’`]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== "");
}

/** The place a spelling names, in plain lower-case letters: "Dandong Highway Port" → "dandong". */
export function placeCore(raw: string): string {
  let s = raw.normalize("NFKC");
  for (const w of SCRIPT_WORDS) s = s.split(w).join(" ");
  const latin = anyAscii(s)
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .toLowerCase();
  const kept = latinTokens(latin).filter((t) => !LATIN_WORDS.has(t));
  return placeKey(kept.join(""));
}

function portModes(p: Port): PortMode[] {
  if (p.kind === "airport") return ["air"];
  if (p.kind === "rail_bridge") return ["rail"];
  if (p.kind === "road_rail_bridge") return ["rail", "road"];
  return ["road"];
}

/** A reusable index over the gazetteer's names, for suggesting many spellings. */
export class PortSuggester {
  private readonly names: { port: Port; name: string; core: string }[] = [];

  private readonly cities: Map<string, string>;

  private readonly byKey: Map<string, string>;

  constructor(gazetteer: Gazetteer) {
    this.cities = new Map(gazetteer.cities.map((c) => [c.id, c.name_en]));
    this.byKey = portKeys(gazetteer);
    const ports = new Map(gazetteer.ports.map((p) => [p.id, p]));
    const add = (port: Port | undefined, name: string) => {
      const core = port && name ? placeCore(name) : "";
      if (port && core !== "") this.names.push({ port, name, core });
    };
    for (const p of gazetteer.ports)
      for (const n of [p.name_en, p.name_zh, p.pinyin, p.name_ko]) add(p, n);
    for (const a of gazetteer.aliases) add(ports.get(a.port_id), a.alias);
  }

  /** The nearest known port, or null when none is near enough. */
  suggest(raw: string): PortSuggestion | null {
    const core = placeCore(raw);
    if (core === "") return null;
    const mode = portMode(raw);
    // The crossing a bare town name resolves to wins ties (the main one of its town).
    const main = this.byKey.get(core);
    let best: PortSuggestion | null = null;
    let bestMain = false;
    for (const n of this.names) {
      let score = jaroWinkler(core, n.core);
      if (mode !== null) score += portModes(n.port).includes(mode) ? 0 : -0.1;
      score = Math.round(score * 1000) / 1000;
      const isMain = n.port.id === main;
      const better =
        best === null ||
        score > best.score ||
        (score === best.score && isMain && !bestMain && mode === null);
      if (better) {
        best = {
          port_id: n.port.id,
          name: n.port.name_en,
          city: this.cities.get(n.port.city_id) ?? n.port.city_id,
          score,
          matched: n.name,
          mode,
        };
        bestMain = isMain;
      }
    }
    return best !== null && best.score >= SUGGEST_MIN_SCORE ? best : null;
  }
}

/**
 * The mapping-file fragment that maps each suggested spelling to its port (`ingest --mapping`,
 * docs/data-contract.md): written for the user to check and keep.
 */
export function mappingFor(suggestions: { port: string; suggestion: PortSuggestion | null }[]) {
  const port: Record<string, string> = {};
  for (const s of suggestions) if (s.suggestion) port[s.port] = s.suggestion.port_id;
  return { values: { port } };
}
