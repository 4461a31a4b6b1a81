/**
 * Organisation names as comparable tokens, across scripts. Latin names lose their legal form;
 * Han and Hangul names are cut into known words with an English rendering (贸易 → trading,
 * 무역 → trading, 조선 → korea) and the rest is read aloud: Han as pinyin syllables (paired, since
 * most Chinese words are two characters: 丹东鸿祥 → dandong hongxiang), Hangul in the DPRK system
 * (련봉 → ryonbong). A translated list name (DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO., LTD.)
 * then shares most of its tokens with the Chinese original.
 */
import { pinyin } from "pinyin-pro";
import { romanize } from "../names/index.js";
import { glossaryReadings } from "./org-glossary.js";
import {
  CJK_ORG_WORDS,
  foldText,
  hasCjk,
  type OrgName,
  splitOrgName,
  translatedOrgTokens,
} from "./text.js";

const CJK_WORDS_BY_LENGTH = Object.keys(CJK_ORG_WORDS).sort((a, b) => b.length - a.length);
const HAN = /\p{Script=Han}/u;
const HANGUL = /\p{Script=Hangul}/u;

function readChunk(chunk: string): string[][] {
  if (HAN.test(chunk)) {
    const syl = (pinyin(chunk, { toneType: "none", type: "array" }) as string[])
      .map((s) => s.toLowerCase().replace(/ü/g, "v"))
      .filter(Boolean);
    // Two readings: syllables paired into words (the usual), and one word per syllable.
    const paired: string[] = [];
    for (let i = 0; i < syl.length; i += 2) paired.push(syl.slice(i, i + 2).join(""));
    return [paired, syl];
  }
  if (HANGUL.test(chunk)) {
    const r = foldText(romanize(chunk, "dprk", { diacritics: false }));
    return [r ? r.split(" ") : []];
  }
  const t = foldText(chunk);
  return [t ? t.split(" ") : []];
}

/**
 * Readings of an organisation name as token lists (one for Latin names, a few for CJK, and for a
 * name in another EU language its English reading: one per sense of its two-sense words, up to
 * `glossarySenses`). A list name is read in its first senses only: the query's readings meet
 * either, and a list name carrying both would count its shared generic word twice in candidate
 * selection. `written`: how many of the readings (the first ones) keep the words as written, the
 * glossary's English aside (acronyms are made of those).
 */
export function orgTokenVariants(
  name: string,
  glossarySenses = 2,
): { variants: string[][]; legalForms: string[]; written: number } {
  const split: OrgName = splitOrgName(name);
  if (!hasCjk(name)) {
    const translated = translatedOrgTokens(split.core);
    const variants = translated ? [split.core, translated] : [split.core];
    const written = variants.length;
    // A name in another EU language, read with its generic words in English (Banque
    // commerciale de Tanchon → tanchon trading bank).
    for (const reading of glossaryReadings(name, glossarySenses)) {
      const core = splitOrgName(reading.join(" ")).core;
      if (core.length && !variants.some((v) => v.join(" ") === core.join(" "))) variants.push(core);
    }
    return { variants, legalForms: split.legalForms, written };
  }
  // Rebuild the CJK text without its legal form, then cut it into dictionary words and chunks.
  const text = split.core.join(" ");
  const pieces: (string | string[])[] = [];
  let rest = "";
  for (let i = 0; i < text.length; ) {
    const word = CJK_WORDS_BY_LENGTH.find((w) => text.startsWith(w, i));
    if (word) {
      if (rest) pieces.push(rest);
      rest = "";
      pieces.push(CJK_ORG_WORDS[word]!.split(" "));
      i += word.length;
    } else {
      rest += text[i];
      i++;
    }
  }
  if (rest) pieces.push(rest);
  let variants: string[][] = [[]];
  for (const p of pieces) {
    const readings = typeof p === "string" ? readChunk(p) : [p];
    const next: string[][] = [];
    for (const v of variants) for (const r of readings) next.push([...v, ...r]);
    variants = next.slice(0, 4);
  }
  const out = variants.map((v) => v.filter(Boolean)).filter((v) => v.length > 0);
  return { variants: out, legalForms: split.legalForms, written: out.length };
}
