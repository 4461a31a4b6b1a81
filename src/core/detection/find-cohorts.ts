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
    if (
      i === 0 ||
      x.pno[i] !== x.pno[i - 1] ||
      x.day[i] !== x.day[i - 1] ||
      x.out[i] !== x.out[i - 1]
    ) {
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

  // The sets a crossing's group crossings are movements of (several for a date-only wildcard).
  const stamp = new Int32Array(E + 1);
  let stampNo = 0;
  const setsOf = (i: number, buf: Int32Array): number => {
    const me = memberEid[i]!;
    if (me > 0) {
      const s = moveStart[me]!;
      const n = moveStart[me + 1]! - s;
      for (let j = 0; j < n; j++) buf[j] = moves[s + j]!;
      return n;
    }
    if (!isWild(i)) return 0;
    stampNo++;
    let n = 0;
    const f = wildFirst[block[i]!]!;
    for (let eid = f; eid < f + wildCount[block[i]!]!; eid++)
      for (let j = moveStart[eid]!; j < moveStart[eid + 1]!; j++) {
        const c = moves[j]!;
        if (stamp[c] !== stampNo) {
          stamp[c] = stampNo;
          buf[n++] = c;
        }
      }
    return n;
  };
  const buf = new Int32Array(E + 1);

  // A set's profile: the sponsor keys (tag sk) and visa types (tag maxSk + vk) recorded on its
  // movements; a value must recur (twice, and 5 % of the set's values of its kind), so one
  // stray traveller does not lend the set a sponsor.
  let maxSk = 0;
  let maxVk = 0;
  for (let i = 0; i < N; i++) {
    if (x.sk[i]! > maxSk) maxSk = x.sk[i]!;
    if (x.vk[i]! > maxVk) maxVk = x.vk[i]!;
  }
  const TAGS = maxSk + maxVk + 1;
  const tagCnt = new Int32Array(TAGS);
  const tagTouched = new Int32Array(TAGS);
  const ct = new Map<number, number>();
  const addTags = (from: number, to: number, sets: Int32Array, ns: number) => {
    let nt = 0;
    for (let i = from; i < to; i++) {
      const s = x.sk[i]!;
      if (s > 0 && tagCnt[s]!++ === 0) tagTouched[nt++] = s;
      const v = x.vk[i]!;
      if (v > 0 && tagCnt[maxSk + v]!++ === 0) tagTouched[nt++] = maxSk + v;
    }
    for (let j = 0; j < nt; j++) {
      const t = tagTouched[j]!;
      for (let u = 0; u < ns; u++) {
        const key = sets[u]! * TAGS + t;
        ct.set(key, (ct.get(key) ?? 0) + tagCnt[t]!);
      }
      tagCnt[t] = 0;
    }
  };
  for (let eid = 1; eid <= E; eid++) {
    const s = moveStart[eid]!;
    addTags(
      eStart[eid]!,
      eEnd[eid]!,
      moves.subarray(s, moveStart[eid + 1]!),
      moveStart[eid + 1]! - s,
    );
  }
  for (let bl = 0; bl < blocks; bl++) {
    if (wildCount[bl] === 0) continue;
    const s = bStart[bl]!;
    let w = bStart[bl + 1]!;
    while (w > s && run[w - 1] === 0) w--;
    if (w === bStart[bl + 1]) continue;
    const ns = setsOf(w, buf);
    addTags(w, bStart[bl + 1]!, buf.slice(0, ns), ns);
  }
  const kindTotal = new Map<number, number>();
  for (const [key, c] of ct) {
    const kk = Math.floor(key / TAGS) * 2 + (key % TAGS > maxSk ? 1 : 0);
    kindTotal.set(kk, (kindTotal.get(kk) ?? 0) + c);
  }
  const ctag = new Set<number>();
  const sponsorSets = new Map<number, number[]>();
  for (const [key, c] of ct) {
    const s = Math.floor(key / TAGS);
    const t = key % TAGS;
    if (c < 2 || 20 * c < kindTotal.get(s * 2 + (t > maxSk ? 1 : 0))!) continue;
    ctag.add(key);
    if (t <= maxSk) {
      const l = sponsorSets.get(t);
      if (l) l.push(s);
      else sponsorSets.set(t, [s]);
    }
  }

  // Movement days per city and direction, once per set: a busy day has many group crossings.
  const dayKey = (cno: number, out: number, day: number) => (day * 2 + out) * 65536 + cno;
  const mdSets = new Map<number, number[]>();
  {
    const seen = new Set<number>();
    for (let eid = 1; eid <= E; eid++) {
      const i = eStart[eid]!;
      const key = dayKey(x.cno[i]!, x.out[i]!, x.day[i]!);
      for (let j = moveStart[eid]!; j < moveStart[eid + 1]!; j++) {
        const c = moves[j]!;
        // A set's movement days: day keys fit in 2^47, sets in 2^15 … E; keep the pair unique.
        const pairKey = key * (E + 1) + c;
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        const l = mdSets.get(key);
        if (l) l.push(c);
        else mdSets.set(key, [c]);
      }
    }
  }

  // 4. Membership, person by person over all their crossings.
  const xStart = new Int32Array(persons + 1);
  for (let i = 0; i < N; i++) xStart[x.pid[i]! + 1]!++;
  for (let q = 0; q < persons; q++) xStart[q + 1]! += xStart[q]!;
  const xList = new Int32Array(N);
  {
    const fill = xStart.slice(0, persons);
    for (let i = 0; i < N; i++) xList[fill[x.pid[i]!]!++] = i;
  }
  const held = new Uint8Array(N);
  const exact = new Int32Array(E + 1);
  const near = new Int32Array(E + 1);
  const fitStamp = new Int32Array(E + 1);
  const nearStamp = new Int32Array(E + 1);
  const seed = new Int32Array(persons);
  const hitsOf = new Int32Array(persons);
  const offOf = new Int32Array(persons);
  const nOf = new Int32Array(persons);
  const firstDay = new Int32Array(persons);
  const visas: number[] = [];
  for (let q = 0; q < persons; q++) {
    const from = xStart[q]!;
    const to = xStart[q + 1]!;
    const n = to - from;
    if (n === 0) continue;
    let nt = 0;
    let fd = 2147483647;
    for (let j = from; j < to; j++) {
      const i = xList[j]!;
      if (x.day[i]! < fd) fd = x.day[i]!;
      const ns = setsOf(i, buf);
      if (ns > 0) held[i] = 1;
      for (let u = 0; u < ns; u++) {
        const c = buf[u]!;
        if (exact[c]!++ === 0) touched[nt++] = c;
      }
    }
    // Stragglers: a crossing on no movement counts for a set with a movement within
    // straggler_days of it (same city and direction) when the person was recorded under one of
    // the set's sponsors.
    let fits = false;
    for (let j = from; j < to; j++) {
      const l = sponsorSets.get(x.sk[xList[j]!]!);
      if (!l) continue;
      for (const c of l) fitStamp[c] = q + 1;
      fits = true;
    }
    if (fits)
      for (let j = from; j < to; j++) {
        const i = xList[j]!;
        if (held[i]) continue;
        for (let o = -p.straggler_days; o <= p.straggler_days; o++) {
          const l = mdSets.get(dayKey(x.cno[i]!, x.out[i]!, x.day[i]! + o));
          if (!l) continue;
          for (const c of l) {
            if (fitStamp[c] !== q + 1 || nearStamp[c] === i + 1) continue;
            nearStamp[c] = i + 1;
            if (near[c]!++ === 0 && exact[c] === 0) touched[nt++] = c;
          }
        }
      }
    // The person's visa types: the set's members must travel on one of them (none: no test).
    visas.length = 0;
    for (let j = from; j < to; j++) {
      const v = x.vk[xList[j]!]!;
      if (v > 0 && !visas.includes(v)) visas.push(v);
    }
    let best = 0;
    for (let u = 0; u < nt; u++) {
      const c = touched[u]!;
      const e = exact[c]!;
      const nr = near[c]!;
      exact[c] = 0;
      near[c] = 0;
      if (!covers(e + nr, n)) continue;
      if (!(e >= p.min_shared_crossings || e === n || nr > 0)) continue;
      if (visas.length > 0 && !visas.some((v) => ctag.has(c * TAGS + maxSk + v))) continue;
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
    nOf[q] = n;
    firstDay[q] = fd;
  }

  // Only sets with min_group_size members are cohorts.
  const size = new Int32Array(E + 1);
  for (let q = 0; q < persons; q++) if (seed[q]! > 0) size[seed[q]!]!++;
  const mPid = new IntList();
  for (let q = 0; q < persons; q++) if (seed[q]! > 0 && size[seed[q]!]! >= G) mPid.push(q);
  const mp = mPid.done();
  const pick = (a: Int32Array) => Int32Array.from(mp, (q) => a[q]!);

  // Movement head-counts and sponsor spellings, from members' own crossings.
  const present = new Map<number, number>();
  const spons = new Map<number, number>();
  for (const q of mp) {
    const s = seed[q]!;
    for (let j = xStart[q]!; j < xStart[q + 1]!; j++) {
      const i = xList[j]!;
      if (x.spid[i]! > 0) {
        const key = s * 4294967296 + x.spid[i]!;
        spons.set(key, (spons.get(key) ?? 0) + 1);
      }
      const ns = setsOf(i, buf);
      for (let u = 0; u < ns; u++)
        if (buf[u] === s) {
          const key = s * blocks + block[i]!;
          present.set(key, (present.get(key) ?? 0) + 1);
          break;
        }
    }
  }
  const mvSeed = new IntList();
  const mvBlock = new IntList();
  {
    const seen = new Set<number>();
    for (let eid = 1; eid <= E; eid++)
      for (let j = moveStart[eid]!; j < moveStart[eid + 1]!; j++) {
        const s = moves[j]!;
        if (size[s]! < G) continue;
        const key = s * blocks + eBlock[eid]!;
        if (seen.has(key)) continue;
        seen.add(key);
        mvSeed.push(s);
        mvBlock.push(eBlock[eid]!);
      }
  }
  const mvS = mvSeed.done();
  const mvB = mvBlock.done();
  const first = (bl: number) => bStart[bl]!;
  const spKeys = [...spons.keys()];
  return {
    group_crossings: E,
    members: {
      pid: mp,
      seed: pick(seed),
      hits: pick(hitsOf),
      off_days: pick(offOf),
      n: pick(nOf),
      first_day: pick(firstDay),
    },
    movements: {
      seed: mvS,
      day: Int32Array.from(mvB, (bl) => x.day[first(bl)]!),
      pno: Int32Array.from(mvB, (bl) => x.pno[first(bl)]!),
      out: Uint8Array.from(mvB, (bl) => x.out[first(bl)]!),
      present: Int32Array.from(mvS, (s, j) => present.get(s * blocks + mvB[j]!) ?? 0),
    },
    sponsors: {
      seed: Int32Array.from(spKeys, (key) => Math.floor(key / 4294967296)),
      spid: Int32Array.from(spKeys, (key) => key % 4294967296),
      n: Int32Array.from(spKeys, (key) => spons.get(key)!),
    },
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
