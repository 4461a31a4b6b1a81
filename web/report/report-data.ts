/**
 * What the report's sections are drawn from: the report's data (src/report/gather.ts) put in the
 * shapes of the shared views. Types only, no JSX and no DOM, so src/report can name them.
 */
import type { EvidenceRecord } from "../../src/read/alerts.js";
import type {
  AlertRow,
  ClaimRow,
  CohortTableRow,
  FigureItem,
  PortRow,
  PresenceData,
  SourceRow,
  SponsorNamesRow,
  TimelineRow,
} from "../views/types.js";

export type {
  AlertRow,
  ClaimRow,
  CohortTableRow,
  FigureItem,
  PortRow,
  PresenceData,
  SourceRow,
  SponsorNamesRow,
  TimelineRow,
};

/** A section's data, or why the section is empty (the command that fills it). */
export type SectionOf<T> = { available: true; data: T } | { available: false; reason: string };

/** A record an alert cites, masked unless the report is unmasked (the read model's shape). */
export type CitedRecord = EvidenceRecord;

/** The report's ranking of sponsors over the records in scope. */
export interface SponsorRankRow {
  label: string;
  spellings: number;
  documents: number;
  crossings: number;
  entriesAfterDeadline: number;
  likelyWorkers: number | null;
  period: string;
  sanctions: string;
}

export interface ReportViewData {
  deadline: string;
  headline: { lead: FigureItem; items: FigureItem[] };
  monthly: { month: string; entries: number; exits: number }[];
  presence: SectionOf<PresenceData & { note: string }>;
  map: {
    svg: string;
    /** What the map draws and leaves out, in words. */
    note: string;
    ports: PortRow[];
    /** Records at a port the gazetteer does not know (not on the map). */
    unknownPortCrossings: number;
  };
  sponsors: SectionOf<{
    ranked: SponsorRankRow[];
    names: SponsorNamesRow[];
    timeline: TimelineRow[];
  }>;
  cohorts: SectionOf<{ rows: CohortTableRow[]; timeline: TimelineRow[] }>;
  alerts: SectionOf<{
    rows: (AlertRow & { cited: CitedRecord[] })[];
    byRule: { rule: string; alerts: number }[];
    total: number;
  }>;
  evidence: SectionOf<{ sources: SourceRow[]; claims: ClaimRow[] }>;
}

/** A chart of the page: its element id and its ECharts option. */
export interface ReportChart {
  id: string;
  option: Record<string, unknown>;
}

export const REPORT_SECTIONS = [
  "headline",
  "presence",
  "map",
  "sponsors",
  "alerts",
  "evidence",
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** The bundle the report loads at run time (dist/report-views/render-sections.js). */
export interface ReportViews {
  renderReportSections(
    data: ReportViewData,
    fontStack: string,
  ): { sections: Record<ReportSection, string>; charts: ReportChart[] };
}
