/**
 * An ECharts chart (canvas renderer, tooltips drawn on the canvas so no inline style is needed
 * under the page's Content-Security-Policy). Only the chart kinds the pages use are bundled.
 * Every chart has a text label and, on its page, a table or list of links with the same data.
 */
import { BarChart, GraphChart, LineChart, ScatterChart } from "echarts/charts";
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "preact/hooks";

echarts.use([
  BarChart,
  GraphChart,
  LineChart,
  ScatterChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export function Chart({
  option,
  label,
  height = 320,
  onClick,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  onClick?: (params: { seriesName?: string; name?: string; data?: unknown }) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    el.current.style.height = `${height}px`;
    const chart = echarts.init(el.current, undefined, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: "system-ui, 'Noto Sans SC', 'Noto Sans KR', sans-serif" },
      ...option,
      tooltip: { renderMode: "richText", ...(option.tooltip as object) },
    });
    if (onClick) chart.on("click", (p) => onClick(p as never));
    const resize = () => chart.resize();
    addEventListener("resize", resize);
    return () => {
      removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [option, height, onClick]);
  return <div class="chart" ref={el} role="img" aria-label={label} />;
}

export const DEADLINE_STYLE = {
  symbol: "none",
  lineStyle: { color: "#b00020", type: "dashed", width: 2 },
  label: { formatter: "deadline {c}", position: "insideEndTop", color: "#7a0016" },
};

/** A vertical mark at the repatriation deadline on a time axis. */
export function deadlineMark(deadline: string | null) {
  if (deadline === null) return undefined;
  return {
    ...DEADLINE_STYLE,
    label: { ...DEADLINE_STYLE.label, formatter: `deadline ${deadline}` },
    data: [{ xAxis: deadline }],
  };
}
