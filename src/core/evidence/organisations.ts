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
  "(?:LLC|JSC|OJSC|PJSC|CJSC|GmbH|S\\.A\\.|SA\\b|Sp\\.?\\s?(?:Zoo|z\\s?o\\.\\s?o\\.)|Co\\.,?\\s*Ltd\\.?|Company(?:,?\\s*Ltd\\.?)?|Co\\.|Ltd\\.?|Group|Corporation|Corp\\.?|Inc\\.|Shipping|Shipyards?|Factory|Plant|Trading(?:\\s+Co(?:mpany|\\.))?|Seafoods?|Foodstuffs?|Foods?|Garments?|Textiles?|Industry(?:\\s*(?:&|and)\\s*Trade)?|Industrial|Enterprises?|Bureau|Products|Fisheries|Clothing|Apparel|Pharmaceuticals?|Electronics|Logistics|General\\s+Bureau|Office\\s+39|Pavilion|Restaurant|Hotel|Association)";
const CAP_WORD = "(?:[A-Z][\\w'’\\-]*|&|and|of)";
const EN_ORG = new RegExp(
  `\\b[A-Z][\\w'’\\-]*(?:\\s+${CAP_WORD}){0,6}\\s+${EN_TAIL}(?:\\s+No\\.?\\s?\\d+\\b)?(?:\\s+for\\s+[A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*){0,3})?(?:,?\\s+(?:Co\\.,?\\s*)?Ltd\\.?)?(?![\\w])|\\bMinistry\\s+of\\s+(?:the\\s+)?[A-Z][\\w'’]*(?:\\s+[A-Z][\\w'’]*){0,3}|\\bOffice\\s+39\\b`,
  "g",
);
// Russian legal forms written before the name: "OOO Stroykompleks", "JSC «Vostok»".
const EN_ORG_PREFIX =
  /\b(?:OOO|LLC|JSC|OJSC|PJSC|CJSC|ZAO|OAO)\s+["“«]?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}["”»]?/g;
// A name in quotation marks after the word for a company: "a construction firm called
// “Stroygrad”", 러시아 건설업체 '스트로이그라드', 俄罗斯公司「东方建设」.
const QUOTED_ORG =
  /(?:\b(?:company|firm|enterprise|contractor|restaurant)\s+(?:called\s+|named\s+)?|(?:회사|업체|기업|건설사|식당|公司|企业|企業|集团|集團|餐厅|餐廳)\s?)['‘"“「《«]([^'’"”」》»\n]{2,30})['’"”」》»]/gu;
// A name in quotation marks that carries its own legal form or line of business:
// ‘단동미령복장공사’, 「朝鮮建設公司」, “Pyongyang Koryo Company”.
const QUOTED_NAME =
  /['‘"“「《«]([^'’"”」》»\n\s]{1,28}?(?:공사|회사|기업소|公司|企业|企業|集团|集團|商社|\b(?:Company|Corporation|Group)))['’"”」》»]/gu;
// North Korea's state bodies that send workers: a mission abroad (건설대표부, 농업대표부) or a
// ministry of a line of work, named after the country (朝鲜军需工业部, 朝鮮勞動黨軍需工業部).
const STATE_BODY =
  /[가-힣]{2,8}대표부(?=$|[\s,.·'"”)]|[과와의은는이가을를에도])|(?<=(?:朝鲜|朝鮮|北韩|北韓)(?:劳动党|勞動黨)?)[\p{Script=Han}]{0,4}(?:工业|工業|体育|體育|建设|建設|贸易|貿易|林业|林業|水产|水產)部(?![门門分長长队隊])/gu;
// A proper name followed by a lower-case line of business: "the Hong Chao Zhi Yi garment factory".
const EN_ORG_LOWER =
  /\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,5}\s+(?:garment|seafood|food|textile|clothing|wood|fish|processing|shoe)\s+(?:factory|plant|company|firm|mill)\b/g;
// Leading words that start a sentence or a clause rather than a name.
const EN_LEAD =
  /^(?:(?:The|A|An|In|At|For|By|From|With|And|But|Of|To|On|Both|Its|Their|Two|Several|Some|Many|Other|One|Local|North|South|Chinese|[A-Z][\w-]*['’]s|[A-Z][\w]*-based)\s+)+/;
// Where a coordinated list of names splits: "Korea Osong Shipping and Chonsurim Trading",
// "Nauta SA and Crist SA" are two names, each ending in its own legal form or line of business.
const EN_SPLIT = new RegExp(`(?<=${EN_TAIL})\\s+and\\s+(?=[A-Z])`, "g");

// Legal forms only: "工厂" (factory) alone ends too many common phrases ("宽甸和集安的工厂").
const ZH_ORG =
  /[\p{Script=Han}A-Za-z]{2,20}?(?:有限责任公司|有限公司|集团|公司|商社|会社|委员会|委員會|总局|總局|指导局|指導局|饭店|飯店|酒店)/gu;
// A name set after a generic category noun (apposition): "朝鲜公司铁山贸易", "俄罗斯建设公司木兰LLC",
// "인력공급업체인 노리소프트", "IT 회사인 KCC그룹".
const ZH_APPOSED =
  /(?:公司|企业|企業|集团|集團)(?<name>(?:(?![的有和与與是在为為])[\p{Script=Han}A-Za-z]){2,10}?(?:贸易|貿易|LLC|商社|集团|集團))/gu;
// "the Russian company Tynda-Les": a capitalised name right after a lower-case category noun.
const EN_APPOSED =
  /\b(?:company|firm|contractor|enterprise|restaurant|shipyard)\s+(?<name>[A-Z][\w'’]*-[A-Z][\w'’-]*|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3})(?=[\s,.;:)]|$)/gu;
// "Selene, a personnel company that has employed them", "Donggang Jinhui Foodstuff, a
// seafood-processing company": a name with its category in apposition after a comma; "the
// Crist shipyard", "Nauta shipyards": a name before a lower-case shipyard.
const EN_APPOSED_AFTER =
  /\b(?<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,4}),\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:company|firm|contractor|subcontractor|agency|enterprise|manufacturer|shipyard|factory)\b|\b(?<!^|[.!?]\s)(?<yard>[A-Z][\w'’-]+)\s+shipyards?\b/gu;
// A name the text introduces with "called"/"named" ("a firm called Kreata", "a construction
// company called GENCO (Korea General Corporation for External Construction)": the expansion in
// brackets belongs to the mention), and in Korean with "라는" ("오굴레비츠(Ogulewicz)라는 이 회사")
// or the suffix 사 after a Latin rendering ("아르멕스(Armex)사"); a Latin rendering in brackets
// names the company.
const EN_CALLED =
  /\b(?:company|firm|enterprise|contractor|subcontractor|factory|agency)\s+(?:called|named)\s+(?<name>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})(?:\s?\([^()\n]{3,80}\))?/gu;
const KO_CALLED =
  /(?<hangul>[가-힣]{2,12})(?:\((?<name>[A-Z][\w'’&. -]{1,40})\))?(?:(?:이)?라는\s(?:이\s)?(?:회사|업체|기업|식당)|(?<=\))사(?=$|[\s,.·'"”)]|[과와의은는이가을를에도]))/gu;
const KO_APPOSED =
  /(?:업체|회사|기업|시설|업소|기관|단체|그룹)인\s['‘"“]?(?<name>[가-힣A-Za-z0-9]{2,15}?)['’"”]?(?=(?:은|는|이|가|을|를|의|에|와|과|도|로|에서|를\s통해)?[\s,.·'"”)]|$)/gu;
// Generic words of a line of business or a place: a name made only of them, and a legal form,
// names no one ("外贸公司", "노동자 파견 회사", "파견 서비스 회사").
const GENERIC_WORDS =
  /水产品|水產品|这些|這些|那些|幌子|空壳|空殼|合资|合資|합작|해운|电子|電子|产品|產品|组装|組裝|外贸|外貿|对外|對外|贸易|貿易|建设|建設|建筑|建築|劳务|勞務|派遣|服务|服務|水产|水產|服装|服裝|食品|加工|工厂|工廠|海鲜|海鮮|科技|当地|當地|外国|外國|中国|中國|俄罗斯|俄羅斯|朝鲜|朝鮮|北韩|北韓|韩国|韓國|这家|這家|一家|两家|兩家|파견|서비스|노동자|노동|인력|공급|용역|건설|무역|수산|봉제|의류|식품|외화벌이|해외|숙박|현지|중국|북한|러시아|대형|소형|민간|국영|위장|IT|营建|營建|营造|營造|建造|土建|工程|人力|输出|輸出|木材|林业|林業|采伐|採伐|渔业|漁業|矿业|礦業|纺织|紡織|制衣|製衣|餐饮|餐飲|원목|목재|임업|벌목|연합|수출|송출|어업|광업|섬유|건축|토목|\s/giu;
// Bodies that monitor, police or report on the workers rather than employ or send them: the
// sanctions bodies, a host state's interior, migration and investigative services, the press.
const ZH_NOT_EMPLOYER =
  /航空|制裁|安理|联合国|聯合國|专家|專家|内务部|內務部|移民|侦查|偵查|调查|調查|司法|检察|檢察|警察|警方|法院|广播|廣播|通讯社|通訊社|新闻|新聞|电视|電視|日报|日報/u;
// A country, a determiner or a quantifier before the legal form is no name: 俄罗斯公司, 当地公司,
// 美國公司, 這些公司, 眾多公司, 逾百家美國公司, 朝鲜饭店.
const ZH_NOT_NAME = new RegExp(
  `^(?:${[
    "中国|中國|俄罗斯|俄羅斯|朝鲜|朝鮮|北韩|北韓|韩国|韓國|南韩|南韓|美国|美國|日本|英国|英國",
    "新加坡|台湾|臺灣|台灣|香港|波兰|波蘭|蒙古|越南|老挝|寮國|柬埔寨|马来西亚|馬來西亞|外资|外資",
    "当地|當地|外国|外國|该|該|这家|這家|这些|這些|那些|其他|其它|各|每家|全球|眾多|众多|许多|許多",
    "不少|一些|逾?[百千数數几幾]+家|之前|此前|从|從|在|向|与|與",
  ].join("|")})+(?:公司|集团|集團|饭店|飯店|酒店)$`,
  "u",
);
// Where a Chinese name starts: after the last preposition, verb of employment, particle or
// description before it ("中国丹东的一家海鲜加工企业东港市金辉食品公司" → 东港市金辉食品公司).
const ZH_CUT =
  /^.*(?:或者|[在于被由向到从給给为為与與及和或受雇的是、，,：:党黨]|一家|多家|几家|幾家|不少|一些|许多|許多|否认|否認|企业|企業|——|根据|根據|加入|通过|通過|经由|經由|旗下|下属|下屬|包括|[一二三四五六七八九十两兩\d]+(?:名|个|個|家))/u;
const KO_ORG =
  /[가-힣]{2,12}(?:\s[가-힣]{2,8})?\s?(?:유한회사|주식회사|무역회사|총회사|회사|기업소|지도국|관리국|총국|창작사|그룹)|[가-힣]{2,6}(?:안전|보위|보안|무력|외무|국방|건설|수산|철도|무역|경제|공업)성(?=$|[\s,.·'"”)]|[과와의은는이가을를에도]|소속|산하)/gu;

const KO_NOT_NAME =
  /^(?:(?:모든|다른|같은|해당|이|그|한|모|어느|여러|각|현지|중국|북한|러시아|미국|일본|대형|소형|민간|국영|그간|그동안|당시|최근|이후)\s?)+(?:유한회사|주식회사|무역회사|총회사|회사|기업소|총국|그룹)$|^(?:그룹|기업소|회사|총회사|무역회사|유한회사|주식회사|총국|창작사)$/u;

// Leading words that are no part of a Korean name: a country, a word ending in a particle
// ("기관은"), a verb form ("따르면", "있는데") or a bound noun of place or affiliation ("소재").
const KO_LEAD =
  /^(?:(?:북한|중국|러시아|조선|평양|소재|소속|산하|계열|[가-힣]+(?:은|는|이|가|을|를|의|에|와|과|도|로|면|데|고|며|서|다|운|던|된))\s)+/u;

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
      const whole = m[0].slice(lead).replace(/[,\s]+$/, "");
      let offset = from + m.index + lead;
      for (const name of whole.split(EN_SPLIT)) {
        const start = offset + whole.slice(offset - from - m.index - lead).indexOf(name);
        offset = start + name.length;
        // A name needs a distinctive word before its tail ("Seafood" alone is not a company).
        if (
          name.split(/\s+/).length < 2 ||
          out.some((o) => o.start < start + name.length && start < o.end)
        )
          continue;
        out.push({ start, end: start + name.length, name });
      }
    }
  }
  if (/OOO|LLC|JSC|ZAO|OAO/.test(slice)) pushAll(out, slice, from, EN_ORG_PREFIX, 0);
  if (/['‘"“「《«]/u.test(slice)) {
    pushAll(out, slice, from, QUOTED_ORG, 1);
    pushAll(out, slice, from, QUOTED_NAME, 1);
  }
  if (/성|대표부|部/u.test(slice)) pushAll(out, slice, from, STATE_BODY, 0);
  ZH_ORG.lastIndex = 0;
  const zh = /公司|集团|商社|会社|委员会|委員會|总局|總局|指导局|指導局|饭店|飯店|酒店|部|省/.test(
    slice,
  );
  for (let m = zh ? ZH_ORG.exec(slice) : null; m; m = ZH_ORG.exec(slice)) {
    let raw = m[0];
    let lead = ZH_CUT.exec(raw.slice(0, -2))?.[0].length ?? 0;
    const city = ZH_CITY_HINT.exec(raw.slice(lead));
    if (city && city.index > 0) lead += city.index;
    // "向4家朝鲜建设公司": a classifier left after the number cut off is no part of the name.
    if (/^[家个個所名]/u.test(raw.slice(lead))) lead += 1;
    raw = raw.slice(lead);
    // "卡塔爾某公司", "某個營造公司": 某 ("a certain") says the company goes unnamed.
    if (
      raw.length < 4 ||
      raw.includes("的") ||
      raw.includes("某") ||
      ZH_NOT_EMPLOYER.test(raw) ||
      ZH_NOT_NAME.test(raw)
    )
      continue;
    out.push({ start: from + m.index + lead, end: from + m.index + m[0].length, name: raw });
  }
  KO_ORG.lastIndex = 0;
  const ko = /회사|기업소|국|성|창작사|그룹/.test(slice);
  for (let m = ko ? KO_ORG.exec(slice) : null; m; m = KO_ORG.exec(slice)) {
    // "다른 회사", "한 회사", "중국 회사": a determiner or a country before the legal form.
    if (KO_NOT_NAME.test(m[0])) continue;
    // A country before the name ("북한 대외건설지도국") and a first word ending in a particle
    // ("기관은 대외건설지도국") are not part of it.
    const lead = KO_LEAD.exec(m[0])?.[0].length ?? 0;
    if (KO_NOT_NAME.test(m[0].slice(lead))) continue;
    const start = from + m.index + lead;
    out.push({ start, end: from + m.index + m[0].length, name: m[0].slice(lead) });
  }
  for (const re of [ZH_APPOSED, KO_APPOSED, EN_APPOSED, EN_CALLED, KO_CALLED])
    pushApposed(out, slice, from, re);
  pushListed(out, slice, from);
  if (latin) pushAppositions(out, slice, from);
  // "建筑公司", "복장 회사", "外贸公司": a legal form and a line of business with no name are no
  // company, unless the text sets it in quotation marks as a name (「朝鮮建設公司」).
  return out
    .filter(
      (o) =>
        (organisationKey(o.name).trade.length >= 4 &&
          o.name.replace(LEGAL_FORMS, "").replace(GENERIC_WORDS, "").length > 0) ||
        (/['‘"“「《«]/u.test(text[o.start - 1] ?? "") &&
          /['’"”」》»]/u.test(text[o.end] ?? "") &&
          o.name.replace(LEGAL_FORMS, "").length >= 2),
    )
    .map((o) => withRendering(text, o))
    .sort((a, b) => a.start - b.start);
}

/** Names after a generic category noun; a name found inside the category phrase, or inside
 * what the match holds after the name (an expansion in brackets), yields. A match with a
 * Hangul name and a Latin rendering is known by the rendering. */
function pushApposed(out: OrgMention[], slice: string, from: number, re: RegExp) {
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const shown = m.groups!.hangul ?? m.groups!.name!;
    const name = m.groups!.name ?? shown;
    const start = from + m.index + m[0].indexOf(shown);
    const end = from + m.index + m[0].length;
    for (let i = out.length - 1; i >= 0; i--)
      if (out[i]!.start < end && start < out[i]!.end) out.splice(i, 1);
    out.push({ start, end: m.groups!.hangul ? end : start + name.length, name });
  }
}

// A list of names with their category: "건설회사들인 수도건설, 광복건설, 육영건설 등", "릉라도, 남경,
// 철산 무역회사, 17호 건설회사 등 약 23개의 북한 기업소들", "银河、金星等朝鲜公司", "公司包括银河、金星",
// "companies such as Mansudae, Chinson and Namgang".
const KO_ITEM = "[가-힣A-Za-z0-9]{2,12}(?:\\s[가-힣]{2,8})?";
const ZH_ITEM = "[\\p{Script=Han}A-Za-z0-9]{2,12}";
const EN_ITEM = "[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+){0,4}";
const LISTED_ORGS = [
  new RegExp(
    `(?:회사|기업|기업소|업체|건설사)들?인\\s(?<list>${KO_ITEM}(?:,\\s?${KO_ITEM})+)\\s?등`,
    "gu",
  ),
  new RegExp(
    `(?<list>${KO_ITEM}(?:,\\s?${KO_ITEM})+)\\s?등\\s(?:약\\s?)?(?:\\d+\\s?개의?\\s)?(?:북한\\s?)?(?:[가-힣]{0,4}(?:기업소|회사|기업|업체))`,
    "gu",
  ),
  new RegExp(`(?:公司|企业|企業)(?:包括|有|如)(?<list>${ZH_ITEM}(?:、${ZH_ITEM})+)`, "gu"),
  new RegExp(
    `(?<list>${ZH_ITEM}(?:、${ZH_ITEM})+)等(?:\\d+家)?(?:朝鲜|朝鮮|北韩|北韓)?(?:公司|企业|企業)`,
    "gu",
  ),
  new RegExp(
    `\\b(?:companies|firms|enterprises)\\s+(?:such\\s+as|including|like)\\s+(?<list>${EN_ITEM}(?:,\\s+${EN_ITEM})*,?\\s+and\\s+${EN_ITEM})`,
    "gu",
  ),
];
const LIST_SPLIT = /,\s*(?:and\s+)?|\s+and\s+|、/u;

/** Each name of a list given with its category, where no other reading found a name. */
function pushListed(out: OrgMention[], slice: string, from: number) {
  if (!/등|等|such\s+as|including|like|包括|有|如/u.test(slice)) return;
  for (const re of LISTED_ORGS) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const list = m.groups!.list!;
      let at = from + m.index + m[0].indexOf(list);
      for (const raw of list.split(LIST_SPLIT)) {
        const start = at + list.slice(at - from - m.index - m[0].indexOf(list)).indexOf(raw);
        at = start + raw.length;
        const lead = (/\p{Script=Han}/u.test(raw) ? ZH_CUT : KO_LEAD).exec(raw)?.[0].length ?? 0;
        const name = raw.slice(lead).trim();
        if (name.length < 2) continue;
        for (let i = out.length - 1; i >= 0; i--)
          if (out[i]!.start < at && start + lead < out[i]!.end) out.splice(i, 1);
        out.push({ start: start + lead, end: at, name });
      }
    }
  }
}

/** Names whose category follows in apposition ("Selene, a personnel company") or before a
 * lower-case shipyard, where no other reading found a name; a sentence's first word and the
 * lead words of EN_LEAD are no part of them. */
function pushAppositions(out: OrgMention[], slice: string, from: number) {
  EN_APPOSED_AFTER.lastIndex = 0;
  for (let m = EN_APPOSED_AFTER.exec(slice); m; m = EN_APPOSED_AFTER.exec(slice)) {
    const raw = m.groups!.name ?? m.groups!.yard!;
    const lead = EN_LEAD.exec(raw)?.[0].length ?? 0;
    const name = raw.slice(lead);
    // "Polish shipyards", "a Korean firm": a nationality, not a name.
    if (
      name.length < 3 ||
      /^(?:North|South|Pyongyang|[A-Z][a-z]+(?:ish|ese|ian|an|ic))$/.test(name)
    )
      continue;
    const start = from + m.index + m[0].indexOf(raw) + lead;
    const end = start + name.length;
    if (!out.some((o) => o.start < end && start < o.end)) out.push({ start, end, name });
  }
}

/** A Chinese or Korean name followed by its Latin rendering in brackets ("北京Sukbakso公司
 * (Beijing Sukbakso)") is known by that rendering. */
function withRendering(text: string, o: OrgMention): OrgMention {
  const m = /^\s?[(（]([A-Z][\w .,&'’-]{2,60})[)）]/u.exec(text.slice(o.end, o.end + 66));
  if (!m || !/[\p{Script=Han}\p{Script=Hangul}]/u.test(o.name)) return o;
  // An acronym in brackets ("만수대해외프로젝트그룹(MOP)") is part of the mention, not a rendering.
  if (/^[A-Z]{2,6}$/.test(m[1]!.trim())) return { ...o, end: o.end + m[0].length };
  return { ...o, end: o.end + m[0].length, name: m[1]!.trim() };
}

/** Every match of `re` (its group `group`, or the whole match) that overlaps no name found. */
function pushAll(out: OrgMention[], slice: string, from: number, re: RegExp, group: number) {
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    // "The Garden(庭院)": a gloss in brackets after a quoted name is no part of it.
    const name = m[group]!.trim()
      .replace(/^["“«]|["”»]$/g, "")
      .replace(/\s?[(（][^()（）]{1,12}[)）]$/u, "");
    const start = from + m.index + m[0].indexOf(name);
    const end = start + name.length;
    if (!out.some((o) => o.start < end && start < o.end)) out.push({ start, end, name });
  }
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
// The country before a name carries no identity: 朝鲜军需工业部 is 軍需工業部.
const COUNTRY_PREFIX =
  /^(?:朝鲜|朝鮮|北韩|北韓|북한의?|North\s+Korea(?:['’]s|n)|DPRK)(?:劳动党|勞動黨)?\s*(?=\S)/iu;
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
  s = s.replace(COUNTRY_PREFIX, "").replace(CITY_PREFIXES, "").trim();
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
