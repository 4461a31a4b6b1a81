/**
 * A tenth held-out family for the screening evaluation, sharing no generator with
 * bench/screening-queries.ts (tune) or the families A–I:
 *  - any person as the Serbian, Croatian and Slovene press respell a foreign name in Gaj's Latin
 *    letters (j → dž, ch → č, sh → š, y before a vowel → j, w → v, ae → e; Kim Džong-un in the
 *    Slovene answer https://svetovalnica.zrc-sazu.si/topic/4451/sklanjanje-imena-kim-džong-un,
 *    Ri Yong Ho → Ri Jong Ho), with the marks or with them lost as ASCII systems keep them (Kim
 *    Dzong Un, the Polish press's spelling too: https://pl.wikipedia.org/wiki/Kim_Dzong_Un), and
 *    that Latin in Serbian Cyrillic, letter for letter as the two Serbian alphabets correspond
 *    (https://en.wikipedia.org/wiki/Serbian_Cyrillic_alphabet; Ким Џонг Ун, as
 *    https://sr.wikipedia.org/wiki/Ким_Џонг_Ун titles him), in title case or in capitals;
 *  - any person as the Arabic press writes a foreign name from its Latin letters (كيم جونغ أون, كيم
 *    إل سونغ as https://ar.wikipedia.org/wiki/كيم_جونغ_أون and
 *    https://ar.wikipedia.org/wiki/كيم_إل_سونغ write them: the vowels a, i, o and u as the long
 *    vowel letters ا ي و, ng as نغ, ch as تش, a word's first vowel on an alif with hamza), and that
 *    Arabic read back into Latin letters by the ALA-LC table
 *    (https://www.loc.gov/catdir/cpso/romanization/arabic.pdf: و and ي as ū and ī after a
 *    consonant, w and y before a vowel; no short vowel restored; Kīm Jūngh Ūn), with its marks or
 *    without;
 *  - any person as the Hebrew press writes a foreign name from its Latin letters (קים ג'ונג און,
 *    קים איל סונג as https://he.wikipedia.org/wiki/קים_ג'ונג_און and
 *    https://he.wikipedia.org/wiki/קים_איל_סונג write them: j as ג', ch as צ', a as א, i as י, o
 *    and u as ו, e left out inside a word, an opening vowel on א, the final letter forms ם ן ף ץ);
 *  - a name as a commercial invoice heads it ("COMMERCIAL INVOICE No. …", "SOLD TO:", an
 *    organisation after "Messrs."; https://en.wikipedia.org/wiki/Commercial_invoice,
 *    https://en.wikipedia.org/wiki/Messrs.), and as a customs declaration's trader box gives it:
 *    the European Single Administrative Document's box 2 or 8
 *    (https://en.wikipedia.org/wiki/Single_Administrative_Document), the Chinese declaration's
 *    overseas consignor or consignee (境外发货人, 境外收货人), the Eurasian declaration's box 2
 *    or 8 (Отправитель/Экспортер, Получатель);
 *  - vessels as a charter party's preamble names them ("Owners of the good Motorship called …",
 *    the NYPE form's opening; https://en.wikipedia.org/wiki/Charterparty) and as a shipbroker's
 *    position list does (name, flag, year built, deadweight, open port and dates;
 *    https://en.wikipedia.org/wiki/Shipbroking);
 *  - organisations translated into Danish, Finnish or Croatian, three more of the 24 languages
 *    the EU Official Journal publishes its sanctions annexes in
 *    (https://eur-lex.europa.eu/eli/reg/2017/1509/oj, each language version): Danish gluing noun
 *    modifiers into the head (Tanchon handelsbank), complements after "for" (Ministeriet for
 *    atomenergiindustri); Finnish gluing them too, with complements before the head in the
 *    genitive (Korean demokraattisen kansantasavallan ulkomaankauppapankki); Croatian adjectives
 *    before the head agreeing with it in gender and case, noun modifiers and complements after it
 *    in the genitive (Ministarstvo industrije atomske energije); the Workers' Party, the Korean
 *    People's Army and the state by the names those languages' Wikipedias give them; untranslatable
 *    words and the legal form kept as listed;
 *  - negatives: real people, companies, public bodies and vessels on no list, other than A–I's:
 *    South Korean people (some with names close to listed ones), Chinese, Japanese and Mongolian
 *    people, Serbian, Croatian, Danish, Finnish and Arab people, in the person forms above; Danish,
 *    Finnish, Croatian, Serbian, Slovene and Bulgarian banks, companies and public bodies and
 *    Arab ones in Arabic script, bare or in the document forms above; merchant vessels in the
 *    vessel forms. A negative is dropped when any of its forms — as written, with marks folded,
 *    Cyrillic read back into Latin, Arabic read back, Hebrew read back letter by letter — reads as a listed name by the rule of
 *    bench/screening-heldout-h.ts (words of every name and alias of both lists, one inside the
 *    other; letters run together), or when a Hangul reading of it is a listed name's.
 * Seeded: the same lists give the same queries.
 */

import type { ListEntity } from "../src/core/screening/index.js";
import { type Negative, standardReadings, variantQueries } from "./screening-heldout.js";
import { ListedNames } from "./screening-heldout-h.js";
import { type EvalQuery, pick, prng } from "./screening-queries.js";

const cap = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1) : w);
const titleWord = (w: string) => cap(w.toLowerCase());
const num = (n: number, rand: () => number) =>
  Array.from({ length: n }, () => Math.floor(rand() * 10)).join("");
/** Marks folded: the letters an ASCII-only system keeps. */
export const folded = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/ø/g, "o")
    .replace(/Ø/g, "O")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .normalize("NFC");

/** A table written as "from to from to …", its entries in the order written. */
const pairs = (text: string): [string, string][] =>
  (text.match(/\S+ \S+/g) ?? []).map((pair) => pair.split(" ") as [string, string]);

// ---- South Slavic press respelling, and Serbian Cyrillic --------------------------------------------

/** English-letter spellings to Gaj's Latin, longest first. */
const TO_GAJ = pairs(
  "tch č sch š ch č sh š zh ž kh h gh g ph f th t ck k ts c ae e oo u ee i j dž w v " + "q k x ks",
);

/** One word respelt in Gaj's Latin, lower case. */
function gajWord(word: string): string {
  const w = folded(word).toLowerCase().replace(/['’ʼ]/g, "");
  let out = "";
  for (let i = 0; i < w.length; ) {
    // A final -iy (Vasiliy, Yuriy) is -ij.
    if (w[i] === "y" && i === w.length - 1 && w[i - 1] === "i") {
      out += "j";
      i++;
      continue;
    }
    if (w[i] === "y") {
      // y before a vowel is the glide j, otherwise the vowel i.
      out += /[aeiou]/.test(w[i + 1] ?? "") ? "j" : "i";
      i++;
      continue;
    }
    if (w[i] === "c" && !w.startsWith("ch", i) && !w.startsWith("ck", i)) {
      out += /[eiy]/.test(w[i + 1] ?? "") ? "c" : "k";
      i++;
      continue;
    }
    const rule = TO_GAJ.find(([from]) => w.startsWith(from, i));
    out += rule ? rule[1] : w[i];
    i += rule ? rule[0].length : 1;
  }
  return out;
}

/** A Latin name as the South Slavic press respells it, each word capitalised as in the name (capitals kept). */
export function southSlavic(name: string): string | undefined {
  if (!/[A-Za-z]/.test(name)) return undefined;
  const upper = name === name.toUpperCase();
  return name
    .split(/([\s,-]+)/)
    .map((part, i) => {
      if (i % 2 === 1 || !part) return part;
      const g = gajWord(part);
      return upper ? g.toUpperCase() : cap(g);
    })
    .join("");
}

/** Gaj's Latin to Serbian Cyrillic: the digraphs dž, lj, nj first. */
const GAJ_TO_CYRILLIC = pairs(
  "dž џ lj љ nj њ a а b б c ц č ч ć ћ d д đ ђ e е f ф g г h х i и j ј k к l л m м n н " +
    "o о p п r р s с š ш t т u у v в z з ž ж",
);

export function serbianCyrillic(gaj: string): string {
  let out = "";
  const lower = gaj.toLowerCase();
  for (let i = 0; i < lower.length; ) {
    const rule = GAJ_TO_CYRILLIC.find(([l]) => lower.startsWith(l, i));
    const upper = gaj[i] !== lower[i];
    const c = rule ? rule[1] : lower[i]!;
    out += upper ? c.toUpperCase() : c;
    i += rule ? rule[0].length : 1;
  }
  return out;
}

/** Serbian Cyrillic read back into Gaj's Latin (for the negatives' filter). */
function cyrillicToGaj(s: string): string {
  return [...s]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const rule = GAJ_TO_CYRILLIC.find(([, c]) => c === lower);
      if (!rule) return ch;
      return ch === lower ? rule[0] : cap(rule[0]);
    })
    .join("");
}

function southSlavicForms(name: string, rand: () => number): [string, string][] {
  const gaj = southSlavic(name);
  if (!gaj) return [];
  const out: [string, string][] = [];
  const ascii = folded(gaj);
  if (ascii !== gaj && rand() < 0.45) out.push(["South Slavic press form, marks lost", ascii]);
  else out.push(["South Slavic press form", gaj]);
  if (rand() < 0.5) {
    const cyr = serbianCyrillic(gaj);
    out.push(
      rand() < 0.3
        ? ["Serbian Cyrillic capitals", cyr.toUpperCase()]
        : [
            "Serbian Cyrillic",
            cyr.replace(/(^|[\s-])(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase()),
          ],
    );
  }
  return out;
}

// ---- Arabic press form, and back by ALA-LC ---------------------------------------------------------

/** Latin consonant spellings to Arabic letters, longest first (foreign names as the Arabic press writes them). */
const CONSONANTS_AR = pairs(
  "tch تش sch ش ng نغ ch تش sh ش kh خ gh غ th ث ph ف zh ج ts تس ck ك b ب c ك d د " +
    "f ف g غ h ه j ج k ك l ل m م n ن p ب q ك r ر s س t ت v ف w و x كس y ي z ز",
);
const VOWEL_LETTER: Record<string, string> = { a: "ا", e: "ي", i: "ي", o: "و", u: "و" };

/** One Latin word in Arabic letters: vowels as long-vowel letters, a run of vowels as one or two, a doubled consonant once. */
function arabicWord(word: string): string {
  const w = folded(word)
    .toLowerCase()
    .replace(/['’ʼ]/g, "")
    .replace(/([bcdfgklmnprstvz])\1/g, "$1");
  let out = "";
  for (let i = 0; i < w.length; ) {
    const vowels = /^[aeiou]+/.exec(w.slice(i))?.[0];
    if (vowels) {
      // A run of vowels: its first and last as letters, the same letter once (ou, eu → و).
      const letters = [...new Set([vowels[0]!, vowels.at(-1)!].map((v) => VOWEL_LETTER[v]!))];
      if (i === 0) {
        const first = /[ie]/.test(vowels[0]!) ? "إ" : "أ";
        // Il → إل, Un → أون, An → أن: the alif carries a and i, o and u take و after it.
        out += first + (/[ouy]/.test(vowels[0]!) ? "و" : "") + letters.slice(1).join("");
      } else out += letters.join("");
      i += vowels.length;
      continue;
    }
    const rule = CONSONANTS_AR.find(([lat]) => w.startsWith(lat, i));
    out += rule ? rule[1] : "";
    i += rule ? rule[0].length : 1;
  }
  return out;
}

/** A Latin name in Arabic letters, words in the same order, hyphens and commas as spaces. */
export function arabicOf(name: string): string | undefined {
  if (!/[A-Za-z]/.test(name)) return undefined;
  const words = name.split(/[\s,-]+/).filter((w) => /[A-Za-z]/.test(w));
  return words.map(arabicWord).join(" ");
}

/** ALA-LC letters for Arabic consonants, with and without marks. */
const ALA_LC: Record<string, string> = {
  ب: "b",
  ت: "t",
  ث: "th",
  ج: "j",
  ح: "ḥ",
  خ: "kh",
  د: "d",
  ذ: "dh",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "sh",
  ص: "ṣ",
  ض: "ḍ",
  ط: "ṭ",
  ظ: "ẓ",
  ع: "ʻ",
  غ: "gh",
  ف: "f",
  ق: "q",
  ك: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  ة: "h",
  ء: "ʼ",
  ؤ: "ʼ",
  ئ: "ʼ",
  ى: "á",
};

const LONG_VOWELS = new Set(["ا", "و", "ي"]);

/** Arabic letters read back by ALA-LC without vowel signs: و / ي as consonants (w, y) or long vowels (ū, ī) by their neighbours. */
export function alaLc(arabic: string): string {
  return arabic
    .split(/(\s+)/)
    .map((whole) => {
      if (/^\s*$/.test(whole)) return whole;
      // The article al- is written apart from its noun, the noun capitalised.
      const article = /^ال(?=.)/.test(whole);
      const word = article ? whole.slice(2) : whole;
      const ch = [...word];
      let out = "";
      ch.forEach((c, i) => {
        const prev = ch[i - 1];
        // و and ي are consonants at a word's start, after alif, or before a vowel letter after a consonant.
        const consonantal =
          i === 0 ||
          prev === "ا" ||
          (LONG_VOWELS.has(ch[i + 1] ?? "") && !LONG_VOWELS.has(prev ?? "") && prev !== "أ");
        if (c === "أ") out += ch[i + 1] === "و" ? "" : "a";
        else if (c === "إ") out += "i";
        else if (c === "ا" || c === "آ") out += i === 0 ? "a" : "ā";
        else if (c === "و") out += consonantal ? "w" : "ū";
        else if (c === "ي") out += consonantal ? "y" : "ī";
        else out += ALA_LC[c] ?? c;
      });
      return `${article ? "al-" : ""}${cap(out)}`;
    })
    .join("");
}

function arabicForms(name: string, rand: () => number): [string, string][] {
  const ar = arabicOf(name);
  if (!ar) return [];
  const out: [string, string][] = [];
  if (rand() < 0.4) out.push(["Arabic press form", ar]);
  const back = alaLc(ar);
  out.push(
    rand() < 0.5
      ? ["Arabic read back by ALA-LC", back]
      : ["Arabic read back by ALA-LC, marks lost", folded(back).replace(/[ʻʼ]/g, "")],
  );
  return out;
}

// ---- Hebrew press form ---------------------------------------------------------------------------------

/** Latin consonant spellings to Hebrew letters, longest first (foreign names as the Hebrew press writes them). */
const CONSONANTS_HE = pairs(
  "tch צ' sch ש ng נג ch צ' sh ש zh ז' kh ח gh ג th ת' ph פ ts צ ck ק j ג' x קס " +
    "b ב c ק d ד f פ g ג h ה k ק l ל m מ n נ p פ q ק r ר s ס t ט v ו w ו y י z ז",
);
const VOWEL_HE: Record<string, string> = { a: "א", e: "", i: "י", o: "ו", u: "ו" };
const FINAL_HE: Record<string, string> = { מ: "ם", נ: "ן", פ: "ף", צ: "ץ" };

/** One Latin word in Hebrew letters: a as א, i as י, o and u as ו, e left out inside a word; final forms at the end. */
function hebrewWord(word: string): string {
  const w = folded(word)
    .toLowerCase()
    .replace(/['’ʼ]/g, "")
    .replace(/ee/g, "i")
    .replace(/oo/g, "u")
    .replace(/([bcdfgklmnprstvz])\1/g, "$1");
  let out = "";
  for (let i = 0; i < w.length; ) {
    const vowels = /^[aeiou]+/.exec(w.slice(i))?.[0];
    if (vowels) {
      const end = i + vowels.length === w.length;
      const letters = [...new Set([vowels[0]!, vowels.at(-1)!])].map((v, k, all) =>
        // A word's last vowel a or e is ה (Hae → האה); an opening vowel sits on א (Un → און, Il → איל).
        end && k === all.length - 1 && /[ae]/.test(v) && (i > 0 || k > 0) ? "ה" : VOWEL_HE[v]!,
      );
      // a is א itself; another opening vowel takes an א before its letter.
      out += (i === 0 && vowels[0] !== "a" ? "א" : "") + [...new Set(letters)].join("");
      i += vowels.length;
      continue;
    }
    const rule = CONSONANTS_HE.find(([lat]) => w.startsWith(lat, i));
    out += rule ? rule[1] : "";
    i += rule ? rule[0].length : 1;
  }
  const last = out.at(-1) ?? "";
  return FINAL_HE[last] ? out.slice(0, -1) + FINAL_HE[last] : out;
}

/** A Latin name in Hebrew letters, words in the same order, hyphens and commas as spaces. */
export function hebrewOf(name: string): string | undefined {
  if (!/[A-Za-z]/.test(name)) return undefined;
  return name
    .split(/[\s,-]+/)
    .filter((w) => /[A-Za-z]/.test(w))
    .map(hebrewWord)
    .join(" ");
}

/** Hebrew letters read back letter by letter (for the negatives' filter): ג' as j, צ' as ch, ו as u, י as i. */
const HEBREW_BACK = pairs(
  "ג' j צ' ch ז' zh ת' th א a ב b ג g ד d ה h ו u ז z ח kh ט t י i ק k ל l מ m ם m " +
    "נ n ן n ס s פ p ף p צ ts ץ ts ר r ש sh ת t",
);
function hebrewBack(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; ) {
    const rule = HEBREW_BACK.find(([he]) => s.startsWith(he, i));
    out += rule ? rule[1] : s[i];
    i += rule ? rule[0].length : 1;
  }
  return out;
}

// ---- invoices, customs declarations, charter parties ------------------------------------------------

const MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(" ");
const day = (rand: () => number) => String(1 + Math.floor(rand() * 28)).padStart(2, "0");
const date = (rand: () => number) =>
  `${day(rand)} ${pick(MONTHS, rand)} ${2014 + Math.floor(rand() * 11)}`;
const TRADE_CITIES = [
  "PYONGYANG",
  "NAMPHO",
  "CHONGJIN",
  "RASON",
  "DANDONG",
  "HUNCHUN",
  "NAKHODKA",
  "KHABAROVSK",
  "BANGKOK",
  "KUALA LUMPUR",
];

/** An invoice's head: its number and date, then the buyer ("Messrs." before a firm). */
function invoiceHead(name: string, firm: boolean, rand: () => number): string {
  const no = `${pick(["INV", "CI", "PI", "EXP"], rand)}-${2014 + Math.floor(rand() * 11)}/${num(4, rand)}`;
  const sep = rand() < 0.5 ? "\n" : " ";
  const r = rand();
  if (r < 0.4)
    return `COMMERCIAL INVOICE No. ${no}${sep}Date: ${date(rand)}${sep}${firm ? "Messrs. " : "SOLD TO: "}${name.toUpperCase()}`;
  if (r < 0.7) return `PROFORMA INVOICE ${no}${sep}To: ${firm ? "Messrs. " : ""}${name}`;
  return `INVOICE ${no} dated ${date(rand)}${sep}SOLD TO: ${name.toUpperCase()}${sep}${pick(TRADE_CITIES, rand)}`;
}

/** A customs declaration's trader box: the SAD's box 2 or 8, the Chinese or the Eurasian declaration's field. */
function customsBox(name: string, rand: () => number): string {
  const consignor = rand() < 0.5;
  const sep = rand() < 0.5 ? "\n" : " ";
  const r = rand();
  if (r < 0.4)
    return consignor
      ? `2 Consignor/Exporter No${sep}${name.toUpperCase()}${sep}${pick(TRADE_CITIES, rand)}`
      : `8 Consignee No ${pick(["", "CN", "RU", "TH"], rand)}${num(9, rand)}${sep}${name.toUpperCase()}`;
  if (r < 0.7) return `${consignor ? "境外发货人" : "境外收货人"}${sep}${name.toUpperCase()}`;
  return `${consignor ? "2 Отправитель/Экспортер" : "8 Получатель"}${sep}${name.toUpperCase()}`;
}

const FLAGS3 = ["PRK", "SLE", "TGO", "PAN", "MNG", "KNA", "BLZ", "CMR"];
const OPEN_PORTS = ["NAMPHO", "CHONGJIN", "SONGRIM", "LONGKOU", "YANTAI", "VOSTOCHNY", "HOLMSK"];

function charterPreamble(name: string, rand: () => number): string {
  const grt = (400 + Math.floor(rand() * 9_600)).toLocaleString("en-US");
  return `Owners of the good ${pick(["Motorship", "Steamship", "Motor Vessel"], rand)} called "${name.toUpperCase()}" of ${grt} tons gross register`;
}

function positionLine(name: string, rand: () => number): string {
  const built = 1975 + Math.floor(rand() * 40);
  const dwt = (800 + Math.floor(rand() * 24_000)).toLocaleString("en-US");
  const from = 1 + Math.floor(rand() * 20);
  return `${name.toUpperCase()} ${pick(FLAGS3, rand)} ${built}BLT ${dwt}DWT OPEN ${pick(OPEN_PORTS, rand)} ${from}/${from + 5} ${pick(MONTHS, rand)}`;
}

function personVariants(name: string, _e: ListEntity, rand: () => number): [string, string][] {
  if (!/[A-Za-z]/.test(name)) return [];
  const out = [...southSlavicForms(name, rand), ...arabicForms(name, rand)];
  const hebrew = hebrewOf(name);
  if (hebrew && rand() < 0.3) out.push(["Hebrew press form", hebrew]);
  const r = rand();
  if (r < 0.18) out.push(["commercial invoice buyer", invoiceHead(name, false, rand)]);
  else if (r < 0.36) out.push(["customs declaration trader box", customsBox(name, rand)]);
  return out;
}

// ---- organisations in Danish, Finnish and Croatian ----------------------------------------------------

const LANGUAGE = { da: "Danish", fi: "Finnish", hr: "Croatian" } as const;
type Lang = keyof typeof LANGUAGE;
const LANGS = Object.keys(LANGUAGE) as Lang[];

/**
 * A listed word's translations. Nouns: da "form/compound stem/gender" (c common, n neuter, p
 * plural), fi "nominative/genitive[/compound stem]", hr "nominative/genitive/gender" (m, f, n,
 * mp, fp, np). Adjectives: a compound prefix ending in "-", or da "common[|neuter|plural]", fi
 * "nominative/genitive[/plural]", hr the stem the endings go on ("=" before a phrase that does
 * not agree). Ordinals are adjectives that make Danish ones take the weak form.
 */
interface Term {
  kind: "n" | "a" | "o";
  da: string;
  fi: string;
  hr: string;
}
const N = (da: string, fi: string, hr: string): Term => ({ kind: "n", da, fi, hr });
const A = (da: string, fi: string, hr: string): Term => ({ kind: "a", da, fi, hr });
const O = (da: string, fi: string, hr: string): Term => ({ kind: "o", da, fi, hr });

const TERMS: Record<string, Term> = {
  BANK: N("bank/bank/c", "pankki/pankin", "banka/banke/f"),
  CORPORATION: N("selskab/selskabs/n", "yhtiö/yhtiön", "korporacija/korporacije/f"),
  COMPANY: N("selskab/selskabs/n", "yhtiö/yhtiön", "društvo/društva/n"),
  GROUP: N("gruppe/gruppe/c", "konserni/konsernin", "grupa/grupe/f"),
  BUREAU: N("bureau/bureau/n", "toimisto/toimiston", "ured/ureda/m"),
  OFFICE: N("kontor/kontor/n", "toimisto/toimiston", "ured/ureda/m"),
  DEPARTMENT: N("afdeling/afdelings/c", "osasto/osaston", "odjel/odjela/m"),
  MINISTRY: N("ministeriet/ministerie/n", "ministeriö/ministeriön", "ministarstvo/ministarstva/n"),
  COMMITTEE: N("udvalg/udvalgs/n", "komitea/komitean", "odbor/odbora/m"),
  COMMISSION: N("kommission/kommissions/c", "komissio/komission", "komisija/komisije/f"),
  ACADEMY: N("akademi/akademi/n", "akatemia/akatemian", "akademija/akademije/f"),
  INSTITUTE: N("institut/instituts/n", "instituutti/instituutin", "institut/instituta/m"),
  CENTER: N("center/center/n", "keskus/keskuksen", "centar/centra/m"),
  ADMINISTRATION: N("administration/administrations/c", "hallinto/hallinnon", "uprava/uprave/f"),
  UNIVERSITY: N("universitet/universitets/n", "yliopisto/yliopiston", "sveučilište/sveučilišta/n"),
  PARTY: N("parti/parti/n", "puolue/puolueen", "stranka/stranke/f"),
  ARMY: N("hær/hær/c", "armeija/armeijan", "vojska/vojske/f"),
  FORCE: N("styrke/styrke/c", "joukot/joukkojen/joukko", "snaga/snage/f"),
  FORCES: N("styrker/styrke/p", "joukot/joukkojen/joukko", "snage/snaga/fp"),
  COMMAND: N("kommando/kommando/c", "komento/komennon", "zapovjedništvo/zapovjedništva/n"),
  INDUSTRY: N("industri/industri/c", "teollisuus/teollisuuden", "industrija/industrije/f"),
  ENERGY: N("energi/energi/c", "energia/energian", "energija/energije/f"),
  TECHNOLOGY: N("teknologi/teknologi/c", "teknologia/teknologian", "tehnologija/tehnologije/f"),
  DEVELOPMENT: N("udvikling/udviklings/c", "kehitys/kehityksen", "razvoj/razvoja/m"),
  TRADE: N("handel/handels/c", "kauppa/kaupan", "trgovina/trgovine/f"),
  MANAGEMENT: N("forvaltning/forvaltnings/c", "hallinto/hallinnon", "upravljanje/upravljanja/n"),
  SECURITY: N("sikkerhed/sikkerheds/c", "turvallisuus/turvallisuuden", "sigurnost/sigurnosti/f"),
  MACHINERY: N("maskiner/maskin/p", "koneet/koneiden/kone", "strojevi/strojeva/mp"),
  MACHINE: N("maskine/maskin/c", "kone/koneen", "stroj/stroja/m"),
  CONSTRUCTION: N("byggeri/bygge/n", "rakennus/rakennuksen", "graditeljstvo/graditeljstva/n"),
  SCIENCE: N("videnskab/videnskabs/c", "tiede/tieteen", "znanost/znanosti/f"),
  SCIENCES: N("videnskaber/videnskabs/p", "tieteet/tieteiden/tiede", "znanosti/znanosti/fp"),
  DEFENSE: N("forsvar/forsvars/n", "puolustus/puolustuksen", "obrana/obrane/f"),
  OIL: N("olie/olie/c", "öljy/öljyn", "nafta/nafte/f"),
  INSURANCE: N("forsikring/forsikrings/c", "vakuutus/vakuutuksen", "osiguranje/osiguranja/n"),
  EQUIPMENT: N("udstyr/udstyrs/n", "laitteet/laitteiden/laite", "oprema/opreme/f"),
  RESOURCES: N("ressourcer/ressource/p", "resurssit/resurssien/resurssi", "resursi/resursa/mp"),
  INVESTMENT: N("investering/investerings/c", "investointi/investoinnin", "ulaganje/ulaganja/n"),
  ELECTRONICS: N(
    "elektronik/elektronik/c",
    "elektroniikka/elektroniikan",
    "elektronika/elektronike/f",
  ),
  RESEARCH: N("forskning/forsknings/c", "tutkimus/tutkimuksen", "istraživanje/istraživanja/n"),
  EXPORT: N("eksport/eksport/c", "vienti/viennin", "izvoz/izvoza/m"),
  IMPORT: N("import/import/c", "tuonti/tuonnin", "uvoz/uvoza/m"),
  RECONNAISSANCE: N(
    "rekognoscering/rekognoscerings/c",
    "tiedustelu/tiedustelun",
    "izvidništvo/izvidništva/n",
  ),
  LAND: N("land/lands/n", "maa/maan", "kopno/kopna/n"),
  TRANSPORTATION: N("transport/transport/c", "kuljetus/kuljetuksen", "prijevoz/prijevoza/m"),
  PROPAGANDA: N("propaganda/propaganda/c", "propaganda/propagandan", "propaganda/propagande/f"),
  AGITATION: N("agitation/agitations/c", "agitaatio/agitaation", "agitacija/agitacije/f"),
  GUIDANCE: N("vejledning/vejlednings/c", "ohjaus/ohjauksen", "vođenje/vođenja/n"),
  STUDIO: N("studie/studie/n", "studio/studion", "studio/studija/m"),
  UNIT: N("enhed/enheds/c", "yksikkö/yksikön", "jedinica/jedinice/f"),
  PLANT: N("fabrik/fabriks/c", "tehdas/tehtaan", "tvornica/tvornice/f"),
  SHIP: N("skib/skibs/n", "alus/aluksen", "brod/broda/m"),
  VENTURE: N("virksomhed/virksomheds/c", "yritys/yrityksen", "poduzeće/poduzeća/n"),
  FINANCE: N("finans/finans/c", "rahoitus/rahoituksen", "financije/financija/fp"),
  CREDIT: N("kredit/kredit/c", "luotto/luoton", "kredit/kredita/m"),
  COOPERATION: N("samarbejde/samarbejds/n", "yhteistyö/yhteistyön", "suradnja/suradnje/f"),
  LOGISTICS: N("logistik/logistik/c", "logistiikka/logistiikan", "logistika/logistike/f"),
  FREIGHT: N("fragt/fragt/c", "rahti/rahdin", "teret/tereta/m"),
  GOVERNMENT: N("regering/regerings/c", "hallitus/hallituksen", "vlada/vlade/f"),
  OPERATION: N("drift/drifts/c", "toiminta/toiminnan", "rad/rada/m"),
  INFORMATION: N("information/informations/c", "tieto/tiedon", "informacija/informacije/f"),
  ZINC: N("zink/zink/c", "sinkki/sinkin", "cink/cinka/m"),
  AUTOMATION: N(
    "automatisering/automatiserings/c",
    "automaatio/automaation",
    "automatizacija/automatizacije/f",
  ),
  ECONOMY: N("økonomi/økonomi/c", "talous/talouden", "gospodarstvo/gospodarstva/n"),
  ORGANIZATION: N(
    "organisation/organisations/c",
    "organisaatio/organisaation",
    "organizacija/organizacije/f",
  ),
  AGENCY: N("styrelse/styrelses/c", "virasto/viraston", "agencija/agencije/f"),
  COMPUTER: N("computer/computer/c", "tietokone/tietokoneen", "računalo/računala/n"),
  EXPLORATION: N(
    "efterforskning/efterforsknings/c",
    "etsintä/etsinnän",
    "istraživanje/istraživanja/n",
  ),
  METAL: N("metal/metal/n", "metalli/metallin", "metal/metala/m"),
  ANIMATION: N("animation/animations/c", "animaatio/animaation", "animacija/animacije/f"),
  AFFAIRS: N("anliggender/anliggende/p", "asiat/asiain/asia", "poslovi/poslova/mp"),
  SURVEILLANCE: N("overvågning/overvågnings/c", "valvonta/valvonnan", "nadzor/nadzora/m"),
  SHIPPING: A("rederi-", "varustamo-", "brodarsk"),
  TRADING: A("handels-", "kauppa-", "trgovačk"),
  COMMERCIAL: A("handels-", "kauppa-", "trgovačk"),
  BANKING: A("bank-", "pankki-", "bankarsk"),
  GENERAL: A("generel|generelt|generelle", "yleinen/yleisen/yleiset", "glavn"),
  INTERNATIONAL: A("international", "kansainvälinen/kansainvälisen/kansainväliset", "međunarodn"),
  NATIONAL: A("national", "kansallinen/kansallisen/kansalliset", "nacionaln"),
  CENTRAL: A("central", "keskus-", "središnj"),
  FOREIGN: A("udenrigs-", "ulkomaan-", "vanjsk"),
  OVERSEAS: A("oversøisk", "ulkomaan-", "prekomorsk"),
  MINING: A("mine-", "kaivos-", "rudarsk"),
  MARITIME: A("maritim", "meri-", "pomorsk"),
  MARINE: A("marine-", "meri-", "pomorsk"),
  INDUSTRIAL: A("industri-", "teollisuus-", "industrijsk"),
  TECHNICAL: A("teknisk", "tekninen/teknisen/tekniset", "tehničk"),
  ECONOMIC: A("økonomisk", "taloudellinen/taloudellisen/taloudelliset", "gospodarsk"),
  MILITARY: A("militær", "sotilas-", "vojn"),
  STRATEGIC: A("strategisk", "strateginen/strategisen/strategiset", "stratešk"),
  ATOMIC: A("atom-", "atomi-", "atomsk"),
  NATURAL: A("natur-", "luonnon-", "prirodn"),
  CHEMICAL: A("kemisk", "kemiallinen/kemiallisen/kemialliset", "kemijsk"),
  UNITED: A("forenet|forenet|forenede", "yhdistynyt/yhdistyneen/yhdistyneet", "ujedinjen"),
  SPACE: A("rum-", "avaruus-", "svemirsk"),
  AEROSPACE: A("luftfarts-", "ilmailu-", "zrakoplovn"),
  STATE: A("stats-", "valtion/valtion/valtion", "državn"),
  "PEOPLE'S": A("folke-", "kansan-", "narodn"),
  ARMED: A("væbnet|væbnet|væbnede", "aseistettu/aseistetun/aseistetut", "oružan"),
  ROCKET: A("raket-", "ohjus-", "raketn"),
  JOINT: A("fælles|fælles|fælles", "yhteis-", "zajedničk"),
  GLOBAL: A("global", "globaali/globaalin/globaalit", "globaln"),
  PUBLIC: A("offentlig", "julkinen/julkisen/julkiset", "javn"),
  KOREA: A("koreansk", "korealainen/korealaisen/korealaiset", "korejsk"),
  NKOREA: A(
    "nordkoreansk",
    "pohjoiskorealainen/pohjoiskorealaisen/pohjoiskorealaiset",
    "sjevernokorejsk",
  ),
  DEMOCRATIC: A("demokratisk", "demokraattinen/demokraattisen/demokraattiset", "demokratsk"),
  FIRST: O("første|første|første", "ensimmäinen/ensimmäisen/ensimmäiset", "prv"),
  SECOND: O("anden|andet|anden", "toinen/toisen/toiset", "drug"),
  THIRD: O("tredje|tredje|tredje", "kolmas/kolmannen/kolmannet", "treć"),
};
/** Other spellings of a listed word, as "spelling=word". */
const SPELLINGS =
  "CORP=CORPORATION CO=COMPANY CENTRE=CENTER DEFENCE=DEFENSE FACTORY=PLANT EXTERNAL=FOREIGN " +
  "CHEMICALS=CHEMICAL TRANSPORT=TRANSPORTATION KOREAN=KOREA CHOSON=KOREA CHOSUN=KOREA " +
  "DPRK=NKOREA SHPG=SHIPPING 1ST=FIRST 2ND=SECOND 3RD=THIRD";
for (const [spelling, word] of SPELLINGS.split(" ").map((p) => p.split("=")))
  TERMS[spelling!] = TERMS[word!]!;

/** Bodies by the names the three languages' Wikipedias give them: [English forms, da, fi nominative/genitive, hr nominative/genitive]. */
const FIXED: [RegExp, Record<Lang, string>][] = [
  [
    /\b(?:WORKERS'? PARTY OF KOREA|(?:NORTH )?KOREAN WORKERS'? PARTY)\b/,
    {
      da: "Koreas Arbejderparti",
      fi: "Korean työväenpuolue/Korean työväenpuolueen",
      hr: "Radnička partija Koreje/Radničke partije Koreje",
    },
  ],
  [
    /\bKOREAN PEOPLE'S ARMY\b/,
    {
      da: "Koreanske Folkehær",
      fi: "Korean kansanarmeija/Korean kansanarmeijan",
      hr: "Korejska narodna armija/Korejske narodne armije",
    },
  ],
  [
    /\bDEMOCRATIC PEOPLE'S REPUBLIC OF KOREA\b/,
    {
      da: "Den Demokratiske Folkerepublik Korea",
      fi: "Korean demokraattinen kansantasavalta/Korean demokraattisen kansantasavallan",
      hr: "Demokratska Narodna Republika Koreja/Demokratske Narodne Republike Koreje",
    },
  ],
];

/** "Of Korea" / "of North Korea" after a name, in each language (Finnish puts it before, in the genitive). */
const COUNTRY: Record<string, Record<Lang, string>> = {
  KOREA: { da: "i Korea", fi: "Korean", hr: "Koreje" },
  NKOREA: { da: "i Nordkorea", fi: "Pohjois-Korean", hr: "Sjeverne Koreje" },
};

interface Word {
  kind: Term["kind"] | "fixed" | "and" | "word";
  /** The word as listed, or the fixed body's index. */
  en: string;
  term?: Term;
}

/** A noun phrase: its head, the noun modifiers before it with their adjectives, the head's own adjectives, proper words, words after. */
interface NounPhrase {
  head: Word;
  mods: ({ noun: Word; adjs: Word[] } | "and")[];
  adjs: Word[];
  proper: Word[];
  after: Word[];
}

function wordsOf(phrase: string): Word[] {
  return (phrase.match(/\S+/g) ?? []).map((w): Word => {
    const fixed = /^§(\d)$/.exec(w);
    if (fixed) return { kind: "fixed", en: fixed[1]! };
    if (/^(?:AND|&)$/.test(w)) return { kind: "and", en: w };
    const term = TERMS[w.replace(/[.,]$/, "")];
    return term ? { kind: term.kind, en: w, term } : { kind: "word", en: w };
  });
}

function nounPhrase(words: Word[]): NounPhrase | undefined {
  const at = words.findLastIndex((w) => w.kind === "n" || w.kind === "fixed");
  if (at < 0) return undefined;
  const mods: NounPhrase["mods"] = [];
  const proper: Word[] = [];
  // An ordinal counts the head (3RD TECHNICAL SURVEILLANCE BUREAU), wherever it stands.
  const ordinals = words.slice(0, at).filter((w) => w.kind === "o");
  let waiting: Word[] = [];
  for (const w of words.slice(0, at)) {
    if (w.kind === "a") waiting.push(w);
    else if (w.kind === "o") continue;
    else if (w.kind === "n" || w.kind === "fixed") {
      mods.push({ noun: w, adjs: waiting });
      waiting = [];
    } else if (w.kind === "and") {
      if (mods.length && !waiting.length) mods.push("and");
    } else proper.push(w);
  }
  while (mods.at(-1) === "and") mods.pop();
  return {
    head: words[at]!,
    mods,
    adjs: [...ordinals, ...waiting],
    proper,
    after: words.slice(at + 1),
  };
}

const KEEP_UPPER = /^(?:[^AEIOUY]+|KPA|KOMID|DPRK|JV|LLC)$/;
const kept = (ws: Word[]) =>
  ws.map((w) => (/^\p{L}/u.test(w.en) && !KEEP_UPPER.test(w.en) ? titleWord(w.en) : w.en));
const spec = (w: Word, lang: Lang) => (w.term ? w.term[lang] : w.en);
const isPrefix = (w: Word, lang: Lang) => spec(w, lang).endsWith("-");
const fixedForm = (w: Word, lang: Lang, genitive: boolean) => {
  const [nom, gen] = FIXED[Number(w.en)]![1][lang].split("/");
  return genitive ? (gen ?? `${nom}s`) : nom!;
};

/** Every adjective of a phrase, its modifiers' and its head's, the ordinals first. */
const adjectivesOf = (p: NounPhrase) => {
  const all = [...p.mods.flatMap((m) => (m === "and" ? [] : m.adjs)), ...p.adjs];
  return [...all.filter((a) => a.kind === "o"), ...all.filter((a) => a.kind !== "o")];
};

/** Danish and Finnish: noun modifiers (with their prefix adjectives) glued into one compound; bodies' names apart, in the genitive. */
function glued(p: NounPhrase, lang: "da" | "fi"): { compound: string; genitives: string[] } {
  const stem = (w: Word) => {
    const [nom, second, third] = spec(w, lang).split("/");
    if (w.kind !== "n") return spec(w, lang).slice(0, -1);
    return lang === "da" ? second! : (third ?? nom!);
  };
  const prefixes = (adjs: Word[]) =>
    adjs
      .filter((a) => isPrefix(a, lang))
      .map(stem)
      .join("");
  const genitives: string[] = [];
  let compound = "";
  for (const m of p.mods) {
    if (m === "and") compound += lang === "da" ? "- og " : "- ja ";
    else if (m.noun.kind === "fixed") genitives.push(fixedForm(m.noun, lang, true));
    else compound += prefixes(m.adjs) + stem(m.noun);
  }
  return { compound: compound + prefixes(p.adjs), genitives };
}

/** Danish: adjectives agreeing with the head (the weak form after an ordinal), then the modifiers glued into it. */
function danish(p: NounPhrase, afterGenitive = false): string {
  const [form, , gender] = spec(p.head, "da").split("/");
  const all = adjectivesOf(p);
  const weak =
    afterGenitive ||
    all.some((a) => a.kind === "o") ||
    p.mods.some((m) => m !== "and" && m.noun.kind === "fixed");
  const agree = (a: Word) => {
    const [c = "", n = c.endsWith("sk") ? c : `${c}t`, pl = `${c}e`] = spec(a, "da").split("|");
    if (a.kind === "o") return gender === "n" ? n : c;
    return weak || gender === "p" ? pl : gender === "n" ? n : c;
  };
  const front = all.filter((a) => !isPrefix(a, "da")).map(agree);
  const { compound, genitives } = glued(p, "da");
  const head = p.head.kind === "fixed" ? fixedForm(p.head, "da", false) : compound + form!;
  return [...kept(p.proper), ...genitives, ...front, head, ...kept(p.after)].join(" ");
}

/** Finnish: adjectives before the head (genitive in a complement), the modifiers glued into it. */
function finnish(p: NounPhrase, genitive: boolean): string {
  const [nom, gen, stem = nom] = spec(p.head, "fi").split("/");
  const plural = /t$/.test(nom!) && stem !== nom;
  const agree = (a: Word) => {
    const [n, g = n, pl = n] = spec(a, "fi").split("/");
    return genitive ? g! : plural ? pl! : n!;
  };
  const all = adjectivesOf(p);
  const { compound, genitives } = glued(p, "fi");
  const head =
    p.head.kind === "fixed"
      ? fixedForm(p.head, "fi", genitive)
      : compound + (genitive ? gen! : nom!);
  const front = all.filter((a) => !isPrefix(a, "fi")).map(agree);
  return [...genitives, ...kept(p.proper), ...front, head, ...kept(p.after)].join(" ");
}

const SOFT = /(?:j|č|ć|š|ž|đ)$/;
/** A Croatian definite adjective: the stem and the ending of its gender, number and case. */
function croatianAdj(a: Word, gender: string, genitive: boolean): string {
  const stem = spec(a, "hr");
  if (stem.startsWith("=")) return stem.slice(1);
  const soft = SOFT.test(stem);
  const o = soft ? "e" : "o";
  const endings: Record<string, [string, string]> = {
    m: ["i", `${o}g`],
    n: [o, `${o}g`],
    f: ["a", "e"],
    mp: ["i", "ih"],
    fp: ["e", "ih"],
    np: ["a", "ih"],
  };
  return stem + endings[gender]![genitive ? 1 : 0];
}

function croatianNoun(w: Word, genitive: boolean): [string, string] {
  if (w.kind === "fixed") return [fixedForm(w, "hr", genitive), "f"];
  const [nom, gen, g] = spec(w, "hr").split("/");
  return [genitive ? gen! : nom!, g!];
}

/** Croatian: adjectives before the head, noun modifiers after it in the genitive, the last first. */
function croatian(p: NounPhrase, genitive: boolean): string {
  const [head, g] = croatianNoun(p.head, genitive);
  const mods = [...p.mods].reverse().map((m) => {
    if (m === "and") return "i";
    const [n, ng] = croatianNoun(m.noun, true);
    return [...m.adjs.map((a) => croatianAdj(a, ng, true)), n].join(" ");
  });
  return [
    ...p.adjs.map((a) => croatianAdj(a, g, genitive)),
    head,
    ...mods,
    ...kept(p.proper),
    ...kept(p.after),
  ].join(" ");
}

/** "X of Y of Z" in one language; undefined when X has no noun to translate. */
function translatePhrase(part: string, lang: Lang): string | undefined {
  const text = FIXED.reduce(
    (t, [re], i) => t.replace(re, `§${i}`),
    part.toUpperCase().replace(/[’‘`]/g, "'"),
  )
    .replace(/\bNORTH KOREA(?:N|'S)?\b/g, "NKOREA")
    .split(/\s+/)
    .filter((w) => w && w !== "THE")
    .join(" ");
  const [first, ...rest] = text.split(/ (?:OF|FOR) /);
  const x = nounPhrase(wordsOf(first ?? ""));
  if (!x) return undefined;
  // Danish puts a body's name before the head in the genitive (Koreas Arbejderparti).
  const daGenitives: string[] = [];
  const complements = rest.map((y) => {
    const country = COUNTRY[y];
    if (country) return country[lang];
    const yp = nounPhrase(wordsOf(y));
    if (lang === "da" && /^§\d$/.test(y)) {
      daGenitives.unshift(fixedForm(wordsOf(y)[0]!, "da", true));
      return "";
    }
    if (lang === "da") return `for ${yp ? danish(yp) : kept(wordsOf(y)).join(" ")}`;
    if (lang === "fi") return yp ? finnish(yp, true) : kept(wordsOf(y)).join(" ");
    return yp ? croatian(yp, true) : kept(wordsOf(y)).join(" ");
  });
  if (lang === "fi") return [...complements.reverse(), finnish(x, false)].join(" ");
  if (lang === "hr") return [croatian(x, false), ...complements].join(" ");
  return [...daGenitives, danish(x, daGenitives.length > 0), ...complements.filter(Boolean)].join(
    " ",
  );
}

const LEGAL_TAIL =
  /[\s,]+((?:CO\.?,?\s*)?(?:LIMITED|LTD\.?|LLC|L\.L\.C\.|INC\.?|JSC|PTE\.?\s*LTD\.?|JV|OOO|SA))\s*$/i;

const LEGAL_LEAD = /^(?:(?:PUBLIC|CLOSED|OPEN)\s+)?JOINT[-\s]STOCK\s+COMPANY\s+/i;

/** An organisation's name in Danish, Finnish or Croatian; undefined when nothing translates. */
export function translateOrgJ(name: string, lang: Lang): string | undefined {
  const brackets: string[] = [];
  const bare = name
    .replace(/\s*(\([^)]*\))/g, (_, b: string) => {
      brackets.push(b);
      return "";
    })
    .trim();
  // A leading legal form (JOINT STOCK COMPANY X) stays as listed, in front.
  const lead = LEGAL_LEAD.exec(bare)?.[0] ?? "";
  const rest = bare.slice(lead.length);
  const legal = LEGAL_TAIL.exec(rest);
  const parts = (legal ? rest.slice(0, legal.index) : rest).split(",");
  const done = parts.map((p) => (p.trim() ? translatePhrase(p.trim(), lang) : undefined));
  if (!done.some(Boolean)) return undefined;
  const body = parts
    .map((p, i) => done[i] ?? kept(wordsOf(p.trim().toUpperCase())).join(" "))
    .filter(Boolean)
    .map(cap)
    .join(", ");
  const legalForm = legal ? legal[1]! : "";
  return [lead.trim(), body, legalForm, ...brackets].filter(Boolean).join(" ");
}

function orgVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  if (!/[A-Za-z]/.test(name) || e.kind === "aircraft") return [];
  const out: [string, string][] = [];
  if (e.kind === "vessel") {
    out.push(
      rand() < 0.5
        ? ["charter party preamble", charterPreamble(name, rand)]
        : ["shipbroker's position list", positionLine(name, rand)],
    );
    return out;
  }
  const langs = [pick(LANGS, rand)];
  if (rand() < 0.35)
    langs.push(
      pick(
        LANGS.filter((l) => l !== langs[0]),
        rand,
      ),
    );
  for (const lang of langs) {
    const t = translateOrgJ(name, lang);
    if (t) out.push([`translated into ${LANGUAGE[lang]}`, t]);
  }
  const r = rand();
  if (r < 0.45) out.push(["commercial invoice buyer", invoiceHead(name, true, rand)]);
  else if (r < 0.85) out.push(["customs declaration trader box", customsBox(name, rand)]);
  return out;
}

/** Every name but the original-script ones, in this family's forms, entry by entry. */
export function heldOutJQueriesFor(entities: readonly ListEntity[], seed = 10_429): EvalQuery[] {
  const rand = prng(seed);
  const out: EvalQuery[] = [];
  for (const e of entities)
    out.push(
      ...variantQueries([e], rand, {
        uses: (_, type) => type !== "original-script",
        person: personVariants,
        org: (name, r) => orgVariants(name, e, r),
      }),
    );
  return out;
}

// ---- negatives ----------------------------------------------------------------------------------------

/** Real South Korean people on no list, as they romanize their names (some one syllable from a listed name). */
const KOREAN_PEOPLE = `
Kim Jong-kook|Kim Jong-min|Kim Yong-jun|Kim Min-jae|Hwang Hee-chan|Lee Kang-in|Cho Gue-sung|Kim Young-kwon
Ki Sung-yueng|Lee Chung-yong|Park Chu-young|Kim Jin-su|Kim Woo-jin|Lee Sang-hyeok
Ryu Hyun-jin|Choo Shin-soo|Lee Seung-yuop|Kim Seung-gyu|Hong Chul|Lee Jung-hoo|Lee Yong
Gong Yoo|Lee Min-ho|Jun Ji-hyun|Kim Tae-ri|Youn Yuh-jung|Park Seo-joon|Hyun Bin|Son Ye-jin|Kim Soo-hyun
Chung Kyung-wha|Cho Seong-jin|Chung Myung-whun|Sumi Jo|Koo Kwang-mo|Chey Tae-won|Shin Dong-bin
Kim Beom-su|Lee Hae-jin|Bang Si-hyuk|Lee Soo-man|Park Jin-young|Kang Kyung-wha|Chung Eui-yong
Han Duck-soo|Choo Kyung-ho|Lee Jae-myung|Cho Kuk|Ahn Cheol-soo|Oh Se-hoon|Won Hee-ryong|Yoo Seung-min
Chung Sye-kyun|Lee Nak-yon|Hong Nam-ki|Kim Dong-yeon|Seol Young-woo|Chung Mong-koo|Kim Seung-youn
`;

/** Real Chinese, Japanese and Mongolian people on no list, as the press writes them in Latin letters. */
const EAST_ASIAN_PEOPLE = `
Yao Ming|Lang Lang|Ma Huateng|Lei Jun|Ren Zhengfei|Zhang Yimou|Gong Li|Zhang Ziyi|Li Na|Liu Xiang|Sun Yang
Guo Jingjing|Deng Yaping|Mo Yan|Liu Cixin|Yu Hua|Tu Youyou|Fan Zhendong|Wang Yaping|Yang Liwei|Ding Liren
Hou Yifan|Zheng Qinwen|Zhang Yiming|Wang Chuanfu|Cao Dewang|Zong Qinghou|He Xiangjian|Dong Mingzhu
Hideki Matsuyama|Rui Hachimura|Kaoru Mitoma|Takefusa Kubo|Yoshihide Suga|Fumio Kishida|Shigeru Ishiba
Taro Kono|Li Bingbing|Yayoi Kusama|Zhou Xun|Kazuo Ishiguro|Yoko Kamikawa|Koichi Wakata
Ukhnaagiin Khurelsukh|Luvsannamsrain Oyun-Erdene|Tsakhiagiin Elbegdorj|Khaltmaagiin Battulga
Nambaryn Enkhbayar|Dolgorsurengiin Dagvadorj|Munkhbatyn Davaajargal|Jugderdemidiin Gurragchaa
`;

/** Real Serbian, Croatian, Slovene, Danish and Finnish people on no list, as their own papers write them. */
const EUROPEAN_PEOPLE = `
Novak Đoković|Nikola Jokić|Ana Brnabić|Luka Modrić|Andrej Plenković|Zoran Milanović|Goran Ivanišević
Janez Janša|Robert Golob|Nataša Pirc Musar|Luka Dončić|Tadej Pogačar|Primož Roglič|Emir Kusturica
Marina Abramović|Ivo Andrić|Mette Frederiksen|Lars Løkke Rasmussen|Margrethe Vestager|Mads Mikkelsen
Caroline Wozniacki|Sanna Marin|Sauli Niinistö|Alexander Stubb|Petteri Orpo|Kimi Räikkönen|Linus Torvalds
`;

/** Real Arab people on no list: the Latin spelling they are known by, and their name in Arabic. */
const ARAB_PEOPLE = `
Naguib Mahfouz=نجيب محفوظ|Riyad Mahrez=رياض محرز|Achraf Hakimi=أشرف حكيمي|Ons Jabeur=أنس جابر
Amr Diab=عمرو دياب|Nancy Ajram=نانسي عجرم|Ahmed Zewail=أحمد زويل|Farouk El-Baz=فاروق الباز
Zaha Hadid=زها حديد|Boutros Boutros-Ghali=بطرس بطرس غالي|Amr Moussa=عمرو موسى|Ahmed Aboul Gheit=أحمد أبو الغيط
Hakim Ziyech=حكيم زياش|Youssef En-Nesyri=يوسف النصيري|Umm Kulthum=أم كلثوم|Abdelaziz Bouteflika=عبد العزيز بوتفليقة
Habib Bourguiba=الحبيب بورقيبة|Taha Hussein=طه حسين|Mahmoud Darwish=محمود درويش|Nizar Qabbani=نزار قباني
`;

/** Real banks, companies and public bodies in their own languages and scripts. */
const BODIES_J = `
Finanstilsynet|Erhvervsstyrelsen|Justitsministeriet|Finansministeriet|Erhvervsministeriet
Politiets Efterretningstjeneste|Forsvarets Efterretningstjeneste|Nykredit Realkredit A/S|Sydbank A/S
Spar Nord Bank A/S|Arbejdernes Landsbank A/S|Ørsted A/S|Novo Nordisk A/S|Carlsberg A/S
Vestas Wind Systems A/S|DSV A/S|Danmarks Skibskredit A/S|J. Lauritzen A/S|Ultrabulk A/S|Esvagt A/S
Finanssivalvonta|Tulli|Valtiovarainministeriö|Sisäministeriö|Oikeusministeriö|Suojelupoliisi
Huoltovarmuuskeskus|Aktia Pankki Oyj|Oma Säästöpankki Oyj|S-Pankki Oyj|Nokia Oyj|Kone Oyj|Fortum Oyj
Stora Enso Oyj|UPM-Kymmene Oyj|Meyer Turku Oy|ESL Shipping Oy|Viking Line Abp|Liikenne- ja viestintävirasto
Ministarstvo financija|Ministarstvo unutarnjih poslova|Ministarstvo gospodarstva|Hrvatska poštanska banka d.d.
Erste & Steiermärkische Bank d.d.|Addiko Bank d.d.|Končar - Elektroindustrija d.d.|INA - Industrija nafte d.d.
Hrvatski Telekom d.d.|Podravka d.d.|Uljanik d.d.|Lučka uprava Rijeka|Tankerska plovidba d.d.
Hrvatska agencija za nadzor financijskih usluga|Sigurnosno-obavještajna agencija|Lošinjska plovidba d.o.o.
Народна банка Србије|Министарство спољних послова Републике Србије|Министарство одбране Републике Србије
Управа царина|Комерцијална банка а.д. Београд|Телеком Србија а.д.|Нафтна индустрија Србије а.д.
Југословенско речно бродарство а.д.|Електропривреда Србије
Banka Slovenije|Ministrstvo za zunanje in evropske zadeve|Ministrstvo za obrambo|Nova Ljubljanska banka d.d.
Luka Koper d.d.|Krka d.d.|Petrol d.d.|Finančna uprava Republike Slovenije|Splošna plovba d.o.o.
Българска народна банка|Министерство на външните работи|Министерство на отбраната|Агенция „Митници“
Параходство Български морски флот АД|Първа инвестиционна банка АД|Банка ДСК ЕАД|Навибулгар АД
مصرف الإمارات العربية المتحدة المركزي|البنك المركزي المصري|بنك مصر|البنك الأهلي المصري|موانئ دبي العالمية
هيئة قناة السويس|مصرف الراجحي|بنك الكويت الوطني|الخطوط الجوية القطرية|مجموعة موانئ أبوظبي
`;

/** Real merchant vessels on no list. */
const VESSELS_J = `
SEA EMPRESS|EVER ALOT|AMOCO CADIZ|CSCL GLOBE|MOL COMFORT|SVENDBORG MAERSK|CAP SAN NICOLAS|BRAER
HYUNDAI FORTUNE|MSC FLAMINIA|MSC IRINA|ONE INNOVATION|GOLDEN RAY|YANTIAN EXPRESS|MAERSK HONAM|FRONT ALTAIR
ADVANTAGE SWEET|DALI|WAKASHIO|EL FARO|HEBEI SPIRIT|EXXON VALDEZ|TORREY CANYON|ERIKA|PRESTIGE
`;

const items = (text: string) =>
  text
    .trim()
    .split(/\s*[|\n]\s*/)
    .filter(Boolean);

/** The ways the filter reads a form: as written, marks folded, Cyrillic as Gaj's Latin, Arabic read back. */
function readings(form: string): string[] {
  const out = [form, folded(form)];
  if (/\p{Script=Cyrillic}/u.test(form)) out.push(folded(cyrillicToGaj(form)));
  if (/\p{Script=Arabic}/u.test(form)) out.push(folded(alaLc(form)));
  if (/\p{Script=Hebrew}/u.test(form)) out.push(hebrewBack(form));
  return out;
}

/** Negatives, each name once under the kind that gave it first; a name none of whose forms reads as a listed one. */
class KeptNegatives {
  private readonly byName = new Map<string, Negative>();
  constructor(private readonly listed: ListedNames) {}
  add(forms: string[], kind: string, type: Negative["type"]): void {
    if (forms.flatMap(readings).some((f) => this.listed.has(f))) return;
    for (const name of forms)
      if (!this.byName.has(name)) this.byName.set(name, { name, kind, type });
  }
  all(): Negative[] {
    return [...this.byName.values()];
  }
}

/**
 * Real people, companies, public bodies and vessels on no list, in the forms of this family;
 * dropped when a form, read any of the ways above, reads as a listed name (see the header).
 */
export function realNegativesJ(
  entities: readonly ListEntity[],
  listedHangul: ReadonlySet<string>,
  seed = 10_433,
): Negative[] {
  const kept = new KeptNegatives(new ListedNames(entities));
  const add = kept.add.bind(kept);
  const rand = prng(seed);
  const personForms = (name: string) => {
    const forms = [name, ...southSlavicForms(name, rand).map(([, f]) => f)];
    forms.push(...arabicForms(name, rand).map(([, f]) => f));
    if (rand() < 0.3) forms.push(hebrewOf(name) ?? name);
    if (rand() < 0.4)
      forms.push(rand() < 0.5 ? invoiceHead(name, false, rand) : customsBox(name, rand));
    return forms;
  };
  for (const name of items(KOREAN_PEOPLE)) {
    if (standardReadings(name).some((h) => listedHangul.has(h))) continue;
    add(personForms(name), "real Korean person (J)", "person");
  }
  for (const name of items(EAST_ASIAN_PEOPLE))
    add(personForms(name), "real Chinese, Japanese or Mongolian person (J)", "person");
  for (const name of items(EUROPEAN_PEOPLE)) {
    // A Slavic name is already in Gaj's letters: Serbian Cyrillic takes it letter for letter.
    const slavic = /[čćđšž]/i.test(name) || /ić$/.test(name);
    const forms = slavic ? [name, folded(name), serbianCyrillic(name)] : personForms(name);
    if (slavic) forms.push(...arabicForms(folded(name), rand).map(([, f]) => f));
    add(forms, "real European person (J)", "person");
  }
  for (const pair of items(ARAB_PEOPLE)) {
    const [latin = "", arabic = ""] = pair.split("=");
    const back = alaLc(arabic);
    const forms = [latin, arabic, rand() < 0.5 ? back : folded(back).replace(/[ʻʼ]/g, "")];
    forms.push(...southSlavicForms(latin, rand).map(([, f]) => f));
    add(forms, "real Arab person (J)", "person");
  }
  for (const body of items(BODIES_J)) {
    const forms = [body];
    if (/\p{Script=Arabic}/u.test(body)) forms.push(folded(alaLc(body)).replace(/[ʻʼ]/g, ""));
    else if (rand() < 0.6)
      forms.push(rand() < 0.5 ? invoiceHead(body, true, rand) : customsBox(body, rand));
    add(forms, "real company or public body of another state (J)", "org");
  }
  for (const vessel of items(VESSELS_J))
    add(
      [vessel, rand() < 0.5 ? charterPreamble(vessel, rand) : positionLine(vessel, rand)],
      "real merchant vessel (J)",
      "org",
    );
  return kept.all();
}
