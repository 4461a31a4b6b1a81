/**
 * Simulated personal names and the ways port logs write them. A person's name is fixed once in
 * Hangul with its characters; every rendering (Chinese characters, pinyin, the romanization
 * systems, Western order, run-together given names) is derived from that one name, so one
 * person's name stays consistent across scripts.
 */
import { pinyin } from "pinyin-pro";
import { memoize } from "../core/lazy.js";
import { type RomanizationSystem, romanizeName } from "../core/names/index.js";
import {
  CHINESE_GIVEN_CHARS,
  CHINESE_SURNAMES,
  FEMALE_SYLLABLES,
  type GivenSyllable,
  MALE_SYLLABLES,
  SURNAMES,
} from "./data/korean-names.js";
import { type Rng, WeightedPicker } from "./rng.js";

export interface PersonName {
  /** Hangul (North forms); empty for PRC nationals. */
  familyHangul: string;
  givenHangul: string;
  /** Traditional characters as a Korean document gives them (for PRC nationals: their name). */
  familyHanja: string;
  givenHanja: string;
  /** Simplified characters as a Chinese port log prints them. */
  familyZh: string;
  givenZh: string;
  korean: boolean;
}

export const NAME_STYLES = [
  "hangul",
  "han",
  "passport",
  "dprk",
  "rr",
  "mr",
  "mr-plain",
  "ala-lc",
  "pinyin",
  "western",
  "run-together",
] as const;
export type NameStyle = (typeof NAME_STYLES)[number];

export interface RenderedName {
  family: string;
  given: string;
  /** Family then given as the style writes a full name (Western order for "western"). */
  full: string;
}

const surnamePicker = new WeightedPicker(
  SURNAMES,
  SURNAMES.map((s) => s.weight),
);

function syllablePickers(list: readonly GivenSyllable[]) {
  return {
    first: new WeightedPicker(
      list,
      list.map((s) => s.first),
    ),
    second: new WeightedPicker(
      list,
      list.map((s) => s.second),
    ),
  };
}
const MALE = syllablePickers(MALE_SYLLABLES);
const FEMALE = syllablePickers(FEMALE_SYLLABLES);

/** A DPRK name: surname by census frequency, a two-syllable Sino-Korean given name (5 % one). */
export function generateKoreanName(rng: Rng, sex: "M" | "F"): PersonName {
  const surname = surnamePicker.pick(rng);
  const pickers = sex === "M" ? MALE : FEMALE;
  const first = pickers.first.pick(rng);
  let parts: GivenSyllable[];
  if (rng.chance(0.05)) {
    parts = [pickers.second.pick(rng)];
  } else {
    let second = pickers.second.pick(rng);
    for (let i = 0; i < 4 && second.hangul === first.hangul; i++) second = pickers.second.pick(rng);
    parts = [first, second];
  }
  return {
    familyHangul: surname.hangul,
    givenHangul: parts.map((p) => p.hangul).join(""),
    familyHanja: surname.hanja,
    givenHanja: parts.map((p) => p.hanja).join(""),
    familyZh: surname.zh,
    givenZh: parts.map((p) => p.zh).join(""),
    korean: true,
  };
}

export function generateChineseName(rng: Rng): PersonName {
  const family = rng.pick(CHINESE_SURNAMES);
  const n = rng.chance(0.3) ? 1 : 2;
  let given = "";
  for (let i = 0; i < n; i++) given += rng.pick(CHINESE_GIVEN_CHARS);
  return {
    familyHangul: "",
    givenHangul: "",
    familyHanja: family,
    givenHanja: given,
    familyZh: family,
    givenZh: given,
    korean: false,
  };
}

// Renderings are kept by (style, Hangul or characters): there are only a few thousand distinct
// surnames and given names, so keeping them keeps romanization off the hot path. A family name's
// rendering does not depend on the given name, nor the other way round.
const romanizedFamily = memoize((key: string) => {
  const [system, hangul] = splitKey(key);
  return romanizeName(hangul, "", system as RomanizationSystem).family;
});
const romanizedGiven = memoize((key: string) => {
  const [system, hangul] = splitKey(key);
  return romanizeName("", hangul, system as RomanizationSystem).given;
});
const pinyinFamily = memoize((zh: string) => capitalizeWords(pinyinOf(zh, true)));
const pinyinGiven = memoize((zh: string) => capitalizeWords(pinyinOf(zh, false)));

function splitKey(key: string): [string, string] {
  const i = key.indexOf("|");
  return [key.slice(0, i), key.slice(i + 1)];
}

function capitalizeWords(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function pinyinOf(han: string, surname: boolean): string {
  return pinyin(han, { toneType: "none", type: "array", surname: surname ? "head" : "off" }).join(
    "",
  );
}

function romanized(
  name: PersonName,
  system: RomanizationSystem,
): { family: string; given: string } {
  return {
    family: romanizedFamily(`${system}|${name.familyHangul}`),
    given: romanizedGiven(`${system}|${name.givenHangul}`),
  };
}

function pinyinName(name: PersonName): { family: string; given: string } {
  return { family: pinyinFamily(name.familyZh), given: pinyinGiven(name.givenZh) };
}

/** Writes a name in one style. PRC nationals' names have no Hangul: Latin styles give pinyin. */
export function renderName(name: PersonName, style: NameStyle): RenderedName {
  if (style === "hangul" && name.korean) {
    return {
      family: name.familyHangul,
      given: name.givenHangul,
      full: name.familyHangul + name.givenHangul,
    };
  }
  if (style === "han" || style === "hangul") {
    return { family: name.familyZh, given: name.givenZh, full: name.familyZh + name.givenZh };
  }
  if (!name.korean || style === "pinyin") {
    const p = pinyinName(name);
    if (style === "passport" || style === "run-together") {
      const f = p.family.toUpperCase();
      const g = p.given.toUpperCase();
      return { family: f, given: g, full: `${f} ${g}` };
    }
    if (style === "western")
      return { family: p.family, given: p.given, full: `${p.given} ${p.family}` };
    return { family: p.family, given: p.given, full: `${p.family} ${p.given}` };
  }
  switch (style) {
    case "passport": {
      // DPRK passports print the DPRK system in capitals, syllables separated (KIM YONG CHOL).
      const r = romanized(name, "dprk");
      const f = r.family.toUpperCase();
      const g = r.given.toUpperCase();
      return { family: f, given: g, full: `${f} ${g}` };
    }
    case "run-together": {
      const r = romanized(name, "dprk");
      const f = r.family.toUpperCase();
      const g = r.given.replace(/[\s-]+/g, "").toUpperCase();
      return { family: f, given: g, full: `${f} ${g}` };
    }
    case "western": {
      const r = romanized(name, "mr-plain");
      const given = r.given.includes("-") ? r.given : hyphenate(romanized(name, "dprk").given);
      return { family: r.family, given, full: `${given} ${r.family}` };
    }
    default: {
      const r = romanized(name, style);
      return { family: r.family, given: r.given, full: `${r.family} ${r.given}` };
    }
  }
}

/** "Yong Chol" → "Yong-chol" (the Western press form). */
function hyphenate(spaced: string): string {
  const parts = spaced.split(" ");
  return parts.map((p, i) => (i === 0 ? p : p.toLowerCase())).join("-");
}

/**
 * One plausible keying error in a name field: a dropped, doubled or swapped letter for Latin,
 * a swapped or dropped character for Hangul and Chinese characters.
 */
export function misspell(rng: Rng, value: string): string {
  const chars = Array.from(value);
  if (chars.length < 2) return value;
  const latin = /^[\x20-\x7e\u00c0-\u024f]*$/.test(value);
  const i = rng.int(0, chars.length - 1);
  const op = rng.int(0, latin ? 3 : 1);
  if (op === 0 && i + 1 < chars.length && chars[i] !== " " && chars[i + 1] !== " ") {
    const a = chars[i] as string;
    chars[i] = chars[i + 1] as string;
    chars[i + 1] = a;
  } else if (op === 1 && chars[i] !== " ") {
    chars.splice(i, 1);
  } else if (op === 2 && /[a-z]/i.test(chars[i] ?? "")) {
    chars.splice(i, 0, chars[i] as string);
  } else if (/[aeiou]/i.test(chars[i] ?? "")) {
    const vowels = "aeiou";
    const c = chars[i] as string;
    const next = vowels[(vowels.indexOf(c.toLowerCase()) + rng.int(1, 4)) % 5] as string;
    chars[i] = c === c.toUpperCase() ? next.toUpperCase() : next;
  } else {
    return value.length > 2 ? chars.slice(0, -1).join("") : value;
  }
  const out = chars.join("");
  return out === value || out.trim() === "" ? `${value}${latin ? "h" : ""}` : out;
}
