/**
 * Hangul → Latin for the five systems Sojourn meets in crossing records and sanctions lists.
 *
 * One engine, two passes: `pronounce` applies the sound changes at each syllable boundary
 * (liaison, nasalisation, ㄹ-assimilation, palatalisation, ㅎ-aspiration), then `render` spells the
 * result with a per-system letter table. The systems differ in the letter tables, in which sound
 * changes they write, and in how personal names are cut (docs/names.md has the rule sources):
 * - rr: NIKL Revised Romanization (MoCT proclamation 2000-8) — phonemic, no voicing; names §3(4):
 *   given name one word, sound changes between given-name syllables not written.
 * - mr / mr-plain: McCune–Reischauer (1939) — voicing of ㄱㄷㅂㅈ between voiced sounds,
 *   aspirates with apostrophes, ŏ ŭ; mr-plain drops breves and apostrophes (press usage).
 * - ala-lc: LoC ALA-LC 2009 (an MR variant) — given-name syllables hyphenated, sound changes across
 *   the hyphen written (Kim Ch'ang-nyong), lt/lch after ㄹ, surnames in South forms (Yi, Yu, No).
 * - dprk: DPRK 1992 system as revised 2002/2012 — ㅈ = j everywhere, aspirates kh th ph, names with
 *   every Sino-Korean syllable separate and capitalised (Kim Jong Un), no initial-sound law.
 */

import { decomposeSyllable, isHangulSyllable, L, T, toSouthInitial, V } from "./hangul.js";

export const ROMANIZATION_SYSTEMS = ["rr", "mr", "mr-plain", "ala-lc", "dprk"] as const;
export type RomanizationSystem = (typeof ROMANIZATION_SYSTEMS)[number];

/** Coda classes after neutralisation (the seven final sounds of Standard Pronunciation §8). */
type Coda = "" | "k" | "n" | "t" | "l" | "m" | "p" | "ng";

interface Segment {
  /** Initial consonant index (L.*) as pronounced; L.NG means no sound. */
  onset: number;
  vowel: number;
  coda: Coda;
  /** A final consonant carried to the next (vowel-initial) syllable, as an initial index; -1 if none. */
  link: number;
}

// The two tables below have one entry per final (jongseong) in Unicode order: none, ㄱ ㄲ ㄳ ㄴ
// ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ.
// Neutralised class of each final (Standard Pronunciation §9–11); double finals take the
// consonant that is pronounced before a consonant (ㄺ → k, ㄼ → l, ㄻ → m).
// biome-ignore format: 28-entry table, one entry per final
const CODA_CLASS: readonly Coda[] = [
  "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
  "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

// Final → the initial it becomes when carried over a vowel (liaison); for double finals the
// second consonant moves and the first stays as the coda (닭이 → 달기).
// biome-ignore format: 28-entry table, one entry per final
const LINK_OF_FINAL: readonly (readonly [Coda, number])[] = [
  ["", -1], ["", L.G], ["", L.KK], ["k", L.SS], ["", L.N], ["n", L.J], ["", L.N], ["", L.D],
  ["", L.R], ["l", L.G], ["l", L.M], ["l", L.B], ["l", L.SS], ["l", L.T], ["l", L.P], ["", L.R],
  ["", L.M], ["", L.B], ["p", L.SS], ["", L.S], ["", L.SS], ["ng", -1], ["", L.J], ["", L.CH],
  ["", L.K], ["", L.T], ["", L.P], ["", -1],
];

const NASAL_OF: Record<Coda, Coda> = {
  "": "",
  k: "ng",
  t: "n",
  p: "m",
  n: "n",
  l: "l",
  m: "m",
  ng: "ng",
};
const ASPIRATE_OF: Partial<Record<number, number>> = {
  [L.G]: L.K,
  [L.D]: L.T,
  [L.J]: L.CH,
  [L.B]: L.P,
};

export interface PronounceOptions {
  /** Write assimilation across syllables (false = RR names rule §3(4): each syllable as if alone). */
  assimilate: boolean;
}

/** Apply the sound changes of one word (array of syllables) and return segments. */
function pronounce(syllables: readonly string[], opts: PronounceOptions): Segment[] {
  const jamo = syllables.map((s) => decomposeSyllable(s)!);
  const segs: Segment[] = jamo.map((j) => ({
    onset: j.l,
    vowel: j.v,
    coda: CODA_CLASS[j.t]!,
    link: -1,
  }));
  if (!opts.assimilate) return segs;
  for (let i = 0; i + 1 < jamo.length; i++) {
    const f = jamo[i]!.t;
    const cur = segs[i]!;
    const next = segs[i + 1]!;
    if (f === T.NONE) continue;
    if (next.onset === L.NG) {
      // Liaison (Standard Pronunciation §13–16); ㅎ drops before a vowel (§12.4).
      if (f === T.H) cur.coda = "";
      else if (f === T.NG) cur.coda = "ng";
      else if ((f === T.D || f === T.T) && next.vowel === V.I) {
        // Palatalisation (§17): 해돋이 → 해도지, 같이 → 가치.
        cur.coda = "";
        cur.link = f === T.D ? L.J : L.CH;
      } else {
        const [stay, moved] = LINK_OF_FINAL[f]!;
        cur.coda = stay;
        cur.link = moved;
      }
      continue;
    }
    const c = cur.coda;
    // ㅎ-final aspirates a following plain stop (§12.1: 좋고 → 조코); ㄶ/ㅀ keep their first part.
    if ((f === T.H || f === T.NH || f === T.LH) && ASPIRATE_OF[next.onset] !== undefined) {
      next.onset = ASPIRATE_OF[next.onset]!;
      cur.coda = f === T.H ? "" : f === T.NH ? "n" : "l";
      continue;
    }
    if (f === T.H && next.onset === L.S) {
      cur.coda = "";
      next.onset = L.SS;
      continue;
    }
    if (next.onset === L.N || next.onset === L.M) {
      // Obstruent nasalisation (§18: 백마 → 뱅마) and ㄹ+ㄴ → ㄹㄹ (§20: 별내 → 별래).
      if (c === "l" && next.onset === L.N) next.onset = L.R;
      else cur.coda = NASAL_OF[c];
    } else if (next.onset === L.R) {
      // ㄹ after ㄴ → ㄹㄹ (§20: 신라 → 실라); after other consonants → ㄴ (§19: 종로 → 종노),
      // which then nasalises an obstruent (독립 → 동닙).
      if (c === "n") cur.coda = "l";
      else if (c !== "l") {
        next.onset = L.N;
        cur.coda = NASAL_OF[c];
      }
    }
  }
  return segs;
}

// Letter tables, indexed by L.* / V.*.
// biome-ignore format: 19-entry table, one entry per initial (L.*)
const RR_INITIAL = [
  "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
  "h",
];
// biome-ignore format: 19-entry table, one entry per initial (L.*)
const MR_INITIAL = [
  "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'",
  "p'", "h",
];
const MR_VOICED: Partial<Record<number, string>> = {
  [L.G]: "g",
  [L.D]: "d",
  [L.B]: "b",
  [L.J]: "j",
};
// biome-ignore format: 19-entry table, one entry per initial (L.*)
const DPRK_INITIAL = [
  "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th",
  "ph", "h",
];
// biome-ignore format: 21-entry table, one entry per vowel (V.*)
const RR_VOWEL = [
  "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
  "wi", "yu", "eu", "ui", "i",
];
// biome-ignore format: 21-entry table, one entry per vowel (V.*)
const MR_VOWEL = [
  "a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we",
  "wi", "yu", "ŭ", "ŭi", "i",
];
const CODA_TEXT: Record<Coda, string> = {
  "": "",
  k: "k",
  n: "n",
  t: "t",
  l: "l",
  m: "m",
  p: "p",
  ng: "ng",
};

type Family = "rr" | "mr" | "dprk";
function familyOf(system: RomanizationSystem): Family {
  return system === "rr" ? "rr" : system === "dprk" ? "dprk" : "mr";
}

/** How the previous sound affects a following plain stop (MR/DPRK voicing rules). */
function voicingContext(prev: Segment | undefined): "initial" | "voiced" | "voiceless" | "after-l" {
  if (!prev) return "initial";
  if (prev.coda === "" || prev.coda === "n" || prev.coda === "m" || prev.coda === "ng")
    return "voiced";
  if (prev.coda === "l") return "after-l";
  return "voiceless";
}

function onsetText(
  seg: Segment,
  prev: Segment | undefined,
  fam: Family,
  syllableMode: boolean,
): string {
  const o = seg.onset;
  if (fam === "rr") {
    if (o === L.R && prev?.coda === "l") return "l";
    return RR_INITIAL[o]!;
  }
  const ctx = voicingContext(prev);
  if (o === L.R) return prev?.coda === "l" ? "l" : "r";
  if (o === L.S && seg.vowel === V.WI && fam === "mr") return "sh"; // MR: 쉬 = shwi
  const voiced = fam === "mr" ? MR_VOICED[o] : o === L.J ? undefined : MR_VOICED[o];
  if (voiced !== undefined) {
    // MR/ALA-LC: ㄱ ㅂ voice after ㄹ, but ㄷ ㅈ stay tense (ALA-LC 2009 rule 8: lt, lch).
    // DPRK names (syllableMode): a stop after ㄹ or an obstruent is written voiceless (Pak Il Kyu).
    if (ctx === "voiced") return voiced;
    if (ctx === "after-l" && !syllableMode && (o === L.G || o === L.B)) return voiced;
  }
  return fam === "dprk" ? DPRK_INITIAL[o]! : MR_INITIAL[o]!;
}

function linkText(link: number, fam: Family): string {
  if (fam === "rr") return RR_INITIAL[link]!;
  // Between vowels a carried stop is voiced (MR: 백암 paegam); ㄹ is r.
  if (link === L.R) return "r";
  if (fam === "dprk" && link === L.J) return "j";
  return MR_VOICED[link] ?? (fam === "dprk" ? DPRK_INITIAL[link]! : MR_INITIAL[link]!);
}

export interface RenderOptions {
  /** Separator placed between syllables ("" for one word, "-" for ALA-LC given names, " " for DPRK). */
  separator: string;
  /** DPRK/MR: keep breves (ŏ ŭ) and, for MR, aspiration apostrophes. */
  diacritics: boolean;
  /** Mark boundaries that would be misread (RR hyphen rule §2; MR apostrophe in n'g). */
  disambiguate: boolean;
  /** DPRK personal names: voicing judged per syllable (see onsetText). */
  syllableMode: boolean;
}

const DIGRAPH_JUNCTIONS = new Set(["eu", "eo", "ae", "oe", "ui"]);

function render(segs: readonly Segment[], system: RomanizationSystem, opts: RenderOptions): string {
  const fam = familyOf(system);
  const parts: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const prev = segs[i - 1];
    const onset = onsetText(seg, prev, fam, opts.syllableMode);
    const vowel = fam === "rr" ? RR_VOWEL[seg.vowel]! : MR_VOWEL[seg.vowel]!;
    let coda = seg.link >= 0 ? CODA_TEXT[seg.coda] + linkText(seg.link, fam) : CODA_TEXT[seg.coda];
    // MR/ALA-LC: ㄹ before ㅎ is r (ALA-LC 2009: 필효 P'ir-hyo, 일훈 Ir-hun).
    const next = segs[i + 1];
    if (fam === "mr" && seg.coda === "l" && seg.link < 0 && next?.onset === L.H) coda = "r";
    parts.push(onset + vowel + coda);
  }
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i++) {
    const left = out;
    const right = parts[i]!;
    let sep = opts.separator;
    if (sep === "" && opts.disambiguate && left.length > 0 && right.length > 0) {
      const a = left[left.length - 1]!;
      const b = right[0]!;
      if (fam === "rr") {
        const ng = a === "n" && b === "g";
        const vowelJunction = DIGRAPH_JUNCTIONS.has(a + b);
        const ngVowel = left.endsWith("ng") && /^[aeiouwy]/.test(right);
        if (ng || vowelJunction || ngVowel) sep = "-";
      } else if (a === "n" && b === "g") {
        sep = fam === "dprk" ? "-" : "'";
      } else if (fam === "dprk" && left.endsWith("ng") && /^[aeiouwyŏŭ]/.test(right)) {
        sep = "-";
      }
    }
    out = left + sep + right;
  }
  if (!opts.diacritics) out = stripDiacritics(out, fam);
  return out;
}

/** ŏ ŭ → o u and, for MR, drop aspiration apostrophes (the usual "MR without diacritics"). */
export function stripDiacritics(s: string, fam: Family | "mr" = "mr"): string {
  let out = s.replace(/ŏ/g, "o").replace(/ŭ/g, "u").replace(/Ŏ/g, "O").replace(/Ŭ/g, "U");
  if (fam === "mr") out = out.replace(/'/g, "");
  return out;
}

export interface RomanizeOptions {
  /** Keep ŏ/ŭ for dprk (the official 2012 tables have them; KCNA and the UN list drop them). Default true in word mode. */
  diacritics?: boolean;
  /** Apply the RR hyphen / MR apostrophe for ambiguous boundaries. Default true. */
  disambiguate?: boolean;
}

/** Romanize arbitrary Hangul text (word mode): each run of Hangul syllables is one word; other characters pass through. */
export function romanize(
  hangul: string,
  system: RomanizationSystem,
  options: RomanizeOptions = {},
): string {
  const diacritics =
    options.diacritics ?? (system === "mr" || system === "ala-lc" || system === "dprk");
  const disambiguate = options.disambiguate ?? true;
  let out = "";
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const segs = pronounce(run, { assimilate: true });
    out += render(segs, system, { separator: "", diacritics, disambiguate, syllableMode: false });
    run = [];
  };
  for (const ch of hangul) {
    if (isHangulSyllable(ch)) run.push(ch);
    else {
      flush();
      out += ch;
    }
  }
  flush();
  return out;
}

/**
 * Surname spellings that the letter rules do not give. ALA-LC writes 李 as Yi whatever the Hangul
 * (LoC 2009, surname list; ScriptShifter FKR001/002); MR practice (Yi Sun-sin) does the same for 이.
 * RR surnames are "to be set separately" (NIKL §3(4) note); we keep the letter-rule forms (Gim, I, Bak)
 * that the Wikipedia surname table lists as RR, since no official list exists.
 */
const SURNAME_OVERRIDES: Partial<Record<RomanizationSystem, Record<string, string>>> = {
  mr: { 이: "Yi", 리: "Ri" },
  "mr-plain": { 이: "Yi", 리: "Ri" },
  "ala-lc": { 이: "Yi", 리: "Yi" },
};

/**
 * South (두음법칙) form → the North form of common surnames, from the Hanja table (李 리, 林 림, 柳 류,
 * 盧 로, 梁 량, 羅 라, 呂 려, 廉 렴, 龍 룡, 陸 륙). One-to-many in theory (兪 유 stays 유, 楊 양 stays 양);
 * we take the form of the most frequent Hanja, which is what DPRK documents print for most bearers.
 */
export const SOUTH_TO_NORTH_SURNAME: Readonly<Record<string, string>> = {
  이: "리",
  임: "림",
  유: "류",
  노: "로",
  양: "량",
  나: "라",
  여: "려",
  염: "렴",
  용: "룡",
  육: "륙",
  뇌: "뢰",
  연: "련",
};

function capitalize(s: string): string {
  if (s.length === 0) return s;
  // Capitalise the first letter, not an apostrophe or hyphen.
  return s[0]!.toUpperCase() + s.slice(1);
}

function syllablesOf(s: string): string[] {
  return Array.from(s).filter(isHangulSyllable);
}

export interface RomanizeNameOptions {
  /** Initial-sound law for the surname: "north" writes 리/림/류…, "south" 이/임/유…, "keep" as given. Default: dprk → north, ala-lc → south, others keep. */
  surnameForm?: "north" | "south" | "keep";
  /** Hyphenate given-name syllables (RR allows it; ALA-LC requires it; others: "Yong-chol"). */
  hyphen?: boolean;
  /** Keep breves/apostrophes (mr and ala-lc default true, dprk default false = KCNA/UN practice). */
  diacritics?: boolean;
}

/** Romanize a Hangul personal name given as family + given (Hangul), per the system's conventions for names. */
export function romanizeName(
  family: string,
  given: string,
  system: RomanizationSystem,
  options: RomanizeNameOptions = {},
): { family: string; given: string } {
  const surnameForm =
    options.surnameForm ?? (system === "dprk" ? "north" : system === "ala-lc" ? "south" : "keep");
  let fam = family.trim();
  if (surnameForm === "north") fam = SOUTH_TO_NORTH_SURNAME[fam] ?? fam;
  else if (surnameForm === "south" && fam.length > 0) fam = toSouthInitial(fam[0]!) + fam.slice(1);
  const diacritics = options.diacritics ?? (system === "mr" || system === "ala-lc");
  const famSyl = syllablesOf(fam);
  const givenSyl = syllablesOf(given);
  const override = SURNAME_OVERRIDES[system]?.[fam];
  const famText =
    override ??
    capitalize(
      render(pronounce(famSyl, { assimilate: true }), system, {
        separator: "",
        diacritics,
        disambiguate: system !== "dprk",
        syllableMode: false,
      }),
    );
  let givenText: string;
  switch (system) {
    case "rr": {
      // NIKL §3(4): no assimilation between given-name syllables; hyphen permitted.
      givenText = render(pronounce(givenSyl, { assimilate: false }), "rr", {
        separator: options.hyphen ? "-" : "",
        diacritics: false,
        disambiguate: false,
        syllableMode: false,
      });
      break;
    }
    case "dprk": {
      // Each Sino-Korean syllable written separately and capitalised (Kim Jong Un, Pak Tong Gu).
      const segs = pronounce(givenSyl, { assimilate: false });
      givenText = renderDprkGiven(segs, diacritics, options.hyphen ? "-" : " ");
      break;
    }
    case "ala-lc": {
      givenText = render(pronounce(givenSyl, { assimilate: true }), system, {
        separator: options.hyphen === false ? "" : "-",
        diacritics,
        disambiguate: options.hyphen === false,
        syllableMode: false,
      });
      break;
    }
    default: {
      givenText = render(pronounce(givenSyl, { assimilate: true }), system, {
        separator: options.hyphen ? "-" : "",
        diacritics,
        disambiguate: !options.hyphen,
        syllableMode: false,
      });
    }
  }
  return { family: famText, given: capitalize(givenText) };
}

function renderDprkGiven(segs: readonly Segment[], diacritics: boolean, sep: string): string {
  const out: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const prev = segs[i - 1];
    const onset = i === 0 ? DPRK_INITIAL[seg.onset]! : onsetText(seg, prev, "dprk", true);
    let text = onset + MR_VOWEL[seg.vowel]! + CODA_TEXT[seg.coda];
    if (!diacritics) text = stripDiacritics(text, "dprk");
    out.push(capitalize(text));
  }
  return out.join(sep);
}
