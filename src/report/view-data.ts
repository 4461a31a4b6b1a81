/**
 * The report's data in the shapes of the shared views (web/views): headline figures with their
 * definitions, weekly presence, the map and its ports, sponsors, cohorts, alerts with the
 * records they cite, and claims beside the data. Masking has been applied by the read models.
 */
import type {
  ClaimRow,
  FigureItem,
  ReportViewData,
  SponsorNamesRow,
} from "../../web/report/report-data.js";
import { weeklyPresence } from "../read/index.js";
import { formatInt, longDate, nextDay } from "./format.js";
import type { ClaimView, ReportData } from "./gather.js";
import type { CrossingsMap } from "./map.js";

/** The lead figure (present the day after the deadline) and the others, each with its definition. */
function headlineFigures(data: ReportData, period: string): ReportViewData["headline"] {
  const hl = data.headline;
  const { deadline, likelyWorker } = data.policy;
  const detection = "run sojourn analyze (detection step)";
  const lead: FigureItem = {
    id: "present-after-deadline",
    label: `likely DPRK workers present in China on ${longDate(nextDay(deadline))}, the day after the UNSCR 2397 repatriation deadline`,
    value: hl.presenceAfterDeadline,
    definition: `persons with a labour score ≥ ${likelyWorker} whose stay in China (from an entry to the matching exit, or to the end of the records when no exit is seen) covers ${longDate(nextDay(deadline))}, counted once each, at the city of the port they entered by (the detection step's presence table). This is the report's measure of workers still in China after the deadline.`,
    missingHint: "needs the detection step's presence table: run sojourn analyze",
  };
  const items: FigureItem[] = [
    {
      id: "records",
      label: "crossing records",
      value: hl.records,
      definition: `rows loaded from the ingested port logs, ${period}`,
      missingHint: "run sojourn ingest",
    },
    {
      id: "dprk-crossings",
      label: "DPRK-national crossings",
      value: hl.dprkCrossings,
      definition: `records of DPRK nationals entering or leaving China (${formatInt(hl.dprkDocuments)} distinct travel documents)`,
      missingHint: "run sojourn ingest",
    },
    {
      id: "persons",
      label: "persons resolved",
      value: hl.persons,
      definition:
        "DPRK nationals after identity resolution (one person across documents, scripts and spellings)",
      missingHint: "run sojourn analyze",
    },
    {
      id: "likely-workers",
      label: "likely workers",
      value: hl.likelyWorkers,
      definition: `persons with a labour score ≥ ${likelyWorker}, over the whole period`,
      missingHint: detection,
    },
    {
      id: "crossed-after-deadline",
      label: `likely workers who crossed after ${longDate(deadline)}`,
      value: hl.likelyWorkersAfterDeadline,
      definition: `likely workers whose last crossing (entry or exit) is dated after the deadline; counts those who left as well as those who stayed, so it is not the number present`,
      missingHint: detection,
    },
    {
      id: "alerts",
      label: "alerts",
      value: hl.alerts,
      definition: "rule findings in the store, each citing the records it rests on",
      missingHint: detection,
    },
    {
      id: "labor-cohorts",
      label: "labour-team cohorts",
      value: hl.laborCohorts,
      definition:
        "groups of persons who cross together repeatedly and stay weeks (cohort kind labor-team)",
      missingHint: detection,
    },
    {
      id: "sanctioned-sponsors",
      label: "sponsors matching a sanctions list",
      value: hl.sanctionedSponsors,
      definition: "distinct sponsors with a screening hit at or above the screening threshold",
      missingHint: "run sojourn lists import and sojourn screen --sponsors",
    },
    {
      id: "claims",
      label: "evidence claims",
      value: hl.claims,
      definition: "claims extracted from graded reports and not rejected",
      missingHint: "run sojourn evidence add",
    },
  ];
  return { lead, items };
}

/** What the map draws and leaves out, in words. */
function mapNote(map: CrossingsMap): string {
  return `DPRK-national crossings per port in the selected records: ↓ entries into China, ↑ exits to the DPRK. ${map.drawn} ports drawn${map.approximate.length ? `; ${map.approximate.length} whose own coordinates the gazetteer lacks are drawn at their city's coordinates, with a dashed outline and ≈ before the name (marked in the table)` : ""}${map.portsWithoutCoordinates.length ? `; ${map.portsWithoutCoordinates.length} with neither are not drawn (listed under Methodology)` : ""}${map.unlabelled ? `; ${map.unlabelled} ports without traffic are unlabelled where their names would overlap (hover for the name)` : ""}.`;
}

function presenceNote(data: ReportData): string {
  const p = data.presence;
  if (!p.available) return "";
  return p.data.method === "presence-table"
    ? `A person is present on a day when their labour score is ≥ ${data.policy.likelyWorker} and a stay of theirs (entry to exit, from the detection step's presence table) covers it; the daily counts swing as teams leave for a day or two to renew papers, which the weekly mean smooths.`
    : "The detection step's presence table is not in this store (run sojourn analyze with detection), so this is the crude running balance of DPRK-national entries minus exits through each city's crossings since the first record, raised so that its lowest point is zero (people already inside when the logs start leave before they are seen entering). It counts every DPRK national, workers or not, and is distorted by persons entering at one city and leaving at another and by gaps in the logs.";
}

function claimRow({ claim: c, beside: b }: ClaimView): ClaimRow {
  const value =
    c.value_min === null && c.value_max === null
      ? ""
      : c.value_min === c.value_max
        ? `${c.value_min} ${c.value_unit ?? ""}`
        : `${c.value_min ?? "…"}–${c.value_max ?? "…"} ${c.value_unit ?? ""}`;
  return {
    claim_id: c.claim_id,
    kind: c.kind,
    place: c.place ?? c.place_text ?? null,
    period: c.period_start ? `${c.period_start} – ${c.period_end}` : (c.published ?? ""),
    says: value.trim(),
    quote: c.quote.length > 220 ? `${c.quote.slice(0, 219)}…` : c.quote,
    source: `${c.source_title ?? c.publisher ?? `source ${c.source_id}`} (${c.published ?? "undated"})`,
    grade: c.grade,
    status: c.status,
    organisation: c.organisation
      ? `${c.organisation}${c.sponsor_keys.length ? ` → sponsor in the records: ${c.sponsor_keys.join("; ")}` : ""}`
      : undefined,
    records: b
      ? `${b.method === "presence-table" ? "likely workers" : "net flow"} peak ${b.peak === null ? "–" : formatInt(b.peak)} in ${b.from} – ${b.to}; ${formatInt(b.dprkCrossings)} DPRK crossings`
      : null,
    reading: b?.reading,
    corroboration:
      c.independent_sources > 1 ? `${c.independent_sources} independent sources` : "single source",
  };
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The sections' data for the shared views. */
export function reportViewData(
  data: ReportData,
  map: CrossingsMap,
  period: string,
): ReportViewData {
  const approx = new Set(map.approximate.map((a) => a.id));
  const port = (id: string) => data.gazetteer.ports.find((p) => p.id === id);
  const city = (id: string | undefined) => data.gazetteer.cities.find((c) => c.id === id);
  const { sponsors, cohorts, alerts, evidence } = data;
  const names = new Map<string, SponsorNamesRow>(data.sponsorNames.map((s) => [s.sponsor, s]));
  return {
    deadline: data.policy.deadline,
    headline: headlineFigures(data, period),
    monthly: data.monthly,
    presence: data.presence.available
      ? {
          available: true,
          data: { ...weeklyPresence(data.presence.data), note: presenceNote(data) },
        }
      : data.presence,
    map: {
      svg: map.svg,
      note: mapNote(map),
      ports: data.portFlows
        .map((f) => ({
          port_id: f.port_id,
          name: port(f.port_id)?.name_en ?? f.port_id,
          name_zh: port(f.port_id)?.name_zh ?? null,
          city: city(port(f.port_id)?.city_id)?.name_en ?? null,
          entries: f.entries,
          exits: f.exits,
          approximate: approx.has(f.port_id),
        }))
        .sort((a, b) => b.entries + b.exits - (a.entries + a.exits)),
      unknownPortCrossings: data.unknownPortCrossings,
    },
    sponsors: sponsors.available
      ? {
          available: true,
          data: {
            ranked: sponsors.data.rows.map((s) => ({
              ...s,
              period: `${s.first} – ${s.last}`,
              sanctions: s.sanctions ?? "",
            })),
            names: sponsors.data.rows.flatMap((s) => {
              const n = names.get(s.key.replace(/^group:/, ""));
              return n ? [n] : [];
            }),
            timeline: sponsors.data.timeline.map((t) => ({
              label: shorten(t.label, 38),
              points: t.points,
            })),
          },
        }
      : sponsors,
    cohorts: cohorts.available
      ? {
          available: true,
          data: {
            rows: cohorts.data.map((c) => ({
              ...c,
              // Joined by the read model; a sponsor's own name may hold a comma ("Co., Ltd.").
              ports: c.ports ? [c.ports] : [],
              sponsors: c.sponsors ? [c.sponsors] : [],
            })),
            timeline: cohorts.data.slice(0, 12).map((c) => ({
              label: `${c.cohort_id} (${c.kind}, ${c.members})`,
              points:
                c.movements.length > 0
                  ? c.movements
                  : [c.first_seen, c.last_seen].flatMap((d) =>
                      d ? [[d, 1] as [string, number]] : [],
                    ),
            })),
          },
        }
      : cohorts,
    alerts: alerts.available
      ? {
          available: true,
          data: {
            ...alerts.data,
            rows: alerts.data.rows.map((a) => ({
              ...a,
              period_start: text(a.period_start),
              period_end: text(a.period_end),
              record_ids: a.evidence.map((e) => e.record_id),
              cited: a.evidence,
            })),
          },
        }
      : alerts,
    evidence: evidence.available
      ? {
          available: true,
          data: {
            sources: evidence.data.sources.map((s) => ({
              source_id: Number(s.source_id),
              title: text(s.title),
              publisher: text(s.publisher),
              published: text(s.published),
              grade: text(s.grade),
              file: text(s.media_type),
              sha256: String(s.sha256 ?? ""),
              claims: String(s.claims ?? 0),
            })),
            claims: evidence.data.claims.map(claimRow),
          },
        }
      : evidence,
  };
}

function shorten(s: string, n: number): string {
  return [...s].length > n ? `${[...s].slice(0, n - 1).join("")}…` : s;
}
