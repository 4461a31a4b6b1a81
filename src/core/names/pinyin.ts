/**
 * Reading Latin text as Hanyu Pinyin (no tones): "YONGZHE" → yong zhe. Chinese records render Korean
 * names by the Mandarin reading of their Hanja (金永哲 → JIN YONGZHE), which no Korean romanization
 * rule predicts; matching goes through the Hanja table instead (compare-names.ts, name-keys.ts).
 * The syllable inventory is every pinyin the Hanja table holds, so it covers what Korean names use.
 */

import { lazy } from "../lazy.js";
import { HANJA_TABLE } from "./data/hanja-table.js";
import { SURNAME_TABLE } from "./data/surname-table.js";

/** Every pinyin syllable of the tables, and the longest one's length. */
const pinyinInventory = lazy(() => {
  const inventory = new Set<string>();
  for (const line of HANJA_TABLE.split("\n")) {
    const py = line.split(" ")[2];
    if (py && py !== "-") inventory.add(py);
  }
  for (const row of SURNAME_TABLE)
    for (const p of row[3].split(",")) for (const s of p.split(" ")) if (s) inventory.add(s);
  let maxLength = 0;
  for (const s of inventory) if (s.length > maxLength) maxLength = s.length;
  return { inventory, maxLength };
});

/**
 * Every reading of one token with the fewest syllables ("zhengen" → zheng en, zhen gen), at most 4;
 * empty if it is not pinyin.
 */
export function parsePinyinAll(token: string): string[][] {
  const s = token
    .toLowerCase()
    .replace(/ü/g, "v")
    .replace(/[^a-z]/g, "");
  if (!s) return [];
  const { inventory: inv, maxLength } = pinyinInventory();
  const best: string[][][] = Array.from({ length: s.length + 1 }, () => []);
  best[0] = [[]];
  for (let i = 0; i < s.length; i++) {
    for (const here of best[i]!) {
      for (let len = 1; len <= maxLength && i + len <= s.length; len++) {
        const sub = s.slice(i, i + len);
        if (!inv.has(sub)) continue;
        const cand = [...here, sub];
        const target = best[i + len]!;
        if (target.length > 0 && target[0]!.length < cand.length) continue;
        if (target.length > 0 && target[0]!.length > cand.length) target.length = 0;
        if (target.length < 4) target.push(cand);
      }
    }
  }
  return best[s.length]!;
}

/** Pinyin syllables of one token (fewest syllables wins), or undefined if it is not pinyin. */
export function parsePinyin(token: string): string[] | undefined {
  const s = token
    .toLowerCase()
    .replace(/ü/g, "v")
    .replace(/[^a-z]/g, "");
  if (!s) return undefined;
  const { inventory: inv, maxLength } = pinyinInventory();
  const best: (string[] | undefined)[] = new Array(s.length + 1).fill(undefined);
  best[0] = [];
  for (let i = 0; i < s.length; i++) {
    const here = best[i];
    if (!here) continue;
    for (let len = 1; len <= maxLength && i + len <= s.length; len++) {
      const sub = s.slice(i, i + len);
      if (!inv.has(sub)) continue;
      const cand = [...here, sub];
      const prev = best[i + len];
      if (!prev || prev.length > cand.length) best[i + len] = cand;
    }
  }
  return best[s.length];
}
