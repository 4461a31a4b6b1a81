/**
 * Dates and durations in report text. A date becomes a period (a day, a month, a part of a
 * year, a year) so a claim can be set beside the crossing data of the same period. Durations
 * ("one month", "six months", "30 days", "한 달", "一个月") are read as days.
 */
import { parseEnglishNumber } from "./quantities.js";

export interface DateMention {
  start: number;
  end: number;
  from: string;
  to: string;
  text: string;
}

export interface DurationMention {
  start: number;
  end: number;
  days: number;
  text: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthOf(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, 3)]!;
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

const QUARTERS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
};

const PARTS: Record<string, [number, number]> = {
  early: [1, 4],
  mid: [5, 8],
  late: [9, 12],
  end: [10, 12],
  beginning: [1, 3],
  start: [1, 3],
  first: [1, 6],
  second: [7, 12],
};

const EN_DATE = new RegExp(
  [
    `\\b(?<rm>${MONTH})\\s+(?<rd1>\\d{1,2})\\s*[-–]\\s*(?<rd2>\\d{1,2}),?\\s+(?<ry>(?:19|20)\\d{2})\\b`,
    `\\b(?<qn>first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\s+of\\s+(?<qy>(?:19|20)\\d{2})\\b|\\bQ(?<qd>[1-4])\\s+(?<qy2>(?:19|20)\\d{2})\\b`,
    `\\b(?<d1>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m1>${MONTH})\\s*,?\\s+(?<y1>(?:19|20)\\d{2})\\b`,
    `\\b(?<m2>${MONTH})\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y2>(?:19|20)\\d{2})\\b`,
    `\\b(?<iy>(?:19|20)\\d{2})-(?<im>\\d{2})-(?<id>\\d{2})\\b`,
    `\\b(?<part>early|mid|late|(?:the\\s+)?(?:end|beginning|start)\\s+of|(?:the\\s+)?(?:first|second)\\s+half\\s+of)[\\s-]+(?<py>(?:19|20)\\d{2})\\b`,
    `\\b(?<m3>${MONTH})\\s+(?<y3>(?:19|20)\\d{2})\\b`,
    `\\b(?:in|since|during|of|by|until|from|through)\\s+(?<y4>(?:19|20)\\d{2})\\b(?![-–]\\d)`,
    `\\b(?:in|since|during|by|until|from|last)\\s+(?<m5>(?:january|february|march|april|june|july|august|september|october|november|december))\\b(?!\\s+\\d)`,
  ].join("|"),
  "gi",
);

const CJK_DATE =
  /(?<y>(?:19|20)\d{2})\s?[年년]\s?(?:(?<m>\d{1,2})\s?[月월](?:\s?(?<d>\d{1,2})\s?[日号일])?)?/gu;

/** Dates in the text. `published` (ISO) anchors a month written without a year. */
export function findDates(
  text: string,
  from = 0,
  to = text.length,
  published: string | null = null,
): DateMention[] {
  const out: DateMention[] = [];
  const slice = text.slice(from, to);
  EN_DATE.lastIndex = 0;
  for (let m = EN_DATE.exec(slice); m; m = EN_DATE.exec(slice)) {
    const g = m.groups ?? {};
    let range: [string, string] | null = null;
    if (g.ry) {
      const y = Number(g.ry);
      const mo = monthOf(g.rm!);
      const [d1, d2] = [Number(g.rd1), Number(g.rd2)];
      if (validDay(y, mo, d1) && validDay(y, mo, d2) && d1 <= d2)
        range = [iso(y, mo, d1), iso(y, mo, d2)];
    } else if (g.qy || g.qy2) {
      const q = g.qd ? Number(g.qd) : QUARTERS[g.qn!.toLowerCase()]!;
      const y = Number(g.qy ?? g.qy2);
      range = [iso(y, q * 3 - 2, 1), iso(y, q * 3, lastDay(y, q * 3))];
    } else if (g.y1 || g.y2) {
      const y = Number(g.y1 ?? g.y2);
      const mo = monthOf(g.m1 ?? g.m2!);
      const d = Number(g.d1 ?? g.d2);
      if (validDay(y, mo, d)) range = [iso(y, mo, d), iso(y, mo, d)];
    } else if (g.iy) {
      const [y, mo, d] = [Number(g.iy), Number(g.im), Number(g.id)];
      if (validDay(y, mo, d)) range = [iso(y, mo, d), iso(y, mo, d)];
    } else if (g.part) {
      const key = /(early|mid|late|end|beginning|start|first|second)/i.exec(g.part)![1]!;
      const [a, b] = PARTS[key.toLowerCase()]!;
      const y = Number(g.py);
      range = [iso(y, a, 1), iso(y, b, lastDay(y, b))];
    } else if (g.m3) {
      const y = Number(g.y3);
      const mo = monthOf(g.m3);
      range = [iso(y, mo, 1), iso(y, mo, lastDay(y, mo))];
    } else if (g.y4) {
      const y = Number(g.y4);
      range = [iso(y, 1, 1), iso(y, 12, 31)];
    } else if (g.m5 && published) {
      // "in March" in a report published in May 2019 means March 2019; in February, March 2018.
      const py = Number(published.slice(0, 4));
      const pm = Number(published.slice(5, 7));
      const mo = monthOf(g.m5);
      const y = mo > pm ? py - 1 : py;
      range = [iso(y, mo, 1), iso(y, mo, lastDay(y, mo))];
    }
    if (!range) continue;
    // Keep only the date itself in the span ("in 2019" → "2019"), so quotes stay tight.
    const lead = g.y4 || g.m5 ? m[0].search(/\d|[A-Z]/) : 0;
    const start = from + m.index + Math.max(0, lead);
    out.push({
      start,
      end: from + m.index + m[0].length,
      from: range[0],
      to: range[1],
      text: text.slice(start, from + m.index + m[0].length),
    });
  }
  CJK_DATE.lastIndex = 0;
  for (let m = CJK_DATE.exec(slice); m; m = CJK_DATE.exec(slice)) {
    const g = m.groups ?? {};
    const y = Number(g.y);
    let range: [string, string];
    if (g.m && g.d) {
      if (!validDay(y, Number(g.m), Number(g.d))) continue;
      range = [iso(y, Number(g.m), Number(g.d)), iso(y, Number(g.m), Number(g.d))];
    } else if (g.m) {
      const mo = Number(g.m);
      if (mo < 1 || mo > 12) continue;
      range = [iso(y, mo, 1), iso(y, mo, lastDay(y, mo))];
    } else range = [iso(y, 1, 1), iso(y, 12, 31)];
    out.push({
      start: from + m.index,
      end: from + m.index + m[0].length,
      from: range[0],
      to: range[1],
      text: m[0],
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

const DURATION_UNITS: Record<string, number> = {
  day: 1,
  week: 7,
  fortnight: 14,
  month: 30,
  year: 365,
};
const EN_DURATION =
  /\b(?<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|half\s+a)[\s-]+(?<u>day|week|fortnight|month|year)s?\b(?!\s+(?:old|ago)\b)/gi;
const KO_NATIVE: Record<string, number> = {
  한: 1,
  두: 2,
  세: 3,
  네: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
  열: 10,
};
const KO_DURATION =
  /(?<!월\s?|\d)(?<n>\d{1,3}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?(?<u>달|개월|주일|주|일|년)(?![가-힣]*[월])/gu;
const ZH_DURATION =
  /(?<!\d)(?<n>\d{1,3}|[一二两三四五六七八九十半]+)(?:个|個)?(?<u>月|星期|周|天|年)(?![份底初])/gu;

function zhCount(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === "半") return 0.5;
  const map: Record<string, number> = {
    一: 1,
    二: 2,
    两: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
  };
  if (s === "十") return 10;
  if (s.length === 1) return map[s] ?? null;
  if (s.startsWith("十")) return 10 + (map[s[1]!] ?? 0);
  if (s[1] === "十") return (map[s[0]!] ?? 0) * 10 + (s[2] ? (map[s[2]] ?? 0) : 0);
  return null;
}

/** Durations in the text, in days. */
export function findDurations(text: string, from = 0, to = text.length): DurationMention[] {
  const out: DurationMention[] = [];
  const slice = text.slice(from, to);
  const push = (index: number, raw: string, days: number) =>
    out.push({ start: from + index, end: from + index + raw.length, days, text: raw });
  EN_DURATION.lastIndex = 0;
  for (let m = EN_DURATION.exec(slice); m; m = EN_DURATION.exec(slice)) {
    const n = m.groups!.n!.toLowerCase().replace(/\s+/g, " ");
    const count = n === "half a" ? 0.5 : parseEnglishNumber(n);
    if (count === null) continue;
    push(m.index, m[0], Math.round(count * DURATION_UNITS[m.groups!.u!.toLowerCase()]!));
  }
  KO_DURATION.lastIndex = 0;
  for (let m = KO_DURATION.exec(slice); m; m = KO_DURATION.exec(slice)) {
    const n = m.groups!.n!;
    const count = /^\d+$/.test(n) ? Number(n) : KO_NATIVE[n];
    const unit = m.groups!.u!;
    // Native numerals go with 달 (한 달); Sino/Arabic with 개월, 주, 일, 년.
    if (count === undefined || (unit === "달" && /^\d+$/.test(n))) continue;
    const days = { 달: 30, 개월: 30, 주일: 7, 주: 7, 일: 1, 년: 365 }[unit]!;
    push(m.index, m[0], count * days);
  }
  // "每个月", "每月", "매달": a recurring period; the period is the duration.
  const EVERY = /每(?:个|個)?(月|周|星期|年)|매(달|월|주|년)/gu;
  for (let m = EVERY.exec(slice); m; m = EVERY.exec(slice)) {
    const unit = m[1] ?? m[2]!;
    const days = { 月: 30, 周: 7, 星期: 7, 年: 365, 달: 30, 월: 30, 주: 7, 년: 365 }[unit]!;
    push(m.index, m[0], days);
  }
  ZH_DURATION.lastIndex = 0;
  for (let m = ZH_DURATION.exec(slice); m; m = ZH_DURATION.exec(slice)) {
    const count = zhCount(m.groups!.n!);
    if (count === null) continue;
    const unit = m.groups!.u!;
    // "三月" is March, not three months; a month duration needs 个 or a digit+个.
    if (unit === "月" && !/[个個]/.test(m[0])) continue;
    const days = { 月: 30, 星期: 7, 周: 7, 天: 1, 年: 365 }[unit]!;
    push(m.index, m[0], Math.round(count * days));
  }
  return out.sort((a, b) => a.start - b.start);
}
