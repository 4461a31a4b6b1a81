import { fmt, Page, Status, useData } from "../ui.js";
import { ClaimsTable, SourcesTable } from "../views/evidence.js";
import type { ClaimRow } from "../views/types.js";

interface Claim {
  claim_id: number;
  source_id: number;
  kind: string;
  place: string | null;
  place_id: string | null;
  period_start: string | null;
  period_end: string | null;
  value_min: number | null;
  value_max: number | null;
  value_text: string | null;
  quote: string;
  status: string;
  grade: string | null;
  source_title: string | null;
  publisher: string | null;
  published: string | null;
  independent_sources: number;
}

interface Source {
  source_id: number;
  title: string | null;
  publisher: string | null;
  published: string | null;
  file_name: string;
  grade: string | null;
  sha256: string;
  accepted_claims: number;
  suggested_claims: number;
}

type DailyPresence =
  | { available: true; data: { series: { city_id: string; points: [string, number][] }[] } }
  | { available: false };

/** The Monday of a day's ISO week. */
function monday(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * Likely workers present in the claim's city in the week of its period (or publication): the
 * mean of the week's days, as the overview's weekly presence counts it.
 */
function measured(c: Claim, p: DailyPresence | undefined): string | null {
  const day = c.period_start ?? c.published;
  if (!day || !p?.available || !c.place_id) return null;
  const placeId = c.place_id;
  const series = p.data.series.find((s) => placeId === s.city_id || placeId.startsWith(s.city_id));
  const week = monday(day);
  const days = series?.points.filter((x) => monday(x[0]) === week) ?? [];
  if (days.length === 0) return null;
  const mean = Math.round((days.reduce((n, x) => n + x[1], 0) / days.length) * 10) / 10;
  return `${fmt(mean)} likely workers (week of ${week})`;
}

function claimRow(c: Claim, p: DailyPresence | undefined): ClaimRow {
  return {
    claim_id: c.claim_id,
    kind: c.kind,
    place: c.place,
    period: c.period_start ? `${c.period_start} – ${c.period_end ?? ""}` : "",
    says: c.value_text ?? "",
    quote: c.quote,
    source: `${c.source_title ?? c.publisher ?? `source ${c.source_id}`} (${c.published ?? "undated"})`,
    grade: c.grade,
    status: c.status,
    records: measured(c, p),
    corroboration:
      c.independent_sources > 1 ? `${c.independent_sources} independent sources` : "single source",
  };
}

export function EvidencePage() {
  const claims = useData<{ claims: Claim[] }>("/api/evidence/claims");
  const sources = useData<{ sources: Source[] }>("/api/evidence/sources");
  const presence = useData<DailyPresence>("/api/presence");
  return (
    <Page title="Evidence">
      <h2>Claims beside the data</h2>
      <p class="definition">
        Each claim from a field report is set beside what the records show: the weekly mean of
        likely workers present in the claim's city in the week of its period (or, without one, of
        its publication).
      </p>
      <Status loaded={claims}>
        {(d) => (
          <ClaimsTable
            caption={`Claims (${d.claims.length})`}
            rows={d.claims.map((c) => claimRow(c, presence.data))}
          />
        )}
      </Status>
      <h2>Sources</h2>
      <Status loaded={sources}>
        {(d) => (
          <SourcesTable
            caption="Evidence sources"
            rows={d.sources.map((x) => ({
              ...x,
              file: x.file_name,
              claims: `${x.accepted_claims} accepted, ${x.suggested_claims} suggested`,
            }))}
          />
        )}
      </Status>
    </Page>
  );
}
