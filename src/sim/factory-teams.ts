/**
 * Teams on a fixed cycle of their own (scenarios that plan employers by `employer.count`). Each
 * team keeps one stay length and one absence length for the whole span and starts at a random
 * point of its cycle, so teams with different cycles drift in and out of phase and now and then
 * cross on the same day at the same port. Members depart from the team cycle by cycle:
 *
 * - jitter model 1: each member on their own — a day early or late, an exit some days off, a
 *   cycle sat out, the city's other port, a first-timer in their place;
 * - jitter model 2: members travel in vans of 8–15 that are early, late or rerouted together and
 *   pass the counter minutes apart; a few members straggle by habit; a member who sits out a
 *   cycle often sits out the next; the team's stay varies by a day from cycle to cycle.
 *
 * Large teams pass the counter one by one (`pace` seconds a member), so a team of 400 takes an
 * hour or more and two teams on one day can pass at the same time.
 */
import { dateOf } from "./calendar.js";
import type { CohortRow, Organisation, Person, WorkerScheme } from "./model.js";
import { d, type Emitter, n, type PersonFactory, type SimContext, scaled } from "./people.js";
import { CITY_PORTS, SIM_PORTS } from "./ports.js";
import type { Rng } from "./rng.js";
import { gapRange, pickScheme, stayRange, teamWorkerSpec, visaFor } from "./schemes.js";

/** Where fixed-cycle employers sit: Hunchun, whose main port Quanhe their teams share. */
export const FACTORY_CITY = "hunchun";

export interface FactoryTeamUnit {
  kind: "factory-team";
  cohortId: string;
  employer: Organisation;
  scheme: WorkerScheme;
  size: number;
  /** Nights in China per cycle. */
  stay: number;
  /** Days at home per cycle. */
  home: number;
  /** Day of the cycle-0 entry, on or before the first day of the logs. */
  phase: number;
  /** Day of the final exit when the employer sends everyone home (Infinity: never). */
  endDay: number;
  visaType: string;
  /** Seconds a member takes at the counter. */
  pace: number;
}

/** Employers by count, each with its teams; `makeEmployer` names a new labour employer. */
export function planFactoryTeams(
  ctx: SimContext,
  rng: Rng,
  makeEmployer: (ceases: boolean) => Organisation,
  nextCohortId: () => string,
): FactoryTeamUnit[] {
  const { params } = ctx;
  const units: FactoryTeamUnit[] = [];
  const employers = scaled(n(params, "employer.count"), ctx.scale);
  for (let e = 0; e < employers; e++) {
    const ceases = rng.chance(n(params, "employer.ceaseShare"));
    const employer = makeEmployer(ceases);
    const endDay = ceases
      ? rng.int(d(params, "employer.ceaseFrom"), d(params, "employer.ceaseTo"))
      : Infinity;
    const teams = rng.int(n(params, "employer.teamsMin"), n(params, "employer.teamsMax"));
    for (let t = 0; t < teams; t++) {
      const scheme = pickScheme(rng, params);
      const [sMin, sMax] = stayRange(params, scheme, FACTORY_CITY, ctx.startDay);
      const [gMin, gMax] = gapRange(params, scheme);
      const stay = rng.int(sMin, sMax);
      const home = Math.max(1, rng.int(gMin, gMax));
      units.push({
        kind: "factory-team",
        cohortId: nextCohortId(),
        employer,
        scheme,
        size: rng.int(n(params, "team.sizeMin"), n(params, "team.sizeMax")),
        stay,
        home,
        phase: ctx.startDay - rng.int(0, stay + home - 1),
        endDay,
        visaType: visaFor(rng, scheme),
        pace: rng.int(6, 20),
      });
    }
  }
  return units;
}

interface FactoryMember {
  person: Person;
  van: number;
  /** Crosses a day off the van with probability 0.4 (jitter model 2). */
  habitual: boolean;
  /** Sat out the previous cycle (jitter model 2: likely to sit out this one too). */
  skipped: boolean;
}

/** How one cycle's crossing goes for a van (model 2) or for each member (model 1). */
interface Leg {
  shift: number;
  port: number;
}

const sign = (rng: Rng) => (rng.chance(0.5) ? 1 : -1);

export class FactoryTeamGenerator {
  constructor(
    private readonly ctx: SimContext,
    private readonly people: PersonFactory,
    private readonly emit: Emitter,
    private readonly cohort: (c: CohortRow) => void,
  ) {}

  generate(rng: Rng, unit: FactoryTeamUnit): void {
    const model = n(this.ctx.params, "team.jitterModel");
    const members: FactoryMember[] = [];
    let van = 0;
    let vanLeft = 0;
    for (let i = 0; i < unit.size; i++) {
      if (vanLeft === 0) {
        van++;
        vanLeft = rng.int(8, 15);
      }
      vanLeft--;
      members.push(this.member(rng, unit, van, model));
    }
    const retired: FactoryMember[] = [];
    const inside = new Set<FactoryMember>();
    const last = Math.min(unit.endDay, this.ctx.endDay);
    let entry = unit.phase;
    for (let cycle = 0; entry <= last; cycle++) {
      const stay = model === 2 ? Math.max(2, unit.stay + rng.int(-1, 1)) : unit.stay;
      const home = model === 2 ? Math.max(1, unit.home + rng.int(-1, 1)) : unit.home;
      let exit = entry + stay;
      const final = exit >= unit.endDay;
      if (final) exit = Math.max(entry + 2, unit.endDay);
      if (cycle > 0) this.turnover(rng, unit, members, retired, model);
      const going = this.skipping(rng, members, model);
      this.crossAll(rng, unit, going, entry, false, { lo: -Infinity, hi: exit - 2 }, model);
      for (const m of going) inside.add(m);
      if (exit > this.ctx.endDay) break; // the logs end with the team inside
      const next = final ? Infinity : exit + home;
      this.crossAll(rng, unit, going, exit, true, { lo: entry + 2, hi: next - 1 }, model);
      for (const m of going) inside.delete(m);
      if (final) break;
      entry = next;
    }
    for (const m of retired) this.emit.finish(m.person, false);
    for (const m of members) this.emit.finish(m.person, inside.has(m));
    const observed = [...retired, ...members].filter((m) => m.person.crossings > 0).length;
    if (observed > 0) {
      this.cohort({
        id: unit.cohortId,
        kind: "labor-team",
        employerId: unit.employer.id,
        cityId: unit.employer.cityId,
        portId: SIM_PORTS[CITY_PORTS[FACTORY_CITY]!.main]!.id,
        size: unit.size,
        scheme: unit.scheme,
        members: observed,
      });
    }
  }

  private member(rng: Rng, unit: FactoryTeamUnit, van: number, model: number): FactoryMember {
    const person = this.people.make(rng, teamWorkerSpec(rng, unit));
    return { person, van, habitual: model === 2 && rng.chance(0.05), skipped: false };
  }

  /** Members sent home for good between cycles, each replaced by a first-timer [S32][S37]. */
  private turnover(
    rng: Rng,
    unit: FactoryTeamUnit,
    members: FactoryMember[],
    retired: FactoryMember[],
    model: number,
  ): void {
    const rate = n(this.ctx.params, "team.turnoverPerCycle");
    for (let i = 0; i < members.length; i++) {
      const m = members[i]!;
      if (!rng.chance(rate)) continue;
      retired.push(m);
      members[i] = this.member(rng, unit, m.van, model);
    }
  }

  /** The members who make this cycle's trip. */
  private skipping(rng: Rng, members: FactoryMember[], model: number): FactoryMember[] {
    const rate = n(this.ctx.params, "team.skipRate");
    const going: FactoryMember[] = [];
    for (const m of members) {
      const skip = model === 2 && m.skipped ? rng.chance(0.5) : rng.chance(rate);
      m.skipped = skip;
      if (!skip) going.push(m);
    }
    return going;
  }

  /** One leg (shift and port) per van (model 2) or per member (model 1). */
  private leg(rng: Rng, exit: boolean): Leg {
    const { params } = this.ctx;
    const ports = CITY_PORTS[FACTORY_CITY]!;
    let shift = 0;
    if (exit && rng.chance(n(params, "team.exitOffRate")))
      shift = sign(rng) * rng.int(1, n(params, "team.exitOffMaxDays"));
    else if (rng.chance(n(params, "team.dayOffRate"))) shift = sign(rng);
    const port = rng.chance(n(params, "team.memberPortRate")) ? ports.alt : ports.main;
    return { shift, port };
  }

  /**
   * The team's entries or exits of one cycle: members on the team's day pass the counter one
   * after the other from a common start (in vans, minutes apart, under model 2); members off the
   * day cross at any hour. Days are kept within `bounds` so stays never overlap.
   */
  private crossAll(
    rng: Rng,
    unit: FactoryTeamUnit,
    going: FactoryMember[],
    day0: number,
    exit: boolean,
    bounds: { lo: number; hi: number },
    model: number,
  ): void {
    const order = shuffled(rng, going);
    if (model === 2) order.sort((a, b) => a.van - b.van);
    const vanLegs = new Map<number, Leg>();
    let seconds = (exit ? rng.int(13 * 60, 15 * 60 + 30) : rng.int(8 * 60 + 30, 11 * 60)) * 60;
    let lastVan = -1;
    const group = `M${unit.cohortId.slice(1)}-${dateOf(day0).replace(/-/g, "")}`;
    for (const m of order) {
      let leg: Leg;
      if (model === 2) {
        if (!vanLegs.has(m.van)) vanLegs.set(m.van, this.leg(rng, exit));
        leg = { ...vanLegs.get(m.van)! };
        if (m.habitual && rng.chance(0.4)) leg.shift = exit ? sign(rng) : 1;
        if (m.van !== lastVan) {
          if (lastVan >= 0) seconds += rng.int(1, 12) * 60;
          lastVan = m.van;
        }
      } else {
        leg = this.leg(rng, exit);
      }
      seconds += unit.pace;
      const day = Math.min(bounds.hi, Math.max(bounds.lo, day0 + leg.shift));
      const minute = day === day0 ? Math.floor(seconds / 60) : rng.int(8 * 60 + 30, 16 * 60 + 30);
      this.emit.cross(m.person, day, Math.min(minute, 23 * 60 + 59), exit, leg.port, group);
    }
  }
}

/** A shuffled copy (Fisher–Yates): who reaches the counter first changes every time. */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
