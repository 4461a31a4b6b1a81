/**
 * A third held-out family for the screening evaluation, sharing no generator with
 * bench/screening-queries.ts (tune), bench/screening-heldout.ts (A) or
 * bench/screening-heldout-b.ts (B):
 *  - Korean nationals in Yale romanization (https://en.wikipedia.org/wiki/Yale_romanization_of_Korean:
 *    김정은 → Kim Cengun), in the Cyrillic of Russian press practice (Ким Чен Ын, Ким Ир Сен: ㅇ as н,
 *    ㅊ as ч, ㅓ as о or е; https://ru.wikipedia.org/wiki/Корейско-русская_практическая_транскрипция
 *    describes it beside Kontsevich), and by the Mandarin reading of a Hanja spelling (金正恩 → Jin Zhengen);
 *  - Chinese persons (names that read as Hanyu Pinyin, of a Chinese national) in Wade–Giles
 *    (https://en.wikipedia.org/wiki/Wade%E2%80%93Giles: Zhang Wenfu → Chang Wen-fu) and in Palladius
 *    Cyrillic (https://en.wikipedia.org/wiki/Cyrillization_of_Chinese: Си Цзиньпин);
 *  - passport machine-readable zones (ICAO Doc 9303 Part 3: SURNAME<<GIVEN<NAMES, 39 characters,
 *    letters only) read back with the confusions of MRZ text recognition (0/O, 1/I, 8/B, 5/S, 2/Z,
 *    a filler read as K);
 *  - token order, a dropped token and two tokens glued, together in one query;
 *  - organisations: the English legal form swapped for another language's (YOUXIAN GONGSI, OOO,
 *    GMBH, SDN BHD, HOESA…), and a word dropped with two others glued;
 *  - negatives: Chinese-character names in Wade–Giles or Palladius, Korean names one given syllable
 *    away from a listed name in Yale or press Cyrillic, and companies from a fourth word pool with
 *    foreign legal forms.
 * Seeded: the same lists give the same queries.
 */

import { decomposeSyllable } from "../src/core/names/hangul.js";
import { hangulToHanCandidates, hanToPinyin } from "../src/core/names/index.js";
import { parsePinyin } from "../src/core/names/pinyin.js";
import { hasCjk, type ListEntity, splitOrgName, tokenize } from "../src/core/screening/index.js";
import {
  companyNames,
  hangulOf,
  hanNames,
  isKoreanNational,
  type Negative,
  standardReadings,
  syllableNearMisses,
  variantQueries,
} from "./screening-heldout.js";
import { type EvalQuery, pick, prng } from "./screening-queries.js";

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1).toLowerCase() : s);

// ---- Korean: Yale and Russian press Cyrillic ----------------------------------------------------

/** Yale initials by jamo index (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ). */
const YALE_INITIAL = "k kk n t tt l m p pp s ss _ c cc ch kh th ph h".split(" ");
/** Yale vowels (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ). */
const YALE_VOWEL = "a ay ya yay e ey ye yey o wa way oy yo wu we wey wi yu u uy i".split(" ");
/** Yale finals by jamo index (0 = none). */
const YALE_FINAL =
  "_ k kk ks n nc nh t l lk lm lp ls lth lph lh m p ps s ss ng c ch kh th ph h".split(" ");

function yale(word: string): string {
  let out = "";
  for (const ch of word) {
    const j = decomposeSyllable(ch);
    if (!j) return "";
    const f = YALE_FINAL[j.t]!;
    out += YALE_INITIAL[j.l]!.replace("_", "") + YALE_VOWEL[j.v]! + f.replace("_", "");
  }
  return out;
}

/** Press-practice Cyrillic initials: word-initial form, and the voiced form inside a word. */
const PRESS_INITIAL = "к кк н т тт р м п пп с сс _ ч чч ч к т п х".split(" ");
const PRESS_MEDIAL: Record<number, string> = { 0: "г", 3: "д", 7: "б", 12: "дж" };
const PRESS_VOWEL = "а э я е о е ё е о ва вэ ве ё у во ве ви ю ы ый и".split(" ");
/** Finals: ㅇ as н (Пхеньян, Чен), ㄹ as ль or р, the stops as their sounding consonant. */
const PRESS_FINAL = "_ к к к н н н т ль к м ль ль ль п ль м п п т т н т т к т п т".split(" ");

export function pressCyrillic(word: string, rand: () => number): string {
  let out = "";
  let voiced = false;
  for (const ch of word) {
    const j = decomposeSyllable(ch);
    if (!j) return "";
    let initial =
      voiced && PRESS_MEDIAL[j.l] !== undefined ? PRESS_MEDIAL[j.l]! : PRESS_INITIAL[j.l]!;
    initial = initial.replace("_", "");
    // ㅓ after a hissing consonant is е (Чен, Сен), elsewhere о (Ким Чхоль → Чол).
    let vowel = PRESS_VOWEL[j.v]!;
    if (j.v === 4 && /[чсж]$/.test(initial)) vowel = "е";
    let final = PRESS_FINAL[j.t]!.replace("_", "");
    if (final === "ль" && rand() < 0.5) final = "р";
    out += initial + vowel + final;
    voiced = j.t === 0 || [4, 8, 16, 21].includes(j.t);
  }
  return out;
}

function yaleName(family: string, given: string[], rand: () => number): string {
  const g = given.map(yale);
  const givenText = rand() < 0.5 ? cap(g.join("")) : g.map(cap).join("-");
  return `${cap(yale(family))} ${givenText}`;
}

function pressName(family: string, given: string[], rand: () => number): string {
  return [family, ...given].map((s) => cap(pressCyrillic(s, rand))).join(" ");
}

/** A Hanja spelling (the likeliest character of each syllable) read in Mandarin: 김정은 → Jin Zhengen. */
function mandarinName(family: string, given: string[]): string | undefined {
  const chars = [family, ...given].map((s) => hangulToHanCandidates(s)[0]);
  if (chars.some((c) => c === undefined)) return undefined;
  const fam = hanToPinyin(chars[0]!);
  const giv = chars
    .slice(1)
    .map((c) => hanToPinyin(c!))
    .join("");
  return fam && giv ? `${cap(fam)} ${cap(giv)}` : undefined;
}

// ---- Chinese: Wade–Giles and Palladius ------------------------------------------------------------

const PINYIN_INITIALS = [
  "zh",
  "ch",
  "sh",
  "b",
  "p",
  "m",
  "f",
  "d",
  "t",
  "n",
  "l",
  "g",
  "k",
  "h",
].concat(["j", "q", "x", "r", "z", "c", "s", "y", "w"]);

function splitSyllable(s: string): [string, string] {
  const i = PINYIN_INITIALS.find((x) => s.startsWith(x) && s.length > x.length) ?? "";
  return [i, s.slice(i.length)];
}

/** Whole syllables Wade–Giles writes apart from the initial + final rule. */
const WG_WHOLE: Record<string, string> = {
  zhi: "chih",
  chi: "ch'ih",
  shi: "shih",
  ri: "jih",
  zi: "tzu",
  ci: "tz'u",
  si: "ssu",
  yi: "i",
  ye: "yeh",
  you: "yu",
  yan: "yen",
  yong: "yung",
  yu: "yü",
  yue: "yüeh",
  yuan: "yüan",
  yun: "yün",
  er: "erh",
};
const WG_INITIAL: Record<string, string> = {
  b: "p",
  p: "p'",
  d: "t",
  t: "t'",
  g: "k",
  k: "k'",
  j: "ch",
  q: "ch'",
  x: "hs",
  zh: "ch",
  ch: "ch'",
  r: "j",
  z: "ts",
  c: "ts'",
};
const WG_FINAL: Record<string, string> = {
  ong: "ung",
  ian: "ien",
  ie: "ieh",
  iong: "iung",
  ve: "üeh",
  v: "ü",
};

/** One pinyin syllable (no tones, ü as v) in Wade–Giles. */
export function wadeGiles(syllable: string): string {
  const whole = WG_WHOLE[syllable];
  if (whole) return whole;
  const [i, f] = splitSyllable(syllable);
  let final = WG_FINAL[f] ?? f;
  const jqx = i === "j" || i === "q" || i === "x";
  if (jqx && f.startsWith("u")) final = `ü${f.slice(1)}`.replace(/^üe$/, "üeh");
  if (f === "ui" && (i === "g" || i === "k")) final = "uei";
  if (f === "e") final = ["g", "k", "h"].includes(i) ? "o" : "ê";
  if (f === "uo" && !["g", "k", "h", "sh"].includes(i)) final = "o";
  return (WG_INITIAL[i] ?? i) + final;
}

const PALLADIUS_INITIAL: Record<string, string> = {
  b: "б",
  p: "п",
  m: "м",
  f: "ф",
  d: "д",
  t: "т",
  n: "н",
  l: "л",
  g: "г",
  k: "к",
  h: "х",
  j: "цз",
  q: "ц",
  x: "с",
  zh: "чж",
  ch: "ч",
  sh: "ш",
  r: "ж",
  z: "цз",
  c: "ц",
  s: "с",
};
const PALLADIUS_FINAL: Record<string, string> = {
  a: "а",
  o: "о",
  e: "э",
  ai: "ай",
  ei: "эй",
  ao: "ао",
  ou: "оу",
  an: "ань",
  en: "энь",
  ang: "ан",
  eng: "эн",
  ong: "ун",
  i: "и",
  ia: "я",
  ie: "е",
  iao: "яо",
  iu: "ю",
  ian: "янь",
  in: "инь",
  iang: "ян",
  ing: "ин",
  iong: "юн",
  u: "у",
  ua: "уа",
  uo: "о",
  uai: "уай",
  ui: "уй",
  uan: "уань",
  un: "унь",
  uang: "уан",
  v: "юй",
  ve: "юэ",
  van: "юань",
  vn: "юнь",
  er: "эр",
};
const PALLADIUS_WHOLE: Record<string, string> = {
  hui: "хуэй",
  zi: "цзы",
  ci: "цы",
  si: "сы",
  yi: "и",
  ya: "я",
  ye: "е",
  yao: "яо",
  you: "ю",
  yan: "янь",
  yin: "инь",
  yang: "ян",
  ying: "ин",
  yong: "юн",
  yu: "юй",
  yue: "юэ",
  yuan: "юань",
  yun: "юнь",
  wu: "у",
  wa: "ва",
  wo: "во",
  wai: "вай",
  wei: "вэй",
  wan: "вань",
  wen: "вэнь",
  wang: "ван",
  weng: "вэн",
};

/** One pinyin syllable in Palladius Cyrillic (undefined when it is not one the table knows). */
export function palladius(syllable: string): string | undefined {
  const whole = PALLADIUS_WHOLE[syllable];
  if (whole) return whole;
  const [i, f] = splitSyllable(syllable);
  const jqx = i === "j" || i === "q" || i === "x";
  const final = PALLADIUS_FINAL[jqx && f.startsWith("u") ? `v${f.slice(1)}` : f];
  const initial = i ? PALLADIUS_INITIAL[i] : "";
  return final === undefined || initial === undefined ? undefined : initial + final;
}

/** Family and given pinyin syllables of a listed Chinese name ("ZHANG, Wenfu", "Zhang Wen Fu"). */
export function pinyinOf(name: string): { family: string[]; given: string[] } | undefined {
  const [before, after] = name.includes(",") ? name.split(/,(.*)/s) : [name, ""];
  const tokens = tokenize(before ?? "");
  const givenTokens = [...(after ? tokenize(after) : []), ...(after ? [] : tokens.slice(1))];
  const familyTokens = after ? tokens : tokens.slice(0, 1);
  if (familyTokens.length !== 1 || givenTokens.length === 0) return undefined;
  const family = parsePinyin(familyTokens[0]!);
  const given = givenTokens.map(parsePinyin);
  if (family?.length !== 1 || given.some((g) => !g)) return undefined;
  return { family, given: given.flat() as string[] };
}

export function isChineseNational(e: ListEntity): boolean {
  return e.nationalities.some((c) => c === "CHN" || c === "TWN" || c === "HKG");
}

function wadeGilesName(family: string[], given: string[], rand: () => number): string {
  const plain = rand() < 0.5; // records often drop the apostrophes and umlauts
  const w = (s: string) => {
    const x = wadeGiles(s);
    return plain ? x.replace(/'/g, "").replace(/ü/g, "u").replace(/ê/g, "e") : x;
  };
  const giv = given.map(w);
  return `${cap(family.map(w).join(""))} ${cap(giv.join("-"))}`;
}

function palladiusName(family: string[], given: string[]): string | undefined {
  const f = family.map(palladius);
  const g = given.map(palladius);
  if ([...f, ...g].some((x) => x === undefined)) return undefined;
  return `${cap(f.join(""))} ${cap(g.join(""))}`;
}

// ---- passport MRZ -----------------------------------------------------------------------------

/** ICAO Doc 9303 Part 3 transliterations of Latin letters with diacritics (the common ones). */
const MRZ_LETTERS: Record<string, string> = {
  Ä: "AE",
  Ö: "OE",
  Ü: "UE",
  ß: "SS",
  Ø: "OE",
  Å: "AA",
  Æ: "AE",
};

/** The name field of a TD3 MRZ: SURNAME<<GIVEN<NAMES, letters and fillers only, 39 characters. */
export function mrzField(family: string, given: string): string {
  const clean = (s: string) =>
    [...s.toUpperCase()]
      .map((c) => MRZ_LETTERS[c] ?? c)
      .join("")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/['’.]/g, "")
      .replace(/[^A-Z]+/g, "<")
      .replace(/^<+|<+$/g, "");
  const field = given.trim() ? `${clean(family)}<<${clean(given)}` : clean(family);
  return field.slice(0, 39);
}

/** Letters a recogniser trained on OCR-B confuses with digits, and the filler read as a letter. */
const MRZ_OCR: [string, string][] = [
  ["O", "0"],
  ["I", "1"],
  ["B", "8"],
  ["S", "5"],
  ["Z", "2"],
  ["G", "6"],
  ["<", "K"],
  ["D", "0"],
];

/** An MRZ name field read back: fillers as spaces after one recognition confusion. */
function mrzReadBack(field: string, rand: () => number): string | undefined {
  const options = MRZ_OCR.filter(([from]) => field.includes(from));
  if (!options.length) return undefined;
  const [from, to] = pick(options, rand);
  const at: number[] = [];
  for (let i = field.indexOf(from); i >= 0; i = field.indexOf(from, i + 1)) at.push(i);
  const i = pick(at, rand);
  const read = field.slice(0, i) + to + field.slice(i + 1);
  return read.replace(/<+/g, " ").trim();
}

function familyAndGiven(name: string): [string, string] {
  if (name.includes(",")) {
    const [f, g] = name.split(/,(.*)/s);
    return [f ?? "", g ?? ""];
  }
  const words = name.trim().split(/\s+/);
  return [words[0] ?? "", words.slice(1).join(" ")];
}

// ---- order, drops and glue together -----------------------------------------------------------

function shuffled<T>(xs: readonly T[], rand: () => number): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Tokens in a new order, one of them (not the longest) dropped when there are four or more, two glued. */
function orderDropGlue(tokens: readonly string[], rand: () => number): string | undefined {
  if (tokens.length < 3) return undefined;
  let ts = shuffled(tokens, rand);
  if (ts.length >= 4) {
    const longest = ts.reduce((a, t) => (t.length > a.length ? t : a), "");
    const candidates = ts.map((t, i) => [t, i] as const).filter(([t]) => t !== longest);
    const [, drop] = pick(candidates, rand);
    ts = ts.filter((_, i) => i !== drop);
  }
  const g = Math.floor(rand() * (ts.length - 1));
  return [...ts.slice(0, g), ts[g]! + ts[g + 1]!, ...ts.slice(g + 2)].join(" ");
}

// ---- variants ---------------------------------------------------------------------------------

function personVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  const [family, given] = familyAndGiven(name);
  const mrz = mrzReadBack(mrzField(family, given), rand);
  if (mrz) out.push(["passport MRZ read back", mrz]);
  if (!hasCjk(name)) {
    const odg = orderDropGlue(tokenize(name), rand);
    if (odg) out.push(["order, drop and glue", odg]);
  }
  const korean = isKoreanNational(e) ? hangulOf(name) : undefined;
  if (korean) {
    out.push(["Yale romanization", yaleName(korean.family, korean.given, rand)]);
    out.push(["Russian press Cyrillic", pressName(korean.family, korean.given, rand)]);
    const mandarin = mandarinName(korean.family, korean.given);
    if (mandarin) out.push(["Mandarin reading of Hanja", mandarin]);
    return out;
  }
  const chinese = isChineseNational(e) && !hasCjk(name) ? pinyinOf(name) : undefined;
  if (chinese) {
    out.push(["Wade-Giles", wadeGilesName(chinese.family, chinese.given, rand)]);
    const p = palladiusName(chinese.family, chinese.given);
    if (p) out.push(["Palladius Cyrillic", p]);
    return out;
  }
  return out;
}

/** English legal forms at the end of a name. */
const ENGLISH_FORM =
  /[\s,]+(CO\.?,?\s*LTD\.?|COMPANY\s+LIMITED|CORPORATION|CORP\.?|COMPANY|CO\.?|LIMITED|LTD\.?|LLC|INC\.?|JSC)\s*$/i;

/** Legal forms of other languages: a suffix, or (Russian and Kazakh forms) a prefix before a quoted name. */
const FOREIGN_FORMS: { form: string; prefix?: boolean }[] = [
  { form: "YOUXIAN GONGSI" },
  { form: "YOUXIAN ZEREN GONGSI" },
  { form: "GONGSI" },
  { form: "OOO", prefix: true },
  { form: "ZAO", prefix: true },
  { form: "AO", prefix: true },
  { form: "TOO", prefix: true },
  { form: "GMBH" },
  { form: "SARL" },
  { form: "S.A." },
  { form: "SDN BHD" },
  { form: "PTE LTD" },
  { form: "HOESA" },
  { form: "K.K." },
  { form: "LLP" },
];

function orgVariants(name: string, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  if (hasCjk(name)) return out;
  const bare = name.replace(ENGLISH_FORM, "").trim();
  const { form, prefix } = pick(FOREIGN_FORMS, rand);
  out.push(["legal form in another language", prefix ? `${form} "${bare}"` : `${bare} ${form}`]);
  const words = bare.replace(/,/g, " ").split(/\s+/).filter(Boolean);
  const core = splitOrgName(name).core;
  if (words.length >= 4 && core.length >= 3) {
    const drop = 1 + Math.floor(rand() * (words.length - 1));
    const kept = words.filter((_, i) => i !== drop);
    const g = Math.floor(rand() * (kept.length - 1));
    out.push([
      "word dropped and two glued",
      [...kept.slice(0, g), kept[g]! + kept[g + 1]!, ...kept.slice(g + 2)].join(" "),
    ]);
  }
  return out;
}

export function heldOutCQueriesFor(entities: readonly ListEntity[], seed = 4211): EvalQuery[] {
  return variantQueries(entities, prng(seed), {
    uses: (_, type) => type !== "original-script",
    person: personVariants,
    org: orgVariants,
  });
}

// ---- negatives --------------------------------------------------------------------------------

/** Given syllables swapped in (a pool neither A's nor B's near-misses use). */
const SWAP_SYLLABLES = [..."경란명무상세송연옥웅원의자찬천해"];

/**
 * Korean names one given syllable away from a listed Korean name, in Yale or press Cyrillic;
 * dropped when any common reading of them is a listed name.
 */
export function yaleAndPressNearMisses(
  entities: readonly ListEntity[],
  listed: ReadonlySet<string>,
  seed: number,
): Negative[] {
  const rand = prng(seed);
  return syllableNearMisses(
    entities,
    listed,
    SWAP_SYLLABLES,
    rand,
    "Yale or press-Cyrillic near-miss",
    (family, given) => {
      const name = rand() < 0.5 ? yaleName(family, given, rand) : pressName(family, given, rand);
      return standardReadings(name).some((x) => listed.has(x)) ? undefined : name;
    },
  );
}

const HAN_SURNAMES = [..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹"];
const HAN_GIVEN = [..."德福贵荣祥瑞庆安宏泽永嘉俊振广立正义兴家树成"];

/**
 * Chinese names (family + one or two given characters) in Wade–Giles or Palladius; dropped when
 * their pinyin, spaced or run together, is a listed name.
 */
export function wadeGilesPalladiusNames(
  listedTokenSets: ReadonlySet<string>,
  n: number,
  seed: number,
): Negative[] {
  const rand = prng(seed);
  const pools = { surnames: HAN_SURNAMES, given: HAN_GIVEN, oneGiven: 0.4 };
  return hanNames(n, rand, pools, "Wade-Giles or Palladius name", (fam, given) => {
    const f = hanToPinyin(fam).split(" ");
    const g = [...given].map(hanToPinyin);
    const keys = [
      [...new Set([...f, ...g])].sort().join(" "),
      [...new Set([f.join(""), g.join("")])].sort().join(" "),
    ];
    if (keys.some((k) => listedTokenSets.has(k))) return;
    return rand() < 0.5 ? wadeGilesName(f, g, rand) : palladiusName(f, g);
  });
}

/** Company names with foreign legal forms, a pool neither other part uses. */
export const FOREIGN_FORM_POOL = {
  places: ["Dandong", "Yanbian", "Zarubino", "Rason", "Ulaanbaatar", "Almaty", "Kuala Lumpur"],
  words: ["Jinhai", "Baishan", "Tianhe", "Voskhod", "Sever", "Altyn", "Mutiara", "Heping"],
  trades: ["Maoyi", "Seafood", "Textiles", "Stroy", "Logistik", "Construction Labour"],
  forms: ["Youxian Gongsi", "OOO", "GmbH", "Sdn Bhd", "TOO", "Pte Ltd", "SARL"],
};

export function foreignFormCompanies(
  listedOrgKeys: ReadonlySet<string>,
  n: number,
  seed: number,
): Negative[] {
  return companyNames(FOREIGN_FORM_POOL, listedOrgKeys, n, seed).map((x) => ({
    ...x,
    kind: "foreign legal form company",
  }));
}
