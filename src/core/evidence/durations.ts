/**
 * Durations in report text, in days: "one month", "six months", "30 days", "한 달", "一个月",
 * and recurring periods ("每个月", "매달") read as their length. A month is 30 days and a year
 * 360, twelve such months, so "one year" and "12 months" state the same term.
 */
import { KO_NATIVE_NUMBERS, parseCjkNumber, parseEnglishNumber } from "./quantities.js";

export interface DurationMention {
  start: number;
  end: number;
  days: number;
  text: string;
}

const DURATION_UNITS: Record<string, number> = {
  day: 1,
  week: 7,
  fortnight: 14,
  month: 30,
  year: 360,
};
const EN_DURATION =
  /\b(?<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|half\s+a)[\s-]+(?<u>day|week|fortnight|month|year)s?\b(?!\s+(?:old|ago)\b)/gi;
// "20일" alone is a date (the 20th) in Korean news; as a length of time it has a word for
// duration after it ("20일간", "30일 동안", "120일 내", "90일짜리", "30일 체류", "30일을 넘지 않는다").
const KO_DURATION =
  /(?<!월\s?|\d)(?<n>\d{1,3}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?(?<u>달|개월|주일|주|일(?=\s?(?:간|동안|가량|정도|이내|내에?\s|안에|만에|짜리|씩|마다|이상|체류|비자|(?:을|를)\s?(?:넘지|초과)))|년)(?![가-힣]*[월])/gu;
const ZH_DURATION =
  /(?<!\d)(?<n>\d{1,3}|[一二两三四五六七八九十半]+)(?:个|個)?(?<u>月|星期|周|天|年)(?![份底初])/gu;

function zhCount(s: string): number | null {
  return s === "半" ? 0.5 : parseCjkNumber(s);
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
    const count = /^\d+$/.test(n) ? Number(n) : KO_NATIVE_NUMBERS[n];
    const unit = m.groups!.u!;
    // Native numerals go with 달 (한 달); Sino/Arabic with 개월, 주, 일, 년.
    if (count === undefined || (unit === "달" && /^\d+$/.test(n))) continue;
    const days = { 달: 30, 개월: 30, 주일: 7, 주: 7, 일: 1, 년: 360 }[unit]!;
    push(m.index, m[0], count * days);
  }
  // "每个月", "매달", "every month", "monthly": a recurring period; the period is the duration.
  const EVERY =
    /每(?:个|個)?(月|周|星期|年)|매(달|월|주|년)|\b(?:every|each)\s+(month|week|year)\b|\b(month|week|year)ly\b/giu;
  const RECUR: Record<string, number> = {
    月: 30,
    周: 7,
    星期: 7,
    年: 360,
    달: 30,
    월: 30,
    주: 7,
    년: 360,
    month: 30,
    week: 7,
    year: 360,
  };
  for (let m = EVERY.exec(slice); m; m = EVERY.exec(slice)) {
    const unit = (m[1] ?? m[2] ?? m[3] ?? m[4]!).toLowerCase();
    push(m.index, m[0], RECUR[unit]!);
  }
  ZH_DURATION.lastIndex = 0;
  for (let m = ZH_DURATION.exec(slice); m; m = ZH_DURATION.exec(slice)) {
    const count = zhCount(m.groups!.n!);
    if (count === null) continue;
    const unit = m.groups!.u!;
    // "三月" is March, not three months; a month duration needs 个 or a digit+个.
    if (unit === "月" && !/[个個]/.test(m[0])) continue;
    const days = { 月: 30, 星期: 7, 周: 7, 天: 1, 年: 360 }[unit]!;
    push(m.index, m[0], Math.round(count * days));
  }
  return out.sort((a, b) => a.start - b.start);
}
