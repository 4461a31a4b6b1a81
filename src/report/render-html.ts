/**
 * The report as one self-contained HTML file: styles, data, the ECharts library and the map are
 * all inside it, and a Content-Security-Policy forbids the page any network access, so it opens
 * the same offline, attached to a case file, years later. Sections whose tables are missing say
 * which command fills them.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { buildCharts, type ChartSpec, presenceDefinition } from "./charts.js";
import { CITED_SOURCES, citationKeys } from "./citations.js";
import { type EmbeddedFonts, embedCjkFonts, FONT_STACK } from "./fonts.js";
import {
  formatInt,
  formatNumber,
  escapeHtml as h,
  longDate,
  nextDay,
  scriptJson,
} from "./format.js";
import type { ReportData, Section } from "./gather.js";
import { type CrossingsMap, drawCrossingsMap } from "./map.js";

export interface RenderInfo {
  sojournVersion: string;
  echartsVersion: string;
}

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  return (
    JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }
  ).version;
}

function echartsSource(): string {
  // A literal "</script" inside the library would end the element early.
  return readFileSync(require.resolve("echarts/dist/echarts.min.js"), "utf8").replaceAll(
    "</script",
    "<\\/script",
  );
}

function table(rows: Record<string, unknown>[], columns: [string, string][], cls = ""): string {
  if (rows.length === 0) return `<p class="empty">none</p>`;
  const head = columns.map(([, label]) => `<th>${h(label)}</th>`).join("");
  const body = rows
    .map(
      (r) =>
        `<tr>${columns
          .map(([key]) => {
            const v = r[key];
            const text =
              typeof v === "number"
                ? Number.isInteger(v)
                  ? formatInt(v)
                  : formatNumber(v)
                : (v ?? "");
            return `<td${typeof v === "number" ? ' class="num"' : ""}>${h(text)}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("");
  return `<div class="table-wrap"><table class="${cls}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function unavailable(section: Section<unknown>): string {
  return section.available
    ? ""
    : `<p class="unavailable">Not available: ${h(section.reason.replace(/^[^:]*not available: /, ""))}</p>`;
}

function chartDiv(spec: ChartSpec | undefined): string {
  if (!spec) return "";
  return `<figure class="chart"><figcaption>${h(spec.title)}</figcaption><div class="chart-box" id="${spec.id}" data-chart="${spec.id}" style="height:${spec.height}px"></div></figure>`;
}

/** A headline figure: its value, what it counts, and its definition (or the command it needs). */
interface Figure {
  id: string;
  label: string;
  value: number | null;
  definition: string;
  missingHint: string;
}

function figure(f: Figure, lead = false): string {
  const shown = f.value === null ? `<span class="na">n/a</span>` : h(formatInt(f.value));
  const missing = f.value === null ? `<div class="note">Needs: ${h(f.missingHint)}</div>` : "";
  return `<div class="figure${lead ? " lead" : ""}" data-figure="${h(f.id)}"><div class="value">${shown}</div><div class="label">${h(f.label)}</div><div class="definition"><span>Definition:</span> ${h(f.definition)}</div>${missing}</div>`;
}
/** What every section renders from: the data, its charts and map, and the build's versions. */
interface RenderContext {
  data: ReportData;
  chart(id: string): string;
  map: CrossingsMap;
  sojournVersion: string;
  echartsVersion: string;
  /** "place X, from to to" as the header states it. */
  scope: string;
  /** The records' first to last day. */
  period: string;
  portName(id: string): string;
}

function headerHtml({ data, scope, period }: RenderContext): string {
  return `<header>
<h1>Sojourn compliance report: DPRK labour in China after the UNSCR 2397 deadline</h1>
<p class="meta">Generated ${h(data.generatedAt.replace("T", " ").slice(0, 16))} UTC from store <code>${h(data.storePath)}</code> · scope: ${h(scope)} · records from ${h(period)}</p>
<p class="masking">${
    data.masked
      ? "Privacy: persons appear under pseudonymous ids (P-…); names keep only their first letter (e.g. K**), document numbers at most their last two characters (e.g. *******86), and records are cited by ingest run and line (e.g. r1:1042) instead of their record ids. The people in these records are often victims of forced labour; the findings concern the scheme, its sponsors and organisers. Regenerate with <code>--unmask</code> only for a case file that needs the full values."
      : "UNMASKED: this report shows full document numbers, names and record ids as recorded (generated with --unmask). Handle it as personal data of people who are often victims of forced labour."
  }</p>
<nav>${[
    ["headline", "Headline"],
    ["presence", "Presence over time"],
    ["map", "Crossings map"],
    ["sponsors", "Sponsors and cohorts"],
    ["alerts", "Alerts"],
    ["sanctions", "Sanctions matches"],
    ["evidence", "Evidence"],
    ["methodology", "Methodology and data quality"],
    ["sources", "Sources cited"],
  ]
    .map(([id, label]) => `<a href="#${id}">${label}</a>`)
    .join(" · ")}</nav>
</header>`;
}

function headlineSection({ data, chart, period }: RenderContext): string {
  const hl = data.headline;
  const { deadline, likelyWorker } = data.policy;
  const detection = "run sojourn analyze (detection step)";
  const lead: Figure = {
    id: "present-after-deadline",
    label: `likely DPRK workers present in China on ${longDate(nextDay(deadline))}, the day after the UNSCR 2397 repatriation deadline`,
    value: hl.presenceAfterDeadline,
    definition: `persons with a labour score ≥ ${likelyWorker} whose stay in China (from an entry to the matching exit, or to the end of the records when no exit is seen) covers ${longDate(nextDay(deadline))}, counted once each, at the city of the port they entered by (the detection step's presence table). This is the report's measure of workers still in China after the deadline.`,
    missingHint: "needs the detection step's presence table: run sojourn analyze",
  };
  const figures: Figure[] = [
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
  return `<section id="headline"><h2>Headline figures</h2>
${figure(lead, true)}
<div class="figures">
${figures.map((f) => figure(f)).join("\n")}
</div>
${chart("chart-monthly")}
</section>`;
}

function presenceSection({ data, chart }: RenderContext): string {
  const { deadline, likelyWorker } = data.policy;
  const presenceNote = data.presence.available
    ? data.presence.data.method === "presence-table"
      ? `${presenceDefinition("presence-table")} A person is present on a day when their labour score is ≥ ${likelyWorker} and a stay of theirs (entry to exit, from the detection step's presence table) covers it; the daily counts swing as teams leave for a day or two to renew papers, which the weekly mean smooths.`
      : `${presenceDefinition("net-flow")} The detection step's presence table is not in this store (run sojourn analyze with detection), so this is the crude running balance of DPRK-national entries minus exits through each city's crossings since the first record, raised so that its lowest point is zero (people already inside when the logs start leave before they are seen entering). It counts every DPRK national, workers or not, and is distorted by persons entering at one city and leaving at another and by gaps in the logs.`
    : "";
  return `<section id="presence"><h2>Presence over time, per city</h2>
<p>The dashed line marks the repatriation deadline of UNSCR 2397 op. 8, <strong>${deadline}</strong>. ${h(presenceNote)}</p>
${unavailable(data.presence)}${chart("chart-presence")}</section>`;
}

function mapSection({ data, map, portName }: RenderContext): string {
  const flowRows = data.portFlows
    .map((fl) => ({
      port: portName(fl.port_id),
      entries: fl.entries,
      exits: fl.exits,
      net: fl.entries - fl.exits,
    }))
    .sort((a, b) => b.entries + b.exits - (a.entries + a.exits));
  return `<section id="map"><h2>China–DPRK crossings</h2>
<p>DPRK-national crossings per port in the selected records: ↓ entries into China, ↑ exits to the DPRK. ${map.drawn} ports drawn${map.approximate.length ? `; ${map.approximate.length} whose own coordinates the gazetteer lacks are drawn at their city's coordinates, with a dashed outline and ≈ before the name (listed below the map)` : ""}${map.portsWithoutCoordinates.length ? `; ${map.portsWithoutCoordinates.length} with neither are not drawn (listed under Methodology)` : ""}${map.unlabelled ? `; ${map.unlabelled} ports without traffic are unlabelled where their names would overlap (hover for the name)` : ""}.</p>
<div class="map-wrap">${map.svg}</div>
${
  map.approximate.length
    ? `<h3>Ports placed approximately (at their city)</h3>${table(
        map.approximate.map((p) => ({
          ...p,
          position: `${p.city} (${p.lat.toFixed(3)}, ${p.lon.toFixed(3)})`,
        })),
        [
          ["name", "port"],
          ["position", "drawn at the coordinates of"],
          ["crossings", "DPRK crossings"],
        ],
        "approximate",
      )}`
    : ""
}
${table(flowRows, [
  ["port", "port"],
  ["entries", "DPRK entries"],
  ["exits", "DPRK exits"],
  ["net", "net (entries − exits)"],
])}
${data.unknownPortCrossings > 0 ? `<p class="warn">${formatInt(data.unknownPortCrossings)} records name a port the gazetteer does not know; they are not on the map (see Methodology).</p>` : ""}
</section>`;
}

function sponsorsSection({ data, chart }: RenderContext): string {
  const sponsorRows = data.sponsors.available
    ? data.sponsors.data.rows.map((s) => ({
        ...s,
        likely: s.likelyWorkers ?? "n/a",
        period: `${s.first} – ${s.last}`,
        sanctions: s.sanctions ?? "",
      }))
    : [];
  return `<section id="sponsors"><h2>Top sponsors and cohorts</h2>
<p>Sponsors are the inviting or employing organisations written on DPRK-national crossing records, grouped across scripts and spellings (legal forms and city prefixes dropped, Chinese and Korean romanized: 珲春市东洋水产有限公司 and Hunchun Dongyang Seafood Co., Ltd. are one sponsor). Ranked by distinct travel documents.</p>
${unavailable(data.sponsors)}
${
  data.sponsors.available
    ? table(sponsorRows, [
        ["label", "sponsor (Latin spelling where recorded)"],
        ["spellings", "spellings"],
        ["documents", "documents"],
        ["crossings", "crossings"],
        ["entriesAfterDeadline", "entries after deadline"],
        ["likely", "likely workers"],
        ["period", "first – last"],
        ["sanctions", "sanctions match"],
      ])
    : ""
}
${chart("chart-sponsors")}
<h3>Cohorts</h3>
${unavailable(data.cohorts)}
${
  data.cohorts.available
    ? table(data.cohorts.data as unknown as Record<string, unknown>[], [
        ["cohort_id", "cohort"],
        ["kind", "kind"],
        ["members", "members"],
        ["ports", "ports"],
        ["sponsors", "sponsors"],
        ["first_seen", "first seen"],
        ["last_seen", "last seen"],
      ])
    : ""
}
${chart("chart-cohorts")}
</section>`;
}

function alertsSection({ data, chart }: RenderContext): string {
  let alertsHtml = unavailable(data.alerts);
  if (data.alerts.available) {
    alertsHtml += `<p>${formatInt(data.alerts.data.total)} alerts in the store; the strongest of each rule below, each with the input records it cites (first six shown).</p>${chart("chart-alerts")}`;
    alertsHtml += data.alerts.data.rows
      .map(
        (
          a,
        ) => `<article class="alert"><h3><span class="rule">${h(a.rule)}</span> ${h(a.alert_id)} · score ${h(formatNumber(a.score))}${a.rule_version ? ` · rule version ${h(a.rule_version)}` : ""}</h3>
<p>${a.person_id ? `person <code>${h(a.person_id)}</code> · ` : ""}${a.cohort_id ? `cohort <code>${h(a.cohort_id)}</code> · ` : ""}${h(a.period_start ?? "")} – ${h(a.period_end ?? "")} · ${formatInt(a.record_count)} records</p>
<p class="summary">${h(a.summary)}</p>
${table(
  a.evidence as unknown as Record<string, unknown>[],
  [
    ["source", "source"],
    ["record_id", "record"],
    ["date", "date"],
    ["direction", "direction"],
    ["port", "port"],
    ["doc", "document"],
    ["name", "name"],
  ],
  "evidence",
)}</article>`,
      )
      .join("");
  }
  return `<section id="alerts"><h2>Top alerts with their evidence</h2>${alertsHtml}</section>`;
}

function sanctionsSection({ data }: RenderContext): string {
  return `<section id="sanctions"><h2>Sanctions matches</h2>
<p>Sponsors (and, if screened, persons) matched against the imported lists: ${
    data.quality.lists.length
      ? data.quality.lists
          .map((l) => `${h(l.list)} ${h(l.version ?? "")} (${formatInt(l.entities)} entries)`)
          .join(", ")
      : "none imported"
  }. A match is a lead to check against the listing, not a finding.</p>
${unavailable(data.hits)}
${data.hits.available && data.hits.data.length === 0 ? `<p>No sponsor or person matched a listed name at or above the screening threshold.</p>` : ""}
${
  data.hits.available && data.hits.data.length > 0
    ? table(data.hits.data as unknown as Record<string, unknown>[], [
        ["subject_kind", "kind"],
        ["subject", "subject as recorded"],
        ["list", "list"],
        ["reference", "reference"],
        ["name", "listed name"],
        ["programmes", "programmes"],
        ["score", "score"],
        ["explanation", "why"],
      ])
    : ""
}
</section>`;
}

function evidenceSection({ data }: RenderContext): string {
  let evidenceHtml = unavailable(data.evidence);
  if (data.evidence.available) {
    evidenceHtml += `<h3>Sources</h3>${table(data.evidence.data.sources, [
      ["source_id", "#"],
      ["title", "title"],
      ["publisher", "publisher"],
      ["published", "published"],
      ["grade", "grade"],
      ["media_type", "type"],
      ["sha256", "SHA-256 (first 12)"],
      ["claims", "claims"],
    ])}`;
    const claimRows = data.evidence.data.claims.map(({ claim: c, beside: b }) => ({
      id: c.claim_id,
      grade: c.grade,
      kind: c.kind,
      status: c.status,
      place: c.place ?? c.place_text ?? "",
      period: c.period_start ? `${c.period_start} – ${c.period_end}` : (c.published ?? ""),
      value:
        c.value_min === null && c.value_max === null
          ? ""
          : c.value_min === c.value_max
            ? `${c.value_min} ${c.value_unit ?? ""}`
            : `${c.value_min ?? "…"}–${c.value_max ?? "…"} ${c.value_unit ?? ""}`,
      quote: c.quote.length > 220 ? `${c.quote.slice(0, 219)}…` : c.quote,
      organisation: c.organisation
        ? `${c.organisation}${c.sponsor_keys.length ? ` → sponsor in the records: ${c.sponsor_keys.join("; ")}` : ""}`
        : "",
      data: b
        ? `${b.method === "presence-table" ? "likely workers" : "net flow"} peak ${b.peak === null ? "–" : formatInt(b.peak)} in ${b.from} – ${b.to}; ${formatInt(b.dprkCrossings)} DPRK crossings`
        : "",
      reading: b?.reading ?? "",
      corroboration:
        c.independent_sources > 1
          ? `${c.independent_sources} independent sources`
          : "single source",
    }));
    evidenceHtml += `<h3>Claims beside the data</h3><p>Claims extracted from the sources (status <em>suggested</em> = found by the extraction rules and not yet reviewed; <em>accepted</em> = reviewed). For worker counts, the data column gives what the crossing records show for the same place and period and the reading compares them (tolerance ×1.5).</p>${table(
      claimRows,
      [
        ["id", "#"],
        ["grade", "grade"],
        ["kind", "kind"],
        ["status", "status"],
        ["place", "place"],
        ["period", "period"],
        ["value", "value"],
        ["quote", "quote"],
        ["organisation", "organisation"],
        ["data", "the data"],
        ["reading", "reading"],
        ["corroboration", "corroboration"],
      ],
      "claims",
    )}`;
  }
  return `<section id="evidence"><h2>Evidence: what the sources say, beside the data</h2><p>Sources are graded on the Admiralty scale: reliability A–F, credibility 1–6 (F6 = cannot be judged).</p>${evidenceHtml}</section>`;
}

function methodologySection(ctx: RenderContext): string {
  const { data, map, echartsVersion, sojournVersion } = ctx;
  const { deadline, likelyWorker } = data.policy;
  const q = data.quality;
  const noCoords = map.portsWithoutCoordinates.map((p) => ({ ...p }));
  return `<section id="methodology"><h2>Methodology and data quality</h2>
<h3>How the figures are made</h3>
<ul>
<li><strong>Records</strong>: every input row ends as loaded, duplicate (same source and record_id) or rejected with its reason; nothing is dropped silently. Dates are local dates at the port.</li>
<li><strong>Persons</strong>: identity resolution joins records by document number, names across Hangul, Chinese characters and romanizations, passport renewals and typos; ids are pseudonymous (a salted hash), stable across runs.</li>
<li><strong>Likely workers</strong>: a person whose labour score is at least ${likelyWorker} (the export contract: "likely an income-earning worker in the host country"). The deadline is UNSCR 2397 op. 8: repatriation by ${deadline}.</li>
<li><strong>Presence</strong>: ${data.presence.available ? (data.presence.data.method === "presence-table" ? "from the detection step's presence table" : "net flow of DPRK-national entries minus exits (no presence table in this store)") : "not available"}.</li>
<li><strong>Map</strong>: Natural Earth 1:50m country shapes (public domain, via the world-atlas package), Mercator projection, drawn as SVG when the report is built; port coordinates from the gazetteer (data/gazetteer/ports.csv).</li>
<li><strong>Offline</strong>: this file contains its data, styles, the map and the ECharts ${h(echartsVersion)} library; its Content-Security-Policy forbids any network request.</li>
</ul>
<h3>Policy and rule versions</h3>
${q.analyzeRun ? `<p>Last analyze run ${h(q.analyzeRun.run_at)} UTC with policy version <strong>${h(q.analyzeRun.policy_version ?? "?")}</strong>${q.analyzeRun.policy_fingerprint ? ` (fingerprint ${h(q.analyzeRun.policy_fingerprint)})` : ""}.</p>` : ""}
${
  q.policy.length
    ? table(q.policy, [
        ["rule", "rule"],
        ["rule_version", "version"],
        ["alerts", "alerts"],
      ])
    : `<p class="unavailable">Not available: run sojourn analyze (detection step)</p>`
}
<h3>Ingest runs</h3>
${table(q.runs, [
  ["run_id", "run"],
  ["file", "file"],
  ["source", "source"],
  ["sha256", "SHA-256 (first 12)"],
  ["status", "status"],
  ["read", "read"],
  ["loaded", "loaded"],
  ["duplicates", "duplicates"],
  ["rejected", "rejected"],
  ["reexports", "re-exports"],
  ["warnings", "warnings"],
  ["parse_path", "path"],
  ["started", "started"],
])}
<h3>Rejected rows by reason</h3>
${table(q.rejectsByReason, [
  ["column_name", "column"],
  ["reason", "reason"],
  ["rows", "rows"],
])}
<h3>Warnings on loaded rows</h3>
${table(q.warningsByColumn, [
  ["column_name", "column"],
  ["message", "message"],
  ["rows", "rows"],
])}
<h3>Unresolved ports</h3>
${table(q.unresolvedPorts, [
  ["port_raw", "port as written"],
  ["rows", "records"],
])}
<h3>Gazetteer ports without coordinates of their own or their city's (not on the map)</h3>
${table(noCoords, [
  ["id", "id"],
  ["name", "name"],
  ["crossings", "DPRK crossings"],
])}
<h3>Identity resolution</h3>
${
  q.identity
    ? table(
        Object.entries(q.identity).map(([k, v]) => ({ measure: k.replaceAll("_", " "), value: v })),
        [
          ["measure", "measure"],
          ["value", "value"],
        ],
      ) +
      table(q.linksByReason, [
        ["reason", "link reason"],
        ["links", "links"],
      ])
    : `<p class="unavailable">Not available: run sojourn analyze</p>`
}
<h3>Sanctions lists</h3>
${
  q.lists.length
    ? table(q.lists, [
        ["list", "list"],
        ["version", "version"],
        ["entities", "entries"],
        ["imported_at", "imported"],
      ])
    : `<p class="unavailable">Not available: run sojourn lists import FILE</p>`
}
<h3>Software and schema</h3>
<p>Sojourn ${h(sojournVersion)} · store schema version ${q.migrations.at(-1)?.version ?? "?"} (${h(q.migrations.map((m) => m.name).join("; "))}) · ECharts ${h(echartsVersion)}.</p>
</section>`;
}

/** The sources the page's citation keys ([S27]) point to; unknown keys are said so. */
function sourcesSection(text: string): string {
  const keys = citationKeys(text);
  if (keys.length === 0)
    return `<section id="sources"><h2>Sources cited</h2><p>No citation keys appear in this report.</p></section>`;
  const items = keys.map((key) => {
    const src = CITED_SOURCES.find((s) => s.key === key);
    return src
      ? `<li id="source-${h(key)}" data-key="${h(key)}"><strong>[${h(key)}]</strong> ${h(src.title)}: <span class="url">${h(src.url)}</span></li>`
      : `<li id="source-${h(key)}" data-key="${h(key)}" class="warn"><strong>[${h(key)}]</strong> not in the source table of this build</li>`;
  });
  return `<section id="sources"><h2>Sources cited</h2><p>The citation keys in rule texts, alert summaries and notes of this report point to these public pages (addresses as read; some are mirrors or copies, as their titles say).</p><ul class="sources">${items.join("")}</ul></section>`;
}

/** The page with the CJK characters it uses embedded as font subsets (see fonts.ts). */
export async function renderReportPage(
  data: ReportData,
  info?: Partial<RenderInfo>,
): Promise<{ html: string; fonts: EmbeddedFonts }> {
  const draft = renderReportHtml(data, info);
  // The text a reader sees: the page and the chart data, not the embedded library's source.
  const fonts = await embedCjkFonts(draft.replace(/<script>[\s\S]*?<\/script>/g, ""));
  const at = draft.indexOf("</head>");
  const html = `${draft.slice(0, at)}<style id="cjk-fonts">${fonts.css}</style>\n${draft.slice(at)}`;
  return { html, fonts };
}

/** The report's page; scripts are allowed by their hashes only (no inline handlers). */
export function renderReportHtml(data: ReportData, info?: Partial<RenderInfo>): string {
  const charts = buildCharts(data);
  const hl = data.headline;
  const f = data.filters;
  const ctx: RenderContext = {
    data,
    chart: (id) => chartDiv(charts.find((c) => c.id === id)),
    map: drawCrossingsMap(data.gazetteer.ports, data.portFlows, data.gazetteer.cities),
    sojournVersion: info?.sojournVersion ?? "0.1.0",
    echartsVersion: info?.echartsVersion ?? packageVersion("echarts"),
    scope: [
      f.place ? `place ${f.place}` : "all places",
      f.from || f.to ? `${f.from ?? "start"} to ${f.to ?? "end"}` : "whole period",
    ].join(", "),
    period: hl.firstDay ? `${hl.firstDay} to ${hl.lastDay}` : "no records",
    portName: (id) => data.gazetteer.ports.find((p) => p.id === id)?.name_en ?? id,
  };
  const sections = [
    headerHtml,
    headlineSection,
    presenceSection,
    mapSection,
    sponsorsSection,
    alertsSection,
    sanctionsSection,
    evidenceSection,
    methodologySection,
  ].map((section) => section(ctx));
  const chartJson = scriptJson(charts.map((c) => ({ id: c.id, option: c.option })));
  sections.push(sourcesSection(sections.join("") + chartJson));
  const scripts = [echartsSource(), BOOT];
  const { sojournVersion, scope } = ctx;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(scripts)}">
<meta name="generator" content="Sojourn ${h(sojournVersion)}">
<title>Sojourn compliance report — ${h(scope)}</title>
<style>${CSS}</style>
</head>
<body data-rendered="false" data-masked="${data.masked}">
${sections.join("\n")}
<footer>Sojourn ${h(sojournVersion)} · one self-contained file: no network, no external resources.</footer>
<script type="application/json" id="chart-data">${chartJson}</script>
${scripts.map((s) => `<script>${s}</script>`).join("\n")}
</body>
</html>
`;
}

/**
 * No network at all; scripts only as embedded, each allowed by its SHA-256 (an inline event
 * handler or an injected script matches no hash, so it never runs). Styles stay inline.
 */
export function contentSecurityPolicy(scripts: readonly string[]): string {
  const hashes = scripts
    .map((s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`)
    .join(" ");
  return `default-src 'none'; script-src ${hashes}; style-src 'unsafe-inline'; img-src data:; font-src data:`;
}

/** Renders every chart with the SVG renderer and marks the body when all have finished. */
const BOOT = `(function () {
  var specs = JSON.parse(document.getElementById("chart-data").textContent);
  var pending = specs.length;
  var done = function () {
    pending -= 1;
    if (pending <= 0) document.body.setAttribute("data-rendered", "true");
  };
  if (pending === 0) document.body.setAttribute("data-rendered", "true");
  // The embedded CJK faces load first, so ECharts measures labels with the glyphs it draws.
  var CJK = /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
  var faces = [];
  if (document.fonts) document.fonts.forEach(function (f) { faces.push(f.load().catch(function () {})); });
  Promise.all(faces).then(function () {
    // Chromium can keep the fallback glyphs (empty boxes) of text shaped before the faces
    // loaded; CJK text nodes are replaced by fresh copies, which are shaped with the faces.
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    var stale = [];
    while (walker.nextNode()) if (CJK.test(walker.currentNode.data)) stale.push(walker.currentNode);
    stale.forEach(function (n) { n.parentNode.replaceChild(document.createTextNode(n.data), n); });
    specs.forEach(start);
  });
  function start(spec) {
    var el = document.getElementById(spec.id);
    var chart = echarts.init(el, null, { renderer: "svg" });
    var finished = false;
    chart.on("finished", function () {
      if (finished) return;
      finished = true;
      el.setAttribute("data-rendered", "true");
      done();
    });
    chart.setOption(spec.option);
    window.addEventListener("resize", function () { chart.resize(); });
  }
})();`;

const CSS = `
:root { --ink: #1b2631; --muted: #5d6d7e; --line: #d5dbdb; --accent: #1f5f8b; --warn: #c0392b; --bg: #fbfcfc; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px 28px 60px; font: 14px/1.5 ${FONT_STACK}; color: var(--ink); background: var(--bg); }
h1 { font-size: 24px; margin: 0 0 6px; }
h2 { font-size: 19px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 22px 0 8px; }
code { font-size: 12px; background: #eef2f3; padding: 1px 4px; border-radius: 3px; }
.meta { color: var(--muted); margin: 0 0 8px; }
.masking { background: #fef9e7; border-left: 4px solid #d68910; padding: 8px 12px; margin: 8px 0; }
nav { margin: 12px 0; color: var(--muted); }
nav a { color: var(--accent); text-decoration: none; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; }
.figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.figure .value { font-size: 26px; font-weight: 600; color: var(--accent); }
.figure .value .na { color: var(--muted); font-size: 18px; font-weight: 400; }
.figure .label { font-weight: 600; }
.figure .note { color: var(--muted); font-size: 12px; }
.figure .definition { color: var(--muted); font-size: 12px; margin-top: 2px; }
.figure .definition span { font-weight: 600; }
.figure.lead { border: 2px solid var(--warn); margin: 0 0 12px; padding: 12px 16px; }
.figure.lead .value { font-size: 34px; color: var(--warn); }
.figure.lead .label { font-size: 16px; }
.figure.lead .definition { font-size: 13px; max-width: 900px; }
.sources { font-size: 13px; padding-left: 18px; }
.sources .url { word-break: break-all; color: var(--muted); }
.map .port.approx { stroke-dasharray: 3 2; }
.map .port-label.quiet { fill: #5d6d7e; font-size: 11px; }
.chart { margin: 16px 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
.chart figcaption { font-weight: 600; margin: 0 0 4px 6px; }
.chart-box { width: 100%; }
.map-wrap { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px; }
.map { width: 100%; height: auto; display: block; }
.map .water { fill: #d6eaf8; }
.map .country { stroke: #fff; stroke-width: 0.8; fill: #e5e8e8; }
.map .country.cn { fill: #fdf2e9; stroke: #b9770e; }
.map .country.kp { fill: #e8daef; stroke: #7d3c98; }
.map .port { fill: #fff; stroke: #5d6d7e; stroke-width: 1; }
.map .port.busy { fill: rgba(192, 57, 43, 0.45); stroke: #922b21; stroke-width: 1.2; }
.map .port-label { font-size: 12px; fill: #17202a; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.map .port-label .flow { fill: #922b21; }
.map .sea { font-size: 13px; font-style: italic; fill: #5d8aa8; }
.map .legend rect { fill: #fff; stroke: var(--line); opacity: 0.92; }
.map .legend text { font-size: 12px; fill: var(--ink); }
.table-wrap { overflow-x: auto; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eef2f3; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.claims td:nth-child(8) { max-width: 360px; }
.unavailable { background: #f4f6f6; border: 1px dashed var(--muted); padding: 8px 12px; color: var(--muted); }
.warn { color: var(--warn); }
.empty { color: var(--muted); font-style: italic; }
.alert { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--warn); border-radius: 4px; padding: 6px 12px; margin: 10px 0; }
.alert h3 { margin: 4px 0; }
.alert .rule { color: var(--warn); }
.alert .summary { margin: 4px 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print { nav { display: none; } .chart, .alert, .figure { break-inside: avoid; } }
`;
