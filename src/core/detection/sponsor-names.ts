/**
 * Sponsors across scripts and spellings. Port logs name one employer in Chinese
 * (珲春市东洋水产有限公司), a clerk's short form (东洋水产), English (Hunchun Dongyang Seafood
 * Co., Ltd., or upper case without punctuation) and Korean — the Sino-Korean reading of the same
 * characters (훈춘시동양수산유한회사; 吉林大学 is 길림대학). Each spelling is read into:
 *
 * - a pinyin spelling of any Chinese (珲春市东洋水产有限公司 → Hunchun Shi Dongyang Shuichan
 *   Youxian Gongsi) and, where words of it are known, an English gloss (Hunchun Dongyang Seafood
 *   Co., Ltd.): cities and lines of business from the table below, other words left in pinyin as
 *   English company names leave them;
 * - keys that two spellings of one sponsor share: the gloss's words (Chinese meets English), the
 *   Korean reading of the characters (Chinese meets Korean, in the North's spelling: 吉林 → 길림,
 *   not 길임), and the Korean as written. Legal forms (有限公司, Co., Ltd., 유한회사) drop out of
 *   every key. A key without the city (东洋水产) is kept apart: it names a sponsor only when one
 *   sponsor with a city has it (groupSponsors).
 */
import { pinyin } from "pinyin-pro";
import { UnionFind } from "../graph/union-find.js";
import { hanToHangul } from "../names/hanja.js";

/** Chinese words with their English rendering as company and school names use them. */
const WORDS: Record<string, string> = {
  // Lines of business reported for DPRK labour and the trades around it.
  水产: "Seafood",
  海产: "Seafood",
  渔业: "Fishery",
  服装: "Garment",
  服饰: "Garment",
  纺织: "Textile",
  制衣: "Garment",
  电子: "Electronics",
  木业: "Wood Industry",
  制药: "Pharmaceutical",
  医药: "Pharmaceutical",
  食品: "Foodstuff",
  贸易: "Trading",
  商贸: "Trading",
  经贸: "Economic and Trade",
  工贸: "Industry and Trade",
  进出口: "Import and Export",
  实业: "Industrial",
  国际物流: "International Logistics",
  物流: "Logistics",
  国际旅行社: "International Travel Service",
  旅行社: "Travel Service",
  旅游: "Tourism",
  建筑: "Construction",
  矿业: "Mining",
  农业: "Agriculture",
  科技: "Technology",
  国际: "International",
  大学: "University",
  学院: "College",
  劳务: "Labour Services",
  合作: "Cooperation",
};

/**
 * Places of the China–DPRK border as sponsor names begin with them: English, and Korean as a
 * Yanbian or DPRK clerk writes them (훈춘 by usage, though 琿 alone reads 혼; North spelling 룡정,
 * 료녕). The city suffix (市 시, 县 현) is read apart.
 */
const PLACES: Record<string, { en: string; ko: string }> = {
  珲春: { en: "Hunchun", ko: "훈춘" },
  丹东: { en: "Dandong", ko: "단동" },
  图们: { en: "Tumen", ko: "도문" },
  和龙: { en: "Helong", ko: "화룡" },
  龙井: { en: "Longjing", ko: "룡정" },
  延吉: { en: "Yanji", ko: "연길" },
  集安: { en: "Ji'an", ko: "집안" },
  长白: { en: "Changbai", ko: "장백" },
  延边: { en: "Yanbian", ko: "연변" },
  吉林: { en: "Jilin", ko: "길림" },
  辽宁: { en: "Liaoning", ko: "료녕" },
  辽东: { en: "Liaodong", ko: "료동" },
  沈阳: { en: "Shenyang", ko: "심양" },
  大连: { en: "Dalian", ko: "대련" },
};
const KOREAN_PLACES = Object.values(PLACES).map((p) => p.ko);
const CITY_SUFFIX_KO: Record<string, string> = { 市: "시", 县: "현", 州: "주" };

const LEGAL_ZH = ["股份有限公司", "有限责任公司", "有限公司", "公司"];
const LEGAL_KO = /(유한책임회사|주식회사|유한회사|유한공사|회사)$/u;
const LEGAL_EN =
  /\b(co\b\.?,?\s*ltd\b\.?|company\s+limited|co\b\.?|ltd\b\.?|limited|company|corporation|corp\b\.?|inc\b\.?|llc)\b/giu;
const HAN = /\p{Script=Han}/u;
const HANGUL = /\p{Script=Hangul}/u;

export interface SponsorReading {
  /** The Chinese in pinyin, word by word (null when the spelling has no Chinese). */
  pinyin: string | null;
  /** English rendering where some words are known; proper names stay in pinyin. */
  gloss: string | null;
  /** Keys with the city: spellings sharing one are one sponsor. */
  keys: string[];
  /** Keys of a spelling without a city (a clerk's short form): see groupSponsors. */
  shortKeys: string[];
}

interface Token {
  han: string;
  kind: "place" | "city-suffix" | "word" | "legal" | "name";
  english: string;
}

/** Longest-match segmentation of a Chinese name into places, known words and legal forms. */
function segment(han: string): Token[] {
  const out: Token[] = [];
  const chars = Array.from(han);
  let i = 0;
  let name = "";
  const flush = () => {
    if (name) out.push({ han: name, kind: "name", english: "" });
    name = "";
  };
  while (i < chars.length) {
    let hit: Token | null = null;
    for (let len = Math.min(6, chars.length - i); len >= 2 && !hit; len--) {
      const w = chars.slice(i, i + len).join("");
      if (LEGAL_ZH.includes(w) && i + len === chars.length)
        hit = { han: w, kind: "legal", english: "Co., Ltd." };
      else if (WORDS[w]) hit = { han: w, kind: "word", english: WORDS[w] };
      else if (PLACES[w] && out.length === 0 && !name)
        hit = { han: w, kind: "place", english: PLACES[w].en };
    }
    if (hit) {
      flush();
      out.push(hit);
      i += Array.from(hit.han).length;
      if (hit.kind === "place" && (chars[i] === "市" || chars[i] === "县" || chars[i] === "州")) {
        out.push({ han: chars[i]!, kind: "city-suffix", english: "" });
        i++;
      }
      continue;
    }
    name += chars[i];
    i++;
  }
  flush();
  return out;
}

const capital = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Pinyin of a Han run as one word per token ("Dongyang"), no tones. */
function pinyinWord(han: string): string {
  return capital(
    pinyin(han, { toneType: "none", type: "array", nonZh: "consecutive" })
      .join("")
      .replace(/\s+/g, ""),
  );
}

/** Letters and digits only, lower case: the form keys compare. */
function compact(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** The Korean readings of Han text, in the North's spelling (no initial-sound change). */
function koreanReadings(han: string): string[] {
  return hanToHangul(han, { wordInitial: false }).slice(0, 8);
}

function readChinese(text: string): SponsorReading {
  const tokens = segment(text.replace(/\s+/g, ""));
  const pinyinText = tokens
    .map((t) =>
      t.kind === "place" ? t.english : t.kind === "name" ? pinyinWord(t.han) : pinyinWords(t.han),
    )
    .join(" ");
  const known = tokens.some((t) => t.kind === "word");
  const gloss = known
    ? tokens
        .filter((t) => t.kind !== "city-suffix")
        .map((t) => (t.kind === "name" ? pinyinWord(t.han) : t.english))
        .join(" ")
        .replace(/ Co\., Ltd\.$/, " Co., Ltd.")
    : null;
  const hasPlace = tokens[0]?.kind === "place";
  const core = tokens.filter((t) => t.kind !== "legal" && t.kind !== "city-suffix");
  const latin = compact(
    core.map((t) => (t.kind === "name" ? pinyinWord(t.han) : t.english)).join(""),
  );
  const lead = tokens
    .filter((t) => t.kind === "place" || t.kind === "city-suffix")
    .map((t) => (t.kind === "place" ? PLACES[t.han]!.ko : CITY_SUFFIX_KO[t.han]!))
    .join("");
  const rest = tokens
    .filter((t) => t.kind === "word" || t.kind === "name")
    .map((t) => t.han)
    .join("");
  const korean = koreanReadings(rest).map((k) => `ko:${compact(lead + k)}`);
  const keys = [`la:${latin}`, ...korean];
  const reading = { pinyin: pinyinText, gloss, keys: [] as string[], shortKeys: [] as string[] };
  if (hasPlace) reading.keys = keys;
  else reading.shortKeys = keys;
  return reading;
}

/** Pinyin of a known word or legal form, a word per two characters ("Youxian Gongsi",
 * "Guoji Lüxingshe"); a single character is its own word ("Shi"). */
function pinyinWords(han: string): string {
  const chars = Array.from(han);
  const words: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const len = chars.length - i === 3 ? 3 : Math.min(2, chars.length - i);
    words.push(pinyinWord(chars.slice(i, i + len).join("")));
    i += len;
  }
  return words.join(" ");
}

function readKorean(text: string): SponsorReading {
  const body = compact(text).replace(LEGAL_KO, "");
  const hasPlace = KOREAN_PLACES.some((p) => body.startsWith(p));
  const keys = [`ko:${body}`];
  return { pinyin: null, gloss: null, keys: hasPlace ? keys : [], shortKeys: hasPlace ? [] : keys };
}

function readLatin(text: string): SponsorReading {
  const words = text.normalize("NFKC").replace(LEGAL_EN, " ");
  const body = compact(words);
  const hasPlace = Object.values(PLACES).some((p) => body.startsWith(compact(p.en)));
  const keys = [`la:${body}`];
  return { pinyin: null, gloss: null, keys: hasPlace ? keys : [], shortKeys: hasPlace ? [] : keys };
}

/** Reads one sponsor spelling as recorded. */
export function readSponsor(spelling: string): SponsorReading {
  const text = spelling.normalize("NFKC").trim();
  if (HAN.test(text)) return readChinese(text);
  if (HANGUL.test(text)) return readKorean(text);
  return readLatin(text);
}

/**
 * Groups spellings into sponsors: two spellings are one sponsor when they share a key, when a
 * pair in `together` says so (one person recorded under both), or when a short form's key
 * belongs to exactly one group of spellings with a city. Returns a group number per spelling
 * (the smallest index in its group). `readings` are the spellings' readSponsor, when the caller
 * has them already (reading a spelling costs far more than grouping it).
 */
export function groupSponsors(
  spellings: readonly string[],
  together: readonly [number, number][] = [],
  readings: readonly SponsorReading[] = spellings.map(readSponsor),
): Int32Array {
  const uf = new UnionFind(Math.max(spellings.length, 1));
  const byKey = new Map<string, number>();
  readings.forEach((r, i) => {
    for (const k of [...r.keys, ...r.shortKeys.map((s) => `short:${s}`)]) {
      const j = byKey.get(k);
      if (j === undefined) byKey.set(k, i);
      else uf.union(i, j);
    }
  });
  for (const [a, b] of together) uf.union(a, b);
  // A short form joins the one group that has its key without the city.
  const full = new Map<string, Set<number>>();
  readings.forEach((r, i) => {
    for (const k of r.keys) {
      for (const tail of cityless(k)) {
        const set = full.get(tail) ?? new Set<number>();
        set.add(uf.find(i));
        full.set(tail, set);
      }
    }
  });
  readings.forEach((r, i) => {
    for (const k of r.shortKeys) {
      const groups = full.get(k);
      if (groups?.size === 1) uf.union(i, [...groups][0]!);
    }
  });
  const first = new Map<number, number>();
  const out = new Int32Array(spellings.length);
  for (let i = 0; i < spellings.length; i++) {
    const root = uf.find(i);
    if (!first.has(root)) first.set(root, i);
    out[i] = first.get(root)!;
  }
  return out;
}

/** A key without its leading place name, in each script's form. */
function cityless(key: string): string[] {
  const [script, body] = [key.slice(0, 3), key.slice(3)];
  const places =
    script === "ko:"
      ? KOREAN_PLACES.flatMap((p) => [`${p}시`, `${p}현`, p])
      : Object.values(PLACES).map((p) => compact(p.en));
  return places
    .filter((p) => body.startsWith(p) && body.length > p.length)
    .map((p) => script + body.slice(p.length));
}
