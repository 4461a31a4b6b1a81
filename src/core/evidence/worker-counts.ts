/**
 * Head counts of workers in a sentence: a quantity tied to a people noun by the sentence's
 * structure ("2,000 newly dispatched North Korean garment workers", "6,500명의 북한 노동자",
 * "8万名朝鲜工人", "朝鲜人超过十万"), or a bare count in a sentence or paragraph about workers
 * ("6,500 in Hunchun alone", "some 50,000 were in China"). What is counted must be workers:
 * money, percentages, ages, years, vehicles, factories, visas issued to tourists and students,
 * group sizes ("in groups of 20", "한 번에 수십 명", "五人一组") and single informants are not.
 */
import { findCjkQuantities, findEnglishQuantities, type Quantity } from "./quantities.js";
import type { Segment } from "./segment.js";
import { NON_WORKER_CJK, NON_WORKER_EN } from "./worker-lexicon.js";

const MAX_WORKERS_ABROAD = 500_000;

export interface WorkerCount extends Quantity {
  /** End of the count's noun phrase (UTF-16), for the quote. */
  nounEnd: number;
}

// Nouns for the people a count refers to. Modifiers between the number and the noun are
// allowed ("2,000 newly dispatched North Korean garment workers").
const WORKER_NOUN =
  /^(?:workers?|labou?rers?|employees?|women|men|girls|seamstresses|staff|recruits?|North\s+Koreans\b|trainees?|interns?|nationals|residents|people|individuals|persons|personnel|crew(?:men|\s+members)?|fishermen|cooks|waitresses|nurses|doctors|physicians|surgeons|dentists|medics|artists|sculptors|architects|instructors|painters|carpenters|plasterers|drivers|(?:im|e)?migrants?|citizens|builders|loggers|miners|Koreans|technicians|engineers|programmers|developers|specialists|experts|expats|expatriates|hackers|loggers|welders|seafarers)\b/i;
const NOT_WORKERS = new RegExp(
  `^(?:Chinese|local|Han|ethnic|South\\s+Korean|Korean-Chinese|foreign|South\\s+Koreans|${NON_WORKER_EN})\\b`,
  "i",
);
// A word after the number that makes it something other than a head count.
const OTHER_NOUN =
  /^(?:buses|coaches|vehicles|trucks|factories|plants|companies|firms|employers|sites|days?|weeks?|months?|years?|hours?|minutes?|yuan|dollars|won|euros?|percent|per\s*cent|km|kilomet(?:re|er)s?|miles|tons?|tonnes|times|rooms|storeys|floors|acres|hectares|shipments|importers|members|countries|states|groups|teams|dormitories|passports|visas|permits|tourist|student|cases|metres|meters|beds|seats|pages|containers|kg|%)\b/i;
// Chinese and Korean worker noun phrases after a count: a few modifiers ("朝鲜IT", "북한 IT
// 전문") and a head of the worker category — workers, staff, labour, technicians, women
// workers, or DPRK nationals ("北韩人", "북한 주민") — possibly as the end of a compound
// ("建筑工人", "전문인력").
const ZH_WORKER_HEAD =
  "(?:工人|劳工|勞工|女工|伐木工|焊工|矿工|礦工|建筑工|建築工|员工|員工|雇员|僱員|人员|人員|劳动者|勞動者|劳动力|勞動力|劳务|勞務|女性|妇女|婦女|工程师|工程師|程序员|程序員|厨师|廚師|医生|醫生|医师|醫師|护士|護士|医疗队|醫療隊|医护|醫護|服务员|服務員|船员|船員|渔民|漁民|朝鲜人|朝鮮人|北韩人|北韓人|工友|人力|渔工|漁工|(?:朝鲜|朝鮮|北韩|北韓)居民)";
const ZH_MODIFIER =
  "(?:[^\\s\\d，。,、；;：:「」“”()（）在是被将將到从從有和与與及于於为為向往等]{0,8}?)";
// A trade noun in 공 (工: 벌목공, 건설공, 용접공) names workers like 노동자.
const KO_WORKER_HEAD =
  "(?:노동자|근로자|노무자|여성|인력|여공|종업원|직원|기술자|노동력|북한인|국적인|국적자|북한\\s?주민|북한\\s?사람|일꾼|해커|광부|선원|어부|의료진|의료인|간호사|의사(?!결정|표시|소통|록)|(?:벌목|건설|용접|봉제|기능|숙련|미장|도장)공)";
const KO_MODIFIER = "(?:[가-힣A-Za-z]+(?<![이가을를은는에도고며면다서로])\\s)";
// A noun ending in 이 right before the worker noun modifies it ("외화벌이 일꾼", "돈벌이 노동자"),
// though 이 after a word is most often the subject particle.
const KO_NOUN_IN_I = "[가-힣]{2,}이";
const CJK_WORKER_NEAR = new RegExp(
  `^(?:多|余|餘)?(?:名|个|個|人)?(?:的)?${ZH_MODIFIER}${ZH_WORKER_HEAD}|^\\s?명?\\s?(?:의\\s)?${KO_MODIFIER}{0,3}(?:${KO_NOUN_IN_I}\\s)?[가-힣A-Za-z]*?${KO_WORKER_HEAD}`,
  "u",
);
// The worker noun governs a count set after it directly ("朝鲜工人约300名", "북한 주민 3천여 명")
// or as "the number of" it ("노동자 수는 대략 1천800명", "劳工人数达3万").
const CJK_WORKER_BEFORE = new RegExp(
  `(?:${ZH_WORKER_HEAD}|${KO_WORKER_HEAD})(?:\\s?(?:의\\s)?수(?:는|가|도)?|人数|人數|들?\\s?(?:중|가운데)(?:에서)?|들?(?:은|는|이|가)|(?:当中|當中|之中|中)(?:有|约|約)?)?\\s?(?:현재|지금|이미|모두|目前|现在|現在|已经|已經|共有)?(?:\\s?(?:为|為|是|达|達|已达|已達|达到|達到|有|共有|多达|多達|约|約|大约|大約|共|近|超过|超過|약|대략|최소|무려|총)){0,2}\\s?$`,
  "u",
);
// A count governed by a people noun that is not workers: soldiers, troops, officials
// ("1500多名朝鲜军人", "수천 명의 북한군 병력", "兵力已达3000多人").
const CJK_NON_WORKER_AFTER = new RegExp(
  `^(?:多|余|餘)?(?:名|个|個|人)?(?:的)?[^\\s\\d，。,、；;：:]{0,8}?(?:${NON_WORKER_CJK})|^\\s?명?\\s?(?:의\\s)?(?:[가-힣A-Za-z]+\\s){0,2}[가-힣A-Za-z]*?(?:${NON_WORKER_CJK})`,
  "u",
);
const CJK_NON_WORKER_BEFORE = new RegExp(`(?:${NON_WORKER_CJK})[^，。,；;工劳勞노근]{0,10}$`, "u");
// A count that is the size of a shortage ("缺口将从目前的150万人", "부족 인력 5만 명",
// "a shortage of 2 million"): the workers missing, not present.
const SHORTAGE_BEFORE =
  /(?:缺口|短缺|부족|모자라)[^，。,]{0,30}$|\bshortage\s+of\s+(?:about\s+|some\s+)?$/u;
const ZH_NOUN_TAIL = new RegExp(
  `^(?:多|余|餘)?(?:名|人)?(?:(?:的)?${ZH_MODIFIER}${ZH_WORKER_HEAD})?`,
  "u",
);
const KO_NOUN_TAIL = new RegExp(
  `^(?:\\s?(?:의\\s)?${KO_MODIFIER}{0,3}(?:${KO_NOUN_IN_I}\\s)?[가-힣A-Za-z]*?${KO_WORKER_HEAD})?`,
  "u",
);

// Before a number: money, a document number or reference (annex, table, page), an age, a
// resolution, a seat count, a back-reference ("of the 500"), a month name (a date), or a batch
// ("한 번에", "每批").
const NOT_A_COUNT_BEFORE =
  /(?:US)?[$€¥£₩]\s*$|\bNo\.\s*$|\baged?\s*$|\bin\s+their\s+(?:early|mid|late)?\s*$|\bUNSCR\s*$|\bresolution\s*$|\bparagraph\s*$|\b(?:annex|appendix|table|figure|fig\.|chapter|section|page|pp?\.|paras?\.|articles?|art\.|clauses?|paragraphs)\s*$|\bseats?\s+(?:about\s+|some\s+)?$|\bcapacity\s+of\s*$|\bone\s+(?:in|out\s+of)\s*$|\bof\s+the\s*$|\bshortage\s+of\s+(?:about\s+|some\s+)?$|\bgroups\s+of\s+(?:about\s+|some\s+)?$|\b(?:in|into|small|per)\s+(?:a\s+)?(?:small\s+)?group\s+of\s+(?:about\s+|some\s+)?$|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:and|to|-|–|,)\s*$|\b(?:country|nation|city|town|province|region|population)\s+of\s+(?:about\s+|some\s+|around\s+)?$|인구\s?(?:약\s?)?$|人口\s?(?:约|約)?$|한\s?번에[^,.]{0,14}$|每批\s*$|一批\s*$|每次\s*$/i;
// A capitalised unit name right before a number is a designation, not a count: "Department
// 53", "Unit 180", "Bureau 121", "Office 39".
const DESIGNATION_BEFORE =
  /\b(?:Department|Unit|Bureau|Office|Division|Brigade|Room|Team|Section|Group|Camp|No)\s*$/;
// After a Chinese or Korean count: visas given to tourists or students, a group or room size
// ("五人一组", "10人一间"), or a shortage of labour (the workers missing, not present).
const NOT_WORKERS_AFTER_CJK =
  /^(?:多|余|餘)?(?:名|个|個|人)?(?:的)?(?:中国|中國|当地|當地|本地|俄罗斯|俄羅斯|印尼|菲律宾|菲律賓|越南|外国|外國|外籍)(?:籍)?(?:工人|劳工|勞工|员工|員工|船员|船員|渔民|漁民)|^(?:多|余|餘)?(?:名|个|個)?[^，。,、；;\d]{0,12}?(?<!朝鲜|朝鮮|北韩|北韓)籍(?:船员|船員|工人|劳工|勞工|员工|員工|渔民|漁民)|^\s?(?:의\s)?(?:중국|현지|러시아|베트남|외국인?)\s?(?:노동자|근로자|인력|직원)|^\s?씩\s?(?:소?단위|조|팀|그룹|무리)|^(?:人|名)?(?:结|結|组|組)(?:\([^)]{1,6}\))?成一[队隊组組批]|^(?:에게|에)\s?(?:관광|학생|유학|방문)|^一组|^一組|^一间|^一間|^一室|^\s?(?:의\s)?(?:관광객|학생|유학생)|^[^.,。，]{0,8}(?:부족|短缺|缺口)|^(?:名|人)?(?:的)?(?:中国|中國)?(?:朝鲜族|朝鮮族|汉族|漢族)|^\s?(?:의\s)?(?:중국\s?)?(?:조선족|중국인|한족)/u;

// Workers of another nationality named right before the count ("중국 근로자 5천976명", "当地工人约
// 300名"): not North Korea's.
const FOREIGN_WORKERS_BEFORE =
  /(?:중국|현지|러시아|베트남|몽골|외국인?|中国|中國|当地|當地|外国|外國|外籍)\s?(?:노동자|근로자|인력|工人|劳工|勞工)(?:들)?(?:은|는|이|가)?\s?(?:수는|수가|人数|人數)?\s?(?:为|為|是|达|達|有)?\s?(?:약|대략|约|約)?\s?$/u;

/** Counts of workers in the sentence `seg`; `masked` is the text with noise blanked. */
export function findWorkerCounts(
  text: string,
  masked: string,
  seg: Segment,
  hasWorkers: boolean,
  nearWorkers: boolean,
  topicWorkers = nearWorkers,
): WorkerCount[] {
  const out: WorkerCount[] = [];
  const cjk = findCjkQuantities(masked, seg.start, seg.end);
  // A number inside a Chinese or Korean count ("6천500명") is not an English quantity too.
  const english = findEnglishQuantities(masked, seg.start, seg.end).filter(
    (q) => !cjk.some((c) => c.start < q.end && q.start < c.end),
  );
  let accepted = false;
  for (const q of [...english, ...cjk].sort((a, b) => a.start - b.start)) {
    if (!isHeadCountShape(text, q, seg)) continue;
    const after = text.slice(q.end, seg.end);
    const isCjk = /[\p{Script=Han}\p{Script=Hangul}]/u.test(q.text) || /^\s?[名人명]/u.test(after);
    const count = isCjk
      ? cjkWorkerCount(
          q,
          text.slice(seg.start, q.start),
          after,
          nearWorkers || accepted,
          topicWorkers,
        )
      : englishWorkerCount(text, q, seg, { hasWorkers, nearWorkers, topicWorkers, accepted });
    if (!count) continue;
    if ((q.max ?? q.min ?? 0) < 5 && !smallCountGoverned(text, q, seg, isCjk)) continue;
    // Above the largest estimate of all North Koreans working abroad (some 400,000): a
    // population, visitors or a country's own workforce, not the workers reports are about.
    if ((q.min ?? q.max ?? 0) > MAX_WORKERS_ABROAD) continue;
    out.push(count);
    accepted = true;
  }
  return out;
}

/** Shapes that are never head counts: years, dates, percentages, ages, small numbers. */
function isHeadCountShape(text: string, q: Quantity, seg: Segment): boolean {
  const before = text.slice(Math.max(seg.start, q.start - 16), q.start);
  const after = text.slice(q.end, seg.end);
  if (NOT_A_COUNT_BEFORE.test(before) || DESIGNATION_BEFORE.test(before)) return false;
  if (q.qualifier === "exact" && /^(?:19|20)\d{2}$/.test(q.text.trim())) return false;
  // "between 2008 and 2015", "2014-2016": a span of years, not a range of people.
  if (q.qualifier === "range" && isYear(q.min) && isYear(q.max)) return false;
  if (
    /^\s*(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(
      after,
    )
  )
    return false;
  if (/^\s*(?:%|percent|per\s*cent|倍|배)/i.test(after)) return false;
  // "本(11)月", "(3)日": a Chinese or Korean date written with a bracketed number.
  if (/^\s*[)）]?\s*[年月日號号월일]/u.test(after)) return false;
  if (/^\s*[-–]?\s*(?:years?|days?|months?|weeks?)[-\s]old\b/i.test(after)) return false;
  // "Lee, 45, a former worker", "Irina Sidorova, 64, of Promstroy Co.": an age between commas
  // after a name.
  if (
    /[A-Z][\w'’-]*,\s*$/.test(before) &&
    /^\s*,\s*(?:(?:a|an|the|who|said|told)\b|of\s+(?:the\s+)?[A-Z])/i.test(after)
  )
    return false;
  // "조전명 씨(가명·46)", "金某(46)": a bare number under 100 alone in brackets after a name, or
  // after a pseudonym mark, is an age.
  if (
    (q.max ?? 0) < 100 &&
    !/[명名人]/u.test(q.text) &&
    /[(（](?:[^()（）\d]{0,8}[·,，、]\s?)?$/u.test(before) &&
    /^\s?[)）]/u.test(after)
  )
    return false;
  // "300万美元", "5천만 달러": money.
  if (
    /^\s?(?:美元|美金|元|人民币|人民幣|韩元|韓元|卢布|盧布|欧元|歐元|日元|달러|위안|루블|유로|엔화|원(?![가-힣]))/u.test(
      after,
    )
  )
    return false;
  // "二三十岁的", "20~50대", "45살": an age, not a head count.
  if (/^\s?(?:多|余|餘)?(?:岁|歲|살|세)|^대/u.test(after)) return false;
  // "4명 중 1명", "四人中有一人", "one in four": a ratio, not a head count.
  if (/^\s?(?:명|名|人)?\s?(?:중|中有?|之中?有?)\s?(?:1|한|一)\s?(?:명|名|人)/u.test(after))
    return false;
  // "One North Korean official": a single person. Counts under five pass only when a worker
  // noun heads them (findWorkerCounts).
  return (q.max ?? q.min ?? 0) >= 2;
}

/** Whether a small count (under five) is governed by a worker noun phrase of its own ("3名於中國
 * 陝西的朝鮮餐廳員工", "노동자들 중 3명", "2 North Korean workers escaped"); "two workers said" is an
 * informant, not a count. */
function smallCountGoverned(text: string, q: Quantity, seg: Segment, isCjk: boolean): boolean {
  const after = text.slice(q.end, seg.end);
  if (!isCjk) return englishSmallCount(after);
  // "兩國勞工": a small number needs its classifier for people to count them.
  const classifier = /[名个個人명]$/u.test(q.text) || /^\s?(?:名|个|個|人|명)/u.test(after);
  if (!classifier) return false;
  return (
    CJK_WORKER_NEAR.test(after) ||
    CJK_WORKER_PHRASE.test(after) ||
    zhRelativePhrase(q, after) !== null ||
    CJK_WORKER_BEFORE.test(text.slice(Math.max(seg.start, q.start - 12), q.start))
  );
}

// What a handful of workers did or where they are, as the predicate of their noun phrase: "three
// North Koreans working in Malta", "two or three North Koreans had defected", "four workers who
// died". Saying and telling make them informants ("two workers said"), not a count.
const SMALL_COUNT_PREDICATE =
  /^\s*(?:,\s*)?(?:who\s+)?(?:(?:had|have|has|were|are|was|is)\s+(?:also\s+|reportedly\s+)?(?:been\s+)?)?(?:working|employed|living|stationed|defected|escaped|fled|died|killed|injured|missing|disappeared|vanished|arrested|detained|deported|abducted|kidnapped)\b/i;

/** Whether a small English count heads a worker noun that a predicate of work, flight, death or
 * arrest follows. */
function englishSmallCount(after: string): boolean {
  const noun = englishNoun(after.replace(/["“”‘’']/g, " "));
  return typeof noun === "number" && SMALL_COUNT_PREDICATE.test(after.slice(noun));
}

const isYear = (n: number | null) => n !== null && Number.isInteger(n) && n >= 1950 && n <= 2099;

const CJK_PURPOSE = "(?:사업|교육|노동|취업|유학|학업|商务|商務|求职|求職|就业|就業|留学|留學)";
const CJK_PURPOSE_BEFORE = new RegExp(
  `${CJK_PURPOSE}\\s?(?:목적|목적으로는|人员|人員)?\\s?(?:为|為|은|는)?\\s?$`,
  "u",
);
const CJK_PURPOSE_AFTER = new RegExp(
  `^\\s?[)）]?\\s?(?:이|가|은|는)?\\s?${CJK_PURPOSE}\\s?목적`,
  "u",
);
const OTHER_BREAKDOWN =
  /(?:관광|친지\s?방문|친척\s?방문|기타\s?목적|개인\s?사유|여행|旅游|旅遊|观光|觀光|探亲|探親|亲友|親友|其他目的)[^,，。.;；]{0,12}$|(?:성별|연령별|교통수단\s?별|按性别|按性別|按年龄|按年齡)[^.。]*$/u;

// The people nouns a bare count may stand for, workers or not: the last one before it in its
// sentence is its antecedent ("首批1500名兵力后,增派1500多人": soldiers, not workers).
const CJK_PEOPLE_NOUN = new RegExp(
  `(?<worker>${ZH_WORKER_HEAD}|${KO_WORKER_HEAD})|(?<other>${NON_WORKER_CJK})`,
  "gu",
);

// A worker noun heading the phrase after a count, whatever modifies it ("3000名在華朝鮮勞工").
const CJK_WORKER_PHRASE = new RegExp(
  `^(?:多|余|餘)?(?:名|个|個|人)?[^，。,；;]{0,10}?${ZH_WORKER_HEAD}|^\\s?명(?:의)?\\s(?:[가-힣A-Za-z]+\\s){0,3}[가-힣A-Za-z]*?${KO_WORKER_HEAD}`,
  "u",
);

// A count of people with a classifier, then a relative clause or a long modifier closed by 的,
// then a worker noun: "6名自俄烏戰爭爆發以來逃離俄羅斯的北韓勞工", "3名於中國陝西的朝鮮餐廳員工".
const ZH_RELATIVE_PHRASE = new RegExp(
  `^(?:多|余|餘)?[名个個]?[^，。,；;及和与與、中\\d一二两兩三四五六七八九十百千万萬]{1,24}?的[^，。,；;的及和与與、]{0,8}?${ZH_WORKER_HEAD}`,
  "u",
);

/** The Chinese worker noun phrase a count with a classifier heads ("6名…的北韓勞工"), or null. */
function zhRelativePhrase(q: Quantity, after: string): RegExpExecArray | null {
  if (!/[名个個]$/u.test(q.text) && !/^(?:多|余|餘)?[名个個]/u.test(after)) return null;
  return ZH_RELATIVE_PHRASE.exec(after);
}

/** Whether the last people noun of `sentenceBefore` is a worker noun (workers, staff, DPRK
 * nationals), the antecedent a list of bare counts after it stands for. */
export function antecedentIsWorker(sentenceBefore: string): boolean {
  let last: RegExpExecArray | null = null;
  CJK_PEOPLE_NOUN.lastIndex = 0;
  for (let m = CJK_PEOPLE_NOUN.exec(sentenceBefore); m; m = CJK_PEOPLE_NOUN.exec(sentenceBefore))
    last = m;
  return last?.groups?.worker !== undefined;
}

function antecedentIsNonWorker(sentenceBefore: string): boolean {
  let last: RegExpExecArray | null = null;
  CJK_PEOPLE_NOUN.lastIndex = 0;
  for (let m = CJK_PEOPLE_NOUN.exec(sentenceBefore); m; m = CJK_PEOPLE_NOUN.exec(sentenceBefore))
    last = m;
  return last?.groups?.other !== undefined;
}

const KO_PRESENCE =
  /^[^.?!。]{0,100}?(?:명|명씩)?\s?(?:정도|가량|내외|안팎)?\s?(?:이|가)\s?(?:있(?:다|었|는|으며|고|지만)|남아\s?있)|^\s?(?:여\s?)?명\s?(?:정도|가량)?(?:으로|로)\s?(?:줄|늘|감소|증가)/u;

function cjkWorkerCount(
  q: Quantity,
  sentenceBefore: string,
  after: string,
  nearWorkers: boolean,
  topicWorkers: boolean,
): WorkerCount | null {
  const before = sentenceBefore.slice(-12);
  if (
    NOT_WORKERS_AFTER_CJK.test(after) ||
    SHORTAGE_BEFORE.test(before) ||
    FOREIGN_WORKERS_BEFORE.test(before)
  )
    return null;
  const relative = zhRelativePhrase(q, after);
  const nounAfter = CJK_WORKER_NEAR.test(after) || relative !== null;
  if (CJK_NON_WORKER_AFTER.test(after)) return null;
  if (
    !nounAfter &&
    !CJK_WORKER_PHRASE.test(after) &&
    (CJK_NON_WORKER_BEFORE.test(before) || antecedentIsNonWorker(sentenceBefore))
  )
    return null;
  // Entry statistics broken down by purpose, sex, age or transport: a bare count after a purpose
  // that hides no work (tourism, family visits, "other purposes") or in a breakdown by sex, age
  // or means of transport is no count of workers ("관광은 1500명", "赴中国旅游的人数为4500名",
  // "성별로는 남성이 7만7300명").
  if (!CJK_WORKER_PHRASE.test(after) && !nounAfter && OTHER_BREAKDOWN.test(sentenceBefore))
    return null;
  // "수십 명씩", "수천 명씩 고용하는 나라들": a vague number per unit is a typical size, no tally.
  if (q.qualifier === "vague" && /^\s?씩/u.test(after)) return null;
  // A count of people (名, 명) in a paragraph about workers, or after a count of workers in the
  // same sentence ("5,236 名北韓人當中,有 3,765 人"), is a count of workers, and so is one
  // right after or before a worker noun ("북한 주민 3천여 명", "朝鲜工人约300名").
  // Entries by a purpose that can hide work (business, study, work: "교육 62명", "대다수(235명)가
  // 사업 목적으로", "求职人员为7.96万名") in a report about workers are counts of them.
  const purpose =
    topicWorkers && (CJK_PURPOSE_BEFORE.test(before) || CJK_PURPOSE_AFTER.test(after));
  // "쿠웨이트에 2천500명 정도, … 카타르의 건설 현장에 2천명 정도가 있다고", "지금은 500여명으로
  // 줄었다": a bare count as what is somewhere, or as what a number changed to, in a report
  // about workers, counts them.
  const presence = topicWorkers && KO_PRESENCE.test(after);
  const governed =
    nounAfter ||
    purpose ||
    presence ||
    CJK_WORKER_BEFORE.test(before) ||
    CJK_WORKER_PHRASE.test(after);
  if (!governed && !nearWorkers) return null;
  // A handful of people with no worker noun ("7명", "5人") in a passage about workers are
  // individuals named in it (sanctioned, interviewed), not a head count of workers.
  if (!governed && (q.max ?? q.min ?? 0) < 10) return null;
  return {
    ...q,
    nounEnd:
      q.end +
      Math.max(
        ZH_NOUN_TAIL.exec(after)?.[0].length ?? 0,
        KO_NOUN_TAIL.exec(after)?.[0].length ?? 0,
        relative?.[0].length ?? 0,
      ),
  };
}

function englishWorkerCount(
  text: string,
  q: Quantity,
  seg: Segment,
  ctx: { hasWorkers: boolean; nearWorkers: boolean; topicWorkers: boolean; accepted: boolean },
): WorkerCount | null {
  const before = text.slice(Math.max(seg.start, q.start - 16), q.start);
  const after = text.slice(q.end, seg.end);
  // Quotation marks inside a noun phrase (800 North Korean "slave labourers") do not end it.
  const noun = englishNoun(after.replace(/["“”‘’']/g, " "));
  if (noun === "blocked") return null;
  if (noun !== null) {
    const nounEnd = q.end + noun;
    if (/^\s*(?:said|say|says|told|interviewed)\b/i.test(text.slice(nounEnd, seg.end))) return null;
    if (
      !ctx.hasWorkers &&
      !peopleAreNorthKoreans(text.slice(q.end, nounEnd + 48)) &&
      !peopleAreEmployed(
        text.slice(Math.max(seg.start, q.start - 40), q.start),
        text.slice(nounEnd, seg.end),
      )
    )
      return null;
    return withBound(shareOf(text, { ...q, nounEnd }, seg), text.slice(nounEnd, seg.end));
  }
  // No noun after the number: a bare count in a sentence about workers ("6,500 in Hunchun
  // alone", "…has risen to 3,000.", "some 50,000 were in China").
  const verbFollows =
    /^\s*(?:more\s+)?(?:(?:were|are|have|had)\s+(?:been\s+)?)?(?:(?:currently|still|now|reportedly|also|already|officially|legally|illegally|mostly|mainly)\s+)?(?:seen|work(?:ed|ing)?|employed|expected|live[ds]?|remain(?:ed)?|stay(?:ed)?|arrived|crossed|entered|returned|went|sent)\b|^\s*(?:were|are|was|is|remain(?:ed)?)\s+(?:still\s+)?in\b|^\s*(?:were|are|have\s+been|had\s+been|will\s+be)\s+(?:also\s+|still\s+|reportedly\s+)?(?:likely|forced|sent|due|set|left|gone|\w+ed)\b|^\s*(?:have|had)\s+(?:already\s+)?(?:left|gone|returned)\b|^\s*remain\b/i.test(
      after,
    );
  // "declined from 30,023 … to 11,490": a change in a head count names both ends.
  const change =
    /\b(?:declin|fell|fall|drop|decreas|increas|rose|rise|grew|grow|reduc|cut)\w*\b/i.test(
      text.slice(seg.start, q.start),
    );
  // A bare count as the subject of staying or leaving ("Approximately 1,000 remain", "only
  // about 2,000 are left") stands for the people the report is about.
  const presence =
    /^\s*(?:remain(?:ed)?|(?:are|were)\s+(?:still\s+)?(?:left|remaining)|have\s+(?:already\s+)?(?:left|gone))\b/i.test(
      after,
    );
  // "This figure increased from 1,117 in 2023, reaching 21,000": the ends of a change in a
  // head count; "for education, at 7,887, followed by business, at 3,098": entries by a
  // purpose that can hide work (study, business, work), not tourism or transit.
  const changeEnd = change && /\b(?:from|to|reach(?:ing|ed)?)\s*$/i.test(before);
  const purpose =
    /\b(?:education(?:al\s+purposes)?|study|studies|business|work|employment),?\s+at\s*$/i.test(
      before,
    );
  // "The total reached 4,000", "this figure stood at 1,117": the figure itself is the subject.
  const figure = /\b(?:this|that|the)\s+(?:figure|number|total)\b[^.;]{0,40}$/i.test(
    text.slice(seg.start, q.start),
  );
  // In "About 1,200 work in Tumen, 800 in Helong", the second count follows the first.
  const ok =
    (ctx.hasWorkers ||
      (ctx.nearWorkers && (verbFollows || ctx.accepted || changeEnd || figure)) ||
      (ctx.topicWorkers && (presence || purpose))) &&
    (q.min ?? q.max ?? 0) >= 10 &&
    (verbFollows ||
      (changeEnd && /^\s*to\b/i.test(after)) ||
      /^\s*(?:$|[.,;:)]|in\b|at\b|across\b|inside\b|alone\b|and\b|more\b|last\b|this\b|as\s+of\b|according\b|during\b|since\b)/i.test(
        after,
      )) &&
    !(change ? /\b(?:by|of|on|since|until)\s*$/i : /\b(?:by|of|on|since|until|from|to)\s*$/i).test(
      before,
    );
  return ok ? { ...q, nounEnd: q.end } : null;
}

// Nouns for people of any kind: "Nine people, including six Chinese nationals, were indicted",
// "a panel of eight experts". They count workers only in a sentence that names workers, or when
// the phrase says the people are North Korean ("20,000 people from North Korea", "14 citizens of
// the DPRK", "13,000 people came to Russia from North Korea", "North Korean nationals").
const GENERIC_PEOPLE =
  /\b(?:people|persons|individuals|citizens|nationals|residents|experts|specialists)$/i;
const NORTH_KOREAN =
  /\bNorth\s+Korean?s?\b|\bDPRK\b|\bDemocratic\s+People['’]s\s+Republic\b|\bPyongyang\b/i;

// People said to work by the clause that governs them: a relative clause or participle after the
// noun ("Around 30 people, who used to work at the Pavilion", "300 individuals believed to be
// North Korean laborers") or a verb of employing before the number ("which employed 200
// people", "hires some 40 people").
const EMPLOYED_AFTER =
  /^\s*,?\s*(?:(?:who|that)\s+)?(?:(?:used\s+to|had|have|has|were|are|was|is)\s+(?:been\s+)?)?(?:work(?:s|ed|ing)?|employed|hired|dispatched|believed\s+to\s+be\s+(?:[\w-]+\s+){0,3}(?:workers|labou?rers))\b/i;
const EMPLOYS_BEFORE =
  /\b(?:employ|hire|recruit)(?:s|ed|ing)?\s+(?:about|around|some|nearly|over|more\s+than|up\s+to|as\s+many\s+as|an\s+estimated)?\s*$/i;

/** Whether generic people (people, individuals) are workers by the clause that governs them. */
function peopleAreEmployed(before: string, afterNoun: string): boolean {
  return EMPLOYED_AFTER.test(afterNoun) || EMPLOYS_BEFORE.test(before);
}

/** Whether a count's people noun (`phrase`: from the number to a few words after the noun)
 * names workers or North Koreans, not people of any kind. */
function peopleAreNorthKoreans(phrase: string): boolean {
  const noun =
    /^[^.;,]*?\b(?:people|persons|individuals|citizens|nationals|residents|experts|specialists)\b/i.exec(
      phrase,
    );
  if (!noun || !GENERIC_PEOPLE.test(noun[0])) return true;
  const after = phrase.slice(noun[0].length);
  return (
    NORTH_KOREAN.test(noun[0]) ||
    /^[^.;,]{0,40}?\b(?:of|from)\s+(?:the\s+)?(?:North\s+Korea|DPRK|Democratic\s+People)/i.test(
      after,
    )
  );
}

/** Length to the end of the people noun after a number, null if none, or "blocked" when the
 * number counts something else. */
function englishNoun(after: string): number | null | "blocked" {
  // "of them" / "of the workers": "150 of them went to one garment firm".
  const words =
    /^((?:\s+(?:of\s+(?:the|them|those|whom)\s*)?[\w'’-]+){0,6})/.exec(after)?.[1] ?? "";
  const tokens = words.trim().split(/\s+/).filter(Boolean);
  let consumed = 0;
  for (let k = 0; k < tokens.length; k++) {
    const rest = tokens.slice(k).join(" ");
    const offset = after.indexOf(tokens[k]!, consumed);
    consumed = offset + tokens[k]!.length;
    if (NOT_WORKERS.test(rest)) return "blocked";
    const noun = WORKER_NOUN.exec(rest);
    if (noun) return offset + noun[0].length;
    if (OTHER_NOUN.test(rest)) return "blocked";
    if (
      /^(?:in|at|on|to|from|and|or|who|which|that|were|are|was|is|have|had|said|by|with|for|last|this|next|during|since|according|as)$/i.test(
        tokens[k]!,
      )
    )
      return null;
  }
  return null;
}

// "60 percent of its 3,000 workers": the share of a stated total is the count.
const SHARE_BEFORE =
  /(\d+(?:\.\d+)?)\s*(?:percent|per\s*cent|%)\s+of\s+(?:its|their|the|his|her|these|those|some|about|around)?\s*$/i;

function shareOf(text: string, c: WorkerCount, seg: Segment): WorkerCount {
  const m = SHARE_BEFORE.exec(text.slice(seg.start, c.start));
  if (!m || c.min === null || c.max === null || c.qualifier === "vague") return c;
  const pct = Number(m[1]) / 100;
  if (!(pct > 0 && pct <= 1)) return c;
  return {
    ...c,
    start: seg.start + m.index,
    min: Math.round(c.min * pct),
    max: Math.round(c.max * pct),
  };
}

/** "workforces of 200 people or less" is at most 200; "500 workers or more" at least 500. */
function withBound(c: WorkerCount, afterNoun: string): WorkerCount {
  if (c.qualifier !== "exact") return c;
  if (/^\s*or\s+(?:less|fewer|under)\b/i.test(afterNoun))
    return { ...c, min: null, qualifier: "at_most" };
  if (/^\s*or\s+more\b/i.test(afterNoun)) return { ...c, max: null, qualifier: "at_least" };
  return c;
}
