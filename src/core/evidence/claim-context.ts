/**
 * Where and when a claim is: the place and the period tied to it by the sentence's structure.
 * A count's place is the one its preposition or particle attaches to it ("in Hunchun",
 * "훈춘에 도착", "在丹东工作"), else the nearest before it in the same clause, else one named
 * earlier in the paragraph, or in the paragraph before when the sentence points back to it
 * ("the company", "该公司"). A place in a company name, a river or a byline is never a
 * count's place. The period is a date in the count's clause (English puts it after the fact,
 * Chinese and Korean before), never a reporting date ("told Daily NK on Jan. 23", "9일 전했다").
 */
import type { DateMention } from "./date-parts.js";
import type { PlaceIndex, PlaceMention } from "./report-place-index.js";

const EN_PLACE_PREP =
  /(?:\b(?:in|at|into|to|near|around|across|inside|throughout|of|entered|reached|(?:crossed|came|returned|travell?ed|moved)\s+(?:back\s+)?from)\s+(?:the\s+|an?\s+)?(?:(?:chinese\s+)?(?:border\s+)?city\s+of\s+|nearby\s+)?)$/i;
// A Korean place followed by a locative particle, or a Chinese one after 在/到/赴/往/于.
const KO_LOCATIVE = /^(?:시|성)?(?:에서는|에서|에도|에는|으로|로|에|의)/u;
// The place of a Korean count is also the place of the noun (one or two words) it modifies,
// with the Hanja Korean papers add in brackets: "145명이 투먼(圖們)시 섬유공장에 취업",
// "러시아 건설 현장에 투입".
const KO_LOCATIVE_NOUN =
  /^(?:\([^)]{1,12}\))?(?:시|성)?(?:\s?[가-힣]{1,8}){1,2}(?:에서|에|으로)(?![가-힣])/u;
const ZH_LOCATIVE = /(?:在|到|赴|往|于|於|至|抵达|抵達|到达|到達|进入|進入|访问|訪問|访|訪|前往)$/u;
// "6至7万名朝鲜人在海外工作", "해외에 파견된 노동자 10만 명", "abroad": a count of workers
// overseas is about no one place, whatever the paragraph names.
const OVERSEAS =
  /^[^,，;；。.]{0,12}?(?:在|于|於)?(?:海外|国外|國外|境外|世界各地|全球)|^[^,;.]{0,24}?\b(?:abroad|overseas|worldwide|around\s+the\s+world)\b|^[^,.]{0,12}?(?:해외|국외|세계\s?각지|전\s?세계)/iu;
const OVERSEAS_BEFORE = /海外|国外|國外|境外|해외|국외|\b(?:abroad|overseas)\b/iu;
const BACK_REFERENCE =
  /\b(?:the|this|that)\s+(?:\w+\s+)?(?:company|firm|factory|plant|city|region|town|area|zone)\b|\b(?:this|that)\s+(?:figure|number|total)\b|\bthere\b|\b(?:of\s+)?(?:the|these|those)\s+workers\b|\bof\s+them\b|该公司|該公司|该厂|該廠|这家|這家|当地|當地|该市|該市|이\s?(?:회사|공장|업체|기업|도시|지역)|현지|이곳|在此|此地|这里|這裡|该店|該店/i;

/** A claim's span of the text and the clause around it (clauseAround). */
export interface ClaimSpan {
  start: number;
  end: number;
  clause: [number, number];
}

/** The items (place or date mentions) that lie inside the span's clause. */
function inClauseOf<T extends { start: number; end: number }>(items: T[], at: ClaimSpan): T[] {
  return items.filter((m) => m.start >= at.clause[0] && m.end <= at.clause[1]);
}

/** The place a count at `at` is about, among the sentence's mentions; "nowhere" for a count
 * of workers overseas. */
export function placeForCount(
  text: string,
  at: ClaimSpan,
  mentions: PlaceMention[],
  index: PlaceIndex,
): PlaceMention | "nowhere" | undefined {
  const { start: qStart, end: qEnd } = at;
  const inClause = inClauseOf(mentions, at);
  if (OVERSEAS.test(text.slice(qEnd, qEnd + 40))) return "nowhere";
  // The count's own clause first: a place a preposition ties to it there, then (Korean) a
  // place its clause goes on to with a locative, then one named before it in the clause.
  const prep = prepositionPlace(text, qEnd, inClause);
  if (prep) return prep;
  const koFirst = inClause.find(
    (m) =>
      m.start >= qEnd &&
      (KO_LOCATIVE.test(text.slice(m.end, m.end + 4)) ||
        KO_LOCATIVE_NOUN.test(text.slice(m.end, m.end + 24))) &&
      // "중국의 북한 노동력": a country in the genitive qualifies a noun, it places nothing.
      !(index.places.get(m.placeId)?.kind === "country" && text[m.end] === "의"),
  );
  // "중국 랴오닝성 단둥에": names in a row (one unknown word may sit between) narrow down to
  // the last.
  let koAfter = koFirst;
  for (
    let i = koAfter ? inClause.indexOf(koAfter) + 1 : inClause.length;
    i < inClause.length;
    i++
  ) {
    if (!/^\s?(?:[가-힣]{1,6}\s)?$/u.test(text.slice(koAfter!.end, inClause[i]!.start))) break;
    koAfter = inClause[i];
  }
  // A closing quotation mark between them: the place is in the reporter's words, the count in
  // the source's ("“…공장에 35명의 북한 여성들이 고용됐다”는 … 랴오닝성 전체에").
  if (koAfter && !/[\d”"」』]/u.test(text.slice(qEnd, koAfter.start))) return koAfter;
  const beforeInClause = inClause.filter((m) => m.end <= qStart);
  const inThisClause = beforeInClause.length > 0 && mostSpecific(text, beforeInClause, index);
  if (inThisClause) return inThisClause;
  if (listItemOfItsOwn(text, at) || UNKNOWN_PLACE_AFTER.test(text.slice(qEnd, at.clause[1])))
    return "nowhere";
  // Only then the rest of the sentence.
  const sentencePrep = prepositionPlace(text, qEnd, mentions);
  if (sentencePrep) return sentencePrep;
  if (OVERSEAS_BEFORE.test(text.slice(Math.max(at.clause[0], qStart - 30), qStart)))
    return "nowhere";
  const before = mentions.filter((m) => m.end <= qStart);
  // Only countries: the last of them, which places the claim in no city.
  return before.length > 0 ? (mostSpecific(text, before, index) ?? before.at(-1)) : undefined;
}

// A list of named counts: "러시아 3만명, 중동 1만5000명, 아프리카 8000명", "俄罗斯3万人，中东1.5万人",
// "Russia 30,000, the Middle East 15,000". An item is a short name (a noun with no particle, or
// capitalised words) right before its count, and so is the item before it.
const ITEM_NAME =
  /^(?:[\p{Script=Hangul}\p{Script=Han}·・]{1,8}(?:\s?(?:와|과|및)\s?[\p{Script=Hangul}\p{Script=Han}·・]{1,8})?|(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s?(?:각|各)?\s?$/u;
const ITEM_BEFORE =
  /(?:^|[\s,，;；])(?:[\p{Script=Hangul}\p{Script=Han}·・]{1,8}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s?(?:약\s?|约|約)?[\d.,]+\s?(?:[만천万萬千]\s?\d*\s?)?(?:여\s?)?(?:명|名|人)?(?:씩)?\s*[,，;；]\s*$/u;

// "more than 400 are currently employed in the Czech Republic": in its own clause, a preposition
// ties the count to a name the index does not know (a country outside it, a town it lacks), which
// ends the phrase. The count is there, not in a place another clause names.
const UNKNOWN_PLACE_AFTER =
  /^[^,;:()]{0,40}?\b(?:in|at)\s+(?:the\s+)?(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s*(?:$|[,.;)]|\b(?:and|or|alone|since|until|as|when|where|while)\b)/u;

/** Whether the count is an item of a list of named counts whose name is in its own clause and
 * is no place the index knows ("중동 1만5000명" after "러시아 3만명,"): the place of the item before
 * it is not this one's. */
function listItemOfItsOwn(text: string, at: ClaimSpan): boolean {
  const [clauseStart] = at.clause;
  const name = text.slice(clauseStart, at.start).trim();
  if (!ITEM_NAME.test(name)) return false;
  return ITEM_BEFORE.test(text.slice(Math.max(0, clauseStart - 24), clauseStart));
}

/** The first place after a count (at `qEnd`) that a preposition or particle ties to it. */
function prepositionPlace(
  text: string,
  qEnd: number,
  mentions: PlaceMention[],
): PlaceMention | undefined {
  return mentions.find(
    (m) =>
      m.start >= qEnd &&
      (EN_PLACE_PREP.test(text.slice(Math.max(qEnd, m.start - 40), m.start)) ||
        ZH_LOCATIVE.test(text.slice(Math.max(qEnd, m.start - 2), m.start))) &&
      m.start - qEnd < 80 &&
      // "hired 80 workers through a broker in Dandong": the broker's place, not the workers'.
      !/\b(?:through|via|broker|agency)\b/i.test(text.slice(qEnd, m.start)) &&
      // Another count between this one and the place means the place belongs to the other.
      !/\d/.test(text.slice(qEnd, m.start).replace(/\d{4}/g, "")),
  );
}

/** The last mention, unless it is a region that only locates an earlier city ("a company in
 * Tumen, in the Yanbian prefecture in Jilin province"): then that city; or a country that is
 * an adjective ("중국업체"): then the place before it. */
function mostSpecific(
  text: string,
  all: PlaceMention[],
  index: PlaceIndex,
): PlaceMention | undefined {
  // "while in China the figure is 70,000", "중국에는 약 5만 명", "中国约有5万人": a country named as where
  // something is (not where it goes: "중국으로") is the place, not a city named before it; and
  // a claim is never placed in a country.
  const nearest = all[all.length - 1]!;
  if (
    index.places.get(nearest.placeId)?.kind === "country" &&
    (/\b(?:in|inside|within)\s+$/i.test(
      text.slice(Math.max(0, nearest.start - 7), nearest.start),
    ) ||
      /^(?:에는|에서는|에서|에도|에)(?!게)/u.test(text.slice(nearest.end, nearest.end + 3)) ||
      /在$/u.test(text.slice(nearest.start - 1, nearest.start)) ||
      /^(?:境内|境內|国内|國內)?(?:大约|大約|约|約|共)?有/u.test(
        text.slice(nearest.end, nearest.end + 6),
      ))
  )
    return nearest;
  // "중국업체", "Chinese side", "중국으로": otherwise a country is an adjective or a direction.
  const before = all.filter((m) => index.places.get(m.placeId)?.kind !== "country");
  if (before.length === 0) return undefined;
  const last = before[before.length - 1]!;
  const region = index.places.get(last.placeId);
  if (region?.kind !== "region") return last;
  for (let i = before.length - 2; i >= 0; i--) {
    const p = index.places.get(before[i]!.placeId);
    if (p?.kind === "region") continue;
    if (p && p.cityIds.length > 0 && p.cityIds.every((c) => region.cityIds.includes(c)))
      return before[i]!;
    break;
  }
  return last;
}

/** Whether a sentence points back to what the text said before ("the workers", "在此",
 * "이곳"). */
export function pointsBack(sentence: string): boolean {
  return BACK_REFERENCE.test(sentence);
}

const LIST_END = /^(?:省|市|성|시)?\s?(?:등|等)/u;

/** The place named earlier in the paragraph; when the sentence points back ("the workers",
 * "this border city", "该公司"), the one in the paragraph before, else the report's own place
 * (its dateline, or the one place its headline names). */
export function contextPlace(
  sentence: string,
  segIndex: number,
  paragraphOf: number[],
  placesBySeg: PlaceMention[][],
  index: PlaceIndex,
  topic: PlaceMention | undefined,
  text?: string,
): PlaceMention | undefined {
  const paragraph = paragraphOf[segIndex]!;
  const pointsBack = BACK_REFERENCE.test(sentence);
  const reach = pointsBack ? paragraph - 1 : paragraph;
  for (let j = segIndex - 1; j >= 0 && paragraphOf[j]! >= reach; j--) {
    // A member of a list closed by "etc." ("중국, 러시아 등의 국가", "辽宁、吉林等地") is not one place.
    const ms = placesBySeg[j]!.filter(
      (m) =>
        index.places.get(m.placeId)?.kind !== "country" &&
        !(text && LIST_END.test(text.slice(m.end, m.end + 4))),
    );
    // The last place, unless it only locates the one just before it ("Dandong, Liaoning").
    const last = ms.findLast(
      (m, k) => !(k > 0 && m.start - ms[k - 1]!.end <= 6 && locates(m, ms[k - 1]!, index)),
    );
    if (last) return last;
  }
  return pointsBack ? topic : undefined;
}

// "HUNCHUN, China, Oct. 4, 2017", "DALIAN, China --": a dateline names where a report is from.
const DATELINE = /^\s*([A-Z][A-Z'’ -]{2,})(?:,|\s+[-–—(])/;

/** The report's own place: its dateline's, else the single place its first paragraph names. */
export function topicPlace(
  paragraphs: { text: string; places: PlaceMention[] }[],
  index: PlaceIndex,
): PlaceMention | undefined {
  for (const p of paragraphs.slice(0, 4)) {
    const d = DATELINE.exec(p.text);
    const m = d ? p.places.find((x) => x.text.toUpperCase() === d[1]!.trim()) : undefined;
    if (m) return m;
  }
  const first = (paragraphs[0]?.places ?? []).filter(
    (m) => index.places.get(m.placeId)?.kind !== "country",
  );
  return new Set(first.map((m) => m.placeId)).size === 1 ? first[0] : undefined;
}

/**
 * A place that is one of a list ("across Hunchun, Tumen and Longjing", "투먼과 허룽에도",
 * "宽甸和集安") stands for the list: the smallest region that holds all of them, or none.
 */
export function listPlace(
  text: string,
  found: PlaceMention,
  mentions: PlaceMention[],
  index: PlaceIndex,
): PlaceMention | undefined {
  const joiner =
    /^(?:省|市|성|시)?\s*(?:,|、|·|and|or|和|与|與|及|과|와|,\s*and)\s*(?:in\s+)?(?:nearby\s+)?$/i;
  const joined = (i: number) => joiner.test(text.slice(mentions[i]!.end, mentions[i + 1]!.start));
  // "Dandong, Liaoning Province", "Dandong, China": a region or country after a place it
  // holds only says where that place is (apposition); it is no member of a list.
  const locator = (i: number) =>
    i > 0 && joined(i - 1) && locates(mentions[i]!, mentions[i - 1]!, index);
  let at = mentions.indexOf(found);
  while (locator(at)) at--;
  let first = at;
  let last = at;
  while (first > 0 && joined(first - 1)) first--;
  while (last < mentions.length - 1 && joined(last)) last++;
  const members = mentions.slice(first, last + 1).filter((_, k) => !locator(first + k));
  if (members.length === 1) return members[0];
  const cityIds = new Set(members.flatMap((m) => index.places.get(m.placeId)?.cityIds ?? []));
  const regions = [...index.places.values()]
    .filter(
      (p) =>
        p.kind === "region" && cityIds.size > 0 && [...cityIds].every((c) => p.cityIds.includes(c)),
    )
    .sort((a, b) => a.cityIds.length - b.cityIds.length);
  const region = regions[0];
  if (!region) return undefined;
  const span = { start: members[0]!.start, end: members[members.length - 1]!.end };
  return { ...span, placeId: region.id, text: text.slice(span.start, span.end) };
}

/** Whether `outer` (a country, or a region holding every city of `inner`) only says where
 * `inner` is. */
function locates(outer: PlaceMention, inner: PlaceMention, index: PlaceIndex): boolean {
  const o = index.places.get(outer.placeId);
  const i = index.places.get(inner.placeId);
  if (!o || !i || i.kind === "country") return false;
  if (o.kind === "country") return true;
  return (
    o.kind === "region" &&
    i.cityIds.length > 0 &&
    o.id !== i.id &&
    i.cityIds.every((c) => o.cityIds.includes(c))
  );
}

// A date the report gives its news on: "…9일 전했다", "韓媒2月14日引述", and a dateline's
// ("HUNCHUN, Oct. 28 (Yonhap) --", "Oct 28, 2019 —").
const REPORTING_AFTER =
  /^[^.。!?,，]{0,14}?(?:보도|전했|밝혔|말했|따르면|인용|통화|인터뷰|引述|表示|报道|報道|透露|称|稱|指出|宣布|采访|採訪|电话|電話)/u;
// A dateline opens its paragraph: a date a dash follows further on ("… as of last month — often
// under murky conditions") is the period of what comes before it.
const DATELINE_AFTER = /^,?\s*(?:(?:19|20)\d{2}\s*)?(?:\([^)]{2,25}\)\s*)?(?:--|—|–)/u;
const DATELINE_REACH = 40;
const REPORTING_BEFORE =
  /\b(?:said|says|told\s+(?:(?!\bthat\b)[\w\s]){1,25}?|reported|announced|claimed|learned|added|wrote)\s+(?:on|in)?\s*$/i;

// A word that points back to a day named before: "이날", "같은 날", "当天", "同日", "that day".
const DAY_ANAPHOR = /이날|당일|같은\s?날|当天|當天|当日|當日|同日|\b(?:that|the\s+same)\s+day\b/giu;

/**
 * "이날 … 넘어갔다" after "28일 … 귀국했다": a word that points back to a day stands for the
 * last single day named before it in the report (`previous`), as a date mention at its place.
 */
export function dayAnaphors(
  text: string,
  segStart: number,
  segEnd: number,
  previous: DateMention | undefined,
): DateMention[] {
  if (!previous) return [];
  const out: DateMention[] = [];
  DAY_ANAPHOR.lastIndex = 0;
  const sentence = text.slice(segStart, segEnd);
  for (let m = DAY_ANAPHOR.exec(sentence); m; m = DAY_ANAPHOR.exec(sentence))
    out.push({
      ...previous,
      start: segStart + m.index,
      end: segStart + m.index + m[0].length,
      text: m[0],
    });
  return out;
}

/** Dates that tell when something was reported, not when it happened. */
export function isReportingDate(text: string, d: DateMention, segStart: number): boolean {
  return (
    REPORTING_AFTER.test(text.slice(d.end, d.end + 24)) ||
    (d.start - segStart <= DATELINE_REACH && DATELINE_AFTER.test(text.slice(d.end, d.end + 24))) ||
    REPORTING_BEFORE.test(text.slice(Math.max(segStart, d.start - 40), d.start))
  );
}

// A date a deadline names: "by Dec. 22, 2019", "2019년까지", "2019年12月前".
const DEADLINE_BEFORE = /\b(?:by|before|until|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?$/i;
const DEADLINE_AFTER = /^\s?(?:까지|前|以前|之前|为止|為止)/u;
// "要求成员国在2019年将…劳工全数送回": the year the repatriation is to happen in.
const DEADLINE_ZH_IN = /^[^。，,]{0,30}(?:遣返|送回|送返|遣送)/u;

/** The date a deadline statement sets, if it names one. */
export function deadlineDate(text: string, dates: DateMention[]): DateMention | undefined {
  return dates.find(
    (d) =>
      DEADLINE_AFTER.test(text.slice(d.end, d.end + 4)) ||
      DEADLINE_BEFORE.test(text.slice(Math.max(0, d.start - 24), d.start)) ||
      (text[d.start - 1] === "在" && DEADLINE_ZH_IN.test(text.slice(d.end, d.end + 40))),
  );
}

/** The period of a claim at [start, end): a date in its clause (after it within a few words
 * in English, before it in Chinese and Korean), else the nearest date in the sentence. */
export function periodFor(
  text: string,
  at: ClaimSpan,
  dates: DateMention[],
  cjk: boolean,
): DateMention | undefined {
  const { start, end } = at;
  const inClause = inClauseOf(dates, at);
  // "13,000, a twelvefold increase from 2023": a date after "from", "than" or "compared with"
  // is the baseline of a comparison, not the count's period.
  const afterNear = inClause.find(
    (d) =>
      d.start >= end &&
      d.start - end <= 40 &&
      !/\b(?:from|than|compared\s+(?:with|to))\s*$/i.test(text.slice(end, d.start)),
  );
  const before = inClause.filter((d) => d.end <= start);
  const lastBefore = before[before.length - 1];
  // "2019년 1분기 1805명, 2분기 …, 총 7465명": a total covers every period listed before it.
  if (
    /(?:총|共|合计|合計|\btotal(?:\s+of)?|\bin\s+all)\s*$/iu.test(text.slice(start - 12, start))
  ) {
    // A day named beside the periods ("8일 … 7월부터 9월까지 … 총") is when it was said.
    const all = dates.filter((d) => d.end <= start);
    const spans = all.filter((d) => d.from !== d.to);
    // A year around the months listed in it ("올해 7월부터 9월까지") frames them, adds nothing.
    const listed = (spans.length > 0 ? spans : all).filter(
      (d, _, list) =>
        !list.some(
          (o) => o !== d && d.from <= o.from && o.to <= d.to && (d.from < o.from || o.to < d.to),
        ),
    );
    if (listed.length > 1 && listed[0]!.from <= listed[listed.length - 1]!.to)
      return {
        ...listed[listed.length - 1]!,
        from: listed[0]!.from,
        to: listed[listed.length - 1]!.to,
      };
  }
  if (cjk) {
    const earlier = dates.filter((d) => d.end <= start);
    return lastBefore ?? inClause[0] ?? earlier[earlier.length - 1];
  }
  if (afterNear) return afterNear;
  if (lastBefore) return lastBefore;
  if (inClause[0]) return inClause[0];
  let best: DateMention | undefined;
  for (const d of dates)
    if (!best || Math.abs(d.start - start) < Math.abs(best.start - start)) best = d;
  return best;
}
