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

/** Whether crossing `i` (in port-day order) starts a new port, day and direction. */
export function startsPortDay(x: CohortCrossings, i: number): boolean {
  return (
    i === 0 || x.pno[i] !== x.pno[i - 1] || x.day[i] !== x.day[i - 1] || x.out[i] !== x.out[i - 1]
  );
}

export function findCohorts(x: CohortCrossings, persons: number, p: CohortParams): CohortSets {
  const N = x.pid.length;
  const G = p.min_group_size;
  const linkOk = atLeastFn(p.link_min_jaccard);
  const covers = atLeastFn(p.min_coverage);

  // 1. Port-days (blocks) and timed runs within them: run 0 is the date-only crossings.
  const block = new Int32Array(N);
  const run = new Int32Array(N);
  const blockStart = new IntList();
  let b = -1;
  let k = 0;
  let prev = 0;
  for (let i = 0; i < N; i++) {
    if (startsPortDay(x, i)) {
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
  const blocks = b + 1;
  blockStart.push(N);
  const bStart = blockStart.done();

  // Group crossings: timed runs of min_group_size or more; else the whole port-day.
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
    if (timed === 0 && e - s >= G) {
      evB.push(bl);
      evK.push(0);
      evS.push(s);
      evE.push(e);
    }
  }
  // Numbered by day, port, direction and run: the first group crossing names its set, so the
  // numbers decide which set wins a tie.
  const order = evB.map((_, i) => i);
  const at = (i: number) => bStart[evB[i]!]!;
  order.sort(
    (u, v) =>
      x.day[at(u)]! - x.day[at(v)]! ||
      x.pno[at(u)]! - x.pno[at(v)]! ||
      x.out[at(u)]! - x.out[at(v)]! ||
      evK[u]! - evK[v]!,
  );
  const E = order.length;
  const eBlock = new Int32Array(E + 1);
  const eStart = new Int32Array(E + 1);
  const eEnd = new Int32Array(E + 1);
  const memberEid = new Int32Array(N);
  // Date-only crossings on a port-day with timed group crossings match each of them: those are
  // consecutive numbers, first … first + count − 1.
  const wildFirst = new Int32Array(blocks);
  const wildCount = new Int32Array(blocks);
  for (let r = 0; r < E; r++) {
    const eid = r + 1;
    const o = order[r]!;
    eBlock[eid] = evB[o]!;
    eStart[eid] = evS[o]!;
    eEnd[eid] = evE[o]!;
    for (let i = evS[o]!; i < evE[o]!; i++) memberEid[i] = eid;
    if (evK[o]! > 0) {
      if (wildCount[evB[o]!] === 0) wildFirst[evB[o]!] = eid;
      wildCount[evB[o]!]!++;
    }
  }
  const sz = (eid: number) => eEnd[eid]! - eStart[eid]!;
  const isWild = (i: number) => memberEid[i] === 0 && run[i] === 0 && wildCount[block[i]!]! > 0;

  // Each person's member group crossings in order (CSR), and each member crossing's place in it.
  const memStart = new Int32Array(persons + 1);
  for (let i = 0; i < N; i++) if (memberEid[i]! > 0) memStart[x.pid[i]! + 1]!++;
  for (let q = 0; q < persons; q++) memStart[q + 1]! += memStart[q]!;
  const memList = new Int32Array(memStart[persons]!);
  const memPos = new Int32Array(N);
  {
    const fill = memStart.slice(0, persons);
    for (let eid = 1; eid <= E; eid++)
      for (let i = eStart[eid]!; i < eEnd[eid]!; i++) {
        const q = fill[x.pid[i]!]!++;
        memList[q] = eid;
        memPos[i] = q;
      }
  }

  // 2. Links: pairs of group crossings within link_reach of each other in some person's
  // sequence, counted per first group crossing in one counter array.
  const uf = new UnionFind(E + 1);
  const cnt = new Int32Array(E + 1);
  const touched = new Int32Array(E + 1);
  for (let a = 1; a <= E; a++) {
    let nt = 0;
    for (let i = eStart[a]!; i < eEnd[a]!; i++) {
      const end = memStart[x.pid[i]! + 1]!;
      const pos = memPos[i]!;
      for (let t = 1; t <= p.link_reach && pos + t < end; t++) {
        const c = memList[pos + t]!;
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
  let comp = namedSets(uf, E);

  // 3. Repairs. Home: the set holding most of a person's group crossings (ties: the lower set).
  const home = new Int32Array(persons);
  const homeCount = new Int32Array(E + 1);
  const findHomes = () => {
    homeCount.fill(0);
    for (let q = 0; q < persons; q++) {
      let nt = 0;
      for (let j = memStart[q]!; j < memStart[q + 1]!; j++) {
        const c = comp[memList[j]!]!;
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
  };
  findHomes();
  // Sets cut apart by long shared stretches: joined when enough persons hold a quarter or more
  // of their group crossings (in sets home to min_group_size or more) in both.
  const pairCount = new Map<number, number>();
  for (let q = 0; q < persons; q++) {
    let nt = 0;
    let tot = 0;
    for (let j = memStart[q]!; j < memStart[q + 1]!; j++) {
      const c = comp[memList[j]!]!;
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
    if (n >= 3 && 5 * n >= Math.min(homeCount[a]!, homeCount[c]!)) {
      uf.union(a, c);
      bridged = true;
    }
  }
  if (bridged) {
    comp = namedSets(uf, E);
    findHomes();
  }
  const kept = (c: number) => homeCount[c]! >= G;

  // Movements: each group crossing of a kept set, and each group crossing holding
  // min_group_size of a kept set's home persons, or a quarter of its persons.
  const moveStart = new Int32Array(E + 2);
  const moveList = new IntList();
  for (let eid = 1; eid <= E; eid++) {
    moveStart[eid] = moveList.length;
    let nt = 0;
    for (let i = eStart[eid]!; i < eEnd[eid]!; i++) {
      const h = home[x.pid[i]!]!;
      if (h > 0 && kept(h) && cnt[h]!++ === 0) touched[nt++] = h;
    }
    const own = comp[eid]!;
    let ownIn = false;
    for (let j = 0; j < nt; j++) {
      const c = touched[j]!;
      if (cnt[c]! >= G || 4 * cnt[c]! >= sz(eid) || (c === own && kept(own))) {
        moveList.push(c);
        if (c === own) ownIn = true;
      }
      cnt[c] = 0;
    }
    if (!ownIn && kept(own)) moveList.push(own);
  }
  moveStart[E + 1] = moveList.length;
  const moves = moveList.done();

  // The sets a date-only wildcard's group crossings are movements of: the same for every
  // wildcard of a port-day, so listed once per port-day, after the group crossings' lists.
  const M = moves.length;
  const setList = new IntList();
  for (let j = 0; j < M; j++) setList.push(moves[j]!);
  const wildSetStart = new Int32Array(blocks + 1);
  {
    const seen = new Int32Array(E + 1);
    for (let bl = 0; bl < blocks; bl++) {
      wildSetStart[bl] = setList.length;
      const f = wildFirst[bl]!;
      for (let eid = f; eid < f + wildCount[bl]!; eid++)
        for (let j = moveStart[eid]!; j < moveStart[eid + 1]!; j++) {
          const c = moves[j]!;
          if (seen[c] === bl + 1) continue;
          seen[c] = bl + 1;
          setList.push(c);
        }
    }
    wildSetStart[blocks] = setList.length;
  }
  const sets = setList.done();
  /** Where crossing i's sets are in `sets`: [setFrom(i), setTo(i)). */
  const setFrom = (i: number) =>
    memberEid[i]! > 0 ? moveStart[memberEid[i]!]! : isWild(i) ? wildSetStart[block[i]!]! : 0;
  const setTo = (i: number) =>
    memberEid[i]! > 0
      ? moveStart[memberEid[i]! + 1]!
      : isWild(i)
        ? wildSetStart[block[i]! + 1]!
        : 0;

  // A set's profile: the sponsor keys (tags 1 … maxSk) and visa types (maxSk + vk) recorded on
  // its movements; a value must recur (twice, and 5 % of the set's values of its kind), so one
  // stray traveller does not lend the set a sponsor. Counted per unit — a group crossing's
  // members, a port-day's wildcards — then per set over its units, in one dense counter.
  let maxSk = 0;
  let maxVk = 0;
  for (let i = 0; i < N; i++) {
    if (x.sk[i]! > maxSk) maxSk = x.sk[i]!;
    if (x.vk[i]! > maxVk) maxVk = x.vk[i]!;
  }
  const TAGS = maxSk + maxVk + 1;
  const tagCnt = new Int32Array(TAGS);
  const tagTouched = new Int32Array(TAGS);
  const units = E + 1 + blocks;
  const histStart = new Int32Array(units + 1);
  const histTag = new IntList();
  const histCnt = new IntList();
  const unitRange = (u: number): [number, number] => {
    if (u <= E) return [eStart[u]!, eEnd[u]!];
    const bl = u - E - 1;
    if (wildCount[bl] === 0) return [0, 0];
    let w = bStart[bl + 1]!;
    while (w > bStart[bl]! && run[w - 1] === 0) w--;
    return [w, bStart[bl + 1]!];
  };
  const unitSets = (u: number): [number, number] =>
    u <= E ? [moveStart[u]!, moveStart[u + 1]!] : [wildSetStart[u - E - 1]!, wildSetStart[u - E]!];
  for (let u = 1; u < units; u++) {
    histStart[u] = histTag.length;
    const [from, to] = unitRange(u);
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
  const hTag = histTag.done();
  const hCnt = histCnt.done();
  // Units per set (inverse of the units' set lists).
  const cuStart = new Int32Array(E + 2);
  for (let u = 1; u < units; u++) {
    const [f, t] = unitSets(u);
    for (let j = f; j < t; j++) cuStart[sets[j]! + 1]!++;
  }
  for (let c = 0; c <= E; c++) cuStart[c + 1]! += cuStart[c]!;
  const cuList = new Int32Array(cuStart[E + 1]!);
  {
    const fill = cuStart.slice(0, E + 1);
    for (let u = 1; u < units; u++) {
      const [f, t] = unitSets(u);
      for (let j = f; j < t; j++) cuList[fill[sets[j]!]!++] = u;
    }
  }
  const visaOk = new Uint8Array((E + 1) * (maxVk + 1));
  const skSets: number[][] = Array.from({ length: maxSk + 1 }, () => []);
  for (let c = 1; c <= E; c++) {
    if (cuStart[c] === cuStart[c + 1]) continue;
    let nt = 0;
    for (let j = cuStart[c]!; j < cuStart[c + 1]!; j++) {
      const u = cuList[j]!;
      for (let h = histStart[u]!; h < histStart[u + 1]!; h++) {
        const t = hTag[h]!;
        if (tagCnt[t] === 0) tagTouched[nt++] = t;
        tagCnt[t]! += hCnt[h]!;
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

  // Movement days per city and direction, once per set (a busy day has many group crossings),
  // in one slot per day, direction and city.
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
  const slots = (maxDay - minDay + 1) * 2 * (maxCno + 1);
  const mdSets: (number[] | undefined)[] = new Array(slots);
  {
    const seen = new Set<number>();
    for (let eid = 1; eid <= E; eid++) {
      const i = eStart[eid]!;
      const slot = slotOf(x.day[i]!, x.out[i]!, x.cno[i]!);
      for (let j = moveStart[eid]!; j < moveStart[eid + 1]!; j++) {
        const c = moves[j]!;
        if (seen.has(slot * (E + 1) + c)) continue;
        seen.add(slot * (E + 1) + c);
        const l = mdSets[slot];
        if (l) l.push(c);
        else mdSets[slot] = [c];
      }
    }
  }

  // 4. Membership, person by person over all their crossings: the columns it reads, gathered
  // into person order once (reading them through the person index would miss the cache on
  // every crossing).
  const xStart = new Int32Array(persons + 1);
  for (let i = 0; i < N; i++) xStart[x.pid[i]! + 1]!++;
  for (let q = 0; q < persons; q++) xStart[q + 1]! += xStart[q]!;
  const pDay = new Int32Array(N);
  const pSlot = new Int32Array(N);
  const pSk = new Int32Array(N);
  const pVk = new Int32Array(N);
  const pSpid = new Int32Array(N);
  const pFrom = new Int32Array(N);
  const pTo = new Int32Array(N);
  {
    const fill = xStart.slice(0, persons);
    for (let i = 0; i < N; i++) {
      const j = fill[x.pid[i]!]!++;
      pDay[j] = x.day[i]!;
      pSlot[j] = slotOf(x.day[i]!, x.out[i]!, x.cno[i]!);
      pSk[j] = x.sk[i]!;
      pVk[j] = x.vk[i]!;
      pSpid[j] = x.spid[i]!;
      pFrom[j] = setFrom(i);
      pTo[j] = setTo(i);
    }
  }
  const slotDay = 2 * (maxCno + 1);
  const exact = new Int32Array(E + 1);
  const near = new Int32Array(E + 1);
  const fitStamp = new Int32Array(E + 1);
  const nearStamp = new Int32Array(E + 1);
  const skStamp = new Int32Array(maxSk + 1);
  const seed = new Int32Array(persons);
  const hitsOf = new Int32Array(persons);
  const offOf = new Int32Array(persons);
  const firstDay = new Int32Array(persons);
  const visas: number[] = [];
  for (let q = 0; q < persons; q++) {
    const from = xStart[q]!;
    const to = xStart[q + 1]!;
    const n = to - from;
    if (n === 0) continue;
    let nt = 0;
    let fd = pDay[from]!;
    let fits = false;
    visas.length = 0;
    for (let j = from; j < to; j++) {
      if (pDay[j]! < fd) fd = pDay[j]!;
      for (let u = pFrom[j]!; u < pTo[j]!; u++) {
        const c = sets[u]!;
        if (exact[c]!++ === 0) touched[nt++] = c;
      }
      // Each sponsor key once per person: most persons cross under one sponsor on every trip,
      // and a big sponsor's set list stamped on every crossing was 124M writes at 10M records.
      const sk = pSk[j]!;
      const l = skSets[sk];
      if (l && l.length > 0 && skStamp[sk] !== q + 1) {
        skStamp[sk] = q + 1;
        for (const c of l) fitStamp[c] = q + 1;
        fits = true;
      }
      const v = pVk[j]!;
      if (v > 0 && !visas.includes(v)) visas.push(v);
    }
    // Stragglers: a crossing on no movement counts for a set with a movement within
    // straggler_days of it (same city and direction) when the person was recorded under one of
    // the set's sponsors.
    if (fits)
      for (let j = from; j < to; j++) {
        if (pTo[j]! > pFrom[j]!) continue;
        for (let o = -p.straggler_days; o <= p.straggler_days; o++) {
          const day = pDay[j]! + o;
          if (day < minDay || day > maxDay) continue;
          const l = mdSets[pSlot[j]! + o * slotDay];
          if (!l) continue;
          for (const c of l) {
            if (fitStamp[c] !== q + 1 || nearStamp[c] === j + 1) continue;
            nearStamp[c] = j + 1;
            if (near[c]!++ === 0 && exact[c] === 0) touched[nt++] = c;
          }
        }
      }
    // The set that covers most, among those covering min_coverage of the person's crossings
    // whose members travel on one of the person's visa types (none recorded: no test).
    let best = 0;
    for (let u = 0; u < nt; u++) {
      const c = touched[u]!;
      const e = exact[c]!;
      const nr = near[c]!;
      exact[c] = 0;
      near[c] = 0;
      if (!covers(e + nr, n)) continue;
      if (!(e >= p.min_shared_crossings || e === n || nr > 0)) continue;
      if (visas.length > 0 && !visas.some((v) => visaOk[c * (maxVk + 1) + v] === 1)) continue;
      const bs = hitsOf[q]! + offOf[q]!;
      if (
        best === 0 ||
        e + nr > bs ||
        (e + nr === bs && (e > hitsOf[q]! || (e === hitsOf[q] && c < best)))
      ) {
        best = c;
        hitsOf[q] = e;
        offOf[q] = nr;
      }
    }
    seed[q] = best;
    firstDay[q] = fd;
  }

  // Only sets with min_group_size members are cohorts.
  const size = new Int32Array(E + 1);
  for (let q = 0; q < persons; q++) if (seed[q]! > 0) size[seed[q]!]!++;
  for (let q = 0; q < persons; q++) if (size[seed[q]!]! < G) seed[q] = 0;
  const mPid = new IntList();
  for (let q = 0; q < persons; q++) if (seed[q]! > 0) mPid.push(q);
  const mp = mPid.done();
  const pick = (a: Int32Array) => Int32Array.from(mp, (q) => a[q]!);

  // Movements per port-day, with the members who crossed in them: a port-day's group crossings
  // are consecutive numbers, and each member has at most one crossing on a port-day.
  const mvSeed = new IntList();
  const mvBlock = new IntList();
  const mvPresent = new IntList();
  {
    const mark = new Int32Array(E + 1);
    let markNo = 0;
    const onBlock = new Int32Array(E + 1);
    for (let r = 0; r < E; ) {
      const bl = eBlock[r + 1]!;
      let last = r + 1;
      while (last + 1 <= E && eBlock[last + 1] === bl) last++;
      let nt = 0;
      const count = (from: number, to: number, setsFrom: number, setsTo: number) => {
        markNo++;
        for (let j = setsFrom; j < setsTo; j++) {
          const c = sets[j]!;
          mark[c] = markNo;
          if (size[c]! >= G && onBlock[c] !== bl + 1) {
            onBlock[c] = bl + 1;
            cnt[c] = 0;
            touched[nt++] = c;
          }
        }
        for (let i = from; i < to; i++) {
          const s = seed[x.pid[i]!]!;
          if (s > 0 && mark[s] === markNo) cnt[s]!++;
        }
      };
      for (let eid = r + 1; eid <= last; eid++)
        count(eStart[eid]!, eEnd[eid]!, moveStart[eid]!, moveStart[eid + 1]!);
      if (wildCount[bl]! > 0) {
        const [from, to] = unitRange(E + 1 + bl);
        count(from, to, wildSetStart[bl]!, wildSetStart[bl + 1]!);
      }
      for (let j = 0; j < nt; j++) {
        const c = touched[j]!;
        mvSeed.push(c);
        mvBlock.push(bl);
        mvPresent.push(cnt[c]!);
        cnt[c] = 0;
      }
      r = last;
    }
  }

  // Sponsor spellings per cohort, over its members' crossings.
  const spSeed = new IntList();
  const spSpid = new IntList();
  const spN = new IntList();
  {
    let maxSpid = 0;
    for (let j = 0; j < N; j++) if (pSpid[j]! > maxSpid) maxSpid = pSpid[j]!;
    const spCnt = new Int32Array(maxSpid + 1);
    const spTouched = new Int32Array(maxSpid + 1);
    const bySeed = Int32Array.from(mp).sort((u, v) => seed[u]! - seed[v]! || u - v);
    for (let a = 0; a < bySeed.length; ) {
      const s = seed[bySeed[a]!]!;
      let nt = 0;
      for (; a < bySeed.length && seed[bySeed[a]!] === s; a++) {
        const q = bySeed[a]!;
        for (let j = xStart[q]!; j < xStart[q + 1]!; j++) {
          const sp = pSpid[j]!;
          if (sp > 0 && spCnt[sp]!++ === 0) spTouched[nt++] = sp;
        }
      }
      for (let j = 0; j < nt; j++) {
        const sp = spTouched[j]!;
        spSeed.push(s);
        spSpid.push(sp);
        spN.push(spCnt[sp]!);
        spCnt[sp] = 0;
      }
    }
  }

  const mvB = mvBlock.done();
  const first = (bl: number) => bStart[bl]!;
  return {
    group_crossings: E,
    members: {
      pid: mp,
      seed: pick(seed),
      hits: pick(hitsOf),
      off_days: pick(offOf),
      n: Int32Array.from(mp, (q) => xStart[q + 1]! - xStart[q]!),
      first_day: pick(firstDay),
    },
    movements: {
      seed: mvSeed.done(),
      day: Int32Array.from(mvB, (bl) => x.day[first(bl)]!),
      pno: Int32Array.from(mvB, (bl) => x.pno[first(bl)]!),
      out: Uint8Array.from(mvB, (bl) => x.out[first(bl)]!),
      present: mvPresent.done(),
    },
    sponsors: { seed: spSeed.done(), spid: spSpid.done(), n: spN.done() },
  };
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
