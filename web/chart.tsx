/**
 * An ECharts chart (canvas renderer, tooltips drawn on the canvas so no inline style is needed
 * under the page's Content-Security-Policy). ECharts is a chunk of its own, fetched the first
 * time a page draws a chart (or asks for it early with `prefetchCharts`), so pages without
 * charts never load it. Every chart has a text label and, on its page, a table or list of links
 * with the same data.
 */
import { useEffect, useRef } from "preact/hooks";
import { deadlineLine } from "./views/chart-options.js";
import type { ChartSpec } from "./views/context.js";

export type ChartOption = Record<string, unknown>;

const loadEcharts = () => import("./echarts.js");

/** Starts fetching ECharts while a page waits for its data. */
export function prefetchCharts(): void {
  loadEcharts().catch(() => undefined);
}

export function Chart({
  option,
  label,
  height = 320,
  onClick,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  onClick?: ChartSpec["onClick"];
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    let dispose = () => {};
    loadEcharts().then(({ echarts }) => {
      const box = el.current;
      if (!live || !box) return;
      box.style.height = `${height}px`;
      const chart = echarts.init(box, undefined, { renderer: "canvas" });
      chart.setOption({
        animation: false,
        textStyle: { fontFamily: "system-ui, 'Noto Sans SC', 'Noto Sans KR', sans-serif" },
        ...option,
        tooltip: { renderMode: "richText", ...(option.tooltip as object) },
      });
      if (onClick) chart.on("click", (p) => onClick(p as never));
      const resize = () => chart.resize();
      addEventListener("resize", resize);
      dispose = () => {
        removeEventListener("resize", resize);
        chart.dispose();
      };
    });
    return () => {
      live = false;
      dispose();
    };
  }, [option, height, onClick]);
  return <div class="chart" ref={el} role="img" aria-label={label} />;
}

/** The shared views' charts, drawn by the web app. */
export function WebChart({ option, label, height, onClick }: ChartSpec) {
  return <Chart option={option} label={label} height={height} onClick={onClick} />;
}

/** A vertical mark at the repatriation deadline on a time axis. */
export function deadlineMark(deadline: string | null) {
  return deadline === null ? undefined : deadlineLine(deadline);
}
