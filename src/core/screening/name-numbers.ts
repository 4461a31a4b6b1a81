/**
 * Two rules of name structure that order-free token alignment cannot see, each making two names
 * that share almost every word different names:
 *  - the numbers of an organisation name (KUM SONG 3 and KUM SONG 5, Apollo Investment Fund VIII
 *    and IX): another number is another ship, fund or company;
 *  - the nasab of an Arabic name (SALMAN BIN MUHAMMAD is Salman, son of Muhammad): the same two
 *    names either side of bin / ibn / ben in the other order, or another father after the same
 *    given name, is another person.
 */
import { tokenSimilarity } from "./similarity.js";

/** Roman numerals of two letters or more (II, IV, VIII; a lone I or V is a word). */
const ROMAN = /^(?=[ivx]{2,}$)x{0,3}(?:ix|iv|v?i{0,3})$/;

/**
 * A number standing alone or glued after a word's letters (KUM SONG5, P532); digits before or
 * inside a word's letters are more likely a recognition slip for letters (5UNGRISAN, G8AE, 0IL).
 */
const NUMBER = /^[a-z]*(\d+)$/;

/** Numbers of token lists read already (by the list itself: names keep theirs). */
const numbersByTokens = new WeakMap<readonly string[], string>();

/**
 * The numbers of a name: its digits in order, however they are split or glued (P-532 = P532,
 * 7-28 = 728), and its Roman numeral words; empty when it has none.
 */
function numbersOf(tokens: readonly string[]): string {
  // A name's token lists are kept and meet many others: each is read once.
  const known = numbersByTokens.get(tokens);
  if (known !== undefined) return known;
  let digits = "";
  const roman: string[] = [];
  for (const t of tokens) {
    const d = NUMBER.exec(t)?.[1];
    if (d !== undefined) digits += d;
    else if (ROMAN.test(t)) roman.push(t);
  }
  const out = roman.length ? `${digits} ${roman.sort().join(" ")}` : digits;
  numbersByTokens.set(tokens, out);
  return out;
}

/**
 * Whether two organisation names (as tokens) both carry numbers, and different ones. A number on
 * one side only may be a word the writer left out (RYE SONG GANG for RYE SONG GANG 1), or read
 * from a number word the other misspelt (Tihrd Floor).
 */
export function numbersDiffer(a: readonly string[], b: readonly string[]): boolean {
  const x = numbersOf(a);
  const y = numbersOf(b);
  return x !== "" && y !== "" && x !== y;
}

const SON_OF = new Set(["bin", "ibn", "ben", "bint"]);

/** The (name, father) pairs of a name's nasab: the words either side of each bin / ibn / ben. */
function nasab(tokens: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 1; i < tokens.length - 1; i++)
    if (SON_OF.has(tokens[i]!)) out.push([tokens[i - 1]!, tokens[i + 1]!]);
  return out;
}

/**
 * Whether two person names (as tokens) give conflicting lineages: one's X bin Y is the other's
 * Y bin X, or the same X is the son of a father whose name shares nothing with the other's.
 */
export function nasabConflict(a: readonly string[], b: readonly string[]): boolean {
  const na = nasab(a);
  if (na.length === 0) return false;
  const nb = nasab(b);
  return na.some(([x, y]) =>
    nb.some(
      ([u, v]) => (x !== y && x === v && y === u) || (x === u && tokenSimilarity(y, v) === 0),
    ),
  );
}
