/**
 * In-memory screening index over list entities. Built once (blocking keys for every name and
 * alias), then each query: (1) candidate names by shared keys — tokens, glued neighbours, one-edit
 * deletion keys for typos, Korean name keys (nameKeys: Hangul readings, phonetic classes, pinyin)
 * and organisation acronyms — ranked by a cheap key score; (2) the best few scored properly —
 * Korean-readable person names with compareNames, other names by token alignment, organisations
 * without legal forms; (3) birth date, nationality and documents adjust the best name score per
 * entity. Every match carries an explanation of which alias, which forms and which features.
 */
import {
  compareParsedNames,
  looseKey,
  type NameMatch,
  nameKeys,
  nameKeysOfParses,
  type PreparedName,
  prepareName,
  repairText,
  romanizeName,
  scriptLatinAlternative,
  vowelReading,
  wadeGilesTokens,
} from "../names/index.js";
import { parsePinyin } from "../names/pinyin.js";
import { isCommonWord, isDictionaryWord, isPlaceOrCountry } from "./common-words.js";
import { namedParty } from "./document-lines.js";
import { isDprkRelated } from "./dprk.js";
import {
  compareBirthDates,
  compareDocuments,
  compareNationality,
  DOCUMENT_FLOOR,
  type FeatureResult,
} from "./features.js";
import {
  INITIALS_QUERY_CEILING,
  INITIALS_SCORE,
  type InitialsName,
  initialsForm,
  initialsKeys,
  type NameSplit,
  nameSplits,
  scoreInitials,
} from "./initials.js";
import { nasabConflict, numbersDiffer } from "./name-numbers.js";
import {
  hasNicknames,
  NICKNAME_SCORE,
  type NicknameReading,
  nicknameReading,
} from "./nicknames.js";
import { addressHeads, isPlaceWord, leadingPlaceHead } from "./org-address.js";
import { bodyCountries, countriesNamed, namesStateBodyOnly } from "./org-country.js";
import { orgTokenVariants } from "./org-tokens.js";
import {
  type Alignment,
  alignmentCeiling,
  boundedEditDistance,
  type GlueSide,
  glueSide,
  hasPatronymic,
  memoTokenSimilarity,
  personTokenWeigher,
  type ScoredAlignment,
  scoreAlignment,
  skeleton,
  type TokenSimilarity,
  type TokenWeigher,
  tokenWeight,
} from "./similarity.js";
import {
  acronymsOf,
  branchParents,
  foldText,
  gluedLegalFormStem,
  hasCjk,
  isLegalFormWord,
  legalFormStem,
  personTokens,
} from "./text.js";
import type { EntityKind, ListEntity, NameType } from "./types.js";

/**
 * Score at or above which a candidate is reported as a match. The names module's threshold
 * (0.85, docs/names.md): a one-syllable difference in a Korean given name (KIM KYONG MIN vs
 * KIM KYONG IL, ≈0.75) stays below it unless the birth date or a document agrees.
 */
export const SCREEN_THRESHOLD = 0.85;

export const QUERY_TYPES = ["person", "org"] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export interface ScreenQuery {
  name: string;
  type?: QueryType;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  birthDate?: string;
  /** ISO alpha-3/alpha-2 or a country name. */
  nationality?: string;
  documents?: string[];
}

export interface MatchExplanation {
  /** The list name or alias that matched best, with its type and the list's quality label. */
  alias: string;
  aliasType: NameType;
  aliasQuality: string | null;
  method: "korean-name" | "tokens" | "initials" | "organisation" | "acronym";
  nameScore: number;
  /** How the name forms lined up (syllables, tokens, legal forms). */
  nameForms: string[];
  features: FeatureResult[];
}

export interface ScreenMatch {
  list: string;
  reference: string;
  /** The entity's primary name. */
  name: string;
  kind: EntityKind;
  dprk: boolean;
  score: number;
  explanation: MatchExplanation;
}

interface IndexedName {
  entity: number;
  name: string;
  type: NameType;
  quality: string | null;
  /** Person tokens, or organisation core tokens (first reading). */
  tokens: string[];
  /** Further readings for CJK organisation names. */
  variants: string[][];
  legalForms: string[];
  /** Parses as a Korean (or pinyin) name: compare with compareNames. */
  korean: boolean;
  /** Acronyms of an organisation name (`acronymsOf`). */
  acronyms: string[];
}

/** The matcher's tuning values, each with the reason for it. */
const TUNING = {
  /** Weak aliases are what the lists themselves call unreliable (UN "Low", OFAC "weak"). */
  weakAliasFactor: 0.9,
  /**
   * A derived acronym equal to the query: plausible, not proof (ZTE is not ZHEJIANG TIANLU
   * ENERGY), so it ranks the body for an analyst but stays below the threshold. Acronyms the
   * lists give as aliases (KOMID) match as names.
   */
  acronymScore: 0.8,
  /**
   * Organisation names that share only common words (INDUSTRIAL BANK, KOREA TRADING) are many
   * bodies: without a distinctive word in common (rarity ≥ distinctiveRarity, not generic) a
   * name other than the listed one word for word stays below the threshold.
   */
  commonWordsCeiling: 0.84,
  /**
   * Names alike in their words but not in their structure: another number in an organisation
   * name (KUM UN SAN 3), another lineage in an Arabic name (X BIN Y for Y BIN X) — another body
   * or person, ranked for an analyst but no match (name-numbers.ts): the score is scaled, so
   * the nearer name still ranks first.
   */
  structureFactor: 0.84,
  distinctiveRarity: 0.8,
  /** Keys shared by more names than this are skipped in candidate generation (e.g. "kim"). */
  maxPosting: 1500,
  /** Candidates scored in full per query, and how many of them may use compareNames. */
  fullScoreCandidates: 40,
  koreanScoreCandidates: 12,
  koreanKeyWeight: 4,
  /** A shared whole-name loose key (or its one-deletion form) is the strongest hint of a typo. */
  looseKeyWeight: 40,
  /** A shared family name with the same initials (KIM, K. I.) says as much. */
  initialsKeyWeight: 40,
  /**
   * Organisation tokens weigh by rarity among list organisation names: "trading", "korea", "of"
   * say little, "xianghe" says which company. An extra rare word in the list name means another
   * company (DANDONG TRADING ≠ DANDONG XIANGHE TRADING), so unmatched list tokens count 0.8.
   */
  orgUnmatchedWeight: 0.8,
  /**
   * Person names: a list name with parts the query lacks (a second surname, a middle name) counts
   * those parts in full (a Dice score): "Alfonso Romero" is not "CORONA ROMERO, Alfonso" on name
   * evidence alone (yente negatives: 0.5 here let 19 such pairs over the threshold).
   */
  personUnmatchedWeight: 1,
  orgMinRarity: 0.2,
  /**
   * A Korean query whose two given syllables, swapped, read as a listed name (Jin-ho for HO-JIN):
   * a clerk's slip or another person (the two are different given names), so it ranks the
   * listed name but stays below the threshold on the name alone.
   */
  transposedGivenFactor: 0.8,
} as const;

/** Payment-message lines: 35 characters, at most four of them in a name and address field. */
const PAYMENT_LINE = 35;
const PAYMENT_LINES = 4;
/** A cut word read as the start of list words: at least this long, completed at most this many ways. */
const MIN_CUT_PREFIX = 3;
const CUT_COMPLETIONS = 3;

/** A person name aligned by initials alone stays below any match. */
const INITIALS_ONLY_CEILING = 0.5;

/**
 * Words that say where or what kind of body it is, not which one, and that writers add or leave
 * out (KOREA DAESONG GENERAL TRADING CORPORATION, DAESONG TRADE CO): they weigh little matched
 * or missing.
 */
const ORG_GENERIC_WORDS = new Set([
  "korea",
  "korean",
  "dprk",
  "general",
  "democratic",
  "peoples",
  "republic",
  "the",
  "of",
  "and",
]);
const ORG_GENERIC_FACTOR = 0.3;
/** Prefixes written before a vessel's name (M/V, MV, MT, MS, SS, FV), folded. */
const VESSEL_PREFIXES = new Set(["mv", "mt", "ms", "ss", "fv"]);
/** Words that join the words of a name and say nothing of it. */
const CONNECTORS = new Set(["of", "the", "and", "for"]);

function deletionKeys(t: string, out: Set<string>): void {
  if (t.length < 5) return;
  for (let i = 0; i < t.length; i++) out.add(`e:${t.slice(0, i)}${t.slice(i + 1)}`);
}

function tokenKeys(tokens: readonly string[], out: Set<string>): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.length >= 2) out.add(`t:${t}`);
    // Consonant skeletons meet names read from abjads (mhmd ↔ mohamed); see tokenSimilarity.
    const sk = skeleton(t);
    if (sk.length >= 2 && t.length >= 3) out.add(`e:~${sk}`);
    if (t.length >= 5) out.add(`e:${t}`);
    deletionKeys(t, out);
    const next = tokens[i + 1];
    if (next) {
      out.add(`t:${t}${next}`);
      const gk = skeleton(t + next);
      if (gk.length >= 3) out.add(`e:~${gk}`);
      if (t.length + next.length >= 5) out.add(`e:${t}${next}`);
    }
  }
}

/**
 * Whole-name loose keys of a person name (romanization differences folded: Gim/Kim, cheol/chol,
 * Jang/Chang) with their one-deletion variants — list names as written, queries also with the
 * first or last token moved (family name first or last): a typo inside a short syllable
 * on top of a romanization change (GIM TOG MYEONG for KIM TOK MYONG) still shares a key.
 */
function looseNameKeys(tokens: readonly string[], out: Set<string>, rotations: boolean): void {
  if (tokens.length < 2 || tokens.length > 4) return;
  const orders = rotations
    ? [
        tokens,
        [...tokens.slice(1), tokens[0]!],
        [tokens[tokens.length - 1]!, ...tokens.slice(0, -1)],
      ]
    : [tokens];
  for (const o of orders) {
    const k = looseKey(o.join(""));
    // Four letters already name a short name (CHO I U for CHO IL U); deleting one of them would not.
    if (k.length < 4 || k.length > 16) continue;
    out.add(`l:${k}`);
    if (k.length < 5) continue;
    for (let i = 0; i < k.length; i++) out.add(`l:${k.slice(0, i)}${k.slice(i + 1)}`);
  }
}

/**
 * A Latin name of two to four short tokens reads like Korean syllables even when a typo keeps
 * one from parsing (GIM MUC CHEOL): compareNames' loose-key fallback then still applies.
 */
function looksLikeSyllables(tokens: readonly string[]): boolean {
  return (
    tokens.length >= 2 &&
    tokens.length <= 4 &&
    tokens.every((t) => t.length <= 7 && /^[a-z]+$/.test(t)) &&
    // A typo may drop one syllable's vowel (BAK DO CHN); a name read from an abjad (عبد الله →
    // bd llh) has none at all and is no Korean name.
    tokens.filter((t) => !/[aeiouy]/.test(t)).length <= 1
  );
}

/**
 * The name with its two given syllables swapped (Yoon Jin-ho → Yoon, Ho-jin; 윤진호 → 윤, 호진),
 * by its best reading; undefined when that reading has not exactly two different ones.
 */
function transposedGiven(parsed: PreparedName): PreparedName | undefined {
  const best = parsed.parses[0];
  const slots = best?.givenParses[0];
  if (!best?.family || slots?.length !== 2 || slots[0]!.spelling === slots[1]!.spelling) return;
  const sep = best.script === "latin" ? "-" : "";
  return prepareName({ full: `${best.family}, ${slots[1]!.spelling}${sep}${slots[0]!.spelling}` });
}

/**
 * A name read through Cyrillic (Ким Чен Ын, Kim Chen Yn, Khvan Sok Khva) shares few letters with
 * its list spelling: its best Hangul readings, written in the DPRK romanization the lists use,
 * give it whole-name keys as strong as a list spelling's own (at most two readings).
 */
function readerRomanizations(parsed: PreparedName): string[][] {
  const out: string[][] = [];
  let readings = 0;
  for (const p of parsed.parses) {
    if (!p.reader || readings >= 2) continue;
    readings++;
    const given = p.givenParses[0]?.map((slot) => slot.candidates[0]?.syllable ?? "").join("");
    if (!given) continue;
    // The family names the reading leaves nearly as likely as its best (チェ: 채, 제, 최), since
    // a habit that merges vowels (ㅐ ㅔ ㅚ as e) leaves the commonest surname no better placed.
    const best = p.familyCandidates[0]?.cost ?? 0;
    for (const f of p.familyCandidates.slice(0, READER_FAMILIES)) {
      if (f.cost > best + READER_FAMILY_SPREAD) break;
      const r = romanizeName(f.syllable, given, "dprk");
      out.push(personTokens(`${r.family} ${r.given}`));
    }
  }
  return out;
}

/**
 * Two organisation names with a legal form glued to a word of one that the other writes apart
 * (`gluedLegalFormStem`), with that word read as its stem on both sides; undefined when none is.
 */
function ungluedAgainst(
  q: readonly string[],
  c: readonly string[],
): [string[], string[]] | undefined {
  let q2: string[] | undefined;
  let c2: string[] | undefined;
  for (let i = 0; i < q.length; i++) {
    const stem = c.includes(q[i]!) ? undefined : gluedLegalFormStem(q[i]!, c);
    if (!stem) continue;
    q2 ??= q.slice();
    q2[i] = stem;
  }
  for (let j = 0; j < c.length; j++) {
    const stem = q.includes(c[j]!) ? undefined : gluedLegalFormStem(c[j]!, q);
    if (!stem) continue;
    c2 ??= c.slice();
    c2[j] = stem;
  }
  return q2 || c2 ? [q2 ?? q.slice(), c2 ?? c.slice()] : undefined;
}

/**
 * An organisation query's tokens, plus the stem of each token that ends in a legal form
 * (SIEMENSAG: siemens), for blocking keys: the list name written apart has the stem's keys.
 */
function legalFormStemmed(tokens: readonly string[]): readonly string[] {
  let out: string[] | undefined;
  for (const t of tokens) {
    const stem = legalFormStem(t);
    if (!stem) continue;
    out ??= tokens.slice();
    out.push(stem);
  }
  return out ?? tokens;
}

/**
 * Whether person tokens may be Wade–Giles: none has a letter that Wade–Giles does not write (b, d,
 * q, x, v; g only in -ng, z only in tz), and some has more than one letter.
 */
function mayBeWadeGiles(tokens: readonly string[]): boolean {
  let word = false;
  for (const t of tokens) {
    if (!/^[a-z]+$/.test(t) || /[bdqxv]|g(?<!ng)|(?<!t)z/.test(t)) return false;
    if (t.length > 1) word = true;
  }
  return word;
}

/** Letters and syllables that only Wade–Giles writes (ü; hs-, ssu, szu, tzu, -ieh, -uei). */
const WADE_GILES_MARK = /ü/iu;
const WADE_GILES_ONLY = /^hs|^(?:ssu|szu|tzu)$|(?:ieh|uei)$/;

/**
 * Wade–Giles without its aspiration marks writes two pinyin initials alike (chin: jin or qin), so
 * a name read through it ranks under the same name spelt as the list spells it.
 */
const WADE_GILES_FACTOR = 0.95;

/** Token similarity that counts equal tokens only. */
const sameToken = (a: string, b: string): number => (a === b ? 1 : 0);

/** Family names of a reader's reading given keys of their own: at most, and within this cost of the best. */
const READER_FAMILIES = 3;
const READER_FAMILY_SPREAD = 0.5;

/**
 * "FOREIGN TRADE BANK (FTB)": the lists write a body's short name in brackets after its name.
 * Each is a reading of its own: the name without the bracket, and the short name when it is one
 * word of two to eight letters that is not a generic word (a bracketed country is no name).
 */
function bracketedParts(name: string): string[] {
  const m = /^(.+?)\s*\(([^()]+)\)\s*$/u.exec(name);
  if (!m) return [];
  const short = foldText(m[2]!);
  const one = /^[a-z0-9]{2,8}$/.test(short) && !ORG_GENERIC_WORDS.has(short);
  return one ? [m[1]!, m[2]!] : [m[1]!];
}

/**
 * The person tokens of a name's second reading — a Hebrew name's vowel letters read as vowels
 * (`vowelReading`), a Georgian foreign name without its nominative -ი or a Bengali one with its
 * inherent vowel as o (`scriptLatinAlternative`) — when it has one and they differ.
 */
function vowelReadingTokens(name: string, tokens: readonly string[]): string[] | undefined {
  const reading = vowelReading(name) ?? scriptLatinAlternative(name);
  if (reading === undefined) return undefined;
  const t = personTokens(reading);
  return t.join(" ") === tokens.join(" ") ? undefined : t;
}

function isPersonKind(kind: EntityKind): boolean {
  return kind === "person";
}

interface PreparedQuery {
  q: ScreenQuery;
  personTokens: string[];
  koreanKeys: string[];
  korean: boolean;
  /**
   * Readings of the name as an organisation: of the whole name, then of its parent body or the
   * name without its address; `named[i]` says whether the query writes reading i word for word
   * (not a cut guessed without a separator).
   */
  org: { variants: string[][]; legalForms: string[]; named: boolean[] };
  /** Which of the org readings are the glossary's English of a name in another language. */
  glossaryReadings: [from: number, to: number];
  /**
   * The countries each org reading's words name (org-country.ts), on first use: a reading's own,
   * so that a branch's or an address's place (Singapore Branch of X) is no country of the body.
   */
  countries: Set<string>[];
  /** The countries the query's whole name gives its body (org-country.ts), on first use. */
  bodyCountries?: Set<string>;
  keys: Set<string>;
  /** Keys of the name without its address (empty when it has none). */
  headKeys: Set<string>;
  /** compareNames results of this query by list name (many entities share an alias). */
  koreanMemo: Map<string, NameMatch>;
  /** Token similarity remembered for this query. */
  similarity: TokenSimilarity;
  /** The query's token lists prepared for alignment, by weigher. */
  sides: SideCache;
  /** The query parsed as a personal name, on first use. */
  parsed?: PreparedName;
  /** Its two given syllables swapped, when it reads as a Korean name with two. */
  transposed?: PreparedName;
  /** What scoring reads of its person tokens. */
  facts: TokenFacts;
  /** Whether a person token is a given name with nicknames or short forms (nicknames.ts). */
  nicknames: boolean;
  /** Whether the person tokens may be Wade–Giles (`mayBeWadeGiles`). */
  wadeGiles: boolean;
  /** The query read as FAMILY, G. G. (given names as initials). */
  initials?: InitialsName;
  /** Person tokens of a name in Hebrew letters read with its vowel letters as vowels. */
  vowelTokens?: string[];
}

/** Whether every token is written in CJK characters, none is, or some are. */
type TokenScript = "cjk" | "none" | "mixed";

const CJK_ONLY = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]+$/u;

function tokenScriptOf(tokens: readonly string[]): TokenScript {
  let cjk = 0;
  for (const t of tokens) if (CJK_ONLY.test(t)) cjk++;
  return cjk === 0
    ? tokens.some(hasCjk)
      ? "mixed"
      : "none"
    : cjk === tokens.length
      ? "cjk"
      : "mixed";
}

/** What scoring a person name reads of its tokens, worked out once per name. */
interface TokenFacts {
  count: number;
  /** The tokens sorted and joined: two names with equal keys have the same words in any order. */
  sortedKey: string;
  /** The tokens joined by spaces. */
  joined: string;
  patronymic: boolean;
  /** Whether every token is CJK, none is, or some are. */
  script: TokenScript;
}

function tokenFacts(tokens: readonly string[]): TokenFacts {
  return {
    count: tokens.length,
    // Tokens hold letters and digits, never U+0001.
    sortedKey: [...tokens].sort().join("\u0001"),
    joined: tokens.join(" "),
    patronymic: hasPatronymic(tokens),
    script: tokenScriptOf(tokens),
  };
}

/** The same words in any order (JOHN DOE, DOE JOHN). */
function sameTokens(a: TokenFacts, b: TokenFacts): boolean {
  return a.count > 0 && a.count === b.count && a.sortedKey === b.sortedKey;
}

/** Token lists prepared for alignment, by weigher and by the (kept) token array. */
type SideCache = Map<TokenWeigher, WeakMap<readonly string[], GlueSide>>;

function sideOf(cache: SideCache, tokens: readonly string[], weigh: TokenWeigher): GlueSide {
  let byTokens = cache.get(weigh);
  if (!byTokens) {
    byTokens = new WeakMap();
    cache.set(weigh, byTokens);
  }
  let side = byTokens.get(tokens);
  if (!side) {
    side = glueSide(tokens, weigh);
    byTokens.set(tokens, side);
  }
  return side;
}

/** Where a key's name ids are: `ids[start]` up to `ids[end]` (exclusive). */
interface Span {
  ids: ArrayLike<number>;
  start: number;
  end: number;
}

/**
 * Name ids by blocking key: a Map while building, packed arrays once stored and loaded. `find`
 * writes where a key's ids are into a span the caller keeps (a query looks up some hundred keys).
 */
interface Postings {
  find(key: string, span: Span): boolean;
  readonly size: number;
}

/** Postings of an index being built: a list of name ids by key. */
class BuildPostings implements Postings {
  readonly map = new Map<string, number[]>();
  get size(): number {
    return this.map.size;
  }
  find(key: string, span: Span): boolean {
    const list = this.map.get(key);
    if (!list) return false;
    span.ids = list;
    span.start = 0;
    span.end = list.length;
    return true;
  }
}

/**
 * Postings of a stored index: the sorted keys as one string with their start offsets, found
 * through an open-addressing hash table of key numbers (nothing to split or hash on load), the
 * ids packed.
 */
class PackedPostings implements Postings {
  private readonly mask: number;
  constructor(
    private readonly keys: string,
    private readonly keyStarts: Int32Array,
    private readonly offsets: Int32Array,
    private readonly ids: Int32Array,
    private readonly slots: Int32Array,
  ) {
    this.mask = slots.length - 1;
  }
  get size(): number {
    return this.keyStarts.length - 1;
  }
  find(key: string, span: Span): boolean {
    for (let h = keyHash(key) & this.mask; ; h = (h + 1) & this.mask) {
      const i = this.slots[h]!;
      if (i < 0) return false;
      if (this.sameKey(i, key)) {
        span.ids = this.ids;
        span.start = this.offsets[i]!;
        span.end = this.offsets[i + 1]!;
        return true;
      }
    }
  }

  /** Whether key `i` is `key`, without slicing. */
  private sameKey(i: number, key: string): boolean {
    const start = this.keyStarts[i]!;
    if (this.keyStarts[i + 1]! - start !== key.length) return false;
    for (let j = 0; j < key.length; j++)
      if (this.keys.charCodeAt(start + j) !== key.charCodeAt(j)) return false;
    return true;
  }
}

/** FNV-1a over UTF-16 code units. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The hash table of `PackedPostings`: key numbers by slot (−1: empty), at most half full. */
function keySlots(keys: readonly string[]): Int32Array {
  let size = 1;
  while (size < 2 * keys.length) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  keys.forEach((k, i) => {
    let h = keyHash(k) & mask;
    while (slots[h]! >= 0) h = (h + 1) & mask;
    slots[h] = i;
  });
  return slots;
}

/**
 * Version of a serialised index: its layout and how names become tokens (legal forms, numbers).
 * A stored index of another version is rebuilt.
 */
export const INDEX_FORMAT = 17;

interface SerialisedHead {
  format: number;
  dprk: boolean[];
  kinds: EntityKind[];
  nameEntity: number[];
  orgDf: [string, number][];
  orgNames: number;
  keyCount: number;
  slotCount: number;
  idCount: number;
  entityCount: number;
}

/** Records of a stored index as one string: each entity's and each name's JSON, parsed on use. */
interface LazyRecords {
  text: string;
  starts: Int32Array;
}

export class ScreeningIndex {
  private readonly entityList: (ListEntity | undefined)[];
  private readonly nameList: (IndexedName | undefined)[] = [];
  private records?: LazyRecords;
  private readonly kinds: EntityKind[];
  private nameEntity: number[] = [];
  private postings: Postings = new BuildPostings();
  /** The span `candidatesByKeys` reads each key's ids through. */
  private readonly span: Span = { ids: [], start: 0, end: 0 };
  private readonly dprkFlags: boolean[];
  /** Document frequency of each organisation token, for rarity weights. */
  private readonly orgDf = new Map<string, number>();
  private orgNames = 0;
  /** List names' token lists prepared for alignment (kept: the same names meet many queries). */
  private readonly nameSides: SideCache = new Map();
  /** Organisation token weights, by token. */
  private readonly orgWeights = new Map<string, number>();
  /** Whether a list organisation token is common (`commonListWord`), by token. */
  private readonly commonWords = new Map<string, boolean>();
  /** For list readings that name only a kind of state body, the countries they belong to. */
  private readonly stateBodies = new Map<string, Set<string> | undefined>();
  /** Per-name key scores of the query being screened, all zero between queries. */
  private keyScores?: { score: Float64Array; touched: Int32Array };
  /** Token facts of list person names by name id, on first use. */
  private readonly nameFacts: (TokenFacts | undefined)[] = [];
  /** Each list person name in Wade–Giles (null: not pinyin), worked out on first use. */
  private readonly nameWadeGiles: (string[] | null | undefined)[] = [];
  /** List names parsed for compareNames, on first use: the same aliases meet many queries. */
  private readonly parsedNames = new Map<string, PreparedName>();

  private constructor(
    entities: readonly (ListEntity | undefined)[],
    kinds: EntityKind[],
    dprk: boolean[],
    private readonly cachedKeys?: (name: string) => readonly string[] | undefined,
  ) {
    this.entityList = entities.slice();
    this.kinds = kinds;
    this.dprkFlags = dprk;
  }

  /** Every entity (a loaded index parses them all on this call). */
  get entities(): readonly ListEntity[] {
    return Array.from({ length: this.entityList.length }, (_, i) => this.entityAt(i));
  }

  private entityAt(i: number): ListEntity {
    let e = this.entityList[i];
    if (!e) {
      const r = this.records!;
      e = JSON.parse(r.text.slice(r.starts[i]!, r.starts[i + 1]!)) as ListEntity;
      this.entityList[i] = e;
    }
    return e;
  }

  private nameAt(id: number): IndexedName {
    let n = this.nameList[id];
    if (!n) {
      const r = this.records!;
      const j = this.entityList.length + id;
      const x = JSON.parse(r.text.slice(r.starts[j]!, r.starts[j + 1]!)) as IndexedName;
      n = { ...x, variants: x.variants ?? [x.tokens] };
      this.nameList[id] = n;
    }
    return n;
  }

  /**
   * The whole index as bytes for storing once per list version: a small JSON head, the sorted
   * keys, each entity's and name's JSON, then Int32Arrays (key starts, posting offsets, ids,
   * record starts, the keys' hash slots). `load` reads it back without rebuilding and parses records only when used.
   */
  serialize(): Uint8Array {
    if (!(this.postings instanceof BuildPostings))
      throw new Error("a loaded index is serialised already");
    const map = this.postings.map;
    const keys = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const lists = keys.map((k) => map.get(k)!);
    const ids = Int32Array.from(lists.flat());
    const offsets = cumulative(lists.map((l) => l.length));
    const keyStarts = cumulative(keys.map((k) => k.length));
    const slots = keySlots(keys);
    const recs = [
      // What screening reads of an entity: its primary name and the compared features.
      ...this.entities.map((e) =>
        JSON.stringify({
          ...e,
          names: e.names.slice(0, 1),
          addresses: [],
          programmes: [],
          remarks: null,
        }),
      ),
      ...this.nameList.map((n) => {
        const { variants, ...rest } = n!;
        return JSON.stringify(variants.length === 1 && variants[0] === rest.tokens ? rest : n);
      }),
    ];
    const head: SerialisedHead = {
      format: INDEX_FORMAT,
      dprk: this.dprkFlags,
      kinds: this.kinds,
      nameEntity: this.nameEntity,
      orgDf: [...this.orgDf],
      orgNames: this.orgNames,
      keyCount: keys.length,
      slotCount: slots.length,
      idCount: ids.length,
      entityCount: this.entityList.length,
    };
    const enc = new TextEncoder();
    const texts = [JSON.stringify(head), keys.join(""), recs.join("")].map((t) => enc.encode(t));
    const ints = [keyStarts, offsets, ids, cumulative(recs.map((r) => r.length)), slots];
    const textEnd = 12 + texts.reduce((a, t) => a + t.length, 0);
    const base = textEnd + ((4 - (textEnd % 4)) % 4);
    const out = new Uint8Array(base + ints.reduce((a, x) => a + x.byteLength, 0));
    const view = new DataView(out.buffer);
    let at = 12;
    texts.forEach((t, i) => {
      view.setUint32(4 * i, t.length, true);
      out.set(t, at);
      at += t.length;
    });
    at = base;
    for (const x of ints) {
      out.set(new Uint8Array(x.buffer), at);
      at += x.byteLength;
    }
    return out;
  }

  /** An index from `serialize`'s bytes, or undefined when they are of another layout version. */
  static load(bytes: Uint8Array): ScreeningIndex | undefined {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const lens = [0, 1, 2].map((i) => view.getUint32(4 * i, true));
    const dec = new TextDecoder();
    const texts: string[] = [];
    let at = 12;
    for (const len of lens) {
      texts.push(dec.decode(bytes.subarray(at, at + len)));
      at += len;
    }
    const head = JSON.parse(texts[0]!) as SerialisedHead;
    if (head.format !== INDEX_FORMAT) return undefined;
    // Copied once (a Node Buffer's subarray shares a pooled buffer) so the views are aligned.
    const body = new Uint8Array(bytes.subarray(at + ((4 - (at % 4)) % 4)));
    const sizes = [
      head.keyCount + 1,
      head.keyCount + 1,
      head.idCount,
      head.entityCount + head.nameEntity.length + 1,
      head.slotCount,
    ];
    let off = 0;
    const [keyStarts, offsets, ids, recStarts, slots] = sizes.map((n) => {
      const a = new Int32Array(body.buffer, off, n);
      off += 4 * n;
      return a;
    }) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    const index = new ScreeningIndex(new Array<undefined>(head.entityCount), head.kinds, head.dprk);
    index.records = { text: texts[2]!, starts: recStarts };
    index.nameEntity = head.nameEntity;
    index.nameList.length = head.nameEntity.length;
    index.postings = new PackedPostings(texts[1]!, keyStarts, offsets, ids, slots);
    for (const [t, c] of head.orgDf) index.orgDf.set(t, c);
    index.orgNames = head.orgNames;
    return index;
  }

  get size(): { entities: number; names: number; keys: number } {
    return {
      entities: this.entityList.length,
      names: this.nameList.length,
      keys: this.postings.size,
    };
  }

  /**
   * `options.nameKeys` may supply precomputed nameKeys() of person names (the store caches them);
   * names it returns undefined for are keyed here.
   */
  static build(
    entities: readonly ListEntity[],
    options: { nameKeys?: (name: string) => readonly string[] | undefined } = {},
  ): ScreeningIndex {
    const index = new ScreeningIndex(
      entities,
      entities.map((e) => e.kind),
      entities.map(isDprkRelated),
      options.nameKeys,
    );
    entities.forEach((e, ei) => {
      const seen = new Set<string>();
      for (const n of e.names) {
        const text = n.name.trim();
        if (!text || seen.has(text)) continue;
        seen.add(text);
        index.addName(ei, e, text, n.type, n.quality);
      }
    });
    return index;
  }

  private addName(ei: number, e: ListEntity, text: string, type: NameType, quality: string | null) {
    const keys = new Set<string>();
    let entry: IndexedName;
    // The readings of the words as written: what acronyms and word rarity are taken from.
    let written: string[][] = [];
    if (isPersonKind(e.kind)) {
      const tokens = personTokens(text);
      const kk = this.cachedKeys?.(text) ?? nameKeys({ full: text });
      for (const k of kk) keys.add(`k:${k}`);
      looseNameKeys(tokens, keys, false);
      // A Chinese name in pinyin is found by its Wade–Giles spelling too (HSI CHIN-PING).
      const wg = wadeGilesTokens(tokens);
      if (wg) looseNameKeys(wg, keys, false);
      for (const split of this.splitsOf(text, kk.length > 0))
        for (const k of initialsKeys(
          split.family,
          split.given.map((g) => g[0]!),
        ))
          keys.add(k);
      entry = {
        entity: ei,
        name: text,
        type,
        quality,
        tokens,
        variants: [tokens],
        legalForms: [],
        korean: kk.length > 0 || hasCjk(text),
        acronyms: [],
      };
    } else {
      const org = orgTokenVariants(text, 1);
      // Acronyms are made of the words as written, not of the glossary's English.
      written = org.variants.slice(0, org.written);
      for (const part of bracketedParts(text)) {
        const p = orgTokenVariants(part, 1);
        p.variants.forEach((v, i) => {
          if (v.length && !org.variants.some((x) => x.join(" ") === v.join(" "))) {
            org.variants.push(v);
            if (i < p.written) written.push(v);
          }
        });
      }
      const first = org.variants[0] ?? [];
      const acronyms = acronymsOf(text, written);
      for (const a of acronyms) keys.add(`t:${a}`);
      entry = {
        entity: ei,
        name: text,
        type,
        quality,
        tokens: first,
        variants: org.variants,
        legalForms: org.legalForms,
        korean: false,
        acronyms,
      };
    }
    for (const v of entry.variants) tokenKeys(v, keys);
    if (!isPersonKind(e.kind)) {
      this.orgNames++;
      // The glossary's English readings leave the rarity of words as the lists write them.
      for (const t of new Set(written.flat())) this.orgDf.set(t, (this.orgDf.get(t) ?? 0) + 1);
    }
    const id = this.nameList.length;
    this.nameList.push(entry);
    this.nameEntity.push(ei);
    const map = (this.postings as BuildPostings).map;
    for (const k of keys) {
      const list = map.get(k);
      if (list) list.push(id);
      else map.set(k, [id]);
    }
  }

  private prepare(query: ScreenQuery): PreparedQuery {
    // A caption or a consignee box is screened as the party it names.
    const q = { ...query, name: namedParty(repairText(query.name)) };
    const keys = new Set<string>();
    const pt = personTokens(q.name);
    let koreanKeys: string[] = [];
    let parsed: PreparedName | undefined;
    let transposed: PreparedName | undefined;
    let initials: InitialsName | undefined;
    let vowelTokens: string[] | undefined;
    if (q.type !== "org") {
      // Parsed once: for the blocking keys here and for compareNames against candidates.
      parsed = prepareName({ full: q.name });
      koreanKeys = nameKeysOfParses(parsed.parses, { full: q.name });
      for (const k of koreanKeys) keys.add(`k:${k}`);
      transposed = koreanKeys.length ? transposedGiven(parsed) : undefined;
      if (transposed)
        for (const k of nameKeysOfParses(transposed.parses, { full: transposed.text }))
          keys.add(`k:${k}`);
      tokenKeys(pt, keys);
      looseNameKeys(pt, keys, true);
      for (const t of readerRomanizations(parsed)) looseNameKeys(t, keys, false);
      vowelTokens = vowelReadingTokens(q.name, pt);
      if (vowelTokens) {
        tokenKeys(vowelTokens, keys);
        looseNameKeys(vowelTokens, keys, false);
      }
      initials = initialsForm(q.name);
      if (initials)
        for (const k of initialsKeys(initials.family.join(""), initials.initials)) keys.add(k);
    }
    const org =
      q.type === "person"
        ? { variants: [] as string[][], legalForms: [] as string[], written: 0 }
        : orgTokenVariants(q.name);
    const translatedReadings = org.variants.length;
    // A branch or office is read as its parent body too (KOMID Dandong Representative Office),
    // and a name followed by an address, a place or a country without them. Which readings the
    // query writes word for word: the whole name, a parent body, a name cut at a separator.
    const named = org.variants.map(() => true);
    const heads = q.type === "person" ? [] : addressHeads(q.name);
    // Readings the query writes as a name of its own: a parent body, the name after a leading place.
    const own =
      q.type === "person"
        ? []
        : [...branchParents(q.name), leadingPlaceHead(q.name)].filter((x) => x !== undefined);
    const readings = [
      ...own.map((text) => ({ text, named: true })),
      ...heads.map((h) => ({ text: h.text, named: h.separated })),
    ];
    // A reading's tokens are read again for the keys of the name without its address.
    const read = new Map<string, string[][]>();
    const variantsOf = (text: string): string[][] => {
      let v = read.get(text);
      if (!v) {
        v = orgTokenVariants(text).variants;
        read.set(text, v);
      }
      return v;
    };
    for (const r of readings)
      for (const v of variantsOf(r.text))
        if (!org.variants.some((x) => x.join(" ") === v.join(" "))) {
          org.variants.push(v);
          named.push(r.named);
        }
    const completed = q.type === "person" ? [] : this.completedCut(q.name, org.variants[0]);
    for (const v of completed) {
      org.variants.push(v);
      named.push(false);
    }
    for (const v of org.variants) tokenKeys(legalFormStemmed(v), keys);
    // The name without its address has candidates of its own: the address's long words (district,
    // pyongyang) would otherwise outweigh a short name's keys (NCG).
    const headKeys = new Set<string>();
    const shortest = heads.at(-1)?.text;
    for (const text of shortest ? [...own, shortest] : own)
      for (const v of variantsOf(text)) tokenKeys(v, headKeys);
    // So has a Latin name read in English (CHOSON … MUYOK, Compagnie de PML): the foreign words'
    // many keys would otherwise outweigh the one word the reading shares with the list name.
    if (!hasCjk(q.name))
      for (const v of org.variants.slice(1, translatedReadings)) tokenKeys(v, headKeys);
    for (const v of completed) tokenKeys(v, headKeys);
    return {
      q,
      personTokens: pt,
      koreanKeys,
      korean: koreanKeys.length > 0 || hasCjk(q.name) || looksLikeSyllables(pt),
      org: { variants: org.variants, legalForms: org.legalForms, named },
      glossaryReadings: [org.written, translatedReadings],
      countries: [],
      keys,
      headKeys,
      facts: tokenFacts(pt),
      nicknames: q.type !== "org" && pt.some(hasNicknames),
      wadeGiles: q.type !== "org" && mayBeWadeGiles(pt),
      koreanMemo: new Map(),
      similarity: memoTokenSimilarity(),
      sides: new Map(),
      ...(parsed ? { parsed } : {}),
      ...(transposed ? { transposed } : {}),
      ...(initials ? { initials } : {}),
      ...(vowelTokens ? { vowelTokens } : {}),
    };
  }

  /**
   * A name exactly as long as one or more payment-message lines (SWIFT MT name and address
   * fields: up to four lines of 35 characters, https://www2.swift.com/knowledgecentre, field 50K
   * "4*35x") may be cut inside its last word (MINISTRY OF PEOPLE'S SECURITY CORRE): that word,
   * when no list name has it as a word of its own, is read as the start of a list name's word,
   * the commonest few (CORRE → correctional). The
   * completed readings are not what the query writes, so they match through common words only
   * when a distinctive one is shared. Empty for any other name.
   */
  private completedCut(name: string, core: readonly string[] | undefined): string[][] {
    const n = name.trim().length;
    const last = core?.at(-1);
    if (!core || !last || n % PAYMENT_LINE !== 0 || n > PAYMENT_LINE * PAYMENT_LINES) return [];
    if (last.length < MIN_CUT_PREFIX || !/^[a-z]+$/.test(last) || !foldText(name).endsWith(last))
      return [];
    // A last word that is a list name's word as it stands (OFFICE) is taken as whole; a legal
    // form cut short (OBSHCHESTVO S OGRANICHENNOI OTVETST…) says nothing of the body.
    if (this.orgDf.has(last) || core.slice(0, -1).every(isLegalFormWord)) return [];
    const completions: [string, number][] = [];
    for (const [t, df] of this.orgDf)
      if (t.length > last.length && t.startsWith(last)) completions.push([t, df]);
    completions.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return completions
      .filter(([t]) => !isLegalFormWord(t))
      .slice(0, CUT_COMPLETIONS)
      .map(([t]) => [...core.slice(0, -1), t]);
  }

  private kindAllowed(kind: EntityKind, type: QueryType | undefined): boolean {
    // "other": lists that do not say (the US CSL's non-Treasury rows) hold persons and companies.
    if (kind === "other") return true;
    if (type === "person") return kind === "person";
    if (type === "org") return kind !== "person";
    return true;
  }

  /** Candidate name ids, best key score first; then those of the name without its address. */
  private candidates(p: PreparedQuery): number[] {
    const ids = this.candidatesByKeys(p, p.keys);
    if (p.headKeys.size === 0) return ids;
    const seen = new Set(ids);
    for (const id of this.candidatesByKeys(p, p.headKeys)) if (!seen.has(id)) ids.push(id);
    return ids;
  }

  private candidatesByKeys(p: PreparedQuery, keys: ReadonlySet<string>): number[] {
    const n = this.nameEntity.length || 1;
    // Key scores per name id in a typed array kept by the index (screen is synchronous, so one
    // scratch serves every query): no Map entry per touched name.
    const s = this.scratch(n);
    const score = s.score;
    const touched = s.touched;
    let count = 0;
    // The smallest list of a very common key, as ids[smallestStart..smallestEnd).
    let smallest: ArrayLike<number> | undefined;
    let smallestStart = 0;
    let smallestEnd = 0;
    let used = 0;
    const span = this.span;
    for (const k of keys) {
      if (!this.postings.find(k, span)) continue;
      const list = span.ids;
      const start = span.start;
      const length = span.end - start;
      if (length > TUNING.maxPosting) {
        // Very common keys (kim, co, of) are skipped unless nothing rarer is shared.
        if (!smallest || length < smallestEnd - smallestStart) {
          smallest = list;
          smallestStart = start;
          smallestEnd = span.end;
        }
        continue;
      }
      used++;
      const c = k.charCodeAt(0);
      const w =
        c === 108 // l:
          ? TUNING.looseKeyWeight
          : c === 107 // k:
            ? TUNING.koreanKeyWeight
            : c === 105 // i:
              ? TUNING.initialsKeyWeight
              : Math.log(1 + n / length) * (c === 101 ? 0.5 : 1); // e:
      for (let i = start; i < span.end; i++) {
        const id = list[i]!;
        if (score[id] === 0) touched[count++] = id;
        score[id] = score[id]! + w;
      }
    }
    if (used === 0 && smallest)
      for (let i = smallestStart; i < smallestEnd; i++) {
        const id = smallest[i]!;
        if (score[id] === 0) touched[count++] = id;
        score[id] = 1;
      }
    let max = 0;
    for (let i = 0; i < count; i++) if (score[touched[i]!]! > max) max = score[touched[i]!]!;
    // Only names within reach of the best key score compete; the best few are kept in order
    // (score descending, then id) without sorting every touched name.
    const floor = max * 0.25;
    const k = TUNING.fullScoreCandidates;
    const topIds: number[] = [];
    const topScores: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = touched[i]!;
      const v = score[id]!;
      score[id] = 0;
      if (v < floor) continue;
      const last = topIds.length - 1;
      if (
        topIds.length === k &&
        (v < topScores[last]! || (v === topScores[last]! && id > topIds[last]!))
      )
        continue;
      if (!this.kindAllowed(this.kinds[this.nameEntity[id]!]!, p.q.type)) continue;
      let at = topIds.length === k ? last : topIds.length;
      while (
        at > 0 &&
        (topScores[at - 1]! < v || (topScores[at - 1] === v && topIds[at - 1]! > id))
      ) {
        topIds[at] = topIds[at - 1]!;
        topScores[at] = topScores[at - 1]!;
        at--;
      }
      topIds[at] = id;
      topScores[at] = v;
    }
    return topIds;
  }

  private scratch(n: number): { score: Float64Array; touched: Int32Array } {
    if (!this.keyScores || this.keyScores.score.length < n)
      this.keyScores = { score: new Float64Array(n), touched: new Int32Array(n) };
    return this.keyScores;
  }

  private parsedName(name: string): PreparedName {
    let x = this.parsedNames.get(name);
    if (!x) {
      x = prepareName({ full: name });
      this.parsedNames.set(name, x);
    }
    return x;
  }

  /** Length weight × rarity in [TUNING.orgMinRarity, 1] (ln(N/df) scaled so df ≤ N/1000 counts fully). */
  private readonly orgWeight = (t: string): number => {
    let w = this.orgWeights.get(t);
    if (w === undefined) {
      w = this.computeOrgWeight(t);
      this.orgWeights.set(t, w);
    }
    return w;
  };

  private computeOrgWeight(t: string): number {
    const generic = ORG_GENERIC_WORDS.has(t) ? ORG_GENERIC_FACTOR : 1;
    return tokenWeight(t) * generic * Math.min(1, Math.max(TUNING.orgMinRarity, this.rarity(t)));
  }

  /** ln(N/df) scaled so that a token in one name of a thousand or fewer scores 1 or more. */
  private rarity(t: string): number {
    const df = this.orgDf.get(t) ?? 0;
    const n = Math.max(this.orgNames, 1000);
    return Math.log(n / (df + 1)) / Math.log(1000);
  }

  /**
   * Whether an alignment pairs a distinctive list word (a pair is within the typo budget), or
   * (for a reading the query writes word for word) pairs every word of both names, connectors aside: the same words,
   * typos allowed.
   */
  private sharesDistinctive(a: ScoredAlignment, named: boolean): boolean {
    const x = a.explain();
    const left = (ts: readonly string[]) => ts.some((t) => !CONNECTORS.has(t));
    if (named && !left(x.unmatchedQuery) && !left(x.unmatchedCandidate)) return true;
    return x.pairs.some(
      ([, y]) => !ORG_GENERIC_WORDS.has(y) && this.rarity(y) >= TUNING.distinctiveRarity,
    );
  }

  /**
   * Whether list reading `cv` names only a kind of state body (org-country.ts) that query reading
   * `qi` puts in another state: the query names a country and none of the body's (the DPRK for a
   * DPRK-related entry, a country its name gives), or it names none and reads so only through
   * the glossary's English of another language.
   */
  private anotherStatesBody(p: PreparedQuery, qi: number, cv: readonly string[], entity: number) {
    const key = cv.join(" ");
    let own = this.stateBodies.get(key);
    if (!this.stateBodies.has(key)) {
      own = namesStateBodyOnly(cv) ? countriesNamed(cv) : undefined;
      this.stateBodies.set(key, own);
    }
    if (!own) return false;
    const theirs = this.dprkFlags[entity] ? new Set([...own, "PRK"]) : own;
    p.bodyCountries ??= bodyCountries(p.q.name);
    p.countries[qi] ??= new Set([...countriesNamed(p.org.variants[qi]!), ...p.bodyCountries]);
    const named = p.countries[qi];
    if (named.size > 0) return theirs.size > 0 && ![...named].some((c) => theirs.has(c));
    const [from, to] = p.glossaryReadings;
    return qi >= from && qi < to;
  }

  /**
   * A query written FAMILY, G. G.: the family name against the list name's, the initials against
   * its given names in order (initials.ts); any other reading of it is capped, since an initial
   * pairs with any word of its letter.
   */
  private scoreInitialsQuery(
    p: PreparedQuery,
    q: InitialsName,
    id: number,
    n: IndexedName,
    allowKorean: boolean,
    below: number,
  ): NameScore | undefined {
    const splits = this.splitsOf(n.name, n.korean);
    const scores = splits.map((split) => scoreInitials(q, split));
    // Capping only lowers the other readings: one certain to stay under `below` is not scored.
    const other = this.scorePerson(p, id, n, allowKorean, below);
    // The family name and every initial line up, letter for letter: the other readings stand
    // (V. Putin = Vladimir Putin); else an initial has paired with any word of its letter.
    const confirmed = scores.some((s) => s === INITIALS_SCORE);
    let best =
      other && other.nameScore > INITIALS_QUERY_CEILING && !confirmed
        ? {
            ...other,
            nameScore: INITIALS_QUERY_CEILING,
            forms: () => [
              ...other.forms(),
              `given names as initials: ${other.nameScore.toFixed(2)} capped at ${INITIALS_QUERY_CEILING}`,
            ],
          }
        : other;
    splits.forEach((split, i) => {
      const score = scores[i]!;
      if (score > (best?.nameScore ?? 0))
        best = {
          method: "initials",
          nameScore: score,
          forms: () => [
            `family ${q.family.join(" ")}~${split.family}`,
            `initials ${q.initials.join(" ")} ~ ${split.given.join(" ")}`,
          ],
        };
    });
    return best;
  }

  /**
   * The family and given names of a list name (initials.ts), and for a Korean name with a given
   * name written as one word (Yongwon) also its syllables, which initials may stand for (Y. W.).
   */
  private splitsOf(name: string, korean: boolean): NameSplit[] {
    const splits = nameSplits(name);
    if (!korean || !splits.some((s) => s.given.some((g) => g.length > 4))) return splits;
    const best = prepareName({ full: name }).parses[0];
    const slots = best?.givenParses[0];
    if (best?.script !== "latin" || !slots || slots.length < 2) return splits;
    const family = foldText(best.family).replace(/ /g, "");
    const given = slots.map((x) => x.spelling.replace(/[^a-z]/g, "")).filter(Boolean);
    if (family && given.length === slots.length) splits.push({ family, given });
    return splits;
  }

  /** Token facts of list name `id` (person tokens), worked out on first use. */
  private factsOf(id: number, n: IndexedName): TokenFacts {
    let facts = this.nameFacts[id];
    if (!facts) {
      facts = tokenFacts(n.tokens);
      this.nameFacts[id] = facts;
    }
    return facts;
  }

  /**
   * A person name against a list person name: same tokens, Korean readings or token alignment;
   * undefined when it cannot be scored, or when its token alignment is certain to stay under
   * `below` (0: always scored). The caps applied after the alignment only lower its score.
   */
  private scorePerson(
    p: PreparedQuery,
    id: number,
    n: IndexedName,
    allowKorean: boolean,
    below: number,
  ): NameScore | undefined {
    const facts = this.factsOf(id, n);
    // The same words in any order are the same name, however Korean they read (JOHN DOE).
    if (sameTokens(p.facts, facts))
      return nasabConflict(p.personTokens, n.tokens)
        ? {
            method: "tokens",
            nameScore: TUNING.structureFactor,
            forms: () => [...n.tokens, "another lineage (bin / ibn)"],
          }
        : { method: "tokens", nameScore: 1, forms: () => n.tokens.slice() };
    if (p.korean && n.korean) {
      // KIM, Yong Chol (OFAC) and KIM YONG CHOL (UN) are one comparison.
      const memoKey = facts.joined;
      let m = p.koreanMemo.get(memoKey);
      if (!m) {
        if (!allowKorean) return undefined;
        p.parsed ??= prepareName({ full: p.q.name });
        const listed = this.parsedName(n.name);
        m = compareParsedNames(p.parsed, listed);
        // The swapped reading counts ×0.8, so it can only win below that.
        if (p.transposed && m.score < TUNING.transposedGivenFactor) {
          const t = compareParsedNames(p.transposed, listed);
          const score = Number((t.score * TUNING.transposedGivenFactor).toFixed(4));
          if (score > m.score)
            m = {
              score,
              explanation: [
                `given syllables transposed ×${TUNING.transposedGivenFactor}`,
                ...t.explanation,
              ],
            };
        }
        p.koreanMemo.set(memoKey, m);
      }
      const forms = m.explanation;
      // Short Western names read as syllables too (TED DOE): a nickname may still say more.
      const nick = p.nicknames ? this.nicknameScore(p, n.tokens, facts) : undefined;
      if (nick && nick.nameScore > m.score) return nick;
      const wg = p.wadeGiles ? this.wadeGilesScore(p, id, n) : undefined;
      const chinese = m.score > TUNING.commonWordsCeiling && this.chineseReadAsKorean(p, m);
      const score = chinese ? TUNING.commonWordsCeiling : m.score;
      if (wg && wg.nameScore > score) return wg;
      return {
        method: "korean-name",
        nameScore: score,
        forms: () => (chinese ? [...forms, `${chinese}: ${m.score} capped at ${score}`] : forms),
      };
    }
    // CJK tokens against Latin ones share no letter: token similarity is 0 throughout (the
    // readings of Han and Hangul names are compared above, in the Korean path).
    const cs = facts.script;
    const qs = p.facts.script;
    if ((qs === "cjk" && cs === "none") || (qs === "none" && cs === "cjk"))
      return { method: "tokens", nameScore: 0, forms: () => ["no tokens in a common script"] };
    const weigh = personTokenWeigher(p.facts.patronymic, facts.patronymic);
    const querySide = sideOf(p.sides, p.personTokens, weigh);
    const candidateSide = sideOf(this.nameSides, n.tokens, weigh);
    const nick = p.nicknames ? nicknameReading(p.personTokens, n.tokens) : undefined;
    // The score is rounded to 4 places: a ceiling a rounding step under `below` stays under it.
    if (
      below > 0 &&
      !nick &&
      !p.vowelTokens &&
      alignmentCeiling(querySide, candidateSide, TUNING.personUnmatchedWeight) < below - 1e-4
    )
      return undefined;
    const written = scoreAlignment(p.personTokens, n.tokens, {
      weigh,
      unmatchedCandidateWeight: TUNING.personUnmatchedWeight,
      similarity: p.similarity,
      querySide,
      candidateSide,
    });
    // A name in Hebrew letters: its consonant skeleton (dvd ~ David) or its
    // vowel letters read as vowels (kolchanv ~ Kolchanov), whichever says more.
    const voweled = p.vowelTokens
      ? scoreAlignment(p.vowelTokens, n.tokens, {
          weigh,
          unmatchedCandidateWeight: TUNING.personUnmatchedWeight,
          similarity: p.similarity,
          candidateSide,
        })
      : undefined;
    const plain = voweled && voweled.score > written.score ? voweled : written;
    const a = nick ? this.nicknameAlignment(p, nick, n.tokens, weigh, plain) : plain;
    // Initials alone (N.N.) name nobody; nor do the same words in another lineage; nor a name
    // with a part in place of one of the list name's (… MIR ABDUL KHUDAI … for … MIR WALI
    // KHUDAI …; William G. Frost for William W. Frost): each side has a part the other lacks.
    const over = a.wordPaired && a.score > TUNING.commonWordsCeiling;
    const lineage = over && nasabConflict(p.personTokens, n.tokens);
    const swapped = over && !lineage && substitutedPart(a.explain());
    const ceiling = !a.wordPaired
      ? INITIALS_ONLY_CEILING
      : lineage
        ? a.score * TUNING.structureFactor
        : swapped
          ? TUNING.commonWordsCeiling
          : 1;
    return {
      method: "tokens",
      nameScore: Math.min(a.score, ceiling),
      forms: () => [
        ...alignmentForms(a.explain()),
        ...(lineage ? ["another lineage (bin / ibn)"] : []),
        ...(swapped ? ["a part of each name that the other lacks: another person"] : []),
      ],
    };
  }

  /**
   * Why a Korean-reading match of a query that reads as a Chinese name in Wade–Giles stands
   * below the threshold, or undefined: a query with a mark only Wade–Giles writes (ü; hs-, ssu,
   * tzu, -ieh, -uei: Chu Chün, Hsu) is a Chinese name, and one whose words are no pinyin as
   * written, met through the Hanja of a pinyin reading (Wang Shu-jung for WANG, Shucheng: 수 and
   * 정 have Hanja read shu and cheng; Huang Hung-an read as huang hun gan for HUANG, Wan-Ken), is
   * a Chinese name met through a Korean reading of its own letters. Either way the Wade–Giles
   * reading (`wadeGilesScore`) is what compares it.
   */
  private chineseReadAsKorean(p: PreparedQuery, m: NameMatch): string | undefined {
    if (!p.wadeGiles) return undefined;
    if (WADE_GILES_MARK.test(p.q.name) || p.personTokens.some((t) => WADE_GILES_ONLY.test(t)))
      return "a Chinese name in Wade–Giles read as Korean";
    const bridge = m.explanation[0]?.startsWith("pinyin ");
    return bridge && !p.personTokens.every((t) => parsePinyin(t))
      ? "a Wade–Giles name met through the Hanja of a pinyin one"
      : undefined;
  }

  /**
   * A list name in pinyin written in Wade–Giles (wade-giles.ts) against the query's tokens, when
   * it reads as pinyin: Chinese names in older records (MAO TSE-TUNG for MAO Zedong).
   */
  private wadeGilesScore(p: PreparedQuery, id: number, n: IndexedName): NameScore | undefined {
    let wg = this.nameWadeGiles[id];
    if (wg === undefined) {
      wg = wadeGilesTokens(n.tokens) ?? null;
      this.nameWadeGiles[id] = wg;
    }
    if (!wg) return undefined;
    // Syllables read through Wade–Giles count only when they are spelt alike: a near spelling
    // of a reading (chen for cheng) is another syllable, not a typo of this one.
    const a = scoreAlignment(p.personTokens, wg, {
      unmatchedCandidateWeight: TUNING.personUnmatchedWeight,
      similarity: sameToken,
    });
    // Every syllable of the query is read (CHU I-CHEN is not CHEN Zhu with a syllable to spare).
    if (!a.wordPaired || a.explain().unmatchedQuery.length > 0) return undefined;
    const listed = wg;
    return {
      method: "tokens",
      nameScore: Number((a.score * WADE_GILES_FACTOR).toFixed(4)),
      forms: () => [`Wade–Giles: ${listed.join(" ")}`, ...alignmentForms(a.explain())],
    };
  }

  /** The nickname reading's token score against a list name, when there is one. */
  private nicknameScore(
    p: PreparedQuery,
    listed: readonly string[],
    facts: TokenFacts,
  ): NameScore | undefined {
    const nick = nicknameReading(p.personTokens, listed);
    if (!nick) return undefined;
    const weigh = personTokenWeigher(p.facts.patronymic, facts.patronymic);
    const none: ScoredAlignment = {
      score: 0,
      wordPaired: false,
      explain: () => ({ score: 0, pairs: [], unmatchedQuery: [], unmatchedCandidate: [] }),
    };
    const a = this.nicknameAlignment(p, nick, listed, weigh, none);
    return { method: "tokens", nameScore: a.score, forms: () => alignmentForms(a.explain()) };
  }

  /**
   * The query read with its given names as the list name's related forms (nicknames.ts), when
   * that reading aligns better than the name as written: each form read counts NICKNAME_SCORE
   * instead of 1 (its pair's share of the weights, `2·w / (Wq + Wc)`, loses the difference).
   */
  private nicknameAlignment(
    p: PreparedQuery,
    nick: NicknameReading,
    listed: readonly string[],
    weigh: TokenWeigher,
    plain: ScoredAlignment,
  ): ScoredAlignment {
    const r = scoreAlignment(nick.tokens, listed, {
      weigh,
      unmatchedCandidateWeight: TUNING.personUnmatchedWeight,
      similarity: p.similarity,
      candidateSide: sideOf(this.nameSides, listed, weigh),
    });
    let total = 0;
    for (const t of nick.tokens) total += weigh(t);
    for (const t of listed) total += weigh(t);
    let share = 0;
    for (const [, form] of nick.replaced) share += (2 * weigh(form)) / total;
    const score = r.score - (1 - NICKNAME_SCORE) * share;
    if (score <= plain.score) return plain;
    return {
      score,
      wordPaired: r.wordPaired,
      explain: () => {
        const e = r.explain();
        return {
          ...e,
          score,
          pairs: e.pairs.map(([q, c, s]): [string, string, number] => {
            const from = nick.replaced.find(([, form]) => form === c && q === c)?.[0];
            return from ? [`${from} (nickname of)`, c, NICKNAME_SCORE] : [q, c, s];
          }),
        };
      },
    };
  }

  /**
   * The name score of list name `id` for the query; undefined when it cannot be scored, or when
   * it is certain to stay under `below` (0: always scored).
   */
  private scoreName(
    p: PreparedQuery,
    id: number,
    n: IndexedName,
    allowKorean: boolean,
    below = 0,
  ): NameScore | undefined {
    const kind = this.kinds[n.entity]!;
    // Entries whose list does not say person or organisation are compared as the query says.
    if (isPersonKind(kind) || (kind === "other" && p.q.type === "person"))
      return p.initials
        ? this.scoreInitialsQuery(p, p.initials, id, n, allowKorean, below)
        : this.scorePerson(p, id, n, allowKorean, below);
    let best: ReturnType<ScreeningIndex["scoreName"]>;
    for (let qi = 0; qi < p.org.variants.length; qi++) {
      const qv = p.org.variants[qi]!;
      for (const cv of n.variants) {
        let a = scoreAlignment(qv, cv, {
          weigh: this.orgWeight,
          unmatchedCandidateWeight: TUNING.orgUnmatchedWeight,
          similarity: p.similarity,
          querySide: sideOf(p.sides, qv, this.orgWeight),
          candidateSide: sideOf(this.nameSides, cv, this.orgWeight),
        });
        // A legal form glued to a word of either name (SIEMENSAG / SIEMENS AG).
        const unglued = a.score > 0 && a.score < 1 ? ungluedAgainst(qv, cv) : undefined;
        if (unglued) {
          const u = scoreAlignment(unglued[0], unglued[1], {
            weigh: this.orgWeight,
            unmatchedCandidateWeight: TUNING.orgUnmatchedWeight,
            similarity: p.similarity,
          });
          if (u.score > a.score) a = u;
        }
        const { score, reason } = this.orgCeiling(p, qi, cv, n, a);
        if (!best || score > best.nameScore)
          best = {
            method: "organisation",
            nameScore: score,
            forms: () => [
              ...alignmentForms(a.explain()),
              ...(reason ? [`${reason}: ${a.score.toFixed(2)} capped at ${score}`] : []),
              ...(n.legalForms.length || p.org.legalForms.length
                ? [
                    `legal form ignored: ${p.org.legalForms.join(" ") || "none"} / ${n.legalForms.join(" ") || "none"}`,
                  ]
                : []),
            ],
          };
      }
    }
    const qv0 = p.org.variants[0];
    if (
      qv0?.length === 1 &&
      n.acronyms.includes(qv0[0]!) &&
      (best?.nameScore ?? 0) < TUNING.acronymScore
    )
      best = {
        method: "acronym",
        nameScore: TUNING.acronymScore,
        forms: () => [`${qv0[0]!.toUpperCase()} = initials of ${n.name}`],
      };
    return best;
  }

  /**
   * An organisation alignment's score with the caps that keep names alike in their words but not
   * in what says which body they are below the threshold, and the reason for a cap: another
   * number (×0.84), a kind of state body put in another state, no distinctive word in common, or
   * only common words in common (`restsOnCommonWords`) — each 0.84.
   */
  private orgCeiling(
    p: PreparedQuery,
    qi: number,
    cv: readonly string[],
    n: IndexedName,
    a: ScoredAlignment,
  ): { score: number; reason?: string } {
    const qv = p.org.variants[qi]!;
    if (a.score > 0 && numbersDiffer(qv, cv))
      return {
        score: Number((a.score * TUNING.structureFactor).toFixed(4)),
        reason: "another number",
      };
    if (a.score <= TUNING.commonWordsCeiling) return { score: a.score };
    const reason = this.anotherStatesBody(p, qi, cv, n.entity)
      ? "a kind of state body, and the query names another country or language"
      : !this.sharesDistinctive(a, p.org.named[qi]!)
        ? "no distinctive word in common"
        : this.restsOnCommonWords(p, qi, cv, a);
    return reason ? { score: TUNING.commonWordsCeiling, reason } : { score: a.score };
  }

  /**
   * Whether a list name is as good as another body's for the query because every word the two
   * share is a common word (`commonListWord`: PRIDE, PACIFIC, BANK, GEORGIA) while the list name
   * has a word the query lacks that says which body it is (VTB BANK GEORGIA, IPS PACIFIC, LA
   * PRIDE, DIAMOND II), or the list name is one common word (RAINBOW, a vessel's former name;
   * SYMPHONY) and the query says more than that word or writes it only in a reading guessed from
   * a longer line; or the query's reading is guessed (a name cut before an address, a word
   * completed) and the list name has a word that says which body it is that the reading lacks
   * (SAKHALIN 8 for the reading SAKHALIN of Sakhalin Zarya Road Works). The reason, or undefined.
   */
  private restsOnCommonWords(
    p: PreparedQuery,
    qi: number,
    cv: readonly string[],
    a: ScoredAlignment,
  ): string | undefined {
    const x = a.explain();
    const allCommon = x.pairs.every(([, y]) => this.commonListWord(y));
    const guessed = !p.org.named[qi];
    if (!allCommon && !guessed) return undefined;
    const queryCountries = () => countriesNamed(p.org.variants[qi]!).size > 0;
    const distinctive = x.unmatchedCandidate.find(
      (t) =>
        !CONNECTORS.has(t) &&
        !ORG_GENERIC_WORDS.has(t) &&
        !isDictionaryWord(t) &&
        // A number on one side only may be a word left out (RYE SONG GANG 1), unless the
        // reading was guessed by cutting words off the query (DIAMOND of DIAMOND PRINCESS | …).
        (guessed || !/^\d+$|^[ivx]+$/.test(t)) &&
        // A place the query leaves out may be the body's address; another country when the
        // query names one is another body (IRAN AND INDIA SHIPPING for Shipping Corporation of India).
        (!isPlaceOrCountry(t) || queryCountries()),
    );
    if (distinctive)
      return allCommon
        ? `only common words in common, and the list name also has ${distinctive}`
        : `a reading guessed from a longer name, and the list name also has ${distinctive}`;
    if (!allCommon || cv.length !== 1 || !isCommonWord(cv[0]!)) return undefined;
    // A name of one common word (PATRIOT, RAINBOW) is evidence only where the query writes it as
    // a name of its own, with nothing but places, numbers, connectors and a vessel prefix beside it.
    const more = x.unmatchedQuery.some(
      (t) => !CONNECTORS.has(t) && !isPlaceWord(t) && !/\d/.test(t) && !VESSEL_PREFIXES.has(t),
    );
    return more || guessed
      ? "a name of one common word, and the query says more than it or not it alone"
      : undefined;
  }

  /**
   * An alias of a body or vessel that is one common word (RAINBOW, the former name of the vessel
   * SNOW): many ships and firms are called so, so it counts as a weak alias does.
   */
  private oneCommonWordAlias(n: IndexedName): boolean {
    return (
      n.type !== "primary" &&
      n.tokens.length === 1 &&
      !isPersonKind(this.kinds[n.entity]!) &&
      isCommonWord(n.tokens[0]!)
    );
  }

  /** Whether a list organisation word is common: a connector, generic, frequent in the lists, or `isCommonWord`. */
  private commonListWord(t: string): boolean {
    let c = this.commonWords.get(t);
    if (c === undefined) {
      c =
        CONNECTORS.has(t) ||
        ORG_GENERIC_WORDS.has(t) ||
        this.rarity(t) < TUNING.distinctiveRarity ||
        isCommonWord(t);
      this.commonWords.set(t, c);
    }
    return c;
  }

  /**
   * A weak alias (OFAC's "weak", the UN's "Low": a short form the list itself calls unreliable)
   * of a body or vessel, one word of four letters at most, is evidence only for a name that is
   * that alias: the query's whole name
   * with words the alias does not have (MSC for "MSC FLAMINIA MNG 2009BLT…", a shipbroker's
   * line) is another name that begins the same way. A reading the query writes as a name of its
   * own (a parent body, the name before a separated address) may be the alias, and a place or
   * country after it (ZENKO NAMPHO) is where the body is, not more of its name.
   */
  private weakAliasInLongerName(p: PreparedQuery, n: IndexedName): boolean {
    // Only a short form of one word (an acronym: MSC, GBAE) begins other names by chance.
    if (isPersonKind(this.kinds[n.entity]!) || n.tokens.length !== 1 || n.tokens[0]!.length > 4)
      return false;
    const alias = new Set(n.tokens);
    const longer = (v: readonly string[]) => v.some((t) => !alias.has(t) && !isPlaceWord(t));
    const { variants, named } = p.org;
    if (variants.length === 0) return false;
    return variants.every((v, i) => !named[i] || longer(v));
  }

  /** The match of one list name, features included; undefined when it cannot be scored. */
  private matchName(
    p: PreparedQuery,
    id: number,
    allowKorean: boolean,
    floor = 0,
  ): ScreenMatch | undefined {
    const n = this.nameAt(id);
    // Without birth date, nationality or documents the name score is the score: one below the
    // floor is dropped before anything else is built for it (a token alignment certain to stay
    // under it is not even scored).
    const q = p.q;
    const nameOnly = !q.birthDate && !q.nationality && !q.documents?.length;
    const s = this.scoreName(p, id, n, allowKorean, nameOnly ? floor : 0);
    if (!s) return undefined;
    const weak = n.type === "weak" || this.oneCommonWordAlias(n);
    if (n.type === "weak" && this.weakAliasInLongerName(p, n)) return undefined;
    const nameScore = Number(
      (weak ? s.nameScore * TUNING.weakAliasFactor : s.nameScore).toFixed(4),
    );
    if (nameScore < floor && nameOnly) return undefined;
    const e = this.entityAt(n.entity);
    const features = this.features(p.q, e);
    let score = nameScore;
    const doc = features.find((f) => f.feature === "document" && f.agreed);
    for (const f of features) score += f.effect;
    if (doc && nameScore >= 0.5) score = Math.max(score, DOCUMENT_FLOOR);
    score = Math.max(0, Math.min(1, Number(score.toFixed(4))));
    let forms: string[] | undefined;
    return {
      list: e.list,
      reference: e.reference,
      name: e.names[0]?.name ?? n.name,
      kind: e.kind,
      dprk: this.dprkFlags[n.entity]!,
      score,
      explanation: {
        alias: n.name,
        aliasType: n.type,
        aliasQuality: n.quality,
        method: s.method,
        nameScore,
        // Written out when read: most candidates are ranked and dropped unread.
        get nameForms() {
          forms ??= weak
            ? [
                ...s.forms(),
                `${n.type === "weak" ? "weak alias" : "alias of one common word"} ×${TUNING.weakAliasFactor}`,
              ]
            : s.forms();
          return forms;
        },
        features,
      },
    };
  }

  /**
   * Ranked matches for one query, best first, at most `limit`, down to `minScore` (default 0.5:
   * below it candidates are noise even for an analyst's eye).
   */
  screen(q: ScreenQuery, options: { limit?: number; minScore?: number } = {}): ScreenMatch[] {
    const limit = options.limit ?? 10;
    const minScore = options.minScore ?? 0.5;
    if (!q.name.trim()) return [];
    const p = this.prepare(q);
    const byEntity = new Map<number, ScreenMatch>();
    let koreanCalls = 0;
    for (const id of this.candidates(p)) {
      const before = p.koreanMemo.size;
      const m = this.matchName(p, id, koreanCalls < TUNING.koreanScoreCandidates, minScore);
      if (p.koreanMemo.size > before) koreanCalls++;
      if (!m) continue;
      const ei = this.nameEntity[id]!;
      const prev = byEntity.get(ei);
      if (prev && prev.explanation.nameScore >= m.explanation.nameScore) continue;
      byEntity.set(ei, m);
    }
    return [...byEntity.values()]
      .filter((m) => m.score >= minScore)
      .sort(compareMatches)
      .slice(0, limit);
  }

  /**
   * The query against every name of the list entities whose reference is `reference` (on `list`
   * if given), candidate selection aside: why a named entry scored what it did, even far below
   * the threshold. One result per entity (its best name), plus every name's own score.
   */
  explain(
    q: ScreenQuery,
    reference: string,
    list?: string,
  ): { best: ScreenMatch; names: { alias: string; nameScore: number; method: string }[] }[] {
    const p = this.prepare(q);
    const out: ReturnType<ScreeningIndex["explain"]> = [];
    const ids = this.namesByEntity();
    this.entities.forEach((e, ei) => {
      if (e.reference !== reference || (list && e.list !== list)) return;
      let best: ScreenMatch | undefined;
      const names: { alias: string; nameScore: number; method: string }[] = [];
      for (const id of ids[ei] ?? []) {
        const m = this.matchName(p, id, true);
        if (!m) continue;
        names.push({
          alias: m.explanation.alias,
          nameScore: m.explanation.nameScore,
          method: m.explanation.method,
        });
        if (!best || m.explanation.nameScore > best.explanation.nameScore) best = m;
      }
      if (best) out.push({ best, names });
    });
    return out;
  }

  private namesByEntity(): number[][] {
    const out: number[][] = [];
    this.nameEntity.forEach((ei, id) => {
      const ids = out[ei] ?? [];
      ids.push(id);
      out[ei] = ids;
    });
    return out;
  }

  private features(q: ScreenQuery, e: ListEntity): FeatureResult[] {
    const out: FeatureResult[] = [];
    if (e.kind === "person") {
      if (q.birthDate) {
        const r = compareBirthDates(q.birthDate, e.birthDates);
        if (r) out.push(r);
      }
      if (q.nationality) {
        const r = compareNationality(q.nationality, e.nationalities);
        if (r) out.push(r);
      }
    }
    if (q.documents?.length) {
      const r = compareDocuments(q.documents, e.identifiers);
      if (r) out.push(r);
    }
    return out;
  }
}

/** A name's score and method, with its forms written out only on demand. */
type NameScore = Pick<MatchExplanation, "method" | "nameScore"> & { forms: () => string[] };

/** Which tokens lined up, and which were left over on either side. */
function alignmentForms(a: Alignment): string[] {
  return [
    ...a.pairs.map(([x, y, s]) => (x === y ? x : `${x}~${y} (${s.toFixed(2)})`)),
    ...(a.unmatchedQuery.length ? [`unmatched in query: ${a.unmatchedQuery.join(" ")}`] : []),
    ...(a.unmatchedCandidate.length
      ? [`unmatched in list name: ${a.unmatchedCandidate.join(" ")}`]
      : []),
  ];
}

/**
 * Particles that join the parts of a name and that writers add, drop or spell otherwise (bin /
 * ibn, al-, de): no part of their own.
 */
const NAME_PARTICLES = new Set(
  "al el ul bin ibn ben bint binti abu de da di do du del della van von der den la le mac mc".split(
    " ",
  ),
);

/**
 * Whether an alignment leaves a part of each name unmatched (particles aside) and no two of
 * them are one slip apart: a letter moved across a space (RAZUK IABD for RAZUKI ABD) leaves two
 * short words unmatched that are typos, not other parts.
 */
function substitutedPart(x: Alignment): boolean {
  const qs = x.unmatchedQuery.filter((t) => !NAME_PARTICLES.has(t));
  const cs = x.unmatchedCandidate.filter((t) => !NAME_PARTICLES.has(t));
  if (qs.length === 0 || cs.length === 0) return false;
  const apart = (a: string, b: string) =>
    a.length === 1 || b.length === 1 ? a !== b : boundedEditDistance(a, b, 1) > 1;
  return qs.every((a) => cs.every((b) => apart(a, b)));
}

/** Start offsets of consecutive pieces of the given lengths, plus the end. */
function cumulative(lengths: readonly number[]): Int32Array {
  const out = new Int32Array(lengths.length + 1);
  lengths.forEach((l, i) => {
    out[i + 1] = out[i]! + l;
  });
  return out;
}

function compareMatches(a: ScreenMatch, b: ScreenMatch): number {
  return (
    b.score - a.score ||
    b.explanation.nameScore - a.explanation.nameScore ||
    a.list.localeCompare(b.list) ||
    a.reference.localeCompare(b.reference)
  );
}

/** One line for a terminal or a case note: alias, method, name score and features. */
export function explainMatch(m: ScreenMatch): string {
  const x = m.explanation;
  const feats = x.features
    .map(
      (f) =>
        `${f.feature} ${f.agreed ? "agrees" : "disagrees"} (${f.detail}, ${f.effect >= 0 ? "+" : ""}${f.effect})`,
    )
    .join("; ");
  return `${x.aliasType} "${x.alias}"${x.aliasQuality ? ` [${x.aliasQuality}]` : ""} by ${x.method} ${x.nameScore.toFixed(2)}: ${x.nameForms.join("; ")}${feats ? ` | ${feats}` : ""}`;
}
