/**
 * Realistic query variants of list names, for the screening evaluation: other romanizations
 * (RR, MR with diacritics, ALA-LC, DPRK) of the Korean reading, family/given order swaps,
 * run-together and hyphenated given names, Hangul and Chinese-character renderings (where the
 * romanized name parses as Korean), a one-letter typo, and for organisations legal-form variants.
 * Seeded: the same list gives the same queries.
 */
import {
  hangulToHanCandidates,
  parseName,
  type RomanizationSystem,
  romanizeName,
} from "../src/core/names/index.js";
import { foldText, type ListEntity, splitOrgName } from "../src/core/screening/index.js";

export interface EvalQuery {
  query: string;
  variant: string;
  type: "person" | "org";
  /** The entity the query was derived from. */
  source: string;
  sourceName: string;
}

/** mulberry32: a tiny seeded PRNG, enough for picking typo positions. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item of `xs`, drawn with `rand`. */
export const pick = <T>(xs: readonly T[], rand: () => number): T =>
  xs[Math.floor(rand() * xs.length)]!;

const LETTERS = "abcdefghijklmnoprstuy";

/** One edit (substitution, deletion, insertion or transposition) inside the longest word. */
export function typo(name: string, rand: () => number): string | undefined {
  const words = name.split(" ");
  let wi = 0;
  words.forEach((w, i) => {
    if (w.length > words[wi]!.length) wi = i;
  });
  const w = words[wi]!;
  if (w.length < 4) return undefined;
  // Keep the first letter: typos at the start are rarer and change the name's sound most.
  const pos = 1 + Math.floor(rand() * (w.length - 1));
  const kind = Math.floor(rand() * 4);
  const letter = LETTERS[Math.floor(rand() * LETTERS.length)]!;
  const upper = w === w.toUpperCase();
  const l = upper ? letter.toUpperCase() : letter;
  let out: string;
  if (kind === 0) out = w.slice(0, pos) + l + w.slice(pos + 1);
  else if (kind === 1) out = w.slice(0, pos) + w.slice(pos + 1);
  else if (kind === 2) out = w.slice(0, pos) + l + w.slice(pos);
  else
    out =
      pos + 1 < w.length
        ? w.slice(0, pos) + w[pos + 1] + w[pos] + w.slice(pos + 2)
        : w.slice(0, pos) + l;
  if (out === w) return undefined;
  words[wi] = out;
  return words.join(" ");
}

const SYSTEMS: [RomanizationSystem, string, boolean][] = [
  ["rr", "romanization RR", false],
  ["mr", "romanization MR (diacritics)", true],
  ["ala-lc", "romanization ALA-LC", true],
  ["dprk", "romanization DPRK", false],
];

function personVariants(name: string, rand: () => number): [string, string][] {
  const out: [string, string][] = [["as listed", name]];
  const p = parseName({ full: name })[0];
  const korean =
    p && p.familyCandidates.length > 0 && p.givenParses.length > 0 && p.script === "latin";
  const t = typo(name, rand);
  if (t) out.push(["typo", t]);
  if (!korean) {
    const words = name.replace(/,/g, "").split(/\s+/).filter(Boolean);
    if (words.length > 1) out.push(["order swap", [...words.slice(1), words[0]!].join(" ")]);
    return out;
  }
  const famH = p.familyCandidates[0]!.syllable;
  const givenSlots = p.givenParses[0]!;
  const givenH = givenSlots.map((s) => s.candidates[0]!.syllable).join("");
  const family = p.family.replace(/,/g, "").trim();
  const givenSyl = givenSlots.map((s) => s.spelling);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  if (givenSyl.length > 1) {
    out.push(["given run together", `${family} ${cap(givenSyl.join(""))}`]);
    out.push(["given hyphenated", `${family} ${cap(givenSyl.join("-"))}`]);
  }
  out.push(["order swap", `${givenSyl.map(cap).join(" ")} ${family}`]);
  out.push(["comma form", `${family.toUpperCase()}, ${givenSyl.map(cap).join("-")}`]);
  for (const [system, label, diacritics] of SYSTEMS) {
    const r = romanizeName(famH, givenH, system, { diacritics });
    out.push([label, `${r.family} ${r.given}`]);
  }
  out.push(["Hangul", `${famH}${givenH}`]);
  const han = [famH, ...Array.from(givenH)].map((s) => hangulToHanCandidates(s)[0]);
  if (han.every(Boolean)) out.push(["Chinese characters", han.join("")]);
  return out;
}

const LEGAL_REWRITES: [RegExp, string][] = [
  [/\bCORPORATION\b/i, "Corp."],
  [/\bCORP\.?(?=\s|$)/i, "Corporation"],
  [/\bCO\.?,? LTD\.?/i, "Company Limited"],
  [/\bCOMPANY LIMITED\b/i, "Co., Ltd."],
  [/\bCOMPANY\b/i, "Co."],
  [/\bLIMITED\b/i, "Ltd"],
];

function orgVariants(name: string, rand: () => number): [string, string][] {
  const out: [string, string][] = [["as listed", name]];
  for (const [re, rep] of LEGAL_REWRITES)
    if (re.test(name)) {
      out.push(["legal form rewritten", name.replace(re, rep)]);
      break;
    }
  const split = splitOrgName(name);
  if (split.legalForms.length && split.core.length > 1)
    out.push(["legal form dropped", split.core.join(" ")]);
  const t = typo(name, rand);
  if (t) out.push(["typo", t]);
  const words = foldText(name).split(" ");
  const shortPair = words.findIndex(
    (w, i) => i + 1 < words.length && w.length <= 4 && words[i + 1]!.length <= 4,
  );
  if (shortPair >= 0)
    out.push([
      "words run together",
      [
        ...words.slice(0, shortPair),
        words[shortPair]! + words[shortPair + 1]!,
        ...words.slice(shortPair + 2),
      ].join(" "),
    ]);
  out.push(["lower case, no punctuation", foldText(name)]);
  return out;
}

export function queriesFor(entities: readonly ListEntity[], seed = 2397): EvalQuery[] {
  const rand = prng(seed);
  const out: EvalQuery[] = [];
  for (const e of entities) {
    const person = e.kind === "person";
    const seen = new Set<string>();
    for (const n of e.names) {
      if (n.type === "original-script") continue;
      for (const [variant, query] of person
        ? personVariants(n.name, rand)
        : orgVariants(n.name, rand)) {
        if (seen.has(query)) continue;
        seen.add(query);
        out.push({
          query,
          variant: `${n.type === "primary" ? "" : "alias: "}${variant}`,
          type: person ? "person" : "org",
          source: `${e.list}:${e.reference}`,
          sourceName: n.name,
        });
      }
    }
  }
  return out;
}
