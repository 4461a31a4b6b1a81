/**
 * Chinese and Korean dates, absolute and relative to the document's date: 2019年10月,
 * 2019년 12월 말, 今年5月, 今年底, 올해 3월까지, 지난해, 지난달 28일, 2月初, 5日, 2019년 1분기 … 2분기.
 * A quarter or day written without its year or month takes them from the nearest date before
 * it in the same text, else from the document's date.
 */
import {
  type DateMention,
  iso,
  lastDay,
  type Reference,
  shiftMonth,
  validDay,
  yearOfMonth,
} from "./date-parts.js";

const RELATIVE_YEARS: Record<string, number> = {
  今年: 0,
  本年: 0,
  去年: -1,
  前年: -2,
  明年: 1,
  올해: 0,
  // "올 연말", "올 여름": 올 is 올해 before a part of the year.
  올: 0,
  금년: 0,
  지난해: -1,
  작년: -1,
  재작년: -2,
  내년: 1,
};
const YEAR_PARTS: [RegExp, number, number][] = [
  [/上半年|상반기/, 1, 6],
  [/下半年|하반기/, 7, 12],
  [/底|末|말/, 10, 12],
  [/初|초/, 1, 3],
  [/중반/, 4, 9],
  [/春|봄/, 3, 5],
  [/夏|여름/, 6, 8],
  [/秋|가을/, 9, 11],
];
const MONTH_PARTS: [RegExp, number, number][] = [
  [/初|上旬|초|상순/, 1, 10],
  [/中旬|중순/, 11, 20],
  [/下旬|底|末|하순|말/, 21, 31],
];
const DIGIT_QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
// A day count is a duration, not a date: "10일가량", "10일간".
const NOT_A_DAY = "(?!\\s?(?:간|가량|정도|동안|이내|만에|以来|以內|以内))";
const MONTH_PART = "(?:初|中旬|下旬|上旬|底|末|초|중순|하순|상순|말)";

// Years and months in Chinese numerals, as books and official texts write them: 二○一六年
// (with ○ or 〇 or 零 for zero), 五月, 十二月.
const HAN_YEAR = "[一二三四五六七八九][〇○零一二三四五六七八九]{3}";
const HAN_MONTH = "十[一二]?|[一二三四五六七八九]";
// A part of the year after a space needs its word to end there: "올해 초", "2017년 말까지",
// not "말레이시아".
const KO_YEAR_PART = "(?:초|말|중반|봄|여름|가을)(?=$|[\\s,.。，에의은는부까께쯤경]|이후|이전)";

const CJK_DATE = new RegExp(
  [
    `(?:(?<y>(?:19|20)\\d{2})\\s?[年년]|(?<hy>${HAN_YEAR})年|(?<ry>今年(?!以来|以來)|本年|去年|前年|明年|올해(?!\\s?들어)|올(?=\\s?(?:연말|연초|상반기|하반기|여름|겨울|봄|가을))|금년|지난해|작년|재작년|내년))` +
      `(?:\\s?(?:第?(?<q>[1-4一二三四])\\s?(?:분기|季度|季(?![节節]))|(?<yp>上半年|下半年|상반기|하반기|年底|年末|年初|연말|연초|底|末|[春夏秋](?:天|季)|${KO_YEAR_PART})` +
      `|(?<m>\\d{1,2}|${HAN_MONTH})\\s?[月월](?:\\s?(?<d>\\d{1,2})\\s?[日号號일]${NOT_A_DAY})?(?<mp>\\s?${MONTH_PART})?))?`,
    `(?<rm>지난달|上个月|上個月|上月|이달|本月|这个月|這個月)(?:\\s?(?<rd>\\d{1,2})\\s?[日号號일]${NOT_A_DAY}|(?<rmp>\\s?${MONTH_PART}))?`,
    `(?<![\\d年년.])(?<m2>\\d{1,2})\\s?[月월](?:\\s?(?<d2>\\d{1,2})\\s?[日号號일]${NOT_A_DAY})?(?<mp2>\\s?${MONTH_PART})?`,
    `(?<![\\d月월.:])(?<d3>\\d{1,2})\\s?[日일]${NOT_A_DAY}`,
    `(?<![\\d년年])(?<qo>[1-4])\\s?분기|第(?<qo2>[1-4一二三四])(?:季度|季(?![节節]))`,
    `(?<oy>올(?:해)?\\s?들어|今年以来|今年以來|年初以来|연초)`,
    // "3년 전", "两年前": a year counted back from the document's.
    `(?<![\\d년年])(?<ago>\\d{1,2}|[一两兩二三四五六七八九十]|한|두|세|네|다섯)\\s?(?:년|해|年)\\s?(?:전|前)(?=$|[\\s,.，。에부까의]|后|後)`,
  ].join("|"),
  "gu",
);

const HAN_DIGIT = "〇一二三四五六七八九";
const KO_NATIVE_COUNT: Record<string, number> = {
  한: 1,
  두: 2,
  세: 3,
  네: 4,
  다섯: 5,
  两: 2,
  兩: 2,
};

/** "二○一六" → 2016: digit by digit, with ○, 〇 or 零 for zero. */
function hanYear(s: string): number {
  return Number([...s].map((c) => (/[○零]/.test(c) ? 0 : HAN_DIGIT.indexOf(c))).join(""));
}

/** "5" → 5, "十二" → 12. */
function monthNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const tens = s.startsWith("十") ? 10 : 0;
  const unit = s.replace("十", "");
  return tens + (unit === "" ? 0 : HAN_DIGIT.indexOf(unit));
}

function partOf(
  parts: [RegExp, number, number][],
  word: string | undefined,
): [number, number] | null {
  if (!word) return null;
  const p = parts.find(([re]) => re.test(word));
  return p ? [p[1], p[2]] : null;
}

function monthPeriod(y: number, m: number, d: string | undefined, part: string | undefined) {
  if (m < 1 || m > 12) return null;
  if (d) {
    const day = Number(d);
    return validDay(y, m, day) ? [iso(y, m, day), iso(y, m, day)] : null;
  }
  const p = partOf(MONTH_PARTS, part);
  if (p) return [iso(y, m, p[0]), iso(y, m, Math.min(p[1], lastDay(y, m)))];
  return [iso(y, m, 1), iso(y, m, lastDay(y, m))];
}

/** Dates written in Chinese or Korean in `slice`, with offsets into it. */
export function findCjkDates(slice: string, ref: Reference): DateMention[] {
  const out: DateMention[] = [];
  let lastYear = ref?.y ?? null;
  CJK_DATE.lastIndex = 0;
  for (let m = CJK_DATE.exec(slice); m; m = CJK_DATE.exec(slice)) {
    const g = m.groups ?? {};
    let period: string[] | null = null;
    if (g.y || g.hy || g.ry) {
      if (g.ry && !ref) continue;
      const y = g.y ? Number(g.y) : g.hy ? hanYear(g.hy) : ref!.y + RELATIVE_YEARS[g.ry!]!;
      lastYear = y;
      if (g.q) {
        const q = DIGIT_QUARTER[g.q] ?? Number(g.q);
        period = [iso(y, q * 3 - 2, 1), iso(y, q * 3, lastDay(y, q * 3))];
      } else if (g.m) period = monthPeriod(y, monthNumber(g.m), g.d, g.mp);
      else {
        const p = partOf(YEAR_PARTS, g.yp) ?? [1, 12];
        period = [iso(y, p[0], 1), iso(y, p[1], lastDay(y, p[1]))];
      }
    } else if (g.rm && ref) {
      const [y, mo] = shiftMonth(ref, /지난달|上/.test(g.rm) ? -1 : 0);
      period = monthPeriod(y, mo, g.rd, g.rmp);
    } else if (g.m2 && ref) {
      period = monthPeriod(yearOfMonth(Number(g.m2), ref), Number(g.m2), g.d2, g.mp2);
    } else if (g.d3 && ref) {
      // A bare day is in the document's month, or the month before if it has not come yet.
      const day = Number(g.d3);
      const [y, mo] = day <= ref.d ? [ref.y, ref.m] : shiftMonth(ref, -1);
      if (validDay(y, mo, day)) period = [iso(y, mo, day), iso(y, mo, day)];
    } else if ((g.qo || g.qo2) && lastYear !== null) {
      // "2분기", "第二季": a quarter of the year named last.
      const q = g.qo ? Number(g.qo) : (DIGIT_QUARTER[g.qo2!] ?? Number(g.qo2));
      period = [iso(lastYear, q * 3 - 2, 1), iso(lastYear, q * 3, lastDay(lastYear, q * 3))];
    } else if (g.ago && ref) {
      const back = /^\d+$/.test(g.ago)
        ? Number(g.ago)
        : (KO_NATIVE_COUNT[g.ago] ?? monthNumber(g.ago));
      period = [iso(ref.y - back, 1, 1), iso(ref.y - back, 12, 31)];
    } else if (g.oy && ref) {
      period = /연초/.test(g.oy)
        ? [iso(ref.y, 1, 1), iso(ref.y, 3, 31)]
        : [iso(ref.y, 1, 1), iso(ref.y, ref.m, ref.d)];
    }
    if (!period) continue;
    const text = m[0].trimEnd();
    out.push({
      start: m.index,
      end: m.index + text.length,
      from: period[0]!,
      to: period[1]!,
      text,
    });
  }
  return out;
}
