/**
 * Korean sounds as Russian writes them in Cyrillic, for reading Cyrillic (and its Russian-passport
 * Latin) back into Hangul. Cost 0 is the Kontsevich system, the Russian standard for Korean
 * (https://en.wikipedia.org/wiki/Kontsevich_system; voiced г д б чж inside a word, ㅇ final as н,
 * ㅓ and ㅗ both о, ㅊ чх, ㄹ final ль); higher costs are the common press and Koryo-saram practice
 * (Ким Чен Ын, Ким Ир Сен: ㅓ as е after hissing consonants, ㅊ as ч, final ㄹ as р or л, ㅈ as дж;
 * https://ru.wikipedia.org/wiki/Корейско-русская_практическая_транскрипция) and sloppier spellings.
 * Index order is the Unicode jamo order of hangul.ts (L.*, V.*, T.*).
 */

type Variants = readonly (readonly [string, number])[];

/** Initials (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ). */
export const CYRILLIC_ONSETS: readonly Variants[] = [
  [
    ["к", 0],
    ["г", 0],
    ["кх", 1.2],
  ],
  [
    ["кк", 0],
    ["к", 0.8],
  ],
  [["н", 0]],
  [
    ["т", 0],
    ["д", 0],
  ],
  [
    ["тт", 0],
    ["т", 0.8],
  ],
  [
    ["р", 0],
    ["л", 0.3],
    ["н", 0.7],
  ],
  [["м", 0]],
  [
    ["п", 0],
    ["б", 0],
  ],
  [
    ["пп", 0],
    ["п", 0.8],
  ],
  [
    ["с", 0],
    ["ш", 0.4],
    ["сс", 0.8],
  ],
  [
    ["сс", 0],
    ["с", 0.8],
  ],
  [["", 0]],
  [
    ["ч", 0],
    ["чж", 0],
    ["дж", 0.2],
    ["ж", 0.6],
    ["ц", 1],
  ],
  [
    ["чч", 0],
    ["ч", 0.8],
    ["цц", 0.8],
  ],
  [
    ["чх", 0],
    ["ч", 0.3],
    ["цх", 0.6],
    ["ц", 0.8],
  ],
  [
    ["кх", 0],
    ["к", 0.5],
  ],
  [
    ["тх", 0],
    ["т", 0.5],
  ],
  [
    ["пх", 0],
    ["п", 0.5],
    ["ф", 1],
  ],
  [["х", 0]],
];

/** Vowels (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ). */
export const CYRILLIC_VOWELS: readonly Variants[] = [
  [["а", 0]],
  [
    ["э", 0],
    ["е", 0.5],
    ["ай", 0.8],
  ],
  [
    ["я", 0],
    ["йа", 0.5],
  ],
  [
    ["йя", 0],
    ["я", 0.6],
    ["е", 0.8],
  ],
  [
    ["о", 0],
    ["е", 0.5],
    ["э", 0.8],
    ["ё", 1],
  ],
  [
    ["е", 0],
    ["э", 0.3],
  ],
  [
    ["ё", 0],
    ["йо", 0.5],
    ["е", 0.6],
    ["ьо", 0.8],
  ],
  [
    ["йе", 0],
    ["е", 0.4],
  ],
  [["о", 0]],
  [
    ["ва", 0],
    ["уа", 0.6],
  ],
  [
    ["вэ", 0],
    ["ве", 0.5],
  ],
  [
    ["ве", 0],
    ["вэ", 0.3],
    ["ой", 0.9],
  ],
  [
    ["ё", 0],
    ["йо", 0.5],
  ],
  [["у", 0]],
  [
    ["во", 0],
    ["уо", 0.6],
  ],
  [
    ["вэ", 0],
    ["ве", 0.3],
  ],
  [
    ["ви", 0],
    ["юй", 0.8],
  ],
  [
    ["ю", 0],
    ["йу", 0.6],
  ],
  [
    ["ы", 0],
    ["у", 0.6],
    ["и", 1],
  ],
  [
    ["ый", 0],
    ["ы", 0.6],
    ["и", 0.6],
    ["уй", 0.8],
  ],
  [
    ["и", 0],
    ["ы", 0.9],
  ],
];

/** Finals by jamo index; those that do not occur in names fall back to their sounding consonant. */
export const CYRILLIC_CODAS: Readonly<Record<number, Variants>> = {
  0: [["", 0]],
  1: [
    ["к", 0],
    ["г", 0.5],
  ],
  2: [["к", 0]],
  4: [
    ["н", 0],
    ["нн", 0.8],
  ],
  7: [
    ["т", 0],
    ["д", 0.5],
  ],
  8: [
    ["ль", 0],
    ["р", 0.2],
    ["л", 0.2],
  ],
  16: [["м", 0]],
  17: [
    ["п", 0],
    ["б", 0.5],
  ],
  19: [
    ["т", 0],
    ["с", 0.5],
  ],
  21: [
    ["н", 0],
    ["нъ", 0.2],
    ["нг", 0.5],
  ],
  22: [["т", 0]],
  23: [["т", 0]],
  25: [["т", 0]],
  26: [["п", 0]],
  27: [["т", 0]],
};

/**
 * Surnames as Koryo-saram write them, which the sound rules above do not reach
 * (https://en.wikipedia.org/wiki/Koryo-saram#Names: Цой, Тен, Тян, Тё, and the -гай forms).
 */
export const CYRILLIC_SURNAMES: readonly (readonly [string, string])[] = [
  ["цой", "최"],
  ["тен", "정"],
  ["тен", "전"],
  ["ден", "정"],
  ["дён", "정"],
  ["тян", "장"],
  ["тё", "조"],
  ["дё", "조"],
  ["шин", "신"],
  ["шим", "심"],
  ["огай", "오"],
  ["хегай", "허"],
  ["югай", "유"],
  ["когай", "고"],
  ["ни", "이"],
  ["ли", "이"],
];

/**
 * Russian passport Latin (ICAO Doc 9303 Part 3 as Russian passports print it since 2014:
 * https://en.wikipedia.org/wiki/Romanization_of_Russian#Transliteration_of_names_on_Russian_passports).
 */
export const PASSPORT_LATIN: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
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
  ъ: "ie",
  ы: "y",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
};
