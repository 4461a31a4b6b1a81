/**
 * Cohorts from crossings: group crossings, sets of movements, repairs and membership (steps 1–4
 * of src/detection/cohorts.ts, which reads the crossings and writes what this returns).
 *
 * Everything here is counting over integer columns, linear in crossings plus the (crossing, set)
 * hits. At 10M records a busy port-day is a group crossing of hundreds of persons and a movement
 * of dozens of sets, so those hits run to 180 M: as (person, set) rows in SQL they were a hash
 * aggregate of 60 M groups (minutes of CPU, and memory DuckDB could not spill); here they are
 * increments of one counter array per person, reset through the list of sets it touched.
 *
 * Thresholds written as decimals in the policy (0.6, 0.5) are compared as exact fractions, as
 * SQL compares a DECIMAL literal: 0.6 × 5 is 3, not 3.0000000000000004.
 */
import { UnionFind } from "../graph/union-find.js";

/** A crossing logged with its date only (no time of day). */
export const NO_MINUTE = -2147483648;

/**
 * One entry per crossing (a person's crossing at one port, on one day, in one direction), sorted
 * by port, day, direction and minute, date-only crossings last in their port-day.
 */
export interface CohortCrossings {
  /** Person, 0 … persons − 1. */
  pid: Int32Array;
  /** Port number; ports in the order of their names. */
  pno: Int32Array;
  /** City of the port (a port with no city is its own). */
  cno: Int32Array;
  /** Days since 1970-01-01. */
  day: Int32Array;
  /** 1 for an exit, 0 for an entry. */
  out: Uint8Array;
  /** Minutes since the epoch, or NO_MINUTE. */
  minute: Int32Array;
  /** Sponsor key (spellings that differ only in case, punctuation, legal form), 0 if none. */
  sk: Int32Array;
  /** Visa type, 0 if none. */
  vk: Int32Array;
  /** Sponsor spelling, 0 if none. */
  spid: Int32Array;
}

export interface CohortParams {
  min_group_size: number;
  time_gap_minutes: number;
  link_min_jaccard: number;
  /** Group crossings ahead in a person's sequence that a link may reach. */
  link_reach: number;
  min_coverage: number;
  min_shared_crossings: number;
  straggler_days: number;
}

export interface CohortSets {
  /** Group crossings found (before any repair). */
  group_crossings: number;
  /** One entry per member: the cohort (seed), crossings on its movements (hits), straggler
   * crossings near them (off_days), all the person's crossings (n) and the first one's day. */
  members: {
    pid: Int32Array;
    seed: Int32Array;
    hits: Int32Array;
    off_days: Int32Array;
    n: Int32Array;
    first_day: Int32Array;
  };
  /** One entry per cohort movement (port-day): members who crossed in it. */
  movements: {
    seed: Int32Array;
    day: Int32Array;
    pno: Int32Array;
    out: Uint8Array;
    present: Int32Array;
  };
  /** Crossings per cohort and sponsor spelling, over its members' crossings. */
  sponsors: { seed: Int32Array; spid: Int32Array; n: Int32Array };
}

/** n ≥ v × t, with v as an exact fraction when it is written as a plain decimal. */
function atLeastFn(v: number): (n: number, t: number) => boolean {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(v));
  if (!m) return (n, t) => n >= v * t;
  const q = 10 ** (m[2]?.length ?? 0);
  const p = Number(m[1]! + (m[2] ?? ""));
  return (n, t) => n * q >= p * t;
}

/** A growable Int32 list (results whose length is known only at the end). */
class IntList {
  a = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
  done(): Int32Array {
    return this.a.slice(0, this.length);
  }
}

/** (group, key, count) rows, appended one group at a time from a counter of touched keys. */
class CountRows {
  readonly group = new IntList();
  readonly key = new IntList();
  readonly n = new IntList();
  /** Appends the counts of the first `nt` keys in `touched` under `group`, and clears them. */
  drain(group: number, touched: Int32Array, nt: number, cnt: Int32Array): void {
    for (let j = 0; j < nt; j++) {
      const k = touched[j]!;
      this.group.push(group);
      this.key.push(k);
      this.n.push(cnt[k]!);
      cnt[k] = 0;
    }
  }
}

/** Whether crossing `i` (in port-day order) starts a new port, day and direction. */
export function startsPortDay(x: CohortCrossings, i: number): boolean {
  return (
    i === 0 || x.pno[i] !== x.pno[i - 1] || x.day[i] !== x.day[i - 1] || x.out[i] !== x.out[i - 1]
  );
}

/** Whether crossing `i` starts a new block: port, day, direction and papers. */
function startsBlock(x: CohortCrossings, i: number): boolean {
  return startsPortDay(x, i) || x.vk[i] !== x.vk[i - 1];
}

/** Step 1's result: blocks (port-day and papers), their timed runs, and the group crossings. */
interface GroupCrossings {
  /** Block of each crossing; blocks are numbered in crossing order. */
  block: Int32Array;
  /** Timed run of each crossing within its block, from 1; 0 for a date-only crossing. */
  run: Int32Array;
  blocks: number;
  /** First crossing of each block, and N at the end. */
  bStart: Int32Array;
  /** Group crossings 1 … E. */
  E: number;
  eBlock: Int32Array;
  eStart: Int32Array;
  eEnd: Int32Array;
  /** Group crossing of each crossing, 0 if none. */
  memberEid: Int32Array;
  /** Date-only crossings on a block with timed group crossings match each of them: those are
   * consecutive numbers, wildFirst … wildFirst + wildCount − 1. */
  wildFirst: Int32Array;
  wildCount: Int32Array;
}

/** Blocks and their timed runs: a new run after a gap of more than time_gap_minutes. */
function blocksAndRuns(x: CohortCrossings, p: CohortParams) {
  const N = x.pid.length;
  const block = new Int32Array(N);
  const run = new Int32Array(N);
  const blockStart = new IntList();
  let b = -1;
  let k = 0;
  let prev = 0;
  for (let i = 0; i < N; i++) {
    if (startsBlock(x, i)) {
      b++;
      blockStart.push(i);
      k = 0;
    }
    block[i] = b;
    const m = x.minute[i]!;
    if (m === NO_MINUTE) continue;
    if (k === 0 || m - prev > p.time_gap_minutes) k++;
    prev = m;
    run[i] = k;
  }
  blockStart.push(N);
  return { block, run, blocks: b + 1, bStart: blockStart.done() };
}

/** Step 1: group crossings — timed runs of min_group_size or more; else the whole block. */
function groupCrossings(x: CohortCrossings, p: CohortParams): GroupCrossings {
  const N = x.pid.length;
  const G = p.min_group_size;
  const { block, run, blocks, bStart } = blocksAndRuns(x, p);
  const evB: number[] = [];
  const evK: number[] = [];
  const evS: number[] = [];
  const evE: number[] = [];
  for (let bl = 0; bl < blocks; bl++) {
    const s = bStart[bl]!;
    const e = bStart[bl + 1]!;
    let timed = 0;
    for (let i = s; i < e && run[i]! > 0; ) {
      let j = i + 1;
      while (j < e && run[j] === run[i]) j++;
      if (j - i >= G) {
        evB.push(bl);
        evK.push(run[i]!);
        evS.push(i);
        evE.push(j);
        timed++;
      }
      i = j;
    }
    // The whole block only where the log has dates: crossings whose times the log kept and
    // that formed no run did not cross together.
    let dateOnly = 0;
    for (let i = s; i < e; i++) if (run[i] === 0) dateOnly++;
    if (timed === 0 && e - s >= G && 2 * dateOnly >= e - s) {
      evB.push(bl);
      evK.push(0);
      evS.push(s);
      evE.push(e);
    }
  }
  // Numbered by day, port, direction, block and run: the first group crossing names its set,
  // so the numbers decide which set wins a tie.
  const order = evB.map((_, i) => i);
  const at = (i: number) => bStart[evB[i]!]!;
  order.sort(
    (u, v) =>
      x.day[at(u)]! - x.day[at(v)]! ||
      x.pno[at(u)]! - x.pno[at(v)]! ||
      x.out[at(u)]! - x.out[at(v)]! ||
      evB[u]! - evB[v]! ||
      evK[u]! - evK[v]!,
  );
  const E = order.length;
  const g: GroupCrossings = {
    block,
    run,
    blocks,
    bStart,
    E,
    eBlock: new Int32Array(E + 1),
    eStart: new Int32Array(E + 1),
    eEnd: new Int32Array(E + 1),
    memberEid: new Int32Array(N),
    wildFirst: new Int32Array(blocks),
    wildCount: new Int32Array(blocks),
  };
  for (let r = 0; r < E; r++) {
    const eid = r + 1;
    const o = order[r]!;
    g.eBlock[eid] = evB[o]!;
    g.eStart[eid] = evS[o]!;
    g.eEnd[eid] = evE[o]!;
    for (let i = evS[o]!; i < evE[o]!; i++) g.memberEid[i] = eid;
    if (evK[o]! > 0) {
      if (g.wildCount[evB[o]!] === 0) g.wildFirst[evB[o]!] = eid;
      g.wildCount[evB[o]!]!++;
    }
  }
  return g;
}

/** Each person's group crossings in order (CSR), and each member crossing's place in it. */
interface PersonSequences {
  memStart: Int32Array;
  memList: Int32Array;
  memPos: Int32Array;
}

function personSequences(x: CohortCrossings, g: GroupCrossings, persons: number): PersonSequences {
  const N = x.pid.length;
  const memStart = new Int32Array(persons + 1);
  for (let i = 0; i < N; i++) if (g.memberEid[i]! > 0) memStart[x.pid[i]! + 1]!++;
  for (let q = 0; q < persons; q++) memStart[q + 1]! += memStart[q]!;
  const memList = new Int32Array(memStart[persons]!);
  const memPos = new Int32Array(N);
  const fill = memStart.slice(0, persons);
  for (let eid = 1; eid <= g.E; eid++)
    for (let i = g.eStart[eid]!; i < g.eEnd[eid]!; i++) {
      const q = fill[x.pid[i]!]!++;
      memList[q] = eid;
      memPos[i] = q;
    }
  return { memStart, memList, memPos };
}

/**
 * Step 2, links: pairs of group crossings within link_reach of each other in some person's
 * sequence, counted per first group crossing in one counter array; sets are the components.
 */
function linkSets(
  x: CohortCrossings,
  g: GroupCrossings,
  seq: PersonSequences,
  p: CohortParams,
): UnionFind {
  const { E, eStart, eEnd } = g;
  const linkOk = atLeastFn(p.link_min_jaccard);
  const uf = new UnionFind(E + 1);
  const cnt = new Int32Array(E + 1);
  const touched = new Int32Array(E + 1);
  const sz = (eid: number) => eEnd[eid]! - eStart[eid]!;
  for (let a = 1; a <= E; a++) {
    let nt = 0;
    for (let i = eStart[a]!; i < eEnd[a]!; i++) {
      const end = seq.memStart[x.pid[i]! + 1]!;
      const pos = seq.memPos[i]!;
      for (let t = 1; t <= p.link_reach && pos + t < end; t++) {
        const c = seq.memList[pos + t]!;
        if (cnt[c]!++ === 0) touched[nt++] = c;
      }
    }
    for (let j = 0; j < nt; j++) {
      const c = touched[j]!;
      const n = cnt[c]!;
      cnt[c] = 0;
      if (n >= 2 && linkOk(n, sz(a) + sz(c) - n)) uf.union(a, c);
    }
  }
  return uf;
}

/** Step 3's result: each group crossing's set, each person's home set and each set's homes. */
interface Repaired {
  comp: Int32Array;
  home: Int32Array;
  homeCount: Int32Array;
}

/** Home: the set holding most of a person's group crossings (ties: the lower set). */
function findHomes(seq: PersonSequences, comp: Int32Array, persons: number, E: number) {
  const home = new Int32Array(persons);
  const homeCount = new Int32Array(E + 1);
  const cnt = new Int32Array(E + 1);
  const touched = new Int32Array(E + 1);
  for (let q = 0; q < persons; q++) {
    let nt = 0;
    for (let j = seq.memStart[q]!; j < seq.memStart[q + 1]!; j++) {
      const c = comp[seq.memList[j]!]!;
      if (cnt[c]!++ === 0) touched[nt++] = c;
    }
    let best = 0;
    for (let j = 0; j < nt; j++) {
      const c = touched[j]!;
      if (best === 0 || cnt[c]! > cnt[best]! || (cnt[c] === cnt[best] && c < best)) best = c;
    }
    for (let j = 0; j < nt; j++) cnt[touched[j]!] = 0;
    home[q] = best;
    if (best > 0) homeCount[best]!++;
  }
  return { home, homeCount };
}

/**
 * Step 3, repairs: sets cut apart by long shared stretches are joined when enough persons hold
 * a quarter or more of their group crossings (in sets home to min_group_size or more) in both.
 */
function repairSets(
  uf: UnionFind,
  seq: PersonSequences,
  persons: number,
  E: number,
  G: number,
): Repaired {
  let comp = namedSets(uf, E);
  let { home, homeCount } = findHomes(seq, comp, persons, E);
  const cnt = new Int32Array(E + 1);
  const touched = new Int32Array(E + 1);
  const pairCount = new Map<number, number>();
  for (let q = 0; q < persons; q++) {
    let nt = 0;
    let tot = 0;
    for (let j = seq.memStart[q]!; j < seq.memStart[q + 1]!; j++) {
      const c = comp[seq.memList[j]!]!;
      if (homeCount[c]! < G) continue;
      tot++;
      if (cnt[c]!++ === 0) touched[nt++] = c;
    }
    const big: number[] = [];
    for (let j = 0; j < nt; j++) {
      const c = touched[j]!;
      if (cnt[c]! >= 2 && 4 * cnt[c]! >= tot) big.push(c);
      cnt[c] = 0;
    }
    big.sort((u, v) => u - v);
    for (let u = 0; u < big.length; u++)
      for (let v = u + 1; v < big.length; v++) {
        const key = big[u]! * (E + 1) + big[v]!;
        pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
      }
  }
  let bridged = false;
  for (const [key, n] of pairCount) {
    const a = Math.floor(key / (E + 1));
    const c = key % (E + 1);
    // A fifth of the larger set: a small set two teams shared a stretch in would otherwise
    // join both teams through the few persons it holds of each.
    if (n >= 3 && 5 * n >= Math.max(homeCount[a]!, homeCount[c]!)) {
      uf.union(a, c);
      bridged = true;
    }
  }
  if (bridged) {
    comp = namedSets(uf, E);
    ({ home, homeCount } = findHomes(seq, comp, persons, E));
  }
  return { comp, home, homeCount };
}

/** The sets each group crossing — and each block's date-only crossings — is a movement of. */
interface Movements {
  /** Sets of group crossing eid: sets[moveStart[eid]] … sets[moveStart[eid + 1] − 1]. */
  moveStart: Int32Array;
  /** Sets of block bl's date-only crossings: sets[wildSetStart[bl]] … before wildSetStart[bl + 1]. */
  wildSetStart: Int32Array;
  sets: Int32Array;
}

/**
 * Movements: each group crossing of a kept set (home to min_group_size or more), and each
 * group crossing holding min_group_size of a kept set's home persons, or a quarter of its
 * persons (so both teams get the crossing they shared).
 */
function movementLists(x: CohortCrossings, g: GroupCrossings, r: Repaired, G: number): Movements {
  const { E, eStart, eEnd } = g;
  const kept = (c: number) => r.homeCount[c]! >= G;
  const cnt = new Int32Array(E + 1);
  const touched = new Int32Array(E + 1);
  const moveStart = new Int32Array(E + 2);
  const list = new IntList();
  for (let eid = 1; eid <= E; eid++) {
    moveStart[eid] = list.length;
    let nt = 0;
    for (let i = eStart[eid]!; i < eEnd[eid]!; i++) {
      const h = r.home[x.pid[i]!]!;
      if (h > 0 && kept(h) && cnt[h]!++ === 0) touched[nt++] = h;
    }
    const own = r.comp[eid]!;
    let ownIn = false;
    for (let j = 0; j < nt; j++) {
      const c = touched[j]!;
      if (cnt[c]! >= G || 4 * cnt[c]! >= eEnd[eid]! - eStart[eid]! || (c === own && kept(own))) {
        list.push(c);
        if (c === own) ownIn = true;
      }
      cnt[c] = 0;
    }
    if (!ownIn && kept(own)) list.push(own);
  }
  moveStart[E + 1] = list.length;
  // A date-only crossing's sets are those of its block's group crossings: the same for every
  // date-only crossing of the block, so listed once per block, after the group crossings' lists.

  const moves = list.done();
  const wildSetStart = new Int32Array(g.blocks + 1);
  const seen = new Int32Array(E + 1);
  for (let bl = 0; bl < g.blocks; bl++) {
    wildSetStart[bl] = list.length;
    const f = g.wildFirst[bl]!;
    for (let eid = f; eid < f + g.wildCount[bl]!; eid++)
      for (let j = moveStart[eid]!; j < moveStart[eid + 1]!; j++) {
        const c = moves[j]!;
        if (seen[c] === bl + 1) continue;
        seen[c] = bl + 1;
        list.push(c);
      }
  }
  wildSetStart[g.blocks] = list.length;

  return { moveStart, wildSetStart, sets: list.done() };
}

/**
 * Step 3b, co-movement: sets that cross together are one team. A team whose members pass the
 * counter in vans minutes apart, or whose crossing the time gap cut for another reason, comes
 * out of the links as several sets with no person in common; cycle after cycle their group
 * crossings still follow each other within CONVOY_MINUTES on the same port-day, while teams on
 * cycles of their own drift apart, and teams hours apart never meet. A convoy is a run of group
 * crossings of one block (port, day, direction, papers) each starting at most CONVOY_MINUTES
 * after the one before ends. Two sets are joined when they were in one convoy three times or more
 * and in at least CO_MOVING of the convoys of the set that had fewer, and the sponsors recorded on
 * them are not disjoint (two employers' teams that drift into phase for a while stay apart).
 */
const CONVOY_MINUTES = 60;
const CO_MOVING = 0.34;

function joinCoMoving(x: CohortCrossings, g: GroupCrossings, r: Repaired, G: number): Repaired {
  const { E } = g;
  const kept = (c: number) => r.homeCount[c]! >= G;
  const convoys = new Int32Array(E + 1);
  const pairCount = new Map<number, number>();
  const convoy: number[] = [];
  const close = () => {
    const sets = [...new Set(convoy)].sort((a, b) => a - b);
    for (const c of sets) convoys[c]!++;
    for (let u = 0; u < sets.length; u++)
      for (let v = u + 1; v < sets.length; v++) {
        const key = sets[u]! * (E + 1) + sets[v]!;
        pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
      }
    convoy.length = 0;
  };
  // Group crossings of a block are consecutive numbers, timed runs in time order.
  let lastEnd = 0;
  for (let eid = 1; eid <= E; eid++) {
    const start = x.minute[g.eStart[eid]!]!;
    const sameBlock = eid > 1 && g.eBlock[eid] === g.eBlock[eid - 1];
    if (!sameBlock || start === NO_MINUTE || start - lastEnd > CONVOY_MINUTES) close();
    lastEnd = x.minute[g.eEnd[eid]! - 1]!;
    const c = r.comp[eid]!;
    if (kept(c) && start !== NO_MINUTE) convoy.push(c);
  }
  close();
  const sponsors = setSponsors(x, g, r, kept);
  const uf = new UnionFind(E + 1);
  let joined = false;
  for (const [key, n] of pairCount) {
    const a = Math.floor(key / (E + 1));
    const b = key % (E + 1);
    const fewer = Math.min(convoys[a]!, convoys[b]!);
    if (n >= 3 && n >= CO_MOVING * fewer && sponsorsMeet(sponsors, a, b)) {
      uf.union(a, b);
      joined = true;
    }
  }
  if (!joined) return r;
  // Each joined set is named by its smallest member set.
  const canon = namedSets(uf, E);
  const comp = Int32Array.from(r.comp, (c) => canon[c]!);
  const home = Int32Array.from(r.home, (c) => canon[c]!);
  const homeCount = new Int32Array(E + 1);
  for (const c of home) if (c > 0) homeCount[c]!++;
  return { comp, home, homeCount };
}

/** Sponsor keys that recur on each kept set's group crossings (twice, and 5 % of its keys). */
function setSponsors(
  x: CohortCrossings,
  g: GroupCrossings,
  r: Repaired,
  kept: (c: number) => boolean,
): Map<number, Set<number>> {
  const counts = new Map<number, Map<number, number>>();
  for (let eid = 1; eid <= g.E; eid++) {
    const c = r.comp[eid]!;
    if (!kept(c)) continue;
    const m = counts.get(c) ?? new Map<number, number>();
    for (let i = g.eStart[eid]!; i < g.eEnd[eid]!; i++)
      if (x.sk[i]! > 0) m.set(x.sk[i]!, (m.get(x.sk[i]!) ?? 0) + 1);
    counts.set(c, m);
  }
  const out = new Map<number, Set<number>>();
  for (const [c, m] of counts) {
    let total = 0;
    for (const n of m.values()) total += n;
    out.set(c, new Set([...m].filter(([, n]) => n >= 2 && 20 * n >= total).map(([k]) => k)));
  }
  return out;
}

/** Whether two sets' recurring sponsors meet, or either has none recorded. */
function sponsorsMeet(sponsors: Map<number, Set<number>>, a: number, b: number): boolean {
  const sa = sponsors.get(a);
  const sb = sponsors.get(b);
  if (!sa || !sb || sa.size === 0 || sb.size === 0) return true;
  for (const k of sa) if (sb.has(k)) return true;
  return false;
}

/** Crossings of a unit — group crossing u ≤ E, else block u − E − 1's date-only crossings. */
function unitRange(g: GroupCrossings, u: number): [number, number] {
  if (u <= g.E) return [g.eStart[u]!, g.eEnd[u]!];
  const bl = u - g.E - 1;
  if (g.wildCount[bl] === 0) return [0, 0];
  let w = g.bStart[bl + 1]!;
  while (w > g.bStart[bl]! && g.run[w - 1] === 0) w--;
  return [w, g.bStart[bl + 1]!];
}

function unitSets(g: GroupCrossings, mv: Movements, u: number): [number, number] {
  return u <= g.E
    ? [mv.moveStart[u]!, mv.moveStart[u + 1]!]
    : [mv.wildSetStart[u - g.E - 1]!, mv.wildSetStart[u - g.E]!];
}

/** What a set's members travel on and under: papers allowed, sets of each sponsor key. */
interface SetProfiles {
  maxVk: number;
  /** visaOk[c · (maxVk + 1) + vk] = 1 when set c's members travel on papers vk. */
  visaOk: Uint8Array;
  /** Sets recorded under each sponsor key. */
  skSets: number[][];
}

/**
 * A set's profile: the sponsor keys (tags 1 … maxSk) and papers (maxSk + vk) recorded on its
 * movements; a value must recur (twice, and 5 % of the set's values of its kind), so one stray
 * traveller does not lend the set a sponsor. Counted per unit, then per set over its units.
 */
function setProfiles(x: CohortCrossings, g: GroupCrossings, mv: Movements): SetProfiles {
  let maxSk = 0;
  let maxVk = 0;
  for (let i = 0; i < x.pid.length; i++) {
    if (x.sk[i]! > maxSk) maxSk = x.sk[i]!;
    if (x.vk[i]! > maxVk) maxVk = x.vk[i]!;
  }
  const tagCnt = new Int32Array(maxSk + maxVk + 1);
  const tagTouched = new Int32Array(maxSk + maxVk + 1);
  const units = g.E + 1 + g.blocks;
  const histStart = new Int32Array(units + 1);
  const histTag = new IntList();
  const histCnt = new IntList();
  for (let u = 1; u < units; u++) {
    histStart[u] = histTag.length;
    const [from, to] = unitRange(g, u);
    let nt = 0;
    for (let i = from; i < to; i++) {
      const sk = x.sk[i]!;
      if (sk > 0 && tagCnt[sk]!++ === 0) tagTouched[nt++] = sk;
      const v = x.vk[i]!;
      if (v > 0 && tagCnt[maxSk + v]!++ === 0) tagTouched[nt++] = maxSk + v;
    }
    for (let j = 0; j < nt; j++) {
      histTag.push(tagTouched[j]!);
      histCnt.push(tagCnt[tagTouched[j]!]!);
      tagCnt[tagTouched[j]!] = 0;
    }
  }
  histStart[units] = histTag.length;
  const hist = { start: histStart, tag: histTag.done(), cnt: histCnt.done() };
  const cu = unitsPerSet(g, mv, units);
  const visaOk = new Uint8Array((g.E + 1) * (maxVk + 1));
  const skSets: number[][] = Array.from({ length: maxSk + 1 }, () => []);
  for (let c = 1; c <= g.E; c++) {
    let nt = 0;
    for (let j = cu.start[c]!; j < cu.start[c + 1]!; j++) {
      const u = cu.list[j]!;
      for (let h = hist.start[u]!; h < hist.start[u + 1]!; h++) {
        const t = hist.tag[h]!;
        if (tagCnt[t] === 0) tagTouched[nt++] = t;
        tagCnt[t]! += hist.cnt[h]!;
      }
    }
    let sponsorTotal = 0;
    let visaTotal = 0;
    for (let j = 0; j < nt; j++) {
      const t = tagTouched[j]!;
      if (t > maxSk) visaTotal += tagCnt[t]!;
      else sponsorTotal += tagCnt[t]!;
    }
    for (let j = 0; j < nt; j++) {
      const t = tagTouched[j]!;
      const n = tagCnt[t]!;
      tagCnt[t] = 0;
      if (n < 2 || 20 * n < (t > maxSk ? visaTotal : sponsorTotal)) continue;
      if (t > maxSk) visaOk[c * (maxVk + 1) + t - maxSk] = 1;
      else skSets[t]!.push(c);
    }
  }
  return { maxVk, visaOk, skSets };
}

/** Units per set (the inverse of the units' set lists), CSR. */
function unitsPerSet(g: GroupCrossings, mv: Movements, units: number) {
  const start = new Int32Array(g.E + 2);
  for (let u = 1; u < units; u++) {
    const [f, t] = unitSets(g, mv, u);
    for (let j = f; j < t; j++) start[mv.sets[j]! + 1]!++;
  }
  for (let c = 0; c <= g.E; c++) start[c + 1]! += start[c]!;
  const list = new Int32Array(start[g.E + 1]!);
  const fill = start.slice(0, g.E + 1);
  for (let u = 1; u < units; u++) {
    const [f, t] = unitSets(g, mv, u);
    for (let j = f; j < t; j++) list[fill[mv.sets[j]!]!++] = u;
  }
  return { start, list };
}

/** Movement days per city and direction, once per set, in one slot per day, direction and city. */
interface MovementDays {
  minDay: number;
  maxDay: number;
  /** Slots between two days one apart. */
  slotDay: number;
  slotOf: (day: number, out: number, cno: number) => number;
  sets: (number[] | undefined)[];
}

function movementDays(x: CohortCrossings, g: GroupCrossings, mv: Movements): MovementDays {
  const N = x.pid.length;
  let minDay = N > 0 ? x.day[0]! : 0;
  let maxDay = minDay;
  let maxCno = 0;
  for (let i = 0; i < N; i++) {
    if (x.day[i]! < minDay) minDay = x.day[i]!;
    if (x.day[i]! > maxDay) maxDay = x.day[i]!;
    if (x.cno[i]! > maxCno) maxCno = x.cno[i]!;
  }
  const slotOf = (day: number, out: number, cno: number) =>
    ((day - minDay) * 2 + out) * (maxCno + 1) + cno;
  const sets: (number[] | undefined)[] = new Array((maxDay - minDay + 1) * 2 * (maxCno + 1));
  const seen = new Set<number>();
  for (let eid = 1; eid <= g.E; eid++) {
    const i = g.eStart[eid]!;
    const slot = slotOf(x.day[i]!, x.out[i]!, x.cno[i]!);
    for (let j = mv.moveStart[eid]!; j < mv.moveStart[eid + 1]!; j++) {
      const c = mv.sets[j]!;
      if (seen.has(slot * (g.E + 1) + c)) continue;
      seen.add(slot * (g.E + 1) + c);
      const l = sets[slot];
      if (l) l.push(c);
      else sets[slot] = [c];
    }
  }
  return { minDay, maxDay, slotDay: 2 * (maxCno + 1), slotOf, sets };
}

/** The columns membership reads, in person order (CSR by xStart). */
interface PersonCrossings {
  xStart: Int32Array;
  day: Int32Array;
  slot: Int32Array;
  sk: Int32Array;
  vk: Int32Array;
  spid: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

/** Gathered into person order once: read through the person index, every crossing would miss
 * the cache. */
function personCrossings(
  x: CohortCrossings,
  g: GroupCrossings,
  mv: Movements,
  md: MovementDays,
  persons: number,
): PersonCrossings {
  const N = x.pid.length;
  const xStart = new Int32Array(persons + 1);
  for (let i = 0; i < N; i++) xStart[x.pid[i]! + 1]!++;
  for (let q = 0; q < persons; q++) xStart[q + 1]! += xStart[q]!;
  const pc: PersonCrossings = {
    xStart,
    day: new Int32Array(N),
    slot: new Int32Array(N),
    sk: new Int32Array(N),
    vk: new Int32Array(N),
    spid: new Int32Array(N),
    from: new Int32Array(N),
    to: new Int32Array(N),
  };
  const fill = xStart.slice(0, persons);
  for (let i = 0; i < N; i++) {
    const j = fill[x.pid[i]!]!++;
    pc.day[j] = x.day[i]!;
    pc.slot[j] = md.slotOf(x.day[i]!, x.out[i]!, x.cno[i]!);
    pc.sk[j] = x.sk[i]!;
    pc.vk[j] = x.vk[i]!;
    pc.spid[j] = x.spid[i]!;
    const eid = g.memberEid[i]!;
    const bl = g.block[i]!;
    if (eid > 0) {
      pc.from[j] = mv.moveStart[eid]!;
      pc.to[j] = mv.moveStart[eid + 1]!;
    } else if (g.run[i] === 0 && g.wildCount[bl]! > 0) {
      pc.from[j] = mv.wildSetStart[bl]!;
      pc.to[j] = mv.wildSetStart[bl + 1]!;
    }
  }
  return pc;
}

/** Step 4's result per person: the set joined (0: none), crossings on its movements (hits),
 * straggler crossings near them (off), and the day of the person's first crossing. */
interface Assignment {
  seed: Int32Array;
  hits: Int32Array;
  off: Int32Array;
  firstDay: Int32Array;
}

/**
 * Step 4, membership: every person joins the set whose movements cover most of their
 * crossings, at least min_coverage of them, among sets whose members travel on the person's
 * papers. A crossing on no movement counts for a set with a movement within straggler_days of
 * it (same city and direction) when the person was recorded under one of the set's sponsors.
 */
class Membership {
  private readonly exact: Int32Array;
  private readonly near: Int32Array;
  private readonly touched: Int32Array;
  private readonly fitStamp: Int32Array;
  private readonly nearStamp: Int32Array;
  private readonly skStamp: Int32Array;
  private readonly covers: (n: number, t: number) => boolean;
  private readonly visas: number[] = [];
  readonly out: Assignment;

  constructor(
    private readonly pc: PersonCrossings,
    private readonly mv: Movements,
    private readonly prof: SetProfiles,
    private readonly md: MovementDays,
    private readonly p: CohortParams,
    E: number,
    persons: number,
  ) {
    this.exact = new Int32Array(E + 1);
    this.near = new Int32Array(E + 1);
    this.touched = new Int32Array(E + 1);
    this.fitStamp = new Int32Array(E + 1);
    this.nearStamp = new Int32Array(E + 1);
    this.skStamp = new Int32Array(prof.skSets.length);
    this.covers = atLeastFn(p.min_coverage);
    this.out = {
      seed: new Int32Array(persons),
      hits: new Int32Array(persons),
      off: new Int32Array(persons),
      firstDay: new Int32Array(persons),
    };
  }

  /** Counts the person's crossings on each set's movements; returns the sets touched. */
  private countExact(q: number): { nt: number; fits: boolean } {
    const { pc, mv } = this;
    let nt = 0;
    let fits = false;
    let fd = pc.day[pc.xStart[q]!]!;
    this.visas.length = 0;
    for (let j = pc.xStart[q]!; j < pc.xStart[q + 1]!; j++) {
      if (pc.day[j]! < fd) fd = pc.day[j]!;
      for (let u = pc.from[j]!; u < pc.to[j]!; u++) {
        const c = mv.sets[u]!;
        if (this.exact[c]!++ === 0) this.touched[nt++] = c;
      }
      // Each sponsor key once per person: most persons cross under one sponsor on every trip.
      const sk = pc.sk[j]!;
      const l = this.prof.skSets[sk];
      if (l && l.length > 0 && this.skStamp[sk] !== q + 1) {
        this.skStamp[sk] = q + 1;
        for (const c of l) this.fitStamp[c] = q + 1;
        fits = true;
      }
      const v = pc.vk[j]!;
      if (v > 0 && !this.visas.includes(v)) this.visas.push(v);
    }
    this.out.firstDay[q] = fd;
    return { nt, fits };
  }

  /** Straggler crossings: off every movement, within straggler_days of one of a fitting set. */
  private countNear(q: number, nt: number): number {
    const { pc, md } = this;
    const days = this.p.straggler_days;
    for (let j = pc.xStart[q]!; j < pc.xStart[q + 1]!; j++) {
      if (pc.to[j]! > pc.from[j]!) continue;
      for (let o = -days; o <= days; o++) {
        const day = pc.day[j]! + o;
        if (day < md.minDay || day > md.maxDay) continue;
        const l = md.sets[pc.slot[j]! + o * md.slotDay];
        if (!l) continue;
        for (const c of l) {
          if (this.fitStamp[c] !== q + 1 || this.nearStamp[c] === j + 1) continue;
          this.nearStamp[c] = j + 1;
          if (this.near[c]!++ === 0 && this.exact[c] === 0) this.touched[nt++] = c;
        }
      }
    }
    return nt;
  }

  assign(q: number): void {
    const n = this.pc.xStart[q + 1]! - this.pc.xStart[q]!;
    if (n === 0) return;
    let { nt, fits } = this.countExact(q);
    if (fits) nt = this.countNear(q, nt);
    const { out, prof } = this;
    const stride = prof.maxVk + 1;
    let best = 0;
    for (let u = 0; u < nt; u++) {
      const c = this.touched[u]!;
      const e = this.exact[c]!;
      const nr = this.near[c]!;
      this.exact[c] = 0;
      this.near[c] = 0;
      if (!this.covers(e + nr, n)) continue;
      if (!(e >= this.p.min_shared_crossings || e === n || nr > 0)) continue;
      if (this.visas.length > 0 && !this.visas.some((v) => prof.visaOk[c * stride + v] === 1))
        continue;
      const bs = out.hits[q]! + out.off[q]!;
      if (
        best === 0 ||
        e + nr > bs ||
        (e + nr === bs && (e > out.hits[q]! || (e === out.hits[q] && c < best)))
      ) {
        best = c;
        out.hits[q] = e;
        out.off[q] = nr;
      }
    }
    out.seed[q] = best;
  }
}

/**
 * Movements per port-day, with the members who crossed in them: a port-day's group crossings
 * are consecutive numbers, and each member has at most one crossing on a port-day.
 */
function movementsOut(
  x: CohortCrossings,
  g: GroupCrossings,
  mv: Movements,
  seed: Int32Array,
  size: Int32Array,
  G: number,
): CohortSets["movements"] {
  const { E } = g;
  const rows = new CountRows(); // group: the port-day's first crossing; key: the set
  const mark = new Int32Array(E + 1);
  const onDay = new Int32Array(E + 1);
  const cnt = new Int32Array(E + 1);
  const touched = new Int32Array(E + 1);
  let markNo = 0;
  let dayNo = 0;
  for (let r = 0; r < E; ) {
    const first = r + 1;
    const i0 = g.eStart[first]!;
    let last = first;
    while (last + 1 <= E && !startsPortDayAt(x, i0, g.eStart[last + 1]!)) last++;
    dayNo++;
    let nt = 0;
    const count = (from: number, to: number, setsFrom: number, setsTo: number) => {
      markNo++;
      for (let j = setsFrom; j < setsTo; j++) {
        const c = mv.sets[j]!;
        mark[c] = markNo;
        if (size[c]! >= G && onDay[c] !== dayNo) {
          onDay[c] = dayNo;
          cnt[c] = 0;
          touched[nt++] = c;
        }
      }
      for (let i = from; i < to; i++) {
        const s = seed[x.pid[i]!]!;
        if (s > 0 && mark[s] === markNo) cnt[s]!++;
      }
    };
    let lastWild = -1;
    for (let eid = first; eid <= last; eid++) {
      count(g.eStart[eid]!, g.eEnd[eid]!, mv.moveStart[eid]!, mv.moveStart[eid + 1]!);
      const bl = g.eBlock[eid]!;
      if (g.wildCount[bl]! > 0 && bl !== lastWild) {
        lastWild = bl;
        const [from, to] = unitRange(g, E + 1 + bl);
        count(from, to, mv.wildSetStart[bl]!, mv.wildSetStart[bl + 1]!);
      }
    }
    rows.drain(i0, touched, nt, cnt);
    r = last;
  }
  const at = rows.group.done();
  return {
    seed: rows.key.done(),
    day: Int32Array.from(at, (i) => x.day[i]!),
    pno: Int32Array.from(at, (i) => x.pno[i]!),
    out: Uint8Array.from(at, (i) => x.out[i]!),
    present: rows.n.done(),
  };
}

/** Whether crossings i and j lie on different port-days (port, day, direction). */
function startsPortDayAt(x: CohortCrossings, i: number, j: number): boolean {
  return x.pno[i] !== x.pno[j] || x.day[i] !== x.day[j] || x.out[i] !== x.out[j];
}

/** Sponsor spellings per cohort, over its members' crossings. */
function sponsorsOut(pc: PersonCrossings, members: Int32Array, seed: Int32Array) {
  const rows = new CountRows(); // group: the cohort's seed; key: the sponsor spelling
  let maxSpid = 0;
  for (let j = 0; j < pc.spid.length; j++) if (pc.spid[j]! > maxSpid) maxSpid = pc.spid[j]!;
  const spCnt = new Int32Array(maxSpid + 1);
  const spTouched = new Int32Array(maxSpid + 1);
  const bySeed = Int32Array.from(members).sort((u, v) => seed[u]! - seed[v]! || u - v);
  for (let a = 0; a < bySeed.length; ) {
    const s = seed[bySeed[a]!]!;
    let nt = 0;
    for (; a < bySeed.length && seed[bySeed[a]!] === s; a++) {
      const q = bySeed[a]!;
      for (let j = pc.xStart[q]!; j < pc.xStart[q + 1]!; j++) {
        const sp = pc.spid[j]!;
        if (sp > 0 && spCnt[sp]!++ === 0) spTouched[nt++] = sp;
      }
    }
    rows.drain(s, spTouched, nt, spCnt);
  }
  return { seed: rows.group.done(), spid: rows.key.done(), n: rows.n.done() };
}

/** The parts of findCohorts in order; `lap` is called with each as it ends (for timing). */
export const COHORT_PARTS = ["groups", "links", "repairs", "convoys", "membership", "out"] as const;
export type CohortPart = (typeof COHORT_PARTS)[number];

export function findCohorts(
  x: CohortCrossings,
  persons: number,
  p: CohortParams,
  lap: (part: CohortPart) => void = () => {},
): CohortSets {
  const G = p.min_group_size;
  const g = groupCrossings(x, p);
  lap("groups");
  const repaired = linkAndRepair(x, g, persons, p, lap);
  const joined = joinCoMoving(x, g, repaired, G);
  lap("convoys");
  const mv = movementLists(x, g, joined, G);
  const prof = setProfiles(x, g, mv);
  const md = movementDays(x, g, mv);
  const pc = personCrossings(x, g, mv, md, persons);
  const membership = new Membership(pc, mv, prof, md, p, g.E, persons);
  for (let q = 0; q < persons; q++) membership.assign(q);
  lap("membership");
  const { seed, hits, off, firstDay } = membership.out;
  // Only sets with min_group_size members are cohorts.
  const size = new Int32Array(g.E + 1);
  for (let q = 0; q < persons; q++) if (seed[q]! > 0) size[seed[q]!]!++;
  for (let q = 0; q < persons; q++) if (size[seed[q]!]! < G) seed[q] = 0;
  const ids = new IntList();
  for (let q = 0; q < persons; q++) if (seed[q]! > 0) ids.push(q);
  const mp = ids.done();
  const pick = (a: Int32Array) => Int32Array.from(mp, (q) => a[q]!);
  const out = {
    group_crossings: g.E,
    members: {
      pid: mp,
      seed: pick(seed),
      hits: pick(hits),
      off_days: pick(off),
      n: Int32Array.from(mp, (q) => pc.xStart[q + 1]! - pc.xStart[q]!),
      first_day: pick(firstDay),
    },
    movements: movementsOut(x, g, mv, seed, size, G),
    sponsors: sponsorsOut(pc, mp, seed),
  };
  lap("out");
  return out;
}

/**
 * Steps 2 and 3, over the persons' sequences of group crossings, which nothing after them reads:
 * built here, they are garbage once the repaired sets are returned, before the membership
 * step's arrays (8 bytes a crossing less at the step's peak).
 */
function linkAndRepair(
  x: CohortCrossings,
  g: GroupCrossings,
  persons: number,
  p: CohortParams,
  lap: (part: CohortPart) => void,
): Repaired {
  const seq = personSequences(x, g, persons);
  const linked = linkSets(x, g, seq, p);
  lap("links");
  const repaired = repairSets(linked, seq, persons, g.E, p.min_group_size);
  lap("repairs");
  return repaired;
}

/** Each group crossing's set, named by the set's first group crossing (so ties break the same
 * way on every run, whatever order the links came in). */
function namedSets(uf: UnionFind, events: number): Int32Array {
  const comp = new Int32Array(events + 1);
  const first = new Int32Array(events + 1);
  for (let eid = 1; eid <= events; eid++) {
    const root = uf.find(eid);
    if (first[root] === 0) first[root] = eid;
    comp[eid] = first[root]!;
  }
  return comp;
}
