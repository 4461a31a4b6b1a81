/**
 * What a view needs from the output it is drawn in: how a chart is drawn (ECharts on a canvas in
 * the web app, an SVG placeholder with its option written into the page in the report) and where
 * a record's page is (a route in the web app, none in the report, which has no other pages).
 * The views render the same with `preact-render-to-string` on the server and in the browser.
 */
import { type ComponentChildren, type ComponentType, createContext } from "preact";
import { useContext } from "preact/hooks";

/** One chart: its ECharts option as plain JSON (no functions), so a page can embed it. */
export interface ChartSpec {
  /** A stable id, unique on the page (the report's element id). */
  id: string;
  /** What the chart shows, for screen readers; the page also has a table with the same data. */
  label: string;
  /** A caption above the chart (the report shows it; the web app's pages have headings). */
  title?: string;
  height: number;
  option: Record<string, unknown>;
  /** What a click on a data item opens (the web app only). */
  onClick?: (params: { seriesName?: string; name?: string; data?: unknown }) => void;
}

const PlaceholderChart = ({ label }: ChartSpec) => (
  <div class="chart" role="img" aria-label={label} />
);

export const ChartContext = createContext<ComponentType<ChartSpec>>(PlaceholderChart);

/** A chart, drawn by the output's chart component. */
export function ChartView(spec: ChartSpec) {
  const Draw = useContext(ChartContext);
  return <Draw {...spec} />;
}

/** Where the page of a person, team, port, sponsor or an alert query is; null: nowhere. */
export interface Links {
  person(id: string): string | null;
  cohort(id: string): string | null;
  port(id: string): string | null;
  sponsor(key: string): string | null;
  alerts(query: Record<string, string>): string | null;
  alert(id: string): string | null;
}

const NO_LINKS: Links = {
  person: () => null,
  cohort: () => null,
  port: () => null,
  sponsor: () => null,
  alerts: () => null,
  alert: () => null,
};

export const LinkContext = createContext<Links>(NO_LINKS);

export const useLinks = () => useContext(LinkContext);

/** A link where the output has the page, plain text where it has none. */
export function Ref({
  to,
  lang,
  children,
}: {
  to: string | null;
  lang?: string;
  children: ComponentChildren;
}) {
  if (to === null) return lang ? <span lang={lang}>{children}</span> : children;
  return (
    <a href={to} lang={lang}>
      {children}
    </a>
  );
}

/** The script a name is written in, for its lang attribute (so the right CJK glyphs are used). */
export function langOf(name: string): string | undefined {
  if (/[\uac00-\ud7af]/.test(name)) return "ko";
  if (/[\u4e00-\u9fff]/.test(name)) return "zh";
  return undefined;
}

export const fmt = (n: number) => n.toLocaleString("en-GB");
