/**
 * Dates and durations in durations.ts's sense of "the time a claim is about". A date becomes a
 * period (a day, a month, a part of a month or year, a quarter, a year) so a claim can be set
 * beside the crossing data of the same period. Dates without a year, and relative ones ("last
 * year", 今年5月, 올해 3월까지, 지난달 28일), are resolved against the document's own date.
 * English month and day forms go through chrono-node; parts of years, quarters and the Chinese
 * and Korean forms are read here (chrono-node's Chinese parser reads "今年5月" as "年5月" and
 * has no Korean).
 */
import * as chrono from "chrono-node";
import { findCjkDates } from "./cjk-dates.js";
import {
  type DateMention,
  iso,
  lastDay,
  monthOf,
  parseReference,
  type Reference,
  validDay,
  yearOfMonth,
} from "./date-parts.js";
import { parseEnglishNumber } from "./quantities.js";

export type { DateMention } from "./date-parts.js";

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const FULL_MONTH =
  "(?:january|february|march|april|may|june|july|august|september|october|november|december)";

const SEASONS: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9 };

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

// Parts of a year as months, and of a month as days ("first" and "second" halves are of
// years only): part → [first month, last month, first day, last day].
const PARTS: Record<string, [number, number, number, number]> = {
  early: [1, 4, 1, 10],
  beginning: [1, 3, 1, 10],
  start: [1, 3, 1, 10],
  mid: [5, 8, 11, 20],
  late: [9, 12, 21, 31],
  end: [10, 12, 21, 31],
  first: [1, 6, 0, 0],
  second: [7, 12, 0, 0],
  // "the last half of 2019", "the latter half of this year": the second half.
  last: [7, 12, 0, 0],
  latter: [7, 12, 0, 0],
};

const EN_DATE = new RegExp(
  [
    `\\b(?<rm>${MONTH})\\s+(?<rd1>\\d{1,2})\\s*[-–]\\s*(?<rd2>\\d{1,2}),?\\s+(?<ry>(?:19|20)\\d{2})\\b`,
    `\\b(?<qn>first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\s+of\\s+(?<qy>(?:19|20)\\d{2})\\b|\\bQ(?<qd>[1-4])\\s+(?<qy2>(?:19|20)\\d{2})\\b`,
    `\\b(?<d1>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m1>${MONTH})\\s*,?\\s+(?<y1>(?:19|20)\\d{2})\\b`,
    `\\b(?<m2>${MONTH})\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y2>(?:19|20)\\d{2})\\b`,
    `\\b(?<iy>(?:19|20)\\d{2})-(?<im>\\d{2})-(?<id>\\d{2})\\b`,
    `\\b(?<part>early|mid|late|(?:the\\s+)?(?:end|beginning|start)\\s+of|(?:the\\s+)?(?:first|second|last|latter)\\s+half\\s+of)[\\s-]+(?<py>(?:19|20)\\d{2})\\b`,
    `\\b(?<mpart>early|mid|late|(?:the\\s+)?(?:end|beginning|start)\\s+of)[\\s-]+(?<mp>${FULL_MONTH})\\b(?!\\s+\\d)`,
    `\\b(?<m3>${MONTH})\\s+(?<y3>(?:19|20)\\d{2})\\b`,
    `\\b(?:in|since|during|of|by|until|from|through|throughout)\\s+(?<y4>(?:19|20)\\d{2})\\b(?![-–]\\d)`,
    `\\b(?<rpart>early|mid|late|(?:the\\s+)?(?:end|beginning|start)\\s+of|(?:the\\s+)?(?:first|second|last|latter)\\s+half\\s+of)[\\s-]+(?<rpy>last|this|next|the)\\s+year\\b`,
    `\\b(?<earlier>earlier\\s+this\\s+year|so\\s+far\\s+this\\s+year|since\\s+the\\s+(?:start|beginning)\\s+of\\s+(?:the|this)\\s+year)\\b`,
    `\\b(?<rel>last|this|next|the\\s+previous|the\\s+past)\\s+(?<relu>year|month)\\b`,
    `\\b(?:the\\s+)?(?<season>spring|summer|autumn|fall)\\s+(?:of\\s+)?(?<sy>(?:19|20)\\d{2})\\b|\\b(?<srel>last|this|next)\\s+(?<season2>spring|summer|autumn|fall)\\b`,
    `\\b(?<ago>a|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+years?\\s+ago\\b`,
    `\\b(?:in|since|during|by|until|from|last)\\s+(?<m5>${FULL_MONTH})(?:\\s+(?:and|to|through|or)\\s+(?<m5b>${FULL_MONTH}))?\\b(?!\\s+\\d)`,
    `\\b(?:the\\s+)?(?<fhead>first|last)\\s+(?<fn>two|three|four|five|six|seven|eight|nine|ten|eleven|\\d{1,2})\\s+months\\s+of\\s+(?:(?<fy>(?:19|20)\\d{2})|(?<frel>the|this|last)\\s+year)\\b`,
  ].join("|"),
  "gi",
);

/** One English regex match as a period, or null when it names no valid date. */
function englishPeriod(
  g: Record<string, string | undefined>,
  ref: Reference,
): [string, string] | null {
  if (g.ry) {
    const y = Number(g.ry);
    const mo = monthOf(g.rm!);
    const [d1, d2] = [Number(g.rd1), Number(g.rd2)];
    return validDay(y, mo, d1) && validDay(y, mo, d2) && d1 <= d2
      ? [iso(y, mo, d1), iso(y, mo, d2)]
      : null;
  }
  if (g.qy || g.qy2) {
    const q = g.qd ? Number(g.qd) : QUARTERS[g.qn!.toLowerCase()]!;
    const y = Number(g.qy ?? g.qy2);
    return [iso(y, q * 3 - 2, 1), iso(y, q * 3, lastDay(y, q * 3))];
  }
  if (g.y1 || g.y2) {
    const y = Number(g.y1 ?? g.y2);
    const mo = monthOf(g.m1 ?? g.m2!);
    const d = Number(g.d1 ?? g.d2);
    return validDay(y, mo, d) ? [iso(y, mo, d), iso(y, mo, d)] : null;
  }
  if (g.iy) {
    const [y, mo, d] = [Number(g.iy), Number(g.im), Number(g.id)];
    return validDay(y, mo, d) ? [iso(y, mo, d), iso(y, mo, d)] : null;
  }
  if (g.part) {
    const key = /(early|mid|latter|late|end|beginning|start|first|second|last)/i.exec(g.part)![1]!;
    const [a, b] = PARTS[key.toLowerCase()]!;
    const y = Number(g.py);
    return [iso(y, a, 1), iso(y, b, lastDay(y, b))];
  }
  if (g.mpart && ref) {
    const key = /(early|mid|late|end|beginning|start)/i.exec(g.mpart)![1]!.toLowerCase();
    const mo = monthOf(g.mp!);
    const y = yearOfMonth(mo, ref);
    const [, , a, b] = PARTS[key]!;
    return [iso(y, mo, a), iso(y, mo, Math.min(b, lastDay(y, mo)))];
  }
  if (g.m3) {
    const y = Number(g.y3);
    const mo = monthOf(g.m3);
    return [iso(y, mo, 1), iso(y, mo, lastDay(y, mo))];
  }
  if (g.y4) {
    const y = Number(g.y4);
    return [iso(y, 1, 1), iso(y, 12, 31)];
  }
  if (g.rpart && ref) {
    // "late last year", "the first half of this year": a part of a year named relatively.
    const key = /(early|mid|latter|late|end|beginning|start|first|second|last)/i.exec(g.rpart)![1]!;
    const [a, b] = PARTS[key.toLowerCase()]!;
    const y = ref.y + (/last/i.test(g.rpy!) ? -1 : /next/i.test(g.rpy!) ? 1 : 0);
    return [iso(y, a, 1), iso(y, b, lastDay(y, b))];
  }
  if (g.earlier && ref) return [iso(ref.y, 1, 1), iso(ref.y, ref.m, ref.d)];
  if (g.rel && ref) {
    const shift = /last|previous|past/i.test(g.rel) ? -1 : /next/i.test(g.rel) ? 1 : 0;
    if (/year/i.test(g.relu!)) return [iso(ref.y + shift, 1, 1), iso(ref.y + shift, 12, 31)];
    const m0 = ref.y * 12 + ref.m - 1 + shift;
    const [y, mo] = [Math.floor(m0 / 12), (m0 % 12) + 1];
    return [iso(y, mo, 1), iso(y, mo, lastDay(y, mo))];
  }
  if (g.season || (g.season2 && ref)) {
    // Spring is March to May, summer June to August, autumn September to November (winter
    // spans two years and is left unread).
    const first = SEASONS[(g.season ?? g.season2)!.toLowerCase()]!;
    const shift = /last/i.test(g.srel ?? "") ? -1 : /next/i.test(g.srel ?? "") ? 1 : 0;
    const y = g.sy ? Number(g.sy) : ref!.y + shift;
    return [iso(y, first, 1), iso(y, first + 2, lastDay(y, first + 2))];
  }
  if (g.ago && ref) {
    const back = /^\d+$/.test(g.ago)
      ? Number(g.ago)
      : (parseEnglishNumber(g.ago.replace(/^a$/i, "one")) ?? 0);
    return [iso(ref.y - back, 1, 1), iso(ref.y - back, 12, 31)];
  }
  if (g.m5 && ref) {
    // "in March" in a report published in May 2019 means March 2019; in February, March 2018.
    // "in April and May" is both months.
    const mo = monthOf(g.m5);
    const y = yearOfMonth(mo, ref);
    const mb = g.m5b ? monthOf(g.m5b) : mo;
    return mb >= mo ? [iso(y, mo, 1), iso(y, mb, lastDay(y, mb))] : null;
  }
  if (g.fn && (g.fy || ref)) {
    // "the first three months of the year", "the last two months of 2019".
    const n = /^\d+$/.test(g.fn) ? Number(g.fn) : (parseEnglishNumber(g.fn) ?? 0);
    const y = g.fy ? Number(g.fy) : ref!.y - (/last/i.test(g.frel ?? "") ? 1 : 0);
    if (n < 1 || n > 12) return null;
    const [a, b] = /first/i.test(g.fhead!) ? [1, n] : [13 - n, 12];
    return [iso(y, a, 1), iso(y, b, lastDay(y, b))];
  }
  return null;
}

function englishDates(slice: string, ref: Reference): DateMention[] {
  const out: DateMention[] = [];
  EN_DATE.lastIndex = 0;
  for (let m = EN_DATE.exec(slice); m; m = EN_DATE.exec(slice)) {
    const g = m.groups ?? {};
    const range = englishPeriod(g, ref);
    if (!range) continue;
    // Keep only the date itself in the span ("in 2019" → "2019"), so quotes stay tight.
    const lead = g.y4 || g.m5 ? Math.max(0, m[0].search(/\d|[A-Z]/)) : 0;
    const start = m.index + lead;
    const end = m.index + m[0].length;
    out.push({ start, end, from: range[0], to: range[1], text: slice.slice(start, end) });
  }
  return out;
}

const WEEKDAY_OR_TIME =
  /^(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)|^(?:today|tonight|now|yesterday|tomorrow)|^\d{1,2}[:.]\d{2}/i;

/** Month and day forms chrono-node reads ("Dec. 22", "December 23rd", "Aug 28"); a missing
 * year comes from the document's date. */
// chrono-node is the slowest reader here, and the regexes above read every form it would
// except a month and day without a year ("Dec. 22", "December 23rd", "the 5th of May").
const MONTH_DAY =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

function chronoDates(slice: string, ref: Reference): DateMention[] {
  const out: DateMention[] = [];
  if (!MONTH_DAY.test(slice)) return out;
  const instant = ref
    ? new Date(Date.UTC(ref.y, ref.m - 1, ref.d))
    : new Date(Date.UTC(2000, 0, 1));
  for (const r of chrono.en.parse(betweenAsFrom(slice), { instant, timezone: 0 })) {
    if (WEEKDAY_OR_TIME.test(r.text) || !r.start.isCertain("month")) continue;
    const mo = r.start.get("month")!;
    let y = r.start.get("year")!;
    if (!r.start.isCertain("year")) {
      if (!ref) continue;
      y = yearOfMonth(mo, ref);
    }
    const day = r.start.isCertain("day") ? r.start.get("day")! : null;
    if (day !== null && !validDay(y, mo, day)) continue;
    const from = iso(y, mo, day ?? 1);
    let to = iso(y, mo, day ?? lastDay(y, mo));
    const e = r.end;
    if (e?.isCertain("month")) {
      const ey = e.isCertain("year") ? e.get("year")! : y;
      const em = e.get("month")!;
      const ed = e.isCertain("day") ? e.get("day")! : lastDay(ey, em);
      if (validDay(ey, em, ed) && iso(ey, em, ed) >= from) to = iso(ey, em, ed);
    }
    const end = r.index + r.text.length;
    out.push({ start: r.index, end, from, to, text: slice.slice(r.index, end) });
  }
  return out;
}

// "between 11 and 14 January 2024", "between January 11 and 14": one period, which chrono-node
// reads when it is written "from … to …".
const BETWEEN_DAYS =
  /\bbetween(\s+(?:\d{1,2}(?:st|nd|rd|th)?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)\s+)and\b/gi;

/** The slice with "between A and B" written "from A to B", every index kept. */
function betweenAsFrom(slice: string): string {
  return slice.replace(BETWEEN_DAYS, (_, mid: string) => `from   ${mid}to `);
}

// Words between two dates that make them one period: "from A to B", "A부터 B까지", "A到B".
const RANGE_JOINER =
  /^\s*(?:to|through|until|and|-|–|—|~|～|至|到|和|与|與|及|부터|에서|과|와|から)\s*$/i;

/** Overlapping mentions: the longest wins. Adjacent ones joined by "to", 부터, 到 … become one. */
function resolve(mentions: DateMention[], slice: string): DateMention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateMention[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) kept[kept.length - 1] = m;
      continue;
    }
    kept.push(m);
  }
  const out: DateMention[] = [];
  for (const m of kept) {
    const prev = out[out.length - 1];
    if (prev && RANGE_JOINER.test(slice.slice(prev.end, m.start)) && prev.from <= m.to) {
      out[out.length - 1] = {
        start: prev.start,
        end: m.end,
        from: prev.from,
        to: m.to,
        text: slice.slice(prev.start, m.end),
      };
      continue;
    }
    out.push(m);
  }
  return out;
}

/** Dates in text[from, to). `published` (ISO, or YYYY-MM) anchors dates without a year and
 * relative ones; without it they are left out. */
export function findDates(
  text: string,
  from = 0,
  to = text.length,
  published: string | null = null,
): DateMention[] {
  return findDatesFrom(text, from, to, parseReference(published));
}

/** `findDates` with the reference date already parsed (once per document, not per sentence). */
export function findDatesFrom(
  text: string,
  from: number,
  to: number,
  ref: Reference,
): DateMention[] {
  const slice = text.slice(from, to);
  // Each reader runs only where its material occurs (digits, month words, CJK date words).
  const latin = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|year|month)/i.test(slice);
  const all = [
    ...(latin ? englishDates(slice, ref) : []),
    ...(latin ? chronoDates(slice, ref) : []),
    ...(/[年년月월日일해]|분기|季度|올\s?들어|연초|연말|상반기|하반기|올\s?(?:여름|겨울|봄|가을)|지난달|上个?月|上個月|이달|本月|这个月|這個月/u.test(
      slice,
    )
      ? findCjkDates(slice, ref)
      : []),
  ];
  return resolve(all, slice).map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
}
