/**
 * An eighth held-out family for the screening evaluation, sharing no generator with
 * bench/screening-queries.ts (tune) or the families A–G:
 *  - Korean nationals as Japanese documents write them: the Korean reading in katakana, family
 *    and given name split by a middle dot (김정은 → キム・ジョンウン), sometimes followed by the
 *    honorific 氏, as Japanese newspapers print Korean names (a lenis consonant voiceless at the
 *    start of a word and voiced inside it, aspirates voiceless, a small ッ before a tense one:
 *    the conventions https://dprk-translations.hatenablog.com/entry/2018/03/08/002023 lists; the
 *    given name's first consonant voiced or not, as papers differ: ジョンウン, パク・ポンジュ); and
 *    that katakana read back into Latin letters by Hepburn
 *    (https://en.wikipedia.org/wiki/Hepburn_romanization: Kimu Jon'un);
 *  - Korean nationals as the Czech press writes them (Kim Čong-un: McCune–Reischauer with Czech
 *    letters, https://cs.wikipedia.org/wiki/Wikipedie:Transkripce_korejštiny), with the háčeks
 *    lost half the time, and as the Hungarian press writes them (Kim Dzsongun, Han Dokszu, Pak
 *    Kunhje: the Osiris rules, given names joined,
 *    https://hu.wikipedia.org/wiki/Wikipédia:Koreai_nevek_átírása);
 *  - any name in full-width Latin letters with ideographic spaces, as Chinese, Japanese and Korean
 *    word processors type Latin text
 *    (https://en.wikipedia.org/wiki/Halfwidth_and_Fullwidth_Forms_(Unicode_block));
 *  - any name as text copied out of a PDF or a typeset page carries it: a soft hyphen inside a long
 *    word (https://en.wikipedia.org/wiki/Soft_hyphen), a word broken at a line end and rejoined
 *    as "Kwang- son", a no-break or zero-width space between or inside words
 *    (https://en.wikipedia.org/wiki/Non-breaking_space, https://en.wikipedia.org/wiki/Zero-width_space),
 *    typographic apostrophes and dashes for ' and -, and the fi / fl / ff ligatures
 *    (https://en.wikipedia.org/wiki/Orthographic_ligature#Ligatures_in_Unicode_(Latin_alphabets));
 *  - organisations translated into Italian, Portuguese, Dutch or Polish, four of the 24 languages
 *    the EU Official Journal publishes its sanctions annexes in
 *    (https://eur-lex.europa.eu/eli/reg/2017/1509/oj, each language version): the head noun and the
 *    generic words translated with their gender, Italian and Portuguese putting the head first,
 *    noun modifiers after "di" / "de" and complements after articled prepositions
 *    (RECONNAISSANCE GENERAL BUREAU → Ufficio generale di ricognizione; MINISTRY OF ATOMIC ENERGY
 *    INDUSTRY → Ministero dell'industria dell'energia atomica), Dutch gluing noun modifiers into
 *    one compound (Ministerie van Atoomenergie-industrie), Polish
 *    putting classifying adjectives after the noun and complements in the genitive (Bank Handlowy
 *    Tanchon, Ministerstwo Przemysłu Energii Atomowej); the Workers' Party, the Korean People's
 *    Army and the state by the names those languages' Wikipedias give them (Partito del Lavoro di
 *    Corea, Koreańska Armia Ludowa…); untranslatable words and the legal form kept as listed;
 *  - organisations with KOREA / KOREAN in the name written the DPRK way (D.P.R.K., DPR Korea,
 *    North Korean, N. Korean), and DPRK bodies without it given the country's possessive as press
 *    copy does ("North Korea's Reconnaissance General Bureau", "the DPRK's Second Economic
 *    Committee");
 *  - vessels as news copy names them: mixed case, after a flag and a ship type ("the
 *    North Korean-flagged tanker Chon Ma San", "cargo ship Ji Song 6");
 *  - negatives: real people and companies on no list, other than A–G's: South Korean athletes,
 *    writers, film makers, musicians and politicians (https://en.wikipedia.org/wiki/List_of_South_Koreans)
 *    in the Korean forms above, Chinese people (https://en.wikipedia.org/wiki/List_of_Chinese_people)
 *    and Japanese people (https://en.wikipedia.org/wiki/List_of_Japanese_people) as Japanese
 *    and CJK documents write them, Italian, Portuguese, Brazilian, Dutch, Belgian and Polish banks,
 *    companies and ministries with their legal forms, South Korean public bodies translated as
 *    above, and real merchant vessels as news copy names them. A negative is dropped when a form
 *    reads as a listed name (a Hangul reading of a listed name), when its words and any listed
 *    name's words (every name and alias of both lists, of any kind) are one a subset of the other
 *    (the smaller with two words or more, or equal), or when its letters, spaces and signs
 *    removed, equal a listed name's in either order of family and given name.
 * Seeded: the same lists give the same queries.
 */

import { hanToHangul } from "../src/core/names/index.js";
import { type ListEntity, splitOrgName, tokenize } from "../src/core/screening/index.js";
import {
  hangulOf,
  isKoreanNational,
  type Negative,
  standardReadings,
  type VariantFamily,
  variantQueries,
} from "./screening-heldout.js";
import { type EvalQuery, pick, prng } from "./screening-queries.js";

const title = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w);

// ---- Hangul syllables to letters ----------------------------------------------------------------

/** A Hangul syllable as its initial, vowel and final indexes (Unicode's composition order). */
interface Syllable {
  l: number;
  v: number;
  /** The final's sound: "", k, n, t, l, m, p or ng. */
  t: string;
}

const FINAL_SOUND = [
  ..."_ k k k n n n t l k m l l l p l m p p t t".split(" "),
  ..."ng t t k t p t".split(" "),
].map((s) => (s === "_" ? "" : s));

function syllables(hangul: string): Syllable[] {
  return [...hangul].flatMap((ch) => {
    const c = ch.codePointAt(0)! - 0xac00;
    if (c < 0 || c > 11171) return [];
    return [{ l: Math.floor(c / 588), v: Math.floor((c % 588) / 28), t: FINAL_SOUND[c % 28]! }];
  });
}

/** ㄱ ㄷ ㅂ ㅈ: voiced after a vowel, a nasal or ㄹ inside a word, voiceless at its start. */
const voicedAfter = (prev: string | undefined) =>
  prev !== undefined && ["", "n", "m", "ng", "l"].includes(prev);

interface Scheme {
  /** Initials by index: a string, or [voiceless, voiced] for the four lenis consonants. */
  initials: (string | [string, string])[];
  vowels: string[];
  finals: Record<string, string>;
}

/** One word of syllables in a scheme; `prev` is the final sound before the word, if any. */
function spell(word: Syllable[], s: Scheme, prev?: string): string {
  let out = "";
  for (const syl of word) {
    const init = s.initials[syl.l]!;
    let c = typeof init === "string" ? init : init[voicedAfter(prev) ? 1 : 0];
    if (syl.l === 5 && prev === "l") c = "l";
    out += c + s.vowels[syl.v]! + (s.finals[syl.t] ?? syl.t);
    prev = syl.t;
  }
  return out;
}

/** A scheme from its initials in jamo order (voiceless/voiced for the lenis ones, _ for none) and vowels. */
function scheme(initials: string, vowels: string): Scheme {
  const init = initials.split(" ").map((x) => {
    const [a, b] = x.split("/");
    return b === undefined ? (a === "_" ? "" : a!) : ([a!, b] as [string, string]);
  });
  return { initials: init, vowels: vowels.split(" "), finals: {} };
}

/** Czech transcription (MR with Czech letters), from cs.wikipedia's comparison table. */
const CZECH: Scheme = scheme(
  "k/g kk n t/d tt r m p/b pp s ss _ č/dž čč čch kch tch pch h",
  "a e ja je o e jo je o wa we ö jo u wo we ü ju u ui i",
);

/** Hungarian transcription (the Osiris rules hu.wikipedia follows). */
const HUNGARIAN: Scheme = scheme(
  "k/g kk n t/d tt r m p/b pp sz ssz _ cs/dzs ccs csh kh th ph h",
  "a e ja je o e jo je o va ve ö jo u vo ve vi ju u ui i",
);

const DEACCENT: Record<string, string> = { č: "c", ž: "z", ö: "o", ü: "u" };

/** Kim Čong-un; with `plain`, Kim Cong-un. */
function czechName(family: Syllable[], given: Syllable[], plain: boolean): string {
  const g = given.map((s, i) => spell([s], CZECH, i === 0 ? undefined : given[i - 1]!.t));
  const out = `${title(spell(family, CZECH))} ${title(g.join("-"))}`.replace(
    /-(\p{L})/u,
    (_, x: string) => `-${x.toLowerCase()}`,
  );
  return plain ? out.replace(/[čžöü]/g, (x) => DEACCENT[x]!) : out;
}

/** Kim Dzsongun: the voicing carries across the family name into the joined given name. */
function hungarianName(family: Syllable[], given: Syllable[]): string {
  const fam = spell(family, HUNGARIAN);
  const giv = spell(given, HUNGARIAN, family.at(-1)!.t);
  return `${title(fam)} ${title(giv)}`;
}

// ---- Korean reading in katakana, and back in Hepburn ---------------------------------------------

/** Japanese onsets for the Korean initials; lenis ones as [voiceless, voiced]. */
const KANA_ONSET = scheme("k/g k n t/d t r m p/b p s s _ ch/j ch ch k t p h", "").initials;
const TENSE = new Set([1, 4, 8, 10, 13]);
/** Japanese vowels for the Korean vowels (ㅓ as o, ㅡ as u, ㅐ ㅔ as e). */
const KANA_VOWEL = "a e ya ye o e yo ye o wa we we yo u wo we wi yu u ui i".split(" ");

const ROWS: Record<string, string> = {
  "": "アイウエオ",
  k: "カキクケコ",
  g: "ガギグゲゴ",
  s: "サシスセソ",
  t: "タチツテト",
  d: "ダヂヅデド",
  n: "ナニヌネノ",
  h: "ハヒフヘホ",
  b: "バビブベボ",
  p: "パピプペポ",
  m: "マミムメモ",
  r: "ラリルレロ",
};
const SMALL: Record<string, string> = { a: "ァ", i: "ィ", u: "ゥ", e: "ェ", o: "ォ" };
const SMALL_Y: Record<string, string> = { a: "ャ", u: "ュ", o: "ョ", e: "ェ" };
const Y_KANA: Record<string, string> = { a: "ヤ", u: "ユ", o: "ヨ" };
const kanaOf = (c: string, v: string) => ROWS[c]![["a", "i", "u", "e", "o"].indexOf(v)]!;

/** One Korean syllable's onset and vowel as [katakana, Hepburn]. */
function mora(onset: string, vowel: string): [string, string] {
  if (vowel === "ui") return onset ? mora(onset, "i") : ["ウィ", "wi"];
  const glide = vowel.length === 2 ? vowel[0]! : "";
  const v = glide ? vowel[1]! : vowel;
  // ㅌ ㄷ before y read as ㅊ ㅈ; a consonant before ye reads as before e.
  const c =
    glide === "y" && (onset === "t" || onset === "d") ? (onset === "t" ? "ch" : "j") : onset;
  if (glide === "y" && c && v === "e") return mora(c, "e");
  if (c === "ch" || c === "j") {
    const base = c === "ch" ? "チ" : "ジ";
    return v === "i" ? [base, `${c}i`] : [base + SMALL_Y[v]!, c + v];
  }
  if (glide === "y") {
    if (!c) return v === "e" ? ["イェ", "ye"] : [Y_KANA[v]!, `y${v}`];
    if (c === "s") return [`シ${SMALL_Y[v]}`, `sh${v}`];
    return [kanaOf(c, "i") + SMALL_Y[v], `${c}y${v}`];
  }
  if (glide === "w") {
    if (!c) return v === "a" ? ["ワ", "wa"] : [`ウ${SMALL[v]}`, `w${v}`];
    if (c === "h") return [`フ${SMALL[v]}`, `f${v}`];
    return [kanaOf(c, "u") + SMALL[v], `${c}w${v}`];
  }
  // ティ トゥ ディ ドゥ: Japanese has no plain ti, tu, di, du.
  if ((c === "t" || c === "d") && (v === "i" || v === "u"))
    return [kanaOf(c, v === "i" ? "e" : "o") + SMALL[v], c + v];
  const romaji = c === "s" && v === "i" ? "shi" : c === "h" && v === "u" ? "fu" : c + v;
  return [kanaOf(c, v), romaji];
}

const FINAL_KANA: Record<string, [string, string]> = {
  k: ["ク", "ku"],
  n: ["ン", "n"],
  ng: ["ン", "n"],
  m: ["ム", "mu"],
  l: ["ル", "ru"],
  p: ["プ", "pu"],
};

/** One part of a name (the family name, or the given name) as [katakana, Hepburn]. */
function kanaWord(word: Syllable[], voicedStart: boolean): [string, string] {
  let kana = "";
  let romaji = "";
  word.forEach((syl, i) => {
    const on = KANA_ONSET[syl.l]!;
    const voiced = i === 0 ? voicedStart : voicedAfter(word[i - 1]!.t);
    const c = typeof on === "string" ? on : on[voiced ? 1 : 0];
    // A tense initial (ㄲ ㄸ ㅃ ㅆ ㅉ) inside a word takes the small ッ before it.
    if (i > 0 && TENSE.has(syl.l) && word[i - 1]!.t !== "t") {
      kana += "ッ";
      romaji += c === "ch" ? "t" : c[0];
    }
    // A final ㅅ ㄷ ㅈ… is the small ッ before a consonant (doubling it in Hepburn), ト before a vowel.
    if (i > 0 && word[i - 1]!.t === "t") {
      if (c) romaji += c === "ch" ? "t" : c[0];
      else {
        kana += "ト";
        romaji += "to";
      }
    }
    // Hepburn's apostrophe after ン before a vowel or y: Jon'un.
    if (!c && romaji.endsWith("n")) romaji += "'";
    const [k, r] = mora(c, KANA_VOWEL[syl.v]!);
    kana += k;
    romaji += r;
    if (syl.t === "t") {
      if (i === word.length - 1) {
        kana += "ト";
        romaji += "to";
      } else if (KANA_ONSET[word[i + 1]!.l] !== "") kana += "ッ";
    } else if (syl.t) {
      const [fk, fr] = FINAL_KANA[syl.t]!;
      kana += fk;
      romaji += fr;
    }
  });
  return [kana, romaji];
}

/** The Korean forms of a name from its Hangul family and given syllables. */
function koreanFormsOf(
  family: Syllable[],
  given: Syllable[],
  rand: () => number,
): [string, string][] {
  if (family.length === 0 || given.length === 0) return [];
  // Japanese papers voice the given name's first consonant or not (ジョンウン, ポンジュ).
  const [fk, fr] = kanaWord(family, false);
  const [gk, gr] = kanaWord(given, rand() < 0.5);
  const out: [string, string][] = [];
  if (rand() < 0.6) out.push(["katakana", `${fk}・${gk}`]);
  else out.push(["katakana with 氏", `${fk}・${gk}氏`]);
  out.push(["katakana read back in Hepburn", `${title(fr)} ${title(gr)}`]);
  const plain = rand() < 0.5;
  out.push([
    plain ? "Czech transcription, háčeks lost" : "Czech transcription",
    czechName(family, given, plain),
  ]);
  out.push(["Hungarian transcription", hungarianName(family, given)]);
  return out;
}

/** The Korean forms of a romanized Korean name, through the Hangul it parses to. */
function koreanForms(name: string, rand: () => number): [string, string][] {
  const h = hangulOf(name);
  return h ? koreanFormsOf(syllables(h.family), syllables(h.given.join("")), rand) : [];
}

// ---- full-width Latin and PDF text ---------------------------------------------------------------

/** ASCII letters, digits and signs as their full-width forms; spaces as ideographic spaces. */
export function fullWidth(s: string): string {
  return [...s]
    .map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c === 0x20) return "\u3000";
      return c > 0x20 && c < 0x7f ? String.fromCodePoint(c + 0xfee0) : ch;
    })
    .join("");
}

const isVowel = (ch: string | undefined) => ch !== undefined && /[aeiouyAEIOUY]/.test(ch);
const isConsonant = (ch: string | undefined) => ch !== undefined && /[^\W\d_aeiouyAEIOUY]/.test(ch);
const DIGRAPH = /^(ng|ch|sh|kh|ph|th|zh|ts|hw|kw|gw|ny|ry|my|hy|ky|py)$/i;
const letters = (w: string, from: number, to: number) => /^\p{L}+$/u.test(w.slice(from, to));

/**
 * Where a hyphenating typesetter breaks a word: before a consonant between two vowels (Leo-nard),
 * else between two consonants (Kwang-son), not inside ng, ch, sh…; two letters in at least.
 */
function breakPoint(word: string): number | undefined {
  const at = (ok: (i: number) => boolean) => {
    for (let i = 2; i <= word.length - 2; i++) if (letters(word, i - 2, i + 2) && ok(i)) return i;
    return undefined;
  };
  return (
    at((i) => isVowel(word[i - 1]) && isConsonant(word[i]) && isVowel(word[i + 1])) ??
    at(
      (i) =>
        isConsonant(word[i - 1]) &&
        isConsonant(word[i]) &&
        isVowel(word[i + 1]) &&
        !DIGRAPH.test(word.slice(i - 1, i + 1)) &&
        !DIGRAPH.test(word.slice(i, i + 2)),
    )
  );
}

const LOWER_IN_NAMES = new Set(["of", "and", "the", "for", "de", "du"]);

/** A name in mixed case, as running text sets it: MINISTRY OF DEFENCE → Ministry of Defence. */
function mixedCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s
    .split(" ")
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (i > 0 && LOWER_IN_NAMES.has(lower)) return lower;
      return /^\p{L}/u.test(w) && !isAcronym(w) ? w[0]! + lower.slice(1) : w;
    })
    .join(" ");
}

/** Capitals kept in mixed case: words without a vowel (SHPG, KKBC, DPRKN) and known initialisms. */
const INITIALISMS = new Set(["KPA", "MSC", "HMM", "APT", "OMM", "KOMID", "JV", "ONE", "YM"]);
const isAcronym = (w: string) => /^\p{Lu}+$/u.test(w) && (!/[AEIOU]/.test(w) || INITIALISMS.has(w));

type Damage = [string, (s: string, rand: () => number) => string | undefined];

/** The marks text copied out of a PDF or a typeset page leaves in a name; undefined where none fits. */
const DAMAGES: Damage[] = [
  [
    "soft hyphen inside a word",
    (s) => {
      const words = s.split(" ");
      const i = words.reduce((b, w, j) => (w.length > words[b]!.length ? j : b), 0);
      const at = breakPoint(words[i]!);
      if (at === undefined) return undefined;
      words[i] = `${words[i]!.slice(0, at)}\u00ad${words[i]!.slice(at)}`;
      return words.join(" ");
    },
  ],
  [
    "word broken at a line end",
    (s, rand) => {
      const words = s.split(" ");
      const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 7);
      if (!long.length) return undefined;
      const [w, i] = pick(long, rand);
      const at = breakPoint(w);
      if (at === undefined) return undefined;
      words[i] = `${w.slice(0, at)}- ${w.slice(at)}`;
      return words.join(" ");
    },
  ],
  [
    "no-break or zero-width space",
    (s, rand) => {
      if (!s.includes(" ")) return undefined;
      const sp = pick(["\u00a0", "\u202f", "\u200b"], rand);
      return sp === "\u200b" ? s.replace(/ /g, ` ${sp}`) : s.replace(/ /g, sp);
    },
  ],
  [
    "typographic apostrophe or dash",
    (s, rand) =>
      /['-]/.test(s)
        ? s
            .replace(/'/g, pick(["\u2019", "\u02bc"], rand))
            .replace(/-/g, pick(["\u2010", "\u2013"], rand))
        : undefined,
  ],
  [
    "ligature",
    (s) => {
      const mixed = mixedCase(s);
      const out = mixed
        .replace(/ffi/g, "\ufb03")
        .replace(/ff/g, "\ufb00")
        .replace(/fi/g, "\ufb01")
        .replace(/fl/g, "\ufb02");
      return out === mixed ? undefined : out;
    },
  ],
];

/** One PDF damage for a name, drawn among those that fit it; undefined when none does. */
function pdfDamage(name: string, rand: () => number): [string, string] | undefined {
  const fits = DAMAGES.flatMap(([kind, f]): [string, string][] => {
    const out = f(name, rand);
    return out !== undefined && out !== name ? [[`PDF text: ${kind}`, out]] : [];
  });
  return fits.length ? pick(fits, rand) : undefined;
}

function personVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  if (isKoreanNational(e)) out.push(...koreanForms(name, rand));
  if (/[A-Za-z]/.test(name)) {
    if (rand() < 0.5) out.push(["full-width Latin", fullWidth(name)]);
    const d = pdfDamage(name, rand);
    if (d) out.push(d);
  }
  return out;
}

// ---- organisations in Italian, Portuguese, Dutch and Polish ----------------------------------------

type Lang = "it" | "pt" | "nl" | "pl";
const LANGS: readonly Lang[] = ["it", "pt", "nl", "pl"];
const LANGUAGE: Record<Lang, string> = {
  it: "Italian",
  pt: "Portuguese",
  nl: "Dutch",
  pl: "Polish",
};

/**
 * A word's translations. Nouns: it and pt "form/gender" (m, f, mp, fp); nl "form" or
 * "form/compound form"; pl "nominative/genitive/gender" (m, f, n, p). Adjectives: the masculine
 * singular (it, pt, pl; the others derived), or "=" and a phrase that does not agree; nl the
 * inflected form, or a compound prefix ending in "-". Kinds: n noun, a adjective after the noun,
 * o ordinal before it, p the country (an adjective).
 */
type Term = [kind: "n" | "a" | "o" | "p", it: string, pt: string, nl: string, pl: string];

const NOUN = (it: string, pt: string, nl: string, pl: string): Term => ["n", it, pt, nl, pl];
const ADJ = (it: string, pt: string, nl: string, pl: string): Term => ["a", it, pt, nl, pl];

const TERMS: Record<string, Term> = {
  BANK: NOUN("banca/f", "banco/m", "bank", "bank/banku/m"),
  CORPORATION: NOUN("società/f", "sociedade/f", "maatschappij", "korporacja/korporacji/f"),
  COOPERATION: NOUN("cooperazione/f", "cooperação/f", "samenwerking", "współpraca/współpracy/f"),
  COMPANY: NOUN("compagnia/f", "companhia/f", "bedrijf", "spółka/spółki/f"),
  COMPANIES: NOUN("società/fp", "empresas/fp", "bedrijven", "spółki/spółek/p"),
  GROUP: NOUN("gruppo/m", "grupo/m", "groep", "grupa/grupy/f"),
  BUREAU: NOUN("ufficio/m", "gabinete/m", "bureau", "biuro/biura/n"),
  OFFICE: NOUN("ufficio/m", "escritório/m", "kantoor", "biuro/biura/n"),
  DEPARTMENT: NOUN("dipartimento/m", "departamento/m", "afdeling", "departament/departamentu/m"),
  DIVISION: NOUN("divisione/f", "divisão/f", "divisie", "wydział/wydziału/m"),
  MINISTRY: NOUN("ministero/m", "ministério/m", "ministerie", "ministerstwo/ministerstwa/n"),
  COMMITTEE: NOUN("comitato/m", "comité/m", "comité", "komitet/komitetu/m"),
  COMMISSION: NOUN("commissione/f", "comissão/f", "commissie", "komisja/komisji/f"),
  ACADEMY: NOUN("accademia/f", "academia/f", "academie", "akademia/akademii/f"),
  INSTITUTE: NOUN("istituto/m", "instituto/m", "instituut", "instytut/instytutu/m"),
  CENTER: NOUN("centro/m", "centro/m", "centrum", "centrum/centrum/n"),
  ADMINISTRATION: NOUN(
    "amministrazione/f",
    "administração/f",
    "administratie",
    "administracja/administracji/f",
  ),
  UNIVERSITY: NOUN("università/f", "universidade/f", "universiteit", "uniwersytet/uniwersytetu/m"),
  PARTY: NOUN("partito/m", "partido/m", "partij", "partia/partii/f"),
  ARMY: NOUN("esercito/m", "exército/m", "leger", "armia/armii/f"),
  FORCE: NOUN("forza/f", "força/f", "strijdmacht", "siła/siły/f"),
  FORCES: NOUN("forze/fp", "forças/fp", "strijdkrachten", "siły/sił/p"),
  COMMAND: NOUN("comando/m", "comando/m", "commando", "dowództwo/dowództwa/n"),
  INDUSTRY: NOUN("industria/f", "indústria/f", "industrie", "przemysł/przemysłu/m"),
  ENERGY: NOUN("energia/f", "energia/f", "energie", "energia/energii/f"),
  TECHNOLOGY: NOUN("tecnologia/f", "tecnologia/f", "technologie", "technologia/technologii/f"),
  DEVELOPMENT: NOUN(
    "sviluppo/m",
    "desenvolvimento/m",
    "ontwikkeling/ontwikkelings",
    "rozwój/rozwoju/m",
  ),
  TRADE: NOUN("commercio/m", "comércio/m", "handel/handels", "handel/handlu/m"),
  MANAGEMENT: NOUN("gestione/f", "gestão/f", "beheer", "zarządzanie/zarządzania/n"),
  SECURITY: NOUN(
    "sicurezza/f",
    "segurança/f",
    "veiligheid/veiligheids",
    "bezpieczeństwo/bezpieczeństwa/n",
  ),
  MACHINERY: NOUN("macchinari/mp", "maquinaria/f", "machines/machine", "maszyny/maszyn/p"),
  MACHINE: NOUN("macchina/f", "máquina/f", "machine", "maszyna/maszyny/f"),
  CONSTRUCTION: NOUN("costruzioni/fp", "construção/f", "bouw", "budownictwo/budownictwa/n"),
  SCIENCES: NOUN("scienze/fp", "ciências/fp", "wetenschappen/wetenschaps", "nauki/nauk/p"),
  SCIENCE: NOUN("scienza/f", "ciência/f", "wetenschap/wetenschaps", "nauka/nauki/f"),
  DEFENSE: NOUN("difesa/f", "defesa/f", "defensie", "obrona/obrony/f"),
  OIL: NOUN("petrolio/m", "petróleo/m", "olie", "ropa/ropy/f"),
  INSURANCE: NOUN(
    "assicurazioni/fp",
    "seguros/mp",
    "verzekering/verzekerings",
    "ubezpieczenia/ubezpieczeń/p",
  ),
  EQUIPMENT: NOUN("attrezzature/fp", "equipamentos/mp", "uitrusting", "sprzęt/sprzętu/m"),
  RESOURCES: NOUN("risorse/fp", "recursos/mp", "hulpbronnen", "zasoby/zasobów/p"),
  INVESTMENT: NOUN(
    "investimenti/mp",
    "investimento/m",
    "investering/investerings",
    "inwestycje/inwestycji/p",
  ),
  ELECTRONICS: NOUN("elettronica/f", "eletrónica/f", "elektronica", "elektronika/elektroniki/f"),
  RESEARCH: NOUN("ricerca/f", "investigação/f", "onderzoek/onderzoeks", "badania/badań/p"),
  EXPORT: NOUN("esportazione/f", "exportação/f", "export", "eksport/eksportu/m"),
  IMPORT: NOUN("importazione/f", "importação/f", "import", "import/importu/m"),
  RECONNAISSANCE: NOUN(
    "ricognizione/f",
    "reconhecimento/m",
    "verkenning/verkennings",
    "rozpoznanie/rozpoznania/n",
  ),
  MUNITIONS: NOUN("munizioni/fp", "munições/fp", "munitie", "amunicja/amunicji/f"),
  SUPPLIES: NOUN(
    "forniture/fp",
    "abastecimentos/mp",
    "bevoorrading",
    "zaopatrzenie/zaopatrzenia/n",
  ),
  LAND: NOUN("terra/f", "terra/f", "land", "ziemia/ziemi/f"),
  PROPAGANDA: NOUN("propaganda/f", "propaganda/f", "propaganda", "propaganda/propagandy/f"),
  AGITATION: NOUN("agitazione/f", "agitação/f", "agitatie", "agitacja/agitacji/f"),
  ORGANIZATION: NOUN(
    "organizzazione/f",
    "organização/f",
    "organisatie",
    "organizacja/organizacji/f",
  ),
  GUIDANCE: NOUN("direzione/f", "orientação/f", "leiding", "kierownictwo/kierownictwa/n"),
  STUDIO: NOUN("studio/m", "estúdio/m", "studio", "studio/studia/n"),
  ART: NOUN("arte/f", "arte/f", "kunst", "sztuka/sztuki/f"),
  UNIT: NOUN("unità/f", "unidade/f", "eenheid", "jednostka/jednostki/f"),
  PLANT: NOUN("stabilimento/m", "fábrica/f", "fabriek", "zakład/zakładu/m"),
  SHIP: NOUN("navi/fp", "navios/mp", "schip/scheeps", "statki/statków/p"),
  CREW: NOUN("equipaggi/mp", "tripulações/fp", "bemanning/bemannings", "załogi/załóg/p"),
  VENTURE: NOUN(
    "impresa/f",
    "empreendimento/m",
    "onderneming/ondernemings",
    "przedsięwzięcie/przedsięwzięcia/n",
  ),
  FINANCE: NOUN("finanza/f", "finanças/fp", "financiering/financierings", "finanse/finansów/p"),
  CREDIT: NOUN("credito/m", "crédito/m", "krediet", "kredyt/kredytu/m"),
  TRADING: ADJ("commerciale", "comercial", "handels-", "handlowy"),
  COMMERCIAL: ADJ("commerciale", "comercial", "commerciële", "handlowy"),
  BANKING: ADJ("bancario", "bancário", "bank-", "bankowy"),
  GENERAL: ADJ("generale", "geral", "algemene", "generalny"),
  INTERNATIONAL: ADJ("internazionale", "internacional", "internationale", "międzynarodowy"),
  NATIONAL: ADJ("nazionale", "nacional", "nationale", "narodowy"),
  CENTRAL: ADJ("centrale", "central", "centrale", "centralny"),
  FOREIGN: ADJ("estero", "externo", "buitenlandse", "zagraniczny"),
  OVERSEAS: ADJ("=d'oltremare", "ultramarino", "overzeese", "zamorski"),
  MINING: ADJ("minerario", "mineiro", "mijnbouw-", "górniczy"),
  SHIPPING: ADJ("=di navigazione", "=de navegação", "scheepvaart-", "żeglugowy"),
  MARITIME: ADJ("marittimo", "marítimo", "maritieme", "morski"),
  INDUSTRIAL: ADJ("industriale", "industrial", "industriële", "przemysłowy"),
  TECHNICAL: ADJ("tecnico", "técnico", "technische", "techniczny"),
  ECONOMIC: ADJ("economico", "económico", "economische", "gospodarczy"),
  MILITARY: ADJ("militare", "militar", "militaire", "wojskowy"),
  STRATEGIC: ADJ("strategico", "estratégico", "strategische", "strategiczny"),
  ATOMIC: ADJ("atomico", "atómico", "atoom-", "atomowy"),
  NATURAL: ADJ("naturale", "natural", "natuur-", "przyrodniczy"),
  CHEMICAL: ADJ("chimico", "químico", "chemische", "chemiczny"),
  UNITED: ADJ("unito", "unido", "verenigde", "zjednoczony"),
  SPACE: ADJ("spaziale", "espacial", "ruimtevaart-", "kosmiczny"),
  AEROSPACE: ADJ("aerospaziale", "aeroespacial", "ruimtevaart-", "lotniczo-kosmiczny"),
  STATE: ADJ("statale", "estatal", "staats-", "państwowy"),
  "PEOPLE'S": ADJ("popolare", "popular", "volks-", "ludowy"),
  ARMED: ADJ("armato", "armado", "gewapende", "zbrojny"),
  ROCKET: ADJ("missilistico", "=de mísseis", "raket-", "rakietowy"),
  EAST: ADJ("orientale", "oriental", "oostelijke", "wschodni"),
  JOINT: ADJ("congiunto", "conjunto", "gezamenlijke", "wspólny"),
  SECOND: ["o", "secondo", "segundo", "tweede", "drugi"],
  FIRST: ["o", "primo", "primeiro", "eerste", "pierwszy"],
  THIRD: ["o", "terzo", "terceiro", "derde", "trzeci"],
  KOREA: ["p", "coreano", "coreano", "Koreaanse", "koreański"],
  NKOREA: ["p", "nordcoreano", "norte-coreano", "Noord-Koreaanse", "północnokoreański"],
};
for (const [alias, of] of [
  ["CORP", "CORPORATION"],
  ["CO", "COMPANY"],
  ["CENTRE", "CENTER"],
  ["DEFENCE", "DEFENSE"],
  ["FACTORY", "PLANT"],
  ["EXTERNAL", "FOREIGN"],
  ["MARINE", "MARITIME"],
  ["ECONOMICS", "ECONOMIC"],
  ["CHEMICALS", "CHEMICAL"],
  ["EASTERN", "EAST"],
  ["KOREAN", "KOREA"],
  ["DPRK", "KOREA"],
  ["CHOSON", "KOREA"],
  ["CHOSUN", "KOREA"],
] as const)
  TERMS[alias] = TERMS[of]!;

/** Bodies by the names the four languages' Wikipedias give them: [it, pt, nl, pl nominative/genitive]. */
const FIXED: [RegExp, string, [string, string, string, string]][] = [
  [
    /\b(?:WORKERS'? PARTY OF KOREA|KOREAN WORKERS'? PARTY)\b/,
    "§0",
    [
      "Partito del Lavoro di Corea/m",
      "Partido dos Trabalhadores da Coreia/m",
      "Koreaanse Arbeiderspartij",
      "Partia Pracy Korei/Partii Pracy Korei/f",
    ],
  ],
  [
    /\bKOREAN PEOPLE'S ARMY\b/,
    "§1",
    [
      "Esercito Popolare Coreano/m",
      "Exército Popular da Coreia/m",
      "Koreaans Volksleger",
      "Koreańska Armia Ludowa/Koreańskiej Armii Ludowej/f",
    ],
  ],
  [
    /\bDEMOCRATIC PEOPLE'S REPUBLIC OF KOREA\b/,
    "§2",
    [
      "Repubblica Popolare Democratica di Corea/f",
      "República Popular Democrática da Coreia/f",
      "Democratische Volksrepubliek Korea",
      "Koreańska Republika Ludowo-Demokratyczna/Koreańskiej Republiki Ludowo-Demokratycznej/f",
    ],
  ],
];

interface Tok {
  kind: Term[0] | "fixed" | "and" | "word";
  /** The word as listed (proper words are kept), or the fixed body's index. */
  en: string;
  term?: Term;
}

const langIndex = (lang: Lang) => LANGS.indexOf(lang) + 1;
const formOf = (t: Tok, lang: Lang) =>
  t.kind === "fixed"
    ? FIXED[Number(t.en.slice(1))]![2][langIndex(lang) - 1]!
    : (t.term![langIndex(lang)]! as string);

/** A noun's [form, gender] (it, pt: form/gender; pl: nominative/genitive/gender → the case asked). */
function noun(t: Tok, lang: Lang, genitive = false): [string, string] {
  const parts = formOf(t, lang).split("/");
  if (lang === "pl") return [parts[genitive ? 1 : 0]!, parts[2]!];
  return [parts[0]!, parts[1] ?? "m"];
}

/** An adjective agreeing with a noun of gender g (and case, in Polish). */
function agree(t: Tok, lang: Lang, g: string, genitive = false): string {
  if (t.kind === "and") return lang === "pl" ? "i" : "e";
  const base = formOf(t, lang);
  if (base.startsWith("=")) return base.slice(1);
  const plural = g.length === 2 || g === "p";
  const fem = g.startsWith("f");
  if (lang === "it") {
    if (base.endsWith("co"))
      return base.slice(0, -1) + (fem ? (plural ? "he" : "a") : plural ? "i" : "o");
    if (base.endsWith("o"))
      return base.slice(0, -1) + (fem ? (plural ? "e" : "a") : plural ? "i" : "o");
    if (base.endsWith("e")) return plural ? `${base.slice(0, -1)}i` : base;
    return base;
  }
  if (lang === "pt") {
    if (base.endsWith("o")) return base.slice(0, -1) + (fem ? "a" : "o") + (plural ? "s" : "");
    if (base.endsWith("l")) return plural ? `${base.slice(0, -1)}is` : base;
    return plural ? `${base}s` : base;
  }
  // Polish: -y / -i stems.
  const soft = base.endsWith("i");
  const stem = base.slice(0, -1);
  if (genitive)
    return (
      stem + (soft ? "i" : "") + (g === "f" ? "ej" : g === "p" ? (soft ? "ch" : "ych") : "ego")
    );
  if (g === "m") return base;
  return stem + (g === "f" ? "a" : soft ? "ie" : "e");
}

/** Italian and Portuguese "of": plain (di, de) or with the article the noun takes. */
function of(lang: Lang, form: string, g: string, articled: boolean): string {
  if (!articled) return lang === "it" ? "di " : "de ";
  if (lang === "pt") return { m: "do ", f: "da ", mp: "dos ", fp: "das " }[g] ?? "de ";
  const vowel = /^[aeiouàèéìòù]/i.test(form);
  const impure = /^(s[^aeiou]|z|gn|ps|x|y)/i.test(form);
  if (g === "m") return vowel ? "dell'" : impure ? "dello " : "del ";
  if (g === "f") return vowel ? "dell'" : "della ";
  if (g === "mp") return vowel || impure ? "degli " : "dei ";
  return "delle ";
}

interface Parts {
  head: Tok;
  ordinals: Tok[];
  headAdjs: Tok[];
  places: Tok[];
  proper: Tok[];
  /** Noun modifiers before the head, each [noun, its adjectives…]; chunks joined by "and" grouped. */
  groups: Tok[][][];
  /** Nouns joined to the head by "and" (SCIENCE AND TECHNOLOGY). */
  coordinated: Tok[];
  after: Tok[];
}

/** The head (the last noun) of an English noun phrase and what modifies it. */
function analyse(toks: Tok[]): Parts | undefined {
  let headAt = -1;
  toks.forEach((t, i) => {
    if (t.kind === "n" || t.kind === "fixed") headAt = i;
  });
  if (headAt < 0) return undefined;
  const p: Parts = {
    head: toks[headAt]!,
    ordinals: [],
    headAdjs: [],
    places: [],
    proper: [],
    groups: [],
    coordinated: [],
    after: toks.slice(headAt + 1),
  };
  let pending: Tok[] = [];
  let joinNext = false;
  for (const t of toks.slice(0, headAt)) {
    if (t.kind === "o") p.ordinals.push(t);
    else if (t.kind === "p") p.places.push(t);
    else if (t.kind === "a") pending.push(t);
    else if (t.kind === "word") {
      p.proper.push(t);
      joinNext = false;
    } else if (t.kind === "and") {
      if (pending.length) pending.push(t);
      else joinNext = p.groups.length > 0;
    } else {
      const chunk = [t, ...pending.filter((x) => x.kind !== "and")];
      pending = [];
      if (joinNext) p.groups.at(-1)!.push(chunk);
      else p.groups.push([chunk]);
      joinNext = false;
    }
  }
  p.headAdjs = pending.at(-1)?.kind === "and" ? pending.slice(0, -1) : pending;
  if (joinNext) p.coordinated = p.groups.pop()!.map((chunk) => chunk[0]!);
  return p;
}

const words = (ts: Tok[]) =>
  ts.map((t) => (/^[A-Z]/.test(t.en) && !isAcronym(t.en) ? title(t.en) : t.en));

/** Italian or Portuguese: the head first, its adjectives, then the modifiers from the last. */
function romance(toks: Tok[], lang: "it" | "pt", articled = false): [string, string] | undefined {
  const p = analyse(toks);
  if (!p) return undefined;
  const [h, g] = noun(p.head, lang);
  const modifiers = [...p.groups].reverse().map((group) =>
    group
      .map((chunk) => {
        const [n, ng] = noun(chunk[0]!, lang);
        const adjs = chunk
          .slice(1)
          .reverse()
          .map((a) => agree(a, lang, ng));
        return `${of(lang, n, ng, articled || chunk[0]!.kind === "fixed")}${[n, ...adjs].join(" ")}`;
      })
      .join(" e "),
  );
  const out = [
    ...p.ordinals.map((o) => agree(o, lang, g)),
    ...p.coordinated.map((c) => `${noun(c, lang)[0]} e`),
    h,
    ...[...p.headAdjs].reverse().map((a) => agree(a, lang, g)),
    ...modifiers,
    ...p.places.map((a) => agree(a, lang, g)),
    ...words(p.proper),
    ...words(p.after),
  ];
  return [out.join(" "), g];
}

/** Polish: descriptive and ordinal adjectives before the head, classifying ones after, then genitives. */
function polish(toks: Tok[], genitive: boolean): string | undefined {
  const p = analyse(toks);
  if (!p) return undefined;
  const [h, g] = noun(p.head, "pl", genitive);
  const modifiers = [...p.groups].reverse().map((group) =>
    group
      .map((chunk) => {
        const [n, ng] = noun(chunk[0]!, "pl", true);
        return [
          n,
          ...chunk
            .slice(1)
            .reverse()
            .map((a) => agree(a, "pl", ng, true)),
        ].join(" ");
      })
      .join(" i "),
  );
  return [
    ...[...p.ordinals, ...p.places].map((a) => agree(a, "pl", g, genitive)),
    ...p.coordinated.map((c) => `${noun(c, "pl", genitive)[0]} i`),
    h,
    ...[...p.headAdjs].reverse().map((a) => agree(a, "pl", g, genitive)),
    ...modifiers,
    ...words(p.proper),
    ...words(p.after),
  ].join(" ");
}

const VOWEL_END = /[aeiouy]$/;
const VOWEL_START = /^[aeiouy]/;

/** Dutch: the country and other adjectives first, the nouns glued into one compound at the end. */
function dutch(toks: Tok[]): string | undefined {
  if (!toks.some((t) => t.kind === "n" || t.kind === "fixed")) return undefined;
  const glueable = (t: Tok) => t.kind === "n" || (t.kind === "a" && formOf(t, "nl").endsWith("-"));
  const front: string[] = [];
  const proper: string[] = [];
  const tail: string[] = [];
  let compound = "";
  toks.forEach((t, i) => {
    const next = toks[i + 1];
    if (glueable(t)) {
      const [base, prefix] = formOf(t, "nl").replace(/-$/, "").split("/");
      const more = next?.kind === "and" || toks.slice(i + 1).some(glueable);
      const piece = more ? (prefix ?? base!) : base!;
      compound += VOWEL_END.test(compound) && VOWEL_START.test(piece) ? `-${piece}` : piece;
    } else if (t.kind === "and" && compound) compound += "- en ";
    else if (t.kind === "fixed") tail.push(formOf(t, "nl"));
    else if (t.kind === "word") (compound ? tail : proper).push(...words([t]));
    else if (t.kind !== "and") front.push(formOf(t, "nl").replace(/-$/, ""));
  });
  return [
    ...front.filter((w) => /^[A-Z]/.test(w)),
    ...proper,
    ...front.filter((w) => !/^[A-Z]/.test(w)),
    compound,
    ...tail,
  ]
    .filter(Boolean)
    .join(" ");
}

const LEGAL_TAIL_H =
  /[\s,]+((?:CO\.?,?\s*)?(?:LIMITED|LTD\.?|LLC|L\.L\.C\.|INC\.?|JSC|PTE\.?\s*LTD\.?))\s*$/i;
const SMALL_WORDS = new Set([
  "di",
  "de",
  "do",
  "da",
  "dos",
  "das",
  "e",
  "en",
  "van",
  "i",
  "del",
  "della",
  "dello",
  "dei",
  "degli",
  "delle",
]);

/** One phrase (no "of") as tokens; undefined when it has nothing to translate. */
function tokensOf(phrase: string): Tok[] {
  return phrase
    .split(/\s+/)
    .filter(Boolean)
    .map((w): Tok => {
      const up = w.toUpperCase();
      if (up.startsWith("§")) return { kind: "fixed", en: up };
      if (up === "AND" || up === "&") return { kind: "and", en: w };
      const term = TERMS[up.replace(/[.,]$/, "")];
      return term ? { kind: term[0], en: w, term } : { kind: "word", en: w };
    });
}

/** "X of Y" in one language; undefined when no word of it is translated. */
function translatePart(part: string, lang: Lang): string | undefined {
  let text = ` ${part.toUpperCase().replace(/[’‘`]/g, "'")} `;
  FIXED.forEach(([re, slot]) => {
    text = text.replace(re, slot);
  });
  text = text
    .replace(/\bNORTH KOREA(N|'S)?\b/g, "NKOREA")
    .replace(/\bTHE\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  // "X of Y of Z": each complement hangs on the phrase before it.
  const [x, ...ys] = text.split(/ (?:OF|FOR) /).map(tokensOf);
  if (!x || !analyse(x)) return undefined;
  if (lang === "nl")
    return [dutch(x), ...ys.map((y) => `van ${dutch(y) ?? words(y).join(" ")}`)].join(" ");
  if (lang === "pl")
    return [polish(x, false), ...ys.map((y) => polish(y, true) ?? words(y).join(" "))].join(" ");
  const out = [romance(x, lang)![0]];
  for (const y of ys) {
    const comp = romance(y, lang, true);
    out.push(
      comp
        ? of(lang, comp[0], comp[1], true) + comp[0]
        : `${of(lang, "", "", false)}${words(y).join(" ")}`,
    );
  }
  return out.join(" ").replace(/' /g, "'");
}

/** Capitals as each language sets a name: Italian the first word only, the others each word. */
function capitals(s: string, lang: Lang): string {
  if (lang === "it") return s[0]!.toUpperCase() + s.slice(1);
  return s
    .split(" ")
    .map((w) => (SMALL_WORDS.has(w) || !w ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join(" ");
}

/** An organisation's name in Italian, Portuguese, Dutch or Polish; undefined when nothing translates. */
export function translateOrgH(name: string, lang: Lang): string | undefined {
  const brackets = name.match(/\s*\([^)]*\)/g)?.join("") ?? "";
  let core = name.replace(/\s*\([^)]*\)/g, "").trim();
  const legal = LEGAL_TAIL_H.exec(core);
  if (legal) core = core.slice(0, legal.index).trim();
  const parts = core.split(/\s*,\s*/).filter(Boolean);
  const translated = parts.map((p) => translatePart(p, lang));
  if (translated.every((t) => t === undefined)) return undefined;
  const body = parts
    .map((p, i) => capitals(translated[i] ?? words(tokensOf(p)).join(" "), lang))
    .join(", ");
  return `${body}${legal ? ` ${mixedCase(legal[1]!)}` : ""}${brackets}`;
}

// ---- the DPRK's names for itself, and vessels in news copy -------------------------------------------

const FOR_KOREA = ["D.P.R.K.", "DPR Korea", "North Korea", "N. Korea"];
const FOR_KOREAN = ["North Korean", "N. Korean", "DPRK", "D.P.R.K."];
const POSSESSIVES = [
  "North Korea's",
  "the DPRK's",
  "Democratic People's Republic of Korea's",
  "N. Korea's",
];

/** Whether a body is the DPRK's own: listed with a DPRK address or in the UN's DPRK regime, and none abroad. */
const isDprkBody = (e: ListEntity) =>
  (e.reference.startsWith("KPe.") || e.addresses.some((a) => a.country === "PRK")) &&
  e.addresses.every((a) => !a.country || a.country === "PRK");

/** KOREA / KOREAN written the DPRK way; a DPRK body without them given the country's possessive. */
function dprkForm(name: string, e: ListEntity, rand: () => number): [string, string] | undefined {
  const upper = name === name.toUpperCase();
  const as = (s: string) => (upper ? s.toUpperCase() : s);
  if (/\bDEMOCRATIC PEOPLE|\bDPRK\b|\bNORTH KOREA/i.test(name)) return undefined;
  if (/\bKOREAN\b/i.test(name))
    return ["KOREAN written the DPRK way", name.replace(/\bKOREAN\b/i, as(pick(FOR_KOREAN, rand)))];
  if (/\bKOREA\b/i.test(name))
    return ["KOREA written the DPRK way", name.replace(/\bKOREA\b/i, as(pick(FOR_KOREA, rand)))];
  if (!isDprkBody(e) || e.kind !== "organization") return undefined;
  return ["the DPRK's possessive before the name", `${pick(POSSESSIVES, rand)} ${mixedCase(name)}`];
}

const FLAGS = [
  "North Korean-flagged",
  "DPRK-flagged",
  "Sierra Leone-flagged",
  "Togo-flagged",
  "Mongolian-flagged",
  "",
];
const SHIP_TYPES = ["tanker", "oil tanker", "cargo ship", "vessel", "freighter", "bulk carrier"];

function vesselInNews(name: string, rand: () => number): string {
  const flag = pick(FLAGS, rand);
  const the = rand() < 0.5 ? "the " : "";
  return `${the}${flag ? `${flag} ` : ""}${pick(SHIP_TYPES, rand)} ${mixedCase(name)}`;
}

function orgVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  if (!/[A-Za-z]/.test(name)) return out;
  if (e.kind === "vessel") out.push(["vessel in news copy", vesselInNews(name, rand)]);
  else if (e.kind === "organization") {
    const lang = pick(LANGS, rand);
    const translated = translateOrgH(name, lang);
    if (translated) out.push([`translated into ${LANGUAGE[lang]}`, translated]);
    const d = dprkForm(name, e, rand);
    if (d) out.push(d);
  }
  if (rand() < 0.5) out.push(["full-width Latin", fullWidth(name)]);
  const d = pdfDamage(name, rand);
  if (d) out.push(d);
  return out;
}

/** Every name but the original-script ones, in this family's forms for the entry it belongs to. */
const familyFor = (e: ListEntity): VariantFamily => ({
  uses: (_, type) => type !== "original-script",
  person: personVariants,
  org: (name, rand) => orgVariants(name, e, rand),
});

export function heldOutHQueriesFor(entities: readonly ListEntity[], seed = 9241): EvalQuery[] {
  const rand = prng(seed);
  return entities.flatMap((e) => variantQueries([e], rand, familyFor(e)));
}

// ---- negatives ----------------------------------------------------------------------------------------

/** A table written one row a line, fields split by spaces. */
const rows = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((line) => line.trim().split(" ") as [string, string, ...string[]]);

/** Real South Korean people on no list (a few from the DPRK among them): [Hangul, romanized as they write it]. */
const KOREAN_PEOPLE = rows(`
이천수 Lee Chun-soo
설기현 Seol Ki-hyeon
김남일 Kim Nam-il
송종국 Song Chong-gug
이을용 Lee Eul-yong
최용수 Choi Yong-soo
김태영 Kim Tae-young
현영민 Hyun Young-min
구자철 Koo Ja-cheol
지동원 Ji Dong-won
정우영 Jung Woo-young
황인범 Hwang In-beom
이재성 Lee Jae-sung
김영권 Kim Young-gwon
조현우 Jo Hyeon-woo
백승호 Paik Seung-ho
이승우 Lee Seung-woo
권창훈 Kwon Chang-hoon
나상호 Na Sang-ho
김하성 Kim Ha-seong
오승환 Oh Seung-hwan
김광현 Kim Kwang-hyun
선동열 Sun Dong-yol
이대호 Lee Dae-ho
최지만 Choi Ji-man
고우석 Go Woo-suk
임성재 Im Sung-jae
김시우 Kim Si-woo
안병훈 An Byeong-hun
김주형 Kim Joo-hyung
신지애 Shin Ji-yai
유소연 Ryu So-yeon
김세영 Kim Sei-young
전인지 Chun In-gee
김보름 Kim Bo-reum
이승훈 Lee Seung-hoon
모태범 Mo Tae-bum
차준환 Cha Jun-hwan
우상혁 Woo Sang-hyeok
황선우 Hwang Sun-woo
은희경 Eun Hee-kyung
편혜영 Pyun Hye-young
김애란 Kim Ae-ran
배수아 Bae Su-ah
정세랑 Chung Se-rang
박완서 Park Wan-suh
이청준 Yi Chong-jun
최인훈 Choi In-hun
나홍진 Na Hong-jin
류승완 Ryoo Seung-wan
김지운 Kim Jee-woon
연상호 Yeon Sang-ho
윤제균 Yoon Je-kyoon
황동혁 Hwang Dong-hyuk
유아인 Yoo Ah-in
정명화 Chung Myung-wha
백건우 Paik Kun-woo
손열음 Son Yeol-eum
양희은 Yang Hee-eun
이선희 Lee Sun-hee
김부겸 Kim Boo-kyum
황장엽 Hwang Jang-yop
김현희 Kim Hyon-hui
이현서 Lee Hyeon-seo
`);

/** Real Chinese people on no list (other people than A–G's): [characters, family, given]. */
const CHINESE_PEOPLE = rows(`
许昕 Xu Xin
朱婷 Zhu Ting
王楠 Wang Nan
贾平凹 Jia Pingwa
阎连科 Yan Lianke
苏童 Su Tong
残雪 Can Xue
铁凝 Tie Ning
李云迪 Li Yundi
王羽佳 Wang Yujia
蔡国强 Cai Guoqiang
徐冰 Xu Bing
南仁东 Nan Rendong
钟南山 Zhong Nanshan
杨倩 Yang Qian
马琳 Ma Lin
王皓 Wang Hao
张宁 Zhang Ning
陈若琳 Chen Ruolin
邹市明 Zou Shiming
张湘祥 Zhang Xiangxiang
易思玲 Yi Siling
徐梦桃 Xu Mengtao
王濛 Wang Meng
杨威 Yang Wei
程菲 Cheng Fei
刘璇 Liu Xuan
周洋 Zhou Yang
余秀华 Yu Xiuhua
毕飞宇 Bi Feiyu
格非 Ge Fei
麦家 Mai Jia
王小波 Wang Xiaobo
迟子建 Chi Zijian
韩少功 Han Shaogong
史铁生 Shi Tiesheng
冯小刚 Feng Xiaogang
姜文 Jiang Wen
宁浩 Ning Hao
娄烨 Lou Ye
王小帅 Wang Xiaoshuai
`);

/** Real Japanese people on no list: [kanji, family, given]. */
const JAPANESE_PEOPLE = rows(`
村上春樹 Murakami Haruki
大谷翔平 Ohtani Shohei
羽生結弦 Hanyu Yuzuru
大坂なおみ Osaka Naomi
宮崎駿 Miyazaki Hayao
北野武 Kitano Takeshi
黒澤明 Kurosawa Akira
坂本龍一 Sakamoto Ryuichi
小澤征爾 Ozawa Seiji
安藤忠雄 Ando Tadao
孫正義 Son Masayoshi
柳井正 Yanai Tadashi
豊田章男 Toyoda Akio
錦織圭 Nishikori Kei
本田圭佑 Honda Keisuke
香川真司 Kagawa Shinji
石川佳純 Ishikawa Kasumi
吉永小百合 Yoshinaga Sayuri
渡辺謙 Watanabe Ken
山中伸弥 Yamanaka Shinya
李忠成 Lee Tadanari
`);

/** Real banks, companies and public bodies of Italy, Portugal, the Netherlands, Belgium and Poland. */
const EUROPEAN_BODIES = [
  "UniCredit S.p.A.",
  "Intesa Sanpaolo S.p.A.",
  "Banca Monte dei Paschi di Siena S.p.A.",
  "Banco BPM S.p.A.",
  "Mediobanca - Banca di Credito Finanziario S.p.A.",
  "Banca Nazionale del Lavoro S.p.A.",
  "Banca Popolare di Sondrio",
  "Credito Emiliano S.p.A.",
  "Assicurazioni Generali S.p.A.",
  "Eni S.p.A.",
  "Enel S.p.A.",
  "Leonardo S.p.A.",
  "Fincantieri S.p.A.",
  "Costa Crociere S.p.A.",
  "Grimaldi Group S.p.A.",
  "Ferrovie dello Stato Italiane S.p.A.",
  "Poste Italiane S.p.A.",
  "Telecom Italia S.p.A.",
  "Pirelli & C. S.p.A.",
  "Saipem S.p.A.",
  "Cassa Depositi e Prestiti S.p.A.",
  "Banca d'Italia",
  "Agenzia delle Entrate",
  "Agenzia delle Dogane e dei Monopoli",
  "Ministero degli Affari Esteri e della Cooperazione Internazionale",
  "Ministero della Difesa",
  "Ministero dello Sviluppo Economico",
  "Guardia di Finanza",
  "Caixa Geral de Depósitos, S.A.",
  "Banco Comercial Português, S.A.",
  "Novo Banco, S.A.",
  "Banco BPI, S.A.",
  "Banco de Portugal",
  "Galp Energia, SGPS, S.A.",
  "EDP - Energias de Portugal, S.A.",
  "TAP Air Portugal",
  "CTT - Correios de Portugal, S.A.",
  "Sonae SGPS, S.A.",
  "Jerónimo Martins SGPS, S.A.",
  "Ministério dos Negócios Estrangeiros",
  "Ministério da Defesa Nacional",
  "Autoridade Tributária e Aduaneira",
  "Petróleo Brasileiro S.A.",
  "Vale S.A.",
  "Companhia Siderúrgica Nacional",
  "Banco Nacional de Desenvolvimento Econômico e Social",
  "ING Groep N.V.",
  "ABN AMRO Bank N.V.",
  "Coöperatieve Rabobank U.A.",
  "De Nederlandsche Bank N.V.",
  "Koninklijke Philips N.V.",
  "ASML Holding N.V.",
  "Koninklijke Ahold Delhaize N.V.",
  "Heineken N.V.",
  "Koninklijke Boskalis B.V.",
  "Koninklijke Vopak N.V.",
  "Spliethoff's Bevrachtingskantoor B.V.",
  "NV Nederlandse Spoorwegen",
  "Havenbedrijf Rotterdam N.V.",
  "Ministerie van Buitenlandse Zaken",
  "Ministerie van Defensie",
  "Belastingdienst",
  "KBC Groep NV",
  "Belfius Bank NV",
  "Exmar NV",
  "Euronav NV",
  "PKO Bank Polski S.A.",
  "Bank Handlowy w Warszawie S.A.",
  "Bank Pekao S.A.",
  "mBank S.A.",
  "Santander Bank Polska S.A.",
  "Bank Gospodarstwa Krajowego",
  "Narodowy Bank Polski",
  "PKN Orlen S.A.",
  "KGHM Polska Miedź S.A.",
  "Polska Żegluga Morska P.P.",
  "Polskie Linie Oceaniczne S.A.",
  "Polska Grupa Zbrojeniowa S.A.",
  "Grupa Azoty S.A.",
  "PGE Polska Grupa Energetyczna S.A.",
  "PKP Polskie Koleje Państwowe S.A.",
  "Ministerstwo Spraw Zagranicznych",
  "Ministerstwo Obrony Narodowej",
  "Ministerstwo Rozwoju i Technologii",
  "Krajowa Administracja Skarbowa",
  "Polska Agencja Kosmiczna",
];

/** Real South Korean public bodies, translated as the DPRK's are. */
const SOUTH_KOREAN_BODIES = [
  "Korean Register of Shipping",
  "Korea Atomic Energy Research Institute",
  "Korea Institute of Science and Technology",
  "Korea Advanced Institute of Science and Technology",
  "Korea Institute for Defense Analyses",
  "Korea Forest Service",
  "Korea Meteorological Administration",
  "Korea Land and Housing Corporation",
  "Korea Fair Trade Commission",
  "Korea Football Association",
  "Korea Institute of Ocean Science and Technology",
  "Korean Broadcasting System",
  "Korea Trade Commission",
  "Korea Aerospace Administration",
  "Agency for Defense Development",
  "Defense Acquisition Program Administration",
];

/** Real merchant vessels on no list. */
const VESSELS = [
  "MSC OSCAR",
  "EVER ACE",
  "OOCL HONG KONG",
  "MADRID MAERSK",
  "HMM OSLO",
  "COSCO SHIPPING ARIES",
  "ONE APUS",
  "X-PRESS PEARL",
  "STENA IMPERO",
  "MSC ZOE",
  "YM WELLNESS",
  "COSTA CONCORDIA",
  "EMMA MAERSK",
  "MOL TRIUMPH",
  "SEAWISE GIANT",
];

/** Text as the screen reads it: compatibility forms folded, soft hyphens and zero-width spaces out. */
const plainText = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\u00ad\u200b]/g, "")
    .replace(/氏$/, "");

/** Every listed name (both lists, every kind and alias): word sets, and letters without spaces. */
export class ListedNames {
  private readonly byWord = new Map<string, Set<string>[]>();
  private readonly compact = new Set<string>();
  constructor(entities: readonly ListEntity[]) {
    for (const e of entities)
      for (const n of e.names) {
        const t = tokenize(n.name);
        this.add(new Set(t));
        this.add(new Set(splitOrgName(n.name).core));
        for (const k of rotations(t)) this.compact.add(k);
      }
  }
  private add(words: Set<string>) {
    for (const w of words) {
      const list = this.byWord.get(w) ?? [];
      list.push(words);
      this.byWord.set(w, list);
    }
  }
  /** Equal word sets, or one inside the other with the smaller of two words or more. */
  private overlaps(words: Set<string>): boolean {
    for (const w of words)
      for (const listed of this.byWord.get(w) ?? []) {
        const within = [...words].every((x) => listed.has(x));
        const contains = [...listed].every((x) => words.has(x));
        if ((within && contains) || (within && words.size >= 2) || (contains && listed.size >= 2))
          return true;
      }
    return false;
  }
  /** Whether a form of a negative reads as a listed name. */
  has(form: string): boolean {
    const text = plainText(form);
    const t = tokenize(text);
    if (this.overlaps(new Set(t)) || this.overlaps(new Set(splitOrgName(text).core))) return true;
    return rotations(t).some((k) => this.compact.has(k));
  }
}

/** Letters of a name's words run together, in its order and with the first or last word moved. */
function rotations(t: string[]): string[] {
  if (t.length === 0) return [];
  return [t.join(""), [...t.slice(1), t[0]!].join(""), [t.at(-1)!, ...t.slice(0, -1)].join("")];
}

/**
 * Real people, companies, public bodies and vessels on no list, in the forms of this family;
 * dropped when a form reads as a listed name (see the header).
 */
export function realNegativesH(
  entities: readonly ListEntity[],
  listedHangul: ReadonlySet<string>,
  seed = 9257,
): Negative[] {
  const listed = new ListedNames(entities);
  const out: Negative[] = [];
  const rand = prng(seed);
  const add = (forms: string[], kind: string, type: Negative["type"]) => {
    if (forms.some((f) => listed.has(f))) return;
    for (const f of forms) out.push({ name: f, kind, type });
  };
  for (const [hangul, ...latin] of KOREAN_PEOPLE) {
    const romanized = latin.join(" ");
    if ([hangul, ...standardReadings(romanized)].some((h) => listedHangul.has(h))) continue;
    const [family, ...given] = syllables(hangul);
    const forms = koreanFormsOf([family!], given, rand).map(([, f]) => f);
    add([...forms, fullWidth(romanized)], "real Korean person (H)", "person");
  }
  for (const [native, family, given = ""] of CHINESE_PEOPLE) {
    if (hanToHangul(native, { surname: true }).some((h) => listedHangul.has(h))) continue;
    const latin = `${family} ${given}`;
    const damaged = pdfDamage(latin, rand)?.[1] ?? latin;
    add(
      [native, fullWidth(`${family.toUpperCase()} ${given}`), damaged],
      "real Chinese person (H)",
      "person",
    );
  }
  for (const [kanji, family, given = ""] of JAPANESE_PEOPLE) {
    if (hanToHangul(kanji, { surname: true }).some((h) => listedHangul.has(h))) continue;
    const western = `${given} ${family}`;
    add(
      [
        kanji,
        fullWidth(`${family.toUpperCase()} ${given}`),
        pdfDamage(western, rand)?.[1] ?? western,
      ],
      "real Japanese person (H)",
      "person",
    );
  }
  for (const c of EUROPEAN_BODIES) {
    const other = rand() < 0.5 ? fullWidth(c) : (pdfDamage(c, rand)?.[1] ?? fullWidth(c));
    add([c, other], "real European company or public body (H)", "org");
  }
  for (const c of SOUTH_KOREAN_BODIES) {
    const translated = translateOrgH(c, pick(LANGS, rand));
    add([c, ...(translated ? [translated] : [])], "South Korean public body (H)", "org");
  }
  for (const v of VESSELS)
    add(
      [
        `${rand() < 0.5 ? "the " : ""}${pick(["vessel", "ship", "merchant ship"], rand)} ${mixedCase(v)}`,
        fullWidth(v),
      ],
      "real merchant vessel (H)",
      "org",
    );
  return out.filter((n, i, all) => all.findIndex((m) => m.name === n.name) === i);
}
