/**
 * An eleventh held-out family for the screening evaluation, sharing no generator with
 * bench/screening-queries.ts (tune) or the families A–J (it imports none of their code, only the
 * shapes of a query and a negative):
 *  - Korean nationals as the Thai press writes them: the Hangul reading of the listed name (read
 *    by the name parser of src/core/names, as the lists carry no Hangul for these people; a given
 *    syllable's second reading half the time when that is a common spelling too: Jong as 종 or 정)
 *    by the Royal Institute of Thailand's rules for Korean (https://www.royin.go.th/wp-content/uploads/2015/03/2345_7317.pdf;
 *    the consonant table restated at https://www.italki.com/en/post/question-357072: ㄱ ㄷ ㅂ as
 *    ค ท พ at the start of the name and ก ด บ elsewhere, ㅅ ㅆ as ซ, ㅈ as จ, ㅊ as ช, ㅇ as อ or
 *    final ง, ㄹ as ร or final ล; its example 박희섭 → พักฮีซ็อบ shows ㅏ closed as -ั-, ㅓ closed as
 *    -็อ-, ㅢ after a consonant as ี), the other vowels by the same pattern (ㅡ as ือ, closed -ึ-; ㅗ
 *    as โ, closed without a sign), the family name apart and the given syllables joined by a
 *    hyphen (김정은 → คิม จ็อง-อึน);
 *    and that Thai read back into Latin letters by the Royal Thai General System
 *    (https://en.wikipedia.org/wiki/Royal_Thai_General_System_of_Transcription: ค kh, จ ช ch, ซ s,
 *    final ล n, ึ ue; Khim Chong-uen);
 *  - any person as a Georgian document writes a foreign name from its Latin letters, letter for
 *    letter, the last word taking the nominative -ი when it ends in a consonant (ჯო ბაიდენი,
 *    დონალდ ტრამპი: https://ka.wikipedia.org/wiki/ჯო_ბაიდენი), and that read back by Georgia's
 *    national romanization of 2002 (https://en.wikipedia.org/wiki/Romanization_of_Georgian: კ k',
 *    ტ t', პ p', with or without the apostrophes);
 *  - any person as an Armenian document writes a foreign name from its Latin letters (Ջո Բայդեն:
 *    https://hy.wikipedia.org/wiki/Ջո_Բայդեն; u as ու, an opening e or o as Է, Օ), and that read
 *    back by ISO 9985 (https://en.wikipedia.org/wiki/Romanization_of_Armenian: ու as ow, Ջ as ǰ,
 *    Չ as č), with or without the marks;
 *  - any person as the Hindi press writes a foreign name in Devanagari (किम जोंग उन, as
 *    https://hi.wikipedia.org/wiki/किम_जोंग-उन writes it: a as ा, a consonant cluster with a
 *    virama, ng as anusvara and ग, no mark on a word's last consonant), and that read back by the
 *    ALA-LC table for Hindi (https://www.loc.gov/catdir/cpso/romanization/hindi.pdf: ā, ṭ, ḍ, ś,
 *    anusvara ṅ before a velar and ṃ elsewhere, the last inherent vowel not written; Kim Joṅg Un);
 *  - a person as a press caption gives them: the name, the age in the caption's year from the
 *    listed birth date, and the listed title or a description (the Associated Press style,
 *    https://en.wikipedia.org/wiki/Caption_(text): "Ri Je-son, 74, former Minister
 *    of Atomic Energy Industry, …");
 *  - a name as a NACHA ACH entry carries it: the receiver's name field of 22 characters, upper
 *    case, the rest cut off (https://achdevguide.nacha.org/ach-file-details, Entry Detail Record,
 *    positions 55–76), only when the name is longer;
 *  - a name as an air waybill's shipper or consignee box gives it, under the airline prefix and the
 *    serial with its check digit (https://en.wikipedia.org/wiki/Air_waybill), with an address line;
 *  - an organisation as a documentary credit names its applicant or beneficiary in running text
 *    ("at the request of …", "in favour of …"; https://en.wikipedia.org/wiki/Letter_of_credit);
 *  - vessels as a port state control detention list gives them: name, IMO number, flag, type, date
 *    and port of detention, classification society (the columns of the Tokyo MOU's monthly
 *    detention lists, https://www.tokyo-mou.org/);
 *  - organisations translated into Bulgarian, Lithuanian or Maltese, three more of the 24 languages
 *    the EU Official Journal publishes its sanctions annexes in
 *    (https://eur-lex.europa.eu/eli/reg/2017/1509/oj, each language version): Bulgarian in
 *    Cyrillic, adjectives before the head agreeing with its gender, a noun modifier as an
 *    adjective, a complement after "на" with the article on its first word (Министерство на
 *    атомната енергийна промишленост), a proper name in quotes after the head, in Latin letters or
 *    in Cyrillic by the Bulgarian Transliteration Act read in reverse
 *    (https://en.wikipedia.org/wiki/Romanization_of_Bulgarian); Lithuanian with adjectives agreeing
 *    before the head, noun modifiers and complements before it in the genitive (Atominės energijos
 *    pramonės ministerija); Maltese with the head first, adjectives after it agreeing with it,
 *    modifiers and complements after "ta'" with the article assimilated (Ministeru tal-Industrija
 *    tal-Enerġija Atomika; https://en.wikipedia.org/wiki/Maltese_grammar#Article); the Workers'
 *    Party, the Korean People's Army and the state by the names those languages use; the legal
 *    form and bracketed parts kept as listed;
 *  - text as legacy systems pass it on: a 7-bit system's capitals with the marks stripped and a
 *    letter it cannot keep as "?" (https://en.wikipedia.org/wiki/Substitute_character), and UTF-8
 *    read as Windows-1252 (Ministeru tal-EnerÄ¡ija; https://en.wikipedia.org/wiki/Mojibake), on
 *    forms that carry marks;
 *  - negatives: real people, companies, public bodies and vessels on no list, other than A–J's:
 *    South Korean athletes, actors, musicians and business people, Taiwanese, Hong Kong,
 *    Singaporean, Malaysian, Indonesian and Philippine people, in the person forms above; Thai
 *    people in Thai script and their own Latin spelling; Georgian, Armenian and Indian people in
 *    their scripts and in Latin letters; banks, companies and public bodies of Bulgaria,
 *    Lithuania, Malta, Thailand, Georgia, Armenia and India in their languages and scripts, bare or
 *    in the document forms above; merchant and passenger vessels whose names are short common
 *    words (PRINCESS, STAR, SEA, OCEAN…), bare or in the detention list. A negative is dropped when
 *    any of its forms — as written, marks folded, and each script read back into Latin letters —
 *    has the words of a listed name (every name and alias of both lists, of any kind): the same
 *    word set, or one inside the other with the smaller of two words or more; or the letters of a
 *    listed name run together, in its order or with the first or the last word moved; or, for a
 *    name that reads as Korean, a Hangul reading that is a listed name's.
 * A Latin form that comes back with the listed name's own words (a read-back that round-trips) is
 * left out. Seeded: the same lists give the same queries.
 */

import { parseName } from "../src/core/names/index.js";
import { type ListEntity, splitOrgName, tokenize } from "../src/core/screening/index.js";
import type { Negative } from "./screening-heldout.js";
import type { EvalQuery } from "./screening-queries.js";

/** splitmix32: the family's own seeded generator. */
function splitmix(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return ((z ^ (z >>> 15)) >>> 0) / 4294967296;
  };
}
type Rand = () => number;
const oneOf = <T>(xs: readonly T[], r: Rand): T => xs[Math.floor(r() * xs.length)]!;
const digits = (n: number, r: Rand) =>
  Array.from({ length: n }, () => Math.floor(r() * 10)).join("");
const upperFirst = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1) : w);
const capWord = (w: string) => upperFirst(w.toLowerCase());
/** Marks stripped, as an ASCII system keeps the letters. */
export const stripMarks = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
/** "a b c d" → [["a", "b"], ["c", "d"]]. */
const twos = (text: string): [string, string][] =>
  (text.match(/\S+ \S+/g) ?? []).map((p) => p.split(" ") as [string, string]);

// ---- natural order of a person's name ----------------------------------------------------------

/** A Korean or Chinese national by the list's data: family name first in running text. */
function familyFirst(e: ListEntity, name = ""): boolean {
  if (koreanNational(e) || e.nationalities.some((c) => ["CHN", "TWN", "HKG"].includes(c)))
    return true;
  // "PAK, To-Chun" with no nationality given: a Korean family name and Korean given syllables.
  const p = parseName({ full: name.replace(",", " ") })[0];
  return (
    name.includes(",") &&
    p?.script === "latin" &&
    !!p.familyCandidates.length &&
    !!p.givenParses.length
  );
}
/** A Korean national by the list's data (a UN KPi reference, or PRK or KOR nationality). */
function koreanNational(e: ListEntity): boolean {
  return e.reference.startsWith("KPi.") || e.nationalities.some((c) => c === "PRK" || c === "KOR");
}

/** "KIM, Jong Un" → "Kim Jong Un"; "STEIGER, Jakob" → "Jakob Steiger"; capitals to title case. */
function runningName(name: string, e: ListEntity): string {
  const [family, given] = name.includes(",") ? name.split(/,\s*(.*)/s) : [name, ""];
  const order = given ? (familyFirst(e, name) ? `${family} ${given}` : `${given} ${family}`) : name;
  return order
    .split(/(\s+|-)/)
    .map((w) => (/^[A-Z]{2,}$/.test(w) ? capWord(w) : w))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

// ---- Hangul → Thai (Royal Institute) and its RTGS reading ---------------------------------------

/** Initial consonants in Hangul order: Thai, RTGS; the first three lenis have a name-initial form. */
const TH_INITIAL = twos(
  "ก k ก k น n ด d ต t ร r ม m บ b ป p ซ s ซ s อ - จ ch จ ch ช ch ค kh ท th พ ph ฮ h",
);
const TH_NAME_INITIAL: Record<number, [string, string]> = {
  0: ["ค", "kh"],
  3: ["ท", "th"],
  7: ["พ", "ph"],
};
/** Finals in Hangul order (index 0 = none): Thai, RTGS. */
const TH_FINAL: [string, string][] = [
  ["", ""],
  ...twos(
    "ก k ก k ก k น n น n น n ด t ล n ก k ม m บ p ล n ล n บ p ล n ม m บ p บ p ด t ด t ง ng " +
      "ด t ด t ก k ด t บ p ด t",
  ),
];
/** Vowels in Hangul order: glide, sign before (open), after (open), sign before (closed), after (closed), RTGS. */
const TH_VOWEL: [string, string, string, string, string, string][] = [
  ["", "", "า", "", "ั", "a"],
  ["", "แ", "", "แ", "็", "ae"],
  ["ย", "", "า", "", "ั", "ya"],
  ["ย", "แ", "", "แ", "็", "yae"],
  ["", "", "อ", "", "็อ", "o"],
  ["", "เ", "", "เ", "็", "e"],
  ["ย", "", "อ", "", "็อ", "yo"],
  ["ย", "เ", "", "เ", "็", "ye"],
  ["", "โ", "", "", "", "o"],
  ["ว", "", "า", "", "ั", "wa"],
  ["ว", "แ", "", "แ", "็", "wae"],
  ["ว", "เ", "", "เ", "็", "we"],
  ["ย", "โ", "", "", "", "yo"],
  ["", "", "ู", "", "ุ", "u"],
  ["ว", "", "อ", "", "็อ", "wo"],
  ["ว", "เ", "", "เ", "็", "we"],
  ["ว", "", "ี", "", "ิ", "wi"],
  ["ย", "", "ู", "", "ุ", "yu"],
  ["", "", "ือ", "", "ึ", "ue"],
  ["", "", "ึย", "", "ึย", "ui"],
  ["", "", "ี", "", "ิ", "i"],
];

/** One Hangul word (family name, or the given name) in Thai and in RTGS; syllables joined by `joiner`. */
function thaiWord(hangul: string, nameStart: boolean, joiner: string): [string, string] {
  let thai = "";
  let rtgs = "";
  let lastFinal = 0;
  [...hangul].forEach((syllable, k) => {
    const code = syllable.codePointAt(0)! - 0xac00;
    const [l, v, t] = [Math.floor(code / 588), Math.floor((code % 588) / 28), code % 28];
    // ㅢ after a consonant is written as ㅣ (희 → ฮี); alone (의) as อึย.
    const [glide, preOpen, open, preClosed, closed, vr] = TH_VOWEL[v === 19 && l !== 11 ? 20 : v]!;
    let [c, cr] = (nameStart && k === 0 && TH_NAME_INITIAL[l]) || TH_INITIAL[l]!;
    if (l === 5 && lastFinal === 8) [c, cr] = ["ล", "l"];
    const [f, fr] = TH_FINAL[t]!;
    const pre = t ? preClosed : preOpen;
    const after = t ? closed : open;
    // A null initial before a glide vowel: the glide is the initial (용 → ยง).
    const body =
      l === 11 && glide ? pre + glide + after : glide ? c + pre + glide + after : pre + c + after;
    if (k > 0) {
      thai += joiner;
      rtgs += joiner;
    }
    thai += body + f;
    rtgs += (cr === "-" ? "" : cr) + vr + fr;
    lastFinal = t;
  });
  return [thai, rtgs];
}

/**
 * Hangul family + given syllables of a Latin Korean name by its best parse (the lists carry no
 * Hangul for these people); a given syllable takes its second reading half the time when that is
 * a common spelling too (Jong: 종 or 정, Un: 운 or 은).
 */
function hangulParts(name: string, r: Rand): { family: string; given: string } | undefined {
  const p = parseName({ full: name })[0];
  if (p?.script !== "latin" || !p.familyCandidates.length || !p.givenParses.length) return;
  const given = p.givenParses[0]!.map((s) => {
    const second = s.candidates[1];
    return (second && second.variance <= 0.3 && r() < 0.5 ? second : s.candidates[0]!).syllable;
  });
  return given.length
    ? { family: p.familyCandidates[0]!.syllable, given: given.join("") }
    : undefined;
}

/** A Korean name in Thai (the family apart, the given syllables hyphened) and in RTGS. */
export function thaiOfKorean(
  name: string,
  r: Rand = () => 1,
): { thai: string; rtgs: string } | undefined {
  const h = hangulParts(name, r);
  if (!h) return undefined;
  const [ft, fr] = thaiWord(h.family, true, "");
  const [gt, gr] = thaiWord(h.given, false, "-");
  return { thai: `${ft} ${gt}`, rtgs: `${capWord(fr)} ${capWord(gr)}` };
}

// ---- Latin → Georgian, Armenian, Devanagari ----------------------------------------------------

/** A table applied longest-first to a lower-case, mark-free Latin word. */
function spell(word: string, table: [string, string][]): string {
  let out = "";
  const w = stripMarks(word)
    .toLowerCase()
    .replace(/['’ʼ.]/g, "");
  for (let i = 0; i < w.length; ) {
    const rule = table.find(([from]) => w.startsWith(from, i));
    out += rule ? rule[1] : "";
    i += rule ? rule[0].length : 1;
  }
  return out;
}
const byLength = (t: [string, string][]) => t.sort((a, b) => b[0].length - a[0].length);

const GEORGIAN = byLength(
  twos(
    "tch ჩ sch შ ch ჩ sh შ zh ჟ kh ხ gh ღ ts ც dz ძ ph ფ th თ oo უ ee ი a ა b ბ c კ d დ e ე " +
      "f ფ g გ h ჰ i ი j ჯ k კ l ლ m მ n ნ o ო p პ q ქ r რ s ს t ტ u უ v ვ w ვ x ქს y ი z ზ",
  ),
);
/** Georgian national romanization (2002), two-letter signs first. */
const GEORGIAN_BACK = twos(
  "ა a ბ b გ g დ d ე e ვ v ზ z თ t ი i კ k' ლ l მ m ნ n ო o პ p' ჟ zh რ r ს s ტ t' უ u " +
    "ფ p ქ k ღ gh ყ q' შ sh ჩ ch ც ts ძ dz წ ts' ჭ ch' ხ kh ჯ j ჰ h",
);

/** A Latin name in Georgian letters; the last word takes the nominative -ი after a consonant. */
export function georgianOf(name: string): string | undefined {
  const words = name.split(/[\s,]+/).filter((w) => /[A-Za-z]/.test(w));
  if (!words.length) return undefined;
  const g = words.map((w) =>
    w
      .split("-")
      .map((part) => spell(part, GEORGIAN))
      .join("-"),
  );
  if (!/[აეიოუ]$/.test(g.at(-1)!)) g[g.length - 1] += "ი";
  return g.join(" ");
}

/** Georgian read back by the national system, each word capitalised. */
export function georgianBack(s: string): string {
  return s
    .split(" ")
    .map((w) =>
      upperFirst([...w].map((c) => GEORGIAN_BACK.find(([g]) => g === c)?.[1] ?? c).join("")),
    )
    .join(" ");
}

const ARMENIAN = byLength(
  twos(
    "tch չ ch չ sh շ zh ժ kh խ gh ղ ts ց dz ձ ph փ th թ oo ու ee ի a ա b բ c կ d դ e ե " +
      "f ֆ g գ h հ i ի j ջ k կ l լ m մ n ն o ո p պ q ք r ր s ս t տ u ու v վ w վ x քս y յ z զ",
  ),
);
/** ISO 9985, letter for letter (ու as ow). */
const ARMENIAN_BACK: Record<string, string> = Object.fromEntries(
  twos(
    "և ew ա a բ b գ g դ d ե e զ z է ē ը ə թ tʻ ժ ž ի i լ l խ x ծ c կ k հ h ձ j ղ ġ ճ č մ m յ y " +
      "ն n շ š ո o չ čʻ պ p ջ ǰ ռ ṙ ս s վ v տ t ր r ց cʻ ւ w փ pʻ ք kʻ օ ō ֆ f",
  ),
);

/** A Latin name in Armenian letters: an opening e or o as Է, Օ, each word capitalised. */
export function armenianOf(name: string): string | undefined {
  const words = name.split(/[\s,-]+/).filter((w) => /[A-Za-z]/.test(w));
  if (!words.length) return undefined;
  return words
    .map((w) => {
      let a = spell(w, ARMENIAN);
      if (/^[eo]/i.test(stripMarks(w)) && !/^ու/.test(a))
        a = (/^e/i.test(w) ? "է" : "օ") + a.slice(1);
      return a[0]!.toUpperCase() + a.slice(1);
    })
    .join(" ");
}

export function armenianBack(s: string): string {
  return s
    .split(" ")
    .map((w) => upperFirst([...w.toLowerCase()].map((c) => ARMENIAN_BACK[c] ?? c).join("")))
    .join(" ");
}

/** Latin consonant spellings and their Devanagari letters (a cluster of Latin letters to one conjunct). */
const DEVA_CONSONANT = byLength(
  twos(
    "chh छ ch च sh श kh ख gh घ th थ dh ध ph फ bh भ jh झ zh झ k क g ग j ज t ट d ड n न " +
      "p प b ब m म y य r र l ल v व w व s स h ह f फ़ z ज़ q क c क",
  ),
);
/** Latin vowel spellings: the sign after a consonant, the letter at a word's start or after a vowel. */
const DEVA_VOWEL: [string, string, string][] = [
  ["aa", "ा", "आ"],
  ["ai", "ै", "ऐ"],
  ["au", "ौ", "औ"],
  ["ae", "ै", "ऐ"],
  ["ee", "ी", "ई"],
  ["oo", "ू", "ऊ"],
  ["ou", "ौ", "औ"],
  ["eo", "ो", "ओ"],
  ["eu", "ु", "उ"],
  ["a", "ा", "आ"],
  ["e", "े", "ए"],
  ["i", "ि", "इ"],
  ["o", "ो", "ओ"],
  ["u", "ु", "उ"],
];
const VIRAMA = "्";

/** One Latin word in Devanagari as the Hindi press writes a foreign name. */
function devanagariWord(word: string): string {
  const w = stripMarks(word)
    .toLowerCase()
    .replace(/[^a-z]/g, "")
    .replace(/x/g, "ks");
  let out = "";
  let afterConsonant = false;
  for (let i = 0; i < w.length; ) {
    const vowel = DEVA_VOWEL.find(([lat]) => w.startsWith(lat, i));
    // y between consonants or at the end is a vowel (Hyon is a glide, Kimy is not a name).
    const yVowel = w[i] === "y" && afterConsonant && !/[aeiou]/.test(w[i + 1] ?? "");
    if (vowel || yVowel) {
      const [lat, sign, letter] = vowel ?? ["y", "ी", "ई"];
      out += afterConsonant ? sign : letter;
      afterConsonant = false;
      i += lat.length;
      continue;
    }
    // ng before a consonant or at the end: anusvara and ग (Jong → जोंग).
    if (w.startsWith("ng", i) && !/[aeiou]/.test(w[i + 2] ?? "")) {
      if (afterConsonant) out += VIRAMA;
      out += "ंग";
      afterConsonant = true;
      i += 2;
      continue;
    }
    const c = DEVA_CONSONANT.find(([lat]) => w.startsWith(lat, i));
    if (!c) {
      i++;
      continue;
    }
    if (afterConsonant && !out.endsWith("ंग")) out += VIRAMA;
    out += c[1];
    afterConsonant = true;
    i += c[0].length;
  }
  return out;
}

export function devanagariOf(name: string): string | undefined {
  const words = name.split(/[\s,-]+/).filter((w) => /[A-Za-z]/.test(w));
  return words.length ? words.map(devanagariWord).join(" ") : undefined;
}

const ALA_HINDI: Record<string, string> = Object.fromEntries(
  twos(
    "क k ख kh ग g घ gh च c छ ch ज j झ jh ट ṭ ठ ṭh ड ḍ ढ ḍh त t थ th द d ध dh न n प p फ ph " +
      "ब b भ bh म m य y र r ल l व v श ś ष ṣ स s ह h ा ā ि i ी ī ु u ू ū े e ै ai ो o ौ au " +
      "अ a आ ā इ i ई ī उ u ऊ ū ए e ऐ ai ओ o औ au",
  ),
);
const NUKTA: Record<string, string> = { फ़: "f", ज़: "z", क़: "q" };
const MATRA = /[ािीुूेैोौ]/;
const VELAR = /[कखगघ]/;

/** Devanagari read back by ALA-LC for Hindi: the inherent a inside a word, not at its end. */
export function alaHindi(deva: string): string {
  return deva
    .split(" ")
    .map((word) => {
      const ch = [...word.normalize("NFC")];
      let out = "";
      ch.forEach((c, i) => {
        const next = ch[i + 1];
        if (c === VIRAMA) return;
        if (c === "ं") {
          out += next && VELAR.test(next) ? "ṅ" : "ṃ";
          return;
        }
        const pair = c + (next === "़" ? next : "");
        if (c === "़") return;
        out += NUKTA[pair] ?? ALA_HINDI[c] ?? c;
        const consonant = /[\u0915-\u0939]/.test(c);
        const following = ch[i + (next === "़" ? 2 : 1)];
        const bare =
          !following || !(following === VIRAMA || MATRA.test(following) || following === "़");
        if (consonant && bare && following !== undefined && following !== "ं") out += "a";
      });
      return upperFirst(out);
    })
    .join(" ");
}

// ---- document forms --------------------------------------------------------------------------

/** UTF-8 bytes read as Windows-1252. */
export const mojibake = (s: string) =>
  new TextDecoder("windows-1252").decode(Buffer.from(s, "utf8"));
/** A 7-bit system's capitals: marks stripped, a letter it cannot keep as "?". */
export const sevenBit = (s: string) =>
  stripMarks(s)
    .toUpperCase()
    .replace(/[^\x20-\x7e]/g, "?");

/** The NACHA receiver name field: 22 characters, upper case, only when the name is longer. */
export function nachaName(name: string): string | undefined {
  const upper = sevenBit(name)
    .replace(/[^A-Z0-9 &.,'/-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return upper.length > 22 ? upper.slice(0, 22).trimEnd() : undefined;
}

const AIRLINE_PREFIXES = ["120", "999", "784", "781", "555", "160", "180", "297"];
/** Cities of the negatives' boxes and lines: no DPRK or border city. */
const OTHER_CITIES = [
  "SEOUL KR",
  "BANGKOK TH",
  "FRANKFURT DE",
  "SINGAPORE SG",
  "DUBAI AE",
  "TBILISI GE",
  "MUMBAI IN",
];
const OTHER_FLAGS = ["Bahamas", "Malta", "Liberia", "Marshall Islands", "Italy", "Bermuda"];
const OTHER_TYPES = [
  "Passenger ship",
  "Container",
  "Bulk carrier",
  "Oil tanker",
  "Ro-ro passenger ship",
];
const AWB_CITIES = [
  "PYONGYANG KP",
  "BEIJING CN",
  "SHENYANG CN",
  "VLADIVOSTOK RU",
  "DALIAN CN",
  "HONG KONG HK",
];

/** An air waybill's shipper or consignee box: the AWB number (serial with its check digit mod 7), the name, an address line. */
function airWaybill(name: string, city: string | undefined, r: Rand, cities = AWB_CITIES): string {
  const serial = digits(7, r);
  const awb = `${oneOf(AIRLINE_PREFIXES, r)}-${serial}${Number(serial) % 7}`;
  const box = r() < 0.5 ? "SHIPPER'S NAME AND ADDRESS" : "CONSIGNEE'S NAME AND ADDRESS";
  const place = city?.toUpperCase() ?? oneOf(cities, r);
  const sep = r() < 0.5 ? "\n" : " ";
  return `AWB ${awb}${sep}${box}${sep}${name.toUpperCase()}${sep}${place}`;
}

const CREDIT_TYPES = [
  "IRREVOCABLE DOCUMENTARY CREDIT",
  "Irrevocable Letter of Credit",
  "STANDBY LETTER OF CREDIT",
];

/** A documentary credit's applicant ("at the request of") or beneficiary ("in favour of") in running text. */
function letterOfCredit(name: string, r: Rand): string {
  const no = `${oneOf(["LC", "DC", "ILC", "SBLC"], r)}${2014 + Math.floor(r() * 11)}${digits(5, r)}`;
  const amount = `USD ${(10_000 + Math.floor(r() * 990_000)).toLocaleString("en-US")}.00`;
  const kind = oneOf(CREDIT_TYPES, r);
  return r() < 0.5
    ? `We hereby issue our ${kind} No. ${no} at the request of ${name} for ${amount}`
    : `${kind} No. ${no} in favour of ${name}, amount ${amount}`;
}

const PSC_FLAGS = [
  "Korea, DPR",
  "Sierra Leone",
  "Togo",
  "Panama",
  "Mongolia",
  "Cambodia",
  "Belize",
  "Comoros",
];
const PSC_TYPES = [
  "General cargo/multipurpose",
  "Bulk carrier",
  "Oil tanker",
  "Refrigerated cargo",
  "Container",
];
const PSC_PORTS = [
  "Nakhodka",
  "Vostochny",
  "Yantai",
  "Qingdao",
  "Busan",
  "Longkou",
  "Kholmsk",
  "Dalian",
];
const PSC_RO = [
  "KRS",
  "PRS",
  "IRS",
  "CCS",
  "Phoenix Register of Shipping",
  "Intermaritime Certification",
];

/** A port state control detention list line: name, IMO, flag, type, date, port, classification society. */
function detentionLine(
  name: string,
  imo: string | undefined,
  r: Rand,
  flags = PSC_FLAGS,
  types = PSC_TYPES,
): string {
  const date = `${String(1 + Math.floor(r() * 28)).padStart(2, "0")}.${String(1 + Math.floor(r() * 12)).padStart(2, "0")}.${2012 + Math.floor(r() * 13)}`;
  const cells = [
    name.toUpperCase(),
    imo ?? `9${digits(6, r)}`,
    oneOf(flags, r),
    oneOf(types, r),
    date,
    oneOf(PSC_PORTS, r),
    oneOf(PSC_RO, r),
  ];
  return cells.join(r() < 0.5 ? " | " : "\t");
}

const TITLE =
  /^(?:(?:Former|Deputy|Senior|Chief|General|Vice|First)[\s,]+)*(?:Director|Minister|Representative|Official|Manager|Chairman|President|Head|Commander|Secretary|Officer|Ambassador|Counsel+or|Member|Chief|Deputy)\b/i;

/** The listed title: the first clause of the remarks when it is one ("Director of …"). */
function listedTitle(e: ListEntity): string | undefined {
  const first = e.remarks?.split(/[;.](?:\s|$)/)[0]?.trim() ?? "";
  if (first.length > 90 || !TITLE.test(first)) return undefined;
  return first[0]!.toLowerCase() + first.slice(1);
}

const CAPTION_TAILS = [
  "attends a meeting in Pyongyang",
  "speaks during a ceremony",
  "is seen in this undated photo",
  "arrives at the airport",
  "looks on during an inspection",
];

/** A press caption: the name, the age in the caption's year when the birth year is known, a title, the scene. */
function caption(name: string, born: number | undefined, title: string, r: Rand): string {
  const year = 2012 + Math.floor(r() * 13);
  const age = born && year - born > 18 && year - born < 100 ? `, ${year - born}` : "";
  return `${name}${age}, ${title}, ${oneOf(CAPTION_TAILS, r)} in ${year}.`;
}

/** A listed person's caption: the listed title, or a description by nationality. */
function listedCaption(name: string, e: ListEntity, r: Rand): string {
  const born = Number(/^(\d{4})/.exec(e.birthDates[0] ?? "")?.[1]) || undefined;
  const title =
    listedTitle(e) ??
    oneOf(
      koreanNational(e)
        ? ["a North Korean official", "a DPRK trade representative"]
        : ["a businessman", "a company director"],
      r,
    );
  return caption(name, born, title, r);
}

// ---- organisations in Bulgarian, Lithuanian and Maltese ------------------------------------------

/**
 * A listed word in the three languages. Nouns: bg "noun gender[ adjective]" (gender m, f, n, p;
 * the adjective, masculine/stem, is the word as a modifier: енергия → енергиен/енергийн), lt
 * "nominative genitive gender" (m, f, mp, fp), mt "noun gender" (m, f, p). Adjectives: bg
 * "masculine[/stem]", lt "stem class" (is: -is/-ė, as: -as/-a) or "=" and a word that does not
 * agree, mt "invariable" or "masculine/feminine/plural" or "=" and a phrase after the head.
 * Ordinals (o) stand before the head in Maltese, with the article.
 */
interface Term {
  pos: "n" | "a" | "o";
  bg: string;
  lt: string;
  mt: string;
}
const n = (bg: string, lt: string, mt: string): Term => ({ pos: "n", bg, lt, mt });
const a = (bg: string, lt: string, mt: string): Term => ({ pos: "a", bg, lt, mt });

const LEXICON: Record<string, Term> = {
  BANK: n("банка f банков/банков", "bankas banko m", "Bank m"),
  CORPORATION: n("корпорация f", "korporacija korporacijos f", "Korporazzjoni f"),
  COMPANY: n("компания f", "bendrovė bendrovės f", "Kumpanija f"),
  GROUP: n("група f", "grupė grupės f", "Grupp m"),
  BUREAU: n("бюро n", "biuras biuro m", "Uffiċċju m"),
  OFFICE: n("служба f", "tarnyba tarnybos f", "Uffiċċju m"),
  DEPARTMENT: n("отдел m", "departamentas departamento m", "Dipartiment m"),
  MINISTRY: n("министерство n", "ministerija ministerijos f", "Ministeru m"),
  COMMITTEE: n("комитет m", "komitetas komiteto m", "Kumitat m"),
  COMMISSION: n("комисия f", "komisija komisijos f", "Kummissjoni f"),
  ACADEMY: n("академия f", "akademija akademijos f", "Akkademja f"),
  INSTITUTE: n("институт m", "institutas instituto m", "Istitut m"),
  CENTER: n("център m", "centras centro m", "Ċentru m"),
  ADMINISTRATION: n("администрация f", "administracija administracijos f", "Amministrazzjoni f"),
  UNIVERSITY: n("университет m университетски", "universitetas universiteto m", "Università f"),
  PARTY: n("партия f партиен/партийн", "partija partijos f", "Partit m"),
  ARMY: n("армия f армейски", "armija armijos f", "Armata f"),
  FORCE: n("сила f", "pajėgos pajėgų fp", "Forza f"),
  FORCES: n("сили p", "pajėgos pajėgų fp", "Forzi p"),
  COMMAND: n("командване n", "vadovybė vadovybės f", "Kmand m"),
  INDUSTRY: n("промишленост f промишлен/промишлен", "pramonė pramonės f", "Industrija f"),
  ENERGY: n("енергия f енергиен/енергийн", "energija energijos f", "Enerġija f"),
  TECHNOLOGY: n(
    "технология f технологичен/технологичн",
    "technologija technologijos f",
    "Teknoloġija f",
  ),
  DEVELOPMENT: n("развитие n развоен/развойн", "plėtra plėtros f", "Żvilupp m"),
  TRADE: n("търговия f търговски", "prekyba prekybos f", "Kummerċ m"),
  MANAGEMENT: n("управление n управленски", "valdymas valdymo m", "Ġestjoni f"),
  SECURITY: n("сигурност f", "saugumas saugumo m", "Sigurtà f"),
  MACHINERY: n("машини p машиностроителен/машиностроителн", "mašinos mašinų fp", "Makkinarju m"),
  MACHINE: n("машина f машинен/машинн", "mašina mašinos f", "Magna f"),
  CONSTRUCTION: n("строителство n строителен/строителн", "statyba statybos f", "Kostruzzjoni f"),
  SCIENCE: n("наука f научен/научн", "mokslas mokslo m", "Xjenza f"),
  SCIENCES: n("науки p научен/научн", "mokslai mokslų mp", "Xjenzi p"),
  DEFENSE: n("отбрана f отбранителен/отбранителн", "gynyba gynybos f", "Difiża f"),
  OIL: n("нефт m нефтен/нефтен", "nafta naftos f", "Żejt m"),
  INSURANCE: n(
    "застраховане n застрахователен/застрахователн",
    "draudimas draudimo m",
    "Assigurazzjoni f",
  ),
  EQUIPMENT: n("оборудване n", "įranga įrangos f", "Tagħmir m"),
  RESOURCES: n("ресурси p ресурсен/ресурсн", "ištekliai išteklių mp", "Riżorsi p"),
  INVESTMENT: n(
    "инвестиции p инвестиционен/инвестиционн",
    "investicijos investicijų fp",
    "Investiment m",
  ),
  ELECTRONICS: n(
    "електроника f електронен/електронн",
    "elektronika elektronikos f",
    "Elettronika f",
  ),
  RESEARCH: n("изследвания p изследователски", "tyrimai tyrimų mp", "Riċerka f"),
  EXPORT: n("износ m износен/износн", "eksportas eksporto m", "Esportazzjoni f"),
  IMPORT: n("внос m вносен/вносн", "importas importo m", "Importazzjoni f"),
  RECONNAISSANCE: n(
    "разузнаване n разузнавателен/разузнавателн",
    "žvalgyba žvalgybos f",
    "Tkixxif m",
  ),
  TRANSPORTATION: n("транспорт m транспортен/транспортн", "transportas transporto m", "Trasport m"),
  PROPAGANDA: n("пропаганда f", "propaganda propagandos f", "Propaganda f"),
  AGITATION: n("агитация f", "agitacija agitacijos f", "Aġitazzjoni f"),
  GUIDANCE: n("ръководство n", "vadovavimas vadovavimo m", "Gwida f"),
  UNIT: n("поделение n", "dalinys dalinio m", "Unità f"),
  PLANT: n("завод m", "gamykla gamyklos f", "Fabbrika f"),
  SHIP: n("кораб m корабен/корабн", "laivas laivo m", "Vapur m"),
  VENTURE: n("предприятие n", "įmonė įmonės f", "Impriża f"),
  FINANCE: n("финанси p финансов", "finansai finansų mp", "Finanzi p"),
  CREDIT: n("кредит m кредитен/кредитн", "kreditas kredito m", "Kreditu m"),
  COOPERATION: n("сътрудничество n", "bendradarbiavimas bendradarbiavimo m", "Kooperazzjoni f"),
  LOGISTICS: n("логистика f логистичен/логистичн", "logistika logistikos f", "Loġistika f"),
  GOVERNMENT: n(
    "правителство n правителствен/правителствен",
    "vyriausybė vyriausybės f",
    "Gvern m",
  ),
  INFORMATION: n(
    "информация f информационен/информационн",
    "informacija informacijos f",
    "Informazzjoni f",
  ),
  ECONOMY: n("икономика f икономически", "ekonomika ekonomikos f", "Ekonomija f"),
  ORGANIZATION: n("организация f", "organizacija organizacijos f", "Organizzazzjoni f"),
  AGENCY: n("агенция f", "agentūra agentūros f", "Aġenzija f"),
  COMPUTER: n("компютър m компютърен/компютърн", "kompiuteris kompiuterio m", "Kompjuter m"),
  PLANNING: n("планиране n", "planavimas planavimo m", "Ippjanar m"),
  CRUDE: a("суров/суров", "žali as", "Mhux Raffinat/Mhux Raffinata/Mhux Raffinati"),
  MATERIALS: n("материали p", "medžiagos medžiagų fp", "Materjali p"),
  METAL: n("метал m метален/металн", "metalas metalo m", "Metall m"),
  AFFAIRS: n("работи p", "reikalai reikalų mp", "Affarijiet p"),
  MUNITIONS: n("боеприпаси p", "šaudmenys šaudmenų mp", "Munizzjon m"),
  ENGINEERING: n("инженерство n инженерен/инженерн", "inžinerija inžinerijos f", "Inġinerija f"),
  EXPLORATION: n("проучване n проучвателен/проучвателн", "žvalgyba žvalgybos f", "Esplorazzjoni f"),
  AUTOMATION: n("автоматизация f", "automatika automatikos f", "Awtomazzjoni f"),
  OPERATION: n("експлоатация f", "eksploatacija eksploatacijos f", "Operazzjoni f"),
  AGRICULTURAL: a("селскостопански", "=žemės ūkio", "Agrikolu/Agrikola/Agrikoli"),
  ELECTRONIC: a("електронен/електронн", "elektronin is", "Elettroniku/Elettronika/Elettroniċi"),
  SHIPPING: a("корабоплавателен/корабоплавателн", "=laivybos", "=tat-Tbaħħir"),
  TRADING: a("търговски", "=prekybos", "Kummerċjali"),
  COMMERCIAL: a("търговски", "komercin is", "Kummerċjali"),
  BANKING: a("банков/банков", "=bankininkystės", "Bankarju/Bankarja/Bankarji"),
  GENERAL: a("главен/главн", "generalin is", "Ġenerali"),
  INTERNATIONAL: a("международен/международн", "tarptautin is", "Internazzjonali"),
  NATIONAL: a("национален/националн", "nacionalin is", "Nazzjonali"),
  CENTRAL: a("централен/централн", "centrin is", "Ċentrali"),
  FOREIGN: a("външен/външн", "=užsienio", "Barrani/Barranija/Barranin"),
  OVERSEAS: a("задграничен/задграничн", "=užjūrio", "Barrani/Barranija/Barranin"),
  MINING: a("минен/минн", "=kasybos", "=tal-Minjieri"),
  MARITIME: a("морски", "=jūrų", "Marittimu/Marittima/Marittimi"),
  MARINE: a("морски", "=jūrų", "Marittimu/Marittima/Marittimi"),
  INDUSTRIAL: a("промишлен/промишлен", "pramonin is", "Industrijali"),
  TECHNICAL: a("технически", "technin is", "Tekniku/Teknika/Tekniċi"),
  ECONOMIC: a("икономически", "ekonomin is", "Ekonomiku/Ekonomika/Ekonomiċi"),
  MILITARY: a("военен/военн", "karin is", "Militari"),
  STRATEGIC: a("стратегически", "strategin is", "Strateġiku/Strateġika/Strateġiċi"),
  ATOMIC: a("атомен/атомн", "atomin is", "Atomiku/Atomika/Atomiċi"),
  NATURAL: a("природен/природн", "=gamtos", "Naturali"),
  CHEMICAL: a("химически", "chemin is", "Kimiku/Kimika/Kimiċi"),
  UNITED: a("обединен/обединен", "jungtin is", "Magħqud/Magħquda/Magħquda"),
  SPACE: a("космически", "=kosmoso", "Spazjali"),
  AEROSPACE: a("аерокосмически", "aerokosmin is", "Aerospazjali"),
  STATE: a("държавен/държавн", "valstybin is", "=tal-Istat"),
  "PEOPLE'S": a("народен/народн", "=liaudies", "Popolari"),
  ARMED: a("въоръжен/въоръжен", "ginkluot as", "Armat/Armata/Armati"),
  ROCKET: a("ракетен/ракетн", "raketin is", "=tal-Missili"),
  JOINT: a("съвместен/съвместн", "bendr as", "Konġunt/Konġunta/Konġunti"),
  KOREA: a("корейски", "=Korėjos", "=tal-Korea"),
  NKOREA: a("севернокорейски", "=Šiaurės Korėjos", "=tal-Korea ta' Fuq"),
  DEMOCRATIC: a("демократичен/демократичн", "demokratin is", "Demokratiku/Demokratika/Demokratiċi"),
  FIRST: { pos: "o", bg: "първи", lt: "pirm as", mt: "Ewwel" },
  SECOND: { pos: "o", bg: "втори", lt: "antr as", mt: "Tieni" },
  THIRD: { pos: "o", bg: "трети", lt: "treči as", mt: "Tielet" },
};
for (const [other, word] of twos(
  "CORP CORPORATION CO COMPANY CENTRE CENTER DEFENCE DEFENSE FACTORY PLANT EXTERNAL FOREIGN " +
    "CHEMICALS CHEMICAL TRANSPORT TRANSPORTATION KOREAN KOREA CHOSON KOREA DPRK NKOREA " +
    "SHPG SHIPPING 1ST FIRST 2ND SECOND 3RD THIRD TECHNOLOGIES TECHNOLOGY INDUSTRIES INDUSTRY",
))
  LEXICON[other] = LEXICON[word]!;

type Lang = "bg" | "lt" | "mt";
const LANG_NAME: Record<Lang, string> = { bg: "Bulgarian", lt: "Lithuanian", mt: "Maltese" };

/** Bodies by their names in the three languages: bg [bare, with the article], lt [nominative, genitive], mt [bare, after "ta'"]. */
const BODIES: [RegExp, Record<Lang, [string, string]>][] = [
  [
    /\b(?:WORKERS'? PARTY OF KOREA|(?:NORTH )?KOREAN WORKERS'? PARTY)\b/,
    {
      bg: ["Трудова партия на Корея", "Трудовата партия на Корея"],
      lt: ["Korėjos darbo partija", "Korėjos darbo partijos"],
      mt: ["Partit tal-Ħaddiema tal-Korea", "tal-Partit tal-Ħaddiema tal-Korea"],
    },
  ],
  [
    /\bKOREAN PEOPLE'S ARMY\b/,
    {
      bg: ["Корейска народна армия", "Корейската народна армия"],
      lt: ["Korėjos liaudies armija", "Korėjos liaudies armijos"],
      mt: ["Armata Popolari Koreana", "tal-Armata Popolari Koreana"],
    },
  ],
  [
    /\bDEMOCRATIC PEOPLE'S REPUBLIC OF KOREA\b/,
    {
      bg: ["Корейска народнодемократична република", "Корейската народнодемократична република"],
      lt: ["Korėjos Liaudies Demokratinė Respublika", "Korėjos Liaudies Demokratinės Respublikos"],
      mt: [
        "Repubblika Demokratika Popolari tal-Korea",
        "tar-Repubblika Demokratika Popolari tal-Korea",
      ],
    },
  ],
];
/** "Of Korea", "of North Korea" as a complement. */
const COUNTRIES: Record<string, Record<Lang, string>> = {
  KOREA: { bg: "на Корея", lt: "Korėjos", mt: "tal-Korea" },
  NKOREA: { bg: "на КНДР", lt: "KLDR", mt: "tal-Korea ta' Fuq" },
};

interface Slot {
  word: string;
  term?: Term;
  body?: number;
}
interface Phrase {
  head: Slot;
  /** Noun modifiers before the head, each with the adjectives before it; `and` when AND joins it to the one before. */
  mods: { noun: Slot; adjs: Slot[]; and: boolean }[];
  adjs: Slot[];
  ordinals: Slot[];
  proper: Slot[];
  after: Slot[];
}

function slots(text: string): Slot[] {
  return (text.match(/\S+/g) ?? []).map((w) => {
    const body = /^§(\d)$/.exec(w);
    if (body) return { word: w, body: Number(body[1]) };
    return { word: w, term: LEXICON[w.replace(/[.,]+$/, "")] };
  });
}

function phraseOf(words: Slot[]): Phrase | undefined {
  const at = words.findLastIndex((s) => s.body !== undefined || s.term?.pos === "n");
  if (at < 0) return undefined;
  const p: Phrase = {
    head: words[at]!,
    mods: [],
    adjs: [],
    ordinals: [],
    proper: [],
    after: words.slice(at + 1),
  };
  let pending: Slot[] = [];
  let and = false;
  for (const s of words.slice(0, at)) {
    if (s.term?.pos === "o") p.ordinals.push(s);
    else if (s.term?.pos === "a") pending.push(s);
    else if (s.term?.pos === "n" || s.body !== undefined) {
      p.mods.push({ noun: s, adjs: pending, and: and && p.mods.length > 0 });
      pending = [];
      and = false;
    } else if (/^(?:AND|&)$/.test(s.word)) and = true;
    else p.proper.push(s);
  }
  p.adjs = pending;
  return p;
}

const ACRONYMS = new Set([
  "KPA",
  "KOMID",
  "DPRK",
  "DPRKN",
  "RGB",
  "KWP",
  "MSS",
  "KOEC",
  "SARL",
  "FZE",
  "PTE",
  "JSC",
]);
/** A word kept as listed: an acronym as it is, a word in capitals capitalised as a whole (Cho'ngsong). */
const asListed = (s: Slot) =>
  ACRONYMS.has(s.word) || (/^[A-Z\d]+$/.test(s.word) && !/[AEIOUY]/.test(s.word))
    ? s.word
    : s.word === s.word.toUpperCase()
      ? s.word.split("-").map(capWord).join("-")
      : s.word;

// Bulgarian -------------------------------------------------------------------------------------------

const TO_CYRILLIC = byLength(
  twos(
    "sht щ zh ж ts ц ch ч sh ш yu ю ya я kh х j дж a а b б c к d д e е f ф g г h х i и k к l л " +
      "m м n н o о p п q к r р s с t т u у v в w у x кс y й z з",
  ),
);
/** A Latin proper name in Bulgarian Cyrillic: the Streamlined System read in reverse, yo after a consonant as ьо. */
export function bulgarianCyrillic(word: string): string {
  const w = word.toLowerCase().replace(/([bcdfghjklmnpqrstvwxz])yo/g, "$1ьо");
  let out = "";
  for (let i = 0; i < w.length; ) {
    const rule = TO_CYRILLIC.find(([from]) => w.startsWith(from, i));
    out += rule ? rule[1] : w[i];
    i += rule ? rule[0].length : 1;
  }
  return upperFirst(out);
}

/** A Bulgarian adjective agreeing with gender g, with the article or without. */
function bgAdjective(spec: string, g: string, definite: boolean): string {
  const [masc = spec, stem = masc.replace(/и$/, "")] = spec.split("/");
  if (!definite)
    return g === "m" ? masc : stem + ({ f: "а", n: "о", p: "и" } as Record<string, string>)[g]!;
  return stem + ({ m: "ия", f: "ата", n: "ото", p: "ите" } as Record<string, string>)[g]!;
}
function bgDefiniteNoun(noun: string, g: string): string {
  if (g === "p") return `${noun}те`;
  if (g === "n") return `${noun}то`;
  if (g === "f") return `${noun}та`;
  return noun.endsWith("й") ? `${noun.slice(0, -1)}я` : `${noun}а`;
}

function bulgarian(p: Phrase, complement: boolean, cyrillicNames: boolean): string {
  if (p.head.body !== undefined) return BODIES[p.head.body]![1].bg[complement ? 1 : 0];
  const [noun, g, adjective] = p.head.term!.bg.split(" ") as [string, string, string?];
  void adjective;
  const before: string[] = [];
  const tail: string[] = [];
  const addAdj = (s: Slot) =>
    before.push(bgAdjective(s.term!.bg, g, complement && before.length === 0));
  for (const o of p.ordinals) addAdj(o);
  for (const m of p.mods) {
    for (const s of m.adjs) addAdj(s);
    const link = m.and && tail.length ? "и" : "на";
    if (m.noun.body !== undefined) tail.push(`${link} ${BODIES[m.noun.body]![1].bg[1]}`);
    else {
      const [mn, mg, madj] = m.noun.term!.bg.split(" ") as [string, string, string?];
      if (madj) {
        if (m.and && before.length) before.push("и");
        addAdj({ word: m.noun.word, term: { ...m.noun.term!, bg: madj } });
      } else tail.push(`${link} ${bgDefiniteNoun(mn, mg)}`);
    }
  }
  for (const s of p.adjs) addAdj(s);
  const head = complement && before.length === 0 ? bgDefiniteNoun(noun, g) : noun;
  const names = p.proper.map((s) => (cyrillicNames ? bulgarianCyrillic(s.word) : asListed(s)));
  const quoted = names.length ? [`„${names.join(" ")}“`] : [];
  return [...before, head, ...quoted, ...tail, ...p.after.map(asListed)].join(" ");
}

// Lithuanian ------------------------------------------------------------------------------------------

const LT_ENDINGS: Record<string, Record<string, [string, string]>> = {
  is: { m: ["is", "io"], f: ["ė", "ės"], mp: ["iai", "ių"], fp: ["ės", "ių"] },
  as: { m: ["as", "o"], f: ["a", "os"], mp: ["i", "ų"], fp: ["os", "ų"] },
};
function ltAdjective(spec: string, g: string, genitive: boolean): string {
  if (spec.startsWith("=")) return spec.slice(1);
  const [stem, cls] = spec.split(" ") as [string, string];
  return stem + LT_ENDINGS[cls]![g]![genitive ? 1 : 0];
}
function ltNoun(s: Slot, genitive: boolean): [string, string] {
  if (s.body !== undefined) return [BODIES[s.body]![1].lt[genitive ? 1 : 0], "f"];
  const [nom, gen, g] = s.term!.lt.split(" ") as [string, string, string];
  return [genitive ? gen : nom, g];
}

function lithuanian(p: Phrase, genitive: boolean): string {
  const [head, g] = ltNoun(p.head, genitive);
  const agree = (s: Slot) => ltAdjective(s.term!.lt, g, genitive);
  // Invariable genitives (Korėjos, prekybos) stand with the modifiers; agreeing adjectives first.
  const own = [...p.ordinals, ...p.adjs];
  const agreeing = own.filter((s) => !s.term!.lt.startsWith("=")).map(agree);
  const isCountry = (s: Slot) => s.term === LEXICON.KOREA || s.term === LEXICON.NKOREA;
  const country = own.filter(isCountry).map(agree);
  const fixed = own.filter((s) => s.term!.lt.startsWith("=") && !isCountry(s)).map(agree);
  const mods = p.mods.map((m) => {
    const [mn, mg] = ltNoun(m.noun, true);
    return [
      ...(m.and ? ["ir"] : []),
      ...m.adjs.map((s) => ltAdjective(s.term!.lt, mg, true)),
      mn,
    ].join(" ");
  });
  return [
    ...country,
    ...p.proper.map(asListed),
    ...agreeing,
    ...mods,
    ...fixed,
    head,
    ...p.after.map(asListed),
  ].join(" ");
}

// Maltese ---------------------------------------------------------------------------------------------

/** The article before a word, alone ("il-", "ix-") or after "ta'" ("tal-", "tax-"): assimilated before a sun letter. */
function maltese(word: string, withTa: boolean): string {
  const first = word[0]!.toLowerCase();
  const sun = "ċdnrstxzż".includes(first) ? first : "l";
  if (withTa) return `ta${sun}-${word}`;
  return /^[aeiouà]/i.test(word) ? `l-${word}` : `i${sun}-${word}`;
}
function mtAdjective(spec: string, g: string): string {
  const [m, f = m, pl = m] = spec.split("/");
  return g === "f" ? f! : g === "p" ? pl! : m!;
}
function mtNoun(s: Slot, complement: boolean): [string, string] {
  if (s.body !== undefined) return [BODIES[s.body]![1].mt[complement ? 1 : 0], "f"];
  const [noun, g] = s.term!.mt.split(" ") as [string, string];
  return [complement ? maltese(noun, true) : noun, g];
}

function malteseOf(p: Phrase, complement: boolean): string {
  const [head, g] = mtNoun(p.head, complement);
  const post = (adjs: Slot[], gender: string) => {
    const agree = adjs
      .filter((s) => !s.term!.mt.startsWith("="))
      .map((s) => mtAdjective(s.term!.mt, gender));
    return [
      ...agree,
      ...adjs.filter((s) => s.term!.mt.startsWith("=")).map((s) => s.term!.mt.slice(1)),
    ];
  };
  const ordinal = p.ordinals.map((o) => maltese(o.term!.mt, complement));
  const headWord = ordinal.length && complement ? head.replace(/^ta\S+-/, "") : head;
  // The modifiers from the nearest to the farthest; those AND joins stay in order, joined by "u".
  const groups: Phrase["mods"][] = [];
  for (const m of p.mods) m.and && groups.length ? groups.at(-1)!.push(m) : groups.push([m]);
  const mods = groups.reverse().flatMap((group) =>
    group.flatMap((m, i) => {
      const [mn, mg] = mtNoun(m.noun, true);
      return [...(i > 0 ? ["u"] : []), mn, ...post(m.adjs, mg)];
    }),
  );
  const names = p.proper.length ? [`ta' ${p.proper.map(asListed).join(" ")}`] : [];
  return [
    ...ordinal,
    headWord,
    ...post(p.adjs, g),
    ...mods,
    ...names,
    ...p.after.map(asListed),
  ].join(" ");
}

// Names ---------------------------------------------------------------------------------------------

const LEGAL_END =
  /(?:[\s,]+(?:LTD\.?\s*CO\.?|CO\.?,?\s*LTD\.?|CO\.?,?\s*LIMITED|LIMITED|LTD\.?|LLC|L\.L\.C\.|INC\.?|JSC|PTE\.?\s*LTD\.?|JV|S\.?A\.?|GMBH|OOO|FZE|PLC))+\s*$/i;

const LEGAL_START =
  /^(?:(?:(?:PUBLIC|CLOSED|OPEN)\s+)?(?:JOINT[-\s]STOCK|LIMITED LIABILITY)\s+COMPANY|LLC|OOO|JSC|OJSC|CJSC)\s+/i;

/** One "X of Y of Z" part in a language; undefined when X has no noun the lexicon knows. */
function translatePart(part: string, lang: Lang, cyrillicNames: boolean): string | undefined {
  const marked = BODIES.reduce(
    (t, [re], i) => t.replace(re, ` §${i} `),
    part
      .toUpperCase()
      .replace(/[’‘`]/g, "'")
      .replace(/\bNORTH KOREA(?:N|'S)?\b/g, "NKOREA"),
  );
  const [x, ...ys] = marked
    .split(/\s+/)
    .filter((w) => w && w !== "THE")
    .join(" ")
    .split(/ (?:OF|FOR) /);
  const head = phraseOf(slots(x ?? ""));
  if (!head) return undefined;
  const complements = ys.map((y) => {
    const country = COUNTRIES[y];
    if (country) return country[lang];
    const yp = phraseOf(slots(y));
    if (!yp) {
      const kept = slots(y).map(asListed).join(" ");
      return lang === "mt" ? `ta' ${kept}` : lang === "bg" ? `на ${kept}` : kept;
    }
    if (lang === "bg") return `на ${bulgarian(yp, true, cyrillicNames)}`;
    return lang === "lt" ? lithuanian(yp, true) : malteseOf(yp, true);
  });
  if (lang === "lt") {
    // An ordinal counts the whole name and stands first (Antra gamtos mokslų akademija).
    const gender = head.head.body === undefined ? ltNoun(head.head, false)[1] : "f";
    const ordinals = head.ordinals.map((o) => ltAdjective(o.term!.lt, gender, false));
    return [
      ...ordinals,
      ...complements.reverse(),
      lithuanian({ ...head, ordinals: [] }, false),
    ].join(" ");
  }
  const main = lang === "bg" ? bulgarian(head, false, cyrillicNames) : malteseOf(head, false);
  return [main, ...complements].join(" ");
}

/** An organisation's name in Bulgarian, Lithuanian or Maltese; undefined when nothing translates. */
export function translateOrgK(name: string, lang: Lang, cyrillicNames = false): string | undefined {
  const brackets: string[] = [];
  const bare = name.replace(/\s*(\([^)]*\))/g, (_, b: string) => {
    brackets.push(b);
    return "";
  });
  // A leading legal form (LIMITED LIABILITY COMPANY X) stays as listed, in front.
  const lead = LEGAL_START.exec(bare)?.[0] ?? "";
  const rest = bare.slice(lead.length);
  const legal = LEGAL_END.exec(rest);
  const body = legal ? rest.slice(0, legal.index) : rest;
  const parts = body
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const done = parts.map((p) => translatePart(p, lang, cyrillicNames));
  if (!done.some(Boolean)) return undefined;
  const text = parts
    .map((p, i) => done[i] ?? slots(p.toUpperCase()).map(asListed).join(" "))
    .join(", ");
  return [
    lead.trim(),
    upperFirst(text),
    legal?.[0].replace(/^[\s,]+/, "").trim() ?? "",
    ...brackets,
  ]
    .filter(Boolean)
    .join(" ");
}

// ---- queries -----------------------------------------------------------------------------------

type Form = [variant: string, query: string];
const hasMarks = (s: string) => stripMarks(s) !== s;

/** A read-back with marks: as written, marks lost, or (some) as UTF-8 read as Windows-1252. */
function withMarks(label: string, text: string, r: Rand): Form {
  const x = r();
  if (hasMarks(text) && x < 0.2) return [`${label}, UTF-8 read as Windows-1252`, mojibake(text)];
  if (x < 0.55) return [label, text];
  return [`${label}, marks lost`, stripMarks(text).replace(/[ʻ'’]/g, "")];
}

/** The person forms of the scripts above for one name in running order (for negatives too). */
function scriptForms(run: string, korean: boolean, r: Rand): Form[] {
  const out: Form[] = [];
  const thai = korean ? thaiOfKorean(run, r) : undefined;
  if (thai) {
    const x = r();
    if (x < 0.7) out.push(["Thai press form", thai.thai]);
    if (x >= 0.4) out.push(["Thai read back by RTGS", thai.rtgs]);
  }
  const georgian = georgianOf(run);
  if (georgian && r() < 0.6)
    out.push(
      r() < 0.45
        ? ["Georgian form", georgian]
        : withMarks("Georgian read back (national system)", georgianBack(georgian), r),
    );
  const armenian = armenianOf(run);
  if (armenian && r() < 0.5)
    out.push(
      r() < 0.5
        ? ["Armenian form", armenian]
        : withMarks("Armenian read back by ISO 9985", armenianBack(armenian), r),
    );
  const deva = devanagariOf(run);
  if (deva && r() < 0.6) {
    const x = r();
    if (x < 0.45) out.push(["Hindi press form (Devanagari)", deva]);
    else if (x < 0.8) out.push(withMarks("Devanagari read back by ALA-LC", alaHindi(deva), r));
    else out.push(["Devanagari read back by ALA-LC, 7-bit capitals", sevenBit(alaHindi(deva))]);
  }
  return out;
}

function personForms(name: string, e: ListEntity, r: Rand): Form[] {
  if (!/[A-Za-z]/.test(name)) return [];
  const run = runningName(name, e);
  const out = scriptForms(run, koreanNational(e), r);
  const x = r();
  const field = nachaName(name);
  if (x < 0.3) out.push(["press caption with age and title", listedCaption(run, e, r)]);
  else if (x < 0.4 && field) out.push(["NACHA receiver name field (22 characters)", field]);
  else if (x < 0.6)
    out.push([
      "air waybill shipper or consignee",
      airWaybill(run, e.addresses[0]?.city ?? undefined, r),
    ]);
  return out;
}

const LANGS: Lang[] = ["bg", "lt", "mt"];

function orgForms(name: string, e: ListEntity, r: Rand): Form[] {
  if (!/[A-Za-z]/.test(name) || e.kind === "aircraft") return [];
  if (e.kind === "vessel") {
    const imo = e.identifiers.find((i) => /^\d{7}$/.test(i.number))?.number;
    return [["port state control detention list", detentionLine(name, imo, r)]];
  }
  const out: Form[] = [];
  const first = oneOf(LANGS, r);
  const langs =
    r() < 0.35
      ? [
          first,
          oneOf(
            LANGS.filter((l) => l !== first),
            r,
          ),
        ]
      : [first];
  for (const lang of langs) {
    const cyrillic = lang === "bg" && r() < 0.5;
    const t = translateOrgK(name, lang, cyrillic);
    if (!t) continue;
    const label = `translated into ${LANG_NAME[lang]}${cyrillic ? ", names in Cyrillic" : ""}`;
    const x = r();
    if (lang !== "bg" && hasMarks(t) && x < 0.15)
      out.push([`${label}, 7-bit capitals`, sevenBit(t)]);
    else if (lang !== "bg" && hasMarks(t) && x < 0.27)
      out.push([`${label}, UTF-8 read as Windows-1252`, mojibake(t)]);
    else out.push([label, t]);
  }
  const x = r();
  if (x < 0.4) out.push(["documentary credit applicant or beneficiary", letterOfCredit(name, r)]);
  else if (x < 0.8)
    out.push([
      "air waybill shipper or consignee",
      airWaybill(name, e.addresses[0]?.city ?? undefined, r),
    ]);
  else {
    const field = nachaName(name);
    if (field) out.push(["NACHA receiver name field (22 characters)", field]);
  }
  return out;
}

/** A Latin text's words, marks and case folded, in sorted order ("" for another script's text). */
const latinWords = (s: string) =>
  stripMarks(s)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .sort()
    .join(" ");

/**
 * Every name but the original-script ones, in this family's forms, entry by entry; a Latin form
 * that came back with the listed name's own words (a read-back that round-trips) is left out.
 */
export function heldOutKQueriesFor(entities: readonly ListEntity[], seed = 11_177): EvalQuery[] {
  const r = splitmix(seed);
  const out: EvalQuery[] = [];
  for (const e of entities) {
    const type = e.kind === "person" ? "person" : "org";
    const seen = new Set<string>();
    for (const n of e.names) {
      if (n.type === "original-script") continue;
      const forms = type === "person" ? personForms(n.name, e, r) : orgForms(n.name, e, r);
      for (const [variant, query] of forms) {
        if (seen.has(query) || latinWords(query) === latinWords(n.name)) continue;
        seen.add(query);
        const alias = n.type === "primary" ? "" : "alias: ";
        out.push({
          query,
          variant: alias + variant,
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

/** Real South Korean people on no list, as they romanize their names. */
const KOREAN_PEOPLE_K = `
Koo Bon-moo|Kim Je-deok|Choi Kyung-ju|Choi Min-jeong|Shim Suk-hee|Hwang Dae-heon|Yun Sung-bin
An Se-young|Shin Yu-bin|Jeon Ji-hee|Kim Min-hee|Gang Dong-won|Lee Sun-kyun|Han So-hee|Seo Jang-hoon
Huh Jae|Kim Yeon-ah|Won Bin|Kim Hee-sun|Kim Kuk-young|Jeon Woong-tae|Oh Sang-uk|Gu Bon-gil
Kim Jung-hwan|Song Se-ra|Choi In-jeong|Kim Woo-min|Lee Ho-joon|Ji Yu-chan|Yeo Seo-jeong
Shin Jea-hwan|Lee Dae-hoon|Kim Yu-jin|Lee Da-bin|Kim Min-jong|Heo Mi-mi|Ki Bo-bae|Oh Jin-hyek
Kang Chae-young|Jang Hye-jin|Lee Woo-seok|Ha Seung-jin|Seo Jung-won|Lee Dong-gook|Oh Hyeon-gyu
Bae Jun-ho|Yang Hyun-jun|Kang Jung-ho|Choi Hee-seop|Kim Hyun-soo|Chung Hyeon|Kwon Soon-woo
Lee Hyung-taik|Kim Hyo-joo|Choi Na-yeon|Park Sung-hyun|Cha Min-kyu|Kwak Yoon-gy|Kim A-lang
Kim Gil-li|You Young|Lee Yong-dae|Yoo Yeon-seong|Seo Seung-jae|Kim So-yeong|Kong Hee-yong
Jang Woo-jin|Lim Jong-hoon|Kim Hee-jin|Park Jeong-ah|Lee Chang-ho|Shin Jin-seo|Park Jung-hwan
Cho Hun-hyun|Seo Tai-ji|Lee Moon-sae|Kim Gun-mo|Shin Seung-hun|Yoon Do-hyun|Kim Bum-soo
Park Hyo-shin|Sung Si-kyung|Dong Young-bae|Kang Daniel|Kim Jae-joong|Jung Yong-hwa|Lee Seung-gi
Bae Su-ji|Kim Tae-yeon|Im Yoon-ah|Choi Si-won|Ok Taec-yeon|Hwang Kwang-hee|Yoon Mi-rae|Kim In-soon
Lee Jong-suk|Park Shin-hye|Kim Woo-bin|Shin Min-a|Nam Joo-hyuk|Kim Da-mi|Jeon Yeo-been|Kim Seon-ho
Lee Je-hoon|Moon So-ri|Oh Young-soo|Choi Dong-hoon|Cho Won-tae|Chung Yong-jin|Lee Boo-jin
Kim Taek-jin|Kim Jung-ju|Bang Jun-hyuk|Kim Bong-jin|Lee Seung-gun|Seo Jung-jin|Hur Chang-soo
Cho Hyun-joon|Park Jeong-won|Kim Dong-kwan|Lee Jay-hyun|Kim Ki-hyeon|Park Young-sun|Chu Mi-ae
Kim Eun-hye|Woo Won-shik|Moon Hee-sang|Kim Moon-soo|Hong Joon-pyo|Chung Dong-young|Park Jie-won
Suh Hoon|Kim Yong-hyun|Lee Jong-sup|Cho Tae-yul|Yun Byung-se
`;

/** Real Taiwanese, Hong Kong, Singaporean, Malaysian, Indonesian and Philippine people on no list. */
const ASIAN_PEOPLE_K = `
Tsai Ing-wen|Lai Ching-te|Ko Wen-je|Hou Yu-ih|Han Kuo-yu|Hsiao Bi-khim|Ma Ying-jeou|Chen Shui-bian
Morris Chang|Terry Gou|Jay Chou|Ang Lee|Hou Hsiao-hsien|Tai Tzu-ying|Lin Yun-ju|Chou Tzu-yu
Wang Chien-ming|Yani Tseng|Jackie Chan|Andy Lau|Tony Leung Chiu-wai|Donnie Yen|Stephen Chow
Wong Kar-wai|Leslie Cheung|Maggie Cheung|Chow Yun-fat|Michelle Yeoh|Lee Hsien Loong|Lawrence Wong
Tharman Shanmugaratnam|Joseph Schooling|Goh Chok Tong|Loh Kean Yew|Anwar Ibrahim|Lee Chong Wei
Nicol David|Jimmy Choo|Robert Kuok|Joko Widodo|Prabowo Subianto|Sri Mulyani Indrawati|Susi Susanti
Megawati Sukarnoputri|Manny Pacquiao|Maria Ressa|Hidilyn Diaz|Lea Salonga|Carlos Yulo|Eric Chu
Wayne Chiang|Chen Chien-jen|Cho Jung-tai|Lin Chia-lung|Hsu Chao-hsin|Lee Yang|Wang Chi-lin
Chen Yu-chi|Lu Hsiu-yen|Chiang Wan-an|Chang San-cheng|Ko Chen-tung
`;

/** Real Thai people on no list: Thai script = their own Latin spelling. */
const THAI_PEOPLE = `
ประยุทธ์ จันทร์โอชา=Prayut Chan-o-cha|เศรษฐา ทวีสิน=Srettha Thavisin|แพทองธาร ชินวัตร=Paetongtarn Shinawatra
ทักษิณ ชินวัตร=Thaksin Shinawatra|ยิ่งลักษณ์ ชินวัตร=Yingluck Shinawatra|อภิสิทธิ์ เวชชาชีวะ=Abhisit Vejjajiva
พิธา ลิ้มเจริญรัตน์=Pita Limjaroenrat|ธนาธร จึงรุ่งเรืองกิจ=Thanathorn Juangroongruangkit
อนุทิน ชาญวีรกูล=Anutin Charnvirakul|ประวิตร วงษ์สุวรรณ=Prawit Wongsuwon|ชวน หลีกภัย=Chuan Leekpai
ลลิษา มโนบาล=Lalisa Manobal|รัชนก อินทนนท์=Ratchanok Intanon|พาณิภัค วงศ์พัฒนกิจ=Panipak Wongpattanakit
กุลวุฒิ วิทิตศานต์=Kunlavut Vitidsarn|บัวขาว บัญชาเมฆ=Buakaw Banchamek|ภราดร ศรีชาพันธุ์=Paradorn Srichaphan
เอรียา จุฑานุกาล=Ariya Jutanugarn|โมรียา จุฑานุกาล=Moriya Jutanugarn|ชัชชาติ สิทธิพันธุ์=Chadchart Sittipunt
ธนินท์ เจียรวนนท์=Dhanin Chearavanont|เจริญ สิริวัฒนภักดี=Charoen Sirivadhanabhakdi|ดอน ปรมัตถ์วินัย=Don Pramudwinai
อภิชาติพงศ์ วีระเศรษฐกุล=Apichatpong Weerasethakul|พนม ยีรัมย์=Phanom Yeerum
`;

/** Real Georgian, Armenian and Indian people on no list: their script = their Latin spelling. */
const SCRIPT_PEOPLE = `
ბიძინა ივანიშვილი=Bidzina Ivanishvili|სალომე ზურაბიშვილი=Salome Zourabichvili|ირაკლი კობახიძე=Irakli Kobakhidze
ირაკლი ღარიბაშვილი=Irakli Garibashvili|გიორგი გახარია=Giorgi Gakharia|მიხეილ სააკაშვილი=Mikheil Saakashvili
ედუარდ შევარდნაძე=Eduard Shevardnadze|ხვიჩა კვარაცხელია=Khvicha Kvaratskhelia|გიორგი მამარდაშვილი=Giorgi Mamardashvili
ნიკოლოზ ბასილაშვილი=Nikoloz Basilashvili|ლაშა ტალახაძე=Lasha Talakhadze|ზაზა ფაჩულია=Zaza Pachulia
ნინო ბურჯანაძე=Nino Burjanadze|ოთარ იოსელიანი=Otar Iosseliani|გია ყანჩელი=Giya Kancheli
Նիկոլ Փաշինյան=Nikol Pashinyan|Սերժ Սարգսյան=Serzh Sargsyan|Ռոբերտ Քոչարյան=Robert Kocharyan
Լևոն Տեր-Պետրոսյան=Levon Ter-Petrosyan|Հենրիխ Մխիթարյան=Henrikh Mkhitaryan|Լևոն Արոնյան=Levon Aronian
Արամ Խաչատրյան=Aram Khachaturian|Շառլ Ազնավուր=Charles Aznavour|Արարատ Միրզոյան=Ararat Mirzoyan
Վահագն Խաչատուրյան=Vahagn Khachaturyan|Տիգրան Պետրոսյան=Tigran Petrosian|Սերգեյ Փարաջանով=Sergei Parajanov
नरेंद्र मोदी=Narendra Modi|राहुल गांधी=Rahul Gandhi|अमित शाह=Amit Shah|निर्मला सीतारमण=Nirmala Sitharaman
अमिताभ बच्चन=Amitabh Bachchan|शाहरुख़ ख़ान=Shah Rukh Khan|विराट कोहली=Virat Kohli|सचिन तेंदुलकर=Sachin Tendulkar
मुकेश अंबानी=Mukesh Ambani|गौतम अडानी=Gautam Adani|रतन टाटा=Ratan Tata|नीरज चोपड़ा=Neeraj Chopra
ऐश्वर्या राय=Aishwarya Rai|प्रियंका चोपड़ा=Priyanka Chopra|महेंद्र सिंह धोनी=Mahendra Singh Dhoni
लता मंगेशकर=Lata Mangeshkar|अभिनव बिंद्रा=Abhinav Bindra|मनमोहन सिंह=Manmohan Singh|द्रौपदी मुर्मू=Droupadi Murmu
`;

/** Real banks, companies and public bodies: in their own language and script, "=" an English name where the script is not Latin. */
const BODIES_K = `
Българска банка за развитие=Bulgarian Development Bank|УниКредит Булбанк АД=UniCredit Bulbank|Централна кооперативна банка АД=Central Cooperative Bank
Министерство на финансите=Ministry of Finance of Bulgaria|Министерство на икономиката и индустрията=Ministry of Economy and Industry of Bulgaria
Държавна агенция „Национална сигурност“=State Agency for National Security|Пристанище Варна ЕАД=Port of Varna
Български енергиен холдинг ЕАД=Bulgarian Energy Holding|Софарма АД=Sopharma|Химимпорт АД=Chimimport|Булгартрансгаз ЕАД=Bulgartransgaz
Национална електрическа компания ЕАД=National Electricity Company|Аурубис България АД=Aurubis Bulgaria
Lietuvos Respublikos finansų ministerija|Valstybės saugumo departamentas|Muitinės departamentas
Lietuvos jūrų laivininkystė|Viešųjų pirkimų tarnyba|Valstybės sienos apsaugos tarnyba|AB Orlen Lietuva
AB Amber Grid|AB Litgrid|AB Ignitis grupė|Šiaulių bankas AB|AB Klaipėdos nafta
Telia Lietuva AB|Maxima grupė UAB|AB Linas Agro Group|Finansinių nusikaltimų tyrimo tarnyba
Bank Ċentrali ta' Malta|Ministeru għall-Affarijiet Barranin u l-Kummerċ|Awtorità għas-Servizzi Finanzjarji ta' Malta
Transport Malta|Bank of Valletta p.l.c.|HSBC Bank Malta p.l.c.|APS Bank p.l.c.|Malta Freeport Terminals Ltd|Enemalta plc
Gozo Channel (Operations) Ltd|Virtu Ferries Ltd|Dipartiment tad-Dwana|Korporazzjoni Enemalta|Awtorità tal-Ippjanar
ธนาคารแห่งประเทศไทย=Bank of Thailand|ธนาคารกรุงเทพ=Bangkok Bank|ธนาคารกสิกรไทย=Kasikornbank|ธนาคารไทยพาณิชย์=Siam Commercial Bank
กรมศุลกากร=Thai Customs Department|กระทรวงการต่างประเทศ=Ministry of Foreign Affairs of Thailand|การบินไทย=Thai Airways International
เครือเจริญโภคภัณฑ์=Charoen Pokphand Group|ไทยเบฟเวอเรจ=Thai Beverage|อาร์ ซี แอล=Regional Container Lines|พรีเชียส ชิปปิ้ง=Precious Shipping
საქართველოს ეროვნული ბანკი=National Bank of Georgia|საქართველოს ბანკი=Bank of Georgia|თიბისი ბანკი=TBC Bank
საქართველოს შინაგან საქმეთა სამინისტრო=Ministry of Internal Affairs of Georgia|შემოსავლების სამსახური=Revenue Service of Georgia
საქართველოს რკინიგზა=Georgian Railway|ბათუმის საზღვაო პორტი=Batumi Sea Port|ფოთის საზღვაო პორტი=Poti Sea Port
Հայաստանի Կենտրոնական բանկ=Central Bank of Armenia|Ամերիաբանկ=Ameriabank|Արդշինբանկ=Ardshinbank
Պետական եկամուտների կոմիտե=State Revenue Committee of Armenia|Հայաստանի էլեկտրական ցանցեր=Electric Networks of Armenia
भारतीय रिज़र्व बैंक=Reserve Bank of India|भारतीय स्टेट बैंक=State Bank of India|पंजाब नेशनल बैंक=Punjab National Bank
विदेश मंत्रालय=Ministry of External Affairs of India|भारतीय नौवहन निगम=Shipping Corporation of India
तेल और प्राकृतिक गैस निगम=Oil and Natural Gas Corporation|भारत हेवी इलेक्ट्रिकल्स लिमिटेड=Bharat Heavy Electricals Limited
हिंदुस्तान एयरोनॉटिक्स लिमिटेड=Hindustan Aeronautics Limited|टाटा स्टील=Tata Steel|रिलायंस इंडस्ट्रीज़=Reliance Industries
`;

/** Real vessels on no list whose names are short common words. */
const VESSELS_K = `
GOLDEN PRINCESS|DIAMOND PRINCESS|RUBY PRINCESS|SUN PRINCESS|STAR PRINCESS|GRAND PRINCESS
CORAL PRINCESS|ISLAND PRINCESS|CROWN PRINCESS|ROYAL PRINCESS|SKY PRINCESS|OCEAN VIKING|SEA WATCH 3
OPEN ARMS|GEO BARENTS|ARCTIC SUNRISE|RAINBOW WARRIOR|QUEEN ELIZABETH|QUEEN VICTORIA
SPIRIT OF BRITAIN|PRIDE OF ROTTERDAM|PRIDE OF HULL|SILVER SHADOW|SILVER SPIRIT|STAR BREEZE|SEA CLOUD
WIND SURF|GLOBAL MERCY|AFRICA MERCY|PACIFIC DAWN|BLUE MARLIN|EVER FORWARD|SIRIUS STAR|GALAXY LEADER
TRUE CONFIDENCE|RUBYMAR|MAGIC SEAS|ETERNITY C|CENTRAL PARK|MERCER STREET|STOLT VALOR|MSC ARIES
SUEZ RAJAN|HARMONY OF THE SEAS|WONDER OF THE SEAS|ICON OF THE SEAS|OASIS OF THE SEAS
ALLURE OF THE SEAS|SYMPHONY OF THE SEAS|QUANTUM OF THE SEAS|ANTHEM OF THE SEAS|CARNIVAL SUNRISE
CARNIVAL GLORY|CARNIVAL DREAM|COSTA SERENA|MSC BELLISSIMA|SEVEN SEAS EXPLORER|SPIRIT OF DISCOVERY
QUEEN ANNE|NORWEGIAN STAR|NORWEGIAN SUN|NORWEGIAN SKY|NORWEGIAN PEARL|NORWEGIAN JADE
SEABOURN SOJOURN|SEA PRINCESS|PACIFIC PRINCESS|ZUIDERDAM|NIEUW AMSTERDAM|CELEBRITY EDGE
CELEBRITY APEX|MEIN SCHIFF 1|AIDAPRIMA|BLUE STAR DELOS|STENA SPIRIT|PRIDE OF AMERICA
SPIRIT OF ADVENTURE
`;

const entries = (text: string) =>
  text
    .trim()
    .split(/\s*[|\n]\s*/)
    .filter(Boolean);

const CYRILLIC_BACK = twos(
  "щ sht ж zh ц ts ч ch ш sh ю yu я ya х h й y ъ a ь y а a б b в v г g д d е e з z и i к k л l м m " +
    "н n о o п p р r с s т t у u ф f",
);

/** A form read back into Latin letters for the filter: Cyrillic, Georgian, Armenian, Devanagari. */
function latinReadings(form: string): string[] {
  const out = [form, stripMarks(form)];
  if (/\p{Script=Cyrillic}/u.test(form))
    out.push(
      [...form.toLowerCase()].map((c) => CYRILLIC_BACK.find(([cy]) => cy === c)?.[1] ?? c).join(""),
    );
  if (/\p{Script=Georgian}/u.test(form)) out.push(georgianBack(form).replace(/'/g, ""));
  if (/\p{Script=Armenian}/u.test(form))
    out.push(stripMarks(armenianBack(form)).replace(/ʻ/g, "").replace(/ow/g, "u"));
  if (/\p{Script=Devanagari}/u.test(form)) out.push(stripMarks(alaHindi(form)));
  return out;
}

/** Every listed name's word sets (as written and its organisation core) and letters run together. */
class ListedWords {
  private readonly sets = new Map<string, string[][]>();
  private readonly joined = new Set<string>();
  constructor(entities: readonly ListEntity[]) {
    for (const e of entities)
      for (const { name } of e.names) {
        const words = tokenize(name);
        for (const set of [words, splitOrgName(name).core]) {
          const unique = [...new Set(set)];
          for (const w of unique) {
            const list = this.sets.get(w) ?? [];
            list.push(unique);
            this.sets.set(w, list);
          }
        }
        for (const j of runTogether(words)) this.joined.add(j);
      }
  }
  /** Whether a form's words are a listed name's, or one inside the other with two words or more in the smaller. */
  matches(form: string): boolean {
    const words = tokenize(form.normalize("NFKC"));
    for (const set of [words, splitOrgName(form).core]) {
      const mine = new Set(set);
      const seen = new Set<string[]>();
      for (const w of mine)
        for (const listed of this.sets.get(w) ?? []) {
          if (seen.has(listed)) continue;
          seen.add(listed);
          const inListed = [...mine].every((x) => listed.includes(x));
          const listedIn = listed.every((x) => mine.has(x));
          if (
            (inListed && listedIn) ||
            (inListed && mine.size >= 2) ||
            (listedIn && listed.length >= 2)
          )
            return true;
        }
    }
    return runTogether(words).some((j) => this.joined.has(j));
  }
}

/** Letters of the words run together: in order, the first word moved last, the last moved first. */
function runTogether(words: string[]): string[] {
  if (!words.length) return [];
  return [
    words.join(""),
    [...words.slice(1), words[0]].join(""),
    [words.at(-1), ...words.slice(0, -1)].join(""),
  ];
}

/** The Hangul readings a romanized Korean name can stand for at a common spelling. */
function hangulReadings(name: string): string[] {
  const out: string[] = [];
  for (const p of parseName({ full: name }).slice(0, 2))
    for (const fam of p.familyCandidates.filter((c) => c.variance < 1).slice(0, 3))
      for (const parse of p.givenParses.slice(0, 2)) {
        const options = parse.map((slot) =>
          slot.candidates.filter((c) => c.variance < 1).slice(0, 3),
        );
        const combos = options.reduce<string[]>(
          (acc, opts) => acc.flatMap((x) => opts.map((o) => x + o.syllable)).slice(0, 60),
          [""],
        );
        for (const g of combos) out.push(fam.syllable + g);
      }
  return out;
}

/** A person's document form for the negatives: a caption with a description, or an air waybill box. */
function personDocument(name: string, description: string, r: Rand): Form[] {
  const x = r();
  if (x < 0.35) return [["caption", caption(name, undefined, description, r)]];
  if (x < 0.6) return [["air waybill", airWaybill(name, undefined, r, OTHER_CITIES)]];
  const field = nachaName(name);
  return field ? [["NACHA", field]] : [];
}

/** A body's document form for the negatives: a documentary credit, an air waybill box or a NACHA field. */
function bodyDocument(name: string, r: Rand): string | undefined {
  const x = r();
  if (x < 0.4) return letterOfCredit(name, r);
  if (x < 0.8) return airWaybill(name, undefined, r, OTHER_CITIES);
  return nachaName(name);
}

/**
 * Real people, companies, public bodies and vessels on no list, in the forms of this family; a
 * name is dropped, with all its forms, when one of them reads as a listed name (see the header).
 */
export function realNegativesK(
  entities: readonly ListEntity[],
  listedHangul: ReadonlySet<string>,
  seed = 11_213,
): Negative[] {
  const listed = new ListedWords(entities);
  const r = splitmix(seed);
  const kept = new Map<string, Negative>();
  const add = (
    forms: (string | undefined)[],
    kind: string,
    type: Negative["type"],
    korean = false,
  ) => {
    const all = forms.filter((f): f is string => !!f);
    if (all.flatMap(latinReadings).some((f) => listed.matches(f))) return;
    if (korean && hangulReadings(all[0]!).some((h) => listedHangul.has(h))) return;
    for (const name of all) if (!kept.has(name)) kept.set(name, { name, kind, type });
  };
  const person = (name: string, korean: boolean, description: string) => [
    name,
    ...scriptForms(name, korean, r).map(([, f]) => f),
    ...personDocument(name, description, r).map(([, f]) => f),
  ];
  for (const name of entries(KOREAN_PEOPLE_K))
    add(
      person(name, true, "a South Korean public figure"),
      "real Korean person (K)",
      "person",
      true,
    );
  for (const name of entries(ASIAN_PEOPLE_K))
    add(
      person(name, false, "a public figure"),
      "real East or Southeast Asian person (K)",
      "person",
      true,
    );
  for (const pair of entries(THAI_PEOPLE)) {
    const [thai = "", latin = ""] = pair.split("=");
    add(
      [thai, latin, ...personDocument(latin, "a Thai public figure", r).map(([, f]) => f)],
      "real Thai person (K)",
      "person",
    );
  }
  for (const pair of entries(SCRIPT_PEOPLE)) {
    const [script = "", latin = ""] = pair.split("=");
    const back = /\p{Script=Georgian}/u.test(script)
      ? georgianBack(script)
      : /\p{Script=Armenian}/u.test(script)
        ? armenianBack(script)
        : alaHindi(script);
    const forms = [
      script,
      latin,
      r() < 0.6 ? back : undefined,
      ...personDocument(latin, "a public figure", r).map(([, f]) => f),
    ];
    add(forms, "real Georgian, Armenian or Indian person (K)", "person");
  }
  for (const pair of entries(BODIES_K)) {
    const [native = "", english] = pair.split("=");
    const marked = hasMarks(native) && /^[\p{Script=Latin}\s\p{P}\d]+$/u.test(native);
    const legacy =
      marked && r() < 0.4 ? (r() < 0.5 ? sevenBit(native) : mojibake(native)) : undefined;
    add(
      [native, english, legacy, bodyDocument(english ?? native, r)],
      "real company or public body of another state (K)",
      "org",
    );
  }
  for (const vessel of entries(VESSELS_K))
    add(
      [vessel, detentionLine(vessel, undefined, r, OTHER_FLAGS, OTHER_TYPES)],
      "real vessel with a common-word name (K)",
      "org",
    );
  return [...kept.values()];
}
