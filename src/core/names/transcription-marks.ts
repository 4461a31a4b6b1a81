/**
 * Which readers of syllable-reader.ts a name calls for: katakana (or hiragana) is the Japanese
 * reading itself; a Latin name is read as Hepburn, Hungarian or Czech only when it shows a mark
 * of that habit that no romanization of Korean writes, since each habit loses distinctions a
 * romanization keeps (a Hepburn n is ㄴ or ㅇ; a Hungarian j is y) and would otherwise let
 * different names meet.
 */

import { fromKana } from "hepburn";
import { isSinoVietnameseName } from "./sino-vietnamese.js";

const KANA = /[\p{Script=Katakana}\p{Script=Hiragana}]/u;

/** Honorifics and titles Japanese copy puts after a name (氏 Mr/Ms, さん, 様, 容疑者 suspect). */
const HONORIFIC = /(?:氏|さん|様|容疑者|元帥|委員長|総書記)$/u;

/** A name written in kana (the middle dot, spaces and an honorific after it aside). */
export function isKanaName(s: string): boolean {
  const t = s.normalize("NFKC").trim().replace(HONORIFIC, "");
  return KANA.test(t) && /^[\p{Script=Katakana}\p{Script=Hiragana}ー・･=＝゠\s]+$/u.test(t);
}

/** Small vowels left after a u-column kana (クァ), which hepburn leaves as written: kwa. */
const SMALL_VOWEL: Readonly<Record<string, string>> = {
  ァ: "a",
  ィ: "i",
  ゥ: "u",
  ェ: "e",
  ォ: "o",
  ぁ: "a",
  ぃ: "i",
  ぅ: "u",
  ぇ: "e",
  ぉ: "o",
};

/**
 * A kana name in Hepburn letters, its parts split where the middle dot or a space splits them
 * (キム・ジョンウン氏 → kimu jon'un): half-width kana first made full-width (NFKC), the honorific
 * dropped, a long-vowel mark ー kept as the macron hepburn writes.
 */
export function kanaToHepburn(s: string): string {
  const t = s
    .normalize("NFKC")
    .trim()
    .replace(HONORIFIC, "")
    .replace(/[・･=＝゠\s]+/gu, " ");
  return fromKana(t)
    .replace(/U([ァィゥェォぁぃぅぇぉ])/g, (_, v: string) => `W${SMALL_VOWEL[v]!.toUpperCase()}`)
    .replace(/[ァィゥェォぁぃぅぇぉ]/g, (v) => SMALL_VOWEL[v]!.toUpperCase())
    .toLowerCase();
}

/**
 * Marks of Hepburn written for a Korean name: shi, tsu, f before a vowel (Korean has no f: ファン
 * Fan for 황); n' before a vowel; a long vowel's macron; a final consonant followed by the vowel
 * Japanese adds (kimu, paku, iru; ku/mu/ru/pu after a vowel at a word's end or before another
 * consonant: Sokufa, Kirusu).
 */
const HEPBURN_MARK =
  /shi|tsu|f[aeiou]|n['’ʼ][aeiouy]|[āīūēō]|[aeiou](?:ku|mu|ru|pu)(?:\s|-|,|$|[bcdfghjkmnprstwz])/iu;

/**
 * Hungarian letters no romanization writes: cs, dzs, sz, zs, ö, ü (Kim Dzsongun, Han Dokszu),
 * and v or j as the glide after a consonant (Gvangil, Hjon: romanizations write w and y).
 */
const HUNGARIAN_MARK = /cs|dzs|sz|zs|[öüőű]|[gkhptbd][vj][aeiou]/iu;

/** Czech letters: č š ž, and with the háčeks lost a c standing alone or dz (Kim Cong-un). */
const CZECH_MARK = /[čšžěř]|c(?![hs])|dz(?!s)|[kpt]ch/iu;

/**
 * Greek letters, or the Latin letters ELOT 743 gives the Greek press's spelling of a foreign
 * name: gk for g (γκ), ts and tz for ch and j (τσ τζ), ou for u and w (ου), gi for y before a
 * vowel at a word's start (Γιουν Gioun). No romanization of Korean writes gk, tz or gio.
 */
const GREEK_MARK = /\p{Script=Greek}|gk|tz|ts|ou|\bgi[aeou]/iu;

/**
 * The ALA-LC reading of an Arabic press spelling (semitic-latin.ts): a long vowel's macron
 * (Kīm), tsh for تش and ngh for a final نغ (Tshwī, Kwāngh), which no romanization of Korean writes.
 */
const ARABIC_MARK = /[āīū]|tsh|ngh(?![aeiou])/iu;

export type TranscriptionReader =
  | "japanese"
  | "hungarian"
  | "czech"
  | "greek"
  | "arabic"
  | "vietnamese";

/** The readers a Latin name's marks call for. */
export function transcriptionReaders(latin: string): TranscriptionReader[] {
  const out: TranscriptionReader[] = [];
  if (HEPBURN_MARK.test(latin)) out.push("japanese");
  if (HUNGARIAN_MARK.test(latin)) out.push("hungarian");
  if (CZECH_MARK.test(latin)) out.push("czech");
  if (GREEK_MARK.test(latin)) out.push("greek");
  if (ARABIC_MARK.test(latin)) out.push("arabic");
  if (isSinoVietnameseName(latin)) out.push("vietnamese");
  return out;
}
