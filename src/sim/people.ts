/**
 * What every unit generator shares: the run's context and sinks, identifiers and document
 * numbers, the factory that draws a person, and the emitter that writes a crossing down and
 * keeps the person's truth up to date.
 */
import type { DocType } from "../core/crossing.js";
import { dateOf, dayOf, MINUTES_PER_DAY } from "./calendar.js";
import type {
  CohortRow,
  Crossing,
  Organisation,
  Person,
  Purpose,
  Role,
  WorkerScheme,
} from "./model.js";
import { generateChineseName, generateKoreanName } from "./names.js";
import type { Params } from "./params.js";
import type { Rng } from "./rng.js";
import type { ScenarioName } from "./scenarios.js";

export interface SimContext {
  scenario: ScenarioName;
  params: Params;
  seed: number;
  scale: number;
  startDay: number;
  endDay: number;
  deadlineDay: number;
}

/** Sinks the generators write to; the pipeline decides what happens to each item. */
export interface Sinks {
  crossing(c: Crossing): void;
  person(p: Person): void;
  cohort(c: CohortRow): void;
}

// Identifiers and documents

/** Sequential ids and unique document numbers for one run. */
export class Registry {
  private personSeq = 0;
  private docSeq = 0;
  private readonly docOffset: number;

  constructor(seed: number) {
    this.docOffset = seed % 900_000_000;
  }

  personId(): string {
    this.personSeq += 1;
    return `P${String(this.personSeq).padStart(7, "0")}`;
  }

  /**
   * A document number unique within the run. Formats follow DPRK documents as they appear on the
   * OFAC SDN list: ordinary passports nine digits, official (service) passports PS + nine,
   * diplomatic PD + nine; border passes and PRC passports use illustrative formats.
   */
  docNumber(type: DocType, nationality: "PRK" | "CHN"): string {
    this.docSeq += 1;
    // Multiplying by a number coprime to 9·10^8 (387,420,491 shares no factor 2, 3 or 5) is a
    // bijection on 0..9·10^8−1: numbers look scattered but never repeat. The product is split in
    // 16-bit halves so it stays exact in a double.
    const M = 900_000_000;
    const seq = (this.docSeq + this.docOffset) % M;
    const hi = ((seq * (387_420_491 >>> 16)) % M) * 65_536;
    const n = 100_000_000 + ((hi + seq * (387_420_491 & 0xffff)) % M);
    if (nationality === "CHN")
      return type === "border_pass" ? `T${String(n).slice(1)}` : `E${String(n).slice(1)}`;
    switch (type) {
      case "official_passport":
        return `PS${n}`;
      case "diplomatic_passport":
        return `PD${n}`;
      case "border_pass":
        return `BP${String(n).slice(1)}`;
      default:
        return String(n);
    }
  }
}

export function n(params: Params, key: string): number {
  return params[key] as number;
}

export function d(params: Params, key: string): number {
  return dayOf(params[key] as string);
}

/** Count at this scale; anything positive at scale 1 keeps at least one when scaled down. */
export function scaled(count: number, scale: number): number {
  if (count <= 0) return 0;
  return Math.max(1, Math.round(count * scale));
}

// People

export interface PersonSpec {
  role: Role;
  scheme?: WorkerScheme | "";
  employer?: Organisation | null;
  cohortId?: string;
  nationality?: "PRK" | "CHN";
  sex?: "M" | "F";
  ageMin: number;
  ageMax: number;
  docType: DocType;
  visaType: string;
  purpose: Purpose;
}

export class PersonFactory {
  constructor(
    private readonly ctx: SimContext,
    private readonly registry: Registry,
  ) {}

  make(rng: Rng, spec: PersonSpec): Person {
    const nationality = spec.nationality ?? "PRK";
    const sex = spec.sex ?? (rng.chance(0.5) ? "M" : "F");
    const name = nationality === "PRK" ? generateKoreanName(rng, sex) : generateChineseName(rng);
    const age = rng.int(spec.ageMin, spec.ageMax);
    const birthDay = this.ctx.startDay - age * 365 - rng.int(0, 364);
    const docs = [this.registry.docNumber(spec.docType, nationality)];
    let renewalDay = Infinity;
    if (rng.chance(this.ctx.params["noise.renewal"] as number)) {
      renewalDay = rng.int(
        this.ctx.startDay + 30,
        Math.max(this.ctx.startDay + 31, this.ctx.endDay - 30),
      );
      docs.push(this.registry.docNumber(spec.docType, nationality));
    }
    return {
      id: this.registry.personId(),
      role: spec.role,
      scheme: spec.scheme ?? "",
      employer: spec.employer ?? null,
      cohortId: spec.cohortId ?? "",
      nationality,
      name,
      sex,
      birthDate: dateOf(birthDay),
      docType: spec.docType,
      docs,
      renewalDay,
      visaType: spec.visaType,
      purpose: spec.purpose,
      crossings: 0,
      firstEntry: -1,
      lastExit: -1,
      presentAfterDeadline: false,
      nameCache: null,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Unit generation

/** Emits a crossing if it falls inside the logs' span and keeps the person's truth up to date. */
export class Emitter {
  constructor(
    private readonly ctx: SimContext,
    private readonly sinks: Sinks,
  ) {}

  /** Returns false (and emits nothing) when the day lies outside the span. */
  cross(
    person: Person,
    day: number,
    minute: number,
    exit: boolean,
    port: number,
    group = "",
    groupAlways = false,
  ): boolean {
    if (day < this.ctx.startDay || day > this.ctx.endDay) return false;
    person.crossings += 1;
    if (exit) {
      person.lastExit = day;
      // Leaving on a day after the deadline means being in China on that day.
      if (day > this.ctx.deadlineDay) person.presentAfterDeadline = true;
    } else if (person.firstEntry < 0) {
      person.firstEntry = day;
    }
    this.sinks.crossing({
      t: day * MINUTES_PER_DAY + minute,
      exit,
      port,
      person,
      group,
      groupAlways,
    });
    return true;
  }

  /** Called when a person's generation ends: still inside after the deadline counts too. */
  finish(person: Person, insideAtEnd: boolean): void {
    if (insideAtEnd && this.ctx.endDay > this.ctx.deadlineDay) person.presentAfterDeadline = true;
    if (person.role !== "worker") person.presentAfterDeadline = false;
    if (person.crossings > 0) this.sinks.person(person);
  }
}
