/**
 * A fifth held-out family for the screening evaluation, sharing no generator with
 * bench/screening-queries.ts (tune) or the families A–D:
 *  - the lists' own aliases: one name of a DPRK-related entry (an a.k.a., a f.k.a., an
 *    original-script name; weak and low-quality aliases aside) is taken out of the index, from
 *    every entry that carries it, and asked for; the entry must be found through its other names;
 *  - noise around a person's name as border and travel records carry it: titles (MR, MRS), a
 *    date of birth, a nationality tag, a passport-like number; the airline reservation form
 *    SURNAME/GIVENNAMES MR (IATA PNR practice, https://en.wikipedia.org/wiki/Passenger_name_record);
 *  - McCune–Reischauer typed without a breve key: ŏ and ŭ written as ö ü, ô û, ò ù, õ ũ or o' u'
 *    (https://en.wikipedia.org/wiki/McCune%E2%80%93Reischauer lists the breve-less habits);
 *  - English-ear spellings of Revised Romanization (u → oo as in Soon, Joon; eo → u as in Jung,
 *    Sun), common in overseas documents;
 *  - Hangul written with a space between every syllable;
 *  - organisations followed by an address fragment (district, street, city) or tagged with a
 *    country and an extra legal form;
 *  - negatives: real Korean and Chinese public figures (https://en.wikipedia.org/wiki/List_of_South_Koreans,
 *    https://en.wikipedia.org/wiki/List_of_Chinese_people) and real large Korean and Chinese
 *    companies (https://en.wikipedia.org/wiki/List_of_largest_companies_in_South_Korea,
 *    https://en.wikipedia.org/wiki/List_of_largest_companies_in_China), in romanized and native
 *    script, some with the noise above; Korean names one given syllable away from a listed name
 *    with the noise above. Any that reads as a listed name is dropped.
 * Seeded: the same lists give the same queries.
 */

import { romanizeName } from "../src/core/names/index.js";
import { type ListEntity, splitOrgName, tokenize } from "../src/core/screening/index.js";
import {
  hangulOf,
  isKoreanNational,
  type Negative,
  standardReadings,
  syllableNearMisses,
  variantQueries,
} from "./screening-heldout.js";
import { type EvalQuery, pick, prng } from "./screening-queries.js";

// ---- the lists' own aliases, left out of the index -------------------------------------------------

const personKey = (s: string) => [...new Set(tokenize(s))].sort().join(" ");
const orgKey = (s: string) => [...new Set(splitOrgName(s).core)].sort().join(" ");

/**
 * For every DPRK-related entry with two or more names of different keys, one name (not weak or
 * low quality) is chosen as the query; that name is removed from every entry carrying it. Returns
 * the entries to index (all of `all`, with the chosen names removed) and the queries.
 */
export function aliasLeftOut(
  all: readonly ListEntity[],
  dprk: readonly ListEntity[],
  seed = 6101,
): { entities: ListEntity[]; queries: EvalQuery[] } {
  const rand = prng(seed);
  const removed = new Set<string>();
  const queries: EvalQuery[] = [];
  for (const e of dprk) {
    if (e.kind !== "person" && e.kind !== "organization") continue;
    const key = e.kind === "person" ? personKey : (s: string) => `org:${orgKey(s)}`;
    const usable = e.names.filter(
      (n) => !/weak|low/i.test(n.quality ?? "") && key(n.name).replace("org:", "").length > 0,
    );
    const keys = new Set(e.names.map((n) => key(n.name)));
    if (keys.size < 2 || usable.length === 0) continue;
    // Prefer an alias: the primary name is what an analyst types least often from a record.
    const aliases = usable.filter((n) => n.type !== "primary");
    const chosen = pick(aliases.length ? aliases : usable, rand);
    const k = key(chosen.name);
    if (removed.has(k)) continue;
    removed.add(k);
    queries.push({
      query: chosen.name,
      variant: `own ${chosen.type === "primary" ? "primary name" : chosen.type} asked, left out of the index`,
      type: e.kind === "person" ? "person" : "org",
      source: `${e.list}:${e.reference}`,
      sourceName: chosen.name,
    });
  }
  const entities = all.map((e) => {
    const key = e.kind === "person" ? personKey : (s: string) => `org:${orgKey(s)}`;
    const names = e.names.filter((n) => !removed.has(key(n.name)));
    return names.length === e.names.length ? e : { ...e, names };
  });
  return { entities: entities.filter((e) => e.names.length > 0), queries };
}

// ---- noise around a person's name ------------------------------------------------------------------

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const NATIONALITY_TAGS = ["DPRK", "PRK", "North Korean", "KOREAN", "nationality: DPRK", "KP"];
const TITLES = ["MR", "MR.", "Mr", "MRS", "MS", "Mister"];

function dateOfBirth(birthDates: readonly string[], rand: () => number): string {
  const listed = birthDates.find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const [y, m, d] = listed
    ? listed.split("-").map(Number)
    : [1950 + Math.floor(rand() * 45), 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)];
  const dd = String(d).padStart(2, "0");
  const mm = String(m).padStart(2, "0");
  return pick(
    [`${dd}/${mm}/${y}`, `${y}-${mm}-${dd}`, `${dd} ${MONTHS[m! - 1]} ${y}`, `${dd}.${mm}.${y}`],
    rand,
  );
}

/** One or two noise pieces (title, date of birth, nationality, document number) around a name. */
export function withNoise(name: string, birthDates: readonly string[], rand: () => number): string {
  const pieces: ((n: string) => string)[] = [
    (n) => `${pick(TITLES, rand)} ${n}`,
    (n) => `${n} ${pick(["DOB", "D.O.B.", "born", "b."], rand)} ${dateOfBirth(birthDates, rand)}`,
    (n) => `${n} (${pick(NATIONALITY_TAGS, rand)})`,
    (n) => `${n}, ${pick(NATIONALITY_TAGS, rand)}`,
    (n) => `${n} PP ${Math.floor(100_000_000 + rand() * 800_000_000)}`,
  ];
  const first = Math.floor(rand() * pieces.length);
  let out = pieces[first]!(name);
  if (rand() < 0.4) {
    let second = Math.floor(rand() * pieces.length);
    if (second === first) second = (second + 1) % pieces.length;
    out = pieces[second]!(out);
  }
  return out;
}

/** SURNAME/GIVENNAMES TITLE, letters only, as reservation systems write a passenger. */
function pnrName(family: string, given: string[], rand: () => number): string | undefined {
  const letters = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[^A-Za-z]/g, "")
      .toUpperCase();
  const f = letters(family);
  const g = given.map(letters).filter(Boolean);
  if (!f || g.length === 0) return undefined;
  const givenText = rand() < 0.7 ? g.join("") : g.join(" ");
  return `${f}/${givenText}${rand() < 0.8 ? ` ${pick(["MR", "MRS", "MS", "MSTR"], rand)}` : ""}`;
}

/** Family and given tokens of a list name: "FAMILY, Given" or, for a Korean name, its first token. */
function familyAndGiven(name: string, korean: boolean): [string, string[]] | undefined {
  if (name.includes(",")) {
    const [before, after] = name.split(/,(.*)/s);
    const given = tokenize(after ?? "");
    return given.length ? [before!.trim(), given] : undefined;
  }
  const words = name.split(/\s+/).filter(Boolean);
  return korean && words.length >= 2 ? [words[0]!, words.slice(1)] : undefined;
}

// ---- Korean spellings ------------------------------------------------------------------------------

const BREVE_SUBSTITUTES: [string, string][] = [
  ["ö", "ü"],
  ["ô", "û"],
  ["ò", "ù"],
  ["õ", "ũ"],
  ["o'", "u'"],
];

function mrWithoutBreves(family: string, given: string[], rand: () => number): string | undefined {
  const r = romanizeName(family, given.join(""), "mr", { diacritics: true, hyphen: true });
  const text = `${r.family} ${r.given}`;
  if (!/[ŏŭŎŬ]/.test(text)) return undefined;
  const [o, u] = pick(BREVE_SUBSTITUTES, rand);
  return text
    .replace(/ŏ/g, o)
    .replace(/ŭ/g, u)
    .replace(/Ŏ/g, o.toUpperCase())
    .replace(/Ŭ/g, u.toUpperCase());
}

/** RR spelt by ear: a u alone → oo, eo → u (Jeong → Jung, Jun → Joon); one or both. */
function englishEar(family: string, given: string[], rand: () => number): string | undefined {
  const r = romanizeName(family, given.join(""), "rr", { hyphen: true });
  const text = `${r.family} ${r.given}`;
  const both = rand() < 0.5;
  let out = text.replace(/eo/g, "u").replace(/Eo/g, "U");
  if (both || out === text)
    out = out.replace(
      /(^|[^aeiouyw])u(?!i)/gi,
      (m, pre: string) => `${pre}${m.endsWith("U") ? "Oo" : "oo"}`,
    );
  return out === text ? undefined : out;
}

function personVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  const korean = isKoreanNational(e) ? hangulOf(name) : undefined;
  out.push([
    "title, birth date, nationality or document noise",
    withNoise(name, e.birthDates, rand),
  ]);
  const fg = familyAndGiven(name, korean !== undefined);
  const pnr = fg && pnrName(fg[0], fg[1], rand);
  if (pnr) out.push(["reservation SURNAME/GIVEN form", pnr]);
  if (korean) {
    const mr = mrWithoutBreves(korean.family, korean.given, rand);
    if (mr) out.push(["McCune-Reischauer with breve substitutes", mr]);
    const ear = englishEar(korean.family, korean.given, rand);
    if (ear) out.push(["Revised Romanization spelt by ear", ear]);
    out.push(["Hangul spaced by syllable", [korean.family, ...korean.given].join(" ")]);
  }
  return out;
}

// ---- organisations ----------------------------------------------------------------------------------

const ADDRESS_FRAGMENTS = [
  "Sosong District, Pyongyang",
  "Potonggang-guyok, Pyongyang, DPRK",
  "Chung-guyok, Pyongyang",
  "Mangyongdae District, Pyongyang, Democratic People's Republic of Korea",
  "Rajin-Sonbong, Rason City",
  "Room 1203, 88 Zhenxing Road, Dandong, Liaoning",
  "No. 16 Binjiang Middle Road, Dandong 118000, China",
  "ul. Svetlanskaya 45, Vladivostok 690091",
  "Kraton Tower, Jl. Sudirman, Jakarta",
  "P.O. Box 8101, Pyongyang",
  "Unit 5, 12/F, Nathan Road, Kowloon, Hong Kong",
];
const COUNTRY_TAGS = ["(DPRK)", "(North Korea)", "- DPRK", "(KP)", "of DPRK"];
const EXTRA_FORMS = ["LTD", "Co., Ltd.", "LLC", "Limited", "Inc."];

function orgVariants(name: string, rand: () => number): [string, string][] {
  if (!/[A-Za-z]/.test(name)) return [];
  const sep = pick([", ", " - ", " ", "; "], rand);
  const tagged =
    rand() < 0.5
      ? `${name} ${pick(COUNTRY_TAGS, rand)}`
      : `${name} ${pick(EXTRA_FORMS, rand)} ${pick(COUNTRY_TAGS, rand)}`;
  return [
    ["address fragment", `${name}${sep}${pick(ADDRESS_FRAGMENTS, rand)}`],
    ["country tag or extra legal form", tagged],
  ];
}

export function heldOutEQueriesFor(entities: readonly ListEntity[], seed = 6007): EvalQuery[] {
  return variantQueries(entities, prng(seed), {
    uses: (_, type) => type !== "original-script",
    person: personVariants,
    org: orgVariants,
  });
}

// ---- negatives: real people and companies on no list ------------------------------------------------

/** Real South Korean public figures: [Hangul, family, given (RR or their own spelling)]. */
const KOREAN_PEOPLE: [string, string, string][] = [
  ["손흥민", "Son", "Heung-min"],
  ["박지성", "Park", "Ji-sung"],
  ["김연아", "Kim", "Yuna"],
  ["반기문", "Ban", "Ki-moon"],
  ["문재인", "Moon", "Jae-in"],
  ["이명박", "Lee", "Myung-bak"],
  ["노무현", "Roh", "Moo-hyun"],
  ["김대중", "Kim", "Dae-jung"],
  ["박근혜", "Park", "Geun-hye"],
  ["윤석열", "Yoon", "Suk-yeol"],
  ["이재명", "Lee", "Jae-myung"],
  ["한강", "Han", "Kang"],
  ["봉준호", "Bong", "Joon-ho"],
  ["박찬욱", "Park", "Chan-wook"],
  ["홍상수", "Hong", "Sang-soo"],
  ["이병헌", "Lee", "Byung-hun"],
  ["송강호", "Song", "Kang-ho"],
  ["전지현", "Jun", "Ji-hyun"],
  ["배두나", "Bae", "Doona"],
  ["정명훈", "Chung", "Myung-whun"],
  ["조수미", "Jo", "Sumi"],
  ["이세돌", "Lee", "Sedol"],
  ["정몽구", "Chung", "Mong-koo"],
  ["이건희", "Lee", "Kun-hee"],
  ["이재용", "Lee", "Jae-yong"],
  ["구광모", "Koo", "Kwang-mo"],
  ["최태원", "Chey", "Tae-won"],
  ["신동빈", "Shin", "Dong-bin"],
  ["류현진", "Ryu", "Hyun-jin"],
  ["추신수", "Choo", "Shin-soo"],
  ["박찬호", "Park", "Chan-ho"],
  ["김연경", "Kim", "Yeon-koung"],
  ["황희찬", "Hwang", "Hee-chan"],
  ["이강인", "Lee", "Kang-in"],
  ["김민재", "Kim", "Min-jae"],
  ["고은", "Ko", "Un"],
  ["신경숙", "Shin", "Kyung-sook"],
  ["김영하", "Kim", "Young-ha"],
  ["윤이상", "Yun", "Isang"],
  ["백남준", "Paik", "Nam-june"],
  ["정경화", "Chung", "Kyung-wha"],
  ["조성진", "Cho", "Seong-jin"],
  ["임윤찬", "Lim", "Yunchan"],
  ["이창동", "Lee", "Chang-dong"],
  ["안철수", "Ahn", "Cheol-soo"],
  ["정세균", "Chung", "Sye-kyun"],
  ["이낙연", "Lee", "Nak-yon"],
  ["한덕수", "Han", "Duck-soo"],
  ["황교안", "Hwang", "Kyo-ahn"],
  ["전두환", "Chun", "Doo-hwan"],
  ["노태우", "Roh", "Tae-woo"],
  ["김영삼", "Kim", "Young-sam"],
  ["최규하", "Choi", "Kyu-hah"],
  ["유관순", "Yu", "Gwan-sun"],
  ["안중근", "Ahn", "Jung-geun"],
  ["김구", "Kim", "Ku"],
  ["윤봉길", "Yun", "Bong-gil"],
  ["이순신", "Yi", "Sun-sin"],
  ["세종", "Lee", "Do"],
  ["김수현", "Kim", "Soo-hyun"],
  ["박보검", "Park", "Bo-gum"],
  ["현빈", "Hyun", "Bin"],
  ["손예진", "Son", "Ye-jin"],
  ["공유", "Gong", "Yoo"],
  ["이민호", "Lee", "Min-ho"],
  ["김태희", "Kim", "Tae-hee"],
  ["정호연", "Jung", "Ho-yeon"],
  ["이정재", "Lee", "Jung-jae"],
  ["윤여정", "Youn", "Yuh-jung"],
  ["박세리", "Pak", "Se-ri"],
  ["고진영", "Ko", "Jin-young"],
  ["차범근", "Cha", "Bum-kun"],
  ["홍명보", "Hong", "Myung-bo"],
  ["이승엽", "Lee", "Seung-yuop"],
  ["양학선", "Yang", "Hak-seon"],
  ["진종오", "Jin", "Jong-oh"],
  ["안산", "An", "San"],
  ["김우진", "Kim", "Woo-jin"],
  ["임시현", "Lim", "Si-hyeon"],
];

/** Real Chinese public figures: [characters, family, given (pinyin)]. */
const CHINESE_PEOPLE: [string, string, string][] = [
  ["姚明", "Yao", "Ming"],
  ["李娜", "Li", "Na"],
  ["刘翔", "Liu", "Xiang"],
  ["郎朗", "Lang", "Lang"],
  ["张艺谋", "Zhang", "Yimou"],
  ["巩俐", "Gong", "Li"],
  ["章子怡", "Zhang", "Ziyi"],
  ["莫言", "Mo", "Yan"],
  ["刘慈欣", "Liu", "Cixin"],
  ["余华", "Yu", "Hua"],
  ["马云", "Ma", "Yun"],
  ["马化腾", "Ma", "Huateng"],
  ["雷军", "Lei", "Jun"],
  ["王健林", "Wang", "Jianlin"],
  ["宗庆后", "Zong", "Qinghou"],
  ["丁磊", "Ding", "Lei"],
  ["张一鸣", "Zhang", "Yiming"],
  ["刘强东", "Liu", "Qiangdong"],
  ["曹德旺", "Cao", "Dewang"],
  ["董明珠", "Dong", "Mingzhu"],
  ["王传福", "Wang", "Chuanfu"],
  ["苏炳添", "Su", "Bingtian"],
  ["孙杨", "Sun", "Yang"],
  ["郭晶晶", "Guo", "Jingjing"],
  ["邓亚萍", "Deng", "Yaping"],
  ["丁俊晖", "Ding", "Junhui"],
  ["郑钦文", "Zheng", "Qinwen"],
  ["樊振东", "Fan", "Zhendong"],
  ["马龙", "Ma", "Long"],
  ["屠呦呦", "Tu", "Youyou"],
  ["杨利伟", "Yang", "Liwei"],
  ["陈凯歌", "Chen", "Kaige"],
  ["贾樟柯", "Jia", "Zhangke"],
  ["谭盾", "Tan", "Dun"],
  ["艾未未", "Ai", "Weiwei"],
  ["周迅", "Zhou", "Xun"],
  ["刘亦菲", "Liu", "Yifei"],
  ["黄渤", "Huang", "Bo"],
  ["李彦宏", "Li", "Yanhong"],
  ["何享健", "He", "Xiangjian"],
  ["钟睒睒", "Zhong", "Shanshan"],
  ["许家印", "Xu", "Jiayin"],
  ["杨惠妍", "Yang", "Huiyan"],
  ["黄峥", "Huang", "Zheng"],
  ["王兴", "Wang", "Xing"],
  ["程维", "Cheng", "Wei"],
  ["李书福", "Li", "Shufu"],
  ["曾毓群", "Zeng", "Yuqun"],
  ["孙颖莎", "Sun", "Yingsha"],
  ["全红婵", "Quan", "Hongchan"],
  ["谷爱凌", "Gu", "Ailing"],
  ["武大靖", "Wu", "Dajing"],
  ["林丹", "Lin", "Dan"],
  ["易建联", "Yi", "Jianlian"],
  ["王治郅", "Wang", "Zhizhi"],
  ["袁隆平", "Yuan", "Longping"],
  ["钱学森", "Qian", "Xuesen"],
  ["杨振宁", "Yang", "Zhenning"],
  ["鲁迅", "Lu", "Xun"],
  ["老舍", "Lao", "She"],
];

/** Real large Korean and Chinese companies (English names as they publish them). */
const REAL_COMPANIES = [
  "Samsung Electronics Co., Ltd.",
  "SK Hynix Inc.",
  "Hyundai Motor Company",
  "Kia Corporation",
  "LG Electronics Inc.",
  "LG Chem Ltd.",
  "POSCO Holdings Inc.",
  "Korea Electric Power Corporation",
  "Korea Zinc Co., Ltd.",
  "Hanwha Aerospace Co., Ltd.",
  "Lotte Chemical Corporation",
  "CJ CheilJedang Corporation",
  "NAVER Corporation",
  "Kakao Corp.",
  "KB Financial Group Inc.",
  "Shinhan Financial Group Co., Ltd.",
  "Hana Financial Group Inc.",
  "Industrial Bank of Korea",
  "Korean Air Lines Co., Ltd.",
  "HMM Co., Ltd.",
  "Pan Ocean Co., Ltd.",
  "Doosan Enerbility Co., Ltd.",
  "HD Hyundai Heavy Industries Co., Ltd.",
  "Samsung Heavy Industries Co., Ltd.",
  "Korea Gas Corporation",
  "S-Oil Corporation",
  "Amorepacific Corporation",
  "Celltrion Inc.",
  "Nongshim Co., Ltd.",
  "E-Mart Inc.",
  "Korea Shipbuilding & Offshore Engineering Co., Ltd.",
  "Hyundai Glovis Co., Ltd.",
  "Korea Aerospace Industries, Ltd.",
  "Huawei Technologies Co., Ltd.",
  "ZTE Corporation",
  "Tencent Holdings Limited",
  "Alibaba Group Holding Limited",
  "BYD Company Limited",
  "China Merchants Bank Co., Ltd.",
  "Industrial and Commercial Bank of China Limited",
  "Bank of China Limited",
  "China COSCO Shipping Corporation Limited",
  "China Mobile Limited",
  "Xiaomi Corporation",
  "Lenovo Group Limited",
  "Haier Smart Home Co., Ltd.",
  "Midea Group Co., Ltd.",
  "Gree Electric Appliances, Inc. of Zhuhai",
  "Anta Sports Products Limited",
  "Kweichow Moutai Co., Ltd.",
  "Ping An Insurance (Group) Company of China, Ltd.",
  "China National Petroleum Corporation",
  "China Petroleum & Chemical Corporation",
  "CRRC Corporation Limited",
  "Geely Automobile Holdings Limited",
  "SAIC Motor Corporation Limited",
  "JD.com, Inc.",
  "Baidu, Inc.",
  "NetEase, Inc.",
  "Meituan",
  "Fosun International Limited",
  "Dalian Wanda Group Co., Ltd.",
  "Angang Steel Company Limited",
  "Liaoning Port Group Co., Ltd.",
  "Contemporary Amperex Technology Co., Limited",
  "China Shenhua Energy Company Limited",
  "Jilin Aodong Pharmaceutical Group Co., Ltd.",
  "Yanbian Shiyan Road & Bridge Co., Ltd.",
];

/**
 * Real Korean and Chinese people and companies, written as records write them (native script,
 * family first or last, upper case with a comma, with noise); dropped when a reading or token
 * set is a listed name.
 */
export function realNegatives(
  listedHangul: ReadonlySet<string>,
  listedTokenSets: ReadonlySet<string>,
  listedOrgKeys: ReadonlySet<string>,
  seed = 6203,
): Negative[] {
  const rand = prng(seed);
  const out: Negative[] = [];
  const person = (native: string, family: string, given: string, kind: string) => {
    const spaced = given.replace(/-/g, " ");
    const forms = [
      `${family} ${given}`,
      `${given} ${family}`,
      `${family.toUpperCase()}, ${spaced}`,
      `${family.toUpperCase()} ${spaced.toUpperCase()}`,
      native,
    ];
    const readings = [
      personKey(`${family} ${given}`),
      personKey(`${family} ${given.replace(/-/g, "")}`),
    ];
    if (readings.some((k) => listedTokenSets.has(k))) return;
    if (kind.startsWith("real Korean")) {
      const hangul = [native, ...standardReadings(`${family} ${spaced}`)];
      if (hangul.some((h) => listedHangul.has(h))) return;
    }
    for (const f of forms) out.push({ name: f, kind, type: "person" });
    out.push({
      name: withNoise(pick(forms, rand), [], rand),
      kind: `${kind} with noise`,
      type: "person",
    });
  };
  for (const [n, f, g] of KOREAN_PEOPLE) person(n, f, g, "real Korean person");
  for (const [n, f, g] of CHINESE_PEOPLE) person(n, f, g, "real Chinese person");
  for (const c of REAL_COMPANIES) {
    if (listedOrgKeys.has(orgKey(c))) continue;
    out.push({ name: c, kind: "real Korean or Chinese company", type: "org" });
    out.push({
      name: `${c}${pick([", ", " - "], rand)}${pick(ADDRESS_FRAGMENTS, rand)}`,
      kind: "real Korean or Chinese company with an address",
      type: "org",
    });
  }
  return out;
}

/** Given syllables swapped in (a pool no other family's near-misses use). */
const SWAP_SYLLABLES = [..."길균기대도란련무범복상숙실연용우원종주중찬충택평하향화환효흥"];

/** Korean names one given syllable away from a listed Korean national's, in RR, with noise. */
export function noisyNearMisses(
  entities: readonly ListEntity[],
  listed: ReadonlySet<string>,
  seed: number,
): Negative[] {
  const rand = prng(seed);
  return syllableNearMisses(
    entities,
    listed,
    SWAP_SYLLABLES,
    rand,
    "Korean near-miss with noise",
    (family, given) => {
      const r = romanizeName(family, given.join(""), rand() < 0.5 ? "rr" : "dprk", {
        hyphen: rand() < 0.5,
      });
      const name = `${r.family} ${r.given}`;
      if (standardReadings(name).some((x) => listed.has(x))) return undefined;
      return withNoise(name, [], rand);
    },
  );
}
