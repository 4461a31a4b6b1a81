/**
 * Everything the report shows, read through the read models (src/read). A section whose stage
 * has not run (the stages are separate commands: ingest, analyze, lists import, screen,
 * evidence add) says which command fills it. Masking is applied by the read models, so nothing
 * unmasked reaches the HTML unless the analyst asked for it; the deadline and the likely-worker
 * threshold are those of the store's last analyze run.
 */
import type { Store } from "../db/store.js";
import { type Gazetteer, loadGazetteer } from "../gazetteer/load-gazetteer.js";
import {
  type ClaimView,
  type CohortRow,
  countAlertsByRuleVersion,
  countCohorts,
  type HitRow,
  listImports,
  listIngestRunsBrief,
  listMigrations,
  listSponsors,
  type Presence,
  readAnalyzeState,
  readEvidence,
  readIdentitySummary,
  readMonthlyCrossings,
  readPortFlows,
  readPresence,
  readQualitySummary,
  readRecordTotals,
  readStorePolicy,
  readWorkerCounts,
  recordScope,
  type Section,
  type SponsorRow,
  type SponsorTimeline,
  type SponsorView,
  type TopAlert,
  topAlerts,
  topCohorts,
  topScreeningHits,
  topSponsors,
} from "../read/index.js";
import { nextDay } from "./format.js";

export type { ClaimView, CohortRow, HitRow, Presence, Section, SponsorRow };

export interface ReportOptions {
  from?: string;
  to?: string;
  place?: string;
  unmask?: boolean;
  /** Rows in the top-N tables (sponsors, alerts, hits). */
  top?: number;
}

export interface Headline {
  records: number;
  dprkCrossings: number;
  dprkDocuments: number;
  firstDay: string | null;
  lastDay: string | null;
  persons: number | null;
  likelyWorkers: number | null;
  likelyWorkersAfterDeadline: number | null;
  presenceAfterDeadline: number | null;
  alerts: number | null;
  laborCohorts: number | null;
  sanctionedSponsors: number | null;
  claims: number | null;
}

export interface Quality {
  runs: Record<string, unknown>[];
  rejectsByReason: { column_name: string | null; reason: string; rows: number }[];
  warningsByColumn: { column_name: string | null; message: string; rows: number }[];
  unresolvedPorts: { port_raw: string; rows: number }[];
  identity: Record<string, number | string> | null;
  linksByReason: { reason: string; links: number }[];
  policy: { rule: string; rule_version: string | null; alerts: number }[];
  analyzeRun: {
    run_at: string;
    policy_version: string | null;
    policy_fingerprint: string | null;
  } | null;
  lists: { list: string; version: string | null; entities: number; imported_at: string }[];
  migrations: { version: number; name: string }[];
}

export interface ReportData {
  generatedAt: string;
  storePath: string;
  filters: { from: string | null; to: string | null; place: string | null };
  masked: boolean;
  /** From the policy of the store's last analyze run (the default policy before any). */
  policy: {
    /** The repatriation deadline, YYYY-MM-DD (UNSCR 2397 op. 8). */
    deadline: string;
    /** labor_score from which a person is a likely worker. */
    likelyWorker: number;
  };
  headline: Headline;
  monthly: { month: string; entries: number; exits: number }[];
  presence: Section<Presence>;
  portFlows: { port_id: string; entries: number; exits: number }[];
  unknownPortCrossings: number;
  sponsors: Section<{ rows: SponsorRow[]; timeline: SponsorTimeline[] }>;
  /** The top sponsors' names in every script, with pinyin and gloss (after analyze). */
  sponsorNames: Pick<SponsorView, "sponsor" | "gloss" | "pinyin" | "names">[];
  cohorts: Section<CohortRow[]>;
  alerts: Section<{ rows: TopAlert[]; byRule: { rule: string; alerts: number }[]; total: number }>;
  hits: Section<HitRow[]>;
  evidence: Section<{ sources: Record<string, unknown>[]; claims: ClaimView[] }>;
  quality: Quality;
  gazetteer: Gazetteer;
}

/** Likely workers present, summed over the cities, on `day`; null without a presence table. */
function presenceOn(presence: Section<Presence>, day: string): number | null {
  if (!presence.available || presence.data.method !== "presence-table") return null;
  const series = presence.data.series;
  if (!series.some((c) => c.points.some((pt) => pt[0] === day))) return null;
  return series.reduce((s, c) => s + (c.points.find((pt) => pt[0] === day)?.[1] ?? 0), 0);
}

export async function gatherReport(store: Store, options: ReportOptions = {}): Promise<ReportData> {
  const top = options.top ?? 15;
  const unmask = !!options.unmask;
  const gazetteer = loadGazetteer();
  const scope = recordScope(options);
  const { policy, run } = await readStorePolicy(store);
  const totals = await readRecordTotals(store, scope);
  const presence = await readPresence(store, options, gazetteer);
  const workers = await readWorkerCounts(store, scope, policy);
  const state = await readAnalyzeState(store);
  const alerts = await topAlerts(store, { top, unmask });
  const cohorts = await topCohorts(store, top, gazetteer);
  const hits = await topScreeningHits(store, { top: top * 2, unmask });
  const sponsors = await topSponsors(store, {
    scope,
    top,
    withScores: state.identity && state.detection,
    policy,
  });
  const evidence = await readEvidence(store, { place: scope.place });
  const topKeys = new Set(
    sponsors.available ? sponsors.data.rows.map((s) => s.key.replace(/^group:/, "")) : [],
  );
  const sponsorNames = (await listSponsors(store))
    .filter((s) => topKeys.has(s.sponsor))
    .map(({ sponsor, gloss, pinyin, names }) => ({ sponsor, gloss, pinyin, names }));
  const identity = await readIdentitySummary(store);
  return {
    generatedAt: new Date().toISOString(),
    storePath: store.path,
    filters: {
      from: options.from ?? null,
      to: options.to ?? null,
      place: scope.place?.name ?? null,
    },
    masked: !unmask,
    policy: { deadline: policy.deadline, likelyWorker: policy.score.threshold },
    headline: {
      records: totals.records,
      dprkCrossings: totals.dprkCrossings,
      dprkDocuments: totals.dprkDocuments,
      firstDay: totals.firstDay,
      lastDay: totals.lastDay,
      ...workers,
      presenceAfterDeadline: presenceOn(presence, nextDay(policy.deadline)),
      alerts: alerts.available ? alerts.data.total : null,
      laborCohorts: cohorts.available ? await countCohorts(store, "labor-team") : null,
      sanctionedSponsors: hits.available
        ? new Set(hits.data.filter((h) => h.subject_kind === "sponsor").map((h) => h.subject)).size
        : null,
      claims: evidence.available ? evidence.data.claims.length : null,
    },
    monthly: await readMonthlyCrossings(store, scope),
    presence,
    portFlows: await readPortFlows(store, scope),
    unknownPortCrossings: totals.unknownPortCrossings,
    sponsors,
    sponsorNames,
    cohorts,
    alerts,
    hits,
    evidence,
    quality: {
      runs: await listIngestRunsBrief(store),
      ...(await readQualitySummary(store)),
      identity: identity?.measures ?? null,
      linksByReason: identity?.linksByReason ?? [],
      policy: await countAlertsByRuleVersion(store),
      analyzeRun: run,
      lists: await listImports(store),
      migrations: await listMigrations(store),
    },
    gazetteer,
  };
}
