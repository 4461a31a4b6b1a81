/**
 * Korean sounds as three other writing habits spell them, for reading such a name back into
 * Hangul (the way data/cyrillic-korean.ts serves Cyrillic). Index order is the Unicode jamo order
 * of hangul.ts: initials ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ; vowels
 * ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ; finals by the sound they end in.
 * Cost 0 is the rule as the source states it; higher costs are the spellings writers also use.
 *
 *  - Japanese: the katakana Japanese papers print for a Korean name, in its Hepburn reading
 *    (https://en.wikipedia.org/wiki/Hepburn_romanization). Japanese has five vowels (ㅓ and ㅗ are
 *    both オ o, ㅜ and ㅡ ウ u, ㅐ and ㅔ エ e), one nasal ン n for ㄴ and ㅇ, no closed syllable (a
 *    final ㄱ ㅁ ㄹ ㅂ takes a vowel: 김 キム kimu, 박 パク paku), a w-vowel after a consonant often
 *    loses its glide (최 チェ che), a final ㅅ ㄷ… or a tense initial
 *    as the small ッ (doubling the next consonant in Hepburn), and a lenis consonant voiceless at
 *    a word's start and voiced inside it (정은 ジョンウン jon'un, 봉주 ポンジュ ponju); the conventions
 *    are those https://dprk-translations.hatenablog.com/entry/2018/03/08/002023 lists.
 *  - Hungarian: the Osiris rules hu.wikipedia follows for Korean names
 *    (https://hu.wikipedia.org/wiki/Wikipédia:Koreai_nevek_átírása): McCune–Reischauer in
 *    Hungarian letters: cs for ch, dzs for j, sz for s, j for y, ö for ㅚ, ü for ㅟ.
 *  - Czech: cs.wikipedia's transcription of Korean
 *    (https://cs.wikipedia.org/wiki/Wikipedie:Transkripce_korejštiny), McCune–Reischauer in Czech
 *    letters (č for ch, dž for j, čch for ch', kch th pch for the aspirates, j for y), read here
 *    with its háčeks gone (c, dz, cch), as the press often loses them.
 *  - Greek: the Greek press spells a foreign name letter by letter from its Latin form (b μπ,
 *    d ντ, g γκ, ch τσ, j τζ, h χ, u and w ου, y γι before a vowel at a syllable's start and ι
 *    after a consonant; https://en.wikipedia.org/wiki/Greek_alphabet#Transcription_of_foreign_names),
 *    read here in the Latin letters of ELOT 743 / ISO 843
 *    (https://en.wikipedia.org/wiki/Romanization_of_Greek): γκ gk, χ ch, ου ou, τσ ts, τζ tz, so
 *    that McCune–Reischauer and Revised Romanization both come out (ㅓ o or eo, ㅡ ou or eou).
 */

type Variants = readonly (readonly [string, number])[];

const v = (s: string): Variants =>
  s.split(" ").map((x) => {
    const [spelling, cost] = x.split(":");
    return [spelling === "_" ? "" : spelling!, Number(cost ?? 0)] as const;
  });

/** One table per jamo kind, each entry a list of "spelling:cost" (cost 0 when left out; _ = none). */
function table(rows: readonly string[]): Variants[] {
  return rows.map(v);
}

export interface Transcription {
  onsets: readonly Variants[];
  vowels: readonly Variants[];
  /** Finals by the sound they end in: "" k n t l m p ng. */
  codas: Readonly<Record<string, Variants>>;
}

/** Japanese, in Hepburn letters before the rules of Japanese syllables (hepburnMora) apply. */
export const JAPANESE: Transcription = {
  onsets: table([
    "k g",
    "k:0.2 g:0.6",
    "n",
    "t d",
    "t:0.2 d:0.6",
    "r",
    "m",
    "p b",
    "p:0.2 b:0.6",
    "s",
    "s:0.2",
    "_",
    "ch j",
    "ch:0.2 j:0.6",
    "ch",
    "k",
    "t",
    "p",
    "h",
  ]),
  vowels: table([
    "a",
    "e",
    "ya",
    "ye e:0.3",
    "o",
    "e",
    "yo",
    "ye e:0.3",
    "o",
    "wa a:0.5",
    "we e:0.3 ue:0.5",
    "we e:0.3 oe:0.5",
    "yo",
    "u",
    "wo o:0.5 uo:0.5",
    "we e:0.3 ue:0.5",
    "wi i:0.5 ui:0.5",
    "yu",
    "u",
    "ui wi:0.3 i:0.3",
    "i",
  ]),
  // No closed syllable: a vowel after the final (ク ム ル プ), ン for both nasals, ッ (doubling
  // the next consonant, read away before segmenting) or ト for a final ㅅ ㄷ ㅈ….
  codas: {
    "": v("_"),
    k: v("ku k:0.4"),
    n: v("n m:0.5"),
    ng: v("n ng:0.3 m:0.6"),
    l: v("ru r:0.5 l:0.5"),
    m: v("mu m:0.3 n:0.6"),
    p: v("pu p:0.4"),
    t: v("_:0.2 to:0.3 tsu:0.5"),
  },
};

/** Finals as McCune–Reischauer writes them, and a final ㅅ as the letter for s it was. */
function mrCodas(s: string): Readonly<Record<string, Variants>> {
  return {
    "": v("_"),
    k: v("k"),
    n: v("n"),
    ng: v("ng n:0.5"),
    l: v("l r:0.3"),
    m: v("m"),
    p: v("p"),
    t: v(`t ${s}:0.5`),
  };
}

/** Hungarian (the Osiris rules): a lenis consonant voiced inside a word. */
export const HUNGARIAN: Transcription = {
  onsets: table([
    "k g",
    "kk k:0.6",
    "n",
    "t d",
    "tt t:0.6",
    "r l:0.3",
    "m",
    "p b",
    "pp p:0.6",
    "sz s:0.4",
    "ssz sz:0.6",
    "_",
    "cs dzs",
    "ccs cs:0.6",
    "csh cs:0.4",
    "kh k:0.4",
    "th t:0.4",
    "ph p:0.4",
    "h",
  ]),
  vowels: table([
    "a",
    "e",
    "ja",
    "je",
    "o",
    "e",
    "jo",
    "je",
    "o",
    "va",
    "ve",
    "ö ve:0.3",
    "jo",
    "u",
    "vo",
    "ve",
    "vi ü:0.3",
    "ju",
    "u",
    "ui i:0.5",
    "i",
  ]),
  codas: mrCodas("sz"),
};

/** Czech with its háčeks read away (č → c, ž → z): a lenis consonant voiced inside a word. */
export const CZECH: Transcription = {
  onsets: table([
    "k g",
    "kk k:0.6",
    "n",
    "t d",
    "tt t:0.6",
    "r l:0.3",
    "m",
    "p b",
    "pp p:0.6",
    "s",
    "ss s:0.6",
    "_",
    "c dz",
    "cc c:0.6",
    "cch c:0.6",
    "kch k:0.5 kh:0.3",
    "tch t:0.5 th:0.3",
    "pch p:0.5 ph:0.3",
    "h ch:0.3",
  ]),
  vowels: table([
    "a",
    "e",
    "ja",
    "je",
    "o",
    "e",
    "jo",
    "je",
    "o",
    "wa va:0.3",
    "we ve:0.3",
    "o we:0.3 e:0.5",
    "jo",
    "u",
    "wo vo:0.3",
    "we ve:0.3",
    "u wi:0.3 vi:0.5",
    "ju",
    "u",
    "ui i:0.5",
    "i",
  ]),
  codas: mrCodas("s"),
};

/** Greek press letters read back by ELOT 743 (see the header): ch is ㅎ, ts and tz ㅈ ㅊ. */
export const GREEK: Transcription = {
  onsets: table([
    "k gk",
    "kk:0.3 k:0.6 gk:0.6",
    "n",
    "t d nt",
    "tt:0.3 t:0.6",
    "r l:0.3",
    "m",
    "p b mp",
    "pp:0.3 p:0.6",
    "s",
    "ss:0.3 s:0.6",
    "_",
    "ts tz",
    "tz:0.6 ts:0.6",
    "ts",
    "k ch:0.5",
    "t th:0.5",
    "p f:0.5",
    "ch",
  ]),
  vowels: table([
    "a",
    "ae",
    "ia gia",
    "iae giae",
    "o eo:0.3",
    "e",
    "io gio ieo:0.3 gieo:0.3",
    "ie gie",
    "o",
    "oua",
    "ouae",
    "oe",
    "io gio",
    "ou",
    "ouo oueo:0.3",
    "oue",
    "oui",
    "iou giou",
    "ou eou:0.3",
    "oui i:0.5",
    "i",
  ]),
  codas: { ...mrCodas("s"), ng: v("ngk ng:0.3 n:0.5") },
};

/**
 * The Arabic press spells a foreign name from its Latin form letter by letter (b for p, which
 * Arabic lacks; تش for ch; غ for g, and نغ for a final ng; ا و ي for a, o u, e i: كيم جونغ أون
 * Kim Jong Un, https://ar.wikipedia.org/wiki/كيم_جونغ_أون), read here in the reader's letters of
 * semitic-latin.ts (ا a, و w, ي y), which its ALA-LC reading gives back too (Kīm Jūngh Ūn).
 */
export const ARABIC: Transcription = {
  onsets: table([
    "k gh:0.1 g:0.2 j:0.5 q:0.5",
    "k gh:0.3",
    "n",
    "d t:0.1",
    "t d:0.3",
    "r l:0.3",
    "m",
    "b p:0.1",
    "b p:0.1",
    "s",
    "s",
    "_ a:0.1",
    "j tsh:0.5 z:0.5",
    "j tsh:0.3",
    "tsh ch:0.1 sh:0.5 ts:0.5",
    "k kh:0.5",
    "t",
    "b p:0.1 f:0.3",
    "h kh:0.5",
  ]),
  vowels: table([
    "a",
    "ay a:0.3 y:0.5",
    "ya",
    "yay ya:0.3",
    "w",
    "y ay:0.3",
    "yw",
    "y ya:0.3",
    "w",
    "wa",
    "way wa:0.3",
    "wy way:0.3 w:0.5",
    "yw",
    "w",
    "w:0.2 wa:0.3",
    "wy",
    "wy",
    "yw",
    "w y:0.5",
    "wy y:0.3",
    "y",
  ]),
  codas: {
    "": v("_"),
    k: v("k"),
    n: v("n"),
    ng: v("ngh ng:0.3 n:0.5"),
    l: v("l"),
    m: v("m"),
    p: v("b p:0.1"),
    t: v("t s:0.5"),
  },
};

/**
 * The Hebrew press spells a foreign name likewise (ג׳ j, צ׳ ch, ו for o and u, י for i, א for
 * a, a final ה for e or a: קים ג׳ונג און Kim Jong Un, https://he.wikipedia.org/wiki/קים_ג׳ונג_און),
 * read here in the reader's letters of semitic-latin.ts (ו w, י y, א a, צ׳ c, ש x).
 */
export const HEBREW: Transcription = {
  onsets: table([
    "g k:0.3",
    "k g:0.3",
    "n",
    "d t:0.3",
    "t d:0.3",
    "r l:0.3",
    "m",
    "b p:0.3",
    "p b:0.3",
    "s x:0.5",
    "s",
    "_ a:0.1",
    "j ts:0.5 c:0.5",
    "j ts:0.5",
    "c ts:0.5",
    "k",
    "t",
    "p f:0.3",
    "h",
  ]),
  vowels: table([
    "a ah:0.2 h:0.3",
    "a ah:0.1 ay:0.3 h:0.5 y:0.5",
    "ya",
    "ya yah:0.2",
    "w",
    "h a:0.3 y:0.3 ah:0.3",
    "yw",
    "yh y:0.3",
    "w",
    "wa wh:0.2",
    "wa wh",
    "wh wy:0.3 w:0.5",
    "yw",
    "w",
    "w:0.2 wa:0.3",
    "wh wy",
    "wy",
    "yw",
    "w y:0.5",
    "wy y:0.3",
    "y",
  ]),
  codas: {
    "": v("_"),
    k: v("k"),
    n: v("n"),
    ng: v("ng n:0.5"),
    l: v("l"),
    m: v("m"),
    p: v("p b:0.3"),
    t: v("t s:0.5"),
  },
};
