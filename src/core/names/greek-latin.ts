/**
 * Greek letters in the Latin ones of ELOT 743 / ISO 843, the Greek state's transcription
 * (https://en.wikipedia.org/wiki/Romanization_of_Greek, table "ELOT 743"): the digraphs first
 * (ου ou, αυ av, ευ ev, γγ ng, γκ gk, γξ nx, γχ nch), μπ and ντ as b and d at a word's start,
 * accents and the diaeresis dropped, final ς as σ. Other letters are kept as they are.
 */

const DIGRAPHS: readonly (readonly [string, string])[] = [
  ["ου", "ou"],
  ["αυ", "av"],
  ["ευ", "ev"],
  ["γγ", "ng"],
  ["γκ", "gk"],
  ["γξ", "nx"],
  ["γχ", "nch"],
];

const LETTERS: Readonly<Record<string, string>> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

const GREEK = /\p{Script=Greek}/u;

/** One word, lower case, in ELOT 743 letters. */
function word(w: string): string {
  let rest = w.replace(/^μπ/u, "b").replace(/^ντ/u, "d");
  let out = "";
  while (rest) {
    const d = DIGRAPHS.find(([g]) => rest.startsWith(g));
    const [from, to] = d ?? [rest[0]!, LETTERS[rest[0]!] ?? rest[0]!];
    out += to;
    rest = rest.slice(from.length);
  }
  return out;
}

/** A name's Greek words in ELOT 743 Latin letters (lower case); the name unchanged without Greek. */
export function elot743(s: string): string {
  if (!GREEK.test(s)) return s;
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/([^\p{L}]+)/u)
    .map((part) => (GREEK.test(part) ? word(part) : part))
    .join("");
}
