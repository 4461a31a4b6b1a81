/**
 * Latin letters that transliterate Russian Cyrillic, read back into Cyrillic so that Korean names
 * the Russian press wrote (Ким Чен Ын, Хён Гван Ир) and a Latin writer then transliterated are
 * read as Cyrillic (parse-cyrillic.ts), not as a Korean romanization they are not. Two systems
 * cover what such text uses: BGN/PCGN 1947 (https://en.wikipedia.org/wiki/BGN/PCGN_romanization_of_Russian:
 * х kh, ц ts, ч ch, ж zh, й y, ы y, ю yu, я ya, е ye at the start of a word, ё ë, ь ʼ), with or
 * without its marks, and the scientific transliteration
 * (https://en.wikipedia.org/wiki/Scientific_transliteration_of_Cyrillic: х x, ц c, ч č, ш š,
 * ж ž, й j, ю ju, я ja, э è, ь ʹ). The Russian passport's ICAO Latin has its own reader.
 */

/** Latin letter groups and their Cyrillic, longest first (tried in this order at each position). */
const GROUPS: readonly (readonly [string, string])[] = [
  ["shch", "щ"],
  ["šč", "щ"],
  ["kh", "х"],
  ["zh", "ж"],
  ["ts", "ц"],
  ["ch", "ч"],
  ["sh", "ш"],
  ["yë", "ё"],
  ["yo", "ё"],
  ["ye", "е"],
  ["yu", "ю"],
  ["ya", "я"],
  ["ju", "ю"],
  ["ja", "я"],
  ["jo", "ё"],
  ["č", "ч"],
  ["š", "ш"],
  ["ž", "ж"],
  ["ë", "ё"],
  ["è", "э"],
  ["x", "х"],
  ["c", "ц"],
  ["j", "й"],
  ["a", "а"],
  ["b", "б"],
  ["v", "в"],
  ["w", "в"],
  ["g", "г"],
  ["d", "д"],
  ["z", "з"],
  ["i", "и"],
  ["k", "к"],
  ["l", "л"],
  ["m", "м"],
  ["n", "н"],
  ["o", "о"],
  ["p", "п"],
  ["r", "р"],
  ["s", "с"],
  ["t", "т"],
  ["u", "у"],
  ["f", "ф"],
  ["h", "х"],
  ["ʹ", "ь"],
  ["ʼ", "ь"],
  ["'", "ь"],
  ["’", "ь"],
  ["ʺ", "ъ"],
  ["ˮ", "ъ"],
];

const VOWELS = "aeiouyëè";

/** Letters of Russian transliteration that no Korean romanization or pinyin writes. */
const DIACRITIC_MARK = /[čšžëèʹʺˮʼ]/u;
/**
 * Letter groups of Russian transliteration that no Korean romanization writes: kh zh ts, ye at
 * the start of a word (not RR's yeo), y as a vowel (Yn, Kyn), x, and e standing alone as a vowel (Chen, Men:
 * Cyrillic е for ㅓ). Pinyin writes some of them (zh, x, chen), so a name of pinyin alone is
 * left to its own readings.
 */
const WORD_MARK = /kh|zh|ts|x|^ye(?!o)|(^|[^aeiouy])y(?![aeiouy])|(^|[^aeouyw])e(?![aeiou])/;

/** Whether a Latin name carries a mark of Russian transliteration (see the marks above). */
export function looksRussianLatin(name: string, isPinyin: (token: string) => boolean): boolean {
  const s = name.normalize("NFC").toLowerCase();
  if (!/^[\p{Script=Latin}\s,.'’ʹʺˮʼ-]+$/u.test(s)) return false;
  if (DIACRITIC_MARK.test(s)) return true;
  // Other accents (MR ŏ ŭ) say nothing here: the letters under them do.
  const tokens = s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .split(/[\s,.'’-]+/)
    .filter(Boolean);
  return tokens.some((t) => WORD_MARK.test(t)) && !tokens.every(isPinyin);
}

/** One Latin word back into Cyrillic by the groups above; y and e by their place in the word. */
function wordToCyrillic(word: string): string {
  let out = "";
  for (let i = 0; i < word.length; ) {
    const c = word[i]!;
    const prev = word[i - 1];
    const afterVowel = prev !== undefined && VOWELS.includes(prev);
    if (c === "y" && !["yë", "yo", "ye", "yu", "ya"].includes(word.slice(i, i + 2))) {
      // After a vowel y is й (Tsoy, Khoy); elsewhere the vowel ы (Yn, Kyn).
      out += afterVowel ? "й" : "ы";
      i++;
      continue;
    }
    if (c === "e") {
      // BGN writes е as ye at the start of a word and after a vowel, so a bare e there is э.
      out += i === 0 || afterVowel ? "э" : "е";
      i++;
      continue;
    }
    const g = GROUPS.find(([latin]) => word.startsWith(latin, i));
    if (g) {
      out += g[1];
      i += g[0].length;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** A Latin name transliterated from Russian, back in Cyrillic (words, commas and hyphens kept). */
export function russianLatinToCyrillic(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\p{L}'’ʹʺˮʼ]+/gu, wordToCyrillic);
}
