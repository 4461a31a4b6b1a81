/**
 * Suggests claims from a report's text: worker counts with their place and period, durations
 * and deadlines, movement restrictions, visa practices, employers and incidents. Rules, not a
 * model: every suggestion can be explained by the words that triggered it, and a reviewer
 * accepts or rejects it. Suggestions are de-duplicated (a figure repeated in the headline and
 * the body is one claim) and ranked, strongest first (rank-claims.ts). Precision and recall on
 * the labelled corpus: docs/evidence.md.
 */
import type { ClaimDraft, ClaimKind } from "./claim.js";
import {
  contextPlace,
  dayAnaphors,
  deadlineDate,
  isReportingDate,
  listPlace,
  periodFor,
  placeForCount,
  pointsBack,
  topicPlace,
} from "./claim-context.js";
import { clauseAround } from "./clauses.js";
import { parseReference } from "./date-parts.js";
import { type DateMention, findDatesFrom } from "./dates.js";
import { findDurations } from "./durations.js";
import { furnitureParagraphs } from "./furniture.js";
import { maskNoise } from "./noise.js";
import { findOrganisations } from "./organisations.js";
import { rankClaims } from "./rank-claims.js";
import type { PlaceIndex, PlaceMention } from "./report-place-index.js";
import { type ListedCount, respectivelyCounts } from "./respectively.js";
import { codePointIndexer, paragraphs, type Segment, sentences } from "./segment.js";
import { refersBackToIncident, statementKinds } from "./statement-cues.js";
import { antecedentIsWorker, findWorkerCounts } from "./worker-counts.js";
import { EMPLOYER_CONTEXT, WORKER_CONTEXT } from "./worker-lexicon.js";

export interface SuggestOptions {
  places: PlaceIndex;
  /** ISO date (or YYYY-MM) the source was published: dates without a year and relative dates
   * ("last year", 今年, 지난달) are read against it. */
  published?: string | null;
}

// Words that stand for workers named before: a pronoun, "the rest", or the figure itself
// ("this figure", "the total", 그 규모, 其中, 该数字). A bare count is a count of workers only when
// a worker noun or one of these is in its own sentence.
const ANAPHOR =
  /\b(?:they|them|these|those|the\s+rest|the\s+remaining|(?:this|that|the)\s+(?:figure|number|total))\b|이들|그들|그\s?규모|이\s?중|이\s?가운데|他们|她们|他們|她們|其中|该数字|該數字|这一数字|這一數字|规模|規模/iu;
const MOVEMENT =
  /\b(?:arrived|went|came|entered|returned|left|were\s+sent|follow(?:ed)?|employed|work(?:ed|ing)?)\b|\d\s+more\b|\brepatriated\b|일하|근무|고용|工作|务工|務工|打工|도착|입국|파견|송환|[갔왔]다|간\s?것|온\s?것|到达|抵达|抵達|入境|前往|派往|来到|來到|遣返/u;
// "朝鲜在海外有10万劳工", "5万朝鮮人在20多個國家打工", "外派劳工", "abroad", "해외": a count of workers
// across countries is in no one place, whatever the report is mostly about; nor is one across a
// whole country ("在华北韩劳工", 全国, 전국, nationwide).
const ACROSS_COUNTRIES =
  /在[华華](?:朝鲜|朝鮮|北韩|北韓|外国|外國|务工|務工|工作|打工)|全国|全國|전국|\bnationwide\b|海外|国外|國外|境外|外派|各国|各國|多个国家|多個國家|多国|多國|\d+\s?多?(?:个|個)?(?:\([a-z\u00e0-\u00fc\u0100-\u01dc]+\))?(?:国家|國家)|全球|世界|\b(?:abroad|overseas|worldwide|countries|around\s+the\s+world)\b|해외|국외|세계|여러\s?나라|개국/iu;
// North Koreans working in the North (the Kaesong industrial zone) are no workers abroad.
const AT_HOME = /\bKaesong\b|开城|開城|개성\s?공(?:단|업)/u;
const FORMER_AFTER = /^[^.。]{0,40}(?:출신|出身)/u;
// "the Mongolian Ministry of Labor said": an organisation as the speaker is a source.
// "쿠웨이트 주거관리국은 1천800명이라고 공식 발표했습니다", "该局表示": the same in Korean and Chinese.
const SPEAKER_AFTER =
  /^\s*(?:said|says|told|announced|stated)\b|^(?:은|는|이|가)\s[^.]{0,40}(?:밝혔|발표|전했|말했|보도했)|^\s?(?:表示|称|稱|说|說|透露|宣布|发布|發布|指出)/u;

const STATEMENT_KINDS = new Set<ClaimKind>([
  "incident",
  "deadline",
  "visa_practice",
  "movement_restriction",
]);

// A state body that regulates, polices or legislates (a ministry, a committee, the police, a
// security service) employs no worker unless it is North Korea's own ("Ministry of Labor", "俄联邦
// 安全局滨海边疆区总局", "國會外交通商統一委員會").
const HOST_STATE_BODY =
  /\b(?:Ministry|Committee|Council|Police|Parliament|Assembly|Court|Security\s+Service|Migration\s+Service)\b|安全局|总局|總局|委员会|委員會|国会|國會|警察|法院|移民局|(?<!대표)부$|위원회|국회|경찰|법원|출입국/u;
const EMPLOYS_AFTER =
  /^[^.。;；]{0,12}?(?:\b(?:employ|hire|hiring|sen[dt]|dispatch|recruit)\w*|雇|聘|派遣|派出|고용|채용|파견)/iu;
const RESTAURANT = /restaurant|식당|관$|餐厅|餐廳|馆$|館$/iu;
const NORTH_KOREAN_NAME = /North\s+Korea|DPRK|Pyongyang|朝鲜|朝鮮|北韩|北韓|북한|조선|평양/u;

/** Suggests claims, strongest first; offsets in the result are code points. */
export function suggestClaims(text: string, options: SuggestOptions): ClaimDraft[] {
  const { places } = options;
  const ref = parseReference(options.published ?? null);
  const cp = codePointIndexer(text);
  const masked = maskNoise(text);
  const {
    segs,
    paragraphOf,
    placesBySeg,
    workerParagraphs,
    firstWorkerParagraph,
    topic,
    employerParagraphs,
    headings,
    skipped,
    dominant,
    orgsBySeg,
    freeBySeg,
  } = readDocument(text, places);
  const inHeading = new Set<ClaimDraft>();
  const placedByReport = new Set<ClaimDraft>();
  const withWorkers = new Set<ClaimDraft>();
  const named = new Set<ClaimDraft>();
  const out: ClaimDraft[] = [];
  let lastDay: DateMention | undefined;
  const lastPeriod: CountPeriod = { index: -10, from: null, to: null };
  const lastIncident = { paragraph: -1 };
  segs.forEach((seg, index) => {
    if (skipped.has(seg.paragraph)) return;
    const sentenceText = text.slice(seg.start, seg.end);
    const found = findDatesFrom(text, seg.start, seg.end, ref);
    const dates = [
      ...found.filter((d) => !isReportingDate(text, d, seg.start)),
      ...dayAnaphors(text, seg.start, seg.end, lastDay),
    ].sort((a, b) => a.start - b.start);
    lastDay = [...found].reverse().find((d) => d.from === d.to) ?? lastDay;
    const cjk = /[\p{Script=Han}\p{Script=Hangul}]/u.test(sentenceText);
    const context = () =>
      contextPlace(sentenceText, index, paragraphOf, placesBySeg, places, topic, text);
    const countContext = () =>
      context() ?? reportPlace(sentenceText, placesBySeg[index]!, dominant, places);
    const draft = (kind: ClaimKind, span: [number, number], extra: Partial<ClaimDraft>) => {
      const clause = clauseAround(text, span[0], span[1], seg.start, seg.end);
      const date =
        (kind === "deadline" ? deadlineDate(text, dates) : undefined) ??
        periodFor(text, { start: span[0], end: span[1], clause }, dates, cjk);
      const claim: ClaimDraft = {
        ...emptyClaim(kind, text.slice(span[0], span[1]), cp(span[0]), cp(span[1]), date),
        ...extra,
      };
      out.push(claim);
      if (headings.has(seg.paragraph)) inHeading.add(claim);
    };
    const orgs = orgsBySeg[index]!;
    const free = freeBySeg[index]!;
    const hasWorkers = WORKER_CONTEXT.test(sentenceText);
    const nearWorkers =
      hasWorkers || workerParagraphs.has(seg.paragraph) || workerParagraphs.has(seg.paragraph - 1);
    const governs = workersGovern(text, segs, index, hasWorkers);
    const topicWorkers = nearWorkers || firstWorkerParagraph < seg.paragraph;
    // "각각 38, 332명", "分别为1200人和800人", "1,200 and 800 … respectively": each count with
    // the period or place in its position, when a worker noun governs the list.
    const listed = respectivelyCounts(text, seg.start, seg.end, dates, free).filter(
      (l) => nearWorkers || antecedentIsWorker(text.slice(seg.start, l.start)),
    );
    for (const l of listed) {
      const place = l.place ?? countPlace(text, l, seg, free, places, countContext);
      draft("worker_count", [l.start, l.end], {
        ...placeFields(place, places),
        ...listedCountFields(l),
      });
      if (place && place === dominant) placedByReport.add(out[out.length - 1]!);
    }
    const counts = findWorkerCounts(text, masked, seg, hasWorkers, governs, topicWorkers).filter(
      (c) =>
        !listed.some((l) => l.start < c.end && c.start < l.end) &&
        !AT_HOME.test(text.slice(...clauseAround(text, c.start, c.end, seg.start, seg.end))),
    );
    for (const q of counts) {
      const place = countPlace(text, q, seg, free, places, countContext);
      const endAt = Math.max(
        q.nounEnd,
        place && place !== dominant && place.start >= q.end && place.start - q.nounEnd < 40
          ? place.end
          : 0,
      );
      draft("worker_count", [q.start, endAt], {
        ...placeFields(place, places),
        valueMin: q.min,
        valueMax: q.max,
        valueUnit: "workers",
        valueText: q.text,
        qualifier: q.qualifier,
      });
      // The workers named in the quote make it the mention that stands for a repeated figure.
      if (q.nounEnd > q.end) named.add(out[out.length - 1]!);
      carryPeriod(out[out.length - 1]!, text.slice(seg.start, q.start), index, lastPeriod);
      if (place && place === dominant) placedByReport.add(out[out.length - 1]!);
    }
    const near = { free, context, places };
    for (const kind of statementKinds(sentenceText, hasWorkers))
      if (
        kind !== "incident" ||
        isNewWorkersIncident({ ...seg, text: sentenceText }, nearWorkers, out, lastIncident)
      )
        suggestStatement(text, seg, kind, near, draft);
    const before = out.length;
    if (employerParagraphs.has(seg.paragraph))
      suggestEmployers(text, orgs, { ...near, staffed: staffed(text, segs, index) }, draft);
    if (hasWorkers) for (const c of out.slice(before)) withWorkers.add(c);
  });
  return rankClaims(withoutHeadlineStatements(out, inHeading), {
    inHeading: (c) => inHeading.has(c),
    placedByReport: (c) => placedByReport.has(c),
    withWorkers: (c) => withWorkers.has(c),
    named: (c) => named.has(c),
  });
}

/**
 * A headline's statement tells in short what the body tells: when the body makes a statement of
 * the same kind, the body's stands for it. Headlines are the heading paragraphs at the top (a
 * short paragraph further down without a full stop is body text cut short).
 */
function withoutHeadlineStatements(out: ClaimDraft[], inHeading: Set<ClaimDraft>): ClaimDraft[] {
  const firstBody = out.findIndex((c) => !inHeading.has(c));
  const headline = (c: ClaimDraft, i: number) =>
    inHeading.has(c) && (firstBody < 0 || i < firstBody);
  const bodyKinds = new Set(out.filter((c, i) => !headline(c, i)).map((c) => c.kind));
  return out.filter(
    (c, i) => !(headline(c, i) && STATEMENT_KINDS.has(c.kind) && bodyKinds.has(c.kind)),
  );
}

/** A claim of `kind` quoting `quote` at code points start–end, dated by `date`, nothing else set. */
function emptyClaim(
  kind: ClaimKind,
  quote: string,
  start: number,
  end: number,
  date: { from: string | null; to: string | null; text: string | null } | undefined,
): ClaimDraft {
  return {
    kind,
    placeText: null,
    placeId: null,
    periodStart: date?.from ?? null,
    periodEnd: date?.to ?? null,
    timeText: date?.text ?? null,
    valueMin: null,
    valueMax: null,
    valueUnit: null,
    valueText: null,
    qualifier: null,
    organisation: null,
    quote,
    start,
    end,
  };
}

type Draft = (kind: ClaimKind, span: [number, number], extra: Partial<ClaimDraft>) => void;

/** A sentence's places free of organisation names, and its context place when it has none. */
interface Near {
  free: PlaceMention[];
  context: () => PlaceMention | undefined;
  places: PlaceIndex;
}

/**
 * A statement kind (one claim per kind per sentence, the sentence as the quote), with the
 * sentence's first duration as its value: durations qualify stays, limits and deadlines; an
 * incident's length is not its value.
 */
function suggestStatement(text: string, seg: Segment, kind: ClaimKind, near: Near, draft: Draft) {
  const duration = kind === "incident" ? undefined : findDurations(text, seg.start, seg.end)[0];
  draft(kind, [seg.start, seg.end], {
    ...placeFields(near.free[0] ?? near.context(), near.places),
    ...(duration
      ? {
          valueMin: duration.days,
          valueMax: duration.days,
          valueUnit: "days" as const,
          valueText: duration.text,
          qualifier: "exact" as const,
        }
      : {}),
  });
}

/** Employers: organisation names in a paragraph about work, not where workers come from. */
function suggestEmployers(
  text: string,
  orgs: ReturnType<typeof findOrganisations>,
  near: Near & { staffed: boolean },
  draft: Draft,
) {
  for (const org of orgs) {
    // A restaurant employs workers only where its own sentence names them or their work.
    if (RESTAURANT.test(org.name) && !near.staffed) continue;
    // "고려컴퓨터회사(KCC) 등 … 출신": where workers come from, not who employs them.
    const after = text.slice(org.end, org.end + 40);
    if (FORMER_AFTER.test(after) || SPEAKER_AFTER.test(after)) continue;
    if (
      HOST_STATE_BODY.test(org.name) &&
      !NORTH_KOREAN_NAME.test(org.name) &&
      !EMPLOYS_AFTER.test(after)
    )
      continue;
    const inName = near.places.find(text, org.start, org.end)[0];
    const place = inName ?? nearestPlace(near.free, org.start) ?? near.context();
    draft("employer", [org.start, org.end], {
      ...placeFields(place, near.places),
      organisation: org.name,
    });
  }
}

/** The period of the last count that named its own, and the sentence it is in. */
interface CountPeriod {
  index: number;
  from: string | null;
  to: string | null;
}

// "지금은 1천여 명만이", "now", "目前": a count of the present, not of the period before it.
const NOW =
  /지금|현재|요즘|\b(?:now|currently|at\s+present|today)\b|目前|现在|現在|如今|当前|當前/iu;
const SAME_PERIOD = /같은\s?기간|동기|同期|the\s+same\s+period/iu;

/**
 * Statistics go on in the sentences after their date: a count with no date of its own within
 * two sentences of a dated count, and not said to be of the present (지금, now, 目前), takes that
 * count's period ("지난해 3분기에 … 365명이 입국했다.
 * 대다수(235명)가 사업 목적으로…"). A year with "the same period" (2012년 같은 기간, 同期) is
 * that period's months in that year.
 */
function carryPeriod(claim: ClaimDraft, before: string, index: number, last: CountPeriod) {
  const near = index - last.index <= 2 && last.from !== null && last.to !== null;
  if (claim.periodStart === null) {
    if (near && !NOW.test(before)) {
      claim.periodStart = last.from;
      claim.periodEnd = last.to;
    }
    return;
  }
  const year = /^(\d{4})-01-01$/.exec(claim.periodStart)?.[1];
  if (
    near &&
    year &&
    claim.periodEnd === `${year}-12-31` &&
    SAME_PERIOD.test(before.slice(-24)) &&
    last.from!.slice(0, 4) === last.to!.slice(0, 4)
  ) {
    claim.periodStart = `${year}${last.from!.slice(4)}`;
    claim.periodEnd = `${year}${last.to!.slice(4)}`;
    return;
  }
  Object.assign(last, { index, from: claim.periodStart, to: claim.periodEnd });
}

/** Whether workers can be what a bare count in sentence `index` counts: a worker noun or a word
 * standing for one (ANAPHOR) in the sentence, or a sentence that goes on moving or employing the
 * workers of the sentence before, or adds to them ("Some 300 more were seen", "5월에는 약 500명이 단둥에 갔다", "In May, 500 more arrived", "…823명을
 * 송환했다"). */
function workersGovern(text: string, segs: Segment[], index: number, hasWorkers: boolean) {
  const seg = segs[index]!;
  const sentence = text.slice(seg.start, seg.end);
  if (hasWorkers || ANAPHOR.test(sentence)) return true;
  const prev = segs[index - 1];
  return (
    prev !== undefined &&
    prev.paragraph >= seg.paragraph - 1 &&
    (WORKER_CONTEXT.test(text.slice(prev.start, prev.end)) ||
      ANAPHOR.test(text.slice(prev.start, prev.end))) &&
    MOVEMENT.test(sentence)
  );
}

/** Whether sentence `index` or one next to it in its paragraph names workers or their work
 * ("…的朝鲜餐厅“高丽餐厅”已于上周关闭。…约有15名朝鲜人在那里工作"). */
function staffed(text: string, segs: Segment[], index: number): boolean {
  const seg = segs[index]!;
  return [segs[index - 1], seg, segs[index + 1]].some(
    (s) =>
      s !== undefined &&
      s.paragraph === seg.paragraph &&
      (WORKER_CONTEXT.test(text.slice(s.start, s.end)) ||
        EMPLOYING.test(text.slice(s.start, s.end))),
  );
}
const EMPLOYING = /\b(?:employ|hire|hiring|recruit)\w*|雇|聘|고용|채용/iu;

/** Unrest, deaths and flight count when they are the workers' (not every defector's) and not
 * an incident told before and named again ("Reuters could not verify these protests"). A
 * paragraph tells one incident: a later sentence with an incident cue in the same paragraph
 * goes on with it (its hostages, its toll, how it ended). `last` keeps the paragraph of the last
 * incident suggested. */
function isNewWorkersIncident(
  seg: Segment & { text: string },
  nearWorkers: boolean,
  out: ClaimDraft[],
  last: { paragraph: number },
) {
  if (!nearWorkers) return false;
  if (refersBackToIncident(seg.text) && out.some((c) => c.kind === "incident")) return false;
  if (seg.paragraph === last.paragraph) return false;
  last.paragraph = seg.paragraph;
  return true;
}

/** The place a count with no place of its own, in its sentence or the paragraph, takes: the
 * place the report is about, unless the sentence counts workers across countries or a whole
 * country, or names a country the place is not in. */
function reportPlace(
  sentence: string,
  mentions: PlaceMention[],
  dominant: PlaceMention | undefined,
  index: PlaceIndex,
): PlaceMention | undefined {
  if (ACROSS_COUNTRIES.test(sentence) || namesOtherCountry(mentions, dominant, index))
    return undefined;
  return dominant;
}

/** The fields of a count read from a "respectively" list: its value, and its paired period. */
function listedCountFields(l: ListedCount): Partial<ClaimDraft> {
  return {
    ...(l.period
      ? { periodStart: l.period.from, periodEnd: l.period.to, timeText: l.period.text }
      : {}),
    valueMin: l.value,
    valueMax: l.value,
    valueUnit: "workers",
    valueText: l.text,
    qualifier: "exact",
  };
}

/** A count's place: the one the sentence ties to it, a list's region, or the context's; a
 * country named as an attribute ("中国最大规模的北韩餐厅,有约100名…在此工作") yields to the place
 * the sentence points back to. */
function countPlace(
  text: string,
  q: { start: number; end: number },
  seg: Segment,
  free: PlaceMention[],
  places: PlaceIndex,
  context: () => PlaceMention | undefined,
): PlaceMention | undefined {
  const clause = clauseAround(text, q.start, q.end, seg.start, seg.end);
  const found = placeForCount(text, { start: q.start, end: q.end, clause }, free, places);
  if (found === undefined) return context();
  if (found === "nowhere") return undefined;
  const place = listPlace(text, found, free, places);
  if (
    place &&
    places.places.get(place.placeId)?.kind === "country" &&
    pointsBack(text.slice(seg.start, seg.end))
  )
    return context() ?? place;
  return place;
}

/** What the whole document tells each sentence: its sentences and their places, which
 * paragraphs are about workers and employment, the report's own place, headings, and the
 * paragraphs that give no claims (foreign-language captions, photo captions). */
function readDocument(text: string, places: PlaceIndex) {
  const segs = sentences(text);
  const paras = paragraphs(text);
  const workerParagraphs = paragraphsWhere(text, segs, WORKER_CONTEXT);
  let firstWorkerParagraph = Number.POSITIVE_INFINITY;
  for (const p of workerParagraphs) firstWorkerParagraph = Math.min(firstWorkerParagraph, p);
  const topic = topicPlace(
    paras.map((p) => ({
      text: text.slice(p.start, p.end),
      places: places.find(text, p.start, p.end),
    })),
    places,
  );
  const skipped = foreignParagraphs(text, paras);
  for (const i of captionParagraphs(text, paras)) skipped.add(i);
  for (const i of furnitureParagraphs(text, paras)) skipped.add(i);
  const placesBySeg = segs.map((s) => places.find(text, s.start, s.end));
  const orgsBySeg = segs.map((s) => findOrganisations(text, s.start, s.end));
  // A place inside a company name ("Hunchun Jinxing Garment Co.") is not where a count is.
  const freeBySeg = placesBySeg.map((ms, i) =>
    ms.filter((p) => !orgsBySeg[i]!.some((o) => o.start <= p.start && p.end <= o.end)),
  );
  return {
    dominant: dominantPlace(
      freeBySeg.filter((_, i) => !skipped.has(segs[i]!.paragraph)).flat(),
      places,
    ),
    orgsBySeg,
    freeBySeg,
    segs,
    paragraphOf: segs.map((s) => s.paragraph),
    placesBySeg,
    workerParagraphs,
    firstWorkerParagraph,
    topic,
    employerParagraphs: paragraphsWhere(text, segs, EMPLOYER_CONTEXT),
    headings: headingParagraphs(text, paras),
    skipped,
  };
}

/**
 * The place a report is about when it names one more than any other: the most named place
 * below a country, named at least twice and more often than any other place or any country
 * other than China (a report about Kuwait that names Russia twice is about no place).
 */
function dominantPlace(mentions: PlaceMention[], index: PlaceIndex): PlaceMention | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.placeId, (counts.get(m.placeId) ?? 0) + 1);
  let best: string | undefined;
  let bestN = 0;
  let rival = 0;
  for (const [id, n] of counts) {
    const kind = index.places.get(id)?.kind;
    if (kind !== "country" && n > bestN) {
      rival = Math.max(rival, bestN);
      best = id;
      bestN = n;
    } else if (id !== "country-china") rival = Math.max(rival, n);
  }
  // Russia stands beside China as a country: a report on both is about neither alone.
  if (best === "region-russia") rival = Math.max(rival, counts.get("country-china") ?? 0);
  if (!best || bestN < 2 || bestN <= 1.5 * rival) return undefined;
  // A copy: a count placed by it is told apart from one placed by the mention itself.
  const first = mentions.find((m) => m.placeId === best);
  return first && { ...first };
}

/** Whether a sentence names a country that does not hold `place`: any country but China for a
 * place in China, any country at all for Russia. */
function namesOtherCountry(
  mentions: PlaceMention[],
  place: PlaceMention | undefined,
  index: PlaceIndex,
): boolean {
  return mentions.some(
    (m) =>
      index.places.get(m.placeId)?.kind === "country" &&
      (m.placeId !== "country-china" || place?.placeId === "region-russia"),
  );
}

/** Paragraphs with a sentence that matches `re`. */
function paragraphsWhere(text: string, segs: Segment[], re: RegExp): Set<number> {
  return new Set(segs.filter((s) => re.test(text.slice(s.start, s.end))).map((s) => s.paragraph));
}

/** Headlines and captions: short paragraphs that do not end a sentence. */
function headingParagraphs(text: string, paras: { start: number; end: number }[]): Set<number> {
  const out = new Set<number>();
  paras.forEach((p, i) => {
    if (p.end - p.start < 200 && !/[.!?。！？"”’」』)]\s*$/u.test(text.slice(p.start, p.end)))
      out.add(i);
  });
  return out;
}

/** In a Chinese or Korean report, paragraphs with no Chinese or Korean at all: captions and
 * credits carried over from an agency photo ("Workers sit on a bench during a media tour of
 * the … Factory"), not the report's text. */
function foreignParagraphs(text: string, paras: { start: number; end: number }[]): Set<number> {
  const cjk = (s: string) => s.replace(/[^\p{Script=Han}\p{Script=Hangul}]/gu, "").length;
  const latin = (s: string) => s.replace(/[^A-Za-z]/g, "").length;
  if (cjk(text) < latin(text)) return new Set();
  const out = new Set<number>();
  paras.forEach((p, i) => {
    const body = text.slice(p.start, p.end);
    if (cjk(body) === 0 && latin(body) > 20) out.add(i);
  });
  return out;
}

// A photo credit marks a caption: "/사진=데일리NK 자료사진", "(圖片來源: …/AFP via Getty
// Images)", "Credit: AFP", "CC BY-SA 2.5 / …", "FILE - In this … photo … (AP Photo/…)", a
// screen capture's source in brackets ("[우크라군 … X캡처]", "[…截图]"); a caption's leading
// triangle ("▲11日,在…工地", "▲ 러시아에서 건설 중인 북한 노동자들"), a photographer's credit at
// its end ("朝鮮日報記者攝影"), a web picture's mark ("(網絡圖片)"), a picture's source
// named in running words ("File Photo by Rodong Sinmun", "Photo courtesy of …", "UPI Photo",
// "【照片来源:美联社】") and a caption's opening "图为" ("this picture shows").
const PHOTO_CREDIT =
  /^\s?▲|\b(?:File\s+)?(?:Photos?|Images?|Pictures?)\s+(?:by|courtesy(?:\s+of)?|via)\s+\p{Lu}|\bFile\s+photo\b|\b(?:UPI|AP|AFP|EPA|Reuters|Yonhap|KCNA|Xinhua)\s+(?:File\s+)?Photo\b|^(?:图为|圖為)|照片(?:来源|來源)|(?:记者|記者)?(?:摄影|攝影)\s*$|[(（](?:網絡|网络|網路)(?:圖片|图片)[)）]|\((?:AP|AFP|EPA|Reuters|Yonhap)\s+Photo\b|^FILE\s?[-–—]|[/(（]\s?사진\s?[=:-]|\b(?:Photo|Image)\s?(?:credit)?\s?:|\bCredit:|圖片來源|图片来源|\bCC\s+BY\b|\bGetty\s+Images\b|摄于|攝於|자료사진|圖與新聞無關|图与新闻无关|示意圖|示意图|資料照|资料照|사진\s?출처|\[[^\]\n]{0,40}(?:캡처|캡쳐|截图|截圖|화면|제공)\]/iu;

// A caption's source in brackets after its last sentence ("…的北韓餐廳員工。(法新社)",
// "…계약을 맺었다.(연합뉴스)"), and a page's header or footer with its time stamps ("입력
// 2022.05.17 (04:59) 수정 …", "发布时间：", "Updated:").
const SOURCE_AFTER_SENTENCE = /(?:[。！？]|[가-힣]\.)\s*[(（][^()（）\d]{1,12}[)）]\s*$/u;
const TIME_STAMP_LINE =
  /(?:입력|수정|기사입력|업데이트|승인)\s?:?\s?(?:19|20)\d{2}[.-]\d{1,2}[.-]\d{1,2}|(?:发布时间|發佈時間|發布時間|更新时间|更新時間)\s?[:：]|\b(?:Published|Updated|Posted)\s?:/u;

/** Captions and page headers: short paragraphs with a photo credit or a caption's source, which
 * describe a picture, not the news, and lines with a page's time stamps. */
function captionParagraphs(text: string, paras: { start: number; end: number }[]): number[] {
  const out: number[] = [];
  paras.forEach((p, i) => {
    const body = text.slice(p.start, p.end);
    if (
      TIME_STAMP_LINE.test(body) ||
      (p.end - p.start < 500 && PHOTO_CREDIT.test(body)) ||
      (p.end - p.start < 200 && SOURCE_AFTER_SENTENCE.test(body))
    )
      out.push(i);
  });
  return out;
}

function placeFields(
  place: PlaceMention | undefined,
  index: PlaceIndex,
): Pick<ClaimDraft, "placeText" | "placeId"> {
  if (!place) return { placeText: null, placeId: null };
  const country = index.places.get(place.placeId)?.kind === "country";
  return { placeText: place.text, placeId: country ? null : place.placeId };
}

function nearestPlace(mentions: PlaceMention[], at: number): PlaceMention | undefined {
  let best: PlaceMention | undefined;
  for (const m of mentions)
    if (!best || Math.abs(m.start - at) < Math.abs(best.start - at)) best = m;
  return best;
}
