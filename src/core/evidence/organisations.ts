/**
 * Organisation names in report text (employers, dispatching companies, sanctioned agencies)
 * and a matching key that lets "Hunchun Dongyang Seafood Co., Ltd." in a report meet
 * "珲春市东洋水产有限公司" in a port log's sponsor column.
 */
import { hanToPinyin, romanize } from "../names/index.js";
import { placeKey } from "../text.js";

export interface OrgMention {
  start: number;
  end: number;
  name: string;
}

// Words that end an English organisation name (a legal form or a line of business).
const EN_TAIL =
  "(?:Co\\.,?\\s*Ltd\\.?|Company(?:,?\\s*Ltd\\.?)?|Co\\.|Ltd\\.?|Group|Corporation|Corp\\.|Inc\\.|Factory|Plant|Trading(?:\\s+Co(?:mpany|\\.))?|Seafoods?|Foodstuffs?|Foods?|Garments?|Textiles?|Industry(?:\\s*(?:&|and)\\s*Trade)?|Industrial|Enterprises?|Bureau|Products|Fisheries|Clothing|Apparel|Pharmaceuticals?|Electronics|Logistics|General\\s+Bureau|Office\\s+39)";
const CAP_WORD = "(?:[A-Z][\\w'’\\-]*|&|and|of)";
const EN_ORG = new RegExp(
  `\\b[A-Z][\\w'’\\-]*(?:\\s+${CAP_WORD}){0,6}\\s+${EN_TAIL}(?:,?\\s+(?:Co\\.,?\\s*)?Ltd\\.?)?(?![\\w])|\\bMinistry\\s+of\\s+(?:the\\s+)?[A-Z][\\w'’]*(?:\\s+[A-Z][\\w'’]*){0,3}|\\bOffice\\s+39\\b`,
  "g",
);
// A proper name followed by a lower-case line of business: "the Hong Chao Zhi Yi garment factory".
const EN_ORG_LOWER =
  /\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,5}\s+(?:garment|seafood|food|textile|clothing|wood|fish|processing|shoe)\s+(?:factory|plant|company|firm|mill)\b/g;
// Leading words that start a sentence or a clause rather than a name.
const EN_LEAD =
  /^(?:(?:The|A|An|In|At|For|By|From|With|And|But|Of|To|On|Both|Its|Their|Two|Several|Some|Many|Other|One|Local|North|South|Chinese)\s+)+/;

// Legal forms only: "工厂" (factory) alone ends too many common phrases ("宽甸和集安的工厂").
const ZH_ORG =
  /[\p{Script=Han}]{2,20}?(?:有限责任公司|有限公司|集团|公司|商社|会社|委员会|委員會|总局|總局|指导局|指導局)/gu;
// Bodies that monitor the workers rather than employ or send them.
const ZH_NOT_EMPLOYER = /制裁|安理|联合国|聯合國|专家|專家/u;
// Where a Chinese name starts: after the last preposition, verb of employment, particle or
// description before it ("中国丹东的一家海鲜加工企业东港市金辉食品公司" → 东港市金辉食品公司).
const ZH_CUT = /^.*(?:[在于被由向到从給给为為与與及和受雇的是、，,：:]|一家|企业|企業|——)/u;
const KO_ORG =
  /[가-힣]{2,12}(?:\s[가-힣]{2,8})?\s?(?:유한회사|주식회사|무역회사|총회사|회사|기업소|지도국|관리국|총국)|[가-힣]{2,6}(?:안전|보위|보안|무력|외무|국방|건설|수산|철도|무역|경제|공업)성(?=$|[\s,.·'"”)]|[과와의은는이가을를에도]|소속|산하)/gu;

const KO_NOT_NAME =
  /^(?:다른|같은|해당|이|그|한|모|어느|여러|각|현지|중국|북한|러시아|대형|소형|민간|국영)\s?(?:유한회사|주식회사|무역회사|총회사|회사|기업소|총국)$/u;

const KO_LEAD = /^(?:북한|중국|러시아|조선|[가-힣]+(?:은|는|이|가|을|를|의|에|와|과|도|로))\s/u;

const ZH_CITY_HINT = /(珲春|丹东|图们|和龙|龙井|延吉|集安|长白|临江|宽甸|安图|沈阳|延边)/u;

export function findOrganisations(text: string, from = 0, to = text.length): OrgMention[] {
  const out: OrgMention[] = [];
  const slice = text.slice(from, to);
  // Each reader runs only where its closing words occur: most sentences name no company.
  const latin = /[A-Z]/.test(slice);
  for (const re of latin ? [EN_ORG_LOWER, EN_ORG] : []) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const lead = EN_LEAD.exec(m[0])?.[0].length ?? 0;
      const name = m[0].slice(lead).replace(/[,\s]+$/, "");
      const start = from + m.index + lead;
      // A name needs a distinctive word before its tail ("Seafood" alone is not a company).
      if (
        name.split(/\s+/).length < 2 ||
        out.some((o) => o.start < start + name.length && start < o.end)
      )
        continue;
      out.push({ start, end: start + name.length, name });
    }
  }
  ZH_ORG.lastIndex = 0;
  const zh = /公司|集团|商社|会社|委员会|委員會|总局|總局|指导局|指導局/.test(slice);
  for (let m = zh ? ZH_ORG.exec(slice) : null; m; m = ZH_ORG.exec(slice)) {
    let raw = m[0];
    let lead = ZH_CUT.exec(raw.slice(0, -2))?.[0].length ?? 0;
    const city = ZH_CITY_HINT.exec(raw.slice(lead));
    if (city && city.index > 0) lead += city.index;
    raw = raw.slice(lead);
    if (raw.length < 4 || raw.includes("的") || ZH_NOT_EMPLOYER.test(raw)) continue;
    out.push({ start: from + m.index + lead, end: from + m.index + m[0].length, name: raw });
  }
  KO_ORG.lastIndex = 0;
  const ko = /회사|기업소|국|성/.test(slice);
  for (let m = ko ? KO_ORG.exec(slice) : null; m; m = KO_ORG.exec(slice)) {
    // "다른 회사", "한 회사", "중국 회사": a determiner or a country before the legal form.
    if (KO_NOT_NAME.test(m[0])) continue;
    // A country before the name ("북한 대외건설지도국") and a first word ending in a particle
    // ("기관은 대외건설지도국") are not part of it.
    const lead = KO_LEAD.exec(m[0])?.[0].length ?? 0;
    const start = from + m.index + lead;
    out.push({ start, end: from + m.index + m[0].length, name: m[0].slice(lead) });
  }
  // "建筑公司", "복장 회사": a legal form and a line of business with no name are no company.
  return out
    .filter((o) => organisationKey(o.name).trade.length >= 4)
    .sort((a, b) => a.start - b.start);
}

/** Pinyin for Chinese characters, Revised Romanization for Hangul, no spaces. */
export function cjkToLatin(run: string): string {
  return /\p{Script=Hangul}/u.test(run) ? romanize(run, "rr") : hanToPinyin(run);
}

// Legal forms and place prefixes carry no identity; lines of business are mapped to one
// English word so that a Chinese or Korean name meets its English rendering.
const LEGAL_FORMS =
  /(有限责任公司|有限公司|股份公司|公司|集团|유한회사|주식회사|회사|\bco\b\.?,?|\bltd\b\.?|\bcompany\b|\bcorporation\b|\bcorp\b\.?|\binc\b\.?|\bgroup\b|\blimited\b)/giu;
const LINES: [RegExp, string][] = [
  [/水产|水產|수산|seafoods?|fisheries/giu, " seafood "],
  [/服装|服裝|피복|의류|복장|봉제|garments?|clothing|apparel/giu, " garment "],
  [/建筑|建築|건설|construction/giu, " construction "],
  [/劳务|勞務|中介|인력|staffing/giu, " staffing "],
  [/食品|식품|foodstuffs?|foods?/giu, " food "],
  [/纺织|紡織|방직|textiles?/giu, " textile "],
  [/贸易|貿易|무역|trading|trade/giu, " trading "],
  [/电子|電子|전자|electronics/giu, " electronics "],
  [/制药|製藥|제약|pharmaceuticals?/giu, " pharma "],
  [/木业|木業|목업|wood\s+industry/giu, " wood "],
  [/实业|實業|industry(?:\s*(?:&|and)\s*trade)?/giu, " industry "],
];
const CITY_PREFIXES =
  /^(珲春市?|丹东市?|图们市?|和龙市?|龙井市?|延吉市?|集安市?|长白县?|延边|훈춘시?|단동시?|단둥시?|도문시?|화룡시?|룡정시?|연길시?|hunchun|dandong|tumen|helong|longjing|yanji|ji'?an|changbai|yanbian)\s*/iu;

/**
 * A matching key for an organisation: legal form and city prefix dropped, line of business
 * in English, runs of Chinese characters or Hangul to Latin letters via the injected
 * `toLatin` (pinyin and Revised Romanization from the names module: 东洋 and 동양 both give
 * "dongyang"), then letters and digits only. Returns the full key and the distinctive part.
 */
export function organisationKey(
  name: string,
  toLatin: (cjkRun: string) => string = cjkToLatin,
): { key: string; trade: string } {
  let s = name.normalize("NFKC").trim();
  s = s.replace(LEGAL_FORMS, " ").trim();
  s = s.replace(CITY_PREFIXES, "").trim();
  let lineWords = "";
  for (const [re, word] of LINES) {
    if (re.test(s)) {
      lineWords += word;
      s = s.replace(re, " ");
    }
    re.lastIndex = 0;
  }
  const trade = placeKey(
    s.replace(
      /[\p{Script=Han}]+|[\p{Script=Hangul}]+/gu,
      (run) => ` ${toLatin(run).replace(/\s+/g, "")} `,
    ),
  );
  return { key: trade + placeKey(lineWords), trade };
}
