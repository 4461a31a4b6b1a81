/**
 * A second held-out family for the screening evaluation, sharing no generator with
 * bench/screening-queries.ts (tune) or bench/screening-heldout.ts (held-out A):
 *  - Korean nationals as Russian records write them: the Hangul reading in Kontsevich Cyrillic
 *    (the Russian system for Korean, https://en.wikipedia.org/wiki/Kontsevich_system), and that
 *    Cyrillic read back into Latin letters by the Russian passport table (ICAO Doc 9303, Part 3);
 *  - OCR-like confusions (rn/m, vv/w, cl/d, I/l, O/0, S/5…) on real list names, persons and
 *    organisations;
 *  - persons: given names cut to initials in front of the family name (N. MADURO MOROS), and two
 *    keyboard-neighbour slips in two different words;
 *  - organisations: words abbreviated as trade documents write them (DEVELOPMENT → DEVT,
 *    MACHINERY → MACHY), the place phrase moved (KOREA X → X OF KOREA and back), and one
 *    distinguishing word dropped from a long name;
 *  - negatives: Korean names one given syllable away from a listed name, in Kontsevich Cyrillic
 *    or its passport Latin; company names from a third word pool (Russian Far East firms).
 * Seeded: the same lists give the same queries.
 */

import { PASSPORT_LATIN } from "../src/core/names/data/cyrillic-korean.js";
import { decomposeSyllable } from "../src/core/names/hangul.js";
import { hasCjk, type ListEntity, splitOrgName } from "../src/core/screening/index.js";
import {
  companyNames,
  hangulOf,
  isKoreanNational,
  type Negative,
  standardReadings,
  syllableNearMisses,
  variantQueries,
} from "./screening-heldout.js";
import { type EvalQuery, pick, prng } from "./screening-queries.js";

// ---- Kontsevich Cyrillic and the Russian passport table -------------------------------------

/** Initial consonants by jamo index (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ): word-initial form. */
const K_INITIAL = [
  "к",
  "кк",
  "н",
  "т",
  "тт",
  "р",
  "м",
  "п",
  "пп",
  "с",
  "сс",
  "",
  "ч",
  "чч",
  "чх",
  "кх",
  "тх",
  "пх",
  "х",
];
/** Voiced forms inside a word (between voiced sounds). */
const K_MEDIAL: Record<number, string> = { 0: "г", 3: "д", 7: "б", 12: "чж" };
/** Vowels by jamo index (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ). */
const K_VOWEL = [
  "а",
  "э",
  "я",
  "йя",
  "о",
  "е",
  "ё",
  "йе",
  "о",
  "ва",
  "вэ",
  "ве",
  "ё",
  "у",
  "во",
  "вэ",
  "ви",
  "ю",
  "ы",
  "ый",
  "и",
];
/** Finals by jamo index (0 = none); clusters by their sounding consonant. */
const K_FINAL = [
  "",
  "к",
  "к",
  "к",
  "н",
  "н",
  "н",
  "т",
  "ль",
  "к",
  "м",
  "ль",
  "ль",
  "ль",
  "п",
  "ль",
  "м",
  "п",
  "п",
  "т",
  "т",
  "н",
  "т",
  "т",
  "к",
  "т",
  "п",
  "т",
];

/** One Hangul word in Kontsevich Cyrillic (medial voicing after a vowel or a sonorant final). */
export function kontsevich(word: string): string {
  let out = "";
  let prevVoiced = false;
  for (const ch of word) {
    const j = decomposeSyllable(ch);
    if (!j) return "";
    const initial = prevVoiced && K_MEDIAL[j.l] !== undefined ? K_MEDIAL[j.l]! : K_INITIAL[j.l]!;
    // ㄹ between vowels is р, a final ㄹ before a vowel too: drop the soft sign then.
    if (j.l === 11 && out.endsWith("ль")) out = `${out.slice(0, -2)}р`;
    out += initial + K_VOWEL[j.v]! + K_FINAL[j.t]!;
    prevVoiced = j.t === 0 || [4, 8, 16, 21].includes(j.t);
  }
  return out;
}

export function passportLatin(cyrillic: string): string {
  return [...cyrillic.toLowerCase()].map((c) => PASSPORT_LATIN[c] ?? c).join("");
}

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** "Ким Чхоль Мин" (Russian records write each given syllable apart or together; both occur). */
function cyrillicName(family: string, given: string[], rand: () => number): string {
  const g = rand() < 0.5 ? [kontsevich(given.join(""))] : given.map(kontsevich);
  return [kontsevich(family), ...g].map(cap).join(" ");
}

// ---- OCR and keyboard slips ---------------------------------------------------------------

/** Shapes a text recogniser confuses, both ways. */
const OCR: [string, string][] = [
  ["m", "rn"],
  ["rn", "m"],
  ["w", "vv"],
  ["d", "cl"],
  ["cl", "d"],
  ["I", "l"],
  ["l", "I"],
  ["i", "l"],
  ["O", "0"],
  ["o", "0"],
  ["S", "5"],
  ["B", "8"],
  ["E", "F"],
  ["h", "b"],
  ["e", "c"],
  ["n", "ri"],
  ["G", "C"],
  ["U", "V"],
];

/** One confusion (two in names over 15 letters), each at a random place where it applies. */
export function ocrConfusion(name: string, rand: () => number): string | undefined {
  let out = name;
  const times = name.replace(/\W/g, "").length > 15 ? 2 : 1;
  let applied = 0;
  for (let tries = 0; applied < times && tries < 20; tries++) {
    const [from, to] = pick(OCR, rand);
    const cased = [from, from.toUpperCase(), from.toLowerCase()];
    const f = cased[Math.floor(rand() * cased.length)]!;
    const at: number[] = [];
    for (let i = out.indexOf(f); i >= 0; i = out.indexOf(f, i + 1)) at.push(i);
    if (!at.length) continue;
    const i = pick(at, rand);
    const t = f === f.toUpperCase() && /[a-z]/i.test(f) ? to.toUpperCase() : to;
    out = out.slice(0, i) + t + out.slice(i + f.length);
    applied++;
  }
  return applied && out !== name ? out : undefined;
}

const KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

function neighbour(c: string, rand: () => number): string {
  const lower = c.toLowerCase();
  for (const row of KEYBOARD_ROWS) {
    const i = row.indexOf(lower);
    if (i < 0) continue;
    const n = [row[i - 1], row[i + 1]].filter((x): x is string => x !== undefined);
    const r = pick(n, rand);
    return c === lower ? r : r.toUpperCase();
  }
  return c;
}

/** A neighbouring key struck in two different words of four letters or more (not first letters). */
function keyboardSlips(name: string, rand: () => number): string | undefined {
  const words = name.split(" ");
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[A-Za-z]{4,}$/.test(w));
  if (long.length < 2) return undefined;
  const a = pick(long, rand);
  let b = pick(long, rand);
  if (b[1] === a[1]) b = long.find(([, i]) => i !== a[1])!;
  for (const [w, i] of [a, b]) {
    const pos = 1 + Math.floor(rand() * (w.length - 1));
    words[i] = w.slice(0, pos) + neighbour(w[pos]!, rand) + w.slice(pos + 1);
  }
  return words.join(" ");
}

// ---- variants ---------------------------------------------------------------------------------

function personVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  const ocr = ocrConfusion(name, rand);
  if (ocr) out.push(["OCR confusion", ocr]);
  const korean = isKoreanNational(e) ? hangulOf(name) : undefined;
  if (korean) {
    const cyr = cyrillicName(korean.family, korean.given, rand);
    if (cyr.trim()) {
      out.push(["Kontsevich Cyrillic", cyr]);
      out.push([
        "Kontsevich, passport Latin",
        cyr.split(" ").map(passportLatin).map(cap).join(" "),
      ]);
    }
    return out;
  }
  // "MADURO MOROS, Nicolas Ernesto" → "N. E. MADURO MOROS" (Korean-readable names are not
  // written so: KIM, Yong Chol as Y. C. KIM names thousands).
  const [family, given] = name.includes(",") ? name.split(/,(.*)/s) : [undefined, undefined];
  const givenWords = (given ?? "").trim().split(/\s+/).filter(Boolean);
  if (
    family?.trim() &&
    !hangulOf(name) &&
    givenWords.length &&
    givenWords.every((w) => /^\p{L}{2,}$/u.test(w))
  )
    out.push([
      "given names as initials",
      `${givenWords.map((w) => `${w[0]!.toUpperCase()}.`).join(" ")} ${family.trim()}`,
    ]);
  const slips = keyboardSlips(name, rand);
  if (slips) out.push(["two keyboard slips", slips]);
  return out;
}

/** Abbreviations that trade and shipping documents use for whole words. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bDEVELOPMENT\b/i, "DEVT"],
  [/\bMANAGEMENT\b/i, "MGMT"],
  [/\bASSOCIATION\b/i, "ASSN"],
  [/\bINDUSTRIAL\b/i, "INDL"],
  [/\bENGINEERING\b/i, "ENGG"],
  [/\bEQUIPMENT\b/i, "EQPT"],
  [/\bMACHINERY\b/i, "MACHY"],
  [/\bINVESTMENT\b/i, "INVT"],
  [/\bCORPORATION\b/i, "CORPN"],
  [/\bDEPARTMENT\b/i, "DEPT"],
  [/\bBUREAU\b/i, "BUR."],
  [/\bCOMMITTEE\b/i, "CTTEE"],
  [/\bSHIPPING\b/i, "SHPG"],
  [/\bCOMMERCIAL\b/i, "COML"],
  [/\bNATIONAL\b/i, "NATL"],
  [/\bTECHNOLOGY\b/i, "TECHNOL"],
  [/\bINSTITUTE\b/i, "INST"],
  [/\bMINING\b/i, "MNG"],
];

const PLACE = /^(KOREA|KOREAN|DPRK|CHOSUN|CHOSON)$/i;
const FILLER = new Set(["of", "the", "and", "korea", "korean", "general", "dprk"]);

function orgVariants(name: string, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  if (hasCjk(name)) return out;
  const ocr = ocrConfusion(name, rand);
  if (ocr) out.push(["OCR confusion", ocr]);
  const abbrev = ABBREVIATIONS.filter(([re]) => re.test(name));
  if (abbrev.length) {
    let n = name;
    // One or two words abbreviated.
    for (const [re, to] of abbrev.slice(0, rand() < 0.5 ? 1 : 2)) n = n.replace(re, to);
    out.push(["words abbreviated", n]);
  }
  const words = name.replace(/,/g, " ").split(/\s+/).filter(Boolean);
  if (words.length >= 3 && PLACE.test(words[0]!))
    out.push(["place phrase moved", `${words.slice(1).join(" ")} OF ${words[0]}`]);
  else {
    const of = words.findIndex((w, i) => i > 0 && /^of$/i.test(w));
    if (of > 0 && of === words.length - 2 && PLACE.test(words[of + 1]!))
      out.push(["place phrase moved", [words[of + 1]!, ...words.slice(0, of)].join(" ")]);
  }
  const core = splitOrgName(name).core.filter((t) => !FILLER.has(t));
  if (core.length >= 4) {
    const drop = core[1 + Math.floor(rand() * (core.length - 1))]!;
    const kept = words.filter((w) => w.toLowerCase().replace(/\W/g, "") !== drop);
    if (kept.length === words.length - 1) out.push(["distinguishing word dropped", kept.join(" ")]);
  }
  return out;
}

export function heldOutBQueriesFor(entities: readonly ListEntity[], seed = 2397): EvalQuery[] {
  return variantQueries(entities, prng(seed), {
    uses: (_, type) => type !== "original-script",
    person: personVariants,
    org: orgVariants,
  });
}

// ---- negatives --------------------------------------------------------------------------------

/** Given syllables swapped in (another pool than held-out A's). */
const SWAP_SYLLABLES = [..."덕만복삼용은재정충태현화흥강근기동범"];

/**
 * Korean names one given syllable away from a listed Korean name, in Kontsevich Cyrillic or its
 * passport Latin; dropped when any common reading of them is a listed name.
 */
export function kontsevichNearMisses(
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
    "Kontsevich near-miss",
    (family, given) => {
      const cyr = cyrillicName(family, given, rand);
      const latin = cyr.split(" ").map(passportLatin).map(cap).join(" ");
      if (standardReadings(latin).some((x) => listed.has(x))) return undefined;
      return rand() < 0.5 ? cyr : latin;
    },
  );
}

/** Company names of the Russian Far East, a pool neither other part uses. */
export const FAR_EAST_POOL = {
  places: ["Nakhodka", "Artyom", "Blagoveshchensk", "Sakhalin", "Amur", "Magadan", "Bolshoy Kamen"],
  words: ["Dalstroy", "Severtrans", "Okean", "Taiga", "Zarya", "Rassvet", "Sibles", "Amurmet"],
  trades: ["Construction", "Forestry", "Fish Processing", "Shipyard", "Agro", "Road Works"],
  forms: ["OOO", "JSC", "LLC", "PJSC", "Company Ltd"],
};

export function farEastCompanies(
  listedOrgKeys: ReadonlySet<string>,
  n: number,
  seed: number,
): Negative[] {
  return companyNames(FAR_EAST_POOL, listedOrgKeys, n, seed).map((x) => ({
    ...x,
    kind: "Far East company",
  }));
}
