/**
 * The report's sections drawn with the web app's views (`preact-render-to-string`), bundled for
 * Node into dist/report-views/ by scripts/build-web.mjs and loaded by src/report at run time.
 * Charts become placeholders that the page's own script fills from the options collected here;
 * nothing links out, since the report is one file with no other pages.
 */
import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import { AlertTable } from "../views/alert-table.js";
import { barsOption, deadlineLine } from "../views/chart-options.js";
import { ChartContext, type ChartSpec, ChartView, fmt } from "../views/context.js";
import { CrossingsMap, PortTable } from "../views/crossings-map.js";
import { ClaimsTable, SourcesTable } from "../views/evidence.js";
import { FigureGrid } from "../views/figures.js";
import { PresenceView } from "../views/presence.js";
import { CohortTable, RotationTimeline, SponsorNames } from "../views/teams.js";
import type {
  CitedRecord,
  ReportChart,
  ReportSection,
  ReportViewData,
  ReportViews,
  SectionOf,
  SponsorRankRow,
} from "./report-data.js";

function Unavailable({ section }: { section: SectionOf<unknown> }) {
  if (section.available) return null;
  return (
    <p class="unavailable">Not available: {section.reason.replace(/^[^:]*not available: /, "")}</p>
  );
}

function Headline({ d }: { d: ReportViewData }) {
  const monthly = d.monthly;
  const option = barsOption(
    monthly.map((m) => m.month),
    [
      { name: "entries into China", data: monthly.map((m) => m.entries) },
      { name: "exits to the DPRK", data: monthly.map((m) => m.exits) },
    ],
    false,
  );
  const deadlineMonth = d.deadline.slice(0, 7);
  const series = option.series as Record<string, unknown>[];
  if (series[0] && monthly.some((m) => m.month === deadlineMonth))
    series[0].markLine = { ...deadlineLine(deadlineMonth), label: { show: false } };
  return (
    <>
      <h2>Headline figures</h2>
      <FigureGrid lead={d.headline.lead} items={d.headline.items} />
      {monthly.length > 0 && (
        <ChartView
          id="chart-monthly"
          title="DPRK-national crossings per month"
          label="DPRK-national entries into China and exits to the DPRK per month"
          height={320}
          option={option}
        />
      )}
    </>
  );
}

function Presence({ d }: { d: ReportViewData }) {
  const p = d.presence;
  return (
    <>
      <h2>Presence over time, per city</h2>
      <p>
        The dashed line marks the repatriation deadline of UNSCR 2397 op. 8,{" "}
        <strong>{d.deadline}</strong>. {p.available ? p.data.note : ""}
      </p>
      <Unavailable section={p} />
      {p.available && <PresenceView presence={p.data} deadline={d.deadline} />}
    </>
  );
}

function MapSection({ d }: { d: ReportViewData }) {
  return (
    <>
      <h2>China–DPRK crossings</h2>
      <p>{d.map.note}</p>
      <div class="map-wrap">
        <CrossingsMap svg={d.map.svg} />
      </div>
      <PortTable rows={d.map.ports} caption="DPRK-national crossings per port" />
      {d.map.unknownPortCrossings > 0 && (
        <p class="warn">
          {fmt(d.map.unknownPortCrossings)} records name a port the gazetteer does not know; they
          are not on the map (see Methodology).
        </p>
      )}
    </>
  );
}

function Sponsors({ d }: { d: ReportViewData }) {
  const s = d.sponsors;
  const k = d.cohorts;
  return (
    <>
      <h2>Top sponsors and cohorts</h2>
      <p>
        Sponsors are the inviting or employing organisations written on DPRK-national crossing
        records, grouped across scripts and spellings (legal forms and city prefixes dropped,
        Chinese and Korean romanized: 珲春市东洋水产有限公司 and Hunchun Dongyang Seafood Co., Ltd.
        are one sponsor). Ranked by distinct travel documents.
      </p>
      <Unavailable section={s} />
      {s.available && (
        <>
          <SponsorRanking rows={s.data.ranked} />
          {s.data.names.length > 0 && (
            <>
              <h3>Sponsor names in every script</h3>
              <SponsorNames sponsors={s.data.names} />
            </>
          )}
          <RotationTimeline
            id="chart-sponsors"
            title="Rotation timeline: DPRK-national entries per day, top sponsors"
            rows={s.data.timeline}
            deadline={d.deadline}
          />
        </>
      )}
      <h3>Cohorts</h3>
      <Unavailable section={k} />
      {k.available && (
        <>
          <CohortTable rows={k.data.rows} caption="The largest cohorts, labour teams first" />
          <RotationTimeline
            id="chart-cohorts"
            title="Cohort movements (crossing days of each cohort)"
            rows={k.data.timeline}
            deadline={d.deadline}
          />
        </>
      )}
    </>
  );
}

function SponsorRanking({ rows }: { rows: SponsorRankRow[] }) {
  return (
    <div class="table-wrap">
      <table class="sponsors">
        <caption>Sponsors by distinct travel documents</caption>
        <thead>
          <tr>
            {[
              "sponsor (Latin spelling where recorded)",
              "spellings",
              "documents",
              "crossings",
              "entries after deadline",
              "likely workers",
              "first – last",
              "sanctions match",
            ].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <td>{r.label}</td>
              <td class="num">{fmt(r.spellings)}</td>
              <td class="num">{fmt(r.documents)}</td>
              <td class="num">{fmt(r.crossings)}</td>
              <td class="num">{fmt(r.entriesAfterDeadline)}</td>
              <td class="num">{r.likelyWorkers === null ? "n/a" : fmt(r.likelyWorkers)}</td>
              <td class="nowrap">{r.period}</td>
              <td>{r.sanctions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cited({ rows }: { rows: CitedRecord[] }) {
  if (rows.length === 0) return <p class="empty">none</p>;
  const cols = ["source", "record_id", "date", "direction", "port", "doc", "name"] as const;
  return (
    <table class="evidence">
      <thead>
        <tr>
          {["source", "record", "date", "direction", "port", "document", "name"].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.record_id}>
            {cols.map((c) => (
              <td key={c}>{r[c]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Alerts({ d }: { d: ReportViewData }) {
  const a = d.alerts;
  if (!a.available)
    return (
      <>
        <h2>Top alerts with their evidence</h2>
        <Unavailable section={a} />
      </>
    );
  const cited = new Map(a.data.rows.map((r) => [r.alert_id, r.cited]));
  return (
    <>
      <h2>Top alerts with their evidence</h2>
      <p>
        {fmt(a.data.total)} alerts in the store; the strongest of each rule below, each with the
        input records it cites (first six shown).
      </p>
      <ChartView
        id="chart-alerts"
        title="Alerts by rule"
        label="Alerts per rule"
        height={80 + 34 * a.data.byRule.length}
        option={barsOption(
          a.data.byRule.map((r) => r.rule),
          [{ name: "alerts", data: a.data.byRule.map((r) => r.alerts) }],
          true,
        )}
      />
      <AlertTable
        items={a.data.rows}
        caption="The strongest alerts of each rule"
        detail={(row) => <Cited rows={cited.get(row.alert_id) ?? []} />}
      />
    </>
  );
}

function Evidence({ d }: { d: ReportViewData }) {
  const e = d.evidence;
  return (
    <>
      <h2>Evidence: what the sources say, beside the data</h2>
      <p>
        Sources are graded on the Admiralty scale: reliability A–F, credibility 1–6 (F6 = cannot be
        judged).
      </p>
      <Unavailable section={e} />
      {e.available && (
        <>
          <h3>Sources</h3>
          <SourcesTable rows={e.data.sources} caption="Evidence sources" />
          <h3>Claims beside the data</h3>
          <p>
            Claims extracted from the sources (status <em>suggested</em> = found by the extraction
            rules and not yet reviewed; <em>accepted</em> = reviewed). For worker counts, the
            records column gives what the crossing records show for the same place and period and
            the reading compares them (tolerance ×1.5).
          </p>
          <ClaimsTable rows={e.data.claims} caption="Claims" />
        </>
      )}
    </>
  );
}

const SECTIONS: Record<ReportSection, (p: { d: ReportViewData }) => ComponentChildren> = {
  headline: Headline,
  presence: Presence,
  map: MapSection,
  sponsors: Sponsors,
  alerts: Alerts,
  evidence: Evidence,
};

export const renderReportSections: ReportViews["renderReportSections"] = (data, fontStack) => {
  const charts: ReportChart[] = [];
  // The report's chart: a captioned placeholder whose option the page's script draws as SVG.
  const ReportChartBox = (spec: ChartSpec) => {
    charts.push({
      id: spec.id,
      option: { ...spec.option, textStyle: { fontFamily: fontStack } },
    });
    return (
      <figure class="chart">
        <figcaption>{spec.title ?? spec.label}</figcaption>
        <div
          class="chart-box"
          id={spec.id}
          data-chart={spec.id}
          role="img"
          aria-label={spec.label}
          style={`height:${spec.height}px`}
        />
      </figure>
    );
  };
  const sections = {} as Record<ReportSection, string>;
  for (const [name, Section] of Object.entries(SECTIONS) as [
    ReportSection,
    (p: { d: ReportViewData }) => ComponentChildren,
  ][]) {
    sections[name] = renderToString(
      <ChartContext.Provider value={ReportChartBox}>
        <section id={name}>
          <Section d={data} />
        </section>
      </ChartContext.Provider>,
    );
  }
  return { sections, charts };
};
