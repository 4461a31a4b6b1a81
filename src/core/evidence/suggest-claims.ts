/**
 * Suggests claims from a report's text: worker counts near place names, durations and
 * deadlines, movement restrictions, visa practices, employers and incidents. Rules, not a
 * model: every suggestion can be explained by the words that triggered it, and a reviewer
 * accepts or rejects it. Precision and recall on hand-labelled reports: docs/evidence.md.
 */
import type { ClaimDraft, ClaimKind } from "./claim.js";
import { findDates, findDurations } from "./dates.js";
import { findOrganisations } from "./organisations.js";
import { findCjkQuantities, findEnglishQuantities, type Quantity } from "./quantities.js";
import type { PlaceIndex, PlaceMention } from "./report-place-index.js";
import { codePointIndexer, type Segment, sentences } from "./segment.js";

export interface SuggestOptions {
  places: PlaceIndex;
  /** ISO date the source was published, to date "in March" and undated claims' context. */
  published?: string | null;
}

// Nouns for the people a count refers to. Modifiers between the number and the noun are
// allowed ("2,000 newly dispatched North Korean garment workers").
const WORKER_NOUN =
  /^(?:workers?|labou?rers?|employees?|women|men|girls|seamstresses|staff|recruits?|North\s+Koreans\b|trainees?|interns?|nationals|people|personnel|crew(?:men|\s+members)?|fishermen|cooks|waitresses)\b/i;
const NOT_WORKERS = /^(?:Chinese|local|Han|ethnic|South\s+Korean|Korean-Chinese|foreign)\b/i;
// A word after the number that makes it something other than a head count.
const OTHER_NOUN =
  /^(?:buses|coaches|vehicles|trucks|factories|plants|companies|firms|employers|sites|days?|weeks?|months?|years?|hours?|minutes?|yuan|dollars|won|euros?|percent|per\s*cent|km|kilomet(?:re|er)s?|miles|tons?|tonnes|times|rooms|storeys|floors|acres|shipments|importers|countries|states|groups|teams|dormitories|passports|visas|cases|metres|meters|beds|seats|pages|containers|kg|%)\b/i;
const WORKER_CONTEXT =
  /\b(?:workers?|labou?rers?|employees|women|North\s+Koreans|seamstresses|recruits|trainees|interns|staff)\b|工人|劳工|劳务|女工|员工|务工|打工|工作|노동자|근로자|인력|여성|여공|직원|종업원|일하|근무/i;
const CJK_WORKER_NEAR =
  /^(?:的)?(?:朝鲜|北韩|朝方)?(?:籍)?(?:名|个|人)?(?:朝鲜|北韩)?(?:籍)?(?:工人|劳工|劳务人员|女工|员工|务工人员|人员)|^\s?명?\s?(?:의\s)?(?:북한\s?)?(?:노동자|근로자|여성|인력|여공|종업원)/u;

const KIND_CUES: [ClaimKind, RegExp][] = [
  [
    "deadline",
    /\bdeadline\b|\b(?:remain|left)\b[^.]{0,40}\b(?:before|until)\b|\bmust\s+(?:leave|return|be\s+repatriated|go\s+home)\s+by\b|\bexpir(?:e|es|ed|y)\b|\brepatriat\w*\b[^.]{0,90}\bby\b|期限|截止|到期|前遣返|기한|시한|마감|만료/i,
  ],
  [
    "movement_restriction",
    /\bconfin\w*|\brestrict\w*|\bnot\s+(?:allowed|permitted)\b|\bforbidden\b|\bbarred\b|\bfenced\b|\blocked\b|\bcurfew\b|\bminders?\b|\bescort(?:ed)?\b|\bin\s+pairs\b|\bkept\s+(?:inside|within|in)\b|\bmay\s+not\s+(?:leave|visit|go)\b|\blimits?\b|\blimited\b|\bno\s+longer\s+than\b|\bcannot\s+leave\b|\bmay\s+not\s+leave\b|\bconfiscat\w*|限制|禁止|封闭|不准|不得|不许|外出|감금|통제|외출|갇혀|제한|금지|압수/i,
  ],
  [
    "visa_practice",
    /\bvisas?\b|\bpermits?\b|\bborder\s+pass(?:es)?\b|\brenew\w*|\bre-?enter\w*|\boverstay\w*|\bvisa[-\s]runs?\b|\bvisitor\b|\btrainee\b|\bintern(?:ship)?\b|\bvisa-free\b|\bstays?\b[^.]{0,30}\b(?:shorter|less|under|fewer)\s+than\b|签证|簽證|通行证|护照|续签|入境|출입국|비자|사증|도강증|통행증|재입국|여권|연수생/i,
  ],
  [
    "incident",
    /\briots?\b|\bunrest\b|\bprotest\w*|\bstrikes?\b|\buprising\b|\bhostages?\b|\bkilled\b|\bdied\b|\bdeaths?\b|\bsuicide\b|\bfire\b|\binjur\w*|\bbeaten\b|\bstabbed\b|\bescaped\b|\bdefect\w*|\bfled\b|\bclash\w*|\bviolen\w*|\bwalk-?out\b|\bstoppage\b|\bran\s+away\b|骚乱|暴动|罢工|抗议|死亡|劫持|人质|逃跑|冲突|폭동|소요|시위|파업|사망|인질|탈북|도주|충돌|집단행동/i,
  ],
];

const EMPLOYER_CONTEXT =
  /\bemploy\w*|\bhir\w*|\bwork(?:s|ed|ing)?\s+(?:at|for|in)\b|\bdispatch\w*|\b(?:sent|went)\s+(?:by|to)\b|\bfactor(?:y|ies)\b|\bplants?\b|\brecruit\w*|\bstaffing\b|\bworkers?\b|雇|派遣|工厂|工人|务工|고용|파견|공장|노동자|근로자/i;

/** Suggests claims; offsets in the result are code points. */
export function suggestClaims(text: string, options: SuggestOptions): ClaimDraft[] {
  const { places } = options;
  const published = options.published ?? null;
  const cp = codePointIndexer(text);
  const out: (ClaimDraft & { u16: [number, number] })[] = [];
  const segs = sentences(text);
  const placesBySeg = segs.map((s) => places.find(text, s.start, s.end));
  const datesBySeg = segs.map((s) => findDates(text, s.start, s.end, published));

  // The last place named in the paragraph before this sentence: reports name the city once
  // and then say "in the city", "there" or nothing at all.
  // Failing that, the last place named earlier in the report (a dateline, a headline).
  const contextPlace = (i: number): PlaceMention | undefined => {
    for (let j = i - 1; j >= 0; j--) {
      const ms = placesBySeg[j]!;
      if (ms.length > 0) return ms[ms.length - 1];
    }
    return undefined;
  };
  const paragraphHasWorkers = new Set(
    segs.filter((s) => WORKER_CONTEXT.test(text.slice(s.start, s.end))).map((s) => s.paragraph),
  );

  const draft = (
    kind: ClaimKind,
    span: [number, number],
    seg: number,
    extra: Partial<ClaimDraft> & { place?: PlaceMention | undefined },
  ) => {
    const { place, ...rest } = extra;
    // News style puts the date after the fact ("arrived in Dandong in May 2025"): a date
    // that follows within a few words wins; otherwise the nearest one in the sentence.
    const dates = datesBySeg[seg]!;
    const date =
      dates.find((d) => d.start >= span[1] && d.start - span[1] <= 40) ?? nearest(dates, span[0]);
    out.push({
      kind,
      placeText: place?.text ?? null,
      placeId: place?.placeId ?? null,
      periodStart: date?.from ?? null,
      periodEnd: date?.to ?? null,
      timeText: date?.text ?? null,
      valueMin: null,
      valueMax: null,
      valueUnit: null,
      valueText: null,
      qualifier: null,
      organisation: null,
      quote: text.slice(span[0], span[1]),
      start: cp(span[0]),
      end: cp(span[1]),
      ...rest,
      u16: span,
    });
  };

  segs.forEach((seg, i) => {
    const sentence = text.slice(seg.start, seg.end);
    const orgs = findOrganisations(text, seg.start, seg.end);
    // A place inside a company name ("Hunchun Jinxing Garment Co.") is not where a count is.
    const segPlaces = placesBySeg[i]!.filter(
      (p) => !orgs.some((o) => o.start <= p.start && p.end <= o.end),
    );
    const hasWorkers = WORKER_CONTEXT.test(sentence);
    const nearWorkers =
      hasWorkers ||
      paragraphHasWorkers.has(seg.paragraph) ||
      paragraphHasWorkers.has(seg.paragraph - 1);

    // Worker counts.
    for (const q of workerCounts(text, seg, hasWorkers, nearWorkers)) {
      const found = placeFor(text, q, segPlaces);
      const place = found ? listPlace(text, found, segPlaces, places) : contextPlace(i);
      const endAt = Math.max(
        q.nounEnd,
        place && place.start >= q.end && place.start - q.nounEnd < 40 ? place.end : 0,
      );
      draft("worker_count", [q.start, endAt], i, {
        place,
        valueMin: q.min,
        valueMax: q.max,
        valueUnit: "workers",
        valueText: q.text,
        qualifier: q.qualifier,
      });
    }

    // Statement kinds: one claim per kind per sentence, the sentence as the quote.
    const durations = findDurations(text, seg.start, seg.end);
    for (const [kind, cue] of KIND_CUES) {
      if (!cue.test(sentence)) continue;
      if (
        kind === "visa_practice" &&
        !hasWorkers &&
        !/visa|permit|pass|renew|stay|签证|通行证|续签|비자|도강증|갱신/i.test(sentence)
      )
        continue;
      // Durations qualify stays, limits and deadlines; an incident's length is not its value.
      const duration = kind === "incident" ? undefined : durations[0];
      const place = segPlaces[0] ?? contextPlace(i);
      draft(kind, [seg.start, seg.end], i, {
        place,
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

    // Employers: organisation names in a sentence about work.
    if (EMPLOYER_CONTEXT.test(sentence)) {
      for (const org of orgs) {
        const inName = places.find(text, org.start, org.end)[0];
        const place = inName ?? nearestPlace(segPlaces, org.start) ?? contextPlace(i);

        draft("employer", [org.start, org.end], i, { place, organisation: org.name });
      }
    }
  });
  return out.map(({ u16: _u16, ...d }) => d);
}

interface WorkerCount extends Quantity {
  nounEnd: number;
}

function workerCounts(
  text: string,
  seg: Segment,
  hasWorkers: boolean,
  nearWorkers: boolean,
): WorkerCount[] {
  const out: WorkerCount[] = [];
  const cjk = findCjkQuantities(text, seg.start, seg.end);
  // A number inside a Chinese or Korean count ("6천500명") is not an English quantity too.
  const english = findEnglishQuantities(text, seg.start, seg.end).filter(
    (q) => !cjk.some((c) => c.start < q.end && q.start < c.end),
  );
  let accepted = false;
  for (const q of [...english, ...cjk].sort((a, b) => a.start - b.start)) {
    const before = text.slice(Math.max(seg.start, q.start - 16), q.start);
    const after = text.slice(q.end, seg.end);
    if (
      /(?:US)?[$€¥£₩]\s*$|\bNo\.\s*$|\baged?\s*$|\bin\s+their\s+(?:early|mid|late)?\s*$|\bUNSCR\s*$|\bresolution\s*$|\bparagraph\s*$|\bseats?\s+(?:about\s+|some\s+)?$|\bcapacity\s+of\s*$|\bof\s+the\s*$|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i.test(
        before,
      )
    )
      continue;
    // Years and dates are not counts ("in 2019", "22 December").
    if (q.qualifier === "exact" && /^(?:19|20)\d{2}$/.test(q.text.trim())) continue;
    if (
      /^\s*(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(
        after,
      )
    )
      continue;
    if (/^\s*(?:%|percent|per\s*cent)/i.test(after)) continue;
    if (/^\s*[-–]?\s*(?:years?|days?|months?|weeks?)[-\s]old\b/i.test(after)) continue;
    const isCjk = /[\p{Script=Han}\p{Script=Hangul}]/u.test(q.text) || /^\s?[名人명]/u.test(after);
    if (isCjk) {
      // A count of people (名, 명) in a paragraph about workers is a count of workers.
      if (CJK_WORKER_NEAR.test(after) || nearWorkers) {
        const near =
          /^(?:多|余)?(?:名|人)?(?:的)?(?:朝鲜|北韩)?(?:籍)?(?:工人|劳工|劳务人员|女工|员工|务工人员)?|^\s?(?:의\s)?(?:북한\s?)?(?:노동자|근로자|여성|인력|여공)?/u.exec(
            after,
          );
        out.push({ ...q, nounEnd: q.end + (near?.[0].length ?? 0) });
      }
      continue;
    }
    // "of them" / "of the workers": "150 of them went to one garment firm".
    const words =
      /^((?:\s+(?:of\s+(?:the|them|those|whom)\s*)?[\w'’-]+){0,6})/.exec(after)?.[1] ?? "";
    const tokens = words.trim().split(/\s+/).filter(Boolean);
    let nounEnd = -1;
    let consumed = 0;
    let blocked = false;
    for (let k = 0; k < tokens.length && k < 6; k++) {
      const rest = tokens.slice(k).join(" ");
      const offset = after.indexOf(tokens[k]!, consumed);
      consumed = offset + tokens[k]!.length;
      if (NOT_WORKERS.test(rest)) {
        blocked = true;
        break;
      }
      const noun = WORKER_NOUN.exec(rest);
      if (noun) {
        nounEnd = q.end + offset + noun[0].length;
        break;
      }
      if (
        OTHER_NOUN.test(rest) ||
        /^(?:in|at|on|to|from|and|or|who|which|that|were|are|was|is|have|had|had|said|by|with|for)$/i.test(
          tokens[k]!,
        )
      ) {
        blocked = OTHER_NOUN.test(rest);
        break;
      }
    }
    if (blocked) continue;
    // "One North Korean official", "two workers said": single people and informants.
    const small = (q.max ?? q.min ?? 0) < 5;
    if (nounEnd >= 0) {
      if (small || /^\s*(?:said|say|says|told|interviewed)\b/i.test(text.slice(nounEnd, seg.end)))
        continue;
      out.push({ ...q, nounEnd });
      accepted = true;
      continue;
    }
    // No noun after the number: a bare count in a sentence about workers ("6,500 in Hunchun
    // alone", "…has risen to 3,000.") counts if nothing else follows it.
    const verbFollows =
      /^\s*(?:more\s+)?(?:(?:were|are|have|had)\s+(?:been\s+)?)?(?:seen|work(?:ed|ing)?|employed|expected|live[ds]?|remain(?:ed)?|stay(?:ed)?|arrived|crossed|entered|returned|went|sent)\b/i.test(
        after,
      );
    // In "About 1,200 work in Tumen, 800 in Helong", the second count follows the first.
    if (
      (hasWorkers || (nearWorkers && (verbFollows || accepted))) &&
      (q.min ?? q.max ?? 0) >= 10 &&
      (verbFollows ||
        /^\s*(?:$|[.,;:)]|in\b|at\b|across\b|inside\b|alone\b|and\b|more\b)/i.test(after)) &&
      !/\b(?:by|of|on|since|until|from|to)\s*$/i.test(before)
    ) {
      out.push({ ...q, nounEnd: q.end });
      accepted = true;
    }
  }
  return out;
}

/** The place a count is about: the nearest mention after "in/at …" that follows it, else the
 * nearest before it in the sentence. */
function placeFor(text: string, q: Quantity, mentions: PlaceMention[]): PlaceMention | undefined {
  const after = mentions.filter((m) => m.start >= q.end);
  const prep = after.find(
    (m) =>
      /(?:\b(?:in|at|into|to|near|around|across|inside|throughout|of)\s+(?:the\s+)?(?:(?:chinese\s+)?(?:border\s+)?city\s+of\s+|nearby\s+)?)$/i.test(
        text.slice(Math.max(q.end, m.start - 40), m.start),
      ) &&
      m.start - q.end < 80 &&
      // "hired 80 workers through a broker in Dandong": the broker's place, not the workers'.
      !/\b(?:through|via|from|broker|agency)\b/i.test(text.slice(q.end, m.start)),
  );
  // Another count between this one and the place means the place belongs to the other count.
  if (prep && !/\d/.test(text.slice(q.end, prep.start).replace(/\d{4}/g, ""))) return prep;
  const before = mentions.filter((m) => m.end <= q.start);
  if (before.length > 0) return before[before.length - 1];
  return prep ?? after[0];
}

/**
 * A place that is one of a list ("across Hunchun, Tumen and Longjing", "투먼과 허룽에도",
 * "宽甸和集安") stands for the list: the smallest region that holds all of them, or none.
 */
function listPlace(
  text: string,
  found: PlaceMention,
  mentions: PlaceMention[],
  index: PlaceIndex,
): PlaceMention | undefined {
  const joiner = /^\s*(?:,|、|and|or|和|与|及|과|와|,\s*and)\s*(?:in\s+)?(?:nearby\s+)?$/i;
  let first = mentions.indexOf(found);
  let last = first;
  while (first > 0 && joiner.test(text.slice(mentions[first - 1]!.end, mentions[first]!.start)))
    first--;
  while (
    last < mentions.length - 1 &&
    joiner.test(text.slice(mentions[last]!.end, mentions[last + 1]!.start))
  )
    last++;
  if (first === last) return found;
  const members = mentions.slice(first, last + 1);
  const cityIds = new Set(members.flatMap((m) => index.places.get(m.placeId)?.cityIds ?? []));
  const regions = [...index.places.values()]
    .filter((p) => p.kind === "region" && [...cityIds].every((c) => p.cityIds.includes(c)))
    .sort((a, b) => a.cityIds.length - b.cityIds.length);
  const region = regions[0];
  if (!region) return undefined;
  const span = { start: members[0]!.start, end: members[members.length - 1]!.end };
  return { ...span, placeId: region.id, text: text.slice(span.start, span.end) };
}

function nearestPlace(mentions: PlaceMention[], at: number): PlaceMention | undefined {
  return nearest(mentions, at);
}

function nearest<T extends { start: number }>(items: T[], at: number): T | undefined {
  let best: T | undefined;
  for (const it of items)
    if (!best || Math.abs(it.start - at) < Math.abs(best.start - at)) best = it;
  return best;
}
