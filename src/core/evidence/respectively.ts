/**
 * "Respectively" lists: one sentence gives several counts and pairs them, in order, with a
 * list of periods or places ("1분기와 2분기는 각각 38, 332명", "2017年和2018年分别为1200人和800人",
 * "1,200 and 800 North Korean workers in Tumen and Helong respectively"). Each count becomes
 * its own claim with the period or place in the same position of the other list; a list whose
 * length does not match the counts' is not paired.
 */
import type { DateMention } from "./date-parts.js";
import { parseCjkNumber, parseEnglishNumber } from "./quantities.js";
import type { PlaceMention } from "./report-place-index.js";

export interface ListedCount {
  start: number;
  end: number;
  value: number;
  text: string;
  period?: { from: string; to: string; text: string };
  place?: PlaceMention;
}

const CJK_N = "\\d[\\d,.]*(?:\\s?[万萬만천千]\\s?\\d*)?|[一二两兩三四五六七八九十百千万萬]+";
const CJK_ITEM = `(?:约|約|약|近)?\\s?(${CJK_N})\\s?(?:명|人|名)?`;
const CJK_JOIN = "\\s?(?:,|，|、|와|과|및|和|与|與|及)\\s?";
const CJK_LIST = new RegExp(
  `(?:각각|각기|分别为|分別為|分别是|分別是|分别|分別)\\s?(?:为|為|是|达|達)?\\s?${CJK_ITEM}(?:${CJK_JOIN}${CJK_ITEM})+`,
  "gu",
);
const CJK_ONE = new RegExp(CJK_ITEM, "gu");
// Counts coordinated without 각각/分别, each with its classifier, right after coordinated periods
// ("今年第一季和第二季的 38 人和 332 人"): paired with the periods only, in order.
const CJK_PAIRED = new RegExp(
  `(?:的|의|에는|에|는|은)?\\s?(?:约|約|약|近)?\\s?(?:${CJK_N})\\s?(?:명|人|名)(?:${CJK_JOIN}(?:约|約|약|近)?\\s?(?:${CJK_N})\\s?(?:명|人|名))+`,
  "gu",
);
const EN_N = "\\d{1,3}(?:,\\d{3})+|\\d+";
const EN_LIST = new RegExp(
  `\\b(?:${EN_N})(?:\\s*,\\s*(?:${EN_N}))*,?\\s+and\\s+(?:${EN_N})\\b`,
  "g",
);
const RESPECTIVELY = /\brespectively\b/i;
// Words that join the items of a coordinated date: "1분기와 2분기", "2017年和2018年".
const DATE_JOIN = /\s?(?:와|과|및|和|与|與|及|、|,|\band\b)\s?/giu;

/** Counts in a "respectively" list of the sentence text[from, to), paired with `dates` (the
 * sentence's dates) or `places` (its place mentions) where the lengths match. */
export function respectivelyCounts(
  text: string,
  from: number,
  to: number,
  dates: DateMention[],
  places: PlaceMention[],
): ListedCount[] {
  const sentence = text.slice(from, to);
  const lists: { at: number; end: number; items: Item[] }[] = [];
  CJK_LIST.lastIndex = 0;
  for (let m = CJK_LIST.exec(sentence); m; m = CJK_LIST.exec(sentence)) {
    const body = m[0].replace(/^(?:각각|각기|分别为|分別為|分别是|分別是|分别|分別)/u, (x) =>
      " ".repeat(x.length),
    );
    lists.push({
      at: from + m.index,
      end: from + m.index + m[0].length,
      items: cjkItems(body, from + m.index),
    });
  }
  const paired = new Set<number>();
  CJK_PAIRED.lastIndex = 0;
  for (let m = CJK_PAIRED.exec(sentence); m; m = CJK_PAIRED.exec(sentence)) {
    const at = from + m.index;
    const lastDate = dates.filter((d) => d.end <= at).at(-1);
    // Only right after its periods: nothing but a particle between them.
    if (!lastDate || !/^\s?(?:的|의|에는|에|는|은)?\s?$/u.test(text.slice(lastDate.end, at)))
      continue;
    if (lists.some((l) => l.at <= at && at < l.end)) continue;
    const items = cjkItems(m[0], at);
    if (periodsFor(at, dates, items.length, true) === null) continue;
    lists.push({ at, end: at + m[0].length, items });
    paired.add(at);
  }
  if (RESPECTIVELY.test(sentence)) {
    EN_LIST.lastIndex = 0;
    for (let m = EN_LIST.exec(sentence); m; m = EN_LIST.exec(sentence)) {
      const items = [...m[0].matchAll(new RegExp(EN_N, "g"))].map((n) => ({
        start: from + m!.index + n.index!,
        end: from + m!.index + n.index! + n[0].length,
        value: parseEnglishNumber(n[0]) ?? Number.NaN,
      }));
      lists.push({ at: from + m.index, end: from + m.index + m[0].length, items });
    }
  }
  const out: ListedCount[] = [];
  for (const { at, items } of lists) {
    if (items.length < 2 || items.some((i) => !Number.isFinite(i.value))) continue;
    const periods = periodsFor(at, dates, items.length, paired.has(at));
    const ordered = paired.has(at) ? [] : distinctPlaces(places);
    items.forEach((item, k) => {
      out.push({
        ...item,
        text: text.slice(item.start, item.end),
        ...(periods ? { period: periods[k]! } : {}),
        ...(ordered.length === items.length ? { place: ordered[k]! } : {}),
      });
    });
  }
  return out;
}

interface Item {
  start: number;
  end: number;
  value: number;
}

/** The numbers of a Chinese or Korean list (`body`, at offset `at` of the text). */
function cjkItems(body: string, at: number): Item[] {
  const items: Item[] = [];
  CJK_ONE.lastIndex = 0;
  for (let n = CJK_ONE.exec(body); n; n = CJK_ONE.exec(body)) {
    const value = parseCjkNumber(n[1]!);
    const lead = n[0].length - n[0].trimStart().length;
    if (value !== null && n[0].trim() !== "")
      items.push({ start: at + n.index + lead, end: at + n.index + n[0].length, value });
  }
  return items;
}

/** The places named in the sentence, first mention of each, in order. */
function distinctPlaces(places: PlaceMention[]): PlaceMention[] {
  const seen = new Set<string>();
  return places.filter((p) => !seen.has(p.placeId) && seen.add(p.placeId));
}

/** n periods before the list: n date mentions, or one coordinated mention of n equal parts
 * ("1분기와 2분기" is two quarters; only such a mention when `coordinatedOnly`). */
function periodsFor(
  listAt: number,
  dates: DateMention[],
  n: number,
  coordinatedOnly = false,
): { from: string; to: string; text: string }[] | null {
  const before = dates.filter((d) => d.end <= listAt);
  if (before.length === n && !coordinatedOnly)
    return before.map((d) => ({ from: d.from, to: d.to, text: d.text }));
  const last = before[before.length - 1];
  if (!last) return null;
  const parts = last.text.split(DATE_JOIN).filter((p) => /[\d一二三四五六七八九十]/u.test(p));
  if (parts.length !== n) return null;
  const [fy, fm] = last.from.split("-").map(Number) as [number, number];
  const [ty, tm] = last.to.split("-").map(Number) as [number, number];
  const months = (ty - fy) * 12 + (tm - fm) + 1;
  if (months % n !== 0 || last.from.slice(8) !== "01") return null;
  if (iso(new Date(Date.UTC(ty, tm, 0))) !== last.to) return null;
  const step = months / n;
  return Array.from({ length: n }, (_, k) => ({
    from: iso(new Date(Date.UTC(fy, fm - 1 + k * step, 1))),
    to: iso(new Date(Date.UTC(fy, fm - 1 + (k + 1) * step, 0))),
    text: parts[k]!,
  }));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
