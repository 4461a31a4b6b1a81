import { href } from "../router.js";
import { fmt, Page, Status, useData } from "../ui.js";

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

interface Overview {
  presence: { series: { city_id: string; name: string; points: [string, number][] }[] } | null;
}

/** Likely workers present in the claim's city in the week of its period (or publication). */
function measured(c: Claim, o: Overview | undefined): { value: number; week: string } | null {
  const day = c.period_start ?? c.published;
  const series = o?.presence?.series.find(
    (s) => c.place_id && (s.city_id === c.place_id || c.place_id.startsWith(s.city_id)),
  );
  if (!day || !series) return null;
  const pt = series.points.filter((p) => p[0] <= day).at(-1);
  return pt ? { value: pt[1], week: pt[0] } : null;
}

export function EvidencePage() {
  const claims = useData<{ claims: Claim[] }>("/api/evidence/claims");
  const sources = useData<{ sources: Source[] }>("/api/evidence/sources");
  const overview = useData<Overview>("/api/views/overview");
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
          <table>
            <caption>Claims ({d.claims.length})</caption>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Place</th>
                <th scope="col">Says</th>
                <th scope="col">Quote</th>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
                <th scope="col">The records show</th>
              </tr>
            </thead>
            <tbody>
              {d.claims.map((c) => {
                const m = measured(c, overview.data);
                return (
                  <tr key={c.claim_id}>
                    <td>
                      #{c.claim_id} {c.kind}
                    </td>
                    <td>{c.place ?? "—"}</td>
                    <td>{c.value_text ?? "—"}</td>
                    <td>
                      <q>{c.quote}</q>
                    </td>
                    <td>
                      {c.source_title ?? c.publisher} ({c.published ?? "undated"}), grade{" "}
                      {c.grade ?? "?"}
                    </td>
                    <td>{c.status}</td>
                    <td>
                      {m && c.place ? (
                        <a href={href(["alerts"], { place: c.place, sort: "score" })}>
                          {fmt(m.value)} likely workers (week of {m.week})
                        </a>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Status>
      <h2>Sources</h2>
      <Status loaded={sources}>
        {(d) => (
          <table>
            <caption>Evidence sources</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Publisher</th>
                <th scope="col">Published</th>
                <th scope="col">Grade</th>
                <th scope="col">File (SHA-256)</th>
                <th scope="col" class="num">
                  Claims (accepted / suggested)
                </th>
              </tr>
            </thead>
            <tbody>
              {d.sources.map((s) => (
                <tr key={s.source_id}>
                  <td>{s.title ?? `source ${s.source_id}`}</td>
                  <td>{s.publisher ?? "—"}</td>
                  <td>{s.published ?? "—"}</td>
                  <td>{s.grade ?? "—"}</td>
                  <td class="mono">
                    {s.file_name} ({s.sha256.slice(0, 12)}…)
                  </td>
                  <td class="num">
                    {s.accepted_claims} / {s.suggested_claims}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Status>
    </Page>
  );
}
