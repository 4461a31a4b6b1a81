/**
 * ECharts options shared by the web app and the report, as plain JSON (no functions), so the
 * report can write them into its page. Animation is off: the report signals "rendered" on
 * ECharts' first `finished` event, and figures are read, not watched.
 */

export type Option = Record<string, unknown>;

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

export const BASE = {
  animation: false,
  color: PALETTE,
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

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2019-12-22` → `22 Dec 2019`. */
export function longDate(day: string): string {
  const [y, m, d] = day.split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/**
 * A vertical line on the UNSCR 2397 repatriation deadline, labelled above the plot: `top` is the
 * end of the line that is at the top ("start" on a chart whose y axis runs downwards).
 */
export function deadlineLine(deadline: string, top: "start" | "end" = "end"): Option {
  return {
    silent: true,
    symbol: "none",
    lineStyle: { color: "#c0392b", type: "dashed", width: 2 },
    // Two short lines above the plot: a label along the line is cut off on a short chart, and
    // a long one runs past the frame when the deadline is near the right edge.
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

export interface CitySeries {
  city_id: string;
  name: string;
  points: [string, number][];
}

export type PresenceMethod = "presence-table" | "net-flow";

/** What a weekly presence series counts, said under its chart. */
export function presenceDefinition(method: PresenceMethod): string {
  return method === "presence-table"
    ? "Weekly presence: for each ISO week (Monday to Sunday), the mean of the daily count of likely workers inside China, per city, dated by the week's Monday."
    : "Weekly net flow: for each ISO week (Monday to Sunday), the mean of the daily running balance of DPRK-national entries minus exits, per city, dated by the week's Monday.";
}

export function presenceLabel(method: PresenceMethod): string {
  return method === "presence-table"
    ? "likely workers present (weekly mean)"
    : "DPRK nationals present (net flow, weekly mean)";
}

/** Weekly presence per city, one line each, the deadline marked. */
export function presenceOption(
  series: CitySeries[],
  method: PresenceMethod,
  deadline: string,
): Option {
  return {
    ...BASE,
    tooltip: { trigger: "axis" },
    legend: { top: 0, type: "scroll" },
    xAxis: TIME_AXIS,
    yAxis: { type: "value", name: presenceLabel(method), nameLocation: "middle", nameGap: 55 },
    dataZoom: [{ type: "inside" }, { type: "slider", height: 20, bottom: 10 }],
    series: series.map((s, i) => ({
      name: s.name,
      type: "line",
      showSymbol: false,
      lineStyle: { width: 2 },
      data: s.points,
      ...(i === 0 ? { markLine: deadlineLine(deadline) } : {}),
    })),
  };
}

/** One labelled row per sponsor, team or direction; a bubble per day sized by its count. */
export interface TimelineRow {
  label: string;
  points: [string, number][];
}

/** Time on x, one row per label on y: the rotation timelines of sponsors and teams. */
export function timelineOption(rows: TimelineRow[], deadline: string | null): Option {
  const max = Math.max(1, ...rows.flatMap((r) => r.points.map((p) => p[1])));
  return {
    ...BASE,
    grid: { ...BASE.grid, left: 20, top: 50 },
    tooltip: { trigger: "item" },
    xAxis: TIME_AXIS,
    yAxis: { type: "category", data: rows.map((r) => r.label), inverse: true },
    dataZoom: [{ type: "inside" }, { type: "slider", height: 20, bottom: 10 }],
    visualMap: { show: false, dimension: 2, min: 1, max, inRange: { symbolSize: [5, 22] } },
    series: [
      {
        name: "persons crossing",
        type: "scatter",
        itemStyle: { opacity: 0.6 },
        data: rows.flatMap((r) => r.points.map((p) => [p[0], r.label, p[1]])),
        ...(deadline ? { markLine: deadlineLine(deadline, "start") } : {}),
      },
    ],
  };
}

/** The height a timeline needs for its rows. */
export const timelineHeight = (rows: number) => 110 + 38 * rows;

/** Bars per category: months, rules. */
export function barsOption(
  categories: string[],
  series: { name: string; data: number[] }[],
  horizontal: boolean,
): Option {
  const cat = {
    type: "category",
    data: categories,
    ...(horizontal ? { inverse: true } : { axisLabel: { hideOverlap: true } }),
  };
  const val = { type: "value" };
  return {
    ...BASE,
    grid: { ...BASE.grid, left: 20, top: series.length > 1 ? 60 : 20 },
    tooltip: { trigger: "axis" },
    ...(series.length > 1 ? { legend: { top: 0 } } : {}),
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? cat : val,
    series: series.map((s) => ({
      ...s,
      type: "bar",
      ...(horizontal ? { label: { show: true, position: "right" } } : {}),
    })),
  };
}
