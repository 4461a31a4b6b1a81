/**
 * A ninth held-out family for the screening evaluation, sharing no generator with
 * bench/screening-queries.ts (tune) or the families A–H:
 *  - Korean nationals as the Vietnamese press writes them: each syllable by the Sino-Vietnamese
 *    (Hán-Việt) reading of a Hanja commonly behind it in Korean names (the tables below),
 *    capitalised syllable by syllable (金日成 → Kim Nhật Thành, as
 *    https://vi.wikipedia.org/wiki/Kim_Nhật_Thành titles him; 金正恩 → Kim Chính Ân), and the same
 *    with the Vietnamese marks lost, as ASCII systems keep it (Kim Chinh An;
 *    https://en.wikipedia.org/wiki/Vietnamese_language_and_computers). The readings are the
 *    Hán-Việt ones Wiktionary gives for each character (https://en.wiktionary.org/wiki/永: vĩnh);
 *    Unihan kVietnamese (https://www.unicode.org/reports/tr38/#kVietnamese) agrees where it gives
 *    the Hán-Việt reading and not a vernacular (Nôm) one (永 vắng);
 *  - any person as the Greek press spells a foreign name from its Latin letters (b → μπ, d → ντ,
 *    g → γκ, j → τζ, ch → τσ, h → χ, u and w → ου, ng → νγκ, y before a vowel → γι at a syllable's
 *    start and ι after a consonant; the consonants as in Τζο Μπάιντεν for Joe Biden,
 *    https://el.wikipedia.org/wiki/Τζο_Μπάιντεν, the vowels letter by letter;
 *    Ri Yong Ho → Ρι Γιονγκ Χο; names the press writes by ear instead, Κιμ Γιονγκ-ουν of
 *    https://el.wikipedia.org/wiki/Κιμ_Γιονγκ-ουν, are not copied), in lower case or in capitals,
 *    and that Greek read back into Latin letters by ELOT 743
 *    (https://en.wikipedia.org/wiki/Romanization_of_Greek: γκ → gk, χ → ch, ου → ou; Kim Tzongk Oun);
 *  - any name cased by a system set to the Turkish locale: i upper-cased to İ, I lower-cased to ı
 *    (KİM JONG UN, kım jong un; https://en.wikipedia.org/wiki/Dotted_and_dotless_I_in_computing);
 *  - a name as a payment's ordering customer carries it: an account line ("/" and an IBAN or an
 *    account number) and the name, joined by a space or a line break, as SWIFT MT103 field 50K
 *    sets them (https://en.wikipedia.org/wiki/SWIFT_message_types), the city after it at times;
 *  - a name in a United States court caption: "UNITED STATES OF AMERICA v. NAME, Defendant.";
 *    organisations in a civil forfeiture caption, "United States of America v. $1,071,251.44 of
 *    Funds Associated with Mingzheng International Trading Limited" (the form of the DPRK
 *    forfeiture actions, that one in the District Court for the District of Columbia, 2017);
 *    vessels as "United States of America v. The Bulk Carrier Known as the "Wise Honest"" (the
 *    Southern District of New York, 2019);
 *  - organisations as a bill of lading's consignee box gives them: "CONSIGNEE:", the name, the
 *    listed address or a city, and "TEL" with a number in the country's format
 *    (https://en.wikipedia.org/wiki/Bill_of_lading);
 *  - vessels as a ship register's line gives them: name; flag; type; gross tonnage; call sign
 *    (the fields of https://en.wikipedia.org/wiki/Ship_registration);
 *  - organisations translated into Swedish, Czech, Romanian or Hungarian, four more of the 24
 *    languages the EU Official Journal publishes its sanctions annexes in
 *    (https://eur-lex.europa.eu/eli/reg/2017/1509/oj, each language version): Swedish gluing noun
 *    modifiers into the head (Tanchon handelsbank) with "för" before a complement (Ministeriet för
 *    atomenergiindustri); Czech adjectives before the head agreeing with it and noun modifiers and
 *    complements after it in the genitive (Ministerstvo průmyslu atomové energie); Romanian the
 *    head first with its definite article, adjectives after it and complements in the genitive
 *    (Ministerul Industriei Energiei Atomice); Hungarian everything before the head, noun
 *    modifiers as -i adjectives (Atomenergetikai Ipari Minisztérium); the Workers' Party, the
 *    Korean People's Army and the state by the names those languages' Wikipedias give them;
 *    untranslatable words and the legal form kept as listed;
 *  - negatives: real people, companies and public bodies on no list, other than A–H's: South
 *    Korean presidents, prime ministers and others with known Hanja names in the forms above,
 *    Chinese people in pinyin and as the Vietnamese press writes them (习近平 → Tập Cận Bình),
 *    Vietnamese people with and without marks, and banks, companies, ministries, central banks and
 *    state shipping companies of Sweden, Denmark, Finland, the Czech Republic, Romania, Greece,
 *    Croatia, Hungary, Lithuania, Turkey, Indonesia, Vietnam and Mongolia in their own languages,
 *    bare or in the document forms above. A negative is dropped as family H drops one (see
 *    bench/screening-heldout-h.ts: a Hangul reading of a listed name; its words and a listed
 *    name's words, every name and alias of both lists, one inside the other; its letters equal to
 *    a listed name's), and also when any of its forms with the marks folded does.
 * Seeded: the same lists give the same queries.
 */

import { hanToHangul } from "../src/core/names/index.js";
import type { ListEntity } from "../src/core/screening/index.js";
import {
  hangulOf,
  isKoreanNational,
  type Negative,
  standardReadings,
  type VariantFamily,
  variantQueries,
} from "./screening-heldout.js";
import { ListedNames } from "./screening-heldout-h.js";
import { type EvalQuery, pick, prng } from "./screening-queries.js";

const title = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w);
const digits = (n: number, rand: () => number) =>
  Array.from({ length: n }, () => Math.floor(rand() * 10)).join("");

/** The rows of a table written one a line, their fields split by spaces. */
const rows = (text: string) =>
  text
    .trim()
    .split(/\s*\n\s*/)
    .map((line) => line.split(" ") as [string, string, ...string[]]);

// ---- Sino-Vietnamese readings --------------------------------------------------------------------

/** [Hangul, the Hanja most often behind it in a Korean family name, its Hán-Việt reading]. */
const VIET_SURNAME = new Map(
  rows(`
김 金 Kim
리 李 Lý
이 李 Lý
박 朴 Phác
최 崔 Thôi
조 趙 Triệu
장 張 Trương
강 姜 Khương
전 全 Toàn
한 韓 Hàn
고 高 Cao
문 文 Văn
백 白 Bạch
유 劉 Lưu
류 柳 Liễu
구 具 Cụ
윤 尹 Doãn
황 黃 Hoàng
손 孫 Tôn
종 鍾 Chung
현 玄 Huyền
민 閔 Mẫn
주 朱 Chu
배 裵 Bùi
심 沈 Thẩm
라 羅 La
나 羅 La
신 申 Thân
오 吳 Ngô
연 延 Diên
증 曾 Tăng
곽 郭 Quách
렴 廉 Liêm
염 廉 Liêm
차 車 Xa
정 鄭 Trịnh
량 梁 Lương
양 梁 Lương
길 吉 Cát
편 片 Phiến
변 卞 Biện
림 林 Lâm
임 林 Lâm
서 徐 Từ
송 宋 Tống
홍 洪 Hồng
남 南 Nam
허 許 Hứa
노 盧 Lư
로 盧 Lư
우 禹 Vũ
지 池 Trì
방 方 Phương
엄 嚴 Nghiêm
채 蔡 Thái
원 元 Nguyên
천 千 Thiên
공 孔 Khổng
함 咸 Hàm
려 呂 Lã
여 呂 Lã
추 秋 Thu
도 都 Đô
석 石 Thạch
선 宣 Tuyên
설 薛 Tiết
표 表 Biểu
명 明 Minh
기 奇 Kỳ
왕 王 Vương
금 琴 Cầm
옥 玉 Ngọc
탁 卓 Trác
태 太 Thái
계 桂 Quế
승 承 Thừa
봉 奉 Phụng
국 鞠 Cúc
하 河 Hà
진 陳 Trần
안 安 An
권 權 Quyền
성 成 Thành
마 馬 Mã
모 毛 Mao
소 蘇 Tô
위 魏 Ngụy
`).map(([h, han, viet]) => [h, [han, viet!]] as const),
);

/** [Hangul, the Hanja most often behind it in a Korean given name, its Hán-Việt reading]. */
const VIET_GIVEN = new Map(
  rows(`
철 哲 Triết
일 日 Nhật
용 勇 Dũng
호 浩 Hạo
송 松 Tùng
준 俊 Tuấn
진 鎭 Trấn
수 秀 Tú
경 景 Cảnh
명 明 Minh
남 南 Nam
광 光 Quang
혁 赫 Hách
석 錫 Tích
종 鍾 Chung
동 東 Đông
만 萬 Vạn
영 永 Vĩnh
문 文 Văn
식 植 Thực
민 敏 Mẫn
장 章 Chương
정 正 Chính
춘 春 Xuân
길 吉 Cát
규 奎 Khuê
훈 勳 Huân
원 元 Nguyên
병 炳 Bỉnh
승 承 Thừa
환 煥 Hoán
섭 燮 Tiếp
우 宇 Vũ
봉 奉 Phụng
성 成 Thành
손 孫 Tôn
현 賢 Hiền
학 學 Học
국 國 Quốc
세 世 Thế
웅 雄 Hùng
운 雲 Vân
제 濟 Tế
재 在 Tại
범 範 Phạm
룡 龍 Long
대 大 Đại
삼 三 Tam
연 淵 Uyên
욱 旭 Húc
은 恩 Ân
화 和 Hòa
하 夏 Hạ
유 裕 Dụ
상 相 Tương
홍 洪 Hồng
창 昌 Xương
중 重 Trọng
기 基 Cơ
건 健 Kiện
옥 玉 Ngọc
도 道 Đạo
무 武 Vũ
형 亨 Hanh
안 安 An
희 熙 Hy
태 泰 Thái
강 康 Khang
덕 德 Đức
복 福 Phúc
평 平 Bình
부 富 Phú
근 根 Căn
인 仁 Nhân
로 魯 Lỗ
산 山 Sơn
휘 輝 Huy
한 漢 Hán
자 子 Tử
차 次 Thứ
해 海 Hải
내 乃 Nãi
허 許 Hứa
아 雅 Nhã
륵 勒 Lặc
순 順 Thuận
윤 允 Doãn
선 善 Thiện
혜 惠 Huệ
향 香 Hương
금 錦 Cẩm
란 蘭 Lan
실 實 Thực
미 美 Mỹ
애 愛 Ái
숙 淑 Thục
주 柱 Trụ
림 林 Lâm
관 寬 Khoan
권 權 Quyền
택 澤 Trạch
균 均 Quân
익 益 Ích
필 弼 Bật
의 義 Nghĩa
열 烈 Liệt
빈 彬 Bân
여 與 Dữ
요 堯 Nghiêu
설 雪 Tuyết
전 全 Toàn
심 心 Tâm
찬 贊 Tán
충 忠 Trung
`).map(([h, han, viet]) => [h, [han, viet!]] as const),
);

/** Vietnamese with its marks lost: đ to d, every tone and vowel mark gone. */
export const withoutMarks = (s: string) =>
  s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");

/** A Korean name's Hán-Việt reading from its Hangul family and given syllables; undefined when a syllable has none here. */
function vietnameseOf(family: string, given: string[]): string | undefined {
  const fam = VIET_SURNAME.get(family);
  const giv = given.map((g) => VIET_GIVEN.get(g));
  if (!fam || giv.length === 0 || giv.some((g) => g === undefined)) return undefined;
  return [fam[1], ...giv.map((g) => g![1])].join(" ");
}

function vietnameseForms(name: string, rand: () => number): [string, string][] {
  const h = hangulOf(name);
  const given = h ? [...h.given.join("")] : [];
  const viet = h && vietnameseOf(h.family, given);
  if (!viet) return [];
  const out: [string, string][] = [["Sino-Vietnamese reading", viet]];
  if (rand() < 0.6) out.push(["Sino-Vietnamese reading, marks lost", withoutMarks(viet)]);
  return out;
}

// ---- Greek press transcription, and back by ELOT 743 -----------------------------------------------

/** Latin spellings to Greek, longest first: the letter-by-letter practice of the Greek press. */
const TO_GREEK: [string, string][] = [
  ["sch", "σ"],
  ["tch", "τσ"],
  ["ch", "τσ"],
  ["sh", "σ"],
  ["ts", "τσ"],
  ["tz", "τζ"],
  ["th", "θ"],
  ["ph", "φ"],
  ["kh", "χ"],
  ["gh", "γκ"],
  ["zh", "τζ"],
  ["ng", "νγκ"],
  ["ou", "ου"],
  ["oo", "ου"],
  ["ck", "κ"],
  ["a", "α"],
  ["b", "μπ"],
  ["c", "κ"],
  ["d", "ντ"],
  ["e", "ε"],
  ["f", "φ"],
  ["g", "γκ"],
  ["h", "χ"],
  ["i", "ι"],
  ["j", "τζ"],
  ["k", "κ"],
  ["l", "λ"],
  ["m", "μ"],
  ["n", "ν"],
  ["o", "ο"],
  ["p", "π"],
  ["q", "κ"],
  ["r", "ρ"],
  ["s", "σ"],
  ["t", "τ"],
  ["u", "ου"],
  ["v", "β"],
  ["w", "ου"],
  ["x", "ξ"],
  ["z", "ζ"],
];

/** One Latin word in Greek letters (lower case, final sigma). */
function greekWord(word: string): string {
  const w = withoutMarks(word).toLowerCase().replace(/['’ʼ]/g, "");
  let out = "";
  let i = 0;
  while (i < w.length) {
    // y before a vowel is the glide γι at a syllable's start (Yong → Γιονγκ), ι after a
    // consonant (Kyong → Κιονγκ) and as a vowel.
    if (w[i] === "y") {
      const glide = /[aeiou]/.test(w[i + 1] ?? "") && (i === 0 || /[aeiou]/.test(w[i - 1]!));
      out += glide ? "γι" : "ι";
      i++;
      continue;
    }
    const rule = TO_GREEK.find(([lat]) => w.startsWith(lat, i));
    if (rule) {
      out += rule[1];
      i += rule[0].length;
    } else {
      out += w[i];
      i++;
    }
  }
  return out.replace(/σ$/, "ς");
}

/** A name in Greek letters, each word capitalised or all in capitals; undefined without Latin letters. */
function greekOf(name: string, capitals: boolean): string | undefined {
  if (!/[A-Za-z]/.test(name)) return undefined;
  const words = name
    .replace(/,/g, "")
    .split(/([\s-]+)/)
    .map((part) => (/^[\s-]+$/.test(part) || !part ? part : greekWord(part)));
  const greek = words.join("");
  return capitals
    ? greek.toUpperCase()
    : greek.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** ELOT 743 (ISO 843) transcription: digraphs first, μπ / ντ as b / d at the start of a word. */
const ELOT: [string, string][] = [
  ["ου", "ou"],
  ["αυ", "av"],
  ["ευ", "ev"],
  ["γγ", "ng"],
  ["γκ", "gk"],
  ["γξ", "nx"],
  ["γχ", "nch"],
  ["α", "a"],
  ["β", "v"],
  ["γ", "g"],
  ["δ", "d"],
  ["ε", "e"],
  ["ζ", "z"],
  ["η", "i"],
  ["θ", "th"],
  ["ι", "i"],
  ["κ", "k"],
  ["λ", "l"],
  ["μ", "m"],
  ["ν", "n"],
  ["ξ", "x"],
  ["ο", "o"],
  ["π", "p"],
  ["ρ", "r"],
  ["σ", "s"],
  ["ς", "s"],
  ["τ", "t"],
  ["υ", "y"],
  ["φ", "f"],
  ["χ", "ch"],
  ["ψ", "ps"],
  ["ω", "o"],
];

/** Greek letters read back into Latin ones by ELOT 743, keeping each word's capitals. */
export function elot743(greek: string): string {
  return greek
    .split(/([\s-]+)/)
    .map((part) => {
      if (/^[\s-]*$/.test(part)) return part;
      const lower = part.toLowerCase();
      const upper = part === part.toUpperCase() && part.length > 1;
      let w = lower.replace(/^μπ/, "b").replace(/^ντ/, "d");
      let out = "";
      while (w.length) {
        const rule = ELOT.find(([g]) => w.startsWith(g));
        out += rule ? rule[1] : w[0];
        w = w.slice(rule ? rule[0].length : 1);
      }
      return upper ? out.toUpperCase() : title(out);
    })
    .join("");
}

function greekForms(name: string, rand: () => number): [string, string][] {
  const capitals = rand() < 0.4;
  const greek = greekOf(name, capitals);
  if (!greek) return [];
  const out: [string, string][] = [];
  if (rand() < 0.5) out.push([capitals ? "Greek capitals" : "Greek press form", greek]);
  out.push(["Greek read back by ELOT 743", elot743(greek)]);
  return out;
}

// ---- Turkish-locale case, and document lines ---------------------------------------------------------

/** A name cased in the Turkish locale: a mixed-case name upper-cased (i → İ), a capitalised one lower-cased (I → ı). */
function turkishCase(name: string): [string, string] | undefined {
  const upper = name === name.toUpperCase();
  if (upper && /I/.test(name)) return ["Turkish-locale lower case", name.toLocaleLowerCase("tr")];
  if (!upper && /i/.test(name)) return ["Turkish-locale upper case", name.toLocaleUpperCase("tr")];
  return undefined;
}

/** IBAN country codes with their lengths, and countries whose banks give a bare account number. */
const IBAN_LENGTHS: [string, number][] = [
  ["CH", 21],
  ["AT", 20],
  ["LU", 20],
  ["AE", 23],
  ["CY", 28],
  ["LV", 21],
  ["TR", 26],
];
const BARE_ACCOUNT_DIGITS = [9, 10, 12, 16];

const CITIES = [
  "PYONGYANG",
  "NAMPO",
  "DANDONG",
  "SHENYANG",
  "DALIAN",
  "VLADIVOSTOK",
  "HONG KONG",
  "SINGAPORE",
  "DUBAI",
];

function account(rand: () => number): string {
  if (rand() < 0.6) {
    const [cc, len] = pick(IBAN_LENGTHS, rand);
    return `${cc}${digits(len - 2, rand)}`;
  }
  return digits(pick(BARE_ACCOUNT_DIGITS, rand), rand);
}

/** Field 50K: the account line, then the name (and a city at times), lines joined as read. */
function orderingCustomer(name: string, rand: () => number): string {
  const sep = rand() < 0.5 ? "\n" : " ";
  const city = rand() < 0.4 ? `${sep}${pick(CITIES, rand)}` : "";
  return `/${account(rand)}${sep}${name.toUpperCase()}${city}`;
}

function personCaption(name: string, rand: () => number): string {
  return rand() < 0.6
    ? `UNITED STATES OF AMERICA v. ${name.toUpperCase()}, Defendant.`
    : `United States v. ${mixedCase(name)}`;
}

function forfeitureCaption(name: string, rand: () => number): string {
  const dollars = (1 + Math.floor(rand() * 4_999)) * 1000 + Math.floor(rand() * 1000);
  const cents = digits(2, rand);
  return `United States of America v. $${dollars.toLocaleString("en-US")}.${cents} of Funds Associated with ${mixedCase(name)}`;
}

/** Telephone numbers as a consignee box writes them, by the country's calling code. */
const PHONES: ((rand: () => number) => string)[] = [
  (r) => `+850-2-381-${digits(4, r)}`,
  (r) => `00850 2 18111 ${digits(4, r)}`,
  (r) => `+86-415-${digits(7, r)}`,
  (r) => `+86 411 ${digits(8, r)}`,
  (r) => `+7 4232 ${digits(6, r)}`,
];

function consignee(name: string, addresses: ListEntity["addresses"], rand: () => number): string {
  const listed = addresses.find((a) => a.text)?.text;
  const where = listed ? listed.toUpperCase() : `${pick(CITIES, rand)}`;
  const sep = rand() < 0.5 ? "\n" : ", ";
  return `CONSIGNEE: ${name.toUpperCase()}${sep}${where}${sep}TEL ${pick(PHONES, rand)(rand)}`;
}

const REGISTRY_FLAGS = ["Korea, DPR", "Sierra Leone", "Togo", "Panama", "Mongolia", "Comoros"];
const REGISTRY_TYPES = [
  "General Cargo Ship",
  "Oil Products Tanker",
  "Bulk Carrier",
  "Crude Oil Tanker",
  "Refrigerated Cargo Ship",
];

function registryLine(name: string, rand: () => number): string {
  const gt = (500 + Math.floor(rand() * 14_500)).toLocaleString("en-US");
  const callSign = `${pick(["HM", "9L", "5V", "3E", "JV"], rand)}${String.fromCharCode(65 + Math.floor(rand() * 26))}${digits(1, rand)}`;
  return `${name.toUpperCase()}; ${pick(REGISTRY_FLAGS, rand)}; ${pick(REGISTRY_TYPES, rand)}; ${gt} GT; call sign ${callSign}`;
}

function vesselCaption(name: string, rand: () => number): string {
  const type = pick(["Bulk Carrier", "Tanker", "Cargo Vessel", "Motor Vessel"], rand);
  return `United States of America v. The ${type} Known as the "${mixedCase(name)}"`;
}

const LOWER_IN_NAMES = new Set(["of", "and", "the", "for"]);
const KEEP_CAPITALS = /^(?:[^AEIOUY]+|KPA|KOMID|DPRK|OMM|DCB|KKBC|JV|LLC|SA|AG)$/;

/** A name in mixed case as a caption or running text sets it: KIM JONG UN → Kim Jong Un. */
function mixedCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  let first = true;
  return s.replace(/\S+/g, (w) => {
    const small = !first && LOWER_IN_NAMES.has(w.toLowerCase());
    first = false;
    if (small) return w.toLowerCase();
    const kept = !/^\p{L}/u.test(w) || KEEP_CAPITALS.test(w.replace(/[.,]/g, ""));
    return kept ? w : w[0]! + w.slice(1).toLowerCase();
  });
}

function personVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  if (!/[A-Za-z]/.test(name)) return out;
  if (isKoreanNational(e)) out.push(...vietnameseForms(name, rand));
  out.push(...greekForms(name, rand));
  const t = turkishCase(name);
  if (t && rand() < 0.6) out.push(t);
  const r = rand();
  if (r < 0.25) out.push(["payment ordering customer", orderingCustomer(name, rand)]);
  else if (r < 0.5) out.push(["court caption", personCaption(name, rand)]);
  return out;
}

// ---- organisations in Swedish, Czech, Romanian and Hungarian ------------------------------------------

const LANGUAGE = { sv: "Swedish", cs: "Czech", ro: "Romanian", hu: "Hungarian" } as const;
type Lang = keyof typeof LANGUAGE;
const LANGS = Object.keys(LANGUAGE) as Lang[];

/**
 * A word's translations. Nouns: sv "form/compound form/gender" (c, n, p), cs
 * "nominative/genitive/gender" (m, f, n, p), ro "definite nominative/definite genitive/gender"
 * (m, n, f, fp), hu "noun/its -i adjective". Adjectives: sv the common-gender form, or a compound
 * prefix ending in "-"; cs the masculine nominative (-ý hard, -í soft); ro the masculine form; hu
 * the form, or a prefix ending in "-"; "=" before a phrase that does not agree. Kinds: n noun, a
 * adjective, o ordinal.
 */
type Term = [kind: "n" | "a" | "o", sv: string, cs: string, ro: string, hu: string];
const N = (sv: string, cs: string, ro: string, hu: string): Term => ["n", sv, cs, ro, hu];
const A = (sv: string, cs: string, ro: string, hu: string): Term => ["a", sv, cs, ro, hu];

const TERMS: Record<string, Term> = {
  BANK: N("bank/bank/c", "banka/banky/f", "Banca/Băncii/f", "bank/banki"),
  CORPORATION: N(
    "bolag/bolags/n",
    "korporace/korporace/f",
    "Corporația/Corporației/f",
    "vállalat/vállalati",
  ),
  COMPANY: N(
    "bolag/bolags/n",
    "společnost/společnosti/f",
    "Compania/Companiei/f",
    "társaság/társasági",
  ),
  GROUP: N("grupp/grupp/c", "skupina/skupiny/f", "Grupul/Grupului/n", "csoport/csoport"),
  BUREAU: N("byrå/byrå/c", "úřad/úřadu/m", "Biroul/Biroului/n", "iroda/irodai"),
  OFFICE: N("kontor/kontors/n", "kancelář/kanceláře/f", "Oficiul/Oficiului/n", "hivatal/hivatali"),
  DEPARTMENT: N(
    "avdelning/avdelnings/c",
    "oddělení/oddělení/n",
    "Departamentul/Departamentului/n",
    "osztály/osztályi",
  ),
  MINISTRY: N(
    "ministeriet/ministerie/n",
    "ministerstvo/ministerstva/n",
    "Ministerul/Ministerului/n",
    "minisztérium/minisztériumi",
  ),
  COMMITTEE: N(
    "kommitté/kommitté/c",
    "výbor/výboru/m",
    "Comitetul/Comitetului/n",
    "bizottság/bizottsági",
  ),
  COMMISSION: N(
    "kommission/kommissions/c",
    "komise/komise/f",
    "Comisia/Comisiei/f",
    "bizottság/bizottsági",
  ),
  ACADEMY: N(
    "akademi/akademi/c",
    "akademie/akademie/f",
    "Academia/Academiei/f",
    "akadémia/akadémiai",
  ),
  INSTITUTE: N(
    "institut/instituts/n",
    "ústav/ústavu/m",
    "Institutul/Institutului/n",
    "intézet/intézeti",
  ),
  CENTER: N("center/center/n", "středisko/střediska/n", "Centrul/Centrului/n", "központ/központi"),
  ADMINISTRATION: N(
    "förvaltning/förvaltnings/c",
    "správa/správy/f",
    "Administrația/Administrației/f",
    "igazgatóság/igazgatósági",
  ),
  UNIVERSITY: N(
    "universitet/universitets/n",
    "univerzita/univerzity/f",
    "Universitatea/Universității/f",
    "egyetem/egyetemi",
  ),
  PARTY: N("parti/parti/n", "strana/strany/f", "Partidul/Partidului/n", "párt/párt"),
  ARMY: N("armé/armé/c", "armáda/armády/f", "Armata/Armatei/f", "hadsereg/hadsereg"),
  FORCE: N("styrka/styrke/c", "síla/síly/f", "Forța/Forței/f", "erő/erő"),
  FORCES: N("styrkor/styrke/p", "síly/sil/p", "Forțele/Forțelor/fp", "erők/erő"),
  COMMAND: N(
    "kommando/kommando/n",
    "velitelství/velitelství/n",
    "Comandamentul/Comandamentului/n",
    "parancsnokság/parancsnoksági",
  ),
  INDUSTRY: N("industri/industri/c", "průmysl/průmyslu/m", "Industria/Industriei/f", "ipar/ipari"),
  ENERGY: N("energi/energi/c", "energie/energie/f", "Energia/Energiei/f", "energia/energetikai"),
  TECHNOLOGY: N(
    "teknik/teknik/c",
    "technologie/technologie/f",
    "Tehnologia/Tehnologiei/f",
    "technológia/technológiai",
  ),
  DEVELOPMENT: N(
    "utveckling/utvecklings/c",
    "rozvoj/rozvoje/m",
    "Dezvoltarea/Dezvoltării/f",
    "fejlesztés/fejlesztési",
  ),
  TRADE: N(
    "handel/handels/c",
    "obchod/obchodu/m",
    "Comerțul/Comerțului/n",
    "kereskedelem/kereskedelmi",
  ),
  MANAGEMENT: N(
    "förvaltning/förvaltnings/c",
    "správa/správy/f",
    "Managementul/Managementului/n",
    "igazgatás/igazgatási",
  ),
  SECURITY: N(
    "säkerhet/säkerhets/c",
    "bezpečnost/bezpečnosti/f",
    "Securitatea/Securității/f",
    "biztonság/biztonsági",
  ),
  MACHINERY: N(
    "maskiner/maskin/p",
    "strojírenství/strojírenství/n",
    "Utilajele/Utilajelor/fp",
    "gépipar/gépipari",
  ),
  MACHINE: N("maskin/maskin/c", "stroj/stroje/m", "Mașina/Mașinii/f", "gép/gépi"),
  CONSTRUCTION: N(
    "byggnation/bygg/c",
    "stavebnictví/stavebnictví/n",
    "Construcția/Construcției/f",
    "építőipar/építőipari",
  ),
  SCIENCE: N("vetenskap/vetenskaps/c", "věda/vědy/f", "Știința/Științei/f", "tudomány/tudományi"),
  SCIENCES: N(
    "vetenskaper/vetenskaps/p",
    "vědy/věd/p",
    "Științele/Științelor/fp",
    "tudomány/tudományi",
  ),
  DEFENSE: N("försvar/försvars/n", "obrana/obrany/f", "Apărarea/Apărării/f", "védelem/védelmi"),
  OIL: N("olja/olje/c", "ropa/ropy/f", "Petrolul/Petrolului/n", "kőolaj/kőolaj"),
  INSURANCE: N(
    "försäkring/försäkrings/c",
    "pojišťovna/pojišťovny/f",
    "Asigurările/Asigurărilor/fp",
    "biztosító/biztosítási",
  ),
  EQUIPMENT: N(
    "utrustning/utrustnings/c",
    "zařízení/zařízení/n",
    "Echipamentele/Echipamentelor/fp",
    "berendezés/berendezési",
  ),
  RESOURCES: N(
    "resurser/resurs/p",
    "zdroje/zdrojů/p",
    "Resursele/Resurselor/fp",
    "erőforrás/erőforrás",
  ),
  INVESTMENT: N(
    "investering/investerings/c",
    "investice/investic/p",
    "Investițiile/Investițiilor/fp",
    "beruházás/beruházási",
  ),
  ELECTRONICS: N(
    "elektronik/elektronik/c",
    "elektronika/elektroniky/f",
    "Electronica/Electronicii/f",
    "elektronika/elektronikai",
  ),
  RESEARCH: N(
    "forskning/forsknings/c",
    "výzkum/výzkumu/m",
    "Cercetarea/Cercetării/f",
    "kutatás/kutatási",
  ),
  EXPORT: N("export/export/c", "vývoz/vývozu/m", "Exportul/Exportului/n", "kivitel/kiviteli"),
  IMPORT: N("import/import/c", "dovoz/dovozu/m", "Importul/Importului/n", "behozatal/behozatali"),
  RECONNAISSANCE: N(
    "spaning/spanings/c",
    "průzkum/průzkumu/m",
    "Recunoașterea/Recunoașterii/f",
    "felderítés/felderítő",
  ),
  MUNITIONS: N(
    "ammunition/ammunitions/c",
    "munice/munice/f",
    "Munițiile/Munițiilor/fp",
    "lőszer/lőszer",
  ),
  LAND: N("land/lands/n", "země/země/f", "Uscatul/Uscatului/n", "szárazföld/szárazföldi"),
  TRANSPORTATION: N(
    "transport/transport/c",
    "doprava/dopravy/f",
    "Transporturile/Transporturilor/fp",
    "közlekedés/közlekedési",
  ),
  PROPAGANDA: N(
    "propaganda/propaganda/c",
    "propaganda/propagandy/f",
    "Propaganda/Propagandei/f",
    "propaganda/propaganda",
  ),
  AGITATION: N(
    "agitation/agitations/c",
    "agitace/agitace/f",
    "Agitația/Agitației/f",
    "agitáció/agitációs",
  ),
  GUIDANCE: N(
    "ledning/lednings/c",
    "vedení/vedení/n",
    "Îndrumarea/Îndrumării/f",
    "irányítás/irányítási",
  ),
  STUDIO: N("studio/studio/c", "studio/studia/n", "Studioul/Studioului/n", "stúdió/stúdió"),
  UNIT: N("enhet/enhets/c", "jednotka/jednotky/f", "Unitatea/Unității/f", "egység/egységi"),
  PLANT: N("fabrik/fabriks/c", "závod/závodu/m", "Fabrica/Fabricii/f", "gyár/gyári"),
  SHIP: N("fartyg/fartygs/n", "loď/lodi/f", "Nava/Navei/f", "hajó/hajó"),
  VENTURE: N(
    "företag/företags/n",
    "podnik/podniku/m",
    "Întreprinderea/Întreprinderii/f",
    "vállalkozás/vállalkozási",
  ),
  FINANCE: N("finans/finans/c", "finance/financí/p", "Finanțele/Finanțelor/fp", "pénzügy/pénzügyi"),
  CREDIT: N("kredit/kredit/c", "úvěr/úvěru/m", "Creditul/Creditului/n", "hitel/hitel"),
  COOPERATION: N(
    "samarbete/samarbets/n",
    "spolupráce/spolupráce/f",
    "Cooperarea/Cooperării/f",
    "együttműködés/együttműködési",
  ),
  TEAM: N("team/team/n", "tým/týmu/m", "Echipa/Echipei/f", "csapat/csapat"),
  LOGISTICS: N(
    "logistik/logistik/c",
    "logistika/logistiky/f",
    "Logistica/Logisticii/f",
    "logisztika/logisztikai",
  ),
  FREIGHT: N(
    "frakt/frakt/c",
    "přeprava/přepravy/f",
    "Transportul de Marfă/Transportului de Marfă/n",
    "fuvarozás/fuvarozási",
  ),
  GOVERNMENT: N(
    "regering/regerings/c",
    "vláda/vlády/f",
    "Guvernul/Guvernului/n",
    "kormány/kormányzati",
  ),
  OPERATION: N(
    "drift/drifts/c",
    "provoz/provozu/m",
    "Operarea/Operării/f",
    "üzemeltetés/üzemeltetési",
  ),
  INFORMATION: N(
    "information/informations/c",
    "informace/informací/f",
    "Informația/Informației/f",
    "információ/információs",
  ),
  ZINC: N("zink/zink/c", "zinek/zinku/m", "Zincul/Zincului/n", "cink/cink"),
  SUPPLIES: N(
    "förnödenheter/förnödenhets/p",
    "zásobování/zásobování/n",
    "Aprovizionarea/Aprovizionării/f",
    "ellátás/ellátási",
  ),
  AUTOMATION: N(
    "automation/automations/c",
    "automatizace/automatizace/f",
    "Automatizarea/Automatizării/f",
    "automatizálás/automatizálási",
  ),
  ECONOMY: N(
    "ekonomi/ekonomi/c",
    "ekonomika/ekonomiky/f",
    "Economia/Economiei/f",
    "gazdaság/gazdasági",
  ),
  ORGANIZATION: N(
    "organisation/organisations/c",
    "organizace/organizace/f",
    "Organizarea/Organizării/f",
    "szervezés/szervezési",
  ),
  AGENCY: N(
    "myndighet/myndighets/c",
    "agentura/agentury/f",
    "Agenția/Agenției/f",
    "ügynökség/ügynökségi",
  ),
  SHIPPING: A("sjöfarts-", "lodní", "=de Transport Maritim", "hajózási"),
  TRADING: A("handels-", "obchodní", "Comercial", "kereskedelmi"),
  COMMERCIAL: A("handels-", "obchodní", "Comercial", "kereskedelmi"),
  BANKING: A("bank-", "bankovní", "Bancar", "banki"),
  GENERAL: A("allmän", "generální", "General", "általános"),
  INTERNATIONAL: A("internationell", "mezinárodní", "Internațional", "nemzetközi"),
  NATIONAL: A("nationell", "národní", "Național", "nemzeti"),
  CENTRAL: A("central", "ústřední", "Central", "központi"),
  FOREIGN: A("utländsk", "zahraniční", "Extern", "külföldi"),
  OVERSEAS: A("utländsk", "zámořský", "=de Peste Mări", "tengerentúli"),
  MINING: A("gruv-", "důlní", "Minier", "bányászati"),
  MARITIME: A("sjö-", "námořní", "Maritim", "tengeri"),
  INDUSTRIAL: A("industri-", "průmyslový", "Industrial", "ipari"),
  TECHNICAL: A("teknisk", "technický", "Tehnic", "műszaki"),
  ECONOMIC: A("ekonomisk", "hospodářský", "Economic", "gazdasági"),
  MILITARY: A("militär", "vojenský", "Militar", "katonai"),
  STRATEGIC: A("strategisk", "strategický", "Strategic", "stratégiai"),
  ATOMIC: A("atom-", "atomový", "Atomic", "atom-"),
  NATURAL: A("natur-", "přírodní", "Natural", "természet-"),
  CHEMICAL: A("kemisk", "chemický", "Chimic", "vegyi"),
  UNITED: A("förenad", "sjednocený", "Unit", "egyesült"),
  SPACE: A("rymd-", "kosmický", "Spațial", "űr-"),
  AEROSPACE: A("rymd-", "letecký", "Aerospațial", "repülő-"),
  STATE: A("stats-", "státní", "=de Stat", "állami"),
  "PEOPLE'S": A("folk-", "lidový", "Popular", "nép-"),
  ARMED: A("väpnad", "ozbrojený", "Armat", "fegyveres"),
  ROCKET: A("robot-", "raketový", "=de Rachete", "rakéta-"),
  JOINT: A("gemensam", "společný", "Mixt", "közös"),
  GLOBAL: A("global", "globální", "Global", "globális"),
  PUBLIC: A("allmän", "veřejný", "Public", "köz-"),
  KOREA: A("koreansk", "korejský", "Coreean", "koreai"),
  NKOREA: A("nordkoreansk", "severokorejský", "Nord-Coreean", "észak-koreai"),
  FIRST: ["o", "första", "první", "=nr. 1", "első"],
  SECOND: ["o", "andra", "druhý", "=nr. 2", "második"],
  THIRD: ["o", "tredje", "třetí", "=nr. 3", "harmadik"],
};
/** Other spellings of a listed word, as "spelling=word". */
const SPELLINGS =
  "CORP=CORPORATION CO=COMPANY CENTRE=CENTER DEFENCE=DEFENSE FACTORY=PLANT EXTERNAL=FOREIGN " +
  "MARINE=MARITIME CHEMICALS=CHEMICAL TRANSPORT=TRANSPORTATION KOREAN=KOREA DPRK=KOREA " +
  "CHOSON=KOREA CHOSUN=KOREA";
Object.assign(
  TERMS,
  Object.fromEntries(
    SPELLINGS.split(" ")
      .map((pair) => pair.split("="))
      .map(([a, w]) => [a!, TERMS[w!]!]),
  ),
);

/** Bodies by the names the four languages' Wikipedias give them: [sv, cs nominative/genitive, ro nominative/genitive, hu]. */
const FIXED: [english: string, [string, string, string, string]][] = [
  [
    "WORKERS' PARTY OF KOREA|WORKERS PARTY OF KOREA|KOREAN WORKERS' PARTY|KOREAN WORKERS PARTY",
    [
      "Koreas arbetarparti",
      "Korejská strana práce/Korejské strany práce",
      "Partidul Muncitoresc din Coreea/Partidului Muncitoresc din Coreea",
      "Koreai Munkapárt",
    ],
  ],
  [
    "KOREAN PEOPLE'S ARMY",
    [
      "Koreanska folkarmén",
      "Korejská lidová armáda/Korejské lidové armády",
      "Armata Populară Coreeană/Armatei Populare Coreene",
      "Koreai Néphadsereg",
    ],
  ],
  [
    "DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
    [
      "Demokratiska folkrepubliken Korea",
      "Korejská lidově demokratická republika/Korejské lidově demokratické republiky",
      "Republica Populară Democrată Coreeană/Republicii Populare Democrate Coreene",
      "Koreai Népi Demokratikus Köztársaság",
    ],
  ],
];

interface Tok {
  kind: Term[0] | "fixed" | "and" | "word";
  /** The word as listed, or the fixed body's index. */
  en: string;
  term?: Term;
}

const LANG_AT: Record<Lang, number> = { sv: 1, cs: 2, ro: 3, hu: 4 };
const formOf = (t: Tok, lang: Lang) => (t.term ? (t.term[LANG_AT[lang]] as string) : t.en);
const fields = (t: Tok, lang: Lang) => formOf(t, lang).split("/");

/** A noun phrase: its head, what stands before it (adjectives, noun modifiers with their adjectives, "and"), and after. */
interface Phrase {
  head: Tok;
  ordinals: Tok[];
  headAdjs: Tok[];
  /** Noun modifiers in English order, each [noun, its adjectives…], or an "and" between two. */
  mods: (Tok[] | "and")[];
  proper: Tok[];
  after: Tok[];
}

function analyse(toks: Tok[]): Phrase | undefined {
  const at = toks.findLastIndex((t) => t.kind === "n" || t.kind === "fixed");
  if (at < 0) return undefined;
  const before = toks.slice(0, at);
  const mods: Phrase["mods"] = [];
  // Adjectives wait for the noun they stand before; those left over belong to the head.
  let waiting: Tok[] = [];
  for (const t of before.filter(
    (x) => x.kind === "a" || x.kind === "n" || x.kind === "fixed" || x.kind === "and",
  )) {
    if (t.kind === "a") waiting.push(t);
    else if (t.kind !== "and") {
      mods.push([t, ...waiting]);
      waiting = [];
    } else if (mods.length && !waiting.length) mods.push("and");
  }
  while (mods.at(-1) === "and") mods.pop();
  return {
    head: toks[at]!,
    ordinals: before.filter((t) => t.kind === "o"),
    headAdjs: waiting,
    mods,
    proper: before.filter((t) => t.kind === "word"),
    after: toks.slice(at + 1),
  };
}

const KEEP = (t: Tok) => (/^[A-Z]/.test(t.en) && !KEEP_CAPITALS.test(t.en) ? title(t.en) : t.en);
const kept = (ts: Tok[]) => ts.map(KEEP);

/** Swedish: adjectives agreeing with the head, then noun modifiers glued into it. */
function swedish(p: Phrase): string {
  const [base, , g] = fields(p.head, "sv");
  const glue = (t: Tok) =>
    t.kind === "n" ? fields(t, "sv")[1]! : formOf(t, "sv").replace(/-$/, "");
  const agree = (a: Tok) => {
    const f = formOf(a, "sv");
    // After an ordinal, the weak form: andra ekonomiska kommitté.
    if (p.ordinals.length && a.kind === "a") return f.endsWith("d") ? `${f}e` : `${f}a`;
    if (g === "p") return f.endsWith("d") ? `${f}e` : `${f}a`.replace(/nna$/, "nna");
    if (g === "n") return f.endsWith("t") ? f : `${f}t`;
    return f;
  };
  const prefix = (a: Tok) => formOf(a, "sv").endsWith("-");
  const modAdjs = p.mods.flatMap((m) => (m === "and" ? [] : m.slice(1)));
  const front = [...p.ordinals, ...[...modAdjs, ...p.headAdjs].filter((a) => !prefix(a))].map(
    agree,
  );
  let compound = "";
  for (const m of p.mods) {
    if (m === "and") compound += "- och ";
    else {
      const [noun, ...adjs] = m;
      compound += adjs.filter(prefix).map(glue).join("") + glue(noun!);
    }
  }
  compound += p.headAdjs
    .filter((a) => formOf(a, "sv").endsWith("-"))
    .map(glue)
    .join("");
  const headWord =
    p.head.kind === "fixed"
      ? FIXED[Number(p.head.en)]![1][0]
      : compound + (compound ? base!.toLowerCase() : base!);
  return [...kept(p.proper), ...front, headWord, ...kept(p.after)].join(" ");
}

/** Czech adjective endings: [hard, soft] per gender, nominative and genitive. */
const CS_ENDINGS: Record<string, [string, string, string, string]> = {
  m: ["ý", "í", "ého", "ího"],
  n: ["é", "í", "ého", "ího"],
  f: ["á", "í", "é", "í"],
  p: ["é", "í", "ých", "ích"],
};

function czechAdj(a: Tok, g: string, genitive: boolean): string {
  const f = formOf(a, "cs");
  if (f.startsWith("=")) return f.slice(1);
  const soft = f.endsWith("í");
  const e = CS_ENDINGS[g]!;
  return f.slice(0, -1) + e[(genitive ? 2 : 0) + (soft ? 1 : 0)]!;
}

/** A Czech or Romanian noun in the nominative or the genitive, and its gender (the fixed bodies are feminine). */
function casedNoun(t: Tok, lang: "cs" | "ro", genitive: boolean): [string, string] {
  const [nom, gen, g] =
    t.kind === "fixed"
      ? [...FIXED[Number(t.en)]![1][LANG_AT[lang] - 1]!.split("/"), "f"]
      : fields(t, lang);
  return [genitive ? gen! : nom!, g!];
}

/** Czech: adjectives before the head, noun modifiers after it in the genitive, the last first. */
function czech(p: Phrase, genitive: boolean): string {
  const [h, g] = casedNoun(p.head, "cs", genitive);
  const mods = [...p.mods].reverse().map((m) => {
    if (m === "and") return "a";
    const [noun, ...adjs] = m;
    const [n, ng] = casedNoun(noun!, "cs", true);
    return [...adjs.map((a) => czechAdj(a, ng, true)), n].join(" ");
  });
  return [
    ...[...p.ordinals, ...p.headAdjs].map((a) => czechAdj(a, g, genitive)),
    h,
    ...mods,
    ...kept(p.proper),
    ...kept(p.after),
  ].join(" ");
}

const RO_FEMININE: [RegExp, string][] = [
  [/ic$/, "ică"],
  [/al$/, "ală"],
  [/ar$/, "ară"],
  [/an$/, "ană"],
  [/at$/, "ată"],
  [/it$/, "ită"],
  [/ern$/, "ernă"],
  [/ier$/, "ieră"],
];

function romanianAdj(a: Tok, g: string, genitive: boolean): string {
  const f = formOf(a, "ro");
  if (f.startsWith("=")) return f.slice(1);
  if (g === "m" || g === "n") return f;
  const rule = RO_FEMININE.find(([re]) => re.test(f));
  const fem = rule ? f.replace(rule[0], rule[1]) : `${f}ă`;
  return genitive || g === "fp" ? fem.replace(/ă$/, "e").replace(/ce$/, "ce") : fem;
}

/** The possessive article before a genitive that does not follow the definite noun directly. */
const RO_POSSESSIVE: Record<string, string> = { m: "al", n: "al", f: "a", fp: "ale" };

/** Romanian: the definite head, its adjectives, then noun modifiers in the genitive, the last first. */
function romanian(p: Phrase, genitive: boolean): [string, string] {
  const [h, g] = casedNoun(p.head, "ro", genitive);
  const adjs = [...p.headAdjs].reverse().map((a) => romanianAdj(a, g, genitive));
  const mods = [...p.mods].reverse().map((m) => {
    if (m === "and") return "și";
    const [noun, ...ma] = m;
    const [n, ng] = casedNoun(noun!, "ro", true);
    return [n, ...[...ma].reverse().map((a) => romanianAdj(a, ng, true))].join(" ");
  });
  const link = adjs.length && mods.length ? [RO_POSSESSIVE[g] ?? "al"] : [];
  const ordinals = p.ordinals.map((o) => formOf(o, "ro").slice(1));
  return [
    [h, ...adjs, ...ordinals, ...link, ...mods, ...kept(p.proper), ...kept(p.after)].join(" "),
    g,
  ];
}

/** Hungarian: everything before the head, noun modifiers as -i adjectives, prefixes glued on. */
function hungarian(p: Phrase, asModifier: boolean): string {
  const words: string[] = [];
  const push = (w: string) => {
    const last = words.at(-1);
    if (last?.endsWith("-")) words[words.length - 1] = last.slice(0, -1) + w;
    else words.push(w);
  };
  for (const o of p.ordinals) push(formOf(o, "hu"));
  for (const m of p.mods) {
    if (m === "and") words.push("és");
    else {
      const [noun, ...adjs] = m;
      for (const a of adjs) push(formOf(a, "hu"));
      push(fields(noun!, "hu")[1]!);
    }
  }
  for (const a of p.headAdjs) push(formOf(a, "hu"));
  if (p.head.kind === "fixed") push(FIXED[Number(p.head.en)]![1][3]);
  else push(fields(p.head, "hu")[asModifier ? 1 : 0]!);
  return [...kept(p.proper), ...words, ...kept(p.after)].join(" ");
}

/** One phrase (no "of") as tokens. */
function tokensOf(phrase: string): Tok[] {
  const toks: Tok[] = [];
  for (const w of phrase.match(/\S+/g) ?? []) {
    const term = TERMS[w.replace(/[.,]$/, "")];
    const fixed = /^§(\d)$/.exec(w);
    if (fixed) toks.push({ kind: "fixed", en: fixed[1]! });
    else if (/^(?:AND|&)$/.test(w)) toks.push({ kind: "and", en: w });
    else toks.push(term ? { kind: term[0], en: w, term } : { kind: "word", en: w });
  }
  return toks;
}

/** "X of Y of Z" in one language; undefined when X has no noun to translate. */
function translatePart(part: string, lang: Lang): string | undefined {
  const text = FIXED.reduce(
    (t, [english], i) => t.replace(new RegExp(`\\b(?:${english})\\b`), `§${i}`),
    part.toUpperCase().replace(/[’‘`]/g, "'"),
  )
    .replace(/\bNORTH KOREA(?:N|'S)?\b/g, "NKOREA")
    .split(/\s+/)
    .filter((w) => w && w !== "THE")
    .join(" ");
  const [x, ...ys] = text.split(/ (?:OF|FOR) /).map((s) => analyse(tokensOf(s)) ?? s);
  if (!x || typeof x === "string") return undefined;
  const [head, g] = lang === "ro" ? romanian(x, false) : ["", ""];
  // Romanian: a genitive after anything but the bare definite head takes the possessive article.
  const linked = x.headAdjs.length + x.mods.length + x.ordinals.length > 0;
  const complement = (y: Phrase | string, i: number) => {
    if (typeof y === "string")
      return COUNTRY_AS_COMPLEMENT[y]?.[lang] ?? `${SOME_OF[lang]}${kept(tokensOf(y)).join(" ")}`;
    if (lang === "sv") return `för ${swedish(y)}`;
    if (lang === "cs") return czech(y, true);
    if (lang === "hu") return hungarian(y, true);
    return `${i === 0 && linked ? `${RO_POSSESSIVE[g] ?? "al"} ` : ""}${romanian(y, true)[0]}`;
  };
  const rest = ys.map(complement);
  // Hungarian puts the complements before the head, the last first.
  if (lang === "hu") return [...rest.reverse(), hungarian(x, false)].join(" ");
  return [lang === "sv" ? swedish(x) : lang === "cs" ? czech(x, false) : head, ...rest].join(" ");
}

/** "Of Korea" / "of North Korea" as each language says it after a name. */
const COUNTRY_AS_COMPLEMENT: Record<string, Record<Lang, string>> = {
  KOREA: { sv: "i Korea", cs: "Koreje", ro: "din Coreea", hu: "Koreai" },
  NKOREA: { sv: "i Nordkorea", cs: "Severní Koreje", ro: "din Coreea de Nord", hu: "Észak-Koreai" },
};
/** What stands before an untranslatable complement: "för X", "de X"; Czech and Hungarian keep it bare. */
const SOME_OF: Record<Lang, string> = { sv: "för ", cs: "", ro: "de ", hu: "" };

const SMALL_WORDS = new Set(["och", "för", "a", "al", "ale", "și", "de", "din", "és", "nr."]);

/** Capitals as each language sets a name: Swedish and Czech the first word, the others each word. */
function capitals(s: string, lang: Lang): string {
  if (lang === "sv" || lang === "cs") return s[0]!.toUpperCase() + s.slice(1);
  return s
    .split(" ")
    .map((w) => (SMALL_WORDS.has(w) || !w ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join(" ");
}

const LEGAL_TAIL =
  /[\s,]+((?:CO\.?,?\s*)?(?:LIMITED|LTD\.?|LLC|L\.L\.C\.|INC\.?|JSC|PTE\.?\s*LTD\.?|JV))\s*$/i;

/** An organisation's name in Swedish, Czech, Romanian or Hungarian; undefined when nothing translates. */
export function translateOrgI(name: string, lang: Lang): string | undefined {
  // Bracketed acronyms and the legal form stay as listed, after the translated name.
  const bracketed: string[] = [];
  const bare = name.replace(/\s*(\([^)]*\))/g, (_, b: string) => {
    bracketed.push(b);
    return "";
  });
  const legal = LEGAL_TAIL.exec(bare.trim());
  const phrases = (legal ? bare.trim().slice(0, legal.index) : bare).split(",");
  const done = phrases.map((ph) => ph.trim() && translatePart(ph.trim(), lang));
  if (!done.some(Boolean)) return undefined;
  const out = phrases
    .map((ph, i) => done[i] || kept(tokensOf(ph.trim().toUpperCase())).join(" "))
    .filter(Boolean)
    .map((ph) => capitals(ph, lang));
  const tail = [legal ? mixedCase(legal[1]!) : "", bracketed.length ? bracketed.join(" ") : ""];
  return [out.join(", "), ...tail.filter(Boolean)].join(" ");
}

function orgVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  if (!/[A-Za-z]/.test(name) || e.kind === "aircraft") return out;
  if (e.kind === "vessel") {
    out.push(["ship register line", registryLine(name, rand)]);
    if (rand() < 0.5) out.push(["forfeiture caption of a vessel", vesselCaption(name, rand)]);
  } else {
    const lang = pick(LANGS, rand);
    const translated = translateOrgI(name, lang);
    if (translated) out.push([`translated into ${LANGUAGE[lang]}`, translated]);
    const r = rand();
    if (r < 0.45) out.push(["bill of lading consignee", consignee(name, e.addresses, rand)]);
    else if (r < 0.7) out.push(["forfeiture caption", forfeitureCaption(name, rand)]);
    else out.push(["payment ordering customer", orderingCustomer(name, rand)]);
  }
  const t = turkishCase(name);
  if (t && rand() < 0.25) out.push(t);
  return out;
}

/** Every name but the original-script ones, in this family's forms, entry by entry (an organisation's forms read its addresses). */
export function heldOutIQueriesFor(entities: readonly ListEntity[], seed = 9371): EvalQuery[] {
  const rand = prng(seed);
  const out: EvalQuery[] = [];
  for (const e of entities) {
    const family: VariantFamily = {
      uses: (_, type) => type !== "original-script",
      person: personVariants,
      org: (name, r) => orgVariants(name, e, r),
    };
    out.push(...variantQueries([e], rand, family));
  }
  return out;
}

// ---- negatives ----------------------------------------------------------------------------------------

/** Real South Korean people on no list: [Hangul, Hanja, Hán-Việt reading (words joined by _), romanized as they write it]. */
const KOREAN_PEOPLE = rows(`
이승만 李承晩 Lý_Thừa_Vãn Syngman Rhee
장면 張勉 Trương_Miễn Chang Myon
허정 許政 Hứa_Chính Huh Chung
윤보선 尹潽善 Doãn_Phổ_Thiện Yun Po-sun
김종인 金鍾仁 Kim_Chung_Nhân Kim Chong-in
정운찬 鄭雲燦 Trịnh_Vân_Xán Chung Un-chan
한명숙 韓明淑 Hàn_Minh_Thục Han Myeong-sook
이해찬 李海瓚 Lý_Hải_Toản Lee Hae-chan
김황식 金滉植 Kim_Hoảng_Thực Kim Hwang-sik
정홍원 鄭烘原 Trịnh_Hồng_Nguyên Chung Hong-won
이완구 李完九 Lý_Hoàn_Cửu Lee Wan-koo
이홍구 李洪九 Lý_Hồng_Cửu Lee Hong-koo
김석수 金碩洙 Kim_Thạc_Thù Kim Suk-soo
고건 高建 Cao_Kiến Goh Kun
이한동 李漢東 Lý_Hán_Đông Lee Han-dong
박태준 朴泰俊 Phác_Thái_Tuấn Park Tae-joon
김상협 金相浹 Kim_Tương_Hiệp Kim Sang-hyup
노재봉 盧在鳳 Lư_Tại_Phụng Ro Jai-bong
강영훈 姜英勳 Khương_Anh_Huân Kang Young-hoon
정원식 鄭元植 Trịnh_Nguyên_Thực Chung Won-shik
현승종 玄勝鍾 Huyền_Thắng_Chung Hyun Soong-jong
이영덕 李榮德 Lý_Vinh_Đức Lee Yung-dug
이수성 李壽成 Lý_Thọ_Thành Lee Soo-sung
한승수 韓昇洙 Hàn_Thăng_Thù Han Seung-soo
정몽준 鄭夢準 Trịnh_Mộng_Chuẩn Chung Mong-joon
정의선 鄭義宣 Trịnh_Nghĩa_Tuyên Chung Eui-sun
김구 金九 Kim_Cửu Kim Ku
윤동주 尹東柱 Doãn_Đông_Trụ Yun Dong-ju
한강 韓江 Hàn_Giang Han Kang
고은 高銀 Cao_Ngân Ko Un
김옥균 金玉均 Kim_Ngọc_Quân Kim Ok-gyun
서재필 徐載弼 Từ_Tái_Bật So Jae-pil
여운형 呂運亨 Lã_Vận_Hanh Lyuh Woon-hyung
김규식 金奎植 Kim_Khuê_Thực Kim Kyu-sik
조봉암 曺奉岩 Tào_Phụng_Nham Cho Bong-am
신익희 申翼熙 Thân_Dực_Hy Shin Ik-hee
이범석 李範奭 Lý_Phạm_Thích Lee Beom-seok
장준하 張俊河 Trương_Tuấn_Hà Chang Jun-ha
함석헌 咸錫憲 Hàm_Tích_Hiến Ham Sok-hon
`);

/** Real Chinese people on no list: [characters, Hán-Việt reading (words joined by _), pinyin family, given]. */
const CHINESE_PEOPLE = rows(`
习近平 Tập_Cận_Bình Xi Jinping
李强 Lý_Cường Li Qiang
王毅 Vương_Nghị Wang Yi
李克强 Lý_Khắc_Cường Li Keqiang
胡锦涛 Hồ_Cẩm_Đào Hu Jintao
江泽民 Giang_Trạch_Dân Jiang Zemin
邓小平 Đặng_Tiểu_Bình Deng Xiaoping
周恩来 Chu_Ân_Lai Zhou Enlai
毛泽东 Mao_Trạch_Đông Mao Zedong
刘少奇 Lưu_Thiếu_Kỳ Liu Shaoqi
赵乐际 Triệu_Lạc_Tế Zhao Leji
王沪宁 Vương_Hỗ_Ninh Wang Huning
蔡奇 Thái_Kỳ Cai Qi
丁薛祥 Đinh_Tiết_Tường Ding Xuexiang
李希 Lý_Hy Li Xi
韩正 Hàn_Chính Han Zheng
杨洁篪 Dương_Khiết_Trì Yang Jiechi
秦刚 Tần_Cương Qin Gang
汪洋 Uông_Dương Wang Yang
栗战书 Lật_Chiến_Thư Li Zhanshu
俞正声 Du_Chính_Thanh Yu Zhengsheng
张高丽 Trương_Cao_Lệ Zhang Gaoli
刘云山 Lưu_Vân_Sơn Liu Yunshan
张德江 Trương_Đức_Giang Zhang Dejiang
贾庆林 Giả_Khánh_Lâm Jia Qinglin
李鹏 Lý_Bằng Li Peng
乔石 Kiều_Thạch Qiao Shi
李瑞环 Lý_Thụy_Hoàn Li Ruihuan
曾庆红 Tăng_Khánh_Hồng Zeng Qinghong
吴官正 Ngô_Quan_Chính Wu Guanzheng
李长春 Lý_Trường_Xuân Li Changchun
罗干 La_Cán Luo Gan
黄菊 Hoàng_Cúc Huang Ju
孙春兰 Tôn_Xuân_Lan Sun Chunlan
胡春华 Hồ_Xuân_Hoa Hu Chunhua
刘鹤 Lưu_Hạc Liu He
何立峰 Hà_Lập_Phong He Lifeng
`);

/** Real Vietnamese people on no list, family name first as Vietnamese writes them. */
const VIETNAMESE_PEOPLE = [
  "Hồ Chí Minh",
  "Võ Nguyên Giáp",
  "Nguyễn Phú Trọng",
  "Phạm Minh Chính",
  "Tô Lâm",
  "Nguyễn Xuân Phúc",
  "Võ Văn Thưởng",
  "Vương Đình Huệ",
  "Phạm Nhật Vượng",
  "Trịnh Văn Quyết",
  "Nguyễn Thị Phương Thảo",
  "Đặng Thái Sơn",
  "Trịnh Công Sơn",
  "Ngô Đình Diệm",
  "Lê Đức Thọ",
  "Phạm Văn Đồng",
  "Lê Duẩn",
  "Đỗ Mười",
  "Nông Đức Mạnh",
  "Trần Đại Quang",
  "Nguyễn Tấn Dũng",
  "Trương Tấn Sang",
  "Nguyễn Thị Bình",
  "Nguyễn Quang Hải",
  "Lương Cường",
  "Trần Thanh Mẫn",
  "Bùi Thanh Sơn",
  "Nguyễn Thị Kim Ngân",
  "Phan Văn Khải",
  "Võ Văn Kiệt",
  "Nguyễn Minh Triết",
  "Lê Khả Phiêu",
  "Nguyễn Văn Linh",
  "Tôn Đức Thắng",
  "Huỳnh Tấn Phát",
];

/** Real banks, companies, ministries, central banks and state shipping companies, in their own languages. */
const BODIES = [
  "Sveriges riksbank",
  "Utrikesdepartementet",
  "Försvarsdepartementet",
  "Svenska Handelsbanken AB",
  "Skandinaviska Enskilda Banken AB",
  "Swedbank AB",
  "Stena AB",
  "Tullverket",
  "Sjöfartsverket",
  "Försvarets materielverk",
  "Danmarks Nationalbank",
  "Udenrigsministeriet",
  "Forsvarsministeriet",
  "Danske Bank A/S",
  "A.P. Møller - Mærsk A/S",
  "DFDS A/S",
  "Jyske Bank A/S",
  "Skattestyrelsen",
  "Søfartsstyrelsen",
  "Dampskibsselskabet Norden A/S",
  "TORM A/S",
  "Suomen Pankki",
  "Ulkoministeriö",
  "Puolustusministeriö",
  "OP Osuuskunta",
  "Neste Oyj",
  "Wärtsilä Oyj Abp",
  "Finnlines Oyj",
  "Verohallinto",
  "Nordea Bank Abp",
  "Česká národní banka",
  "Ministerstvo zahraničních věcí České republiky",
  "Ministerstvo obrany České republiky",
  "Komerční banka, a.s.",
  "Česká spořitelna, a.s.",
  "ČEZ, a. s.",
  "Škoda Auto a.s.",
  "Celní správa České republiky",
  "Československá obchodní banka, a. s.",
  "Banca Națională a României",
  "Ministerul Afacerilor Externe",
  "Ministerul Apărării Naționale",
  "Banca Transilvania S.A.",
  "BRD - Groupe Société Générale S.A.",
  "OMV Petrom S.A.",
  "Compania Națională Administrația Porturilor Maritime S.A. Constanța",
  "Agenția Națională de Administrare Fiscală",
  "Navrom S.A.",
  "Autoritatea Navală Română",
  "Τράπεζα της Ελλάδος",
  "Υπουργείο Εξωτερικών",
  "Υπουργείο Εθνικής Άμυνας",
  "Εθνική Τράπεζα της Ελλάδος Α.Ε.",
  "Τράπεζα Πειραιώς Α.Ε.",
  "Οργανισμός Λιμένος Πειραιώς Α.Ε.",
  "Ανεξάρτητη Αρχή Δημοσίων Εσόδων",
  "Υπουργείο Ναυτιλίας και Νησιωτικής Πολιτικής",
  "Ελληνικά Πετρέλαια Α.Ε.",
  "Hrvatska narodna banka",
  "Ministarstvo vanjskih i europskih poslova",
  "Ministarstvo obrane",
  "Zagrebačka banka d.d.",
  "Privredna banka Zagreb d.d.",
  "Jadrolinija",
  "Brodosplit d.d.",
  "Carinska uprava",
  "Atlantska plovidba d.d.",
  "Magyar Nemzeti Bank",
  "Külgazdasági és Külügyminisztérium",
  "Honvédelmi Minisztérium",
  "OTP Bank Nyrt.",
  "Nemzeti Adó- és Vámhivatal",
  "Magyar Államvasutak Zrt.",
  "Magyar Export-Import Bank Zrt.",
  "Lietuvos bankas",
  "Užsienio reikalų ministerija",
  "Krašto apsaugos ministerija",
  "Klaipėdos valstybinio jūrų uosto direkcija",
  "AB Lietuvos geležinkeliai",
  "Valstybinė mokesčių inspekcija",
  "AB Šiaulių bankas",
  "Türkiye Cumhuriyet Merkez Bankası",
  "Dışişleri Bakanlığı",
  "Millî Savunma Bakanlığı",
  "Türkiye İş Bankası A.Ş.",
  "Türkiye Halk Bankası A.Ş.",
  "Türkiye Cumhuriyeti Ziraat Bankası A.Ş.",
  "Türkiye Denizcilik İşletmeleri A.Ş.",
  "Arkas Holding A.Ş.",
  "Bank Indonesia",
  "Kementerian Luar Negeri Republik Indonesia",
  "Kementerian Pertahanan Republik Indonesia",
  "PT Bank Negara Indonesia (Persero) Tbk",
  "PT Bank Mandiri (Persero) Tbk",
  "PT Pelayaran Nasional Indonesia (Persero)",
  "PT Pertamina (Persero)",
  "Direktorat Jenderal Bea dan Cukai",
  "Ngân hàng Nhà nước Việt Nam",
  "Bộ Ngoại giao Việt Nam",
  "Bộ Quốc phòng Việt Nam",
  "Tổng công ty Hàng hải Việt Nam",
  "Ngân hàng TMCP Ngoại thương Việt Nam",
  "Tập đoàn Dầu khí Việt Nam",
  "Tổng cục Hải quan",
  "Монголбанк",
  "Гадаад харилцааны яам",
  "Батлан хамгаалах яам",
  "Хаан банк",
  "Монголын төмөр зам",
];

const joined = (s: string) => s.replace(/_/g, " ");

/** The ways a filter reads a form: as written, with its marks folded, and with Turkish ı / İ as i / I. */
const readings = (f: string) => [f, withoutMarks(f), f.replace(/ı/g, "i").replace(/İ/g, "I")];

/**
 * Real people, companies and public bodies on no list, in the forms of this family; dropped when a
 * form, read as written or folded, reads as a listed name (see the header).
 */
export function realNegativesI(
  entities: readonly ListEntity[],
  listedHangul: ReadonlySet<string>,
  seed = 9377,
): Negative[] {
  const listed = new ListedNames(entities);
  // Each name once, under the kind that gave it first.
  const byName = new Map<string, Negative>();
  const rand = prng(seed);
  const add = (forms: string[], kind: string, type: Negative["type"]) => {
    const readAsListed = forms.flatMap(readings).some((f) => listed.has(f));
    if (!readAsListed)
      for (const name of forms) if (!byName.has(name)) byName.set(name, { name, kind, type });
  };
  /** A person's document forms: Greek, Turkish case, a payment or a caption, drawn. */
  const personForms = (latin: string) => {
    const forms = greekForms(latin, rand).map(([, f]) => f);
    const t = turkishCase(latin.toUpperCase());
    if (t && rand() < 0.5) forms.push(t[1]);
    forms.push(rand() < 0.5 ? orderingCustomer(latin, rand) : personCaption(latin, rand));
    return forms;
  };
  for (const [hangul, han, viet, ...latin] of KOREAN_PEOPLE) {
    const romanized = latin.join(" ");
    const hangulReadings = [
      hangul,
      ...standardReadings(romanized),
      ...hanToHangul(han, { surname: true }),
    ];
    if (hangulReadings.some((h) => listedHangul.has(h))) continue;
    const v = joined(viet!);
    add([han, v, withoutMarks(v), ...personForms(romanized)], "real Korean person (I)", "person");
  }
  for (const [han, viet, family, given = ""] of CHINESE_PEOPLE) {
    if (hanToHangul(han, { surname: true }).some((h) => listedHangul.has(h))) continue;
    const v = joined(viet);
    const pinyin = `${family} ${given}`;
    add([han, v, withoutMarks(v), ...personForms(pinyin)], "real Chinese person (I)", "person");
  }
  for (const name of VIETNAMESE_PEOPLE)
    add(
      [name, withoutMarks(name), ...personForms(withoutMarks(name))],
      "real Vietnamese person (I)",
      "person",
    );
  for (const body of BODIES) {
    // Greek and Cyrillic names: in capitals without accents, as a Greek or Mongolian register sets them.
    if (!/[A-Za-z]/.test(body)) {
      add(
        [body, withoutMarks(body).toUpperCase()],
        "real company or public body of another state (I)",
        "org",
      );
      continue;
    }
    const r = rand();
    const doc =
      r < 0.35
        ? consignee(body, [], rand)
        : r < 0.7
          ? forfeitureCaption(body, rand)
          : orderingCustomer(body, rand);
    const t = turkishCase(body);
    add(
      [body, doc, ...(t ? [t[1]] : [])],
      "real company or public body of another state (I)",
      "org",
    );
  }
  return [...byName.values()];
}
