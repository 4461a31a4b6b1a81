/**
 * Hanyu Pinyin syllables written in Wade–Giles, as folded text writes it (no apostrophes, no
 * umlauts, no breves): XI JINPING → hsi chinping, MAO ZEDONG → mao tsetung. Pinyin → Wade–Giles is
 * one spelling per syllable (the other way is not: chin is jin or qin once the aspiration mark
 * is dropped), so a list name in pinyin is written in Wade–Giles and compared with the query as
 * written. The rules are those of the Wade–Giles ↔ pinyin conversion table (Wikipedia,
 * "Wade–Giles", section "Comparison chart", https://en.wikipedia.org/wiki/Wade%E2%80%93Giles):
 * whole syllables first (zhi chih, zi tzu, si ssu, ri jih, er erh, you yu, yan yen, ye yeh), then
 * the initial (b p, d t, g k, j q zh ch, x hs, r j, z c ts) and the final (ong ung, ie ieh,
 * ian ien, üe üeh, e o after g k h, uo o after d t n l z c s zh ch r, gui kui kuei).
 */
import { parsePinyin } from "./pinyin.js";

const WHOLE: Record<string, string> = {
  zhi: "chih",
  chi: "chih",
  shi: "shih",
  ri: "jih",
  zi: "tzu",
  ci: "tzu",
  si: "ssu",
  er: "erh",
  you: "yu",
  yan: "yen",
  ye: "yeh",
  yue: "yueh",
  yong: "yung",
  yi: "i",
  gui: "kuei",
  kui: "kuei",
};

/** Pinyin initials, longest first, with their Wade–Giles letters (aspiration marks dropped). */
const INITIALS: [string, string][] = [
  ["zh", "ch"],
  ["ch", "ch"],
  ["sh", "sh"],
  ["b", "p"],
  ["p", "p"],
  ["d", "t"],
  ["t", "t"],
  ["g", "k"],
  ["k", "k"],
  ["j", "ch"],
  ["q", "ch"],
  ["x", "hs"],
  ["r", "j"],
  ["z", "ts"],
  ["c", "ts"],
];

/** Initials after which pinyin uo is Wade–Giles o (duo to, zhuo cho; guo kuo keeps it). */
const UO_AS_O = new Set(["d", "t", "n", "l", "z", "c", "s", "zh", "ch", "r"]);

/** One pinyin syllable (no tones, ü as v or u) in Wade–Giles without marks. */
export function pinyinSyllableToWadeGiles(syllable: string): string {
  const s = syllable.replace(/v/g, "u");
  const whole = WHOLE[s];
  if (whole) return whole;
  let initial = "";
  let wg = "";
  for (const [py, w] of INITIALS)
    if (s.startsWith(py)) {
      initial = py;
      wg = w;
      break;
    }
  let final = s.slice(initial.length);
  if (initial === "" && /^[mfnlhsyw]/.test(s)) {
    initial = s[0]!;
    wg = initial;
    final = s.slice(1);
  }
  if (final.endsWith("ong")) final = `${final.slice(0, -3)}ung`;
  else if (final === "ie" || final === "ue") final = `${final}h`;
  else if (final === "ian") final = "ien";
  else if (final === "e" && (initial === "g" || initial === "k" || initial === "h")) final = "o";
  else if (final === "uo" && UO_AS_O.has(initial)) final = "o";
  return wg + final;
}

/**
 * A person name's tokens in Wade–Giles, each token's pinyin syllables run together (jinping →
 * chinping); undefined unless every token reads as pinyin and some token is written otherwise.
 */
export function wadeGilesTokens(tokens: readonly string[]): string[] | undefined {
  const out: string[] = [];
  let changed = false;
  for (const t of tokens) {
    const syllables = /^[a-z]+$/.test(t) ? parsePinyin(t) : undefined;
    if (!syllables) return undefined;
    const w = syllables.map(pinyinSyllableToWadeGiles).join("");
    if (w !== t) changed = true;
    out.push(w);
  }
  return changed ? out : undefined;
}
