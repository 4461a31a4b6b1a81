/**
 * Serbian and Macedonian Cyrillic in the Latin letters of the same languages (Gaj's alphabet,
 * letter for letter as the Serbian standard pairs them, https://en.wikipedia.org/wiki/Gaj%27s_Latin_alphabet;
 * Macedonian ѓ ќ ѕ as gj kj dz, https://en.wikipedia.org/wiki/Romanization_of_Macedonian).
 * Only a name with a letter Russian lacks (ј џ љ њ ћ ђ ѓ ќ ѕ) is read so: the press writes a
 * foreign name by its sounds (Џо Јонг Чол, Džo Jong Čol for Jo Yong Chol), and the South Slavic
 * Latin of it is what the press-transcription readers know.
 */

const LETTERS: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  ђ: "đ",
  е: "e",
  ж: "ž",
  з: "z",
  и: "i",
  ј: "j",
  к: "k",
  л: "l",
  љ: "lj",
  м: "m",
  н: "n",
  њ: "nj",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  ћ: "ć",
  у: "u",
  ф: "f",
  х: "h",
  ц: "c",
  ч: "č",
  џ: "dž",
  ш: "š",
  ѓ: "gj",
  ќ: "kj",
  ѕ: "dz",
};

const SOUTH_SLAVIC = /[јџљњћђѓќѕ]/iu;

/** The name in Serbian Latin letters when it is written in Serbian or Macedonian Cyrillic; unchanged otherwise. */
export function serbianLatin(s: string): string {
  if (!SOUTH_SLAVIC.test(s)) return s;
  let out = "";
  for (const c of s) {
    const lower = c.toLowerCase();
    const l = LETTERS[lower];
    if (l === undefined) out += c;
    else out += c === lower ? l : l.charAt(0).toUpperCase() + l.slice(1);
  }
  return out;
}
