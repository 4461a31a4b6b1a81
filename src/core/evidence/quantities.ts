/**
 * Numbers as news reports write them, with their hedges: "some 2,000", "more than 100",
 * "2,000–3,000", "hundreds of", "two thousand", "6,500명", "2천여 명", "2000多名", "数百名".
 * Each quantity keeps its UTF-16 span so a claim can quote it.
 */
import type { Qualifier } from "./claim.js";

export interface Quantity {
  start: number;
  end: number;
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
  text: string;
}

const UNITS: Record<string, number> = {
  zero: 0,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const WORD =
  "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)\\b";
const WORD_NUMBER = `(?:(?:a|an)\\s+)?${WORD}(?:(?:\\s+|-)(?:and\\s+)?${WORD})*(?:\\s+dozen)?|a\\s+dozen|half\\s+a\\s+dozen`;
const DIGIT_NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
// "23-thousand" and "23 thousand" are one number.
const DIGIT_SCALED = `(?:${DIGIT_NUMBER})(?:[\\s-]*(?:million|thousand|hundred))?`;
const NUMBER = `${DIGIT_SCALED}|${WORD_NUMBER}`;

// Vague quantities and the range we read them as (documented in docs/evidence.md).
const VAGUE: [RegExp, number, number][] = [
  [/^hundreds\s+of\s+thousands(?:\s+of)?$/i, 200_000, 999_999],
  [/^tens\s+of\s+thousands(?:\s+of)?$/i, 20_000, 99_999],
  [/^(?:several|a\s+few)\s+thousand$|^thousands(?:\s+of)?$/i, 2_000, 9_999],
  [/^(?:several|a\s+few)\s+hundred$|^hundreds(?:\s+of)?$/i, 200, 999],
  [/^(?:(?:several|a\s+few)\s+)?dozens?(?:\s+of)?$/i, 24, 99],
  // A score is twenty: "scores of" is at least two score and fewer than a hundred.
  [/^scores(?:\s+of)?$/i, 40, 99],
];
const VAGUE_RE =
  "(?:hundreds|tens)\\s+of\\s+thousands(?:\\s+of)?|(?:several|a\\s+few)\\s+dozen|(?:several|a\\s+few)\\s+(?:thousand|hundred)|thousands\\s+of|hundreds\\s+of|(?:several\\s+)?dozens\\s+of|scores\\s+of";

const AT_LEAST =
  "exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|more\\s+than|at\\s+least|over|upwards\\s+of|no\\s+fewer\\s+than|no\\s+less\\s+than|just\\s+over|well\\s+over|in\\s+excess\\s+of";
const AT_MOST =
  "up\\s+to|as\\s+many\\s+as|fewer\\s+than|less\\s+than|under|just\\s+under|no\\s+more\\s+than|at\\s+most";
const APPROX =
  "some|about|around|roughly|approximately|approx\\.|nearly|almost|close\\s+to|an\\s+estimated|estimated|an\\s+approximate|perhaps";

const EN_RE = new RegExp(
  `\\b(?:(?<q>${AT_LEAST}|${AT_MOST}|${APPROX})\\s+)?(?:` +
    `between\\s+(?<b1>${NUMBER})\\s+and\\s+(?<b2>${NUMBER})` +
    `|(?<r1>${DIGIT_SCALED})\\s*(?:-|–|—|to)\\s*(?<r2>${DIGIT_SCALED})` +
    `|(?<w1>${WORD_NUMBER})\\s+(?:to|or)\\s+(?<w2>${WORD_NUMBER})` +
    `|(?<vague>${VAGUE_RE})` +
    `|(?<n>${NUMBER})(?:(?<plus>\\+|\\s+or\\s+more|-plus)|(?<odd>-odd))?` +
    ")(?![\\w,]*\\d)",
  "giu",
);

/** Value of one English number ("6,500", "1.5 million", "two thousand five hundred"). */
export function parseEnglishNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, " ");
  const digit =
    /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:[\s-]*(million|thousand|hundred))?$/.exec(s);
  if (digit) {
    const n = Number(digit[1]!.replaceAll(",", ""));
    return digit[2] ? n * SCALES[digit[2]]! : n;
  }
  if (s === "a dozen") return 12;
  if (s === "half a dozen") return 6;
  const dozen = /^(.+)\s+dozen$/.exec(s);
  if (dozen) {
    const n = parseEnglishNumber(dozen[1]!);
    return n === null ? null : n * 12;
  }
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of s.split(/[\s-]+/)) {
    if (w === "and") continue;
    if (w in UNITS) {
      // A word joins the part below a hundred only after a round ten ("twenty-four"): "twenty-four
      // seven" (around the clock) and "twelve five" are no number.
      const below = current % 100;
      if (below !== 0 && (UNITS[w]! >= 10 || below < 20 || below % 10 !== 0)) return null;
      current += UNITS[w]!;
      seen = true;
    } else if (w in SCALES) {
      const scale = SCALES[w]!;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      seen = true;
    } else return null;
  }
  return seen ? total + current : null;
}

function qualifierOf(q: string | undefined): Qualifier {
  if (!q) return "exact";
  const s = q.toLowerCase().replace(/\s+/g, " ");
  if (new RegExp(`^(?:${AT_LEAST})$`, "i").test(s)) return "at_least";
  if (new RegExp(`^(?:${AT_MOST})$`, "i").test(s)) return "at_most";
  return "approx";
}

// Whether a text can hold an English quantity at all: the full reader is slow on long reports.
const MAY_HOLD_NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|scores|tens|several|few)\b/i;

/** Quantities written in English between `from` and `to`. */
export function findEnglishQuantities(text: string, from = 0, to = text.length): Quantity[] {
  const out: Quantity[] = [];
  const slice = text.slice(from, to);
  if (!MAY_HOLD_NUMBER.test(slice)) return out;
  EN_RE.lastIndex = 0;
  for (let m = EN_RE.exec(slice); m; m = EN_RE.exec(slice)) {
    const g = m.groups ?? {};
    const start = from + m.index;
    const end = start + m[0].length;
    const base = { start, end, text: m[0] };
    // "at the end of 2017 to 11,490": a year is not the low end of a range; read on from the
    // number after it.
    if (g.r1 && /^(?:19|20)\d{2}$/.test(g.r1) && !/^(?:19|20)\d{2}$/.test(g.r2!)) {
      EN_RE.lastIndex = m.index + m[0].lastIndexOf(g.r2!);
      continue;
    }
    if (g.b1 || g.r1 || g.w1) {
      const raw1 = g.b1 ?? g.r1 ?? g.w1!;
      const lo = parseEnglishNumber(raw1);
      const hi = parseEnglishNumber(g.b2 ?? g.r2 ?? g.w2!);
      if (lo === null || hi === null) continue;
      // "decreased from 34,000 to 11,000": a fall names two figures, not a range; each is read.
      if (hi < lo) {
        const at = m[0].indexOf(raw1);
        out.push({
          start: start + at,
          end: start + at + raw1.length,
          text: raw1,
          min: lo,
          max: lo,
          qualifier: "exact",
        });
        EN_RE.lastIndex = m.index + m[0].lastIndexOf(g.b2 ?? g.r2 ?? g.w2!);
        continue;
      }
      // "2-3,000" means 2,000–3,000 and "12–15 thousand" 12,000–15,000: the high end's scale
      // is shared when the low end has none; "20 to 50" stays as written.
      const scale = /(million|thousand|hundred)$/i.exec((g.r2 ?? g.b2 ?? "").trim())?.[1];
      const shared = scale && !/[a-z]$/i.test(raw1.trim()) ? SCALES[scale.toLowerCase()]! : 1;
      const lo2 =
        shared > 1 && lo * shared <= hi
          ? lo * shared
          : lo < 10 && hi >= 1000 && !/,/.test(raw1)
            ? lo * 1000
            : lo;
      out.push({ ...base, min: lo2, max: hi, qualifier: "range" });
      continue;
    }
    if (g.vague) {
      const v = VAGUE.find(([re]) => re.test(g.vague!.trim().replace(/\s+/g, " ")));
      if (v) out.push({ ...base, min: v[1], max: v[2], qualifier: "vague" });
      continue;
    }
    const n = parseEnglishNumber(g.n!);
    if (n === null) continue;
    // Bare "a"/"an"/"one" are articles far more often than counts.
    if (/^(?:a|an)$/i.test(g.n!.trim())) continue;
    let qualifier = qualifierOf(g.q);
    if (g.plus) qualifier = "at_least";
    if (g.odd) qualifier = "approx";
    out.push({
      ...base,
      min: qualifier === "at_most" ? null : n,
      max: qualifier === "at_least" ? null : n,
      qualifier,
    });
  }
  return out;
}

// --- Chinese and Korean ---------------------------------------------------------------------

const CJK_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CJK_UNITS: Record<string, number> = {
  十: 10,
  百: 100,
  千: 1000,
  십: 10,
  백: 100,
  천: 1000,
};
const CJK_MYRIAD: Record<string, number> = { 万: 10_000, 萬: 10_000, 만: 10_000, 亿: 1e8, 억: 1e8 };

/** "六千五百" → 6500, "1.2万" → 12000, "2천" → 2000, "1만 2천" → 12000. */
export function parseCjkNumber(raw: string): number | null {
  const s = raw.replace(/[\s,]/g, "");
  if (s === "") return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let i = 0;
  let seen = false;
  while (i < s.length) {
    const num = /^\d+(?:\.\d+)?/.exec(s.slice(i));
    if (num) {
      digit = Number(num[0]);
      i += num[0].length;
      seen = true;
      continue;
    }
    const ch = s[i]!;
    if (ch in CJK_DIGITS) {
      digit = CJK_DIGITS[ch]!;
      seen = true;
    } else if (ch in CJK_UNITS) {
      section += (digit ?? 1) * CJK_UNITS[ch]!;
      digit = null;
      seen = true;
    } else if (ch in CJK_MYRIAD) {
      total += (section + (digit ?? 0) || 1) * CJK_MYRIAD[ch]!;
      section = 0;
      digit = null;
      seen = true;
    } else return null;
    i++;
  }
  return seen ? Math.round(total + section + (digit ?? 0)) : null;
}

// Digits may carry their units in turn: "2千5百" is 2,500.
const ZH_NUM = "(?:\\d[\\d.,]*[万萬千百])+\\d*|\\d[\\d.,]*|[零〇一二两兩三四五六七八九十百千万萬]+";
// Two neighbouring digits before a unit are a range: 两三百 is 200–300, 三四千 3,000–4,000.
const ZH_ADJACENT = "一两|一兩|两三|兩三|二三|三四|四五|五六|六七|七八|八九";
// What may follow a Chinese count of people: a classifier (名, 人), a people noun, or a noun
// phrase of a few modifiers headed by a worker noun, after an optional classifier (个, 位):
// "数万俄罗斯朝鲜工人", "二十几个工友"; after 数以千计 (a figure used as an adjective) a longer
// phrase headed by 人员: "數以千計技術高超的資訊科技人員".
const ZH_PEOPLE_AHEAD =
  "(?=名|人|劳工|勞工|工人|员工|員工|劳务|勞務|女工|劳动者|勞動者|朝鲜|朝鮮|北韩|北韓|疑似|(?:个|個|位)?[^\\s\\d，。,、；;：:（）()]{0,6}?(?:工人|劳工|勞工|工友|员工|員工|人力|渔工|漁工)|(?<=(?:数以|數以)[十百千万萬]+(?:计|計))[^\\s\\d，。,、；;：:（）()]{0,10}?(?:人员|人員))";
const ZH_RE = new RegExp(
  `(?<q>(?:最多|至多|最高)(?:可以|可能|将|將|会|會|能)?(?:达到|達到|达|達|为|為)|大约有|约有|大約有|大约为|大約為|约为|約為|大约|大約|约|約|将近|將近|接近|近|超过|超過|逾|至少有|至少|最多达|最多達|多达|多達|高达|高達|最多|上|不少于|不少於|不到|不足|达|達)?\\s?` +
    `(?:(?<vague>数以|數以|数|數|几|幾)(?<vunit>[十百千万萬][万萬]?)(?:计|計)?|(?<teen>十)(?:几|幾)(?=名|人)|(?<tens>[二三四五六七八九])十(?:几|幾)|(?<adj>${ZH_ADJACENT})(?<aunit>[十百千万萬])|(?<r1>${ZH_NUM})(?:名|人)?(?:至|到|~|～|∼|〜|-|—|–)(?<r2>${ZH_NUM})|(?<n>${ZH_NUM}))` +
    `(?<more>多|余|餘)?\\s?${ZH_PEOPLE_AHEAD}(?:名|人)?(?<post>以上|以下|左右)?`,
  "gu",
);
// A Chinese count written after its noun: "朝鲜人超过十万", "勞工人數共17萬".
const ZH_NOUN_FIRST = new RegExp(
  `(?:朝鲜人|朝鮮人|北韩人|北韓人|(?:朝鲜|朝鮮|北韩|北韓)居民|劳工|勞工|工人|员工|員工)(?:人数|人數)?(?<q>共|总计|總計|约为|約為|约|約|超过|超過|逾|已达|已達|达|達|近|接近)\\s?(?<n>${ZH_NUM})(?![\\d.,名人万萬千])`,
  "gu",
);
// A bare count of tens of thousands before 在 + a place, in a list about workers: "这10万名劳工中,
// 约8万在中国,3万在俄罗斯".
const ZH_BARE_MYRIAD = /(?<q>大约|大約|约|約|近|超过|超過)?(?<n>\d+(?:\.\d+)?[万萬])(?=在)/gu;
// 6천500, 1만 2천, 2천, 300: optional myriad, thousand and hundred parts, then units; or a
// bare 천/만/백 after a space ("약 천 명").
const KO_NUM =
  "(?:(?=\\d)|(?<![가-힣])(?=[만천]))(?:(?:\\d[\\d.,]*)?\\s?만\\s?)?(?:(?:\\d[\\d.,]*)?\\s?천\\s?)?(?:\\d[\\d.,]*\\s?백\\s?)?(?:\\d[\\d.,]*)?|(?<![가-힣])[백십]";
/** Korean native numerals one to ten (한 명, 두 달, 열 명), shared by the count and duration readers. */
export const KO_NATIVE_NUMBERS: Record<string, number> = {
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
// Korean native numerals before 명, two to ninety-nine ("두 명의 북한 벌목공", "스물두 명", "스무
// 명", the tens' form before a counter, up to 아흔, ninety): 한 명
// (one) is left out, as a figure it is rarely a claim and mostly an indefinite "a".
const KO_NATIVE_TENS: Record<string, number> = {
  열: 10,
  스무: 20,
  스물: 20,
  서른: 30,
  마흔: 40,
  쉰: 50,
  예순: 60,
  일흔: 70,
  여든: 80,
  아흔: 90,
};
// From ten up, a native count stands anywhere before 명; under ten only as the quantifier of the
// noun after it ("두 명의 북한 벌목공"): a handful after its noun ("여성 노동자 두 명이 짐을
// 옮기고 있습니다") is people in a scene, not a tally.
const KO_NATIVE =
  /(?<![가-힣])(?:(?<tens>열|스무|스물|서른|마흔|쉰|예순|일흔|여든|아흔)\s?(?<units>두|세|네|다섯|여섯|일곱|여덟|아홉)?\s?명(?=$|[\s,.·'"”)]|[의이은는을도과와])|(?<units1>두|세|네|다섯|여섯|일곱|여덟|아홉)\s?명(?=의\s))/gu;
// A Korean count ends in 명, or, after 여 ("more than"), runs straight into a worker noun
// phrase: "3천여 북한 노동자들".
const KO_RE = new RegExp(
  `(?<q>약|대략|최소|적어도|최대|무려)?\\s?(?:(?<vlo>수|몇)\\s?(?<vlounit>(?:십|백|천)만|십|백|천|만)\\s?(?:명\\s?)?(?:-|~|～|∼|〜|에서)\\s?(?<vhi>${KO_NUM})|(?<vague>수|몇)\\s?(?<vunit>(?:십|백|천)만|십|백|천|만)|(?<r1>${KO_NUM})\\s?(?:여\\s?)?(?:명\\s?)?(?:-|~|～|∼|〜|–|에서)\\s?(?<r2>${KO_NUM})|(?<n>${KO_NUM}))\\s?(?<more>여)?\\s?(?:명|(?<=여)(?=\\s(?:[가-힣A-Za-z]+\\s){0,2}[가-힣]*?(?:노동자|근로자|노무자|인력|종업원|직원|의료진|일꾼)))(?<upto>\\s?까지)?(?:\\s?(?<post>이상|이하|미만|가량|정도|안팎|남짓|넘게|(?:을|이)\\s?넘[는던은어었]?))?`,
  "gu",
);

const VAGUE_CJK: Record<string, [number, number]> = {
  十万: [200_000, 999_999],
  十萬: [200_000, 999_999],
  십만: [200_000, 999_999],
  百万: [2_000_000, 9_999_999],
  百萬: [2_000_000, 9_999_999],
  백만: [2_000_000, 9_999_999],
  十: [20, 99],
  십: [20, 99],
  百: [200, 999],
  백: [200, 999],
  千: [2_000, 9_999],
  천: [2_000, 9_999],
  万: [20_000, 99_999],
  萬: [20_000, 99_999],
  만: [20_000, 99_999],
};

/** A range whose low end leaves out the shared unit: "6至7万" is 60,000–70,000. */
function cjkRange(raw1: string, raw2: string): [number, number] | null {
  const [r1, r2] = [raw1.trim(), raw2.trim()];
  const lo = parseCjkNumber(r1);
  const hi = parseCjkNumber(r2);
  if (lo === null || hi === null) return null;
  const unit = /[万萬만]$/.test(r2) ? 10_000 : /[千천]$/.test(r2) ? 1000 : 1;
  const lo2 = unit > 1 && lo * unit <= hi && !/[万萬만千천]/.test(r1) ? lo * unit : lo;
  return lo2 <= hi ? [lo2, hi] : null;
}

function cjkQualifier(g: Record<string, string | undefined>): Qualifier {
  const q = g.q ?? "";
  const post = g.post ?? "";
  // "最多达到6,000余人": a peak of more than N bounds from below.
  if (g.more && /最多|最高/.test(q)) return "at_least";
  if (/多达|多達|高达|高達|最多|至多|最高|不到|不足|최대/.test(q) || /이하|미만|以下/.test(post))
    return "at_most";
  if (/超过|超過|逾|至少|^上$|不少|최소|적어도/.test(q) || g.more || /이상|넘|남짓|以上/.test(post))
    return "at_least";
  if (/约|約|近|약|대략/.test(q) || /가량|정도|안팎|左右/.test(post)) return "approx";
  return "exact";
}

/** Counts of people in Chinese (…名/人, or after the noun) and Korean (…명). */
export function findCjkQuantities(text: string, from = 0, to = text.length): Quantity[] {
  const out: Quantity[] = [];
  const slice = text.slice(from, to);
  const han = /\p{Script=Han}/u.test(slice);
  const hangul = /\p{Script=Hangul}/u.test(slice);
  const readers = [
    ...(han ? [ZH_RE, ZH_NOUN_FIRST, ZH_BARE_MYRIAD] : []),
    ...(hangul ? [KO_RE, KO_NATIVE] : []),
  ];
  for (const re of readers) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const g = m.groups ?? {};
      const lead = re === ZH_NOUN_FIRST ? m[0].indexOf(g.q ?? "") : 0;
      const start = from + m.index + lead + (m[0].length - m[0].trimStart().length);
      const end = from + m.index + m[0].trimEnd().length;
      if (end <= start) continue;
      const base = { start, end, text: text.slice(start, end) };
      if (out.some((o) => o.start < end && start < o.end)) continue;
      const native = g.units ?? g.units1;
      if (native || (g.tens && KO_NATIVE_TENS[g.tens])) {
        const n =
          (g.tens ? (KO_NATIVE_TENS[g.tens] ?? 0) : 0) + (native ? KO_NATIVE_NUMBERS[native]! : 0);
        out.push({ ...base, min: n, max: n, qualifier: "exact" });
        continue;
      }
      // 十几名: more than ten, fewer than twenty; 二十几 21–29.
      if (g.teen || g.tens) {
        const tens = g.tens ? parseCjkNumber(g.tens)! * 10 : 10;
        out.push({ ...base, min: tens + 1, max: tens + 9, qualifier: "vague" });
        continue;
      }
      // "수백에서 2천 명까지": a vague low end and a figure as the high one.
      if (g.vlo) {
        const lo = VAGUE_CJK[g.vlounit!]?.[0];
        const hi = parseCjkNumber(g.vhi!);
        if (lo !== undefined && hi !== null && lo <= hi)
          out.push({ ...base, min: lo, max: hi, qualifier: "range" });
        continue;
      }
      if (g.vague) {
        const v = VAGUE_CJK[g.vunit!];
        // "최소 수백 명", "至少数千人": at least the low end of the vague figure, no upper bound.
        const atLeast = v && cjkQualifier({ q: g.q }) === "at_least";
        if (v)
          out.push({
            ...base,
            min: v[0],
            max: atLeast ? null : v[1],
            qualifier: atLeast ? "at_least" : "vague",
          });
        continue;
      }
      if (g.adj) {
        const unit = parseCjkNumber(g.aunit!)!;
        const [a, b] = [...g.adj].map((c) => parseCjkNumber(c)!);
        out.push({ ...base, min: a! * unit, max: b! * unit, qualifier: "range" });
        continue;
      }
      if (g.r1 && g.r2) {
        const r = cjkRange(g.r1, g.r2);
        // "3만23명에서 1만1천490명으로": a change from one figure to another, each a count; "4천~5천
        // 명으로 추정" is a range (a change is written with 에서).
        const change =
          /에서/u.test(m[0]) && /^\s?(?:으로|로)/u.test(slice.slice(m.index + m[0].length));
        if (r && !change) {
          out.push({ ...base, min: r[0], max: r[1], qualifier: "range" });
          continue;
        }
        const first = /명/u.exec(m[0]);
        if (!first || !change) continue;
        const n = parseCjkNumber(g.r1);
        const end1 = from + m.index + first.index + 1;
        if (n)
          out.push({
            start,
            end: end1,
            text: text.slice(start, end1),
            min: n,
            max: n,
            qualifier: "exact",
          });
        re.lastIndex = m.index + first.index + 1;
        continue;
      }
      const n = parseCjkNumber(g.n!);
      if (n === null || n === 0) continue;
      // "高達 3,765 人": a hedge before an exact, unrounded statistic stresses it, bounds nothing.
      const qualifier =
        /^(?:高达|高達)$/u.test(g.q ?? "") && n % 100 !== 0 ? "exact" : cjkQualifier(g);
      out.push({
        ...base,
        min: qualifier === "at_most" ? null : n,
        max: qualifier === "at_least" ? null : n,
        qualifier,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
