/**
 * The web app's overview: headline figures, weekly presence of likely workers per city, and
 * DPRK-national crossings per port with the port's place, each figure with the read that lists
 * the records behind it (alerts, persons at a port, presence per city). The figures over every
 * record come from the overview tables when they match the store (overview-tables.ts).
 */
import type { Store } from "../db/store.js";
import type { Gazetteer } from "../gazetteer/load-gazetteer.js";
import { countAlerts } from "./alerts.js";
import { countCohorts } from "./cohorts.js";
import {
  readAnalyzeState,
  readPortFlows,
  readRecordTotals,
  readWorkerCounts,
  recordScope,
} from "./overview.js";
import { readOverviewFigures } from "./overview-tables.js";
import { readStorePolicy } from "./policy.js";
import { type Presence, readPresence, weeklyPresence } from "./presence.js";

export interface PortTraffic {
  port_id: string;
  name: string;
  name_zh: string;
  city: string;
  entries: number;
  exits: number;
}

export interface OverviewView {
  deadline: string;
  likely_worker_score: number;
  headline: {
    records: number;
    dprk_crossings: number;
    dprk_documents: number;
    first_day: string | null;
    last_day: string | null;
    persons: number | null;
    likely_workers: number | null;
    likely_workers_after_deadline: number | null;
    alerts: number;
    labor_teams: number;
  };
  /** Weekly means of likely workers present per city; null before analyze. */
  presence: Presence | null;
  ports: PortTraffic[];
  analyzed: boolean;
}

export async function readOverviewView(store: Store, gazetteer: Gazetteer): Promise<OverviewView> {
  const scope = recordScope({});
  const { policy } = await readStorePolicy(store);
  const state = await readAnalyzeState(store);
  const kept = await readOverviewFigures(store, policy);
  const totals = kept?.totals ?? (await readRecordTotals(store, scope));
  const workers = kept
    ? {
        ...kept.workers,
        likelyWorkers: state.detection ? kept.workers.likelyWorkers : null,
        likelyWorkersAfterDeadline: state.detection
          ? kept.workers.likelyWorkersAfterDeadline
          : null,
      }
    : await readWorkerCounts(store, scope, policy);
  const presence = await readPresence(store, {}, gazetteer);
  const flows = kept?.flows ?? (await readPortFlows(store, scope));
  const ports = flows
    .map((f) => {
      const p = gazetteer.ports.find((x) => x.id === f.port_id);
      const city = gazetteer.cities.find((c) => c.id === p?.city_id);
      return {
        ...f,
        name: p?.name_en ?? f.port_id,
        name_zh: p?.name_zh ?? "",
        city: city?.name_en ?? "",
      };
    })
    .sort((a, b) => b.entries + b.exits - (a.entries + a.exits) || a.name.localeCompare(b.name));
  return {
    deadline: policy.deadline,
    likely_worker_score: policy.score.threshold,
    headline: {
      records: totals.records,
      dprk_crossings: totals.dprkCrossings,
      dprk_documents: totals.dprkDocuments,
      first_day: totals.firstDay,
      last_day: totals.lastDay,
      persons: workers.persons,
      likely_workers: workers.likelyWorkers,
      likely_workers_after_deadline: workers.likelyWorkersAfterDeadline,
      alerts: await countAlerts(store),
      labor_teams: await countCohorts(store, "labor-team"),
    },
    presence: presence.available ? weeklyPresence(presence.data) : null,
    ports,
    analyzed: state.detection,
  };
}
