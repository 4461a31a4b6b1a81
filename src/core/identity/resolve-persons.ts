/**
 * Identity resolution over document groups. A document group is every record carrying one
 * document number (of one nationality): the same number is the same document, so its records
 * are one person from the start ("same document"). This module decides which groups join:
 *
 * - document typo: two numbers one substitution or one adjacent swap apart, same nationality,
 *   and either the same birth date and a name that does not contradict, or — when one side has
 *   no birth date — a matching name (compareNames ≥ MATCH_THRESHOLD) and no other conflict;
 * - passport renewal: a new number for the same name (≥ MATCH_THRESHOLD), the same known birth
 *   date, sex and nationality, used only after the old one stopped being used, and the only such
 *   partner on both sides (a homonym born the same day makes the pair ambiguous: left apart).
 *
 * Merges are refused when the joined person would have two different known birth dates or
 * sexes, or more than MAX_DOCUMENTS documents. Pure: the caller supplies groups, candidate pairs
 * (found by SQL blocking) and their name scores.
 */

import { UnionFind } from "../graph/union-find.js";
import { MATCH_THRESHOLD } from "../names/index.js";

/** A person rarely holds more than a few documents in a span of years (renewals, typos). */
export const MAX_DOCUMENTS = 6;
/** Doc one edit apart + same birth date is strong; the name only has to not contradict it. */
export const TYPO_NAME_FLOOR = 0.5;

export const LINK_REASONS = [
  "same document",
  "re-export",
  "document typo",
  "passport renewal",
] as const;
export type LinkReason = (typeof LINK_REASONS)[number];

export interface DocGroup {
  docNumber: string;
  nationality: string | null;
  /** Most frequent known birth date (YYYY-MM-DD), null when no record has one. */
  birthDate: string | null;
  sex: string | null;
  /** First and last local date the document was used (YYYY-MM-DD). */
  firstSeen: string;
  lastSeen: string;
  /** Person the group already belongs to (from an earlier run), else null. */
  personId: string | null;
  /** Number of records with this document. */
  records: number;
}

export type DocEdit = "substitution" | "transposition";

export interface Candidate {
  a: number;
  b: number;
  kind: "typo" | "renewal";
  /** Best compareNames score between the two groups' names, and the names that gave it. */
  nameScore: number;
  nameA: string;
  nameB: string;
  /** compareNames explanation for nameA ~ nameB. */
  nameWhy: string;
}

export interface AcceptedLink {
  a: number;
  b: number;
  reason: LinkReason;
  evidence: Record<string, unknown>;
}

export interface Resolution {
  /** Cluster representative per group index; groups with one representative are one person. */
  cluster: Int32Array;
  links: AcceptedLink[];
  refused: { a: number; b: number; kind: Candidate["kind"]; why: string }[];
}

/** How two document numbers differ, when they are one keystroke apart; else null. */
export function docEdit(a: string, b: string): DocEdit | null {
  if (a.length !== b.length || a === b) return null;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return "substitution";
  if (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    a[diff[0]!] === b[diff[1]!] &&
    a[diff[1]!] === b[diff[0]!]
  )
    return "transposition";
  return null;
}

function conflict(x: string | null, y: string | null): boolean {
  return x !== null && y !== null && x !== y;
}

/** Why a typo candidate is not a typo of the same person's document, or null if it is. */
function refuseTypo(a: DocGroup, b: DocGroup, c: Candidate): string | null {
  if (docEdit(a.docNumber, b.docNumber) === null) return "documents are not one edit apart";
  if (conflict(a.nationality, b.nationality)) return "different nationality";
  if (conflict(a.birthDate, b.birthDate)) return "different birth dates";
  if (conflict(a.sex, b.sex)) return "different sex";
  if (a.birthDate !== null && b.birthDate !== null)
    return c.nameScore >= TYPO_NAME_FLOOR ? null : "names differ";
  return c.nameScore >= MATCH_THRESHOLD ? null : "no birth date to compare and names differ";
}

/** Why a renewal candidate is not one person's old and new passport, or null if it may be. */
function refuseRenewal(a: DocGroup, b: DocGroup, c: Candidate): string | null {
  if (a.birthDate === null || a.birthDate !== b.birthDate)
    return "birth dates not both known and equal";
  if (conflict(a.nationality, b.nationality)) return "different nationality";
  if (conflict(a.sex, b.sex)) return "different sex";
  if (c.nameScore < MATCH_THRESHOLD) return "names differ";
  return null;
}

/** "金永哲 reads 김영철 = KIM YONG CHOL" from a compareNames explanation, else "A ~ B". */
export function describeNames(nameA: string, nameB: string, why: string): string {
  if (nameA === nameB) return `same name ${nameA}`;
  const hangul = [...why.matchAll(/:\s*([\uac00-\ud7a3]+)\s*\(/g)].map((m) => m[1]).join("");
  if (hangul && hangul !== nameA.replace(/\s+/g, "") && hangul !== nameB.replace(/\s+/g, ""))
    return `${nameA} reads ${hangul} = ${nameB}`;
  return `${nameA} = ${nameB}`;
}

interface ClusterState {
  birthDate: string | null;
  sex: string | null;
  docs: number;
  firstSeen: string;
  lastSeen: string;
}

/** Clusters of document groups (union-find) with what each cluster is known to be. */
class Clusters {
  private readonly uf: UnionFind;
  private readonly state: ClusterState[];

  constructor(groups: readonly DocGroup[]) {
    this.uf = new UnionFind(groups.length);
    this.state = groups.map((g) => ({
      birthDate: g.birthDate,
      sex: g.sex,
      docs: 1,
      firstSeen: g.firstSeen,
      lastSeen: g.lastSeen,
    }));
  }

  find(i: number): number {
    return this.uf.find(i);
  }

  of(i: number): ClusterState {
    return this.state[this.uf.find(i)]!;
  }

  /** Joins two clusters (given by their representatives) whatever they hold. */
  combine(ra: number, rb: number): number {
    const sa = this.state[ra]!;
    const sb = this.state[rb]!;
    const r = this.uf.union(ra, rb);
    this.state[r] = {
      birthDate: sa.birthDate ?? sb.birthDate,
      sex: sa.sex ?? sb.sex,
      docs: sa.docs + sb.docs,
      firstSeen: [sa.firstSeen, sb.firstSeen].sort()[0]!,
      lastSeen: [sa.lastSeen, sb.lastSeen].sort()[1]!,
    };
    return r;
  }

  /** Joins the clusters of groups a and b unless they conflict; why not, or null. */
  merge(a: number, b: number): string | null {
    const ra = this.uf.find(a);
    const rb = this.uf.find(b);
    if (ra === rb) return null;
    const sa = this.state[ra]!;
    const sb = this.state[rb]!;
    if (conflict(sa.birthDate, sb.birthDate)) return "the persons have different birth dates";
    if (conflict(sa.sex, sb.sex)) return "the persons have different sex";
    if (sa.docs + sb.docs > MAX_DOCUMENTS) return `more than ${MAX_DOCUMENTS} documents`;
    this.combine(ra, rb);
    return null;
  }
}

export function resolvePersons(
  groups: readonly DocGroup[],
  candidates: readonly Candidate[],
): Resolution {
  const clusters = new Clusters(groups);
  const out: Omit<Resolution, "cluster"> = { links: [], refused: [] };
  // Groups already resolved into one person stay together (incremental runs).
  const byPerson = new Map<string, number>();
  groups.forEach((g, i) => {
    if (g.personId === null) return;
    const first = byPerson.get(g.personId);
    if (first === undefined) byPerson.set(g.personId, i);
    else {
      const ra = clusters.find(first);
      const rb = clusters.find(i);
      if (ra !== rb) clusters.combine(ra, rb);
    }
  });
  linkTypos(groups, candidates, clusters, out);
  linkRenewals(groups, candidates, clusters, out);
  const cluster = new Int32Array(groups.length);
  for (let i = 0; i < groups.length; i++) cluster[i] = clusters.find(i);
  return { cluster, ...out };
}

/** 1. Typos: a one-keystroke variant of a document is that document. */
function linkTypos(
  groups: readonly DocGroup[],
  candidates: readonly Candidate[],
  clusters: Clusters,
  { links, refused }: Omit<Resolution, "cluster">,
): void {
  for (const c of candidates) {
    if (c.kind !== "typo") continue;
    const a = groups[c.a]!;
    const b = groups[c.b]!;
    const why = refuseTypo(a, b, c) ?? clusters.merge(c.a, c.b);
    if (why) {
      refused.push({ a: c.a, b: c.b, kind: c.kind, why });
      continue;
    }
    const edit = docEdit(a.docNumber, b.docNumber)!;
    const [main, typo] = a.firstSeen <= b.firstSeen ? [a, b] : [b, a];
    const parts = [
      `document ${typo.docNumber} is ${main.docNumber} with ${edit === "substitution" ? "one character changed" : "two adjacent characters swapped"}`,
    ];
    if (a.birthDate !== null && a.birthDate === b.birthDate)
      parts.push(`same birth date ${a.birthDate}`);
    parts.push(describeNames(c.nameA, c.nameB, c.nameWhy));
    links.push({
      a: c.a,
      b: c.b,
      reason: "document typo",
      evidence: {
        doc_a: a.docNumber,
        doc_b: b.docNumber,
        edit,
        birth_date: a.birthDate ?? b.birthDate,
        name_a: c.nameA,
        name_b: c.nameB,
        name_score: round(c.nameScore),
        summary: parts.join("; "),
      },
    });
  }
}

/**
 * 2. Renewals, between the clusters the typos left: the only partner on both sides, and the two
 *    clusters' use of documents must not overlap in time.
 */
function linkRenewals(
  groups: readonly DocGroup[],
  candidates: readonly Candidate[],
  clusters: Clusters,
  { links, refused }: Omit<Resolution, "cluster">,
): void {
  const { viable, partners } = viableRenewals(groups, candidates, clusters, refused);
  // Several pairs may join the same two persons (a typo'd document is in a cluster too): the
  // pair of the most-used documents is the one recorded as the reason.
  const weight = (c: Candidate) => Math.min(groups[c.a]!.records, groups[c.b]!.records);
  viable.sort((x, y) => weight(y) - weight(x) || x.a - y.a || x.b - y.b);
  for (const c of viable) {
    const ra = clusters.find(c.a);
    const rb = clusters.find(c.b);
    if (ra === rb) continue;
    if ((partners.get(ra)?.size ?? 0) > 1 || (partners.get(rb)?.size ?? 0) > 1) {
      refused.push({
        a: c.a,
        b: c.b,
        kind: c.kind,
        why: "ambiguous: another person with this name and birth date",
      });
      continue;
    }
    const why = clusters.merge(c.a, c.b);
    if (why) {
      refused.push({ a: c.a, b: c.b, kind: c.kind, why });
      continue;
    }
    links.push(renewalLink(groups[c.a]!, groups[c.b]!, c));
  }
}

/** Renewal candidates that pass the checks, and each cluster's possible partners. */
function viableRenewals(
  groups: readonly DocGroup[],
  candidates: readonly Candidate[],
  clusters: Clusters,
  refused: Resolution["refused"],
): { viable: Candidate[]; partners: Map<number, Set<number>> } {
  const partners = new Map<number, Set<number>>();
  const viable: Candidate[] = [];
  for (const c of candidates) {
    if (c.kind !== "renewal") continue;
    const why = refuseRenewal(groups[c.a]!, groups[c.b]!, c);
    if (why) {
      refused.push({ a: c.a, b: c.b, kind: c.kind, why });
      continue;
    }
    const ra = clusters.find(c.a);
    const rb = clusters.find(c.b);
    if (ra === rb) continue;
    const sa = clusters.of(ra);
    const sb = clusters.of(rb);
    if (!(sa.lastSeen < sb.firstSeen || sb.lastSeen < sa.firstSeen)) {
      refused.push({ a: c.a, b: c.b, kind: c.kind, why: "both documents in use at the same time" });
      continue;
    }
    viable.push(c);
    for (const [x, y] of [
      [ra, rb],
      [rb, ra],
    ] as const) {
      const set = partners.get(x) ?? new Set<number>();
      set.add(y);
      partners.set(x, set);
    }
  }
  return { viable, partners };
}

function renewalLink(a: DocGroup, b: DocGroup, c: Candidate): AcceptedLink {
  const [old, neu, oldName, newName] =
    a.lastSeen < b.firstSeen ? [a, b, c.nameA, c.nameB] : [b, a, c.nameB, c.nameA];
  const summary = [
    `new document ${neu.docNumber} first used ${neu.firstSeen}, after ${old.docNumber} last used ${old.lastSeen}`,
    `${describeNames(oldName, newName, c.nameWhy)}, same birth date ${a.birthDate}${a.sex !== null && a.sex === b.sex ? `, same sex ${a.sex}` : ""}`,
  ].join("; ");
  return {
    a: c.a,
    b: c.b,
    reason: "passport renewal",
    evidence: {
      doc_old: old.docNumber,
      doc_new: neu.docNumber,
      old_last_seen: old.lastSeen,
      new_first_seen: neu.firstSeen,
      birth_date: a.birthDate,
      sex: a.sex ?? b.sex,
      name_a: c.nameA,
      name_b: c.nameB,
      name_score: round(c.nameScore),
      summary,
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
