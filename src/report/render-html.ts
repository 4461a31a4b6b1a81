/**
 * The report as one self-contained HTML file: styles, data, the ECharts library and the map are
 * all inside it, and a Content-Security-Policy forbids the page any network access, so it opens
 * the same offline, attached to a case file, years later. Sections whose tables are missing say
 * which command fills them. The figures, presence, map, sponsors and cohorts, alerts and
 * evidence are drawn by the web app's views (./views.ts); the header, sanctions matches,
 * methodology and the sources cited are the report's own.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { CITED_SOURCES, citationKeys } from "./citations.js";
import { type EmbeddedFonts, embedCjkFonts, FONT_STACK } from "./fonts.js";
import { formatInt, formatNumber, escapeHtml as h, scriptJson } from "./format.js";
import type { ReportData, Section } from "./gather.js";
import { type CrossingsMap, drawCrossingsMap } from "./map.js";
import { reportViewData } from "./view-data.js";
import { loadReportViews } from "./views.js";

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

/** What every section renders from: the data, its charts and map, and the build's versions. */
interface RenderContext {
  data: ReportData;
  map: CrossingsMap;
  sojournVersion: string;
  echartsVersion: string;
  /** "place X, from to to" as the header states it. */
  scope: string;
  /** The records' first to last day. */
  period: string;
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
  const draft = await renderReportHtml(data, info);
  // The text a reader sees: the page and the chart data, not the embedded library's source.
  const fonts = await embedCjkFonts(draft.replace(/<script>[\s\S]*?<\/script>/g, ""));
  const at = draft.indexOf("</head>");
  const html = `${draft.slice(0, at)}<style id="cjk-fonts">${fonts.css}</style>\n${draft.slice(at)}`;
  return { html, fonts };
}

/** The report's page; scripts are allowed by their hashes only (no inline handlers). */
export async function renderReportHtml(
  data: ReportData,
  info?: Partial<RenderInfo>,
): Promise<string> {
  const hl = data.headline;
  const f = data.filters;
  const ctx: RenderContext = {
    data,
    map: drawCrossingsMap(data.gazetteer.ports, data.portFlows, data.gazetteer.cities),
    sojournVersion: info?.sojournVersion ?? "0.1.0",
    echartsVersion: info?.echartsVersion ?? packageVersion("echarts"),
    scope: [
      f.place ? `place ${f.place}` : "all places",
      f.from || f.to ? `${f.from ?? "start"} to ${f.to ?? "end"}` : "whole period",
    ].join(", "),
    period: hl.firstDay ? `${hl.firstDay} to ${hl.lastDay}` : "no records",
  };
  const views = await loadReportViews();
  const drawn = views.renderReportSections(reportViewData(data, ctx.map, ctx.period), FONT_STACK);
  const v = drawn.sections;
  const sections = [
    headerHtml(ctx),
    v.headline,
    v.presence,
    v.map,
    v.sponsors,
    v.alerts,
    sanctionsSection(ctx),
    v.evidence,
    methodologySection(ctx),
  ];
  const chartJson = scriptJson(drawn.charts);
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
caption { text-align: left; font-weight: 600; padding: 4px 0; }
.nowrap { white-space: nowrap; }
.mono { font-family: ui-monospace, monospace; font-size: 12px; }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 8px; }
.cards > li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.definition { color: var(--muted); }
table.alerts details summary { cursor: pointer; color: var(--accent); }
table.alerts table.evidence { font-size: 12px; margin-top: 4px; }
.empty { color: var(--muted); font-style: italic; }
.alert { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--warn); border-radius: 4px; padding: 6px 12px; margin: 10px 0; }
.alert h3 { margin: 4px 0; }
.alert .rule { color: var(--warn); }
.alert .summary { margin: 4px 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print { nav { display: none; } .chart, .alert, .figure { break-inside: avoid; } }
`;
