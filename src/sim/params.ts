/**
 * Every tunable number of the simulator, with its default per scenario, its allowed range and
 * the basis for the default. `sojourn simulate --set key=value` overrides any of them; the
 * resolved set is written to scenario.json, so a run can always be repeated.
 */
import { AppError } from "../core/errors.js";

export type ParamKind = "rate" | "int" | "number" | "date";

export interface ParamSpec {
  key: string;
  kind: ParamKind;
  min?: number;
  max?: number;
  help: string;
}

export type Params = Record<string, number | string>;

const rate = (key: string, help: string): ParamSpec => ({
  key,
  kind: "rate",
  min: 0,
  max: 1,
  help,
});
const int = (key: string, min: number, max: number, help: string): ParamSpec => ({
  key,
  kind: "int",
  min,
  max,
  help,
});
const num = (key: string, min: number, max: number, help: string): ParamSpec => ({
  key,
  kind: "number",
  min,
  max,
  help,
});
const date = (key: string, help: string): ParamSpec => ({ key, kind: "date", help });

/** Shortest and longest stay, and shortest and longest absence between stays, of a kind of stay. */
const staysAndGaps = (prefix: string, what: string): ParamSpec[] => [
  int(`${prefix}.stayMin`, 1, 365, `shortest ${what} stay (days)`),
  int(`${prefix}.stayMax`, 1, 365, `longest ${what} stay (days)`),
  int(`${prefix}.gapMin`, 0, 365, `shortest absence between ${what} stays (days)`),
  int(`${prefix}.gapMax`, 0, 365, `longest absence between ${what} stays (days)`),
];

/** All parameters in display order. Scenario defaults live in scenarios.ts. */
export const PARAM_SPECS: readonly ParamSpec[] = [
  date("span.start", "first day of the port logs"),
  date("span.end", "last day of the port logs (border closure or end of observation)"),
  date("deadline", "UNSCR 2397 op. 8 repatriation deadline"),
  date(
    "reopening",
    "border reopening; workers seen after it count as post-deadline (dandong-2023)",
  ),
  int("workers.hunchun", 0, 10_000_000, "DPRK workers in Hunchun at scale 1"),
  int("workers.dandong", 0, 10_000_000, "DPRK workers in Dandong at scale 1"),
  int("workers.tumen", 0, 10_000_000, "DPRK workers in Tumen at scale 1"),
  int("workers.helong", 0, 10_000_000, "DPRK workers in Helong at scale 1"),
  int(
    "dispatch.hunchun",
    0,
    10_000_000,
    "first-time workers dispatched to Hunchun during the span",
  ),
  int(
    "dispatch.dandong",
    0,
    10_000_000,
    "first-time workers dispatched to Dandong during the span",
  ),
  rate("scheme.visaExempt", "share of workers in visa-exempt rotation teams"),
  rate("scheme.businessTrainee", "share of workers in business/trainee-visa teams"),
  rate("scheme.borderPass", "share of workers in border-pass short-cycle teams"),
  rate("scheme.resident", "share of workers on work visas issued before 2017"),
  int("employer.sizeMin", 1, 100_000, "smallest workforce of an employer (workers)"),
  int("employer.sizeMax", 1, 100_000, "largest workforce of an employer (workers)"),
  rate("employer.ceaseShare", "share of employers that send every worker home before the deadline"),
  date("employer.ceaseFrom", "first day of the pre-deadline exit"),
  date("employer.ceaseTo", "last day of the pre-deadline exit"),
  int("team.sizeMin", 1, 10_000, "smallest team crossing together"),
  int("team.sizeMax", 1, 10_000, "largest ordinary team (one or two coaches)"),
  rate("team.bigShare", "share of teams that cross as a convoy of several coaches (100–250)"),
  rate(
    "team.stragglerRate",
    "per member and crossing: crosses 1..team.stragglerMaxDays days off the team",
  ),
  int("team.stragglerMaxDays", 1, 10, "largest straggler offset (days)"),
  rate("team.turnoverPerCycle", "per member and cycle: replaced by a first-time entrant"),
  rate("team.overstayRate", "per member and cycle: skips the exit and stays on to the next one"),
  rate("team.altPortRate", "per team crossing: uses the city's second port"),
  rate("team.lateStartShare", "share of teams that first arrive during the span (new dispatches)"),
  rate("team.earlyEndShare", "share of teams sent home for good before the deadline"),
  int(
    "employer.count",
    0,
    100_000,
    "labour employers at scale 1 planned by count, each with employer.teamsMin–Max teams of team.sizeMin–Max on a fixed cycle of their own (0: employers from the workers.* workforces)",
  ),
  int("employer.teamsMin", 1, 100, "fewest teams of an employer planned by count"),
  int("employer.teamsMax", 1, 100, "most teams of an employer planned by count"),
  int(
    "team.jitterModel",
    1,
    2,
    "how members of a fixed-cycle team depart from it: 1 each member on their own, 2 by vans of 8–15 with habitual stragglers",
  ),
  rate(
    "team.dayOffRate",
    "fixed-cycle teams, per member (or van) and crossing: a day early or late",
  ),
  rate(
    "team.exitOffRate",
    "fixed-cycle teams, per member (or van) and exit: 1..team.exitOffMaxDays days off",
  ),
  int("team.exitOffMaxDays", 1, 30, "largest exit offset of a fixed-cycle team (days)"),
  rate("team.skipRate", "fixed-cycle teams, per member and cycle: stays home for the cycle"),
  rate(
    "team.memberPortRate",
    "fixed-cycle teams, per member (or van) and crossing: uses the city's other port",
  ),
  int(
    "sponsor.mixed",
    0,
    2,
    "0: each log writes sponsors by its own habit; 1: blank at sponsor.blankShare, else English or Chinese at random per record; 2: blank at sponsor.blankShare, else any of the Chinese, short Chinese, English, upper-case English and Korean spellings",
  ),
  rate("sponsor.blankShare", "with sponsor.mixed: share of records with no sponsor"),
  rate("sponsor.englishShare", "with sponsor.mixed = 1: share of written sponsors in English"),
  rate("tourists.teamPortShare", "share of tour groups that cross at the labour teams' main port"),
  ...staysAndGaps("visaExempt", "visa-exempt"),
  ...staysAndGaps("business", "business/trainee"),
  ...staysAndGaps("borderPass", "border-pass"),
  date(
    "borderPass.weekLimitFrom",
    "Dandong one-week stay limit from this day; before it, visa-exempt stay lengths",
  ),
  num("resident.leavesPerYear", 0, 12, "home leaves per resident worker and year"),
  int("resident.leaveMin", 1, 365, "shortest home leave (days)"),
  int("resident.leaveMax", 1, 365, "longest home leave (days)"),
  rate(
    "resident.repatriatedShare",
    "share of resident workers sent home for good before the deadline",
  ),
  rate(
    "stranded.repatriatedShare",
    "share of stranded teams that go home during the span (dandong-2023)",
  ),
  int("tourists.groups", 0, 10_000_000, "tour groups at scale 1"),
  int("tourists.groupMin", 1, 1000, "smallest tour group"),
  int("tourists.groupMax", 1, 1000, "largest tour group"),
  int("tourists.stayMin", 1, 60, "shortest tour (days)"),
  int("tourists.stayMax", 1, 60, "longest tour (days)"),
  rate("tourists.repeatRate", "share of tourists who come back once with a later group"),
  int("drivers.count", 0, 10_000_000, "truck drivers at scale 1"),
  num("drivers.tripsPerWeek", 0.1, 7, "round trips per driver and week"),
  rate("drivers.chnShare", "share of drivers who are PRC nationals (exit first, then entry)"),
  rate("drivers.overnightRate", "share of driver trips that return the next day"),
  int("traders.count", 0, 10_000_000, "traders at scale 1"),
  rate(
    "traders.hardShare",
    "share of traders whose stays look like work stays (20–28 days) with long irregular gaps",
  ),
  rate("traders.chnShare", "share of traders who are PRC nationals"),
  int("officials.count", 0, 10_000_000, "officials at scale 1"),
  int("students.count", 0, 10_000_000, "students at scale 1"),
  int("visitors.count", 0, 10_000_000, "family visitors at scale 1"),
  rate("noise.lost", "per crossing: the record never reaches the log"),
  rate("noise.duplicate", "per record: delivered twice, byte for byte"),
  rate("noise.reexport", "per record: delivered again under a new record_id, re-rendered"),
  rate("noise.docTypo", "per record: one character of doc_number mistyped"),
  rate("noise.renewal", "per person: passport renewed (new doc_number) during the span"),
  rate("noise.nameTypo", "per record: one character of a name mistyped"),
  rate(
    "noise.missingBirthDate",
    "per record: birth_date left blank (on top of each source's habit)",
  ),
  rate(
    "noise.nameStyleMix",
    "per record: name written in another of the source's styles than its main one",
  ),
  rate(
    "noise.portAliasMix",
    "per record: port written as another alias than the source's usual one",
  ),
  rate(
    "noise.timeFormatMix",
    "per record: crossed_at in another format than the source's usual one",
  ),
  rate("noise.directionMix", "per record: direction written with another synonym pair"),
  rate(
    "noise.anyNameStyle",
    "per record: name written in any style and script, whatever the source's habits (variety.ts)",
  ),
  rate(
    "noise.dirty",
    "per record: also delivered as a damaged copy (bad date or direction, cut short, padded; variety.ts)",
  ),
  rate("noise.outOfOrder", "per record: delivered late, up to noise.outOfOrderWindow rows later"),
  int("noise.outOfOrderWindow", 1, 1_000_000, "how far (rows) a late record can move"),
];

const SPEC_BY_KEY = new Map(PARAM_SPECS.map((s) => [s.key, s]));

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Parses one `key=value` override against its spec; throws a usage error naming the valid set. */
export function parseOverride(text: string): [string, number | string] {
  const eq = text.indexOf("=");
  if (eq <= 0) {
    throw new AppError("usage", `--set expects key=value, got "${text}"`);
  }
  const key = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  const spec = SPEC_BY_KEY.get(key);
  if (!spec) {
    throw new AppError(
      "usage",
      `unknown parameter "${key}"; valid parameters: ${PARAM_SPECS.map((s) => s.key).join(", ")}`,
    );
  }
  if (spec.kind === "date") {
    if (!isValidDate(raw)) {
      throw new AppError("usage", `parameter ${key} must be a date YYYY-MM-DD, got "${raw}"`);
    }
    return [key, raw];
  }
  const value = Number(raw);
  if (raw === "" || !Number.isFinite(value)) {
    throw new AppError("usage", `parameter ${key} must be a number, got "${raw}"`);
  }
  return [key, value];
}

/** Checks every value against its range and the cross-parameter constraints. */
export function validateParams(params: Params): void {
  const problems: string[] = [];
  for (const spec of PARAM_SPECS) {
    const v = params[spec.key];
    if (v === undefined) continue;
    if (spec.kind === "date") {
      if (typeof v !== "string" || !isValidDate(v))
        problems.push(`${spec.key}="${v}" is not a date YYYY-MM-DD`);
      continue;
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      problems.push(`${spec.key}="${v}" is not a number`);
      continue;
    }
    if (spec.kind === "int" && !Number.isInteger(v))
      problems.push(`${spec.key}=${v} must be a whole number`);
    if (spec.min !== undefined && v < spec.min)
      problems.push(`${spec.key}=${v} is below ${spec.min}`);
    if (spec.max !== undefined && v > spec.max)
      problems.push(`${spec.key}=${v} is above ${spec.max}`);
  }
  const n = (k: string) => params[k] as number;
  const s = (k: string) => params[k] as string;
  const ordered = (lo: string, hi: string) => {
    if (params[lo] !== undefined && params[hi] !== undefined && params[lo] > params[hi]) {
      problems.push(`${lo} (${params[lo]}) must not exceed ${hi} (${params[hi]})`);
    }
  };
  ordered("span.start", "span.end");
  ordered("employer.ceaseFrom", "employer.ceaseTo");
  ordered("employer.teamsMin", "employer.teamsMax");
  for (const prefix of ["employer.size", "team.size", "tourists.group"])
    ordered(`${prefix}Min`, `${prefix}Max`);
  for (const prefix of ["visaExempt", "business", "borderPass"]) {
    ordered(`${prefix}.stayMin`, `${prefix}.stayMax`);
    ordered(`${prefix}.gapMin`, `${prefix}.gapMax`);
  }
  ordered("resident.leaveMin", "resident.leaveMax");
  ordered("tourists.stayMin", "tourists.stayMax");
  const shares = [
    "scheme.visaExempt",
    "scheme.businessTrainee",
    "scheme.borderPass",
    "scheme.resident",
  ];
  if (
    shares.every((k) => typeof params[k] === "number") &&
    shares.reduce((a, k) => a + n(k), 0) <= 0
  ) {
    problems.push(`the scheme.* shares must not all be 0`);
  }
  if (typeof params["span.start"] === "string" && typeof params["span.end"] === "string") {
    const days = (Date.parse(s("span.end")) - Date.parse(s("span.start"))) / 86_400_000;
    if (days > 366 * 20)
      problems.push(`span.start..span.end covers ${Math.round(days)} days; at most 20 years`);
  }
  if (problems.length > 0) {
    throw new AppError("usage", `invalid parameters: ${problems.join("; ")}`);
  }
}
