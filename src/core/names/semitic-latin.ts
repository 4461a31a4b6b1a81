/**
 * Arabic and Hebrew letters in Latin ones. Both scripts write consonants and leave most vowels
 * out; a foreign name is spelt with the vowel letters (matres lectionis) standing for its vowels
 * (كيم Kim, קים Kim), so a reading has two forms here:
 *  - Arabic's ALA-LC reading (https://www.loc.gov/catdir/cpso/romanization/arabic.pdf, with the
 *    Persian letters of https://www.loc.gov/catdir/cpso/romanization/persian.pdf), the marks
 *    below and above (ḥ ṣ ḍ ṭ ẓ) and ʻayn and hamza left out as the press leaves them, ا و ي read
 *    as the long vowels ā ū ī, or as the consonants w y at a word's start and next to a vowel;
 *  - the reader's letters (`arabicReaderLetters`, `hebrewReaderLetters`): one Latin letter per
 *    script letter, the vowel letters as the letters of their consonants (ا a, و w, ي y), so
 *    that a name keeps what its writer wrote and nothing a reading added: كيم kym, Kīm kym,
 *    Kim kym. The Korean readers of syllable-reader.ts spell Korean syllables in these letters.
 * Words are compared in any-ascii's letters (text.ts), which keep the vowel letters as the
 * consonants w and y, so that a word's consonant skeleton meets a Latin name's (محمود Mahmoud).
 */

const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  ب: "b",
  ت: "t",
  ث: "th",
  ج: "j",
  ح: "h",
  خ: "kh",
  د: "d",
  ذ: "dh",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "sh",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  غ: "gh",
  ف: "f",
  ق: "q",
  ك: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  ة: "h",
  پ: "p",
  چ: "ch",
  ژ: "zh",
  گ: "g",
  ک: "k",
  ڤ: "v",
  ٹ: "t",
  ڈ: "d",
  ڑ: "r",
  ں: "n",
  ہ: "h",
  ھ: "h",
  ؤ: "w",
  ئ: "y",
};

/** Short-vowel marks where a writer gives them (fatha a, kasra i, damma u); others are dropped. */
const ARABIC_MARKS: Readonly<Record<string, string>> = {
  "\u064E": "a",
  "\u0650": "i",
  "\u064F": "u",
};

const ALIF = new Set(["ا", "أ", "إ", "آ", "ٱ", "ى"]);
const WAW = new Set(["و", "ۆ", "ۇ"]);
const YA = new Set(["ي", "ی", "ې", "ے"]);
const isVowelLetter = (c: string | undefined) =>
  c !== undefined && (ALIF.has(c) || WAW.has(c) || YA.has(c));

const ARABIC = /\p{Script=Arabic}/u;
const HEBREW = /\p{Script=Hebrew}/u;

/** One Arabic word in ALA-LC letters, lower case, without the marks below and above. */
function arabicWord(w: string): string {
  const cs = Array.from(w);
  let out = "";
  let prevVowel = true;
  let carried = false;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    const next = cs[i + 1];
    const start = out === "" && !carried;
    if (ALIF.has(c)) {
      // A word's first alif carries the vowel after it (أو ū, إي ī) or is one itself (إ i, أ a).
      if (start && (WAW.has(next ?? "") || YA.has(next ?? ""))) {
        carried = true;
        prevVowel = false;
        continue;
      }
      out += start ? (c === "إ" ? "i" : "a") : "ā";
      prevVowel = true;
    } else if (WAW.has(c) || YA.has(c)) {
      const consonant: boolean = start || prevVowel || isVowelLetter(next);
      out += WAW.has(c) ? (consonant ? "w" : "ū") : consonant ? "y" : "ī";
      prevVowel = !consonant;
    } else if (ARABIC_MARKS[c]) {
      out += ARABIC_MARKS[c];
      prevVowel = true;
    } else if (ARABIC_LETTERS[c]) {
      out += ARABIC_LETTERS[c];
      prevVowel = false;
    } else if (!ARABIC.test(c)) out += c;
  }
  return out;
}

/** A name's Arabic-script words in ALA-LC Latin letters; the name unchanged without them. */
export function arabicLatin(s: string): string {
  if (!ARABIC.test(s)) return s;
  return s
    .split(/([\s,;/()-]+)/u)
    .map((part) => (ARABIC.test(part) ? arabicWord(part) : part))
    .join("");
}

export const hasHebrew = (s: string) => HEBREW.test(s);

/** One Hebrew word with ו and י read as vowels between consonants (o, i), the geresh letters as their sounds. */
function hebrewWord(w: string): string {
  const cs = Array.from(w.replace(/[\u0591-\u05C7]/gu, ""));
  let out = "";
  let prevVowel = true;
  let carried = false;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    const next = cs[i + 1];
    if (GERESH.test(c) || c === "״") continue;
    if (c === "א" || c === "ע") {
      // A vowel's carrier: a before a consonant, nothing before ו or י, which say the vowel.
      if (next !== "ו" && next !== "י") out += "a";
      carried = true;
      prevVowel = next !== "ו" && next !== "י";
    } else if (c === "ו" || c === "י") {
      const start = out === "" && !carried;
      // וו inside a word is the consonant (v, w); at a word's start the first ו is, and the
      // second the vowel after it (וון Won).
      const doubled = next === c && !start;
      const consonant: boolean = start || prevVowel || doubled || (c === "י" && next === "ו");
      const glide = c === "ו" && next === "א";
      out += c === "ו" ? (glide ? "u" : consonant ? "v" : "o") : consonant ? "y" : "i";
      if (doubled) i++;
      prevVowel = !consonant;
    } else if (c === "ה" && (next === undefined || !HEBREW.test(next)) && out !== "") {
      // A final ה is a vowel (סה Se, צ׳וה Choe).
      out += "e";
      prevVowel = true;
    } else {
      const geresh = next !== undefined && GERESH.test(next) ? HEBREW_GERESH_SOUND[c] : undefined;
      const l = geresh ?? HEBREW_SOUND[c];
      if (l !== undefined) {
        out += l;
        prevVowel = false;
      } else if (!HEBREW.test(c)) out += c;
    }
  }
  return out;
}

/**
 * A name in Hebrew letters read with its vowel letters as vowels (ו o, י i between consonants:
 * קולצ׳אנוב kolchanob), as the press spells foreign names in them; undefined for a name without
 * Hebrew letters. Words are compared in this reading as well as in any-ascii's. Arabic-script
 * names are not read so: Arabic and Persian names leave their short vowels unwritten, and their
 * vowel letters read as vowels next to the skeleton (محمد حمیدی: mhmd hmidi) meet other names
 * (MOHAMMAD AHMADI).
 */
export function vowelReading(s: string): string | undefined {
  if (!HEBREW.test(s)) return undefined;
  return s
    .split(/([\s,;/()-]+)/u)
    .map((part) => (HEBREW.test(part) ? hebrewWord(part) : part))
    .join("");
}

/** A doubled vowel letter (וו, يي) written once: one glide or vowel, as its Latin reading has it. */
const undouble = (s: string) => s.replace(/([wy])\1+/g, "$1");

/**
 * The reader's letters of an Arabic name, from its Arabic letters or from their ALA-LC reading
 * with or without the macrons (Kīm, Kim): the vowels as the letters that wrote them (i e y, u o
 * w, a), tsh for تش (ch), gh for غ (g), ngh for نغ (ng).
 */
export function arabicReaderLetters(w: string): string {
  return undouble(
    arabicLatin(w)
      .toLowerCase()
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[ie]/g, "y")
      .replace(/[uo]/g, "w")
      .replace(/[^a-z\s-]/g, ""),
  );
}

/**
 * Hebrew letters one for one in Latin ones, by the consonants of the ALA-LC Hebrew table
 * (https://www.loc.gov/catdir/cpso/romanization/hebrew.pdf) without its marks (ח h, צ ts) and
 * the vowel letters as written: ו w, י y, א ע a, ה h; ש x (sh, kept one letter so that ס and a
 * final ה, s h, stay apart); the geresh letters of foreign sounds ג׳ and ז׳ j, צ׳ c (ch), ת׳ t.
 */
const HEBREW_READER: Readonly<Record<string, string>> = {
  ב: "b",
  ג: "g",
  ד: "d",
  ה: "h",
  ז: "z",
  ח: "h",
  ט: "t",
  כ: "k",
  ך: "k",
  ל: "l",
  מ: "m",
  ם: "m",
  נ: "n",
  ן: "n",
  ס: "s",
  פ: "p",
  ף: "f",
  צ: "ts",
  ץ: "ts",
  ק: "k",
  ר: "r",
  ש: "x",
  ת: "t",
  א: "a",
  ע: "a",
  ו: "w",
  י: "y",
};
const GERESH = /['’׳`]/u;
/** Hebrew consonants as ALA-LC writes them without its marks (ש sh), and the geresh letters' sounds. */
const HEBREW_SOUND: Readonly<Record<string, string>> = { ...HEBREW_READER, ש: "sh" };
const HEBREW_GERESH_SOUND: Readonly<Record<string, string>> = {
  ג: "j",
  ז: "zh",
  צ: "ch",
  ץ: "ch",
  ת: "th",
};
const HEBREW_READER_GERESH: Readonly<Record<string, string>> = {
  ג: "j",
  ז: "j",
  צ: "c",
  ץ: "c",
  ת: "t",
};

/** The reader's letters of a Hebrew name (Latin letters pass unchanged, lower case). */
export function hebrewReaderLetters(w: string): string {
  const cs = Array.from(w.replace(/[\u0591-\u05C7]/gu, ""));
  let out = "";
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    const next = cs[i + 1];
    if (GERESH.test(c) || c === "״") continue;
    if (HEBREW_READER_GERESH[c] && next !== undefined && GERESH.test(next))
      out += HEBREW_READER_GERESH[c];
    else out += HEBREW_READER[c] ?? c.toLowerCase();
  }
  return undouble(out.replace(/[^a-z\s-]/g, ""));
}
