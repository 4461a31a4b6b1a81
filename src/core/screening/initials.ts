/**
 * Person names written with the given names cut to initials, as indexes, citations and some
 * registers write them: FAMILY, G. G. (KIM, K. I. for KIM KWANG-IL), FAMILY G. G. or G. G. FAMILY.
 * Token alignment alone cannot read them — an initial would pair with any word of that letter, a
 * family name included (SONG, H. K. is not KIM, Song Chol) — so the family name is compared with
 * the list name's family name and the initials, in order, with the first letters of its given
 * names. Initials say which name is meant, never that it is that person: the score stays below
 * the match threshold (docs/screening.md).
 */
import { looseKey } from "../names/index.js";
import { isPatronymic } from "./similarity.js";
import { foldText, personTokens } from "./text.js";

/** A query read as a family name and initials. */
export interface InitialsName {
  family: string[];
  initials: string[];
}

/** A list name cut into family and given tokens, one way it may be read. */
export interface NameSplit {
  family: string;
  given: string[];
}

/** Family and initials in order, every initial matching its given name's first letter. */
export const INITIALS_SCORE = 0.8;
/** Initials that agree only across romanizations (K. for Gwang, C. for Jong). */
const ROMANIZATION_FACTOR = 0.92;
/** Fewer initials than given names (KIM, K. for KIM KWANG IL), in order. */
const PARTIAL_FACTOR = 0.88;
/** A family name that agrees only across romanizations (JO for CHO, RI for YI). */
const LOOSE_FAMILY_FACTOR = 0.95;
/**
 * The most another reading of such a query may score: an initial pairs with any word of its
 * letter, so a name matched word by word with its initials is a resemblance, not a match.
 */
export const INITIALS_QUERY_CEILING = 0.7;

const LONE_LETTER = /(?:^|[\s,.'-])\p{L}(?:$|[\s,.'-])/u;
const isInitial = (t: string) => t.length === 1 && /[a-z]/.test(t);
const isWord = (t: string) => t.length >= 2;

/**
 * The family name and initials of a name written FAMILY, G. G., FAMILY G. G. or G. G. FAMILY;
 * undefined for anything else. Without a dot after an initial two initials are needed: a single
 * letter is also a whole Korean syllable (KIM U, CHO IL U).
 */
export function initialsForm(name: string): InitialsName | undefined {
  // Most names have no letter standing alone: one test says so.
  if (!LONE_LETTER.test(name)) return undefined;
  const dotted = /(^|[\s,.])\p{L}\./u.test(name);
  const comma = name.indexOf(",");
  if (comma > 0) {
    const family = personTokens(name.slice(0, comma));
    const given = foldText(name.slice(comma + 1))
      .split(" ")
      .filter(Boolean);
    return accept(family, given, dotted, 1);
  }
  const tokens = personTokens(name);
  const words = tokens.filter(isWord).length;
  // Initials first (K. I. KIM) or last (KIM K. I.), never mixed.
  if (tokens.slice(0, words).every(isWord))
    return accept(tokens.slice(0, words), tokens.slice(words), dotted);
  if (tokens.slice(-words).every(isWord))
    return accept(tokens.slice(-words), tokens.slice(0, tokens.length - words), dotted);
  return undefined;
}

/** `familyLetters`: a family name before a comma may be one letter (O, C. O. for 오). */
function accept(
  family: string[],
  given: string[],
  dotted: boolean,
  familyLetters = 2,
): InitialsName | undefined {
  if (family.length < 1 || family.length > 2 || family.some((t) => t.length < familyLetters))
    return undefined;
  if (given.length < 1 || given.length > 3 || !given.every(isInitial)) return undefined;
  if (!dotted && given.length < 2) return undefined;
  return { family, initials: given };
}

/**
 * The ways a list name divides into a family name and given names: at its comma (KIM, Kwang-Il),
 * else family first (UN order: KIM KWANG-IL) or last (Kwang Il KIM).
 */
export function nameSplits(name: string): NameSplit[] {
  const comma = name.indexOf(",");
  if (comma > 0) {
    const family = personTokens(name.slice(0, comma)).join("");
    const given = personTokens(name.slice(comma + 1));
    return family && given.length ? [{ family, given }] : [];
  }
  const t = personTokens(name);
  if (t.length < 2) return [];
  return [
    { family: t[0]!, given: t.slice(1) },
    { family: t[t.length - 1]!, given: t.slice(0, -1) },
  ];
}

/** Initials that romanizations write for one sound (ㄱ k/g, ㅈ ch/j, ㄷ t/d, ㅂ p/b, ㄹ r/l). */
function initialClass(c: string): string {
  switch (c) {
    case "g":
      return "k";
    case "j":
      return "c";
    case "d":
      return "t";
    case "b":
      return "p";
    case "l":
      return "r";
    default:
      return c;
  }
}

/** Blocking keys of a list name's splits, and of a query's initials form: family + initials. */
export function initialsKeys(family: string, initials: readonly string[]): string[] {
  const f = looseKey(family);
  if (f.length < 1 || initials.length === 0) return [];
  const cls = initials.map(initialClass).join("");
  return [`i:${f}:${cls}`, `i:${f}:${cls[0]!}`];
}

/** The score of an initials-form query against one split of a list name; 0 when they disagree. */
export function scoreInitials(q: InitialsName, split: NameSplit): number {
  const family = q.family.join("");
  let score = INITIALS_SCORE;
  if (family !== split.family) {
    if (looseKey(family) !== looseKey(split.family)) return 0;
    score *= LOOSE_FAMILY_FACTOR;
  }
  const firsts = split.given.map((g) => g[0]!);
  if (q.initials.length > firsts.length) return 0;
  let exact = true;
  for (let i = 0; i < q.initials.length; i++) {
    const a = q.initials[i]!;
    const b = firsts[i]!;
    if (a === b) continue;
    if (initialClass(a) !== initialClass(b)) return 0;
    exact = false;
  }
  if (!exact) score *= ROMANIZATION_FACTOR;
  // A patronymic left without its initial (V. Putin for PUTIN, Vladimir Vladimirovich) is no
  // given name missing.
  const rest = split.given.slice(q.initials.length);
  if (!rest.every(isPatronymic)) score *= PARTIAL_FACTOR;
  return Number(score.toFixed(4));
}
