/**
 * How each worker scheme travels: its stay and absence lengths, papers, visa label and purpose,
 * and which workers a line of business hires.
 */
import type { DocType } from "../core/crossing.js";
import type { Organisation, Purpose, WorkerScheme } from "./model.js";
import type { Params } from "./params.js";
import { d, n, type PersonSpec } from "./people.js";
import type { Rng } from "./rng.js";

export function pickScheme(rng: Rng, params: Params): WorkerScheme {
  const w = [
    n(params, "scheme.visaExempt"),
    n(params, "scheme.businessTrainee"),
    n(params, "scheme.borderPass"),
  ];
  if (w[0]! + w[1]! + w[2]! <= 0) return "visa-exempt-rotation";
  return (["visa-exempt-rotation", "business-trainee", "border-pass-short-cycle"] as const)[
    rng.weightedIndex(w)
  ]!;
}

export function visaFor(rng: Rng, scheme: WorkerScheme): string {
  switch (scheme) {
    case "visa-exempt-rotation":
    case "border-pass-short-cycle":
      return "none";
    case "business-trainee":
      return rng.chance(0.5) ? "trainee" : "business";
    case "resident-work-visa":
      return "work";
    default:
      return rng.chance(0.5) ? "none" : "trainee";
  }
}

export function stayRange(
  params: Params,
  scheme: WorkerScheme,
  cityKey: string,
  day: number,
): [number, number] {
  if (scheme === "business-trainee")
    return [n(params, "business.stayMin"), n(params, "business.stayMax")];
  if (
    scheme === "border-pass-short-cycle" &&
    !(cityKey === "dandong" && day < d(params, "borderPass.weekLimitFrom"))
  ) {
    return [n(params, "borderPass.stayMin"), n(params, "borderPass.stayMax")];
  }
  return [n(params, "visaExempt.stayMin"), n(params, "visaExempt.stayMax")];
}

export function gapRange(params: Params, scheme: WorkerScheme): [number, number] {
  if (scheme === "business-trainee")
    return [n(params, "business.gapMin"), n(params, "business.gapMax")];
  if (scheme === "border-pass-short-cycle")
    return [n(params, "borderPass.gapMin"), n(params, "borderPass.gapMax")];
  return [n(params, "visaExempt.gapMin"), n(params, "visaExempt.gapMax")];
}

/** Stay lengths lean towards the limit: employers lose working days on every run [S32]. */
export function drawStay(rng: Rng, [min, max]: [number, number]): number {
  return min === max
    ? min
    : rng.triangular(min, max - Math.max(1, Math.floor((max - min) / 5)), max);
}

export const TEAM_DOC: Record<WorkerScheme, DocType> = {
  "visa-exempt-rotation": "official_passport",
  "business-trainee": "passport",
  "border-pass-short-cycle": "border_pass",
  "resident-work-visa": "passport",
  stranded: "passport",
};

export const TEAM_PURPOSE: Record<WorkerScheme, Purpose> = {
  "visa-exempt-rotation": "official",
  "business-trainee": "training",
  "border-pass-short-cycle": "visit",
  "resident-work-visa": "work",
  stranded: "work",
};

/** Seafood and garment lines hire mostly young women [S37]; other lines mostly men. */
export function workerSex(rng: Rng, sector: string): "M" | "F" {
  const female = sector === "seafood" || sector === "garment" || sector === "food" ? 0.85 : 0.3;
  return rng.chance(female) ? "F" : "M";
}

/** A labour-team member as the person factory draws one: the unit's scheme, employer, cohort and
 * visa, the scheme's document and purpose, aged 19–45. */
export function teamWorkerSpec(
  rng: Rng,
  unit: { scheme: WorkerScheme; employer: Organisation; cohortId: string; visaType: string },
): PersonSpec {
  return {
    role: "worker",
    scheme: unit.scheme,
    employer: unit.employer,
    cohortId: unit.cohortId,
    sex: workerSex(rng, unit.employer.sector),
    ageMin: 19,
    ageMax: 45,
    docType: TEAM_DOC[unit.scheme],
    visaType: unit.visaType,
    purpose: TEAM_PURPOSE[unit.scheme],
  };
}
