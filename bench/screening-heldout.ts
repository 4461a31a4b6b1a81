/**
 * Held-out query variants and negatives for the screening evaluation. The matcher is tuned on
 * bench/screening-queries.ts (romanization changes, one-letter typos in the longest word, order
 * swaps, legal forms rewritten or dropped, short words run together) and on yente's synthetic
 * negatives; the variants here come from other generators and are only reported on:
 *  - persons: a typo inside a short romanized syllable on top of a romanization change; a listed
 *    token the query lacks (second surname, patronymic, middle name), in natural order;
 *  - organisations: legal forms and their kin (TRADING → TRADE, CORPORATION → CO), dropped
 *    generic tokens, two tokens glued anywhere (legal form included), a character dropped from a
 *    Chinese name, and kin plus a dropped token together;
 *  - negatives: Korean names one given-name syllable away from a listed name, Chinese-character
 *    names, and company names, none of them on either list (checked against every list name).
 * Seeded: the same lists give the same queries.
 */

import { toSouthInitial } from "../src/core/names/hangul.js";
import {
  hanToHangul,
  hanToPinyin,
  parseName,
  type RomanizationSystem,
  romanizeName,
} from "../src/core/names/index.js";
import { hasCjk, type ListEntity, splitOrgName, tokenize } from "../src/core/screening/index.js";
import { type EvalQuery, pick, prng } from "./screening-queries.js";

const VOWELS = "aeiouy";
const CONSONANTS = "bcdghjklmnprstw";

/** One substitution or deletion inside one short (2–4 letter) syllable token, not its first letter. */
function syllableTypo(tokens: string[], rand: () => number): string[] | undefined {
  const short = tokens
    .map((t, i) => [t, i] as const)
    .filter(([t], i) => i > 0 && t.length >= 2 && t.length <= 4);
  if (short.length === 0) return undefined;
  const [t, i] = pick(short, rand);
  const pos = 1 + Math.floor(rand() * (t.length - 1));
  const isVowel = VOWELS.includes(t[pos]!.toLowerCase());
  const r = rand();
  let out: string;
  if (r < 0.35 && t.length >= 3) out = t.slice(0, pos) + t.slice(pos + 1);
  else {
    const pool = isVowel ? VOWELS : CONSONANTS;
    let c = pick([...pool], rand);
    if (c === t[pos]!.toLowerCase()) c = pool[(pool.indexOf(c) + 1) % pool.length]!;
    out = t.slice(0, pos) + (t === t.toUpperCase() ? c.toUpperCase() : c) + t.slice(pos + 1);
  }
  const copy = tokens.slice();
  copy[i] = out;
  return copy;
}

const HELD_OUT_SYSTEMS: [RomanizationSystem, boolean][] = [
  ["rr", false],
  ["mr", false],
  ["mr-plain", false],
];

/** A Korean national by the list's own data (a UN KPi reference alone is not: TSANG YUNG YUAN). */
export function isKoreanNational(e: ListEntity): boolean {
  return e.reference.startsWith("KPi.") || e.nationalities.some((c) => c === "PRK" || c === "KOR");
}

/** Family and given syllables of a Korean national's Latin name, by its best parse. */
export function hangulOf(name: string): { family: string; given: string[] } | undefined {
  const p = parseName({ full: name })[0];
  if (!p?.familyCandidates.length || !p.givenParses.length || p.script !== "latin") return;
  const given = p.givenParses[0]!.map((s) => s.candidates[0]!.syllable);
  return given.length ? { family: p.familyCandidates[0]!.syllable, given } : undefined;
}

function personVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  const p = parseName({ full: name })[0];
  const parses =
    p !== undefined &&
    p.familyCandidates.length > 0 &&
    p.givenParses.length > 0 &&
    p.script === "latin";
  const korean = parses && isKoreanNational(e);
  // A name that reads as Korean syllables but is not a Korean national's gets neither variant.
  if (parses && !korean) return out;
  if (korean) {
    const famH = p.familyCandidates[0]!.syllable;
    const givenH = p.givenParses[0]!.map((s) => s.candidates[0]!.syllable).join("");
    const [system, diacritics] = pick(HELD_OUT_SYSTEMS, rand);
    const r = romanizeName(famH, givenH, system, { diacritics, hyphen: true });
    // Given syllables as separate tokens (the DPRK habit), then one syllable mistyped.
    const t = syllableTypo([r.family, ...r.given.split(/[-\s]+/).filter(Boolean)], rand);
    if (t) out.push(["syllable typo on a romanization change", t.join(" ")]);
    return out;
  }
  // "MADURO MOROS, Nicolas" → "Nicolas Maduro": natural order, one listed token left out.
  const [before, after] = name.includes(",") ? name.split(/,(.*)/s) : [name, ""];
  const family = tokenize(before ?? "");
  const given = tokenize(after ?? "");
  const all = [...given, ...family];
  // Only whole words of four letters or more go missing (a second surname, a patronymic, a
  // middle name), not a syllable of a Chinese given name (ZHANG Wen-Fu is not ZHANG Wen).
  let drop = -1;
  if (all.length >= 3 && given.length > 0)
    drop =
      family.length >= 2
        ? given.length + family.length - 1 // the second surname
        : given.length >= 2
          ? given.length - 1 // a middle name or patronymic
          : -1;
  else if (!after && all.length >= 3) drop = all.length - 2;
  if (drop >= 0 && all[drop]!.length >= 4)
    out.push(["listed token missing", all.filter((_, i) => i !== drop).join(" ")]);
  return out;
}

/** Legal forms and their kin: other words a writer uses for the same kind of body. */
const KIN: [RegExp, string[]][] = [
  [/\bTRADING\b/i, ["TRADE", "TRADERS"]],
  [/\bTRADE\b/i, ["TRADING"]],
  [/\bCORPORATION\b/i, ["CO", "COMPANY", "CORP"]],
  [/\bCOMPANY\b/i, ["CORPORATION", "CO."]],
  [/\bINDUSTRIAL\b/i, ["INDUSTRY", "INDUSTRIES"]],
  [/\bINTERNATIONAL\b/i, ["INTL", "INT'L"]],
  [/\bSHIPPING\b/i, ["SHIPPING CO", "MARINE"]],
  [/\bLIMITED\b/i, ["LTD"]],
  [/\bLTD\b\.?/i, ["LIMITED"]],
  [/\bGROUP\b/i, ["GROUP CO"]],
  [/\bTECHNOLOGY\b/i, ["TECH", "TECHNOLOGIES"]],
];

const GENERIC = new Set(["korea", "korean", "general", "the", "of", "dprk", "and"]);

function orgVariants(name: string, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  if (hasCjk(name)) {
    // One character dropped from the distinguishing part (長安海連技術有限公司 → 長安海連技有限公司).
    const split = splitOrgName(name);
    const legal = name.slice(split.core.join("").length);
    const core = name.slice(0, name.length - legal.length);
    if (core.length >= 4) {
      const i = 1 + Math.floor(rand() * (core.length - 2));
      out.push(["CJK character dropped", core.slice(0, i) + core.slice(i + 1) + legal]);
    }
    return out;
  }
  const kin = KIN.filter(([re]) => re.test(name));
  let kinName: string | undefined;
  if (kin.length) {
    const [re, reps] = pick(kin, rand);
    kinName = name.replace(re, pick(reps, rand));
    out.push(["legal form kin", kinName]);
  }
  const words = name.replace(/[.,]/g, " ").split(/\s+/).filter(Boolean);
  const core = splitOrgName(name).core;
  const generic = words.findIndex((w) => GENERIC.has(w.toLowerCase()));
  if (core.length >= 3 && generic >= 0) {
    const dropped = words.filter((_, i) => i !== generic).join(" ");
    out.push(["generic token dropped", dropped]);
    if (kinName) {
      const k = kinName
        .replace(/[.,]/g, " ")
        .split(/\s+/)
        .filter((w) => w && !GENERIC.has(w.toLowerCase()));
      if (k.length >= 2) out.push(["kin and generic tokens dropped", k.join(" ")]);
    }
  }
  if (words.length >= 2) {
    const i = Math.floor(rand() * (words.length - 1));
    out.push([
      "two tokens glued",
      [...words.slice(0, i), words[i]! + words[i + 1]!, ...words.slice(i + 2)].join(" "),
    ]);
  }
  return out;
}

export function heldOutQueriesFor(entities: readonly ListEntity[], seed = 1718): EvalQuery[] {
  return variantQueries(entities, prng(seed), {
    uses: (name, type) => type !== "original-script" || hasCjk(name),
    person: personVariants,
    org: orgVariants,
  });
}

/** Variant generators of one held-out family: each gives `[variant kind, query]` pairs. */
export interface VariantFamily {
  /** Whether a list name of this type is varied at all. */
  uses(name: string, type: string): boolean;
  person(name: string, e: ListEntity, rand: () => number): [string, string][];
  org(name: string, rand: () => number): [string, string][];
}

/**
 * One query per distinct variant of every used list name (a variant equal to the name itself
 * or already asked for the entity is left out), labelled with its kind and the name it came from.
 */
export function variantQueries(
  entities: readonly ListEntity[],
  rand: () => number,
  family: VariantFamily,
): EvalQuery[] {
  const out: EvalQuery[] = [];
  for (const e of entities) {
    const person = e.kind === "person";
    const seen = new Set<string>();
    for (const n of e.names) {
      if (!family.uses(n.name, n.type)) continue;
      const variants = person ? family.person(n.name, e, rand) : family.org(n.name, rand);
      for (const [variant, query] of variants) {
        if (seen.has(query) || query === n.name) continue;
        seen.add(query);
        out.push({
          query,
          variant: `${n.type === "primary" ? "" : "alias: "}${variant}`,
          type: person ? "person" : "org",
          source: `${e.list}:${e.reference}`,
          sourceName: n.name,
        });
      }
    }
  }
  return out;
}

export interface Negative {
  name: string;
  /** korean near-miss | chinese characters | company, or the set's own label. */
  kind: string;
  type: "person" | "org";
}

/**
 * The Hangul names a romanized (or Hangul) name can stand for at a standard or common spelling
 * (variance < 1): SONG can be 송 or 성, CHUN 춘 or (McCune–Reischauer) 준. A near-miss that shares
 * one with a listed name is a spelling of that name, not another person, and is dropped.
 */
export function standardReadings(name: string): string[] {
  const out = new Set<string>();
  for (const p of parseName({ full: name }).slice(0, 2)) {
    const fams = p.familyCandidates.filter((c) => c.variance < 1).slice(0, 3);
    for (const g of p.givenParses.slice(0, 2)) {
      let combos = [""];
      for (const slot of g) {
        const cands = slot.candidates.filter((c) => c.variance < 1).slice(0, 3);
        combos = combos.flatMap((c) => cands.map((x) => c + x.syllable)).slice(0, 40);
      }
      for (const f of fams)
        for (const c of combos) {
          out.add(f.syllable + c);
          if (c) out.add(f.syllable + toSouthInitial(c[0]!) + c.slice(1));
        }
    }
  }
  return [...out];
}

/** Common given-name syllables (DPRK list usage) to swap in for a near-miss. */
const GIVEN_SYLLABLES = [..."철남일호수영혁성민국진명광룡학준석훈옥희순선경식춘봉"];

/**
 * Korean names one given-name syllable away from a listed Korean name (another person), written
 * in the DPRK romanization, in Hangul, or family-last. `listed` holds the Hangul readings of every
 * listed Korean name: a variant that equals one is dropped.
 */
export function koreanNearMisses(
  entities: readonly ListEntity[],
  listed: ReadonlySet<string>,
  listedTokenSets: ReadonlySet<string>,
  seed: number,
): Negative[] {
  const rand = prng(seed);
  const out: Negative[] = [];
  const seen = new Set<string>();
  for (const e of entities) {
    if (e.kind !== "person") continue;
    const p = parseName({ full: e.names[0]!.name })[0];
    if (!p?.familyCandidates.length || !p.givenParses.length || p.script !== "latin") continue;
    const fam = p.familyCandidates[0]!.syllable;
    const given = p.givenParses[0]!.map((s) => s.candidates[0]!.syllable);
    if (given.length === 0) continue;
    for (let k = 0; k < 2; k++) {
      const i = Math.floor(rand() * given.length);
      const g = given.slice();
      let s = pick(GIVEN_SYLLABLES, rand);
      if (s === g[i])
        s = GIVEN_SYLLABLES[(GIVEN_SYLLABLES.indexOf(s) + 1) % GIVEN_SYLLABLES.length]!;
      g[i] = s;
      const hangul = fam + g.join("");
      const r = romanizeName(fam, g.join(""), "dprk", { diacritics: false });
      const tokens = [...new Set(tokenize(`${r.family} ${r.given}`))].sort().join(" ");
      const readings = [hangul, ...standardReadings(`${r.family} ${r.given}`)];
      if (readings.some((x) => listed.has(x)) || listedTokenSets.has(tokens)) continue;
      if (seen.has(hangul)) continue;
      seen.add(hangul);
      const form = rand();
      const name =
        form < 0.6 ? `${r.family} ${r.given}` : form < 0.8 ? hangul : `${r.given} ${r.family}`;
      out.push({ name, kind: "korean near-miss", type: "person" });
    }
  }
  return out;
}

const HAN_SURNAMES = [
  ..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文",
];
const HAN_GIVEN = [
  ..."伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国文辉力晓红宇鹏飞云峰斌鑫波宁帅琳欣凯浩然婷雪梅兰玉春志海东亮",
];

/**
 * Chinese-character person names (family + one or two given characters), written as border
 * records do: family first unspaced, or "given family" spaced. Names whose pinyin or Korean
 * reading equals a listed name are dropped (they are that name).
 */
export function chineseNames(
  listedTokenSets: ReadonlySet<string>,
  n: number,
  seed: number,
): Negative[] {
  const rand = prng(seed);
  const pools = { surnames: HAN_SURNAMES, given: HAN_GIVEN, oneGiven: 0.45 };
  return hanNames(n, rand, pools, "chinese characters", (fam, given) => {
    const readings = [
      tokenize(`${hanToPinyin(fam)} ${[...given].map(hanToPinyin).join("")}`),
      tokenize(`${hanToPinyin(fam)} ${[...given].map(hanToPinyin).join(" ")}`),
    ];
    for (const hangul of hanToHangul(fam + given, { surname: true }).slice(0, 2))
      for (const system of ["dprk", "rr", "mr-plain"] as const) {
        const r = romanizeName(hangul.slice(0, 1), hangul.slice(1), system, { diacritics: false });
        readings.push(tokenize(`${r.family} ${r.given}`));
      }
    if (readings.some((t) => listedTokenSets.has([...new Set(t)].sort().join(" ")))) return;
    return rand() < 0.5 ? fam + given : `${given} ${fam}`;
  });
}

/**
 * Up to `n` distinct Chinese-character person names (a family character and one given
 * character with probability `oneGiven`, else two), in 20·n tries, each written by `render`
 * (undefined: dropped, e.g. because it reads as a listed name).
 */
export function hanNames(
  n: number,
  rand: () => number,
  pools: { surnames: readonly string[]; given: readonly string[]; oneGiven: number },
  kind: string,
  render: (family: string, given: string) => string | undefined,
): Negative[] {
  const out: Negative[] = [];
  const seen = new Set<string>();
  for (let tries = 0; out.length < n && tries < n * 20; tries++) {
    const fam = pick(pools.surnames, rand);
    const given =
      rand() < pools.oneGiven
        ? pick(pools.given, rand)
        : pick(pools.given, rand) + pick(pools.given, rand);
    if (seen.has(fam + given)) continue;
    seen.add(fam + given);
    const name = render(fam, given);
    if (name) out.push({ name, kind, type: "person" });
  }
  return out;
}

/** Word pools for company names; tune and held-out use different pools. */
export const COMPANY_POOLS = {
  tune: {
    places: ["Dalian", "Qingdao", "Yantai", "Harbin", "Changchun", "Jilin", "Tumen", "Yanji"],
    words: ["Haitong", "Jinlong", "Ruifeng", "Tianyi", "Hengda", "Baoli", "Xinhua", "Kanghui"],
    trades: [
      "Seafood Processing",
      "Garment",
      "Construction Engineering",
      "Textile",
      "Logistics",
      "Food",
    ],
    forms: ["Co., Ltd.", "Company Limited", "Trading Co.", "Group Co., Ltd."],
  },
  heldOut: {
    places: [
      "Shenyang",
      "Hunchun",
      "Longjing",
      "Helong",
      "Ji'an",
      "Linjiang",
      "Tonghua",
      "Vladivostok",
      "Ussuriysk",
      "Khabarovsk",
    ],
    words: [
      "Shengda",
      "Fuxing",
      "Yongsheng",
      "Huaxia",
      "Zhongtai",
      "Lianhe",
      "Dongfang",
      "Xinyuan",
      "Primorye",
      "Vostok",
    ],
    trades: [
      "Fishery",
      "Apparel Manufacturing",
      "Timber",
      "Building Materials",
      "Electronics",
      "Mining Equipment",
      "Restaurant Management",
      "Labour Services",
    ],
    forms: [
      "Co., Ltd.",
      "LLC",
      "Corporation",
      "Trading Company",
      "Industrial Co.",
      "OOO",
      "Holdings Limited",
    ],
  },
} as const;

/** Word pools a company name is drawn from: an optional place, a word, an optional trade, a form. */
export interface CompanyPool {
  places: readonly string[];
  words: readonly string[];
  trades: readonly string[];
  forms: readonly string[];
}

export function companyNames(
  pool: CompanyPool,
  listedOrgKeys: ReadonlySet<string>,
  n: number,
  seed: number,
): Negative[] {
  const rand = prng(seed);
  const out: Negative[] = [];
  const seen = new Set<string>();
  for (let tries = 0; out.length < n && tries < n * 20; tries++) {
    const parts = [
      rand() < 0.8 ? pick(pool.places, rand) : "",
      pick(pool.words, rand),
      rand() < 0.85 ? pick(pool.trades, rand) : "",
      pick(pool.forms, rand),
    ].filter(Boolean);
    const name = parts.join(" ");
    if (seen.has(name)) continue;
    seen.add(name);
    if (listedOrgKeys.has([...new Set(splitOrgName(name).core)].sort().join(" "))) continue;
    out.push({ name, kind: "company", type: "org" });
  }
  return out;
}

/**
 * Korean names one given syllable away from a listed Korean national's name: per person, one
 * given syllable swapped for one of `pool`, skipped when the Hangul is listed or already made,
 * then written by `render` (undefined: the spelling reads as a listed name, so it is dropped).
 */
export function syllableNearMisses(
  entities: readonly ListEntity[],
  listed: ReadonlySet<string>,
  pool: readonly string[],
  rand: () => number,
  kind: string,
  render: (family: string, given: string[]) => string | undefined,
): Negative[] {
  const out: Negative[] = [];
  const seen = new Set<string>();
  for (const e of entities) {
    if (e.kind !== "person" || !isKoreanNational(e)) continue;
    const k = hangulOf(e.names[0]!.name);
    if (!k) continue;
    const g = k.given.slice();
    const i = Math.floor(rand() * g.length);
    let s = pick(pool, rand);
    if (s === g[i]) s = pool[(pool.indexOf(s) + 1) % pool.length]!;
    g[i] = s;
    const hangul = k.family + g.join("");
    if (seen.has(hangul) || listed.has(hangul)) continue;
    const name = render(k.family, g);
    if (name === undefined) continue;
    seen.add(hangul);
    out.push({ name, kind, type: "person" });
  }
  return out;
}
