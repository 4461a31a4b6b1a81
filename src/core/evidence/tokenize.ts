/**
 * Search tokens for the full-text index (BM25 in DuckDB SQL, src/evidence/search.ts). Latin
 * and other alphabetic words are lower-cased, folded to ASCII where possible and lightly
 * stemmed; numbers lose their thousands separators ("6,500" → "6500"); Chinese characters
 * and Hangul, written without spaces between words (or with particles glued on), become
 * overlapping character bigrams, the usual no-dictionary approach for CJK retrieval.
 */

export interface Token {
  term: string;
  /** UTF-16 index of the token's first character. */
  start: number;
}

const STOPWORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or that the their there this to was were which with".split(
    " ",
  ),
);

const CJK = /[\p{Script=Han}\p{Script=Hangul}]/u;

/** Light English stemming: plurals and possessives only, so "workers" finds "worker". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us"))
    return word.slice(0, -1);
  return word;
}

function foldLatin(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re =
    /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{Script=Han}\p{Script=Hangul}]+|[\p{L}\p{M}][\p{L}\p{M}\p{N}'’]*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    if (/^\d/.test(raw)) {
      out.push({ term: raw.replaceAll(",", ""), start: m.index });
    } else if (CJK.test(raw[0]!)) {
      const chars = [...raw];
      if (chars.length === 1) out.push({ term: raw, start: m.index });
      let offset = m.index;
      for (let i = 0; i + 1 < chars.length; i++) {
        out.push({ term: chars[i]! + chars[i + 1]!, start: offset });
        offset += chars[i]!.length;
      }
    } else {
      const word = foldLatin(raw.replace(/['’]s$/u, "").replace(/['’]/gu, ""));
      if (word === "" || STOPWORDS.has(word)) continue;
      out.push({ term: stem(word), start: m.index });
    }
  }
  return out;
}

/** Term frequencies of a text. */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokenize(text)) counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
  return counts;
}
