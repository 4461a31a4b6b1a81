/**
 * ECharts options for the report's charts, as plain JSON (no functions), so they can be written
 * into the page and handed to `echarts.init(...).setOption` by a few lines of inline script.
 * Animation is off: the page signals "rendered" on ECharts' first `finished` event, and a
 * report is read, not watched.
 */
import { weeklyPresence } from "../read/presence.js";
import { FONT_STACK } from "./fonts.js";
import { longDate } from "./format.js";
import type { ReportData } from "./gather.js";

export interface ChartSpec {
  id: string;
  title: string;
  height: number;
  option: Record<string, unknown>;
}

const PALETTE = [
  "#1f5f8b",
  "#c0392b",
  "#2e8b57",
  "#d68910",
  "#7d3c98",
  "#117a65",
  "#5d6d7e",
  "#a04000",
  "#1abc9c",
  "#884ea0",
];

const BASE = {
  animation: false,
  color: PALETTE,
  textStyle: { fontFamily: FONT_STACK },
  grid: { left: 70, right: 90, top: 80, bottom: 70, containLabel: true },
};

/**
 * A time axis whose labels say what they are at every zoom: "2019" at a year, "Oct" at a month,
 * "3 Oct" at a day (never ECharts' bare "Oct3"-like day labels), and labels that would overlap
 * are hidden rather than drawn over each other.
 */
export const TIME_AXIS = {
  type: "time",
  axisLabel: {
    hideOverlap: true,
    formatter: {
      year: "{yyyy}",
      month: "{MMM}",
      day: "{d} {MMM}",
      hour: "{d} {MMM}",
      minute: "{d} {MMM}",
      second: "{d} {MMM}",
      millisecond: "{d} {MMM}",
      none: "{d} {MMM} {yyyy}",
    },
  },
};

/**
 * A vertical line on the UNSCR 2397 repatriation deadline, labelled above the plot: `top` is the
 * end of the line that is at the top ("start" on a chart whose y axis runs downwards).
 */
function deadlineLine(deadline: string, top: "start" | "end" = "end"): Record<string, unknown> {
  return {
    silent: true,
    symbol: "none",
    lineStyle: { color: "#c0392b", type: "dashed", width: 2 },
    // Two short horizontal lines above the plot: a label along the line is cut off on a short
    // chart, and a long one runs past the frame when the deadline is near the right edge.
    label: {
      formatter: `UNSCR 2397 deadline\n${longDate(deadline)}`,
      position: top,
      distance: 6,
      lineHeight: 14,
      color: "#c0392b",
    },
    data: [{ xAxis: deadline }],
  };
}

/** Time on x, one labelled row per sponsor or cohort on y: the rotation timelines. */
function timelineAxes(labels: string[]): Record<string, unknown> {
  return {
    ...BASE,
    grid: { ...BASE.grid, left: 20, top: 50 },
    tooltip: { trigger: "item" },
    xAxis: TIME_AXIS,
    yAxis: { type: "category", data: labels, inverse: true },
  };
}

/** The definition the presence chart states under its title. */
export function presenceDefinition(method: "presence-table" | "net-flow"): string {
  return method === "presence-table"
    ? "Weekly presence: for each ISO week (Monday to Sunday), the mean of the daily count of likely workers inside China, per city, dated by the week's Monday."
    : "Weekly net flow: for each ISO week (Monday to Sunday), the mean of the daily running balance of DPRK-national entries minus exits, per city, dated by the week's Monday.";
}

/** Likely workers (or the net flow) present per city as weekly means, the deadline marked. */
function presenceChart(data: ReportData): ChartSpec | undefined {
  if (data.presence.available) {
    const p = weeklyPresence(data.presence.data);
    const label =
      p.method === "presence-table"
        ? "likely workers present (weekly mean)"
        : "DPRK nationals present (net flow, weekly mean)";
    return {
      id: "chart-presence",
      title: `${label[0]?.toUpperCase()}${label.slice(1)}, by city`,
      height: 440,
      option: {
        ...BASE,
        tooltip: { trigger: "axis" },
        legend: { top: 0, type: "scroll" },
        xAxis: TIME_AXIS,
        yAxis: { type: "value", name: label, nameLocation: "middle", nameGap: 55 },
        dataZoom: [{ type: "inside" }, { type: "slider", height: 20, bottom: 10 }],
        series: p.series.map((s, i) => ({
          name: s.name,
          type: "line",
          showSymbol: false,
          lineStyle: { width: 2 },
          data: s.points,
          ...(i === 0 ? { markLine: deadlineLine(data.policy.deadline) } : {}),
        })),
      },
    };
  }
  return undefined;
}

/** DPRK-national entries and exits per month. */
function monthlyChart(data: ReportData): ChartSpec | undefined {
  if (data.monthly.length > 0) {
    return {
      id: "chart-monthly",
      title: "DPRK-national crossings per month",
      height: 320,
      option: {
        ...BASE,
        grid: { ...BASE.grid, top: 60 },
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        xAxis: {
          type: "category",
          data: data.monthly.map((m) => m.month),
          axisLabel: { hideOverlap: true },
        },
        yAxis: { type: "value", name: "crossings", nameLocation: "middle", nameGap: 55 },
        series: [
          {
            name: "entries into China",
            type: "bar",
            data: data.monthly.map((m) => m.entries),
            markLine: {
              silent: true,
              symbol: "none",
              lineStyle: { color: "#c0392b", type: "dashed", width: 2 },
              label: { formatter: "deadline", color: "#c0392b" },
              data: [{ xAxis: data.policy.deadline.slice(0, 7) }],
            },
          },
          { name: "exits to the DPRK", type: "bar", data: data.monthly.map((m) => m.exits) },
        ],
      },
    };
  }
  return undefined;
}

/** Entries per day of the top sponsors: their rotation timeline. */
function sponsorsChart(data: ReportData): ChartSpec | undefined {
  if (data.sponsors.available && data.sponsors.data.timeline.length > 0) {
    const t = data.sponsors.data.timeline;
    const labels = t.map((s) => shorten(s.label, 38));
    const max = Math.max(1, ...t.flatMap((s) => s.points.map((pt) => pt[1])));
    return {
      id: "chart-sponsors",
      title: "Rotation timeline: DPRK-national entries per day, top sponsors",
      height: 90 + 42 * t.length,
      option: {
        ...timelineAxes(labels),
        dataZoom: [{ type: "inside" }, { type: "slider", height: 20, bottom: 10 }],
        visualMap: {
          show: false,
          dimension: 2,
          min: 1,
          max,
          inRange: { symbolSize: [4, 22] },
        },
        series: [
          {
            name: "entries",
            type: "scatter",
            itemStyle: { opacity: 0.6 },
            data: t.flatMap((s, i) => s.points.map((pt) => [pt[0], labels[i], pt[1]])),
            markLine: deadlineLine(data.policy.deadline, "start"),
          },
        ],
      },
    };
  }
  return undefined;
}

/** Crossing days of the largest cohorts. */
function cohortsChart(data: ReportData): ChartSpec | undefined {
  if (
    data.cohorts.available &&
    data.cohorts.data.some((c) => c.movements.length > 0 || c.first_seen)
  ) {
    const rows = data.cohorts.data.slice(0, 12);
    const labels = rows.map((c) => `${c.cohort_id} (${c.kind}, ${c.members})`);
    return {
      id: "chart-cohorts",
      title: "Cohort movements (crossing days of each cohort)",
      height: 90 + 36 * rows.length,
      option: {
        ...timelineAxes(labels),
        series: [
          {
            name: "movements",
            type: "scatter",
            symbolSize: 7,
            data: rows.flatMap((c, i) =>
              (c.movements.length > 0
                ? c.movements
                : ([c.first_seen, c.last_seen].filter(Boolean).map((d) => [d, 0]) as [
                    string,
                    number,
                  ][])
              ).map((m) => [m[0], labels[i], m[1]]),
            ),
            markLine: deadlineLine(data.policy.deadline, "start"),
          },
        ],
      },
    };
  }
  return undefined;
}

/** Alerts per rule. */
function alertsChart(data: ReportData): ChartSpec | undefined {
  if (data.alerts.available) {
    const byRule = data.alerts.data.byRule;
    return {
      id: "chart-alerts",
      title: "Alerts by rule",
      height: 80 + 34 * byRule.length,
      option: {
        ...BASE,
        grid: { ...BASE.grid, left: 20, top: 20 },
        tooltip: { trigger: "axis" },
        xAxis: { type: "value" },
        yAxis: { type: "category", data: byRule.map((r) => r.rule), inverse: true },
        series: [
          {
            name: "alerts",
            type: "bar",
            data: byRule.map((r) => r.alerts),
            label: { show: true, position: "right" },
          },
        ],
      },
    };
  }
  return undefined;
}

export function buildCharts(data: ReportData): ChartSpec[] {
  return [presenceChart, monthlyChart, sponsorsChart, cohortsChart, alertsChart]
    .map((chart) => chart(data))
    .filter((c): c is ChartSpec => c !== undefined);
}

function shorten(s: string, n: number): string {
  return [...s].length > n ? `${[...s].slice(0, n - 1).join("")}…` : s;
}
