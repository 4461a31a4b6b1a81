/**
 * A twelfth held-out family for the screening evaluation, sharing no generator with
 * bench/screening-queries.ts (tune) or the families A–K (it imports none of their code, only the
 * shapes of a query and a negative):
 *  - any person as the Persian press writes a foreign name from its Latin letters (کیم جونگ اون,
 *    کیم ایل سونگ, as https://fa.wikipedia.org/wiki/کیم_جونگ_اون writes them: a word's opening
 *    vowel on an alef, آ for a; a, i, o and u inside a word as ا, ی, و; a short e left out and a
 *    final e as ه; ng as نگ; Persian letters: ک, گ, چ, پ, ژ, ی; https://en.wikipedia.org/wiki/Persian_alphabet);
 *  - any person as the Urdu press writes a foreign name (کم جونگ ان; ڈونلڈ ٹرمپ for Donald
 *    Trump, https://ur.wikipedia.org/wiki/ڈونلڈ_ٹرمپ): the short a, i and u inside a word left
 *    out, t and d as the retroflex ٹ and ڈ, h as ہ, th and ph aspirated with ھ, a final e as
 *    ے (https://en.wikipedia.org/wiki/Urdu_alphabet);
 *  - any person as the Bengali press writes a foreign name (কিম জং উন, কিম ইল সুং, as
 *    https://bn.wikipedia.org/wiki/কিম_জং-উন and the Bengali press write them, e.g.
 *    https://bangla.asianetnews.com/amp/gallery/international/north-korea-leader-kin-jong-un-ill-who-is-the-next-here-some-photo-q98hn4/photoshow-2osufr;
 *    ডোনাল্ড for Donald): consonant
 *    clusters as conjuncts with the hasanta, t and d as the retroflex ট and ড, ng closing a
 *    syllable as the anusvara ং with the o before it left to the inherent vowel, y before a
 *    vowel as য়, a word's last consonant bare (https://en.wikipedia.org/wiki/Bengali_alphabet);
 *  - the Persian and Urdu forms as a web page's source or a form's export carries them: every
 *    letter as an HTML numeric character reference (&#1705;&#1740;&#1605;;
 *    https://html.spec.whatwg.org/multipage/syntax.html#character-references);
 *  - any person as a Ukrainian document writes a foreign name from its Latin letters (Кім Джонг
 *    Ун: h as г, g as ґ or г, i as і, y as и or й, j as дж; the letters of
 *    https://en.wikipedia.org/wiki/Ukrainian_alphabet), and that read back by Ukraine's national
 *    transliteration of 2010 (Cabinet of Ministers resolution 55,
 *    https://en.wikipedia.org/wiki/Romanization_of_Ukrainian: г as h, и as y, є ю я ї й as ye yu
 *    ya yi y at a word's start and ie iu ia i i inside it; Kim Dzhonh Un); the Cyrillic also as
 *    UTF-8 read as Windows-1251 (Кім → РљС–Рј) and as Windows-1251 read as KOI8-R
 *    (https://en.wikipedia.org/wiki/Mojibake, https://en.wikipedia.org/wiki/KOI8-R);
 *  - organisations translated into Indonesian (https://id.wikipedia.org/wiki/Kementerian_Perdagangan:
 *    the head first, modifiers after it nearest first, no inflection; MINISTRY OF ATOMIC ENERGY
 *    INDUSTRY → Kementerian Industri Energi Atom, TANCHON COMMERCIAL BANK → Bank Komersial
 *    Tanchon, SECOND ECONOMIC COMMITTEE → Komite Ekonomi Kedua) and into Swahili
 *    (https://sw.wikipedia.org/wiki/Benki_Kuu_ya_Tanzania: the head first, each modifier after the
 *    associative -a agreeing with the noun before it, https://en.wikipedia.org/wiki/Swahili_grammar#Noun_classes;
 *    Wizara ya Viwanda vya Nishati ya Atomiki, Benki ya Biashara ya Tanchon, Kamati ya Pili ya
 *    Kiuchumi); the Workers' Party, the Korean People's Army and the state by the names those
 *    languages' Wikipedias give them (Partai Buruh Korea; Jamhuri ya Kidemokrasia ya Watu wa
 *    Korea; https://id.wikipedia.org/wiki/Kim_Jong-un uses Partai Buruh Korea, Tentara Rakyat
 *    Korea and Republik Demokratik Rakyat Korea); and into Latvian
 *    (https://lv.wikipedia.org/wiki/Korejas_Darba_partija: premodifiers in the English order and
 *    in the genitive, definite adjectives agreeing with their noun, "X of Y" as Y in the genitive
 *    before X, an ordinal first; https://en.wikipedia.org/wiki/Latvian_declension: Atomu
 *    enerģijas rūpniecības ministrija, Tanchon komerciālā banka, Otrā ekonomiskā komiteja),
 *    with its marks also as HTML numeric references or as UTF-8 read as Latin-1 twice; proper
 *    names, the legal form and bracketed parts kept as listed;
 *  - an organisation's name with its & and apostrophes escaped as HTML escapes them (&amp;,
 *    &#39;, &#x27;, &rsquo;), and marked text (typographic apostrophes) as UTF-8 read as Latin-1
 *    twice (double encoding; https://en.wikipedia.org/wiki/Mojibake);
 *  - a person or an organisation as a PACER Case Locator result line names a party: office,
 *    year, case type and number, then "USA v. Name" or "USA v. Name et al" for a defendant, "In
 *    re Name" for a matter, and the filing date (the PACER Case Locator, https://pcl.uscourts.gov/,
 *    and its case numbers as office:yy-type-number with the judge's initials);
 *  - an organisation as a company registry's extract gives it, the Hong Kong Companies Registry's
 *    fields (Company Name, CR No. of seven digits, Company Type, Date of Incorporation, Active
 *    Status; https://www.icris.cr.gov.hk/) or Companies House's (Company number of eight digits,
 *    Registered office address, Company status;
 *    https://find-and-update.company-information.service.gov.uk/);
 *  - a person or an organisation as a bill of lading's shipper or notify party box gives it
 *    ("SHIPPER/EXPORTER (complete name and address)", "NOTIFY PARTY"), with a city and a
 *    telephone or fax number (https://en.wikipedia.org/wiki/Bill_of_lading);
 *  - vessels as AIS static data gives them (message type 5: MMSI, IMO number, call sign, name of
 *    at most 20 six-bit characters, the rest cut off, ship type, destination;
 *    https://gpsd.gitlab.io/gpsd/AIVDM.html#_type_5_static_and_voyage_related_data), the MMSI
 *    under a flag's Maritime Identification Digits
 *    (https://www.itu.int/en/ITU-R/terrestrial/fmd/Pages/mid.aspx: 445 for the DPRK); vessels in
 *    Ukrainian or Persian press copy after a ship type ("танкер «Чон Ма Сан»", "نفتکش چون ما سان"),
 *    a number in Persian digits (https://en.wikipedia.org/wiki/Persian_alphabet#Numerals);
 *  - aircraft as an ICAO flight plan's item 18 gives the registration, "REG/" and the marks
 *    without their hyphen, after the aircraft type designator in item 9 (ICAO Doc 4444, appendix
 *    2; https://en.wikipedia.org/wiki/Flight_plan#ICAO_flight_plan);
 *  - negatives: real people, companies, public bodies and vessels on no list, other than A–K's:
 *    South Korean and Chinese athletes, actors, musicians and business people (some a syllable
 *    from a listed name), in the script forms above and bills of lading (no court line names a
 *    real person or company on no list); Iranian and Afghan people in Persian script and their own
 *    Latin spelling; Pakistani people in Urdu and in Latin; Ukrainian people in Cyrillic, by the
 *    national transliteration or mis-decoded; Indonesian, Kenyan and Tanzanian people; banks,
 *    shipping lines, companies and public bodies of Indonesia, Tanzania, Kenya, Pakistan, Ukraine
 *    and Latvia in their languages, several sharing a word with a listed name (National,
 *    Commercial, Trading, Shipping, General, Bank), bare, in a registry extract or a bill of
 *    lading box; merchant and passenger vessels whose names are common words (OCEAN VICTORY, SEA
 *    DIAMOND, STAR CLIPPER), bare, in an AIS line or in press copy. A negative is dropped, with
 *    all its forms, when any of its forms — as written, marks folded, Cyrillic read back by the
 *    national transliteration and letter by letter, Persian and Urdu read back letter by letter —
 *    has the words of a listed name (every name and alias of both lists, of any kind): the same
 *    word set, or one inside the other with the smaller of two words or more; or the letters of a
 *    listed name run together, in its order or with the first or the last word moved; or, for a
 *    name that reads as Korean or Chinese, a Hangul reading that is a listed name's.
 * A Latin form that comes back with the listed name's own words is left out. Seeded: the same
 * lists give the same queries.
 */

import { parseName } from "../src/core/names/index.js";
import { type ListEntity, splitOrgName, tokenize } from "../src/core/screening/index.js";
import type { Negative } from "./screening-heldout.js";
import type { EvalQuery } from "./screening-queries.js";

/** xorshift32 over a scrambled seed: the family's own seeded generator. */
function xorshift(seed: number): () => number {
  let x = Math.imul(seed ^ 0x6d2b79f5, 0x85ebca6b) >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}
type Rand = () => number;
const pick = <T>(xs: readonly T[], r: Rand): T => xs[Math.floor(r() * xs.length)]!;
const numeral = (n: number, r: Rand) =>
  Array.from({ length: n }, () => Math.floor(r() * 10)).join("");
const titleWord = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w);
/** Marks folded, as an ASCII reader keeps the letters. */
export const foldMarks = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
/** "a b c d" → [["a", "b"], ["c", "d"]]. */
const pairs = (text: string): [string, string][] =>
  (text.match(/\S+ \S+/g) ?? []).map((p) => p.split(" ") as [string, string]);
const longestFirst = (t: [string, string][]) => t.sort((a, b) => b[0].length - a[0].length);
/** The lines of a "|"- and newline-separated table. */
const rows = (text: string) =>
  text
    .trim()
    .split(/\s*[|\n]\s*/)
    .filter(Boolean);

// ---- a person's name in running order ------------------------------------------------------------

/** Common Korean and Chinese family names as the lists spell them. */
const EAST_ASIAN_FAMILIES = new Set(
  (
    "KIM RI LI LEE PAK PARK CHOE CHOI JANG CHANG JON JEON CHON KANG HAN HO HWANG JO CHO KO MUN O " +
    "PAEK RYANG SIM SON YUN YU KU CHU CHI JI AN NAM SO SIN TO HYON KWON RA RYU CHEN WANG ZHANG " +
    "LIU SU TSAI SUN ZHAO WU ZHOU XU MA HU GUO LIN HE GAO LUO ZHENG LU TANG HONG PAE UM YANG " +
    "KWAK JU SONG CHA PYON MYONG RIM IM CHIN JIN KYE TAE NO YI"
  ).split(" "),
);

/**
 * A name of a Korean, Chinese or Taiwanese national (by the list's data) puts the family name
 * first; so does a Korean or Chinese family name before the comma (PAK, To-Chun) — but not an
 * alias of another shape (HENNY, Watson for a Korean national reads Watson Henny).
 */
function familyNameFirst(e: ListEntity, family: string): boolean {
  const word = family.trim().toUpperCase().replace(/'/g, "");
  if (EAST_ASIAN_FAMILIES.has(word)) return true;
  const eastAsian =
    e.reference.startsWith("KPi.") ||
    e.nationalities.some((c) => ["PRK", "KOR", "CHN", "TWN", "HKG"].includes(c));
  return eastAsian && word.length <= 4;
}

/** "KIM, Yong Chol" → "Kim Yong Chol"; "STEIGER, Jakob" → "Jakob Steiger". */
function inRunningOrder(name: string, e: ListEntity): string {
  const comma = name.indexOf(",");
  const family = comma < 0 ? name : name.slice(0, comma);
  const given = comma < 0 ? "" : name.slice(comma + 1).trim();
  const text = !given
    ? family
    : familyNameFirst(e, family)
      ? `${family} ${given}`
      : `${given} ${family}`;
  return text
    .split(/(\s+|-)/)
    .map((w) => (/^[A-Z']{2,}$/.test(w) ? titleWord(w) : w))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** A Latin word's letters for the script tables: marks folded, lower case, apostrophes and dots gone. */
const bareLetters = (w: string) =>
  foldMarks(w)
    .toLowerCase()
    .replace(/[^a-z]/g, "");

// ---- Persian and Urdu --------------------------------------------------------------------------

interface ArabicScriptRules {
  consonants: [string, string][];
  /** A vowel run at a word's start, inside it and at its end. */
  initial: (v: string) => string;
  medial: (v: string) => string;
  final: (v: string) => string;
}

const FA_CONSONANTS = longestFirst(
  pairs(
    "kh خ gh غ sh ش ch چ zh ژ th ت ph ف ts تس ng نگ j ج k ک g گ c ک q ک b ب p پ t ت d د " +
      "f ف v و w و s س z ز r ر l ل m م n ن h ه x کس y ی",
  ),
);
const UR_CONSONANTS = longestFirst(
  pairs(
    "kh خ gh غ sh ش ch چ zh ژ th تھ ph پھ ts تس ng نگ j ج k ک g گ c ک q ک b ب p پ t ٹ d ڈ " +
      "f ف v و w و s س z ز r ر l ل m م n ن h ہ x کس y ی",
  ),
);
/** Two-vowel runs by their sound; anything else vowel by vowel. */
const FA_RUNS: Record<string, string> = {
  ae: "ا",
  ai: "ای",
  ay: "ای",
  oe: "وی",
  ui: "وی",
  ee: "ی",
  ie: "ی",
  ea: "ی",
  oo: "و",
  ou: "و",
  eo: "ا",
  eu: "و",
  ia: "یا",
  io: "یو",
  ua: "وا",
  au: "او",
};
const FA_ONE: Record<string, string> = { a: "ا", e: "", i: "ی", o: "و", u: "و" };
const byRun = (one: Record<string, string>, runs: Record<string, string>) => (v: string) =>
  runs[v] ?? [...v].map((c) => one[c] ?? "").join("");

const PERSIAN: ArabicScriptRules = {
  consonants: FA_CONSONANTS,
  initial: (v) =>
    ({ a: "آ", e: "ا", i: "ای", o: "او", u: "او" })[v[0]!]! + byRun(FA_ONE, FA_RUNS)(v.slice(1)),
  medial: byRun(FA_ONE, FA_RUNS),
  final: (v) =>
    ({ e: "ه", ae: "ه", a: "ا", i: "ی", o: "و", u: "و" })[v] ?? byRun(FA_ONE, FA_RUNS)(v),
};
const UR_ONE: Record<string, string> = { a: "", e: "ی", i: "", o: "و", u: "" };
/** A lone short a, i or u is left out; a run of vowels is long and written. */
const urduRun = (v: string) =>
  v.length === 1 ? UR_ONE[v]! : byRun(FA_ONE, { ...FA_RUNS, ae: "ی", aa: "ا" })(v);
const URDU: ArabicScriptRules = {
  consonants: UR_CONSONANTS,
  initial: (v) => (v[0] === "o" ? "او" : "ا") + (v.length > 1 ? urduRun(v.slice(1)) : ""),
  medial: urduRun,
  final: (v) =>
    ({ e: "ے", ae: "ے", ai: "ے", a: "ا", i: "ی", o: "و", u: "و" })[v] ?? byRun(FA_ONE, FA_RUNS)(v),
};

/** One Latin word by a Persian-script table: vowel runs by position, y before a vowel a consonant. */
function arabicScriptWord(word: string, rules: ArabicScriptRules): string {
  const w = bareLetters(word);
  let out = "";
  for (let i = 0; i < w.length; ) {
    const run = /^(?:[aeiou]+|y(?![aeiou]))+/.exec(w.slice(i))?.[0];
    // y not before a vowel and after a consonant is a vowel (Kimy); at the start it is a consonant.
    if (run && !(run[0] === "y" && i === 0)) {
      const v = run.replace(/y/g, "i");
      const end = i + run.length === w.length;
      out += i === 0 ? rules.initial(v) : end ? rules.final(v) : rules.medial(v);
      i += run.length;
      continue;
    }
    const c = rules.consonants.find(([lat]) => w.startsWith(lat, i));
    out += c ? c[1] : "";
    i += c ? c[0].length : 1;
  }
  return out;
}

/** Words of Latin letters in the script; numbers and vowel-less codes (JH) kept as written. */
const arabicScriptOf = (name: string, rules: ArabicScriptRules) =>
  name
    .split(/[\s,-]+/)
    .filter((w) => /[A-Za-z0-9]/.test(w))
    .map((w) => (/[aeiouy]/i.test(w) ? arabicScriptWord(w, rules) : w))
    .filter(Boolean)
    .join(" ") || undefined;

export const persianOf = (name: string) => arabicScriptOf(name, PERSIAN);
export const urduOf = (name: string) => arabicScriptOf(name, URDU);

/** Every character outside ASCII as an HTML decimal character reference. */
export const htmlDecimal = (s: string) =>
  [...s].map((c) => (c.codePointAt(0)! > 127 ? `&#${c.codePointAt(0)};` : c)).join("");

/** Persian and Urdu letters read back one for one, for the negatives' filter (no vowels restored). */
const ARABIC_SCRIPT_BACK: Record<string, string> = Object.fromEntries(
  pairs(
    "ا a آ a ب b پ p ت t ٹ t ث s ج j چ ch ح h خ kh د d ڈ d ذ z ر r ز z ژ zh س s ش sh ص s ض z " +
      "ط t ظ z ع a غ gh ف f ق q ک k ك k گ g ل l م m ن n و u ه h ہ h ھ h ی i ي i ے e ئ i",
  ),
);
const arabicScriptBack = (s: string) =>
  [...s].map((c) => (c === " " ? " " : (ARABIC_SCRIPT_BACK[c] ?? ""))).join("");

// ---- Bengali ------------------------------------------------------------------------------------

const BN_CONSONANTS = longestFirst(
  pairs(
    "chh ছ kh খ gh ঘ ch চ jh ঝ zh ঝ th থ dh ধ ph ফ bh ভ sh শ k ক g গ j জ t ট d ড n ন p প " +
      "f ফ " +
      "b ব v ভ w ও m ম r র l ল s স h হ z জ q ক c ক x ক্স",
  ),
);
/** Vowel runs: the sign after a consonant, the letter at a word's start. */
const BN_VOWELS: [string, string, string][] = [
  ["iao", "িয়াও", "ইয়াও"],
  ["uai", "ুয়াই", "উয়াই"],
  ["ia", "িয়া", "ইয়া"],
  ["io", "িও", "ইও"],
  ["ua", "ুয়া", "উয়া"],
  ["uo", "ুও", "উও"],
  ["eu", "ু", "উ"],
  ["ae", "ে", "এ"],
  ["ai", "াই", "আই"],
  ["ei", "েই", "এই"],
  ["ee", "ী", "ঈ"],
  ["oo", "ু", "উ"],
  ["ou", "ৌ", "ঔ"],
  ["au", "ৌ", "ঔ"],
  ["eo", "ো", "ও"],
  ["oe", "োয়ে", "ওয়ে"],
  ["ui", "ুই", "উই"],
  ["ie", "ী", "ঈ"],
  ["ea", "ী", "ঈ"],
  ["a", "া", "আ"],
  ["e", "ে", "এ"],
  ["i", "ি", "ই"],
  ["o", "ো", "ও"],
  ["u", "ু", "উ"],
];
const HASANTA = "্";
/** w and the vowel after it. */
const BN_W = longestFirst(pairs("ae ওয়ে a ওয়া e ওয়ে i উই o ও u উ"));

/**
 * One Latin word as the Bengali press writes a foreign name (কিম জং উন): consonant clusters as
 * conjuncts with the hasanta, ng closing a syllable as ং (o before it left to the inherent
 * vowel), y before a vowel as য়, a word's last consonant bare.
 */
function bengaliWord(word: string): string {
  const w = bareLetters(word);
  let out = "";
  let afterConsonant = false;
  for (let i = 0; i < w.length; ) {
    const closingNg = (at: number) => w.startsWith("ng", at) && !/[aeiouy]/.test(w[at + 2] ?? "");
    // o (or ou, as in Young) before a closing ng is the inherent vowel: জং, ইয়ং.
    const oLength = w.startsWith("ou", i) ? 2 : w[i] === "o" ? 1 : 0;
    if (oLength && closingNg(i + oLength) && afterConsonant) {
      out += "ং";
      [i, afterConsonant] = [i + oLength + 2, false];
      continue;
    }
    if (closingNg(i)) {
      out += "ং";
      [i, afterConsonant] = [i + 2, false];
      continue;
    }
    if (w[i] === "y" && /[aeiou]/.test(w[i + 1] ?? "")) {
      // A glide: after a consonant it takes an i (রিয়ং); at the start it rides on ই.
      out += afterConsonant ? "িয়" : i === 0 ? "ইয়" : "য়";
      afterConsonant = true;
      i++;
      const o = w.startsWith("ou", i) ? 2 : w[i] === "o" ? 1 : 0;
      if (o && closingNg(i + o)) {
        out += "ং";
        [i, afterConsonant] = [i + o + 2, false];
      }
      continue;
    }
    // w before a vowel is written with the vowel letters (Won → ওন, Wa → ওয়া), not a conjunct.
    const glide = w[i] === "w" ? BN_W.find(([lat]) => w.startsWith(lat, i + 1)) : undefined;
    if (glide) {
      out += glide[1];
      afterConsonant = false;
      i += 1 + glide[0].length;
      continue;
    }
    const vowel = BN_VOWELS.find(([lat]) => w.startsWith(lat, i));
    if (vowel || w[i] === "y") {
      const [lat, sign, letter] = vowel ?? ["y", "ি", "ই"];
      out += afterConsonant ? sign : letter;
      afterConsonant = false;
      i += lat.length;
      continue;
    }
    const c = BN_CONSONANTS.find(([lat]) => w.startsWith(lat, i));
    if (!c) {
      i++;
      continue;
    }
    if (afterConsonant) out += HASANTA;
    out += c[1];
    afterConsonant = true;
    i += c[0].length;
  }
  return out;
}

export function bengaliOf(name: string): string | undefined {
  const words = name.split(/[\s,-]+/).filter((w) => /[A-Za-z0-9]/.test(w));
  if (!words.some((w) => /[A-Za-z]/.test(w))) return undefined;
  return words.map((w) => (/[aeiouy]/i.test(w) ? bengaliWord(w) : w)).join(" ");
}

// ---- Ukrainian ------------------------------------------------------------------------------------

const UK_LETTERS = longestFirst(
  pairs(
    "shch щ zh ж kh х ts ц ch ч sh ш ph ф th т j дж ye є yu ю ya я yi ї yo йо ae е oe ое " +
      "ai ай ei ей oi ой " +
      "a а b б c к d д e е f ф h г i і k к l л m м n н o о p п q к r р s с t т u у v в w в " +
      "x кс z з",
  ),
);

/** One Latin word in Ukrainian letters; g as ґ when `hardG`, else as г; y between consonants as и. */
function ukrainianWord(word: string, hardG: boolean): string {
  const w = bareLetters(word);
  let out = "";
  for (let i = 0; i < w.length; ) {
    if (w[i] === "g") {
      out += hardG ? "ґ" : "г";
      i++;
      continue;
    }
    if (w[i] === "y" && !/[aeiou]/.test(w[i + 1] ?? "")) {
      out += i > 0 && !/[aeiou]/.test(w[i - 1]!) ? "и" : "й";
      i++;
      continue;
    }
    const rule = UK_LETTERS.find(([lat]) => w.startsWith(lat, i));
    out += rule ? rule[1] : "";
    i += rule ? rule[0].length : 1;
  }
  return out ? out[0]!.toUpperCase() + out.slice(1) : out;
}

export function ukrainianOf(name: string, hardG = false): string | undefined {
  const words = name.split(/[\s,]+/).filter((w) => /[A-Za-z0-9]/.test(w));
  if (!words.some((w) => /[A-Za-z]/.test(w))) return undefined;
  const word = (p: string) => (/[aeiouy]/i.test(p) ? ukrainianWord(p, hardG) : p);
  return words.map((w) => w.split("-").map(word).join("-")).join(" ");
}

const KMU: Record<string, string> = Object.fromEntries(
  pairs(
    "а a б b в v г h ґ g д d е e ж zh з z и y і i к k л l м m н n о o п p р r с s т t у u ф f " +
      "х kh ц ts ч ch ш sh щ shch",
  ),
);
const KMU_START: Record<string, [string, string]> = {
  є: ["ye", "ie"],
  ї: ["yi", "i"],
  й: ["y", "i"],
  ю: ["yu", "iu"],
  я: ["ya", "ia"],
};

/** Ukrainian Cyrillic read back by the national transliteration of 2010 (resolution 55). */
export function kmuLatin(s: string): string {
  return s
    .split(/(\s+|-)/)
    .map((word) => {
      const ch = [...word.toLowerCase()];
      const latin = ch
        .map((c, i) => {
          if (c === "ь" || c === "'" || c === "’") return "";
          if (c === "г" && ch[i - 1] === "з") return "gh";
          const start = KMU_START[c];
          if (start) return start[i === 0 ? 0 : 1];
          return KMU[c] ?? c;
        })
        .join("");
      return latin ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
    })
    .join("");
}

// ---- encodings -----------------------------------------------------------------------------------

const CP1251_BYTES = (() => {
  const m = new Map<string, number>();
  const text = new TextDecoder("windows-1251").decode(
    Uint8Array.from({ length: 256 }, (_, i) => i),
  );
  [...text].forEach((c, i) => {
    if (!m.has(c)) m.set(c, i);
  });
  return m;
})();
/** UTF-8 bytes read as Windows-1251 (Кім → РљС–Рј). */
export const utf8AsCp1251 = (s: string) =>
  new TextDecoder("windows-1251").decode(Buffer.from(s, "utf8"));
/** Windows-1251 bytes read as KOI8-R. */
export const cp1251AsKoi8 = (s: string) =>
  new TextDecoder("koi8-r").decode(Uint8Array.from([...s].map((c) => CP1251_BYTES.get(c) ?? 63)));
/** UTF-8 read as ISO-8859-1, the result stored as UTF-8 and read as ISO-8859-1 again. */
export const doubleLatin1 = (s: string) =>
  Buffer.from(Buffer.from(s, "utf8").toString("latin1"), "utf8").toString("latin1");

/** & and apostrophes as HTML escapes them. */
function htmlEscaped(s: string, r: Rand): string {
  const apostrophe = pick(["&#39;", "&#x27;", "&apos;"], r);
  return s.replace(/&/g, "&amp;").replace(/'/g, apostrophe).replace(/’/g, "&rsquo;");
}

// ---- organisations in Indonesian and Swahili ------------------------------------------------------

/**
 * A listed word in the two languages. Nouns: id the noun, sw the noun and the associative -a that
 * follows it by its class ("Wizara ya", "Kituo cha", "Shirika la"). Adjectives: id the word after
 * the noun; sw an invariable word after the noun ("Kuu") or "~" and a noun after the associative
 * of the noun it qualifies ("~Biashara" → "ya Biashara"). Ordinals: id after the whole phrase, sw
 * right after the head, with its associative.
 */
interface Word {
  pos: "n" | "a" | "o";
  en: string;
  id: string;
  sw: string;
}
const LEX: Record<string, Word> = {};
for (const line of rows(`
n BANK=Bank/Benki ya|n CORPORATION=Korporasi/Shirika la|n COMPANY=Perusahaan/Kampuni ya
n GROUP=Grup/Kundi la|n BUREAU=Biro/Ofisi ya|n OFFICE=Kantor/Ofisi ya|n DEPARTMENT=Departemen/Idara ya
n MINISTRY=Kementerian/Wizara ya|n COMMITTEE=Komite/Kamati ya|n COMMISSION=Komisi/Tume ya
n ACADEMY=Akademi/Akademia ya|n INSTITUTE=Institut/Taasisi ya|n CENTER=Pusat/Kituo cha
n ADMINISTRATION=Administrasi/Utawala wa|n UNIVERSITY=Universitas/Chuo Kikuu cha|n PARTY=Partai/Chama cha
n ARMY=Tentara/Jeshi la|n FORCE=Angkatan/Kikosi cha|n FORCES=Pasukan/Vikosi vya|n COMMAND=Komando/Kamandi ya
n INDUSTRY=Industri/Viwanda vya|n ENERGY=Energi/Nishati ya|n TECHNOLOGY=Teknologi/Teknolojia ya
n DEVELOPMENT=Pengembangan/Maendeleo ya|n TRADE=Perdagangan/Biashara ya|n MANAGEMENT=Manajemen/Usimamizi wa
n SECURITY=Keamanan/Usalama wa|n MACHINERY=Permesinan/Mitambo ya|n MACHINE=Mesin/Mashine ya
n CONSTRUCTION=Konstruksi/Ujenzi wa|n SCIENCE=Ilmu Pengetahuan/Sayansi ya|n SCIENCES=Ilmu Pengetahuan/Sayansi za
n DEFENSE=Pertahanan/Ulinzi wa|n OIL=Minyak/Mafuta ya|n INSURANCE=Asuransi/Bima ya
n EQUIPMENT=Peralatan/Vifaa vya|n RESOURCES=Sumber Daya/Rasilimali za|n INVESTMENT=Investasi/Uwekezaji wa
n ELECTRONICS=Elektronika/Elektroniki ya|n RESEARCH=Penelitian/Utafiti wa|n EXPORT=Ekspor/Mauzo ya Nje ya
n IMPORT=Impor/Uagizaji wa|n RECONNAISSANCE=Pengintaian/Upelelezi wa|n TRANSPORT=Transportasi/Usafirishaji wa
n PROPAGANDA=Propaganda/Propaganda ya|n AGITATION=Agitasi/Uchochezi wa|n GUIDANCE=Bimbingan/Uongozi wa
n ORGANIZATION=Organisasi/Shirika la|n UNIT=Unit/Kitengo cha|n PLANT=Pabrik/Kiwanda cha
n SHIP=Kapal/Meli ya|n SHIPPING=Pelayaran/Meli ya|n VENTURE=Usaha/Ubia wa|n FINANCE=Keuangan/Fedha za
n CREDIT=Kredit/Mikopo ya|n COOPERATION=Kerja Sama/Ushirikiano wa|n LOGISTICS=Logistik/Usafirishaji wa
n INFORMATION=Informasi/Habari za|n ECONOMY=Ekonomi/Uchumi wa|n AGENCY=Badan/Wakala wa
n COMPUTER=Komputer/Kompyuta ya|n MATERIALS=Bahan/Vifaa vya|n METAL=Logam/Metali ya
n AFFAIRS=Urusan/Mambo ya|n MUNITIONS=Amunisi/Risasi za|n ENGINEERING=Teknik/Uhandisi wa
n EXPLORATION=Eksplorasi/Utafutaji wa|n AUTOMATION=Otomasi/Otomatiki ya|n OPERATION=Operasi/Uendeshaji wa
n MINING=Pertambangan/Madini ya|n ZINC=Seng/Zinki ya|n FREIGHT=Angkutan Barang/Mizigo ya
n ANIMATION=Animasi/Uhuishaji wa|n STUDIO=Studio/Studio ya|n ART=Seni/Sanaa ya|n CARTOON=Kartun/Katuni za
n SERVICES=Layanan/Huduma za|n PORT=Pelabuhan/Bandari ya|n INTERNET=Internet/Intaneti ya
n HOLDINGS=Induk/Umiliki wa|n MACHINES=Mesin/Mashine za|n SUPPLIES=Perbekalan/Vifaa vya|n STEEL=Baja/Chuma cha|n COAL=Batu Bara/Makaa ya Mawe ya
a TRADING=Dagang/~Biashara|a COMMERCIAL=Komersial/~Biashara|a GENERAL=Umum/Kuu
a INTERNATIONAL=Internasional/~Kimataifa|a NATIONAL=Nasional/~Taifa|a CENTRAL=Pusat/Kuu
a FOREIGN=Luar Negeri/~Nje|a MILITARY=Militer/~Kijeshi|a STRATEGIC=Strategis/~Kimkakati
a ATOMIC=Atom/~Atomiki|a NATURAL=Alam/~Asili|a CHEMICAL=Kimia/~Kemikali|a STATE=Negara/~Dola
a PEOPLE'S=Rakyat/~Umma|a ARMED=Bersenjata/~Kijeshi|a ROCKET=Roket/~Roketi|a JOINT=Patungan/~Pamoja
a MARITIME=Maritim/~Baharini|a INDUSTRIAL=Industri/~Viwanda|a TECHNICAL=Teknis/~Kiufundi
a ECONOMIC=Ekonomi/~Kiuchumi|a SPACE=Antariksa/~Anga|a AEROSPACE=Kedirgantaraan/~Anga
a UNITED=Bersatu/~Muungano|a DEMOCRATIC=Demokratik/~Kidemokrasia|a BANKING=Perbankan/~Benki
a ELECTRONIC=Elektronik/~Elektroniki|a CRUDE=Mentah/Ghafi|a KOREAN=Korea/~Korea|a GLOBAL=Global/~Kimataifa
a EASTERN=Timur/~Mashariki|a EUROPEAN=Eropa/~Ulaya|a PUBLIC=Publik/~Umma|a OCEAN=Samudra/~Bahari
o FIRST=Pertama/~Kwanza|o SECOND=Kedua/~Pili|o THIRD=Ketiga/~Tatu
`)) {
  const [, pos, en, id, sw] = /^(\w) (\S+)=([^/]+)\/(.+)$/.exec(line)!;
  LEX[en!] = { pos: pos as Word["pos"], en: en!, id: id!, sw: sw! };
}
for (const [other, same] of pairs(
  "CORP CORPORATION CO COMPANY CENTRE CENTER DEFENCE DEFENSE FACTORY PLANT EXTERNAL FOREIGN " +
    "OVERSEAS FOREIGN CHEMICALS CHEMICAL TRANSPORTATION TRANSPORT MARINE MARITIME SHPG SHIPPING " +
    "1ST FIRST 2ND SECOND 3RD THIRD TECHNOLOGIES TECHNOLOGY INDUSTRIES INDUSTRY",
))
  LEX[other] = LEX[same]!;

type OrgLang = "id" | "sw" | "lv";
const ORG_LANG_NAME: Record<OrgLang, string> = {
  id: "Indonesian",
  sw: "Swahili",
  lv: "Latvian",
};

/** Bodies by their names in the two languages; §n marks one inside a name. */
const NAMED_BODIES: [RegExp, Record<OrgLang, string>, lvGenitive: string][] = [
  [
    /\b(?:WORKERS'? PARTY OF KOREA|(?:NORTH )?KOREAN WORKERS'? PARTY)\b/,
    {
      id: "Partai Buruh Korea",
      sw: "Chama cha Wafanyakazi cha Korea",
      lv: "Korejas Darba partija",
    },
    "Korejas Darba partijas",
  ],
  [
    /\bKOREAN PEOPLE'S ARMY\b/,
    { id: "Tentara Rakyat Korea", sw: "Jeshi la Umma la Korea", lv: "Korejas Tautas armija" },
    "Korejas Tautas armijas",
  ],
  [
    /\bDEMOCRATIC PEOPLE'S REPUBLIC OF KOREA\b/,
    {
      id: "Republik Demokratik Rakyat Korea",
      sw: "Jamhuri ya Kidemokrasia ya Watu wa Korea",
      lv: "Korejas Tautas Demokrātiskā Republika",
    },
    "Korejas Tautas Demokrātiskās Republikas",
  ],
  [
    /\bNORTH KOREA\b/,
    { id: "Korea Utara", sw: "Korea Kaskazini", lv: "Ziemeļkoreja" },
    "Ziemeļkorejas",
  ],
  [/(?<=\b(?:OF|FOR) )KOREA(?=\s*$)/, { id: "Korea", sw: "Korea", lv: "Koreja" }, "Korejas"],
];

const ACRONYMS = new Set([
  "KPA",
  "KOMID",
  "KOEC",
  "DPRK",
  "KNIC",
  "MAEI",
  "KWP",
  "JV",
  "AG",
  "OOO",
]);
/** A word kept as listed: acronyms and codes as they are, capitals capitalised as a whole. */
const keptWord = (w: string) =>
  ACRONYMS.has(w) || (/^[A-Z\d&.-]+$/.test(w) && (!/[AEIOUY]/.test(w) || /\d/.test(w)))
    ? w
    : w === w.toUpperCase()
      ? w.split("-").map(titleWord).join("-")
      : w;

/** A piece of an English noun phrase: a listed word, a named body, or a run of proper words. */
interface Piece {
  word?: Word;
  body?: number;
  proper?: string[];
}
/** A noun (or proper run, or body) with the adjectives before it; `and` when AND joins it to the one before. */
interface Unit {
  noun: Piece;
  adjs: Word[];
  and: boolean;
}

/** "TANCHON COMMERCIAL BANK" → the head BANK with COMMERCIAL, and the unit TANCHON before it. */
function unitsOf(text: string): { units: Unit[]; ordinals: Word[] } | undefined {
  const words = text.split(/\s+/).filter((w) => w && w !== "THE");
  const units: Unit[] = [];
  const ordinals: Word[] = [];
  let adjs: Word[] = [];
  let and = false;
  for (const w of words) {
    const body = /^§(\d)$/.exec(w);
    const lex = LEX[w.replace(/[.,]+$/, "")];
    if (/^(?:AND|&)$/.test(w)) and = true;
    else if (body) {
      units.push({ noun: { body: Number(body[1]) }, adjs, and });
      [adjs, and] = [[], false];
    } else if (lex?.pos === "o") ordinals.push(lex);
    else if (lex?.pos === "a") adjs.push(lex);
    else if (lex?.pos === "n") {
      units.push({ noun: { word: lex }, adjs, and });
      [adjs, and] = [[], false];
    } else {
      const last = units.at(-1);
      // Proper words run together into one name (DANDONG ZHONGSHENG), after their adjectives.
      if (last?.noun.proper && !adjs.length && !and) last.noun.proper.push(w);
      else {
        units.push({ noun: { proper: [w] }, adjs, and });
        [adjs, and] = [[], false];
      }
    }
  }
  if (adjs.length) {
    // Adjectives with no noun after them (a trailing KOREAN) stand as proper words.
    units.push({ noun: { proper: adjs.map((a) => a.en) }, adjs: [], and: false });
  }
  return units.some((u) => u.noun.word || u.noun.body !== undefined)
    ? { units, ordinals }
    : undefined;
}

const swNoun = (w: Word) => {
  const m = /^(.*) (\S+)$/.exec(w.sw)!;
  return { noun: m[1]!, link: m[2]! };
};
const swAdjective = (a: Word, link: string) =>
  a.sw.startsWith("~") ? `${link} ${a.sw.slice(1)}` : a.sw;

/** The head of the phrase: the last listed noun or body; what follows it stays after it. */
function phraseIn(units: Unit[]): { head: Unit; before: Unit[]; after: Unit[] } {
  const at = units.findLastIndex((u) => u.noun.word || u.noun.body !== undefined);
  return { head: units[at]!, before: units.slice(0, at), after: units.slice(at + 1) };
}

/** Units in the target order: the coordinated ones (A AND B) kept together, in their own order. */
function groupsOf(units: Unit[]): Unit[][] {
  const groups: Unit[][] = [];
  for (const u of units) u.and && groups.length ? groups.at(-1)!.push(u) : groups.push([u]);
  return groups.reverse();
}

function indonesianPhrase(text: string): string | undefined {
  const parsed = unitsOf(text);
  if (!parsed) return undefined;
  const { head, before, after } = phraseIn(parsed.units);
  // A head joined by AND to the noun before it takes that noun along (Industri dan Perdagangan).
  const joined = head.and && before.length ? [before.pop()!, head] : [head];
  const unit = (u: Unit) => {
    const noun =
      u.noun.body !== undefined
        ? NAMED_BODIES[u.noun.body]![1].id
        : (u.noun.word?.id ?? u.noun.proper!.map(keptWord).join(" "));
    return [noun, ...u.adjs.reverse().map((a) => a.id)].join(" ");
  };
  const headText = joined.map(unit).join(" dan ");
  const mods = groupsOf(before).map((g) => g.map(unit).join(" dan "));
  return [headText, ...mods, ...after.map(unit), ...parsed.ordinals.map((o) => o.id)].join(" ");
}

function swahiliPhrase(text: string, link?: string): { text: string; link: string } | undefined {
  const parsed = unitsOf(text);
  if (!parsed) return undefined;
  const { head, before, after } = phraseIn(parsed.units);
  const joined = head.and && before.length ? [before.pop()!, head] : [head];
  // Each noun's associative links what follows it; a proper name or body takes the last noun's.
  let last = link ?? "ya";
  const unit = (u: Unit, first: boolean, ordinals: Word[] = []) => {
    const linkBefore = last;
    let noun: string;
    if (u.noun.body !== undefined) noun = NAMED_BODIES[u.noun.body]![1].sw;
    else if (u.noun.word) {
      const w = swNoun(u.noun.word);
      noun = w.noun;
      last = w.link;
    } else noun = u.noun.proper!.map(keptWord).join(" ");
    const adjs = [...ordinals, ...u.adjs.reverse()].map((a) => swAdjective(a, last));
    return [...(first ? [] : [linkBefore]), noun, ...adjs].join(" ");
  };
  const headText = joined
    .map((u, i) => unit(u, true, i === joined.length - 1 ? parsed.ordinals : []))
    .join(" na ");
  const headLink = last;
  const mods = groupsOf(before).map((g) => {
    const [firstUnit, ...rest] = g;
    return [unit(firstUnit!, false), ...rest.map((u) => unit(u, true))].join(" na ");
  });
  return {
    text: [headText, ...mods, ...after.map((u) => unit(u, false))].join(" "),
    link: headLink,
  };
}

/**
 * Latvian: nouns as "nominative genitive gender" (m, f, mp, fp); adjectives as a stem taking the
 * definite endings (komerciāl → komerciālā banka), or "~" and a word that does not agree (valsts,
 * tautas). Premodifiers keep the English order, in the genitive; "X of Y" puts Y, in the genitive,
 * first (https://en.wikipedia.org/wiki/Latvian_declension).
 */
const LV: Record<string, string> = Object.fromEntries(
  rows(`
BANK=banka bankas f|CORPORATION=korporācija korporācijas f|COMPANY=kompānija kompānijas f
GROUP=grupa grupas f|BUREAU=birojs biroja m|OFFICE=birojs biroja m|DEPARTMENT=departaments departamenta m
MINISTRY=ministrija ministrijas f|COMMITTEE=komiteja komitejas f|COMMISSION=komisija komisijas f
ACADEMY=akadēmija akadēmijas f|INSTITUTE=institūts institūta m|CENTER=centrs centra m
ADMINISTRATION=administrācija administrācijas f|UNIVERSITY=universitāte universitātes f
PARTY=partija partijas f|ARMY=armija armijas f|FORCE=spēki spēku mp|FORCES=spēki spēku mp
COMMAND=pavēlniecība pavēlniecības f|INDUSTRY=rūpniecība rūpniecības f|ENERGY=enerģija enerģijas f
TECHNOLOGY=tehnoloģija tehnoloģijas f|DEVELOPMENT=attīstība attīstības f|TRADE=tirdzniecība tirdzniecības f
MANAGEMENT=pārvaldība pārvaldības f|SECURITY=drošība drošības f|MACHINERY=mašīnbūve mašīnbūves f
MACHINE=mašīna mašīnas f|CONSTRUCTION=būvniecība būvniecības f|SCIENCE=zinātne zinātnes f
SCIENCES=zinātnes zinātņu fp|DEFENSE=aizsardzība aizsardzības f|OIL=nafta naftas f
INSURANCE=apdrošināšana apdrošināšanas f|EQUIPMENT=iekārtas iekārtu fp|RESOURCES=resursi resursu mp
INVESTMENT=investīcijas investīciju fp|ELECTRONICS=elektronika elektronikas f|RESEARCH=pētniecība pētniecības f
EXPORT=eksports eksporta m|IMPORT=imports importa m|RECONNAISSANCE=izlūkošana izlūkošanas f
TRANSPORT=transports transporta m|PROPAGANDA=propaganda propagandas f|AGITATION=aģitācija aģitācijas f
GUIDANCE=vadība vadības f|ORGANIZATION=organizācija organizācijas f|UNIT=vienība vienības f
PLANT=rūpnīca rūpnīcas f|SHIP=kuģis kuģa m|SHIPPING=kuģniecība kuģniecības f|VENTURE=uzņēmums uzņēmuma m
FINANCE=finanses finanšu fp|CREDIT=kredīts kredīta m|COOPERATION=sadarbība sadarbības f
LOGISTICS=loģistika loģistikas f|INFORMATION=informācija informācijas f|ECONOMY=ekonomika ekonomikas f
AGENCY=aģentūra aģentūras f|COMPUTER=dators datora m|MATERIALS=materiāli materiālu mp
METAL=metāls metāla m|AFFAIRS=lietas lietu fp|MUNITIONS=munīcija munīcijas f
ENGINEERING=inženierija inženierijas f|EXPLORATION=izpēte izpētes f|AUTOMATION=automatizācija automatizācijas f
OPERATION=ekspluatācija ekspluatācijas f|MINING=kalnrūpniecība kalnrūpniecības f|ZINC=cinks cinka m
FREIGHT=kravas kravu fp|ANIMATION=animācija animācijas f|STUDIO=studija studijas f|ART=māksla mākslas f
CARTOON=multfilmas multfilmu fp|SERVICES=pakalpojumi pakalpojumu mp|PORT=osta ostas f
INTERNET=internets interneta m|HOLDINGS=holdings holdinga m|MACHINES=mašīnas mašīnu fp
STEEL=tērauds tērauda m|COAL=ogles ogļu fp|SUPPLIES=apgāde apgādes f
TRADING=~tirdzniecības|COMMERCIAL=komerciāl|GENERAL=ģenerāl|INTERNATIONAL=starptautisk
NATIONAL=nacionāl|CENTRAL=centrāl|FOREIGN=ārēj|MILITARY=militār|STRATEGIC=stratēģisk|ATOMIC=~atomu
NATURAL=~dabas|CHEMICAL=ķīmisk|STATE=~valsts|PEOPLE'S=~tautas|ARMED=bruņot|ROCKET=~raķešu
JOINT=kopīg|MARITIME=~jūras|INDUSTRIAL=rūpniecisk|TECHNICAL=tehnisk|ECONOMIC=ekonomisk
SPACE=~kosmosa|AEROSPACE=~aviācijas un kosmosa|UNITED=apvienot|DEMOCRATIC=demokrātisk
BANKING=~banku|ELECTRONIC=elektronisk|CRUDE=jēl|KOREAN=~Korejas|GLOBAL=globāl|EASTERN=austrumu
EUROPEAN=Eiropas|PUBLIC=publisk|OCEAN=~okeāna|FIRST=pirm|SECOND=otr|THIRD=treš
`).map((line) => line.split("=") as [string, string]),
);
const LV_ENDINGS: Record<string, [string, string]> = {
  m: ["ais", "ā"],
  f: ["ā", "ās"],
  mp: ["ie", "o"],
  fp: ["ās", "o"],
};

/** A Latvian noun (or named body) in the nominative or genitive, and its gender. */
function lvNoun(u: Unit, genitive: boolean): [string, string] | undefined {
  if (u.noun.body !== undefined) {
    const [, names, gen] = NAMED_BODIES[u.noun.body]!;
    return [genitive ? gen : names.lv, "f"];
  }
  // KOREA before a name is the country's genitive (Korejas Kwangsong …).
  if (u.noun.proper)
    return [u.noun.proper.map((w) => (w === "KOREA" ? "Korejas" : keptWord(w))).join(" "), "m"];
  const entry = LV[u.noun.word!.en];
  if (!entry) return undefined;
  const [nom, gen, g] = entry.split(" ") as [string, string, string];
  return [genitive ? gen : nom, g];
}
const lvAdjective = (a: Word, gender: string, genitive: boolean) => {
  const spec = LV[a.en] ?? `~${keptWord(a.en)}`;
  return spec.startsWith("~") ? spec.slice(1) : spec + LV_ENDINGS[gender]![genitive ? 1 : 0];
};

/** A phrase in Latvian: the English order of premodifiers, modifiers in the genitive, the head in `genitive` or not. */
function latvianPhrase(text: string, genitive: boolean): string | undefined {
  const parsed = unitsOf(text);
  if (!parsed) return undefined;
  const { head, before, after } = phraseIn(parsed.units);
  const units = [...before, head];
  // An ordinal counts the whole name and stands first, agreeing with the head (Pirmā kredīta banka).
  const headGender = lvNoun(head, genitive)?.[1] ?? "f";
  const words = parsed.ordinals.map((o) => lvAdjective(o, headGender, genitive));
  for (const [i, u] of units.entries()) {
    const isHead = u === head;
    // The noun AND joins to the head takes the head's case (rūpniecība un tirdzniecība).
    const headCase = isHead || (head.and && i === units.length - 2);
    const noun = lvNoun(u, headCase ? genitive : true);
    if (!noun) return undefined;
    if (u.and && i > 0) words.push("un");
    words.push(...u.adjs.map((a) => lvAdjective(a, noun[1], headCase ? genitive : true)), noun[0]);
  }
  return [...words, ...after.map((u) => lvNoun(u, false)?.[0] ?? "")].join(" ").trim();
}

const LEGAL_TAIL =
  /(?:[\s,]+(?:LTD\.?\s*CO\.?|CO\.?,?\s*LTD\.?|CO\.?,?\s*LIMITED|CORPORATION\s+LTD\.?|LIMITED|LTD\.?|LLC|L\.L\.C\.|INC\.?|JSC|PTE\.?\s*LTD\.?|JV|S\.?A\.?|GMBH|OOO|FZE|PLC))+\s*$/i;
const LEGAL_HEAD =
  /^(?:(?:(?:PUBLIC|CLOSED|OPEN)\s+)?(?:JOINT[-\s]STOCK|LIMITED LIABILITY)\s+COMPANY|LLC|OOO|JSC|OJSC|CJSC)\s+/i;

/** One comma-free part: "X OF Y FOR Z" with each phrase translated; undefined when X has no known noun. */
function translatedPart(part: string, lang: OrgLang): string | undefined {
  const marked = NAMED_BODIES.reduce(
    (t, [re], i) => t.replace(re, ` §${i} `),
    part.toUpperCase().replace(/[’‘`]/g, "'"),
  )
    .replace(/\s+/g, " ")
    .trim();
  const [x = "", ...rest] = marked.split(/ (?=(?:OF|FOR) )/);
  if (lang === "id") {
    const head = indonesianPhrase(x);
    if (!head) return undefined;
    const tails = rest.map((c) => {
      const [, prep, y = ""] = /^(OF|FOR) (.*)$/.exec(c)!;
      const t = indonesianPhrase(y) ?? y.split(" ").map(keptWord).join(" ");
      return prep === "FOR" ? `untuk ${t}` : t;
    });
    return [head, ...tails].join(" ");
  }
  if (lang === "lv") {
    const head = latvianPhrase(x, false);
    if (!head) return undefined;
    const tails = rest.map((c) => {
      const y = c.replace(/^(?:OF|FOR) /, "");
      return latvianPhrase(y, true) ?? y.split(" ").map(keptWord).join(" ");
    });
    const text = [...tails.reverse(), head].join(" ");
    return text[0]!.toUpperCase() + text.slice(1);
  }
  const head = swahiliPhrase(x);
  if (!head) return undefined;
  let link = head.link;
  const tails = rest.map((c) => {
    const y = c.replace(/^(?:OF|FOR) /, "");
    const t = swahiliPhrase(y, link);
    const out = `${link} ${t?.text ?? y.split(" ").map(keptWord).join(" ")}`;
    link = t?.link ?? link;
    return out;
  });
  return [head.text, ...tails].join(" ");
}

/** An organisation's name in Indonesian, Swahili or Latvian; undefined when nothing translates. */
export function translateOrgL(name: string, lang: OrgLang): string | undefined {
  const brackets: string[] = [];
  const bare = name.replace(/\s*(\([^)]*\))/g, (_, b: string) => {
    brackets.push(b);
    return "";
  });
  const lead = LEGAL_HEAD.exec(bare)?.[0] ?? "";
  const rest = bare.slice(lead.length);
  const legal = LEGAL_TAIL.exec(rest);
  const body = legal ? rest.slice(0, legal.index) : rest;
  const parts = body
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const done = parts.map((p) => translatedPart(p, lang));
  if (!done.some(Boolean)) return undefined;
  const text = parts.map((p, i) => done[i] ?? p.split(/\s+/).map(keptWord).join(" ")).join(", ");
  return [lead.trim(), text, legal?.[0].replace(/^[\s,]+/, "").trim() ?? "", ...brackets]
    .filter(Boolean)
    .join(" ")
    .replace(/\s+/g, " ");
}

// ---- document forms ------------------------------------------------------------------------------

const YEARS = (r: Rand) => 2013 + Math.floor(r() * 12);
const dayMonth = (r: Rand) =>
  [1 + Math.floor(r() * 28), 1 + Math.floor(r() * 12)].map((n) => String(n).padStart(2, "0"));

/** A PACER Case Locator result line: case number, the caption, the filing date. */
function pacerLine(name: string, kind: "person" | "org", r: Rand): string {
  const year = YEARS(r);
  const [d, m] = dayMonth(r);
  const type = kind === "person" ? pick(["cr", "cr", "mj"], r) : pick(["cv", "mc", "cr"], r);
  const no = `${1 + Math.floor(r() * 2)}:${String(year).slice(2)}-${type}-${numeral(5, r)}`;
  const caption =
    kind === "person"
      ? `USA v. ${name}${r() < 0.4 ? " et al" : ""}`
      : type === "mc"
        ? `In re ${name}`
        : type === "cr"
          ? `USA v. ${name}`
          : `USA v. Funds in the Name of ${name}`;
  const judge = r() < 0.5 ? `-${pick(["BAH", "RDM", "JEB", "TSC", "KBJ", "CRC"], r)}` : "";
  return `${no}${judge}\t${caption}\tfiled ${m}/${d}/${year}`;
}

const HK_TYPES = ["Private company limited by shares", "Private company limited by shares"];
const HK_STATUS = ["Live", "Dissolved", "Deregistered"];
const UK_STATUS = ["Active", "Dissolved", "Liquidation"];

/** A company registry's extract: the Hong Kong Companies Registry's fields or Companies House's. */
function registryExtract(name: string, r: Rand): string {
  const [d, m] = dayMonth(r);
  const year = 2001 + Math.floor(r() * 22);
  const sep = r() < 0.5 ? "\n" : "  ";
  if (r() < 0.55)
    return [
      `Company Name: ${name.toUpperCase()}`,
      `CR No.: ${numeral(7, r)}`,
      `Company Type: ${pick(HK_TYPES, r)}`,
      `Date of Incorporation: ${d}-${["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"][Number(m) - 1]}-${year}`,
      `Active Status: ${pick(HK_STATUS, r)}`,
    ].join(sep);
  return [
    name.toUpperCase(),
    `Company number ${numeral(8, r)}`,
    `Registered office address ${pick(["Suite 1502, 15/F, Wanchai Commercial Centre, Hong Kong", "71-75 Shelton Street, London, WC2H 9JQ", "20-22 Wenlock Road, London, N1 7GU"], r)}`,
    `Company status ${pick(UK_STATUS, r)}`,
    `Incorporated on ${Number(d)} ${["January", "March", "May", "July", "September", "November"][Number(m) % 6]} ${year}`,
  ].join(sep);
}

/** Cities of the listed parties' boxes, and of the negatives' (no DPRK or border city). */
const BL_CITIES = [
  "PYONGYANG, DPR KOREA",
  "NAMPO, DPRK",
  "DANDONG, CHINA",
  "RASON, DPRK",
  "HONG KONG",
];
const OTHER_BL_CITIES = [
  "JAKARTA, INDONESIA",
  "DAR ES SALAAM, TANZANIA",
  "MOMBASA, KENYA",
  "KARACHI, PAKISTAN",
  "ODESA, UKRAINE",
];

/** Country and area codes of the boxes' cities; elsewhere one of the listed parties' usual ones. */
const DIAL_CODES: [RegExp, string][] = [
  [/DPR|DPRK|PYONGYANG|NAMPO|RASON/, "850 2"],
  [/DANDONG/, "86 415"],
  [/SHENYANG/, "86 24"],
  [/HONG KONG/, "852"],
  [/JAKARTA/, "62 21"],
  [/DAR ES SALAAM/, "255 22"],
  [/MOMBASA/, "254 41"],
  [/KARACHI/, "92 21"],
  [/ODESA/, "380 48"],
  [/RIGA/, "371 67"],
  [/KABUL/, "93 20"],
];
const dialCode = (place: string, r: Rand) =>
  DIAL_CODES.find(([re]) => re.test(place))?.[1] ?? pick(["850 2", "86 415", "852"], r);

/** A bill of lading's shipper or notify party box: the name, a city, a telephone or fax number. */
function ladingBox(name: string, city: string | undefined, r: Rand, cities = BL_CITIES): string {
  const box = r() < 0.5 ? "SHIPPER/EXPORTER (complete name and address)" : "NOTIFY PARTY";
  const place = city ? city.toUpperCase() : pick(cities, r);
  const phone = `${pick(["TEL", "TEL:", "FAX"], r)} +${dialCode(place, r)} ${numeral(4, r)} ${numeral(4, r)}`;
  const sep = r() < 0.6 ? "\n" : " ";
  return [box, name.toUpperCase(), place, phone].join(sep);
}

/** Maritime Identification Digits of the flags DPRK-related vessels fly, and of other vessels. */
const LISTED_MIDS = ["445", "445", "667", "671", "457", "351", "511", "620", "312"];
const OTHER_MIDS = ["525", "677", "634", "636", "538", "215", "311"];
const AIS_TYPES = ["Cargo", "Tanker", "Cargo, hazardous category A", "Fishing", "Other"];

/** AIS static data: MMSI, IMO, call sign, the name in at most 20 characters, type, destination. */
function aisLine(name: string, imo: string | undefined, r: Rand, mids = LISTED_MIDS): string {
  const shipName = name
    .toUpperCase()
    .replace(/[^A-Z0-9 .,'/-]/g, " ")
    .slice(0, 20)
    .trimEnd();
  const cells = [
    `MMSI ${pick(mids, r)}${numeral(6, r)}`,
    imo ? `IMO ${imo}` : mids === LISTED_MIDS ? "IMO 0" : `IMO 9${numeral(6, r)}`,
    `CALLSIGN ${pick(["HM", "3E", "T8", "XU", "JV", "5I"], r)}${String.fromCharCode(65 + Math.floor(r() * 26))}${numeral(2, r)}`,
    `NAME ${shipName}`,
    `TYPE ${pick(AIS_TYPES, r)}`,
    `DEST ${pick(["NAMPO", "CN LKU", "KR PUS", "RU NJK", "SG SIN", "TZ DAR"], r)}`,
  ];
  return cells.join(r() < 0.5 ? " | " : ",");
}

const SHIP_TYPES_UK = ["танкер", "суховантаж", "судно", "балкер"];
const SHIP_TYPES_FA = ["نفتکش", "کشتی باری", "کشتی"];

/** A vessel in Ukrainian or Persian press copy, after a ship type. */
function vesselInPress(name: string, r: Rand): [string, string] | undefined {
  const run = name
    .split(/\s+/)
    .map((w) => (/\d/.test(w) ? w : titleWord(w)))
    .join(" ");
  if (r() < 0.55) {
    const uk = ukrainianOf(run, r() < 0.3);
    return uk ? ["vessel in Ukrainian press copy", `${pick(SHIP_TYPES_UK, r)} «${uk}»`] : undefined;
  }
  // The Persian press sets a vessel's number in Persian digits (۳ for 3).
  const fa = persianOf(run)?.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
  return fa ? ["vessel in Persian press copy", `${pick(SHIP_TYPES_FA, r)} ${fa}`] : undefined;
}

/** An ICAO flight plan with the registration in item 18 (REG/ without the hyphen). */
function flightPlan(registration: string, model: string, r: Rand): string {
  const type =
    model
      .replace(/-.*/, "")
      .replace(/[^A-Z0-9]/gi, "")
      .toUpperCase()
      .slice(0, 4) || "ZZZZ";
  const flight = `KOR${1 + Math.floor(r() * 299)}`;
  const to = pick(["ZYTL", "ZBAA", "UHWW", "ZYYJ"], r);
  return `(FPL-${flight}-IS -${type}/M-SDFG/C -ZKPY0${Math.floor(r() * 9)}00 -N0240F180 DCT -${to}0130 -REG/${registration.replace(/-/g, "")} DOF/${String(YEARS(r)).slice(2)}${dayMonth(r).reverse().join("")})`;
}

// ---- queries -----------------------------------------------------------------------------------

type Form = [variant: string, query: string];

/** The Ukrainian forms of a name: Cyrillic, its national transliteration, or mis-decoded Cyrillic. */
function ukrainianForms(run: string, r: Rand): Form[] {
  const uk = ukrainianOf(run, r() < 0.3);
  if (!uk) return [];
  const x = r();
  if (x < 0.4) return [["Ukrainian form", uk]];
  if (x < 0.8) return [["Ukrainian read back by the national transliteration", kmuLatin(uk)]];
  if (x < 0.9) return [["Ukrainian form, UTF-8 read as Windows-1251", utf8AsCp1251(uk)]];
  return [["Ukrainian form, Windows-1251 read as KOI8-R", cp1251AsKoi8(uk)]];
}

/** The script forms of one name in running order (for negatives too). */
function scriptFormsL(run: string, r: Rand): Form[] {
  const out: Form[] = [];
  const fa = persianOf(run);
  if (fa && r() < 0.8)
    out.push(
      r() < 0.15
        ? ["Persian form, HTML character references", htmlDecimal(fa)]
        : ["Persian press form", fa],
    );
  const ur = urduOf(run);
  if (ur && r() < 0.65)
    out.push(
      r() < 0.15
        ? ["Urdu form, HTML character references", htmlDecimal(ur)]
        : ["Urdu press form", ur],
    );
  if (r() < 0.85) out.push(...ukrainianForms(run, r));
  const bn = bengaliOf(run);
  if (bn && r() < 0.45) out.push(["Bengali press form", bn]);
  return out;
}

function personFormsL(name: string, e: ListEntity, r: Rand): Form[] {
  if (!/[A-Za-z]/.test(name)) return [];
  const run = inRunningOrder(name, e);
  const out = scriptFormsL(run, r);
  const x = r();
  if (x < 0.3) out.push(["PACER case locator line", pacerLine(run, "person", r)]);
  else if (x < 0.55)
    out.push([
      "bill of lading shipper or notify party",
      ladingBox(run, e.addresses[0]?.city ?? undefined, r),
    ]);
  if (/[^ -~]/.test(name) && /[A-Za-z]/.test(name) && r() < 0.5)
    out.push(["UTF-8 read as Latin-1 twice", doubleLatin1(run)]);
  return out;
}

const ORG_LANGS: OrgLang[] = ["id", "sw", "lv"];

/** A Latvian name as written, with its marks as HTML numeric references, or as UTF-8 read as Latin-1 twice. */
function latvianForm(label: string, text: string, r: Rand): Form {
  const x = r();
  if (/[^ -~]/.test(text) && x < 0.15)
    return [`${label}, HTML character references`, htmlDecimal(text)];
  if (/[^ -~]/.test(text) && x < 0.3)
    return [`${label}, UTF-8 read as Latin-1 twice`, doubleLatin1(text)];
  return [label, text];
}

function orgFormsL(name: string, e: ListEntity, r: Rand): Form[] {
  if (!/[A-Za-z0-9]/.test(name)) return [];
  if (e.kind === "aircraft") {
    const model = /Aircraft Model ([^;]+)/.exec(e.remarks ?? "")?.[1] ?? "";
    return [["ICAO flight plan registration (item 18)", flightPlan(name, model, r)]];
  }
  if (e.kind === "vessel") {
    const imo = e.identifiers.find((i) => /^\d{7}$/.test(i.number))?.number;
    const out: Form[] = [["AIS static data", aisLine(name, imo, r)]];
    const press = r() < 0.6 ? vesselInPress(name, r) : undefined;
    if (press) out.push(press);
    return out;
  }
  const out: Form[] = [];
  const first = pick(ORG_LANGS, r);
  const langs =
    r() < 0.3
      ? [
          first,
          pick(
            ORG_LANGS.filter((l) => l !== first),
            r,
          ),
        ]
      : [first];
  for (const lang of langs) {
    const t = translateOrgL(name, lang);
    const label = `translated into ${ORG_LANG_NAME[lang]}`;
    if (t) out.push(lang === "lv" ? latvianForm(label, t, r) : [label, t]);
  }
  if (/[&'’]/.test(name) && r() < 0.6)
    out.push(["HTML-escaped & and apostrophes", htmlEscaped(name, r)]);
  else if (/[’‘]/.test(name) && r() < 0.5)
    out.push(["UTF-8 read as Latin-1 twice", doubleLatin1(name)]);
  const x = r();
  if (x < 0.35) out.push(["company registry extract", registryExtract(name, r)]);
  else if (x < 0.6) out.push(["PACER case locator line", pacerLine(name, "org", r)]);
  else if (x < 0.95)
    out.push([
      "bill of lading shipper or notify party",
      ladingBox(name, e.addresses[0]?.city ?? undefined, r),
    ]);
  return out;
}

/** A Latin text's words, marks and case folded, sorted ("" for another script's text). */
const latinKey = (s: string) =>
  foldMarks(s)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .sort()
    .join(" ");

/**
 * Every name but the original-script ones, in this family's forms, entry by entry; a Latin form
 * that came back with the listed name's own words is left out.
 */
export function heldOutLQueriesFor(entities: readonly ListEntity[], seed = 12_011): EvalQuery[] {
  const r = xorshift(seed);
  const out: EvalQuery[] = [];
  for (const e of entities) {
    const type = e.kind === "person" ? "person" : "org";
    const seen = new Set<string>();
    for (const n of e.names) {
      if (n.type === "original-script") continue;
      const forms = type === "person" ? personFormsL(n.name, e, r) : orgFormsL(n.name, e, r);
      for (const [variant, query] of forms) {
        if (seen.has(query) || latinKey(query) === latinKey(n.name)) continue;
        seen.add(query);
        out.push({
          query,
          variant: (n.type === "primary" ? "" : "alias: ") + variant,
          type,
          source: `${e.list}:${e.reference}`,
          sourceName: n.name,
        });
      }
    }
  }
  return out;
}

// ---- negatives -----------------------------------------------------------------------------------

/** Real South Korean athletes, actors, musicians, writers and business people on no list. */
const KOREAN_PEOPLE_L = `
Jung Sung-ryong|Kim Shin-wook|Yoo Sang-chul|Hwang Sun-hong
Lee Keun-ho|Nam Tae-hee|Suk Hyun-jun|Song Bum-keun
Park Ji-sung|Cha Bum-kun|Hong Myung-bo|Ahn Jung-hwan|Lee Young-pyo|Lee Woon-jae|Choi Kang-hee
Shin Tae-yong|Park Chan-ho|Kim Byung-hyun|Seo Jae-weong|Kang Baek-ho
Yang Eui-ji|Koo Dae-sung|Yang Hyeon-jong|Park Byung-ho|Pak Se-ri|Ko Jin-young|Park In-bee
Yang Yong-eun|Ahn Hyun-soo|Jin Sun-yu|Kim Dong-sung|Chun Lee-kyung|Park Seung-hi
Im Dong-hyun|Lee Won-hee|Kim Jae-bum|An Ba-ul|Park Sang-young|Kim Dong-moon|Ra Kyung-min
Sung Ji-hyun|Hwang Kyung-seon|Moon Dae-sung|Ryu Seung-min|Yoo Nam-kyu|Joo Se-hyuk|Oh Sang-eun
Chun Byung-kwan|Hong Soo-hwan|Shim Kwon-ho|Hwang Young-cho|Lee Bong-ju|Heo Hoon|Kim Yeon-koung
Yang Hyo-jin|Kim Ja-in|Jin Jong-oh|An San|Lim Si-hyeon|Nam Su-hyeon|Park Tae-hwan|Jang Mi-ran
Sa Jae-hyouk|Lee Young-ae|Jang Dong-gun|Bae Yong-joon|Kwon Sang-woo|So Ji-sub|Ji Chang-wook
Park Bo-gum|Park Bo-young|Kim Ji-won|Kim Yoo-jung|Namgoong Min|Cha Eun-woo|Lee Do-hyun|Go Youn-jung
Jung Hae-in|Kim Hye-yoon|Byeon Woo-seok|Ahn Hyo-seop|Kim Se-jeong|Seo Ye-ji|Lee Jun-ho|Lee Se-young
Ryu Jun-yeol|Choi Woo-shik|Park So-dam|Jo Yeo-jeong|Cho Jin-woong|Kim Yun-seok|Sol Kyung-gu
Jeon Do-yeon|Moon Geun-young|Kim Hee-ae|Ko Hyun-jung|Yum Jung-ah|Song Kang-ho|Lee Byung-hun
Song Joong-ki|Song Hye-kyo|Jung Ho-yeon|Lee Jung-jae|Park Hae-soo|Wi Ha-joon|Bae Doona|Ma Dong-seok
Choi Min-sik|Kim Go-eun|Jun Jong-seo|Han Hyo-joo|Kim Hye-soo|Ha Jung-woo|Hwang Jung-min|Jo In-sung
Lee Seung-chul|Cho Yong-pil|Shin Hae-chul|Yoon Jong-shin|Lim Young-woong|Song Ga-in
Kim Ho-joong|Baek Ji-young|Kim Nam-joon|Kim Seok-jin|Min Yoon-gi|Jung Ho-seok|Park Ji-min
Kim Tae-hyung|Jeon Jung-kook|Kim Ji-soo|Park Chae-young|Lee Ji-eun|Kwon Ji-yong|Lee Hyo-ri
Jang Won-young|Ahn Yu-jin|Kim Chae-won|Huh Yun-jin|Kim Min-ji|Lee Kun-hee|Lee Byung-chul|Koo In-hwoi
Chey Jong-hyun|Kim Woo-choong|Shin Kyuk-ho|Cho Yang-ho|Park Yong-maan|Seo Kyung-bae
Lee Jae-yong|Park Hyeon-joo|Yang Hyun-suk|Gong Ji-young|Bae Suah
Hwang Sun-mi|Kim Un-su|Jeong You-jeong|Kim Hye-soon|Choi Seung-ja|Ahn Do-hyun
Kim Han-min|Kang Je-gyu|Im Kwon-taek
Lee Joon-ik|Jang Joon-hwan|Kim Yong-hwa|Bong Joon-ho|Park Chan-wook|Hong Sang-soo|Lee Chang-dong
Shin Kyung-sook|Hwang Sok-yong|Kim Young-ha|Cho Nam-joo|Yi Mun-yol|Kim Hoon|Jo Kyung-ran
Lim Yun-chan|Yun Isang|Paik Nam-june|Lee Ufan|Kim Whanki|Park Seo-bo
`;

/** Real Chinese athletes, actors, writers, musicians and business people on no list, in pinyin. */
const CHINESE_PEOPLE_L = `
Zhang Jike|Ma Long|Wang Chuqin|Sun Yingsha|Chen Meng|Ding Ning|Liu Guoliang
Kong Linghui|Zhang Yining|Wang Liqin|Li Xiaoxia|Guo Yue|Liu Shiwen|Zhu Yuling|Chen Xingtong
Wang Manyu|Lin Gaoyuan|Ye Shiwen|Zhang Yufei|Pan Zhanle|Qin Haiyang|Xu Jiayu|Li Bingjie
Zou Jingyuan|Li Ning|Guan Chenchen|Zhang Boheng|Cao Yuan|Xie Siyi|Chen Aisen|Shi Tingmao
Wang Zongyuan|Zheng Siwei|Huang Yaqiong|Zhao Yunlei|Cai Yun|Fu Haifeng|Xie Xingfang|Zhang Shuai
Peng Shuai|Wang Qiang|Shang Juncheng|Wu Lei|Sun Jihai|Zheng Zhi|Fan Zhiyi|Gong Lijiao|Liu Shiying
Wang Junxia|Xing Huina|Wu Yibing|Lin Dan|Chen Long|Shi Yuqi|Chen Yufei|Wu Minxia|Quan Hongchan
Chen Yuxi|Su Bingtian|Yi Jianlian|Zhou Qi|Ding Junhui|Zhao Xintong|Ju Wenjun|Fan Bingbing
Zhao Wei|Huang Xiaoming|Zhou Dongyu|Wang Yibo|Xiao Zhan|Yang Mi|Tan Dun|Wang Xing|Zhong Shanshan
Liu Qiangdong|Zhang Ruimin|Wang Shu|Zhai Zhigang|Chen Ning|Jia Zhangke|Lang Ping|Zhang Jindong
Li Shufu|Zeng Yuqun|Cheng Wei|Ding Lei|Li Bin|He Xiaopeng
Wang Anyi|Chen Kaige|Bi Gan|Diao Yinan|Ge You
Huang Bo|Shen Teng|Wu Jing|Deng Chao|Sun Li|Wang Fei|Na Ying|Han Hong|Tan Weiwei|Hua Chenyu|Li Yuchun
`;

/** Real Iranian and Afghan people on no list: Persian script = their own Latin spelling. */
const PERSIAN_PEOPLE = `
اصغر فرهادی=Asghar Farhadi|عباس کیارستمی=Abbas Kiarostami|مریم میرزاخانی=Maryam Mirzakhani
علی دایی=Ali Daei|شهرام ناظری=Shahram Nazeri|گلشیفته فراهانی=Golshifteh Farahani
محمدرضا شجریان=Mohammad-Reza Shajarian|کیانوش رستمی=Kianoush Rostami|حسن یزدانی=Hassan Yazdani
مهدی طارمی=Mehdi Taremi|سردار آزمون=Sardar Azmoun|جعفر پناهی=Jafar Panahi|شیرین عبادی=Shirin Ebadi
نرگس محمدی=Narges Mohammadi|کیمیا علیزاده=Kimia Alizadeh|هادی ساعی=Hadi Saei|ترانه علیدوستی=Taraneh Alidoosti
لیلا حاتمی=Leila Hatami|شهاب حسینی=Shahab Hosseini|کیهان کلهر=Kayhan Kalhor|سیمین دانشور=Simin Daneshvar
علیرضا فیروزجا=Alireza Firouzja|محمد نبی=Mohammad Nabi|راشد خان=Rashid Khan|خالد حسینی=Khaled Hosseini
آریانا سعید=Aryana Sayeed|فرهاد دریا=Farhad Darya|روح‌الله نیکپا=Rohullah Nikpai
`;

/** Real Pakistani people on no list: Urdu script = their own Latin spelling. */
const URDU_PEOPLE = `
بابر اعظم=Babar Azam|شاہد آفریدی=Shahid Afridi|وسیم اکرم=Wasim Akram|نصرت فتح علی خان=Nusrat Fateh Ali Khan
عاطف اسلم=Atif Aslam|ملالہ یوسفزئی=Malala Yousafzai|عبدالستار ایدھی=Abdul Sattar Edhi|ارفع کریم=Arfa Karim
جہانگیر خان=Jahangir Khan|ارشد ندیم=Arshad Nadeem|فیض احمد فیض=Faiz Ahmad Faiz|مہوش حیات=Mehwish Hayat
فواد خان=Fawad Khan|ماہرہ خان=Mahira Khan|علی ظفر=Ali Zafar|شعیب اختر=Shoaib Akhtar
جاوید میانداد=Javed Miandad|سرفراز احمد=Sarfraz Ahmed|عابدہ پروین=Abida Parveen|شرمین عبید چنائے=Sharmeen Obaid-Chinoy
`;

/** Real Ukrainian people on no list: Cyrillic = their own Latin spelling. */
const UKRAINIAN_PEOPLE = `
Андрій Шевченко=Andriy Shevchenko|Віталій Кличко=Vitali Klitschko|Володимир Кличко=Wladimir Klitschko
Олександр Усик=Oleksandr Usyk|Еліна Світоліна=Elina Svitolina|Сергій Бубка=Sergey Bubka
Ярослава Магучіх=Yaroslava Mahuchikh|Олег Блохін=Oleh Blokhin|Святослав Вакарчук=Sviatoslav Vakarchuk
Руслана Лижичко=Ruslana Lyzhychko|Ольга Харлан=Olga Kharlan|Лілія Подкопаєва=Lilia Podkopayeva
Яна Клочкова=Yana Klochkova|Андрій Ярмоленко=Andriy Yarmolenko|Олександр Зінченко=Oleksandr Zinchenko
Михайло Мудрик=Mykhailo Mudryk|Ліна Костенко=Lina Kostenko|Сергій Жадан=Serhiy Zhadan
Оксана Забужко=Oksana Zabuzhko|Андрій Курков=Andrey Kurkov|Василь Ломаченко=Vasyl Lomachenko
Ганна Різатдінова=Ganna Rizatdinova|Мілла Йовович=Milla Jovovich|Дарія Білодід=Daria Bilodid
Ярослава Бурлачук=Yaroslava Burlachuk|Олександр Довженко=Oleksandr Dovzhenko
`;

/** Real Indonesian, Kenyan and Tanzanian people on no list. */
const OTHER_PEOPLE_L = `
Taufik Hidayat|Rudy Hartono|Liliyana Natsir|Agnez Mo|Pramoedya Ananta Toer|Raisa Andriana|Iko Uwais
Greysia Polii|Apriyani Rahayu|Anthony Sinisuka Ginting|Jonatan Christie|Eko Yuli Irawan|Najwa Shihab
Dian Sastrowardoyo|Reza Rahadian|Chairul Tanjung|Nadiem Makarim|Susi Pudjiastuti|Andrea Hirata
Eliud Kipchoge|Faith Kipyegon|David Rudisha|Wangari Maathai|Ngugi wa Thiong'o|Lupita Nyong'o
Mary Keitany|Brigid Kosgei|Paul Tergat|Catherine Ndereba|Vivian Cheruiyot|Julius Yego|Ferdinand Omanyala
Filbert Bayi|Alphonce Simbu|Abdulrazak Gurnah|Mbwana Samatta|Naseeb Abdul|Shaaban Robert|Mbaraka Mwinshehe
`;

/** Real banks, shipping lines, companies and public bodies, "=" an English name where the script is not Latin. */
const BODIES_L = `
Bank Rakyat Indonesia|Bank Central Asia|Bank Tabungan Negara|Bank Syariah Indonesia|Bank Jago
Bank Danamon Indonesia|Bank CIMB Niaga|Bank Permata|PT Samudera Indonesia Tbk|PT Temas Tbk
PT Meratus Line|PT Djakarta Lloyd (Persero)|PT ASDP Indonesia Ferry|PT Perusahaan Gas Negara Tbk
PT Pelabuhan Indonesia (Persero)|PT Dirgantara Indonesia|PT PAL Indonesia|PT Krakatau Steel
PT Garuda Indonesia|PT Kereta Api Indonesia (Persero)|PT Angkasa Pura II|PT Bukit Asam Tbk
PT Semen Indonesia|PT Telkom Indonesia|PT Astra International Tbk|PT Pupuk Indonesia
Kementerian Perdagangan|Kementerian Perindustrian|Kementerian Perhubungan|Kementerian Keuangan Republik Indonesia
Badan Riset dan Inovasi Nasional|Badan Pusat Statistik|PT Industri Kereta Api|PT Perusahaan Perdagangan Indonesia
Benki Kuu ya Tanzania|Benki ya NMB|Benki ya CRDB|National Bank of Commerce|Kenya Commercial Bank
Equity Bank Kenya|Central Bank of Kenya|Kenya Ports Authority|Mamlaka ya Bandari Tanzania
Wizara ya Mambo ya Nje na Ushirikiano wa Afrika Mashariki|Wizara ya Fedha na Mipango|Shirika la Reli Tanzania
Kenya National Shipping Line|Kenya Airways|Air Tanzania Company Limited|Mamlaka ya Mapato Tanzania
Kenya Revenue Authority|Marine Services Company Limited|Shirika la Umeme Tanzania|Kenya Power and Lighting Company
State Bank of Pakistan|National Bank of Pakistan|Habib Bank Limited|United Bank Limited|MCB Bank Limited
Allied Bank Limited|Pakistan National Shipping Corporation|Pakistan International Airlines|Karachi Port Trust
Port Qasim Authority|Oil and Gas Development Company Limited|Pakistan State Oil|Federal Board of Revenue
اسٹیٹ بینک آف پاکستان=State Bank of Pakistan|نیشنل بینک آف پاکستان=National Bank of Pakistan
پاکستان انٹرنیشنل ایئرلائنز=Pakistan International Airlines|بانک مرکزی افغانستان=Da Afghanistan Bank
Національний банк України=National Bank of Ukraine|Ощадбанк=Oschadbank|ПриватБанк=PrivatBank
Укрексімбанк=Ukreximbank|Укргазбанк=Ukrgasbank|Укрзалізниця=Ukrzaliznytsia
Адміністрація морських портів України=Ukrainian Sea Ports Authority
Міністерство закордонних справ України=Ministry of Foreign Affairs of Ukraine
Державна митна служба України=State Customs Service of Ukraine|Нафтогаз України=Naftogaz of Ukraine
Укроборонпром=Ukroboronprom|Антонов=Antonov Company|Українське Дунайське пароплавство=Ukrainian Danube Shipping Company
Державна податкова служба України=State Tax Service of Ukraine|Міністерство економіки України=Ministry of Economy of Ukraine
Latvijas Banka|Citadele banka|Latvijas Gāze|Latvijas dzelzceļš|Rīgas brīvosta|Ventspils brīvosta
Latvijas Kuģniecība|Ārlietu ministrija|Ekonomikas ministrija|Finanšu ministrija|Valsts ieņēmumu dienests
Latvenergo|Finanšu izlūkošanas dienests|Rīgas Kuģu būvētava|Latvijas Jūras administrācija
`;

/** Real merchant and passenger vessels on no list whose names are common words. */
const VESSELS_L = `
OCEAN VICTORY|TASMAN SPIRIT|PACIFIC ADVENTURER|SEA DIAMOND|NORMAN ATLANTIC|EXPRESS SAMINA|SEWOL
HERALD OF FREE ENTERPRISE|SCANDINAVIAN STAR|STAR CLIPPER|ROYAL CLIPPER|WIND STAR|GRANDE AMERICA
FELICITY ACE|ATLANTIC CONVEYOR|MORNING MIDAS|GOLDEN HORIZON|PRIDE OF BILBAO|PRIDE OF BURGUNDY
STAR PISCES|SUPERSTAR VIRGO|GENTING DREAM|WORLD DREAM|OCEAN ENDEAVOUR|SILVER MUSE|SPIRIT OF TASMANIA
STELLAR DAISY|STELLAR BANNER|NEW DIAMOND|SEA STAR|ATLANTIC EMPRESS|AEGEAN SEA
NEW FLAME|SOLAR 1|DONA PAZ|LE JOOLA|OCEANOS|ACHILLE LAURO
COSTA ALLEGRA|SUPERFERRY 14|ESTONIA|MARINE ELECTRIC|EDMUND FITZGERALD
DERBYSHIRE|ARCTIC SEA|KOKUKA COURAGEOUS
`;

const CYRILLIC_LETTERS: Record<string, string> = Object.fromEntries(
  pairs(
    "а a б b в v г g ґ g д d е e є ye ж zh з z и i і i ї yi й y к k л l м m н n о o п p р r с s " +
      "т t у u ф f х kh ц ts ч ch ш sh щ shch ь _ ю yu я ya ё yo ъ _ ы y э e",
  ),
);
/** The Latin readings a form gets in the filter: as written, marks folded, script letters read back. */
function readingsOf(form: string): string[] {
  const out = [form, foldMarks(form)];
  if (/\p{Script=Cyrillic}/u.test(form)) {
    out.push(kmuLatin(form));
    out.push(
      [...form.toLowerCase()].map((c) => (CYRILLIC_LETTERS[c] ?? c).replace("_", "")).join(""),
    );
  }
  if (/\p{Script=Arabic}/u.test(form)) out.push(arabicScriptBack(form));
  return out;
}

/** Listed names (every name and alias of both lists) by word, and their letters run together. */
class ListedNames {
  private readonly byWord = new Map<string, Set<string>[]>();
  private readonly runs = new Set<string>();
  constructor(entities: readonly ListEntity[]) {
    for (const e of entities)
      for (const { name } of e.names) {
        const words = tokenize(name);
        for (const set of [new Set(words), new Set(splitOrgName(name).core)])
          for (const w of set) {
            const sets = this.byWord.get(w);
            if (sets) sets.push(set);
            else this.byWord.set(w, [set]);
          }
        for (const run of letterRuns(words)) this.runs.add(run);
      }
  }
  /** Whether a text's words are a listed name's, or one set inside the other with two words or more in the smaller. */
  has(text: string): boolean {
    const words = tokenize(text.normalize("NFKC"));
    for (const mine of [new Set(words), new Set(splitOrgName(text).core)]) {
      const seen = new Set<Set<string>>();
      for (const w of mine)
        for (const listed of this.byWord.get(w) ?? []) {
          if (seen.has(listed)) continue;
          seen.add(listed);
          const mineInListed = [...mine].every((x) => listed.has(x));
          const listedInMine = [...listed].every((x) => mine.has(x));
          if (mineInListed && listedInMine) return true;
          if (mineInListed && mine.size >= 2) return true;
          if (listedInMine && listed.size >= 2) return true;
        }
    }
    return letterRuns(words).some((run) => this.runs.has(run));
  }
}

/** A name's letters run together: in order, the first word moved to the end, the last to the front. */
function letterRuns(words: string[]): string[] {
  if (!words.length) return [];
  return [
    words.join(""),
    [...words.slice(1), words[0]].join(""),
    [words.at(-1), ...words.slice(0, -1)].join(""),
  ];
}

/** Hangul readings a romanized Korean name can stand for at a common spelling. */
function hangulOf(name: string): string[] {
  const out: string[] = [];
  for (const p of parseName({ full: name }).slice(0, 2))
    for (const family of p.familyCandidates.filter((c) => c.variance < 1).slice(0, 3))
      for (const given of p.givenParses.slice(0, 2)) {
        let combos = [""];
        for (const slot of given)
          combos = combos
            .flatMap((c) =>
              slot.candidates
                .filter((x) => x.variance < 1)
                .slice(0, 3)
                .map((x) => c + x.syllable),
            )
            .slice(0, 60);
        for (const g of combos) out.push(family.syllable + g);
      }
  return out;
}

/**
 * A person's document form for the negatives: a bill of lading box. No court line names a real
 * person on no list.
 */
function personDocumentL(name: string, r: Rand): string[] {
  return r() < 0.45 ? [ladingBox(name, undefined, r, OTHER_BL_CITIES)] : [];
}

/** The city of a body's own country, for its bill of lading box. */
const HOME_CITIES: [RegExp, string][] = [
  [/Tanzania|National Bank of Commerce|Benki|Wizara|Mamlaka|Shirika/, "DAR ES SALAAM, TANZANIA"],
  [/Kenya|Marine Services/, "MOMBASA, KENYA"],
  [/Afghanistan/, "KABUL, AFGHANISTAN"],
  [
    /Pakistan|Habib|United Bank|MCB|Allied|Karachi|Qasim|Oil and Gas|Federal Board/,
    "KARACHI, PAKISTAN",
  ],
  [/Ukrain|Oschadbank|PrivatBank|Ukr|Naftogaz|Antonov/, "ODESA, UKRAINE"],
  [/Latvij|Rīgas|Ventspils|ministrija|dienests|Latvenergo|Citadele/, "RIGA, LATVIA"],
  [/\bPT\b|Indonesia|Kementerian|Badan|Bank /, "JAKARTA, INDONESIA"],
];
const homeCity = (name: string) => HOME_CITIES.find(([re]) => re.test(name))?.[1];

/**
 * A body's document form for the negatives: a registry extract for a company, else a bill of
 * lading box. No court line names a real company on no list.
 */
function bodyDocumentL(name: string, r: Rand): string {
  const company = /\b(?:PT|Tbk|Ltd|Limited|Company|Corporation|Bank|Line|Airways|Airlines)\b/i;
  return company.test(name) && r() < 0.45
    ? registryExtract(name, r)
    : ladingBox(name, homeCity(name), r, OTHER_BL_CITIES);
}

/** Latin letters with marks (Latvian): the ones HTML references and double encoding change. */
const markedLatin = (s: string) => /[^ -~]/.test(s) && /^[\p{Script=Latin}\s\p{P}\d]+$/u.test(s);

/**
 * Real people, companies, public bodies and vessels on no list, in the forms of this family; a
 * name is dropped, with all its forms, when one of them reads as a listed name (see the header).
 */
export function realNegativesL(
  entities: readonly ListEntity[],
  listedHangul: ReadonlySet<string>,
  seed = 12_347,
): Negative[] {
  const listed = new ListedNames(entities);
  const r = xorshift(seed);
  const kept = new Map<string, Negative>();
  const add = (
    forms: (string | undefined)[],
    kind: string,
    type: Negative["type"],
    korean = false,
  ) => {
    const all = forms.filter((f): f is string => !!f);
    if (all.flatMap(readingsOf).some((f) => listed.has(f))) return;
    if (korean && hangulOf(all[0]!).some((h) => listedHangul.has(h))) return;
    for (const name of all) if (!kept.has(name)) kept.set(name, { name, kind, type });
  };
  const person = (name: string) => [
    name,
    ...scriptFormsL(name, r).map(([, f]) => f),
    ...personDocumentL(name, r),
  ];
  for (const name of rows(KOREAN_PEOPLE_L))
    add(person(name), "real Korean person (L)", "person", true);
  for (const name of rows(CHINESE_PEOPLE_L))
    add(person(name), "real Chinese person (L)", "person", true);
  for (const row of rows(PERSIAN_PEOPLE)) {
    const [script = "", latin = ""] = row.split("=");
    add(
      [script, latin, r() < 0.2 ? htmlDecimal(script) : undefined, ...personDocumentL(latin, r)],
      "real Iranian or Afghan person (L)",
      "person",
    );
  }
  for (const row of rows(URDU_PEOPLE)) {
    const [script = "", latin = ""] = row.split("=");
    add(
      [script, latin, r() < 0.2 ? htmlDecimal(script) : undefined, ...personDocumentL(latin, r)],
      "real Pakistani person (L)",
      "person",
    );
  }
  for (const row of rows(UKRAINIAN_PEOPLE)) {
    const [script = "", latin = ""] = row.split("=");
    const x = r();
    const extra =
      x < 0.5 ? kmuLatin(script) : x < 0.75 ? utf8AsCp1251(script) : cp1251AsKoi8(script);
    add([script, latin, extra], "real Ukrainian person (L)", "person");
  }
  for (const name of rows(OTHER_PEOPLE_L))
    add(
      [name, ...personDocumentL(name, r)],
      "real Indonesian, Kenyan or Tanzanian person (L)",
      "person",
    );
  for (const row of rows(BODIES_L)) {
    const [native = "", english] = row.split("=");
    const name = english ?? native;
    const cyrillic = /\p{Script=Cyrillic}/u.test(native);
    add(
      [
        native,
        english,
        cyrillic && r() < 0.4 ? utf8AsCp1251(native) : undefined,
        markedLatin(native) && r() < 0.4
          ? r() < 0.5
            ? htmlDecimal(native)
            : doubleLatin1(native)
          : undefined,
        /[&']/.test(name) ? htmlEscaped(name, r) : undefined,
        bodyDocumentL(name, r),
      ],
      "real bank, company or public body of another state (L)",
      "org",
    );
  }
  for (const vessel of rows(VESSELS_L))
    add(
      [
        vessel,
        aisLine(vessel, undefined, r, OTHER_MIDS),
        r() < 0.5 ? vesselInPress(vessel, r)?.[1] : undefined,
      ],
      "real vessel with a common-word name (L)",
      "org",
    );
  return [...kept.values()];
}
