import { useEffect, useRef } from "preact/hooks";
import type { OverviewView } from "../../src/read/overview-view.js";
import { Chart, deadlineMark } from "../chart.js";
import { go, href } from "../router.js";
import { Figure, fmt, Page, Status, useData } from "../ui.js";

/** The overview read model (src/read/overview-view.ts) with the map the server draws. */
interface Overview extends OverviewView {
  map: {
    svg: string;
    approximate: string[];
    missing: { id: string; name: string; crossings: number }[];
  };
}

export function OverviewPage() {
  const loaded = useData<Overview>("/api/views/overview");
  return (
    <Page title="Overview">
      <Status loaded={loaded}>{(d) => <OverviewBody d={d} />}</Status>
    </Page>
  );
}

function OverviewBody({ d }: { d: Overview }) {
  const h = d.headline;
  return (
    <>
      <p>
        Records from {h.first_day ?? "—"} to {h.last_day ?? "—"}. Repatriation deadline (UNSCR 2397
        op. 8): <strong>{d.deadline}</strong>. A likely worker has a labour score of at least{" "}
        {d.likely_worker_score}.
      </p>
      <div class="figures">
        <Figure label="crossing records" value={h.records} to="#/data" />
        <Figure label="DPRK-national crossings" value={h.dprk_crossings} to="#ports" />
        <Figure label="DPRK travel documents" value={h.dprk_documents} to="#/search" />
        <Figure label="persons (DPRK nationals)" value={h.persons} to="#/search" />
        <Figure
          label="likely workers"
          value={h.likely_workers}
          to={href(["alerts"], { sort: "score" })}
        />
        <Figure
          label="likely workers whose last crossing is after the deadline"
          value={h.likely_workers_after_deadline}
          to={href(["alerts"], { rule: "post-deadline-presence", sort: "score" })}
        />
        <Figure label="alerts" value={h.alerts} to="#/alerts" />
        <Figure label="labour teams" value={h.labor_teams} to="#/sponsors" />
      </div>
      <Presence d={d} />
      <h2 id="map-title">Crossings by port</h2>
      <p>
        Circle area: DPRK-national crossings. Choose a port (on the map or in the table) to list the
        persons who crossed there.
      </p>
      <PortMap svg={d.map.svg} />
      <table id="ports">
        <caption>DPRK-national crossings per port</caption>
        <thead>
          <tr>
            <th scope="col">Port</th>
            <th scope="col">City</th>
            <th scope="col" class="num">
              Entries into China
            </th>
            <th scope="col" class="num">
              Exits to the DPRK
            </th>
          </tr>
        </thead>
        <tbody>
          {d.ports.map((p) => (
            <tr key={p.port_id}>
              <td>
                <a href={href(["port", p.port_id])}>
                  {p.name} <span lang="zh">{p.name_zh}</span>
                </a>
                {d.map.approximate.includes(p.port_id) && " (≈ drawn at its city)"}
              </td>
              <td>{p.city}</td>
              <td class="num">{fmt(p.entries)}</td>
              <td class="num">{fmt(p.exits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Presence({ d }: { d: Overview }) {
  if (!d.presence) return <p>No presence figures yet: run sojourn analyze.</p>;
  const series = d.presence.series;
  const option = {
    legend: { type: "scroll", top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 60 },
    xAxis: { type: "time", axisLabel: { hideOverlap: true } },
    yAxis: {
      type: "value",
      name: "likely workers (weekly mean)",
      nameLocation: "middle",
      nameGap: 38,
    },
    dataZoom: [{ type: "slider", bottom: 10 }],
    tooltip: { trigger: "axis" },
    series: series.map((s, i) => ({
      name: s.name,
      type: "line",
      showSymbol: false,
      data: s.points,
      ...(i === 0 ? { markLine: deadlineMark(d.deadline) } : {}),
    })),
  };
  const around = (pts: [string, number][], before: boolean) => {
    const p = before
      ? pts.filter((x) => x[0] <= d.deadline).at(-1)
      : pts.find((x) => x[0] > d.deadline);
    return p ? `${fmt(p[1])} (week of ${p[0]})` : "—";
  };
  return (
    <>
      <h2>Likely workers present per city, weekly, against the deadline</h2>
      <p class="definition">
        Definition: for each city and week (Monday to Sunday), the mean over its days of the persons
        with a labour score at or over the threshold who were inside China on that day after
        entering at one of the city's ports.
      </p>
      <Chart
        option={option}
        label={`Weekly presence of likely workers in ${series.map((s) => s.name).join(", ")}, with the deadline ${d.deadline}`}
        onClick={(p) =>
          p.seriesName && go(href(["alerts"], { place: p.seriesName, sort: "score" }))
        }
      />
      <table>
        <caption>Presence around the deadline (choose a city for its alerts)</caption>
        <thead>
          <tr>
            <th scope="col">City</th>
            <th scope="col">Last week before the deadline</th>
            <th scope="col">First week after</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.city_id}>
              <td>
                <a href={href(["alerts"], { place: s.name, sort: "score" })}>{s.name}</a>
              </td>
              <td>{around(s.points, true)}</td>
              <td>{around(s.points, false)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * The server-drawn map (an SVG from the gazetteer with every text escaped, no script or style).
 * Each port's circle becomes a link to the persons who crossed there, by mouse or keyboard.
 */
function PortMap({ svg }: { svg: string }) {
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    el.innerHTML = svg;
    // With ports as links inside it, the map is a group of links rather than one image.
    el.querySelector("svg")?.setAttribute("role", "group");
    for (const c of el.querySelectorAll("circle[data-port]")) {
      c.setAttribute("tabindex", "0");
      c.setAttribute("role", "link");
      c.setAttribute(
        "aria-label",
        c.querySelector("title")?.textContent ?? c.getAttribute("data-port") ?? "",
      );
    }
    const open = (e: Event) => {
      const port = (e.target as Element).closest("[data-port]")?.getAttribute("data-port");
      if (port) go(href(["port", port]));
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === "Enter") open(e);
    };
    el.addEventListener("click", open);
    el.addEventListener("keydown", key);
    return () => {
      el.removeEventListener("click", open);
      el.removeEventListener("keydown", key);
    };
  }, [svg]);
  return <div class="map-frame" ref={frame} />;
}
