/**
 * Who crosses, and when. The population is planned up front as a list of small units (one
 * labour team, one tour group, one driver …); each unit then generates the true crossings of its
 * people from its own seeded generator, so a unit needs no memory of any other and the whole
 * run streams in constant memory.
 *
 * Behaviour follows the reporting (docs/scenarios.md has the sources): visa-exempt teams stay
 * just under 30 days and go home for a few days [S28][S32]; whole teams cross together, by
 * coach [S37][S48]; Dandong limited border-pass stays to a week from March 2019 [S33]; some
 * employers send everyone home before 22 Dec 2019 while others keep rotating until the border
 * closes in January 2020 [S43][S56].
 */
import { dateOf, dayOf, yearOf } from "./calendar.js";
import { CITY_PARTS, COMPANY_SUFFIX, SCHOOLS, SECTORS, TRADE_NAMES } from "./data/organisations.js";
import {
  FACTORY_CITY,
  FactoryTeamGenerator,
  type FactoryTeamUnit,
  planFactoryTeams,
} from "./factory-teams.js";
import type { Organisation, OrgKind, Person, WorkerScheme } from "./model.js";
import type { Params } from "./params.js";
import {
  d,
  Emitter,
  n,
  PersonFactory,
  type Registry,
  type SimContext,
  type Sinks,
  scaled,
} from "./people.js";
import { CITY_IDS, CITY_PORTS, portIndex, SIM_PORTS } from "./ports.js";
import { Rng, WeightedPicker } from "./rng.js";
import type { ScenarioName } from "./scenarios.js";
import {
  drawStay,
  gapRange,
  pickScheme,
  stayRange,
  teamWorkerSpec,
  visaFor,
  workerSex,
} from "./schemes.js";

/** Cities with labour teams, in plan order. */
export const LABOUR_CITIES = ["hunchun", "dandong", "tumen", "helong"] as const;

type UnitKind =
  | "team"
  | "resident"
  | "tour"
  | "driver"
  | "trader"
  | "official"
  | "student"
  | "visitor";

interface TeamUnit {
  kind: "team";
  cohortId: string;
  employer: Organisation;
  scheme: WorkerScheme;
  size: number;
  cityKey: string;
  /** "rotating": already rotating when the logs start; "late": first arrives on startDay; "stranded": inside since 2020. */
  mode: "rotating" | "late" | "stranded";
  startDay: number;
  /** Last day of the team's presence: a final exit on this day (Infinity = until the logs end). */
  endDay: number;
  visaType: string;
}

interface ResidentUnit {
  kind: "resident";
  employer: Organisation;
  cityKey: string;
  endDay: number;
}

interface SimpleUnit {
  kind: Exclude<UnitKind, "team" | "resident">;
  index: number;
  org: Organisation | null;
}

export type Unit = TeamUnit | ResidentUnit | SimpleUnit | FactoryTeamUnit;

export interface Plan {
  organisations: Organisation[];
  units: Unit[];
}

// ---------------------------------------------------------------------------------------------
// Planning

class OrgFactory {
  private seq = 0;
  private readonly used = new Set<string>();
  readonly all: Organisation[] = [];

  constructor(private readonly rng: Rng) {}

  make(kind: OrgKind, cityKey: string, sector: string, ceases = false): Organisation {
    const city = CITY_PARTS[cityKey] ?? CITY_PARTS.hunchun!;
    const sec = SECTORS[sector] ?? SECTORS.trading!;
    let trade = this.rng.pick(TRADE_NAMES);
    let key = `${cityKey}|${trade.zh}|${sector}`;
    // Combine two trade names (first syllable of one, second of another) until the name is new.
    for (let i = 0; this.used.has(key) && i < 20; i++) {
      const a = this.rng.pick(TRADE_NAMES);
      const b = this.rng.pick(TRADE_NAMES);
      if (a.zh.length !== 2 || b.zh.length !== 2 || a === b) continue;
      trade = {
        zh: a.zh[0]! + b.zh[1]!,
        en: "",
        ko: Array.from(a.ko)[0]! + Array.from(b.ko)[1]!,
      };
      trade.en = capitalize(
        `${a.en.toLowerCase().slice(0, syllableLength(a.en))}${b.en.toLowerCase().slice(syllableLength(b.en))}`,
      );
      key = `${cityKey}|${trade.zh}|${sector}`;
    }
    if (this.used.has(key)) {
      const branch = this.seq + 1;
      trade = {
        zh: `${trade.zh}${branch}`,
        en: `${trade.en} ${branch}`,
        ko: `${trade.ko}${branch}`,
      };
      key = `${cityKey}|${trade.zh}|${sector}`;
    }
    this.used.add(key);
    this.seq += 1;
    const org: Organisation = {
      id: `E${String(this.seq).padStart(4, "0")}`,
      kind,
      nameZh: `${city.zh}${trade.zh}${sec.zh}${COMPANY_SUFFIX.zh}`,
      nameZhShort: `${trade.zh}${sec.zh}`,
      nameEn: `${city.en} ${trade.en} ${sec.en} ${COMPANY_SUFFIX.en}`,
      nameKo: `${city.ko}${trade.ko}${sec.ko}${COMPANY_SUFFIX.ko}`,
      cityKey,
      cityId: CITY_IDS[cityKey] ?? "",
      sector,
      ceasesBeforeDeadline: ceases,
    };
    this.all.push(org);
    return org;
  }

  school(index: number): Organisation {
    const s = SCHOOLS[index % SCHOOLS.length]!;
    this.seq += 1;
    const cityKey = s.zh.startsWith("延边")
      ? "yanji"
      : s.zh.startsWith("辽东")
        ? "dandong"
        : "yanji";
    const org: Organisation = {
      id: `E${String(this.seq).padStart(4, "0")}`,
      kind: "school",
      nameZh: s.zh,
      nameZhShort: s.zh,
      nameEn: s.en,
      nameKo: s.ko,
      cityKey,
      cityId: CITY_IDS[cityKey] ?? "",
      sector: "education",
      ceasesBeforeDeadline: false,
    };
    this.all.push(org);
    return org;
  }
}

/** Length of the first pinyin syllable of a two-syllable word such as "Dongyang" (→ 4). */
function syllableLength(word: string): number {
  const m = /^[^aeiou]*[aeiou]+(ng|n|r)?(?=[^aeiou]|$)/i.exec(word);
  const len = m ? m[0].length : Math.ceil(word.length / 2);
  return len >= word.length ? Math.ceil(word.length / 2) : len;
}

function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** Sectors reported for DPRK labour in the region [S48][S49][S53]: seafood, garments above all. */
const LABOUR_SECTORS = new WeightedPicker(
  ["seafood", "garment", "electronics", "wood", "pharma", "food"],
  [35, 35, 10, 8, 6, 6],
);

interface Window {
  from: string;
  to: string;
  weight: number;
}

/** When late-starting (newly dispatched) teams first arrive, per scenario. */
const LATE_START_WINDOWS: Partial<Record<ScenarioName, Window[]>> = {
  // Workers flowed back after Kim Jong Un's China visit (Mar/Apr 2018) [S38]; ≥2,000 new
  // workers on visitor permits in Oct 2019 [S32]; the rest spread over the span.
  "hunchun-2019": [
    { from: "2018-04-01", to: "2018-04-30", weight: 4 },
    { from: "2019-10-01", to: "2019-10-31", weight: 3 },
    { from: "2018-01-01", to: "2019-11-30", weight: 3 },
  ],
  "dandong-2023": [{ from: "2023-09-01", to: "2025-05-31", weight: 1 }],
};

/** New dispatches during the span (dispatch.* parameters), per scenario and city. */
const DISPATCH_WINDOWS: Partial<Record<ScenarioName, Record<string, Window[]>>> = {
  "hunchun-2019": {},
  // 500 into Hunchun on 28–29 Aug 2024 [S46]; ~3,000 in Q1 2025 [S47]; ~500 into Dandong in
  // May 2025 [S47]; the rest of Dandong's new teams spread from the reopening on.
  "dandong-2023": {
    hunchun: [
      { from: "2024-08-28", to: "2024-08-29", weight: 500 },
      { from: "2025-01-02", to: "2025-03-31", weight: 3000 },
    ],
    dandong: [
      { from: "2025-05-01", to: "2025-05-31", weight: 500 },
      { from: "2023-10-01", to: "2025-04-30", weight: 1000 },
    ],
  },
};

/** A scenario without windows of its own starts late teams anywhere in the span. */
function lateStartWindows(scenario: ScenarioName): Window[] {
  return LATE_START_WINDOWS[scenario] ?? [{ from: "1970-01-01", to: "2999-12-31", weight: 1 }];
}

function pickWindowDay(rng: Rng, windows: Window[], minDay: number, maxDay: number): number {
  const w = windows[rng.weightedIndex(windows.map((x) => x.weight))]!;
  const from = Math.max(minDay, dayOf(w.from));
  const to = Math.min(maxDay, dayOf(w.to));
  return to < from ? minDay : rng.int(from, to);
}

function teamSizes(rng: Rng, params: Params, total: number): number[] {
  const sizes: number[] = [];
  let left = total;
  const min = n(params, "team.sizeMin");
  const max = n(params, "team.sizeMax");
  while (left > 0) {
    let size = rng.chance(n(params, "team.bigShare")) ? rng.int(100, 250) : rng.int(min, max);
    if (size > left || left - size < Math.min(min, 5)) size = left;
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/**
 * Plans the run: organisations, then every unit in a fixed order. Only counts and a few dates
 * per unit are drawn here; the people are created when a unit is generated.
 */
export function planPopulation(ctx: SimContext): Plan {
  const { params, scale } = ctx;
  const rng = Rng.derive(ctx.seed, "plan");
  const orgs = new OrgFactory(rng);
  const units: Unit[] = [];
  let cohortSeq = 0;
  const cohortId = () => `C${String(++cohortSeq).padStart(5, "0")}`;
  const stranded = ctx.scenario === "dandong-2023";
  const reopeningDay = d(params, "reopening");

  for (const cityKey of LABOUR_CITIES) {
    const initial = scaled(n(params, `workers.${cityKey}`), scale);
    const dispatched = scaled(n(params, `dispatch.${cityKey}`) ?? 0, scale);
    const planWorkforce = (total: number, dispatch: boolean) => {
      let left = total;
      while (left > 0) {
        let size = rng.int(n(params, "employer.sizeMin"), n(params, "employer.sizeMax"));
        if (size > left || left - size < n(params, "employer.sizeMin") / 2) size = left;
        left -= size;
        const ceases = !stranded && rng.chance(n(params, "employer.ceaseShare"));
        const employer = orgs.make("labour", cityKey, LABOUR_SECTORS.pick(rng), ceases);
        const ceaseDay = ceases
          ? rng.int(d(params, "employer.ceaseFrom"), d(params, "employer.ceaseTo"))
          : Infinity;
        const residents =
          stranded || dispatch ? 0 : Math.round(size * n(params, "scheme.resident"));
        const teamShare =
          n(params, "scheme.visaExempt") +
          n(params, "scheme.businessTrainee") +
          n(params, "scheme.borderPass");
        const inTeams = teamShare > 0 || stranded || dispatch ? size - residents : 0;
        for (let i = 0; i < size - inTeams; i++) {
          units.push({ kind: "resident", employer, cityKey, endDay: ceaseDay });
        }
        for (const teamSize of teamSizes(rng, params, inTeams)) {
          let mode: TeamUnit["mode"] = "rotating";
          let startDay = ctx.startDay;
          let endDay = ceaseDay;
          let scheme = pickScheme(rng, params);
          if (dispatch) {
            mode = "late";
            const windows =
              DISPATCH_WINDOWS[ctx.scenario]?.[cityKey] ?? lateStartWindows(ctx.scenario);
            startDay = pickWindowDay(rng, windows, ctx.startDay, ctx.endDay);
          } else if (stranded) {
            // In China since before the 2020 closure; goes home in a wave after the reopening
            // [S21][S56], or not at all during the span (then it leaves no record).
            mode = "stranded";
            scheme = "stranded";
            endDay = rng.chance(n(params, "stranded.repatriatedShare"))
              ? rng.chance(0.4)
                ? rng.int(reopeningDay, Math.min(ctx.endDay, reopeningDay + 60))
                : rng.int(Math.min(ctx.endDay, reopeningDay + 60), ctx.endDay)
              : Infinity;
          } else if (rng.chance(n(params, "team.lateStartShare"))) {
            mode = "late";
            startDay = pickWindowDay(rng, lateStartWindows(ctx.scenario), ctx.startDay, ctx.endDay);
          }
          if (!stranded && !ceases && rng.chance(n(params, "team.earlyEndShare"))) {
            const lo = Math.max(startDay + 60, ctx.startDay + 90);
            const hi = Math.min(ctx.deadlineDay - 30, ctx.endDay);
            if (hi > lo) endDay = rng.int(lo, hi);
          }
          units.push({
            kind: "team",
            cohortId: cohortId(),
            employer,
            scheme,
            size: teamSize,
            cityKey,
            mode,
            startDay,
            endDay,
            visaType: visaFor(rng, scheme),
          });
        }
      }
    };
    planWorkforce(initial, false);
    planWorkforce(dispatched, true);
  }

  // Appended in a loop: spreading a list of units into push() passes each as an argument, and
  // at --scale 33 the benign units alone overflow the call stack.
  const planned = [
    planFactoryTeams(
      ctx,
      rng,
      (ceases) => orgs.make("labour", FACTORY_CITY, LABOUR_SECTORS.pick(rng), ceases),
      cohortId,
    ),
    planBenignUnits(ctx, rng, orgs),
  ];
  for (const list of planned) for (const unit of list) units.push(unit);
  return { organisations: orgs.all, units };
}

/** Benign travellers: a few organisations per kind, each shared by many travellers. */
function planBenignUnits(ctx: SimContext, rng: Rng, orgs: OrgFactory): Unit[] {
  const { params, scale } = ctx;
  const benignCity = () =>
    rng.pick(["dandong", "dandong", "hunchun", "tumen", "yanji", "longjing"]);
  const tradingCos = Array.from(
    { length: Math.max(3, Math.ceil(scaled(n(params, "traders.count"), scale) / 15)) },
    () => orgs.make("trading", benignCity(), "trading"),
  );
  const logisticsCos = Array.from(
    { length: Math.max(2, Math.ceil(scaled(n(params, "drivers.count"), scale) / 25)) },
    () => orgs.make("logistics", benignCity(), "logistics"),
  );
  const travelCos = Array.from(
    { length: Math.max(2, Math.ceil(scaled(n(params, "tourists.groups"), scale) / 20)) },
    () => orgs.make("travel", benignCity(), "travel"),
  );
  const schools = SCHOOLS.map((_s, i) => orgs.school(i));

  const units: Unit[] = [];
  const simple = (kind: SimpleUnit["kind"], count: number, pool: Organisation[] | null) => {
    for (let i = 0; i < count; i++) {
      units.push({ kind, index: i, org: pool ? rng.pick(pool) : null });
    }
  };
  simple("tour", scaled(n(params, "tourists.groups"), scale), travelCos);
  simple("driver", scaled(n(params, "drivers.count"), scale), logisticsCos);
  simple("trader", scaled(n(params, "traders.count"), scale), tradingCos);
  simple("official", scaled(n(params, "officials.count"), scale), null);
  simple("student", scaled(n(params, "students.count"), scale), schools);
  simple("visitor", scaled(n(params, "visitors.count"), scale), null);
  return units;
}

interface Member {
  person: Person;
  inside: boolean;
  lastEntry: number;
  lastExit: number;
  overstay: boolean;
}

export class UnitGenerator {
  private readonly people: PersonFactory;
  private readonly emit: Emitter;
  private readonly factoryTeams: FactoryTeamGenerator;

  constructor(
    private readonly ctx: SimContext,
    registry: Registry,
    private readonly sinks: Sinks,
  ) {
    this.people = new PersonFactory(ctx, registry);
    this.emit = new Emitter(ctx, sinks);
    this.factoryTeams = new FactoryTeamGenerator(ctx, this.people, this.emit, (c) =>
      sinks.cohort(c),
    );
  }

  generate(unit: Unit, index: number): void {
    const rng = Rng.derive(this.ctx.seed, unit.kind, index);
    switch (unit.kind) {
      case "team":
        this.team(rng, unit);
        break;
      case "factory-team":
        this.factoryTeams.generate(rng, unit);
        break;
      case "resident":
        this.resident(rng, unit);
        break;
      case "tour":
        this.tour(rng, unit);
        break;
      case "driver":
        this.driver(rng, unit);
        break;
      case "trader":
        this.trader(rng, unit);
        break;
      case "official":
        this.official(rng);
        break;
      case "student":
        this.student(rng, unit);
        break;
      case "visitor":
        this.visitor(rng);
        break;
    }
  }

  private newWorker(rng: Rng, unit: TeamUnit): Person {
    return this.people.make(rng, teamWorkerSpec(rng, unit));
  }

  /** A labour team: everyone crosses together on the same day and port, stragglers aside. */
  private team(rng: Rng, unit: TeamUnit): void {
    const { params, endDay: spanEnd } = this.ctx;
    const ports = CITY_PORTS[unit.cityKey]!;
    const members: Member[] = [];
    const retired: Member[] = [];
    const startsInside = unit.mode === "stranded";
    for (let i = 0; i < unit.size; i++) {
      members.push({
        person: this.newWorker(rng, unit),
        inside: startsInside,
        lastEntry: -Infinity,
        lastExit: -Infinity,
        overstay: false,
      });
    }
    const straggle = () =>
      rng.chance(n(params, "team.stragglerRate"))
        ? rng.int(1, n(params, "team.stragglerMaxDays"))
        : 0;
    const lastDay = Math.min(unit.endDay, spanEnd);
    const manifestCode = unit.cohortId.slice(1);
    const turnover = n(params, "team.turnoverPerCycle");

    let { exitDay, nextEntry } = this.teamStart(rng, unit, members);
    let firstTrip = unit.mode !== "rotating";

    for (let guard = 0; guard < 10_000; guard++) {
      if (exitDay === Infinity) {
        // Team is away: next entry.
        if (nextEntry > lastDay) break;
        const entryDay = nextEntry;
        const port = rng.chance(n(params, "team.altPortRate")) ? ports.alt : ports.main;
        const base = rng.int(8 * 60 + 30, 11 * 60);
        const group = `M${manifestCode}-${dateOf(entryDay).replace(/-/g, "")}`;
        for (let i = 0; i < members.length; i++) {
          let m = members[i]!;
          if (m.inside) continue; // overstayer: still in China
          if (!firstTrip && rng.chance(turnover)) {
            // Sent home for good; a first-time entrant takes the place [S32][S37].
            retired.push(m);
            m = {
              person: this.newWorker(rng, unit),
              inside: false,
              lastEntry: -Infinity,
              lastExit: -Infinity,
              overstay: false,
            };
            members[i] = m;
          }
          const late = straggle();
          const day = Math.max(entryDay + late, m.lastExit + 1);
          const minute = late > 0 ? rng.int(8 * 60 + 30, 16 * 60) : base + Math.floor(i / 3);
          if (this.emit.cross(m.person, day, Math.min(minute, 23 * 60), false, port, group)) {
            m.inside = true;
            m.lastEntry = day;
          }
        }
        firstTrip = false;
        const stay = drawStay(rng, stayRange(params, unit.scheme, unit.cityKey, entryDay));
        exitDay = entryDay + stay;
        nextEntry = Infinity;
        if (exitDay > spanEnd) break; // the border closes with the team inside
        continue;
      }
      // Team is inside: exit (final if the employer or the contract ends first).
      const final = exitDay >= unit.endDay;
      const day0 = final ? unit.endDay : exitDay;
      if (day0 > spanEnd) break;
      const port = rng.chance(n(params, "team.altPortRate")) ? ports.alt : ports.main;
      const base = rng.int(13 * 60, 16 * 60);
      const group = `M${manifestCode}-${dateOf(day0).replace(/-/g, "")}`;
      this.exitMembers(rng, members, { day0, final, base, port, group, straggle });
      if (final) break;
      const [gMin, gMax] = gapRange(params, unit.scheme);
      nextEntry = day0 + rng.int(gMin, gMax);
      // Overstayers stay inside; the entry loop skips them and they leave at the next exit.
      exitDay = Infinity;
    }
    for (const m of retired) this.emit.finish(m.person, false);
    for (const m of members) this.emit.finish(m.person, m.inside);
    const observed = [...retired, ...members].filter((m) => m.person.crossings > 0).length;
    if (observed > 0) {
      this.sinks.cohort({
        id: unit.cohortId,
        kind: "labor-team",
        employerId: unit.employer.id,
        cityId: unit.employer.cityId,
        portId: SIM_PORTS[ports.main]!.id,
        size: unit.size,
        scheme: unit.scheme,
        members: observed,
      });
    }
  }

  /** Where a team's rotation stands when the logs begin: the day it next exits or enters. */
  private teamStart(
    rng: Rng,
    unit: TeamUnit,
    members: Member[],
  ): { exitDay: number; nextEntry: number } {
    const { params } = this.ctx;
    let exitDay: number;
    let nextEntry: number;
    if (unit.mode === "stranded") {
      exitDay = unit.endDay; // Infinity: never leaves during the span
      nextEntry = Infinity;
    } else if (unit.mode === "rotating") {
      // Already rotating when the logs begin: inside (entered before the span) or away, in
      // proportion to how long each phase lasts.
      const stay = drawStay(rng, stayRange(params, unit.scheme, unit.cityKey, this.ctx.startDay));
      const [gMin, gMax] = gapRange(params, unit.scheme);
      const gap = rng.int(gMin, gMax);
      if (rng.float() < stay / (stay + gap)) {
        for (const m of members) m.inside = true;
        exitDay = this.ctx.startDay + rng.int(0, stay - 1);
        nextEntry = Infinity;
      } else {
        exitDay = Infinity;
        nextEntry = this.ctx.startDay + rng.int(0, gap);
      }
    } else {
      exitDay = Infinity;
      nextEntry = unit.startDay;
    }
    return { exitDay, nextEntry };
  }

  /** One exit of a team: each member inside leaves (a straggler off by a few days), except
   * an overstayer, who skips this run. */
  private exitMembers(
    rng: Rng,
    members: Member[],
    run: {
      day0: number;
      final: boolean;
      base: number;
      port: number;
      group: string;
      straggle: () => number;
    },
  ): void {
    const { day0, final, base, port, group, straggle } = run;
    const spanEnd = this.ctx.endDay;
    const overstay = n(this.ctx.params, "team.overstayRate");
    for (let i = 0; i < members.length; i++) {
      const m = members[i]!;
      if (!m.inside) continue;
      if (!final && !m.overstay && rng.chance(overstay)) {
        m.overstay = true; // skips this run and goes out with the team next time [S32]
        continue;
      }
      m.overstay = false;
      const off = straggle();
      const shift = off === 0 ? 0 : rng.chance(0.5) ? off : -off;
      const day = Math.max(day0 + shift, m.lastEntry + 1, this.ctx.startDay);
      const minute = shift !== 0 ? rng.int(9 * 60, 16 * 60 + 30) : base + Math.floor(i / 3);
      if (day <= spanEnd) {
        this.emit.cross(m.person, day, Math.min(minute, 23 * 60), true, port, group);
        m.inside = false;
        m.lastExit = day;
      }
    }
  }

  /** A worker on a work permit from before 2017: lives at the factory, rare home leaves. */
  private resident(rng: Rng, unit: ResidentUnit): void {
    const { params, startDay, endDay, deadlineDay } = this.ctx;
    const person = this.people.make(rng, {
      role: "worker",
      scheme: "resident-work-visa",
      employer: unit.employer,
      sex: workerSex(rng, unit.employer.sector),
      ageMin: 25,
      ageMax: 50,
      docType: "passport",
      visaType: "work",
      purpose: "work",
    });
    const port = CITY_PORTS[unit.cityKey]!.main;
    let leaveUntil = unit.endDay;
    if (rng.chance(n(params, "resident.repatriatedShare"))) {
      leaveUntil = Math.min(
        leaveUntil,
        rng.int(startDay + 30, Math.max(startDay + 31, deadlineDay - 1)),
      );
    }
    const perYear = n(params, "resident.leavesPerYear");
    let day = startDay + (perYear > 0 ? Math.floor(rng.exponential(365 / perYear)) : Infinity);
    let inside = true;
    while (day < leaveUntil && day <= endDay) {
      this.emit.cross(person, day, rng.int(9 * 60, 15 * 60), true, port);
      const back = day + rng.int(n(params, "resident.leaveMin"), n(params, "resident.leaveMax"));
      if (back > endDay || back >= leaveUntil) {
        inside = false;
        break;
      }
      this.emit.cross(person, back, rng.int(9 * 60, 15 * 60), false, port);
      day = back + 30 + Math.floor(rng.exponential(365 / Math.max(perYear, 0.01)));
    }
    if (inside && leaveUntil <= endDay) {
      // Sent home for good (contract end or the employer's exit).
      this.emit.cross(person, leaveUntil, rng.int(9 * 60, 15 * 60), true, port);
      inside = false;
    }
    this.emit.finish(person, inside);
  }

  /** A tour group: one synchronised, short, one-off trip; a few come back once later. */
  private tour(rng: Rng, unit: SimpleUnit): void {
    const { params, startDay, endDay } = this.ctx;
    const size = rng.int(n(params, "tourists.groupMin"), n(params, "tourists.groupMax"));
    const teamPort = n(params, "tourists.teamPortShare");
    const port =
      teamPort > 0 && rng.chance(teamPort)
        ? CITY_PORTS[FACTORY_CITY]!.main
        : BENIGN_PORTS.tour.pick(rng);
    const stayMax = n(params, "tourists.stayMax");
    const entry = rng.int(startDay, Math.max(startDay, endDay - stayMax));
    const stay = rng.int(n(params, "tourists.stayMin"), stayMax);
    const agency = unit.org;
    const cohortId = `G${String(unit.index + 1).padStart(5, "0")}`;
    const group = `${agency?.id.slice(1) ?? "00"}-${dateOf(entry).slice(2).replace(/-/g, "")}-${String(unit.index + 1).padStart(4, "0")}`;
    const members: Person[] = [];
    const repeaters: Person[] = [];
    for (let i = 0; i < size; i++) {
      const p = this.people.make(rng, {
        role: "tourist",
        employer: agency,
        cohortId,
        ageMin: 25,
        ageMax: 65,
        docType: "passport",
        visaType: "tourist",
        purpose: "tourism",
      });
      members.push(p);
      const minuteIn = 9 * 60 + rng.int(0, 40) + Math.floor(i / 4);
      this.emit.cross(p, entry, minuteIn, false, port, group, true);
      this.emit.cross(
        p,
        entry + stay,
        14 * 60 + rng.int(0, 40) + Math.floor(i / 4),
        true,
        port,
        group,
        true,
      );
      if (rng.chance(n(params, "tourists.repeatRate"))) repeaters.push(p);
    }
    // Repeat visitors travel again together 3–12 months later, under a new group id.
    let repeatCohort: string | null = null;
    if (repeaters.length > 0) {
      const again = entry + stay + rng.int(90, 365);
      const stay2 = rng.int(n(params, "tourists.stayMin"), stayMax);
      if (again + stay2 <= endDay) {
        repeatCohort = `${cohortId}R`;
        const group2 = `${agency?.id.slice(1) ?? "00"}-${dateOf(again).slice(2).replace(/-/g, "")}-${String(unit.index + 1).padStart(4, "0")}R`;
        for (const [i, p] of repeaters.entries()) {
          this.emit.cross(p, again, 9 * 60 + rng.int(0, 30) + i, false, port, group2, true);
          this.emit.cross(p, again + stay2, 14 * 60 + rng.int(0, 30) + i, true, port, group2, true);
        }
      }
    }
    for (const p of members) this.emit.finish(p, false);
    const cohort = (id: string, count: number) =>
      this.sinks.cohort({
        id,
        kind: "tour-group",
        employerId: agency?.id ?? "",
        cityId: CITY_IDS[SIM_PORTS[port]!.cityKey] ?? "",
        portId: SIM_PORTS[port]!.id,
        size: count,
        scheme: "",
        members: count,
      });
    if (members.some((p) => p.crossings > 0)) cohort(cohortId, size);
    if (repeatCohort) cohort(repeatCohort, repeaters.length);
  }

  /** A truck driver: in and out the same day, several days a week. */
  private driver(rng: Rng, unit: SimpleUnit): void {
    const { params, startDay, endDay, scenario } = this.ctx;
    const chn = rng.chance(n(params, "drivers.chnShare"));
    const p = this.people.make(rng, {
      role: "driver",
      employer: rng.chance(0.6) ? unit.org : null,
      nationality: chn ? "CHN" : "PRK",
      sex: rng.chance(0.95) ? "M" : "F",
      ageMin: 25,
      ageMax: 58,
      docType: chn
        ? rng.chance(0.5)
          ? "passport"
          : "border_pass"
        : rng.chance(0.7)
          ? "passport"
          : "border_pass",
      visaType: chn ? "none" : rng.chance(0.6) ? "crew" : "none",
      purpose: "transport",
    });
    const port = BENIGN_PORTS.driver.pick(rng);
    let from = startDay;
    // Truck traffic at Dandong recovered between Nov 2023 and mid-2024 [S67].
    if (scenario === "dandong-2023") from = rng.int(dayOf("2023-11-01"), dayOf("2024-06-30"));
    else if (rng.chance(0.15)) from = rng.int(startDay, endDay);
    const to = rng.chance(0.15) ? rng.int(from, endDay) : endDay;
    const perDay = n(params, "drivers.tripsPerWeek") / 6; // no crossings on Sundays
    const overnight = n(params, "drivers.overnightRate");
    let inside = false;
    for (let day = from; day <= to; day++) {
      if ((day + 3) % 7 === 6 || !rng.chance(perDay)) continue; // (day+3)%7: 0 = Monday … 6 = Sunday
      const back = rng.chance(overnight) ? day + 1 : day;
      if (back > endDay) break;
      const out = rng.int(8 * 60 + 30, 11 * 60 + 30);
      const ret = back === day ? rng.int(13 * 60, 17 * 60) : rng.int(9 * 60, 12 * 60);
      // PRK drivers enter China and leave; PRC drivers leave China and come back.
      this.emit.cross(p, day, out, chn, port);
      this.emit.cross(p, back, ret, !chn, port);
      day = back;
      inside = false;
    }
    this.emit.finish(p, inside);
  }

  /**
   * One trip through `port`: out on `day` and back on `back`, at times drawn within the given
   * hours. A DPRK national (the default) enters China first; a PRC national (`chn`) leaves it
   * first. False, with no return crossing, when `back` falls after the span.
   */
  private roundTrip(rng: Rng, p: Person, trip: Trip): boolean {
    const { port, day, back, goHours, backHours, chn = false } = trip;
    this.emit.cross(p, day, rng.int(goHours[0] * 60, goHours[1] * 60), chn, port);
    if (back > this.ctx.endDay) return false;
    this.emit.cross(p, back, rng.int(backHours[0] * 60, backHours[1] * 60), !chn, port);
    return true;
  }

  /** A trader: stays of days to weeks with long, irregular gaps; some look like work stays. */
  private trader(rng: Rng, unit: SimpleUnit): void {
    const { params, startDay, endDay } = this.ctx;
    const chn = rng.chance(n(params, "traders.chnShare"));
    const hard = rng.chance(n(params, "traders.hardShare"));
    const p = this.people.make(rng, {
      role: "trader",
      employer: rng.chance(0.8) ? unit.org : null,
      nationality: chn ? "CHN" : "PRK",
      sex: rng.chance(0.7) ? "M" : "F",
      ageMin: 28,
      ageMax: 62,
      docType: "passport",
      visaType: chn ? "none" : "business",
      purpose: "trade",
    });
    const port = BENIGN_PORTS.trader.pick(rng);
    let day = startDay + Math.floor(rng.exponential(90));
    let inside = false;
    while (day <= endDay) {
      const stay = hard ? rng.int(20, 28) : rng.chance(0.7) ? rng.int(1, 10) : rng.int(11, 28);
      // PRC traders leave China for the trip and come back.
      const back = day + stay;
      if (!this.roundTrip(rng, p, { port, day, back, goHours: [9, 15], backHours: [9, 16], chn })) {
        inside = !chn;
        break;
      }
      day = back + (hard ? rng.int(35, 150) : rng.int(20, 180));
    }
    this.emit.finish(p, inside);
  }

  /** An official: a few short visits on an official or diplomatic passport. */
  private official(rng: Rng): void {
    const { startDay, endDay } = this.ctx;
    const diplomatic = rng.chance(0.3);
    const p = this.people.make(rng, {
      role: "official",
      sex: rng.chance(0.85) ? "M" : "F",
      ageMin: 35,
      ageMax: 65,
      docType: diplomatic ? "diplomatic_passport" : "official_passport",
      visaType: rng.chance(0.5) ? "official" : "none",
      purpose: "official",
    });
    const port = BENIGN_PORTS.official.pick(rng);
    const trips = rng.int(1, 4);
    const days = Array.from({ length: trips }, () => rng.int(startDay, endDay)).sort(
      (a, b) => a - b,
    );
    let lastOut = -Infinity;
    for (const day of days) {
      if (day <= lastOut) continue;
      const back = day + rng.int(1, 7);
      if (!this.roundTrip(rng, p, { port, day, back, goHours: [9, 12], backHours: [10, 16] }))
        break;
      lastOut = back;
    }
    this.emit.finish(p, false);
  }

  /** A student: semester-long stays, home for the winter and summer holidays. */
  private student(rng: Rng, unit: SimpleUnit): void {
    const { startDay, endDay } = this.ctx;
    const p = this.people.make(rng, {
      role: "student",
      employer: unit.org,
      ageMin: 19,
      ageMax: 30,
      docType: "passport",
      visaType: "student",
      purpose: "study",
    });
    const port =
      unit.org?.cityKey === "dandong"
        ? portIndex("cn-ln-dandong-friendship-bridge")
        : BENIGN_PORTS.student.pick(rng);
    const firstYear = yearOf(startDay) - rng.int(0, 2);
    const years = rng.int(1, 4);
    const on = (y: number, month: number, dayFrom: number, dayTo: number) =>
      dayOf(`${y}-${String(month).padStart(2, "0")}-01`) + rng.int(dayFrom - 1, dayTo - 1);
    let inside = false;
    for (let y = firstYear; y < firstYear + years; y++) {
      // Autumn semester: arrive late Aug / early Sep, leave mid-January; spring: Mar–Jul.
      const terms: [number, number][] = [
        [on(y, 8, 25, 31), on(y + 1, 1, 10, 20)],
        [on(y + 1, 2, 25, 28), on(y + 1, 7, 5, 15)],
      ];
      for (const [inDay, outDay] of terms) {
        if (outDay < startDay) continue;
        if (inDay > endDay) break;
        const trip = {
          port,
          day: inDay,
          back: outDay,
          goHours: [9, 15],
          backHours: [9, 15],
        } as const;
        if (!this.roundTrip(rng, p, trip)) {
          inside = true;
          break;
        }
      }
    }
    this.emit.finish(p, inside);
  }

  /** A family visitor (visa L/F or a relatives' border pass): one or two visits of 1–4 weeks. */
  private visitor(rng: Rng): void {
    const { startDay, endDay } = this.ctx;
    const pass = rng.chance(0.4);
    const p = this.people.make(rng, {
      role: "visitor",
      ageMin: 30,
      ageMax: 75,
      docType: pass ? "border_pass" : "passport",
      visaType: "visit",
      purpose: "family",
    });
    const port = BENIGN_PORTS.visitor.pick(rng);
    const visits = rng.chance(0.3) ? 2 : 1;
    let day = rng.int(startDay, endDay);
    for (let v = 0; v < visits && day <= endDay; v++) {
      const stay = rng.int(7, 28);
      const trip = { port, day, back: day + stay, goHours: [9, 15], backHours: [9, 15] } as const;
      if (!this.roundTrip(rng, p, trip)) break;
      day += stay + rng.int(60, 400);
    }
    this.emit.finish(p, false);
  }
}

interface Trip {
  port: number;
  day: number;
  back: number;
  /** Hours (from, to) between which the first crossing and the return happen. */
  goHours: readonly [number, number];
  backHours: readonly [number, number];
  /** A PRC national, who leaves China first. */
  chn?: boolean;
}

/** Ports benign travellers use. Dandong–Sinuiju carries 60–70 % of the trade [S61b][S61e]. */
const portPicker = (weights: Record<string, number>) =>
  new WeightedPicker(Object.keys(weights).map(portIndex), Object.values(weights));

const BENIGN_PORTS = {
  tour: portPicker({
    "cn-ln-dandong-friendship-bridge": 50,
    "cn-jl-hunchun-quanhe": 20,
    "cn-jl-tumen-namyang-road": 10,
    "cn-jl-jian-manpo-road": 10,
    "cn-jl-changbai-hyesan": 10,
  }),
  driver: portPicker({
    "cn-ln-dandong-friendship-bridge": 55,
    "cn-jl-hunchun-quanhe": 15,
    "cn-jl-tumen-namyang-road": 8,
    "cn-jl-longjing-sanhe": 5,
    "cn-jl-helong-nanping": 5,
    "cn-jl-jian-manpo-road": 6,
    "cn-jl-changbai-hyesan": 4,
    "cn-jl-hunchun-shatuozi": 2,
  }),
  trader: portPicker({
    "cn-ln-dandong-friendship-bridge": 50,
    "cn-jl-hunchun-quanhe": 15,
    "cn-jl-tumen-namyang-road": 10,
    "cn-jl-longjing-sanhe": 8,
    "cn-jl-helong-nanping": 5,
    "cn-jl-jian-manpo-road": 6,
    "cn-jl-changbai-hyesan": 6,
  }),
  official: portPicker({
    "cn-ln-dandong-friendship-bridge": 60,
    "cn-jl-hunchun-quanhe": 20,
    "cn-jl-tumen-namyang-road": 10,
    "cn-jl-jian-manpo-road": 10,
  }),
  student: portPicker({
    "cn-jl-tumen-namyang-road": 50,
    "cn-jl-hunchun-quanhe": 30,
    "cn-jl-longjing-sanhe": 20,
  }),
  visitor: portPicker({
    "cn-jl-longjing-sanhe": 20,
    "cn-jl-helong-nanping": 15,
    "cn-jl-tumen-namyang-road": 20,
    "cn-jl-changbai-hyesan": 15,
    "cn-jl-jian-manpo-road": 10,
    "cn-jl-hunchun-quanhe": 10,
    "cn-ln-dandong-friendship-bridge": 10,
  }),
};
