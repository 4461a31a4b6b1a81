/**
 * A sixth held-out family for the screening evaluation, sharing no generator with
 * bench/screening-queries.ts (tune) or the families A–E:
 *  - the other list's names: an entry on the UN list and on OFAC's (the same body or person,
 *    linked by a shared document number, or by a shared name and, for persons, a shared birth
 *    date) is asked for by a name only the other list carries, against an index of one list alone;
 *  - Korean nationals as the Russian press writes them (Ким Чен Ын), transliterated back into
 *    Latin letters by BGN/PCGN (https://en.wikipedia.org/wiki/BGN/PCGN_romanization_of_Russian:
 *    Kim Chen Yn, with or without its diacritics) or by the scientific transliteration
 *    (https://en.wikipedia.org/wiki/Scientific_transliteration_of_Cyrillic: Kim Čen Yn);
 *  - Chinese nationals in Palladius Cyrillic transliterated back the same ways (Си Цзиньпин →
 *    Si Tszin'pin);
 *  - Korean nationals in the Hangul of South Korean writing, which drops an initial ㄹ or ㄴ
 *    (리 → 이, 로 → 노; the initial sound law, https://en.wikipedia.org/wiki/Dueum_beopchik);
 *  - persons as indexes and citations write them: FAMILY, G. G.;
 *  - organisations with a place, an office or the country written in other ways than E's (in
 *    brackets, before the name, "Pyongyang-based", D.P.R.K., DPR Korea, 朝鲜, КНДР, a street and
 *    a telephone number); the English legal form replaced by another language's in its own script
 *    (有限公司, 유한회사, 주식회사, ООО «…») or by another English form (Co.,Ltd, Company Limited,
 *    Joint Venture Company); catalogue inversion at a comma (COMMERCIAL BANK, TANCHON); the
 *    initials of a long name;
 *  - negatives: real Korean, Chinese and Russian people on no list (other people than E's, from
 *    https://en.wikipedia.org/wiki/List_of_South_Koreans, https://en.wikipedia.org/wiki/List_of_Chinese_people
 *    and https://en.wikipedia.org/wiki/List_of_Russian_people), written as records write them;
 *    real companies whose names share words with listed ones (Korea, Trading, General, Bank,
 *    Mining, Shipping, Development…), in English and in their own script, some with a place or
 *    office as above. Any that reads as a listed name is dropped.
 * Seeded: the same lists give the same queries.
 */

import { toSouthInitial } from "../src/core/names/hangul.js";
import { hanToHangul } from "../src/core/names/index.js";
import { type ListEntity, splitOrgName, tokenize } from "../src/core/screening/index.js";
import { isPatronymic } from "../src/core/screening/similarity.js";
import {
  hangulOf,
  isKoreanNational,
  type Negative,
  standardReadings,
  variantQueries,
} from "./screening-heldout.js";
import { isChineseNational, palladius, pinyinOf, pressCyrillic } from "./screening-heldout-c.js";
import { type EvalQuery, pick, prng } from "./screening-queries.js";

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1).toLowerCase() : s);
const personKey = (s: string) => [...new Set(tokenize(s))].sort().join(" ");
const orgKey = (s: string) => [...new Set(splitOrgName(s).core)].sort().join(" ");
const docKey = (n: string) => n.replace(/\W/g, "").toUpperCase();

// ---- Cyrillic back into Latin letters ---------------------------------------------------------------

/** BGN/PCGN (1947) letter values; е, ё are ye, yë at the start of a word and after a vowel, ъ or ь. */
const BGN: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "ë",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "ˮ",
  ы: "y",
  ь: "ʼ",
  э: "e",
  ю: "yu",
  я: "ya",
};

/** Scientific transliteration (the one linguists and library catalogues of Slavic use). */
const SCIENTIFIC: Record<string, string> = {
  ...BGN,
  ё: "ë",
  ж: "ž",
  й: "j",
  х: "x",
  ц: "c",
  ч: "č",
  ш: "š",
  щ: "šč",
  ъ: "ʺ",
  ь: "ʹ",
  э: "è",
  ю: "ju",
  я: "ja",
};

const CYR_VOWELS = "аеёиоуыэюяъь";

/** One Cyrillic word in Latin letters: BGN/PCGN (diacritics and apostrophes kept or dropped) or scientific. */
export function cyrillicToLatin(word: string, style: "bgn" | "bgn-plain" | "scientific"): string {
  const table = style === "scientific" ? SCIENTIFIC : BGN;
  let out = "";
  const chars = [...word.toLowerCase()];
  chars.forEach((c, i) => {
    const prev = chars[i - 1];
    const yotated = style !== "scientific" && (i === 0 || CYR_VOWELS.includes(prev ?? ""));
    if (yotated && (c === "е" || c === "ё")) out += c === "е" ? "ye" : "yë";
    else out += table[c] ?? c;
  });
  if (style === "bgn-plain") out = out.replace(/ë/g, "e").replace(/[ˮʼ]/g, "").normalize("NFC");
  return cap(out);
}

const BACK_STYLES = ["bgn", "bgn-plain", "bgn-plain", "scientific"] as const;

// ---- persons ------------------------------------------------------------------------------------

function russianPressReadBack(
  family: string,
  given: string[],
  rand: () => number,
): [string, string] | undefined {
  const style = pick(BACK_STYLES, rand);
  const words = [family, ...given].map((s) => pressCyrillic(s, rand));
  if (words.some((w) => !w)) return undefined;
  const latin = words.map((w) => cyrillicToLatin(w, style));
  return [
    `Russian press Cyrillic read back (${style === "scientific" ? "scientific" : "BGN/PCGN"})`,
    latin.join(" "),
  ];
}

function palladiusReadBack(
  family: string[],
  given: string[],
  rand: () => number,
): [string, string] | undefined {
  const f = family.map(palladius);
  const g = given.map(palladius);
  if ([...f, ...g].some((x) => x === undefined)) return undefined;
  const style = pick(BACK_STYLES, rand);
  return [
    "Palladius Cyrillic read back",
    `${cyrillicToLatin(f.join(""), style)} ${cyrillicToLatin(g.join(""), style)}`,
  ];
}

/** The family syllable as South Korean writing spells it (리 → 이); undefined when it does not change. */
function southHangul(family: string, given: string[], rand: () => number): string | undefined {
  const south = toSouthInitial(family);
  if (south === family) return undefined;
  return rand() < 0.7 ? south + given.join("") : `${south} ${given.join("")}`;
}

/** FAMILY, G. G.: the given names cut to initials after the family name. */
function familyWithInitials(name: string, korean: ReturnType<typeof hangulOf>): string | undefined {
  let family: string;
  let given: string[];
  if (name.includes(",")) {
    const [before, after] = name.split(/,(.*)/s);
    family = before!.trim();
    given = (after ?? "").split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
  } else if (korean) {
    const words = name.split(/\s+/).filter(Boolean);
    family = words[0]!;
    given = words.slice(1).flatMap((w) => w.split("-"));
  } else return undefined;
  if (!family || given.length === 0) return undefined;
  const initials = given.map((g) => `${[...g][0]!.toUpperCase()}.`);
  return `${family.toUpperCase()}, ${initials.join(" ")}`;
}

function personVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  const korean = isKoreanNational(e) ? hangulOf(name) : undefined;
  const initials = familyWithInitials(name, korean);
  if (initials) out.push(["FAMILY, G. G.", initials]);
  if (korean) {
    const press = russianPressReadBack(korean.family, korean.given, rand);
    if (press) out.push(press);
    const south = southHangul(korean.family, korean.given, rand);
    if (south) out.push(["South Korean Hangul (initial sound law)", south]);
    return out;
  }
  const chinese = isChineseNational(e) ? pinyinOf(name) : undefined;
  if (chinese) {
    const p = palladiusReadBack(chinese.family, chinese.given, rand);
    if (p) out.push(p);
  }
  return out;
}

// ---- organisations ------------------------------------------------------------------------------

const CITIES = [
  "Pyongyang",
  "Nampo",
  "Chongjin",
  "Sinuiju",
  "Wonsan",
  "Hamhung",
  "Kaesong",
  "Rason",
  "Dandong",
  "Shenyang",
  "Beijing",
  "Vladivostok",
  "Moscow",
  "Ulaanbaatar",
  "Dubai",
  "Phnom Penh",
  "Vientiane",
];
const COUNTRY_WRITINGS = [
  "D.P.R.K.",
  "DPR Korea",
  "D.P.R. of Korea",
  "Korea, North",
  "Korea (Democratic People's Republic of)",
  "N. Korea",
  "PRK",
  "КНДР",
  "朝鲜",
  "북한",
];
const OFFICES = [
  "Representative Office",
  "Head Office",
  "Branch Office",
  "Liaison Office",
  "Rep. Office",
  "Trade Mission",
];
const STREETS = [
  "Kwangbok Street",
  "Sungri Street",
  "Ryomyong Street",
  "Chollima Street",
  "Tongil Street",
  "Sonbong Street",
];

/** A place, an office or the country around an organisation's name, in formats E does not use. */
export const PLACE_FORMATS: ((name: string, rand: () => number) => string)[] = [
  (n, r) => `${n} (${pick(CITIES, r)})`,
  (n, r) => `${n}, ${pick(CITIES, r)}, ${pick(COUNTRY_WRITINGS, r)}`,
  (n, r) => `${pick(CITIES, r)}: ${n}`,
  (n, r) => `${pick(CITIES, r)}-based ${n}`,
  (n, r) => `${n} [${pick(COUNTRY_WRITINGS, r)}]`,
  (n, r) => `${n} / ${pick(COUNTRY_WRITINGS, r)}`,
  (n, r) => `${n}, ${pick(CITIES, r)} ${pick(OFFICES, r)}`,
  (n, r) => `${n} (${pick(OFFICES, r)} in ${pick(CITIES, r)})`,
  (n, r) => `${n}, ${1 + Math.floor(r() * 120)} ${pick(STREETS, r)}, ${pick(CITIES, r)}`,
  (n, r) => `${n}, Tel. +850 2 ${18_000 + Math.floor(r() * 999)} ext. ${Math.floor(r() * 9000)}`,
];

/** English legal forms at the end of a name (and a comma before them). */
const ENGLISH_FORM =
  /[\s,]+(CO\.?,?\s*LTD\.?|COMPANY\s+LIMITED|CORPORATION|CORP\.?|COMPANY|CO\.?|LIMITED|LTD\.?|LLC|INC\.?|JSC)\s*$/i;

/** A legal form in another script or another English wording; a function for prefixed forms. */
const OTHER_FORMS: ((bare: string) => string)[] = [
  (b) => `${b} 有限公司`,
  (b) => `${b}有限公司`,
  (b) => `${b} 유한회사`,
  (b) => `${b} 주식회사`,
  (b) => `ООО «${b}»`,
  (b) => `АО "${b}"`,
  (b) => `${b} Co.,Ltd`,
  (b) => `${b} CO.,LTD.`,
  (b) => `${b} Company Limited`,
  (b) => `${b} Joint Venture Company`,
  (b) => `${b} (Pvt.) Ltd.`,
];

const SMALL_WORDS = new Set(["of", "the", "and", "for", "&"]);

function orgVariants(name: string, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  if (!/[A-Za-z]/.test(name)) return out;
  out.push(["place, office or country in other formats", pick(PLACE_FORMATS, rand)(name, rand)]);
  const bare = name.replace(ENGLISH_FORM, "").trim();
  const legal = name.slice(bare.length).replace(/^[\s,]+/, "");
  if (bare !== name && bare)
    out.push(["legal form in another script or wording", pick(OTHER_FORMS, rand)(bare)]);
  const words = bare.split(/\s+/).filter(Boolean);
  if (words.length >= 3 && !/[,()]/.test(bare)) {
    // TANCHON COMMERCIAL BANK → COMMERCIAL BANK, TANCHON (catalogue inversion).
    const rest = [...words.slice(1), legal].filter(Boolean).join(" ");
    out.push(["inverted at a comma", `${rest}, ${words[0]}`]);
  }
  const content = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()) && /^\p{L}/u.test(w));
  if (content.length >= 3) {
    const letters = content.map((w) => w[0]!.toUpperCase());
    const acronym = rand() < 0.5 ? letters.join("") : `${letters.join(".")}.`;
    out.push(["initials of a long name", legal && rand() < 0.5 ? `${acronym} ${legal}` : acronym]);
  }
  return out;
}

export function heldOutFQueriesFor(entities: readonly ListEntity[], seed = 7919): EvalQuery[] {
  return variantQueries(entities, prng(seed), {
    uses: (_, type) => type !== "original-script",
    person: personVariants,
    org: orgVariants,
  });
}

// ---- the other list's names ---------------------------------------------------------------------

const nameKeyOf = (e: ListEntity, name: string) =>
  e.kind === "person" ? personKey(name) : `org:${orgKey(name)}`;

/** Whether two entries of two lists are one person or body: a shared document, or a shared name (and birth date, for persons). */
function sameEntry(a: ListEntity, b: ListEntity): boolean {
  if (a.kind !== b.kind) return false;
  const docs = new Set(a.identifiers.map((d) => docKey(d.number)).filter((d) => d.length >= 6));
  if (b.identifiers.some((d) => docs.has(docKey(d.number)))) return true;
  const keys = new Set(a.names.map((n) => nameKeyOf(a, n.name)));
  if (!b.names.some((n) => keys.has(nameKeyOf(b, n.name)))) return false;
  if (a.kind !== "person") return true;
  const years = new Set(a.birthDates.map((d) => d.slice(0, 4)));
  return b.birthDates.some((d) => years.has(d.slice(0, 4)));
}

/**
 * Queries of one list's DPRK-related entries by the names the other list does not carry for
 * the same entry (not weak or low-quality aliases), to be screened against the other list alone.
 */
export function crossListQueries(
  asked: readonly ListEntity[],
  indexed: readonly ListEntity[],
  isDprk: (e: ListEntity) => boolean,
): EvalQuery[] {
  const out: EvalQuery[] = [];
  const byKey = new Map<string, ListEntity[]>();
  for (const e of indexed)
    for (const n of e.names) {
      const k = nameKeyOf(e, n.name);
      byKey.set(k, [...(byKey.get(k) ?? []), e]);
    }
  const byDoc = new Map<string, ListEntity[]>();
  for (const e of indexed)
    for (const d of e.identifiers)
      if (docKey(d.number).length >= 6)
        byDoc.set(docKey(d.number), [...(byDoc.get(docKey(d.number)) ?? []), e]);
  for (const a of asked) {
    if (!isDprk(a) || (a.kind !== "person" && a.kind !== "organization")) continue;
    const near = new Set<ListEntity>();
    for (const n of a.names) for (const b of byKey.get(nameKeyOf(a, n.name)) ?? []) near.add(b);
    for (const d of a.identifiers) for (const b of byDoc.get(docKey(d.number)) ?? []) near.add(b);
    const linked = [...near].filter((b) => sameEntry(a, b));
    if (linked.length === 0) continue;
    const theirs = new Set(linked.flatMap((b) => b.names.map((n) => nameKeyOf(b, n.name))));
    const seen = new Set<string>();
    for (const n of a.names) {
      const k = nameKeyOf(a, n.name);
      if (theirs.has(k) || seen.has(k) || /weak|low/i.test(n.quality ?? "")) continue;
      if (n.type === "weak" || k.replace("org:", "").length === 0) continue;
      seen.add(k);
      out.push({
        query: n.name,
        variant: `the other list's ${n.type === "primary" ? "primary name" : "alias"}`,
        type: a.kind === "person" ? "person" : "org",
        source: `${a.list}:${a.reference}`,
        sourceName: n.name,
      });
    }
  }
  return out;
}

// ---- negatives ----------------------------------------------------------------------------------

/** Real South Korean people (other people than E's): [Hangul, family, given as they spell it]. */
const KOREAN_PEOPLE: [string, string, string][] = [
  ["김남준", "Kim", "Nam-joon"],
  ["전정국", "Jeon", "Jung-kook"],
  ["민윤기", "Min", "Yoon-gi"],
  ["정호석", "Jung", "Ho-seok"],
  ["박지민", "Park", "Ji-min"],
  ["김태형", "Kim", "Tae-hyung"],
  ["김석진", "Kim", "Seok-jin"],
  ["김지수", "Kim", "Ji-soo"],
  ["박채영", "Park", "Chae-young"],
  ["이지은", "Lee", "Ji-eun"],
  ["권지용", "Kwon", "Ji-yong"],
  ["박재상", "Park", "Jae-sang"],
  ["권보아", "Kwon", "Bo-ah"],
  ["이효리", "Lee", "Hyo-ri"],
  ["김혜수", "Kim", "Hye-soo"],
  ["송혜교", "Song", "Hye-kyo"],
  ["이영애", "Lee", "Young-ae"],
  ["장동건", "Jang", "Dong-gun"],
  ["조인성", "Jo", "In-sung"],
  ["하정우", "Ha", "Jung-woo"],
  ["마동석", "Ma", "Dong-seok"],
  ["정우성", "Jung", "Woo-sung"],
  ["황정민", "Hwang", "Jung-min"],
  ["최민식", "Choi", "Min-sik"],
  ["설경구", "Sol", "Kyung-gu"],
  ["김고은", "Kim", "Go-eun"],
  ["박서준", "Park", "Seo-joon"],
  ["유재석", "Yoo", "Jae-suk"],
  ["강호동", "Kang", "Ho-dong"],
  ["최경주", "Choi", "Kyoung-ju"],
  ["양용은", "Yang", "Yong-eun"],
  ["박인비", "Park", "In-bee"],
  ["이상화", "Lee", "Sang-hwa"],
  ["장미란", "Jang", "Mi-ran"],
  ["박태환", "Park", "Tae-hwan"],
  ["김기덕", "Kim", "Ki-duk"],
  ["이문열", "Yi", "Mun-yol"],
  ["조정래", "Jo", "Jung-rae"],
  ["공지영", "Gong", "Ji-young"],
  ["김훈", "Kim", "Hoon"],
  ["정주영", "Chung", "Ju-yung"],
  ["이병철", "Lee", "Byung-chul"],
  ["김우중", "Kim", "Woo-choong"],
  ["조양호", "Cho", "Yang-ho"],
  ["박정희", "Park", "Chung-hee"],
  ["김종필", "Kim", "Jong-pil"],
  ["이회창", "Lee", "Hoi-chang"],
  ["오세훈", "Oh", "Se-hoon"],
  ["박원순", "Park", "Won-soon"],
  ["추미애", "Choo", "Mi-ae"],
  ["한동훈", "Han", "Dong-hoon"],
  ["안성기", "Ahn", "Sung-ki"],
  ["이미자", "Lee", "Mi-ja"],
  ["조용필", "Cho", "Yong-pil"],
  ["정현철", "Jung", "Hyun-chul"],
  ["나경원", "Na", "Kyung-won"],
  ["심상정", "Sim", "Sang-jung"],
  ["이준석", "Lee", "Jun-seok"],
  ["임영웅", "Lim", "Young-woong"],
  ["김연자", "Kim", "Yon-ja"],
];

/** Real Chinese people (other people than E's): [characters, family, given in pinyin]. */
const CHINESE_PEOPLE: [string, string, string][] = [
  ["周杰伦", "Zhou", "Jielun"],
  ["王菲", "Wang", "Fei"],
  ["邓丽君", "Deng", "Lijun"],
  ["梅兰芳", "Mei", "Lanfang"],
  ["齐白石", "Qi", "Baishi"],
  ["徐悲鸿", "Xu", "Beihong"],
  ["钱钟书", "Qian", "Zhongshu"],
  ["巴金", "Ba", "Jin"],
  ["沈从文", "Shen", "Congwen"],
  ["张爱玲", "Zhang", "Ailing"],
  ["金庸", "Jin", "Yong"],
  ["陈景润", "Chen", "Jingrun"],
  ["华罗庚", "Hua", "Luogeng"],
  ["邓稼先", "Deng", "Jiaxian"],
  ["钱三强", "Qian", "Sanqiang"],
  ["施一公", "Shi", "Yigong"],
  ["潘建伟", "Pan", "Jianwei"],
  ["颜宁", "Yan", "Ning"],
  ["郎平", "Lang", "Ping"],
  ["李宁", "Li", "Ning"],
  ["许海峰", "Xu", "Haifeng"],
  ["张怡宁", "Zhang", "Yining"],
  ["刘国梁", "Liu", "Guoliang"],
  ["孔令辉", "Kong", "Linghui"],
  ["张继科", "Zhang", "Jike"],
  ["陈梦", "Chen", "Meng"],
  ["施廷懋", "Shi", "Tingmao"],
  ["吴敏霞", "Wu", "Minxia"],
  ["叶诗文", "Ye", "Shiwen"],
  ["宁泽涛", "Ning", "Zetao"],
  ["张伟丽", "Zhang", "Weili"],
  ["柳传志", "Liu", "Chuanzhi"],
  ["任正非", "Ren", "Zhengfei"],
  ["张近东", "Zhang", "Jindong"],
  ["李嘉诚", "Li", "Ka-shing"],
  ["郭台铭", "Guo", "Taiming"],
  ["陈天桥", "Chen", "Tianqiao"],
  ["李开复", "Li", "Kaifu"],
  ["俞敏洪", "Yu", "Minhong"],
  ["罗永浩", "Luo", "Yonghao"],
  ["潘石屹", "Pan", "Shiyi"],
  ["张朝阳", "Zhang", "Chaoyang"],
  ["周鸿祎", "Zhou", "Hongyi"],
  ["梁稳根", "Liang", "Wengen"],
  ["何小鹏", "He", "Xiaopeng"],
  ["王小川", "Wang", "Xiaochuan"],
  ["莫文蔚", "Mo", "Wenwei"],
  ["刘德华", "Liu", "Dehua"],
  ["张学友", "Zhang", "Xueyou"],
  ["范冰冰", "Fan", "Bingbing"],
];

/** Real Russian people: [Cyrillic family, Cyrillic given, the English spelling in common use]. */
const RUSSIAN_PEOPLE: [string, string, string][] = [
  ["Толстой", "Лев", "Leo Tolstoy"],
  ["Достоевский", "Фёдор", "Fyodor Dostoevsky"],
  ["Чехов", "Антон", "Anton Chekhov"],
  ["Пушкин", "Александр", "Alexander Pushkin"],
  ["Гагарин", "Юрий", "Yuri Gagarin"],
  ["Терешкова", "Валентина", "Valentina Tereshkova"],
  ["Шарапова", "Мария", "Maria Sharapova"],
  ["Медведев", "Даниил", "Daniil Medvedev"],
  ["Овечкин", "Александр", "Alexander Ovechkin"],
  ["Каспаров", "Гарри", "Garry Kasparov"],
  ["Менделеев", "Дмитрий", "Dmitri Mendeleev"],
  ["Тарковский", "Андрей", "Andrei Tarkovsky"],
  ["Рахманинов", "Сергей", "Sergei Rachmaninoff"],
  ["Чайковский", "Пётр", "Pyotr Tchaikovsky"],
  ["Горбачёв", "Михаил", "Mikhail Gorbachev"],
  ["Ельцин", "Борис", "Boris Yeltsin"],
  ["Сахаров", "Андрей", "Andrei Sakharov"],
  ["Бродский", "Иосиф", "Joseph Brodsky"],
  ["Набоков", "Владимир", "Vladimir Nabokov"],
  ["Королёв", "Сергей", "Sergei Korolev"],
  ["Яшин", "Лев", "Lev Yashin"],
  ["Загитова", "Алина", "Alina Zagitova"],
  ["Аршавин", "Андрей", "Andrey Arshavin"],
  ["Барышников", "Михаил", "Mikhail Baryshnikov"],
  ["Нуреев", "Рудольф", "Rudolf Nureyev"],
  ["Плисецкая", "Майя", "Maya Plisetskaya"],
  ["Шостакович", "Дмитрий", "Dmitri Shostakovich"],
  ["Прокофьев", "Сергей", "Sergei Prokofiev"],
  ["Стравинский", "Игорь", "Igor Stravinsky"],
  ["Павлов", "Иван", "Ivan Pavlov"],
  ["Ландау", "Лев", "Lev Landau"],
  ["Перельман", "Григорий", "Grigori Perelman"],
  ["Исинбаева", "Елена", "Yelena Isinbayeva"],
  ["Немов", "Алексей", "Alexei Nemov"],
  ["Звонарёва", "Вера", "Vera Zvonareva"],
  ["Кузнецова", "Светлана", "Svetlana Kuznetsova"],
  ["Водянова", "Наталья", "Natalia Vodianova"],
  ["Хабенский", "Константин", "Konstantin Khabensky"],
  ["Пелевин", "Виктор", "Victor Pelevin"],
  ["Улицкая", "Людмила", "Lyudmila Ulitskaya"],
];

/** Real companies whose names share words with listed DPRK bodies (as they write them in English). */
const SHARED_WORD_COMPANIES = [
  "Korea Development Bank",
  "Korea Exchange Bank",
  "The Export-Import Bank of Korea",
  "Korea Trade Insurance Corporation",
  "Korea Trade-Investment Promotion Agency",
  "Korea Investment Corporation",
  "Korea Investment & Securities Co., Ltd.",
  "Korea International Trade Association",
  "Korea Line Corporation",
  "Korea Marine Transport Co., Ltd.",
  "Korea National Oil Corporation",
  "Korea Water Resources Corporation",
  "Korea Land & Housing Corporation",
  "Korea Railroad Corporation",
  "Korea Expressway Corporation",
  "Korea Hydro & Nuclear Power Co., Ltd.",
  "Korea South-East Power Co., Ltd.",
  "Korea Mine Rehabilitation and Mineral Resources Corporation",
  "Korea Resources Corporation",
  "Korea Overseas Infrastructure & Urban Development Corporation",
  "Korea Technology Finance Corporation",
  "Korea Asset Management Corporation",
  "Korea Deposit Insurance Corporation",
  "Korea Credit Guarantee Fund",
  "Korea Gas Safety Corporation",
  "Samsung C&T Corporation",
  "Hyundai Corporation",
  "LX International Corp.",
  "SK Networks Co., Ltd.",
  "POSCO International Corporation",
  "GS Global Corp.",
  "Hanwha Corporation",
  "General Motors Korea Company",
  "Sinokor Merchant Marine Co., Ltd.",
  "Hyundai Merchant Marine Co., Ltd.",
  "China General Technology (Group) Holding Co., Ltd.",
  "China National Chemical Corporation",
  "China National Machinery Industry Corporation",
  "China General Nuclear Power Group",
  "Sinochem Group Co., Ltd.",
  "China Minmetals Corporation",
  "China National Building Material Group Co., Ltd.",
  "China State Construction Engineering Corporation",
  "China Railway Group Limited",
  "China Energy Engineering Corporation",
  "China National Cereals, Oils and Foodstuffs Corporation",
  "China Resources (Holdings) Co., Ltd.",
  "China Merchants Group Limited",
  "China Everbright Group Ltd.",
  "CITIC Group Corporation",
  "Dandong Port Group Co., Ltd.",
  "Dalian Port Company Limited",
  "Mitsubishi Corporation",
  "Mitsui & Co., Ltd.",
  "Sumitomo Corporation",
  "Itochu Corporation",
  "Marubeni Corporation",
  "Sojitz Corporation",
  "Toyota Tsusho Corporation",
  "Nippon Yusen Kabushiki Kaisha",
  "General Electric Company",
  "General Motors Company",
  "General Dynamics Corporation",
  "General Mills, Inc.",
  "Dollar General Corporation",
  "Trafigura Group Pte. Ltd.",
  "Noble Group Holdings Limited",
  "Olam International Limited",
  "Magnit PJSC",
  "X5 Retail Group N.V.",
  "Wildberries LLC",
];

/** Real companies in their own script (the English names above or E's, as their home press writes them). */
const NATIVE_SCRIPT_COMPANIES = [
  "한국산업은행",
  "한국수출입은행",
  "한국무역보험공사",
  "대한무역투자진흥공사",
  "한국광물자원공사",
  "삼성물산 주식회사",
  "현대종합상사",
  "포스코인터내셔널",
  "한국전력공사",
  "중소기업은행",
  "中国通用技术(集团)控股有限责任公司",
  "中国中化集团有限公司",
  "丹东港集团有限公司",
  "大连港股份有限公司",
  "中国五矿集团有限公司",
  "中国建筑集团有限公司",
  "兴业银行股份有限公司",
  "中国银行股份有限公司",
  "ПАО «Магнит»",
  "ООО «Вайлдберриз»",
];

/**
 * Real Korean, Chinese and Russian people and companies sharing words with listed bodies,
 * written as records write them; dropped when a reading, token set or organisation key is a
 * listed name's, a listed person's name without its patronymic included.
 */
export function realNegativesF(
  listedHangul: ReadonlySet<string>,
  listedTokenSets: ReadonlySet<string>,
  listedOrgKeys: ReadonlySet<string>,
  seed = 7927,
): Negative[] {
  const rand = prng(seed);
  const out: Negative[] = [];
  // A listed name without its patronymic is the name people use (TERESHKOVA, Valentina
  // Vladimirovna is Valentina Tereshkova): a person going by it is listed, or a namesake of
  // someone listed, and no negative.
  const listed = new Set(listedTokenSets);
  for (const key of listedTokenSets) {
    const t = key.split(" ");
    if (t.some(isPatronymic)) listed.add(t.filter((x) => !isPatronymic(x)).join(" "));
  }
  const add = (forms: string[], kind: string) => {
    if (forms.some((f) => listed.has(personKey(f)))) return;
    for (const f of forms) out.push({ name: f, kind, type: "person" });
  };
  for (const [native, family, given] of KOREAN_PEOPLE) {
    const spaced = given.replace(/-/g, " ");
    if ([native, ...standardReadings(`${family} ${spaced}`)].some((h) => listedHangul.has(h)))
      continue;
    add(
      [
        `${family} ${given}`,
        `${given} ${family}`,
        `${family.toUpperCase()}, ${initialsOf(spaced)}`,
        `${family.toUpperCase()} ${given.replace(/-/g, "").toUpperCase()}`,
        native,
      ],
      "real Korean person (F)",
    );
  }
  for (const [native, family, given] of CHINESE_PEOPLE) {
    // A Chinese name whose Korean reading is a listed Korean name is that name to a matcher.
    if (hanToHangul(native, { surname: true }).some((h) => listedHangul.has(h))) continue;
    add(
      [
        `${family} ${given}`,
        `${given} ${family}`,
        `${family.toUpperCase()}, ${given}`,
        native,
        rand() < 0.5 ? `${native.slice(0, 1)} ${native.slice(1)}` : native,
      ],
      "real Chinese person (F)",
    );
  }
  for (const [family, given, english] of RUSSIAN_PEOPLE) {
    const style = pick(BACK_STYLES, rand);
    add(
      [
        english,
        `${given} ${family}`,
        `${family} ${given}`,
        `${cyrillicToLatin(family, style).toUpperCase()}, ${cyrillicToLatin(given, style)}`,
      ],
      "real Russian person",
    );
  }
  for (const c of SHARED_WORD_COMPANIES) {
    if (listedOrgKeys.has(orgKey(c))) continue;
    out.push({ name: c, kind: "real company sharing listed words", type: "org" });
    out.push({
      name: pick(PLACE_FORMATS, rand)(c, rand),
      kind: "real company sharing listed words, with a place or office",
      type: "org",
    });
  }
  for (const c of NATIVE_SCRIPT_COMPANIES)
    if (!listedOrgKeys.has(orgKey(c)))
      out.push({ name: c, kind: "real company in its own script", type: "org" });
  return out.filter((n, i, all) => all.findIndex((m) => m.name === n.name) === i);
}

function initialsOf(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((g) => `${g[0]!.toUpperCase()}.`)
    .join(" ");
}
