import assert from "node:assert/strict";
import { test } from "node:test";
import { type CohortCrossings, type CohortParams, findCohorts, NO_MINUTE } from "./find-cohorts.js";

const PARAMS: CohortParams = {
  min_group_size: 8,
  time_gap_minutes: 5,
  link_min_jaccard: 0.6,
  link_reach: 8,
  min_coverage: 0.5,
  min_shared_crossings: 2,
  straggler_days: 3,
};

interface Crossing {
  pid: number;
  day: number;
  out: boolean;
  /** Minutes after midnight; null for a date-only record. */
  at: number | null;
  sk: number;
  port?: number;
  /** Papers (visa and document type); 1 unless given. */
  vk?: number;
}

/** Crossings in the order findCohorts expects: port, day, direction, papers, minute (date-only
 * last). */
function columns(list: Crossing[]): CohortCrossings {
  const rows = list
    .map((c) => ({
      ...c,
      port: c.port ?? 1,
      vk: c.vk ?? 1,
      minute: c.at === null ? null : c.day * 1440 + c.at,
    }))
    .sort(
      (a, b) =>
        a.port - b.port ||
        a.day - b.day ||
        Number(a.out) - Number(b.out) ||
        a.vk - b.vk ||
        (a.minute ?? Number.MAX_SAFE_INTEGER) - (b.minute ?? Number.MAX_SAFE_INTEGER),
    );
  return {
    pid: Int32Array.from(rows, (r) => r.pid),
    pno: Int32Array.from(rows, (r) => r.port),
    cno: Int32Array.from(rows, () => 1),
    day: Int32Array.from(rows, (r) => r.day),
    out: Uint8Array.from(rows, (r) => (r.out ? 1 : 0)),
    minute: Int32Array.from(rows, (r) => r.minute ?? NO_MINUTE),
    sk: Int32Array.from(rows, (r) => r.sk),
    vk: Int32Array.from(rows, (r) => r.vk),
    spid: Int32Array.from(rows, (r) => r.sk),
  };
}

/** Teams A (persons 0–9, sponsor 1, 09:00) and B (10–19, sponsor 2, 10:30): four 20-night
 * stays, entering and leaving on the same days, at the same port. */
function teams(): Crossing[] {
  const list: Crossing[] = [];
  for (let cycle = 0; cycle < 4; cycle++) {
    const inDay = 18000 + cycle * 30;
    for (let i = 0; i < 20; i++) {
      const a = i < 10;
      const at = (a ? 540 : 630) + (i % 10);
      list.push({ pid: i, day: inDay, out: false, at, sk: a ? 1 : 2 });
      list.push({ pid: i, day: inDay + 20, out: true, at: at + 300, sk: a ? 1 : 2 });
    }
  }
  return list;
}

function membership(found: ReturnType<typeof findCohorts>) {
  const m = found.members;
  return new Map(
    Array.from(m.pid, (pid, j) => [
      pid,
      { seed: m.seed[j]!, hits: m.hits[j]!, off: m.off_days[j]! },
    ]),
  );
}

test("findCohorts: two teams at one port, hours apart, are two cohorts of their own members", () => {
  const found = findCohorts(columns(teams()), 20, PARAMS);
  assert.equal(found.group_crossings, 16, "each team's entry and exit on four cycles");
  const m = membership(found);
  assert.equal(m.size, 20);
  const seedA = m.get(0)!.seed;
  const seedB = m.get(10)!.seed;
  assert.notEqual(seedA, seedB);
  for (let i = 0; i < 20; i++) {
    assert.equal(m.get(i)!.seed, i < 10 ? seedA : seedB);
    assert.equal(m.get(i)!.hits, 8);
  }
  const moves = found.movements;
  assert.equal(moves.seed.length, 16, "one movement per port-day and team");
  assert.ok(moves.present.every((n) => n === 10));
  const sponsorsOfA = Array.from(found.sponsors.seed)
    .map((s, j) => [s, found.sponsors.spid[j], found.sponsors.n[j]])
    .filter(([s]) => s === seedA);
  assert.deepEqual(sponsorsOfA, [[seedA, 1, 80]]);
});

test("findCohorts: a run longer than the time gap splits; a date-only record still counts", () => {
  const list = teams();
  // Person 0's first entry is logged with its date only.
  list[0]!.at = null;
  const found = findCohorts(columns(list), 20, PARAMS);
  const m = membership(found);
  assert.equal(m.get(0)!.seed, m.get(1)!.seed);
  assert.equal(m.get(0)!.hits, 8, "the date-only entry matches its team's group crossing");
  // With a gap of 100 minutes the two teams' runs join into one group crossing per port-day.
  const merged = findCohorts(columns(teams()), 20, { ...PARAMS, time_gap_minutes: 100 });
  assert.equal(merged.group_crossings, 8);
});

test("findCohorts: a straggler days off the team's crossings joins on the team's sponsor only", () => {
  const list = teams();
  // Persons 20 and 21 travel with team A but enter a day late on every cycle but one; 20 is
  // recorded under A's sponsor, 21 under an unknown one.
  for (const [pid, sk] of [
    [20, 1],
    [21, 7],
  ] as const)
    for (let cycle = 0; cycle < 4; cycle++) {
      const inDay = 18000 + cycle * 30;
      list.push({
        pid,
        day: cycle === 0 ? inDay : inDay + 1,
        out: false,
        at: cycle === 0 ? 549 : 700,
        sk,
      });
      list.push({ pid, day: inDay + 20, out: true, at: cycle === 0 ? 849 : 1200, sk });
    }
  const found = findCohorts(columns(list), 22, PARAMS);
  const m = membership(found);
  assert.equal(m.get(20)?.seed, m.get(0)!.seed);
  assert.equal(m.get(20)?.off, 6, "three late entries and three late exits");
  assert.equal(m.get(21), undefined, "two of eight crossings with the team, no shared sponsor");
});

test("findCohorts: a team smaller than min_group_size makes no group crossing", () => {
  const found = findCohorts(columns(teams().filter((c) => c.pid < 10 || c.pid >= 13)), 20, PARAMS);
  const m = membership(found);
  assert.equal(m.size, 10, "team B, seven strong, is below min_group_size");
  assert.equal(found.group_crossings, 8);
});

test("findCohorts: teams on other papers stay apart when every crossing of one falls on the other's days", () => {
  // Team A (0–9, passports) on a 30-day cycle; team B (10–19, border passes) on a 15-day cycle
  // entering with A every other time, in the same minutes: A's crossings are a subset of B's days.
  const list: Crossing[] = [];
  for (let cycle = 0; cycle < 8; cycle++) {
    const inDay = 18000 + cycle * 15;
    for (let i = 10; i < 20; i++) {
      list.push({ pid: i, day: inDay, out: false, at: 540 + (i % 10), sk: 1, vk: 2 });
      list.push({ pid: i, day: inDay + 12, out: true, at: 840 + (i % 10), sk: 1, vk: 2 });
    }
    if (cycle % 2 === 1) continue;
    for (let i = 0; i < 10; i++) {
      list.push({ pid: i, day: inDay, out: false, at: 540 + i, sk: 1, vk: 1 });
      list.push({ pid: i, day: inDay + 27, out: true, at: 840 + i, sk: 1, vk: 1 });
    }
  }
  const m = membership(findCohorts(columns(list), 20, PARAMS));
  assert.equal(m.size, 20);
  for (let i = 0; i < 20; i++) assert.equal(m.get(i)!.seed, m.get(i < 10 ? 0 : 10)!.seed);
  assert.notEqual(m.get(0)!.seed, m.get(10)!.seed);
});

test("findCohorts: timed crossings hours apart on one port-day are no group crossing; date-only ones are", () => {
  const list: Crossing[] = [];
  for (let cycle = 0; cycle < 3; cycle++)
    for (let i = 0; i < 12; i++) {
      list.push({ pid: i, day: 18000 + cycle * 30, out: false, at: 540 + 30 * i, sk: 1 });
      list.push({ pid: i, day: 18020 + cycle * 30, out: true, at: 600 + 30 * i, sk: 1 });
    }
  assert.equal(findCohorts(columns(list), 12, PARAMS).group_crossings, 0);
  const dated = list.map((c) => ({ ...c, at: null }));
  const found = findCohorts(columns(dated), 12, PARAMS);
  assert.equal(found.group_crossings, 6);
  assert.equal(membership(found).size, 12);
});
