/**
 * The named scenarios: defaults for every parameter, and what each one is based on. The bases
 * are source keys of docs/scenarios.md ([S32] = Daily NK, Oct 2019, and so on).
 */
import { AppError } from "../core/errors.js";
import { PARAM_SPECS, type Params, validateParams } from "./params.js";

export const SCENARIO_NAMES = [
  "hunchun-2019",
  "dandong-2023",
  "quanhe-factories",
  "quanhe-vans",
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface Scenario {
  name: ScenarioName;
  summary: string;
  defaults: Params;
  /** Basis of each default that is not self-explanatory, by key. */
  basis: Record<string, string>;
}

/** Defaults shared by both scenarios (behaviour of schemes, benign traffic shape, noise). */
const COMMON: Params = {
  deadline: "2019-12-22",
  "dispatch.hunchun": 0,
  "dispatch.dandong": 0,
  "scheme.visaExempt": 0.55,
  "scheme.businessTrainee": 0.2,
  "scheme.borderPass": 0.1,
  "scheme.resident": 0.15,
  "employer.sizeMin": 100,
  "employer.sizeMax": 700,
  "employer.ceaseShare": 0.4,
  "employer.ceaseFrom": "2019-12-01",
  "employer.ceaseTo": "2019-12-21",
  "team.sizeMin": 20,
  "team.sizeMax": 55,
  "team.bigShare": 0.08,
  "team.stragglerRate": 0.04,
  "team.stragglerMaxDays": 3,
  "team.turnoverPerCycle": 0.03,
  "team.overstayRate": 0.01,
  "team.altPortRate": 0.05,
  "team.lateStartShare": 0.2,
  "team.earlyEndShare": 0.1,
  "employer.count": 0,
  "employer.teamsMin": 1,
  "employer.teamsMax": 3,
  "team.jitterModel": 1,
  "team.dayOffRate": 0,
  "team.exitOffRate": 0,
  "team.exitOffMaxDays": 4,
  "team.skipRate": 0,
  "team.memberPortRate": 0,
  "sponsor.mixed": 0,
  "sponsor.blankShare": 0.3,
  "sponsor.englishShare": 0.5,
  "tourists.teamPortShare": 0,
  "visaExempt.stayMin": 20,
  "visaExempt.stayMax": 29,
  "visaExempt.gapMin": 1,
  "visaExempt.gapMax": 5,
  "business.stayMin": 60,
  "business.stayMax": 90,
  "business.gapMin": 2,
  "business.gapMax": 7,
  "borderPass.stayMin": 5,
  "borderPass.stayMax": 7,
  "borderPass.gapMin": 1,
  "borderPass.gapMax": 2,
  "borderPass.weekLimitFrom": "2019-03-01",
  "resident.leavesPerYear": 1,
  "resident.leaveMin": 10,
  "resident.leaveMax": 30,
  "resident.repatriatedShare": 0.5,
  "stranded.repatriatedShare": 0.75,
  "tourists.groupMin": 10,
  "tourists.groupMax": 40,
  "tourists.stayMin": 3,
  "tourists.stayMax": 5,
  "tourists.repeatRate": 0.1,
  "drivers.tripsPerWeek": 3,
  "drivers.chnShare": 0.1,
  "drivers.overnightRate": 0.03,
  "traders.hardShare": 0.25,
  "traders.chnShare": 0.05,
  "noise.lost": 0.01,
  "noise.duplicate": 0.005,
  "noise.reexport": 0.003,
  "noise.docTypo": 0.002,
  "noise.renewal": 0.03,
  "noise.nameTypo": 0.01,
  "noise.missingBirthDate": 0.05,
  "noise.nameStyleMix": 0.2,
  "noise.portAliasMix": 0.3,
  "noise.timeFormatMix": 0.1,
  "noise.directionMix": 0.05,
  "noise.outOfOrder": 0.01,
  "noise.outOfOrderWindow": 500,
  "noise.anyNameStyle": 0,
  "noise.dirty": 0,
};

const COMMON_BASIS: Record<string, string> = {
  deadline: "UNSCR 2397 op. 8: 24 months from adoption on 22 Dec 2017 [S1][S3]",
  "scheme.visaExempt":
    "main reported channel: visa-exempt entry, monthly returns to renew [S27][S28][S32]; split between channels is an estimate (not reported)",
  "scheme.businessTrainee":
    "trainee/intern and business visas as the main loophole [S34][S36][S40]",
  "scheme.borderPass": "border / river-crossing passes and visitor permits [S32][S38]",
  "scheme.resident": "work permits issued before UNSCR 2375 (Sep 2017), not renewed [S4]",
  "employer.sizeMin":
    "factories of hundreds; >2,000 workers across pharma and garment plants [S48]",
  "employer.sizeMax":
    "Heng Feng jeans plant ~100 women seen [S50]; Dandong compound 50–70 [S53]; Helong 2,000–3,000 across >10 plants [S54]",
  "employer.ceaseShare":
    "China says it sent more than half home but gave no figures [S14]; estimate",
  "team.sizeMin": "groups of about 20 [S37]",
  "team.sizeMax": "coaches of about 50 seats [S48]",
  "team.bigShare": "'dozens of coaches' [S48]; 300–400 in ~10 buses [S56]",
  "team.turnoverPerCycle":
    "first-time workers arrive throughout [S32][S37]; contract length not reported; estimate",
  "team.overstayRate": "some stop doing visa runs and overstay [S32]",
  "visaExempt.stayMin": "stays just under the 30-day visa-exempt limit [S28]",
  "visaExempt.stayMax": "under 30 days [S28]",
  "visaExempt.gapMax": "return to the DPRK to renew, then re-enter [S32][S36]",
  "business.stayMin": "business/trainee stays ~60–90 days: an estimate, not reported in sources",
  "borderPass.stayMax": "Dandong one-week limit from March 2019 [S33]",
  "borderPass.weekLimitFrom": "March 2019 [S33]",
  "resident.repatriatedShare":
    "Russia cut permits 30,023 → 11,490 in 2018 [S11][S14]; China undisclosed; estimate",
  "tourists.groupMin":
    "tour groups of 10–40, synchronised, one-off (assumption; no source for DPRK tour groups)",
  "tourists.stayMin": "short tours of 3–5 days (assumption)",
  "team.stragglerRate": "stragglers ±1–3 days (assumption); rate an estimate",
  "team.altPortRate": "Hunchun has two ports, Quanhe and Shatuozi [S61c]; rate an estimate",
  "team.earlyEndShare": "China claims more than half sent home by the deadline [S14]; estimate",
  "resident.leavesPerYear": "estimate (home leave not reported)",
  "drivers.overnightRate": "estimate; trucks cross and return the same day",
  "drivers.chnShare": "estimate; the records are DPRK-focused",
  "traders.hardShare": "hard case by design: stays like work stays, gaps long and irregular",
  "noise.lost":
    "no public error rates for port logs exist; each noise rate is set to exercise one cleaning step and is configurable",
  "noise.renewal": "estimate: a renewal during a two-year span is plausible for a few per cent",
  "noise.nameStyleMix": "per-source habits with departures; see 'Sources' in this document",
  "drivers.tripsPerWeek": "Dandong–Sinuiju carries 60–70 % of China–DPRK trade [S61b][S61e]",
};

const HUNCHUN_2019: Scenario = {
  name: "hunchun-2019",
  summary:
    "2018 to the border closure of January 2020: visa-run factory teams in Hunchun, Dandong, Tumen and Helong around the 22 Dec 2019 deadline",
  defaults: {
    ...COMMON,
    "span.start": "2018-01-01",
    "span.end": "2020-01-22",
    reopening: "2023-08-28",
    "workers.hunchun": 6500,
    "workers.dandong": 2000,
    "workers.tumen": 800,
    "workers.helong": 1200,
    "tourists.groups": 150,
    "drivers.count": 700,
    "traders.count": 1500,
    "officials.count": 300,
    "students.count": 150,
    "visitors.count": 2000,
  },
  basis: {
    ...COMMON_BASIS,
    "span.start": "the 24 months before the deadline",
    "span.end":
      "DPRK closed its border in January 2020 (COVID-19) and workers were stranded [S56][S68]; 22 Jan taken as the day",
    "workers.hunchun":
      "6,500 in Hunchun alone, mid-2019 [S35] (single source; cf. >2,000 in 2018 [S48], 5,000 needed in 2015 [S50])",
    "workers.dandong":
      "Dandong flows reported (>100 on 30 Mar 2018 [S38]); 2019 size not reported; estimate",
    "workers.tumen": "Tumen a reported workplace; size not reported; estimate",
    "workers.helong": "~400 women to Helong on 2 Apr 2018 [S38]; 2,000–3,000 by 2024 [S54]",
    "team.lateStartShare":
      "flows back after Kim's China visit, spring 2018 [S38]; ≥2,000 new on visitor permits, Oct 2019 [S32]",
    "employer.ceaseFrom": "exits before the deadline; some contracts renewed after it [S43]",
    "drivers.count": "estimate scaled to trade share [S61b]",
  },
};

const DANDONG_2023: Scenario = {
  name: "dandong-2023",
  summary:
    "reopening of August 2023 to mid-2025: stranded workers go home in waves, new dispatches to Hunchun and Dandong",
  defaults: {
    ...COMMON,
    "span.start": "2023-08-01",
    "span.end": "2025-06-30",
    reopening: "2023-08-28",
    "workers.hunchun": 3000,
    "workers.dandong": 8000,
    "workers.tumen": 300,
    "workers.helong": 2000,
    "dispatch.hunchun": 3500,
    "dispatch.dandong": 1500,
    "scheme.visaExempt": 0.4,
    "scheme.businessTrainee": 0.5,
    "scheme.borderPass": 0.1,
    "scheme.resident": 0,
    "employer.ceaseShare": 0,
    "team.lateStartShare": 0,
    "team.earlyEndShare": 0,
    "team.turnoverPerCycle": 0.01,
    "tourists.groups": 20,
    "drivers.count": 500,
    "traders.count": 800,
    "officials.count": 200,
    "students.count": 80,
    "visitors.count": 800,
  },
  basis: {
    ...COMMON_BASIS,
    "span.start": "DPRK let citizens abroad return from 27/28 Aug 2023 [S56]",
    reopening: "first road returns Dandong → Sinuiju, 28 Aug 2023 [S56]",
    "workers.dandong":
      "up to 80,000 in Dandong per a Chinese count (2022) [S53]; a sample, estimate",
    "workers.hunchun": ">3,000 repatriated end-2022..end-2023 [S46]; estimate",
    "workers.helong": "2,000–3,000 in >10 plants, Jan 2024 [S54]",
    "stranded.repatriatedShare":
      "~10,000 stranded to be replaced [S68]; repatriation from Aug 2023 [S21][S56]",
    "dispatch.hunchun": "500 on 28–29 Aug 2024 [S46]; ~3,000 in Q1 2025 [S47]",
    "dispatch.dandong": "~500 in May 2025 [S47]; more assumed",
    "drivers.count": "truck traffic recovers Nov 2023–mid-2024 [S67]",
    "scheme.businessTrainee":
      "new dispatches on trainee/long visas (three-year visas reported [S68]); estimate",
  },
};

/**
 * Whole factories at one port: ten employers' teams of 40–470 cross at Quanhe, each on a fixed
 * cycle of its own, so concurrent teams drift in and out of phase. Built to test cohorts on
 * teams far larger than a coach-load and on teams that share crossing days.
 */
const QUANHE_FACTORIES: Scenario = {
  name: "quanhe-factories",
  summary:
    "ten employers' teams of 40–470 rotating through Quanhe on cycles of their own, 2018 to the border closure of January 2020",
  defaults: {
    ...COMMON,
    "span.start": "2018-01-01",
    "span.end": "2020-01-22",
    reopening: "2023-08-28",
    "workers.hunchun": 0,
    "workers.dandong": 0,
    "workers.tumen": 0,
    "workers.helong": 0,
    "employer.count": 10,
    "employer.teamsMin": 1,
    "employer.teamsMax": 3,
    "team.sizeMin": 40,
    "team.sizeMax": 470,
    "team.bigShare": 0,
    "team.stragglerRate": 0,
    "team.overstayRate": 0,
    "team.altPortRate": 0,
    "team.lateStartShare": 0,
    "team.earlyEndShare": 0,
    "team.turnoverPerCycle": 0.01,
    "team.jitterModel": 1,
    "team.dayOffRate": 0.1,
    "team.exitOffRate": 0.08,
    "team.exitOffMaxDays": 4,
    "team.skipRate": 0.03,
    "team.memberPortRate": 0.04,
    "scheme.visaExempt": 0.7,
    "scheme.businessTrainee": 0.15,
    "scheme.borderPass": 0.15,
    "scheme.resident": 0,
    "visaExempt.stayMin": 26,
    "visaExempt.stayMax": 30,
    "visaExempt.gapMin": 2,
    "visaExempt.gapMax": 6,
    "business.stayMin": 50,
    "business.stayMax": 85,
    "business.gapMin": 2,
    "business.gapMax": 6,
    "borderPass.stayMin": 12,
    "borderPass.stayMax": 15,
    "borderPass.gapMin": 2,
    "borderPass.gapMax": 6,
    "sponsor.mixed": 1,
    "sponsor.blankShare": 0.3,
    "sponsor.englishShare": 0.5,
    "tourists.groups": 150,
    "tourists.repeatRate": 0,
    "tourists.teamPortShare": 0.6,
    "drivers.count": 300,
    "traders.count": 1500,
    "officials.count": 300,
    "students.count": 150,
    "visitors.count": 1000,
  },
  basis: {
    ...COMMON_BASIS,
    "employer.count":
      "Hunchun's processing zone: factories of hundreds [S35][S48]; ten employers at one port an estimate",
    "team.sizeMin": "groups of about 20 [S37] up to coach convoys; 40 an estimate",
    "team.sizeMax":
      "a whole factory crossing at once: 300–400 in ~10 buses [S56]; 150 to one firm [S46]",
    "visaExempt.stayMin": "stays just under the 30-day visa-exempt limit [S28]; 26 an estimate",
    "visaExempt.stayMax": "up to the 30-day visa-exempt limit [S28]",
    "visaExempt.gapMax":
      "return to the DPRK to renew, then re-enter [S32][S36]; 2–6 days an estimate",
    "business.stayMin": "trainee visas of one to three months [S36]; 50–85 days an estimate",
    "borderPass.stayMax": "one-week to one-month limits [S33]; 12–15 days an estimate",
    "team.dayOffRate": "estimate: members a day early or late",
    "team.exitOffRate": "estimate: members who leave a few days before or after the team",
    "team.skipRate": "estimate: a member who sits out a cycle (illness, leave)",
    "team.memberPortRate": "Hunchun has two ports, Quanhe and Shatuozi [S61c]; rate an estimate",
    "sponsor.blankShare": "estimate: the sponsor field is often left empty",
    "tourists.teamPortShare": "estimate: Quanhe carries tour groups to Rason [S61c]",
  },
};

/**
 * The same factories under another jitter model, for figures on data the cohort step was not
 * tuned on: members move in vans of 8–15 that are late, early or rerouted together and pass the
 * counter minutes apart; a few members straggle by habit; stays vary a day from cycle to cycle;
 * sponsors appear in any of five spellings.
 */
const QUANHE_VANS: Scenario = {
  name: "quanhe-vans",
  summary:
    "the quanhe-factories employers under another jitter model: vans late, early or rerouted together, habitual stragglers, five sponsor spellings",
  defaults: {
    ...QUANHE_FACTORIES.defaults,
    "team.jitterModel": 2,
    "team.sizeMin": 30,
    "team.sizeMax": 480,
    "employer.teamsMax": 4,
    "sponsor.mixed": 2,
    "sponsor.blankShare": 0.25,
  },
  basis: { ...QUANHE_FACTORIES.basis, "team.jitterModel": "estimate: members travel by van" },
};

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  "hunchun-2019": HUNCHUN_2019,
  "dandong-2023": DANDONG_2023,
  "quanhe-factories": QUANHE_FACTORIES,
  "quanhe-vans": QUANHE_VANS,
};

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

export function getScenario(name: string): Scenario {
  if (!isScenarioName(name)) {
    throw new AppError(
      "usage",
      `unknown scenario "${name}"; valid scenarios: ${SCENARIO_NAMES.join(", ")}`,
    );
  }
  return SCENARIOS[name];
}

/** The scenario's defaults with overrides applied, validated. */
export function resolveParams(scenario: Scenario, overrides: Params = {}): Params {
  const params: Params = {};
  for (const spec of PARAM_SPECS) {
    const v = overrides[spec.key] ?? scenario.defaults[spec.key];
    if (v === undefined)
      throw new Error(`scenario ${scenario.name} has no default for ${spec.key}`);
    params[spec.key] = v;
  }
  validateParams(params);
  return params;
}
