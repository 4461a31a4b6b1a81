/**
 * Cheap blocking keys for identity resolution. `nameKeys` (src/core/names) parses a whole name
 * each time (about half a millisecond); resolving ten million records needs keys for hundreds of
 * thousands of distinct name strings, so this module keys one *token* or one *character* at a
 * time and memoises it: romanized tokens repeat endlessly (KIM, YONG, CHOL, Yŏng-ch'ŏl), and so
 * do Hangul syllables and Chinese characters.
 *
 * A key is "family|given" in the phonetic classes of `phoneticSyllable` (ㅓ/ㅗ, ㅕ/ㅛ, plain and
 * aspirated stops merged, South initial forms), so KIM YONG CHOL, Kim Yŏng-ch'ŏl, Gim
 * Yeong-cheol, YONGCHOL KIM, 김영철 and 金永哲 share "KIM|YONG.COL". Keys only choose which
 * record groups to compare; `compareNames` decides.
 */

import { detectScript, hanToHangul, parseRomanized } from "../names/index.js";
import { phoneticSyllable } from "../names/name-keys.js";

/** A name as a record carries it: the split fields and/or a full name, any script. */
export interface RecordedName {
  family?: string | null;
  given?: string | null;
  full?: string | null;
}

/**
 * Readings and keys already worked out, by token, by character, by name part and by full name;
 * one memo per identity run. Distinct recorded names (hundreds of thousands at 10M records) share
 * far fewer parts: family names number in the thousands, given names in the tens of thousands,
 * and a full name recurs beside other split spellings.
 */
export interface NameKeyMemo {
  latin: Map<string, string[]>;
  han: Map<string, string>;
  /** Class string of a family or given part, by part, script and text. */
  parts: Map<string, string>;
  /** Keys of a full name, by its trimmed text. */
  full: Map<string, readonly string[]>;
}

export function newNameKeyMemo(): NameKeyMemo {
  return { latin: new Map(), han: new Map(), parts: new Map(), full: new Map() };
}

/** Hangul syllables of a romanized token: the best segmentation, best candidate per slot. */
function latinTokenSyllables(token: string, memo: NameKeyMemo): string[] {
  let out = memo.latin.get(token);
  if (out) return out;
  const parse = parseRomanized(token)[0];
  out = parse
    ? parse.slots.map((s) => s.candidates[0]?.syllable ?? "?")
    : [`?${token.toLowerCase()}`];
  memo.latin.set(token, out);
  return out;
}

/** Most likely Hangul reading of one Chinese character (surname readings for the first). */
function hanSyllable(ch: string, surname: boolean, memo: NameKeyMemo): string {
  const k = surname ? `s${ch}` : ch;
  let out = memo.han.get(k);
  if (out === undefined) {
    out = hanToHangul(ch, surname ? { surname: true } : {})[0] ?? ch;
    memo.han.set(k, out);
  }
  return out;
}

function classOf(syllables: readonly string[]): string {
  return syllables.map((s, i) => (s.startsWith("?") ? s : phoneticSyllable(s, i === 0))).join(".");
}

function syllablesOf(text: string, script: string, surname: boolean, memo: NameKeyMemo): string[] {
  if (script === "hangul") return Array.from(text.replace(/[^\uac00-\ud7a3]/g, ""));
  if (script === "han")
    return Array.from(text.replace(/\s+/g, "")).map((c, i) =>
      hanSyllable(c, surname && i === 0, memo),
    );
  return tokens(text).flatMap((t) => latinTokenSyllables(t, memo));
}

function tokens(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

function keyOfParts(family: string[], given: string[]): string {
  return `${classOf(family)}|${classOf(given)}`;
}

/** Separates the parts of a memo key. */
const SEP = "\x1f";

/** Phonetic classes of one family (surname) or given part in `script`, memoised. */
function partClass(text: string, script: string, surname: boolean, memo: NameKeyMemo): string {
  const k = `${surname ? "f" : "g"}${script}${SEP}${text}`;
  let out = memo.parts.get(k);
  if (out === undefined) {
    out = classOf(syllablesOf(text, script, surname, memo));
    memo.parts.set(k, out);
  }
  return out;
}

/** Keys of a full name, memoised by its text. */
function fullKeys(full: string, memo: NameKeyMemo): readonly string[] {
  let out = memo.full.get(full);
  if (out === undefined) {
    const keys = new Set<string>();
    keysOfFull(full, keys, memo);
    out = [...keys];
    memo.full.set(full, out);
  }
  return out;
}

function keysOfFull(full: string, keys: Set<string>, memo: NameKeyMemo): void {
  const latin = (t: string) => latinTokenSyllables(t, memo);
  const script = detectScript(full);
  if (script === "hangul" || script === "han") {
    const compact = full.replace(/\s+/g, "");
    const syl = syllablesOf(compact, script, true, memo);
    if (syl.length >= 2) keys.add(keyOfParts(syl.slice(0, 1), syl.slice(1)));
    return;
  }
  if (script !== "latin") {
    keys.add(`raw:${full.toLowerCase().replace(/\s+/g, " ").trim()}`);
    return;
  }
  const t = tokens(full);
  if (t.length < 2) {
    keys.add(`|${classOf(t.flatMap(latin))}`);
    return;
  }
  // Either order: family first (Korean, passports) or last (Western order in English exports).
  keys.add(keyOfParts(latin(t[0]!), t.slice(1).flatMap(latin)));
  keys.add(keyOfParts(latin(t.at(-1)!), t.slice(0, -1).flatMap(latin)));
}

/**
 * Blocking keys of a recorded name; empty when the record has no name at all. `memo` keeps the
 * readings of tokens and characters for the next names (a caller keying many names passes one).
 */
export function identityNameKeys(
  name: RecordedName,
  memo: NameKeyMemo = newNameKeyMemo(),
): string[] {
  const keys = new Set<string>();
  const family = name.family?.trim() ?? "";
  const given = name.given?.trim() ?? "";
  if (family || given) {
    const script = detectScript(`${family}${given}`);
    if (script === "hangul" || script === "han" || script === "latin")
      keys.add(`${partClass(family, script, true, memo)}|${partClass(given, script, false, memo)}`);
    else keys.add(`raw:${`${family} ${given}`.toLowerCase().trim()}`);
  }
  const full = name.full?.trim();
  if (full) for (const key of fullKeys(full, memo)) keys.add(key);
  return [...keys];
}
