/**
 * The data the shared views draw, as plain types (no JSX, no DOM): the web app fills them from
 * the API's answers, the report from its read models (src/report/view-data.ts names them).
 */
import type { CitySeries, PresenceMethod } from "./chart-options.js";

export type { CitySeries, PresenceMethod, TimelineRow } from "./chart-options.js";

export interface AlertRow {
  alert_id: string;
  rule: string;
  score: number;
  person_id: string | null;
  cohort_id: string | null;
  period_start: string | null;
  period_end: string | null;
  summary: string;
  record_ids: string[];
  /** How many records the alert cites, where `record_ids` holds only the first few. */
  record_count?: number;
  /** Review status (new, in-review, confirmed, dismissed), where the output knows it. */
  review?: string;
}

export interface PortRow {
  port_id: string;
  name: string;
  name_zh: string | null;
  city: string | null;
  entries: number;
  exits: number;
  /** Drawn at its city's coordinates for want of its own. */
  approximate: boolean;
}

export interface ClaimRow {
  claim_id: number;
  kind: string;
  place: string | null;
  period: string;
  /** The value the claim states ("300 workers"), or "". */
  says: string;
  quote: string;
  source: string;
  /** Admiralty grade: reliability A–F, credibility 1–6. */
  grade: string | null;
  status: string;
  organisation?: string;
  /** What the records show for the claim's place and period, or null where nothing is known. */
  records: string | null;
  /** How the claim compares with the records (agrees, above, below…). */
  reading?: string;
  corroboration: string;
}

export interface SourceRow {
  source_id: number;
  title: string | null;
  publisher: string | null;
  published: string | null;
  grade: string | null;
  file: string | null;
  sha256: string;
  claims: string;
}

export interface FigureItem {
  id: string;
  label: string;
  value: number | string | null;
  /** Where the records behind the figure are listed (null: the output has no such page). */
  to?: string | null;
  definition?: string;
  /** What fills the figure when it is missing (the command to run). */
  missingHint?: string;
}

export interface PresenceData {
  method: PresenceMethod;
  /** Weekly means per city, dated by the week's Monday. */
  series: CitySeries[];
}

export interface SponsorNamesRow {
  sponsor: string;
  gloss: string | null;
  pinyin: string | null;
  names: string[];
}

export interface CohortTableRow {
  cohort_id: string;
  kind: string;
  members: number;
  core?: number;
  replacements?: number;
  first_timers?: number;
  /** Port names (or ids where the name is unknown). */
  ports: string[];
  sponsors: string[];
  first_seen: string | null;
  last_seen: string | null;
}
