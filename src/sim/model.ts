/**
 * The simulator's vocabulary: who crosses (roles, worker schemes), the organisations that
 * sponsor them, and one true crossing before any port log has written it down.
 */
import type { DocType } from "../core/crossing.js";
import type { PersonName } from "./names.js";

// biome-ignore format: a vocabulary, packed
export const ROLES = [
  "worker", "tourist", "driver", "trader", "official", "student", "visitor",
] as const;
export type Role = (typeof ROLES)[number];

// biome-ignore format: a vocabulary, packed
export const WORKER_SCHEMES = [
  "visa-exempt-rotation", "business-trainee", "border-pass-short-cycle", "resident-work-visa",
  "stranded",
] as const;
export type WorkerScheme = (typeof WORKER_SCHEMES)[number];

export const ORG_KINDS = ["labour", "trading", "logistics", "travel", "school"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Purposes as a port officer files them; rendered in the source's language. */
// biome-ignore format: a vocabulary, packed
export const PURPOSES = [
  "official", "business", "training", "visit", "work", "tourism", "transport", "trade", "study",
  "family",
] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface Organisation {
  id: string;
  kind: OrgKind;
  nameZh: string;
  /** Trade name + line of business, without city or legal form (a clerk's short form). */
  nameZhShort: string;
  nameEn: string;
  nameKo: string;
  cityKey: string;
  cityId: string;
  sector: string;
  ceasesBeforeDeadline: boolean;
}

export interface Person {
  id: string;
  role: Role;
  scheme: WorkerScheme | "";
  employer: Organisation | null;
  cohortId: string;
  nationality: "PRK" | "CHN";
  name: PersonName;
  sex: "M" | "F";
  birthDate: string;
  docType: DocType;
  /** Document numbers in issue order; docs[1] applies from renewalDay on. */
  docs: string[];
  renewalDay: number;
  visaType: string;
  purpose: Purpose;
  // Ground truth accumulated while the person's crossings are generated.
  crossings: number;
  firstEntry: number;
  lastExit: number;
  /** In China on some day after the deadline (only meaningful for workers). */
  presentAfterDeadline: boolean;
  /** CSV name fields already rendered, by the source's layout (a person crosses many times). */
  nameCache: Map<number, string> | null;
}

/** One true crossing. `t` is local (UTC+8) minutes since 1970-01-01. */
export interface Crossing {
  t: number;
  exit: boolean;
  port: number;
  person: Person;
  /** Manifest / group id the crossing travelled under ("" if none). */
  group: string;
  /** Whether the port log writes the group id down (tour groups always; team manifests sometimes). */
  groupAlways: boolean;
}

export interface CohortRow {
  id: string;
  kind: "labor-team" | "tour-group";
  employerId: string;
  cityId: string;
  portId: string;
  size: number;
  scheme: string;
  members: number;
}
