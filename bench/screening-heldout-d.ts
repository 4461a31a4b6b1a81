/**
 * A fourth held-out family for the screening evaluation, sharing no generator with
 * bench/screening-queries.ts (tune) or the families A, B and C:
 *  - Korean nationals as South Korean and overseas documents write them: the family name in a
 *    spelling people choose for their passports (Lee, Park, Choi, Jung, Yoon…; the common
 *    spellings of https://en.wikipedia.org/wiki/List_of_Korean_surnames) and the given name in
 *    Revised Romanization with a hyphen (Lee Jeong-eun) or in McCune–Reischauer with apostrophes
 *    and no breves (Ch'oe Ch'ol-ho);
 *  - Korean nationals by the Japanese (on'yomi) reading of a Hanja spelling, as Japanese records
 *    give them (金正日 → Kin Shōnichi, 金日成 → Kin Nissei), with macrons, plain, or with ou/uu;
 *  - given-name syllables transposed (Jeongeun → Eunjeong), and a syllable left out of a long word;
 *  - honorifics and titles around the name (Gen., Comrade, H.E., Dr.);
 *  - other names with diacritics as Vietnamese, Arabic or other records write them, and the
 *    Arabic article and theophoric forms rewritten (Abdul → Abd al-, Al- → El-);
 *  - organisations with a branch or office suffix or prefix (X, Dalian Branch; Shenyang Office of
 *    X), and with their English words translated into Korean (CHOSON … MUYOK HOESA) or Chinese
 *    (CHAOXIAN … MAOYI GONGSI);
 *  - negatives: Korean names with one given syllable changed or with another family name, written
 *    as above; Chinese listed names with one given syllable changed, in pinyin; and companies from
 *    a fifth word pool with branch suffixes.
 * Seeded: the same lists give the same queries.
 */

import { romanizeName } from "../src/core/names/index.js";
import { hasCjk, type ListEntity } from "../src/core/screening/index.js";
import {
  companyNames,
  hangulOf,
  isKoreanNational,
  type Negative,
  standardReadings,
  syllableNearMisses,
  variantQueries,
} from "./screening-heldout.js";
import { isChineseNational, pinyinOf } from "./screening-heldout-c.js";
import { type EvalQuery, pick, prng } from "./screening-queries.js";

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1).toLowerCase() : s);

// ---- Korean: passport surname spellings, RR with hyphens, MR with apostrophes -------------------

/** Family names → spellings common in passports and the press (List of Korean surnames, above). */
const SURNAME_SPELLINGS: Record<string, string[]> = {
  김: ["Kim", "Gim"],
  이: ["Lee", "Yi", "Rhee"],
  리: ["Lee", "Rhee", "Yi"],
  박: ["Park", "Bak", "Pak"],
  최: ["Choi", "Choe", "Chae"],
  정: ["Jung", "Chung", "Jeong", "Cheong"],
  강: ["Kang", "Gang"],
  조: ["Cho", "Jo", "Joh"],
  윤: ["Yoon", "Yun"],
  장: ["Jang", "Chang"],
  임: ["Lim", "Im", "Rim"],
  림: ["Lim", "Rim", "Im"],
  한: ["Han", "Hahn"],
  오: ["Oh", "O"],
  서: ["Seo", "Suh", "Su"],
  신: ["Shin", "Sin"],
  권: ["Kwon", "Gwon"],
  황: ["Hwang"],
  안: ["Ahn", "An"],
  송: ["Song"],
  류: ["Ryu", "Yoo", "Yu"],
  유: ["Yoo", "Yu", "Ryu"],
  전: ["Jeon", "Jun", "Chun"],
  홍: ["Hong"],
  고: ["Ko", "Koh", "Go"],
  문: ["Moon", "Mun"],
  양: ["Yang"],
  량: ["Yang", "Ryang"],
  손: ["Son", "Sohn"],
  배: ["Bae", "Pae"],
  백: ["Baek", "Paik", "Paek"],
  허: ["Heo", "Hur", "Huh"],
  노: ["Noh", "Roh", "No"],
  로: ["Roh", "Noh", "Ro"],
  남: ["Nam"],
  심: ["Shim", "Sim"],
  하: ["Ha"],
  곽: ["Kwak", "Gwak"],
  성: ["Sung", "Seong"],
  차: ["Cha"],
  주: ["Joo", "Ju", "Chu"],
  우: ["Woo", "U"],
  구: ["Koo", "Ku", "Gu"],
  민: ["Min"],
  진: ["Jin", "Chin"],
  지: ["Ji", "Chi"],
  엄: ["Um", "Eom", "Uhm"],
  채: ["Chae", "Chai"],
  원: ["Won", "Weon"],
  천: ["Chun", "Cheon"],
  방: ["Bang", "Pang"],
  공: ["Kong", "Gong"],
  현: ["Hyun", "Hyeon"],
  함: ["Ham", "Hahm"],
  변: ["Byun", "Byeon", "Pyun"],
  염: ["Yeom", "Yum"],
  렴: ["Yeom", "Ryom"],
  여: ["Yeo", "Yuh"],
  려: ["Yeo", "Ryeo"],
  추: ["Choo", "Chu"],
  도: ["Do", "Doh"],
  석: ["Seok", "Suk"],
  선: ["Sun", "Seon"],
  설: ["Seol", "Sul"],
  길: ["Gil", "Kil"],
  연: ["Yeon", "Youn"],
  련: ["Yeon", "Ryon"],
  표: ["Pyo"],
  명: ["Myung", "Myeong"],
  기: ["Ki", "Kee", "Gi"],
  왕: ["Wang"],
  금: ["Keum", "Kum"],
  옥: ["Ok", "Ock"],
  탁: ["Tak", "Tahk"],
  태: ["Tae", "Tai"],
  계: ["Kye", "Gye"],
  승: ["Seung", "Sung"],
  봉: ["Bong", "Pong"],
  경: ["Kyung", "Kyeong"],
  국: ["Kook", "Kuk"],
};

function passportSurname(family: string, rand: () => number): string | undefined {
  const spellings = SURNAME_SPELLINGS[family];
  return spellings ? pick(spellings, rand) : undefined;
}

/** Lee Jeong-eun (RR, hyphen) or Lee Ch'ong-un (MR, apostrophes kept, breves dropped). */
function passportName(family: string, given: string[], rand: () => number): string | undefined {
  const fam = passportSurname(family, rand);
  if (!fam) return undefined;
  const mr = rand() < 0.35;
  const r = romanizeName(family, given.join(""), mr ? "mr" : "rr", {
    hyphen: true,
    diacritics: mr,
  });
  const g = mr
    ? r.given
        .normalize("NFD")
        .replace(/\u0306/g, "")
        .normalize("NFC")
    : r.given;
  return rand() < 0.8 ? `${fam} ${g}` : `${g} ${fam.toUpperCase()}`;
}

/** Given syllables in the other order, written together in RR: Jeongeun → Eunjeong. */
function transposedName(family: string, given: string[], rand: () => number): string | undefined {
  if (given.length !== 2 || given[0] === given[1]) return undefined;
  const fam = passportSurname(family, rand) ?? romanizeName(family, "", "rr").family;
  const r = romanizeName(family, [given[1]!, given[0]!].join(""), "rr", {
    hyphen: rand() < 0.5,
  });
  return `${fam} ${r.given}`;
}

// ---- Japanese readings of Hanja -------------------------------------------------------------------

/**
 * Sino-Japanese (on'yomi, Hepburn) readings of the Hanja most often behind a Korean family name
 * (Unihan kJapaneseOn: 金 KIN, 李 RI, 朴 BOKU, 崔 SAI, 鄭 TEI…).
 */
const JAPANESE_SURNAME: Record<string, string> = {
  김: "kin",
  이: "ri",
  리: "ri",
  박: "boku",
  최: "sai",
  정: "tei",
  강: "kyō",
  조: "chō",
  윤: "in",
  장: "chō",
  임: "rin",
  림: "rin",
  한: "kan",
  오: "go",
  서: "jo",
  신: "shin",
  권: "ken",
  황: "kō",
  안: "an",
  송: "sō",
  류: "ryū",
  유: "ryū",
  전: "zen",
  홍: "kō",
  고: "kō",
  문: "bun",
  양: "ryō",
  량: "ryō",
  손: "son",
  배: "hai",
  백: "haku",
  허: "kyo",
  노: "ro",
  로: "ro",
  남: "nan",
  심: "shin",
  하: "ka",
  곽: "kaku",
  성: "sei",
  차: "sha",
  주: "shu",
  우: "u",
  구: "gu",
  민: "bin",
  진: "chin",
  지: "chi",
  엄: "gen",
  채: "sai",
  원: "gen",
  천: "sen",
  방: "hō",
  공: "kō",
  현: "gen",
  함: "kan",
  변: "ben",
  염: "ren",
  렴: "ren",
  려: "ryo",
  여: "ryo",
  추: "shū",
  도: "to",
  석: "seki",
  선: "sen",
  설: "setsu",
  길: "kitsu",
  연: "en",
  표: "hyō",
  명: "mei",
  기: "ki",
  왕: "ō",
  금: "kin",
  옥: "gyoku",
  탁: "taku",
  태: "tai",
  계: "kei",
  승: "shō",
  봉: "hō",
  국: "kiku",
};

/** On'yomi of the Hanja most often behind a Korean given-name syllable (正 SEI, 日 NICHI, 哲 TETSU…). */
const JAPANESE_GIVEN: Record<string, string> = {
  철: "tetsu",
  남: "nan",
  일: "nichi",
  호: "kō",
  수: "shū",
  영: "ei",
  혁: "kaku",
  성: "sei",
  민: "min",
  국: "koku",
  진: "chin",
  명: "mei",
  광: "kō",
  룡: "ryū",
  용: "ryū",
  학: "gaku",
  준: "shun",
  석: "seki",
  훈: "kun",
  옥: "gyoku",
  희: "ki",
  순: "jun",
  선: "zen",
  경: "kei",
  식: "shoku",
  춘: "shun",
  봉: "hō",
  정: "sei",
  은: "on",
  김: "kin",
  덕: "toku",
  만: "man",
  복: "fuku",
  길: "kitsu",
  대: "dai",
  동: "tō",
  운: "un",
  원: "gen",
  윤: "in",
  창: "shō",
  찬: "san",
  태: "tai",
  현: "ken",
  혜: "kei",
  화: "ka",
  환: "kan",
  효: "kō",
  흥: "kō",
  기: "ki",
  상: "sō",
  세: "sei",
  송: "shō",
  승: "shō",
  신: "shin",
  실: "jitsu",
  애: "ai",
  연: "en",
  우: "u",
  웅: "yū",
  의: "gi",
  익: "eki",
  인: "jin",
  재: "zai",
  제: "sai",
  종: "shō",
  주: "shū",
  중: "chū",
  지: "shi",
  천: "ten",
  청: "sei",
  충: "chū",
  택: "taku",
  평: "hei",
  필: "hitsu",
  하: "ka",
  한: "kan",
  해: "kai",
  향: "kō",
  형: "kō",
  홍: "kō",
  휘: "ki",
  란: "ran",
  련: "ren",
  렬: "retsu",
  림: "rin",
  립: "ritsu",
  무: "bu",
  문: "bun",
  미: "bi",
  범: "han",
  병: "hei",
  보: "hō",
  부: "fu",
  산: "san",
  삼: "san",
  섭: "shō",
  숙: "shuku",
  심: "shin",
  안: "an",
  양: "yō",
  오: "go",
  완: "kan",
  욱: "kyoku",
  월: "getsu",
  유: "yū",
  율: "ritsu",
  을: "otsu",
  작: "saku",
  장: "shō",
  전: "zen",
  조: "so",
  직: "choku",
  집: "shū",
  채: "sai",
  초: "chō",
  칠: "shichi",
  탁: "taku",
  표: "hyō",
  풍: "hō",
  항: "kō",
  협: "kyō",
  회: "kai",
  후: "kō",
  휴: "kyū",
  건: "ken",
  걸: "ketsu",
  관: "kan",
  규: "kei",
  균: "kin",
  근: "kon",
  금: "kin",
  도: "dō",
  두: "to",
  득: "toku",
  락: "raku",
  량: "ryō",
  록: "roku",
  륜: "rin",
  모: "mo",
  백: "haku",
  생: "sei",
  서: "zui",
  설: "setsu",
  시: "ji",
  암: "gan",
  엽: "yō",
  예: "gei",
  온: "on",
  왕: "ō",
  응: "ō",
  임: "nin",
  자: "shi",
  점: "ten",
  존: "son",
  증: "zō",
  차: "ji",
  최: "sai",
  추: "shū",
  출: "shutsu",
  치: "chi",
  팔: "hachi",
  함: "kan",
  합: "gō",
  행: "kō",
  헌: "ken",
  활: "katsu",
  황: "kō",
  고: "kō",
  구: "kyū",
  계: "kei",
  강: "kō",
};

/** Readings joined as Japanese pronounces them: a -tsu or -chi before k, s, t, p doubles it (Nissei). */
function joinOn(readings: readonly string[]): string {
  let out = "";
  for (const r of readings) {
    if (/(tsu|chi)$/.test(out) && /^[kstp]/.test(r) && !/^(ts|ch)/.test(r))
      out = out.replace(/(tsu|chi)$/, r[0]!);
    out += r;
  }
  return out;
}

/** Long vowels with macrons (Shōnichi), plain (Shonichi) or spelt out (Shounichi). */
function longVowels(s: string, style: number): string {
  if (style < 0.4) return s;
  if (style < 0.75) return s.replace(/ō/g, "o").replace(/ū/g, "u");
  return s.replace(/ō/g, "ou").replace(/ū/g, "uu");
}

function japaneseName(family: string, given: string[], rand: () => number): string | undefined {
  const fam = JAPANESE_SURNAME[family];
  const giv = given.map((s) => JAPANESE_GIVEN[s]);
  if (!fam || giv.some((g) => g === undefined)) return undefined;
  const style = rand();
  const name = `${cap(longVowels(fam, style))} ${cap(longVowels(joinOn(giv as string[]), style))}`;
  return rand() < 0.3 ? name.toUpperCase() : name;
}

// ---- syllables left out, titles, diacritics -------------------------------------------------------

/** One inner vowel-led syllable (a vowel and the consonants after it) cut from the longest word of 7+ letters. */
function syllableOmitted(name: string, rand: () => number): string | undefined {
  const words = name.split(/\s+/);
  let wi = 0;
  words.forEach((w, i) => {
    if (w.length > words[wi]!.length) wi = i;
  });
  const w = words[wi]!;
  if (w.replace(/[^\p{L}]/gu, "").length < 7) return undefined;
  const cuts: [number, number][] = [];
  const re = /[aeiouy]+[^aeiouy\s,-]+/gi;
  for (let m = re.exec(w); m; m = re.exec(w))
    if (m.index > 1 && m.index + m[0].length < w.length - 1)
      cuts.push([m.index, m.index + m[0].length]);
  if (!cuts.length) return undefined;
  const [a, b] = pick(cuts, rand);
  words[wi] = w.slice(0, a) + w.slice(b);
  return words.join(" ");
}

const TITLES_BEFORE = [
  "Mr.",
  "Mr",
  "Gen.",
  "General",
  "Col.",
  "Colonel",
  "Dr.",
  "Comrade",
  "Marshal",
  "H.E.",
  "Ambassador",
  "Prof.",
  "Vice Minister",
  "Director",
  "Capt.",
];
const TITLES_AFTER = ["(Director)", ", Esq.", "(Chairman)", "(Vice Director)", "- Ambassador"];

function withTitle(name: string, rand: () => number): string {
  return rand() < 0.75
    ? `${pick(TITLES_BEFORE, rand)} ${name}`
    : `${name} ${pick(TITLES_AFTER, rand)}`;
}

/** Vowels with the marks of Vietnamese, Arabic transliteration and other Latin orthographies. */
const MARKED: Record<string, string[]> = {
  a: ["á", "à", "ã", "ạ", "ă", "â", "ā"],
  e: ["é", "è", "ê", "ệ", "ë", "ē"],
  i: ["í", "ì", "ĩ", "ī", "ï"],
  o: ["ó", "ò", "ô", "ơ", "ỗ", "ō", "ö"],
  u: ["ú", "ù", "ư", "ũ", "ū", "ü"],
  y: ["ý", "ỳ"],
  h: ["ḥ"],
  s: ["ṣ", "š"],
  d: ["ḍ", "đ"],
  t: ["ṭ"],
  z: ["ẓ", "ž"],
  c: ["ç", "č"],
};

/** Arabic name parts as other transliterations write them. */
const ARABIC_FORMS: [RegExp, string[]][] = [
  [/\bABDUL\s*/i, ["Abd al-", "Abdel ", "Abd-ul-"]],
  [/\bABD AL[- ]/i, ["Abdul ", "Abdel"]],
  [/\bAL-/i, ["El-", "al ", "Al "]],
  [/\bEL-/i, ["Al-", "al-"]],
  [/\bMOHAMMED\b|\bMOHAMMAD\b|\bMUHAMMAD\b|\bMOHAMED\b/i, ["Muḥammad", "Mohamed", "Mehmet"]],
  [/\bHUSSEIN\b|\bHUSSAIN\b/i, ["Ḥusayn", "Husein"]],
  [/\bYOUSSEF\b|\bYOUSEF\b|\bYUSUF\b/i, ["Yūsuf", "Youssef", "Jusuf"]],
  [/\bIBN\b|\bBIN\b/i, ["ibn", "bin", "ben"]],
];

/** Marks added to about a third of the letters that can carry one, and Arabic parts rewritten. */
function withDiacritics(name: string, rand: () => number): string | undefined {
  let out = name;
  const arabic = ARABIC_FORMS.filter(([re]) => re.test(out));
  if (arabic.length) {
    const [re, reps] = pick(arabic, rand);
    out = out.replace(re, pick(reps, rand));
  }
  let marked = 0;
  out = [...out]
    .map((c) => {
      const options = MARKED[c.toLowerCase()];
      if (!options || rand() > 0.3) return c;
      marked++;
      const m = pick(options, rand);
      return c === c.toUpperCase() ? m.toUpperCase() : m;
    })
    .join("");
  return marked > 0 || out !== name ? out : undefined;
}

// ---- persons ----------------------------------------------------------------------------------------

function personVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  if (hasCjk(name)) return out;
  out.push(["title or honorific", withTitle(name, rand)]);
  const omitted = syllableOmitted(name, rand);
  if (omitted) out.push(["syllable omitted", omitted]);
  const korean = isKoreanNational(e) ? hangulOf(name) : undefined;
  if (korean) {
    const passport = passportName(korean.family, korean.given, rand);
    if (passport) out.push(["passport surname, RR or MR given name", passport]);
    const japanese = japaneseName(korean.family, korean.given, rand);
    if (japanese) out.push(["Japanese reading of Hanja", japanese]);
    const transposed = transposedName(korean.family, korean.given, rand);
    if (transposed) out.push(["given syllables transposed", transposed]);
    return out;
  }
  if (isChineseNational(e)) return out;
  const marked = withDiacritics(name, rand);
  if (marked) out.push(["diacritics and transliteration", marked]);
  return out;
}

// ---- organisations ------------------------------------------------------------------------------------

const BRANCH_PLACES = [
  "Dalian",
  "Shenyang",
  "Dandong",
  "Beijing",
  "Shanghai",
  "Hong Kong",
  "Vladivostok",
  "Moscow",
  "Rason",
  "Nampo",
  "Singapore",
  "Dubai",
];
const BRANCH_FORMS: ((name: string, place: string) => string)[] = [
  (n, p) => `${n} (${p} Branch)`,
  (n, p) => `${n}, ${p} Branch`,
  (n, p) => `${n} - ${p} Office`,
  (n, p) => `${n} ${p} Representative Office`,
  (n, p) => `${p} Branch of ${n}`,
  (n, p) => `${p} Office, ${n}`,
];

/** English words of list names → DPRK Korean (McCune–Reischauer, no breves) and Hanyu Pinyin. */
const TRANSLATIONS: Record<string, { ko: string; zh: string }> = {
  KOREA: { ko: "CHOSON", zh: "CHAOXIAN" },
  KOREAN: { ko: "CHOSON", zh: "CHAOXIAN" },
  GENERAL: { ko: "CHONG", zh: "ZONG" },
  TRADING: { ko: "MUYOK", zh: "MAOYI" },
  TRADE: { ko: "MUYOK", zh: "MAOYI" },
  CORPORATION: { ko: "HOESA", zh: "GONGSI" },
  COMPANY: { ko: "HOESA", zh: "GONGSI" },
  CO: { ko: "HOESA", zh: "GONGSI" },
  BANK: { ko: "UNHAENG", zh: "YINHANG" },
  SHIPPING: { ko: "HAEUN", zh: "HAIYUN" },
  INDUSTRIAL: { ko: "KONGOP", zh: "GONGYE" },
  INDUSTRY: { ko: "KONGOP", zh: "GONGYE" },
  MINING: { ko: "KWANGOP", zh: "KUANGYE" },
  DEVELOPMENT: { ko: "KAEBAL", zh: "KAIFA" },
  TECHNOLOGY: { ko: "KISUL", zh: "KEJI" },
  INTERNATIONAL: { ko: "KUKJE", zh: "GUOJI" },
  EQUIPMENT: { ko: "SOLBI", zh: "SHEBEI" },
  COMMITTEE: { ko: "WIWONHOE", zh: "WEIYUANHUI" },
  BUREAU: { ko: "KUK", zh: "JU" },
  GROUP: { ko: "KURUP", zh: "JITUAN" },
  COMMERCIAL: { ko: "SANGOP", zh: "SHANGYE" },
  INVESTMENT: { ko: "TUJA", zh: "TOUZI" },
  JOINT: { ko: "HAPYONG", zh: "HEYING" },
  VENTURE: { ko: "HOESA", zh: "QIYE" },
  MACHINERY: { ko: "KIGYE", zh: "JIXIE" },
  ENERGY: { ko: "ENERGI", zh: "NENGYUAN" },
  FOREIGN: { ko: "TAEOE", zh: "DUIWAI" },
  INSURANCE: { ko: "POHOM", zh: "BAOXIAN" },
};

function translated(name: string, rand: () => number): string | undefined {
  const lang = rand() < 0.5 ? "ko" : "zh";
  let n = 0;
  const words = name
    .replace(/[.,()]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      const t = TRANSLATIONS[w.toUpperCase()];
      if (!t) return w;
      n++;
      return t[lang];
    });
  // A name made only of translated words says nothing of the body it names.
  if (n === 0 || n === words.length) return undefined;
  return words.join(" ");
}

function orgVariants(name: string, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  if (hasCjk(name)) return out;
  out.push(["branch or office", pick(BRANCH_FORMS, rand)(name, pick(BRANCH_PLACES, rand))]);
  const t = translated(name, rand);
  if (t) out.push(["words translated into Korean or Chinese", t]);
  return out;
}

export function heldOutDQueriesFor(entities: readonly ListEntity[], seed = 5150): EvalQuery[] {
  return variantQueries(entities, prng(seed), {
    uses: (_, type) => type !== "original-script",
    person: personVariants,
    org: orgVariants,
  });
}

// ---- negatives ------------------------------------------------------------------------------------------

/** Given syllables swapped in (a pool no other family's near-misses use). */
const SWAP_SYLLABLES = [..."규근덕동래록만병보삼섭승애윤은인재창태현"];
/** Family names swapped in for a near-miss with the same given name. */
const SWAP_FAMILIES = [..."김리박최정강조윤장림한오서신권황안송홍고문량손백허남"];

/**
 * Korean names one given syllable away from a listed Korean name, or the same given name under
 * another family name, in passport spellings; dropped when any common reading is a listed name.
 */
export function passportNearMisses(
  entities: readonly ListEntity[],
  listed: ReadonlySet<string>,
  seed: number,
): Negative[] {
  const rand = prng(seed);
  const render = (family: string, given: string[]) => {
    const name = passportName(family, given, rand);
    if (!name) return undefined;
    return standardReadings(name).some((x) => listed.has(x)) ? undefined : name;
  };
  const given = syllableNearMisses(
    entities,
    listed,
    SWAP_SYLLABLES,
    rand,
    "passport-spelling near-miss",
    render,
  );
  const families: Negative[] = [];
  const seen = new Set<string>();
  for (const e of entities) {
    if (e.kind !== "person" || !isKoreanNational(e)) continue;
    const k = hangulOf(e.names[0]!.name);
    if (!k) continue;
    let f = pick(SWAP_FAMILIES, rand);
    if (f === k.family) f = SWAP_FAMILIES[(SWAP_FAMILIES.indexOf(f) + 1) % SWAP_FAMILIES.length]!;
    const hangul = f + k.given.join("");
    if (seen.has(hangul) || listed.has(hangul)) continue;
    const name = render(f, k.given);
    if (name === undefined) continue;
    seen.add(hangul);
    families.push({ name, kind: "another family name", type: "person" });
  }
  return [...given, ...families];
}

/** Pinyin given syllables swapped into a listed Chinese name. */
const PINYIN_SWAPS = ["hua", "ming", "jun", "lin", "feng", "wei", "qiang", "bo", "xin", "hao"];

/**
 * Listed Chinese nationals' names with one given syllable changed, in pinyin (spaced, hyphenated
 * or run together); dropped when the result is a listed name.
 */
export function chineseNearMisses(
  entities: readonly ListEntity[],
  listedTokenSets: ReadonlySet<string>,
  seed: number,
): Negative[] {
  const rand = prng(seed);
  const out: Negative[] = [];
  const seen = new Set<string>();
  for (const e of entities) {
    if (e.kind !== "person" || !isChineseNational(e)) continue;
    for (const n of e.names) {
      if (hasCjk(n.name)) continue;
      const p = pinyinOf(n.name);
      if (!p) continue;
      const g = p.given.slice();
      const i = Math.floor(rand() * g.length);
      let s = pick(PINYIN_SWAPS, rand);
      if (s === g[i]) s = PINYIN_SWAPS[(PINYIN_SWAPS.indexOf(s) + 1) % PINYIN_SWAPS.length]!;
      g[i] = s;
      const fam = p.family.join("");
      const keys = [
        [...new Set([fam, ...g])].sort().join(" "),
        [...new Set([fam, g.join("")])].sort().join(" "),
      ];
      if (keys.some((k) => listedTokenSets.has(k)) || seen.has(keys[1]!)) continue;
      seen.add(keys[1]!);
      const form = rand();
      const givenText =
        form < 0.4 ? cap(g.join("")) : form < 0.7 ? cap(g.join("-")) : g.map(cap).join(" ");
      const name = rand() < 0.5 ? `${fam.toUpperCase()}, ${givenText}` : `${cap(fam)} ${givenText}`;
      out.push({ name, kind: "Chinese near-miss", type: "person" });
    }
  }
  return out;
}

/** Company names with branch suffixes, from a pool no other part uses. */
const BRANCH_POOL = {
  places: ["Tianjin", "Weihai", "Nakhodka", "Blagoveshchensk", "Kuwait", "Doha", "Hanoi"],
  words: ["Hongxing", "Jiahe", "Okean", "Taiga", "Golden Lotus", "Sao Mai", "Al Noor", "Baihe"],
  trades: ["Fisheries", "Hotel Management", "Construction", "Garments", "Medical Services"],
  forms: [
    "Co., Ltd. (Shenyang Branch)",
    "LLC - Moscow Office",
    "Joint Stock Company, Hanoi Branch",
    "Trading Co. Representative Office",
    "W.L.L.",
  ],
};

export function branchCompanies(
  listedOrgKeys: ReadonlySet<string>,
  n: number,
  seed: number,
): Negative[] {
  return companyNames(BRANCH_POOL, listedOrgKeys, n, seed).map((x) => ({
    ...x,
    kind: "company with a branch",
  }));
}
