import type { OverviewView } from "../../src/read/overview-view.js";
import { prefetchCharts } from "../chart.js";
import { go, href } from "../router.js";
import { Page, Status, useData } from "../ui.js";
import { CrossingsMap, PortTable } from "../views/crossings-map.js";
import { FigureGrid } from "../views/figures.js";
import { PresenceView } from "../views/presence.js";
import type { FigureItem, PresenceData } from "../views/types.js";

/** The overview read model (src/read/overview-view.ts) with the map the server draws. */
interface Overview extends Omit<OverviewView, "presence"> {
  presence: PresenceData | null;
  map: {
    svg: string;
    approximate: string[];
    missing: { id: string; name: string; crossings: number }[];
  };
}

export function OverviewPage() {
  const loaded = useData<Overview>("/api/views/overview");
  // The presence chart needs ECharts: fetch it while the figures are read.
  prefetchCharts();
  return (
    <Page title="Overview">
      <Status loaded={loaded}>{(d) => <OverviewBody d={d} />}</Status>
    </Page>
  );
}

function figures(d: Overview): FigureItem[] {
  const h = d.headline;
  return [
    { id: "records", label: "crossing records", value: h.records, to: "#/data" },
    {
      id: "dprk-crossings",
      label: "DPRK-national crossings",
      value: h.dprk_crossings,
      to: "#ports",
    },
    {
      id: "dprk-documents",
      label: "DPRK travel documents",
      value: h.dprk_documents,
      to: "#/search",
    },
    { id: "persons", label: "persons (DPRK nationals)", value: h.persons, to: "#/search" },
    {
      id: "likely-workers",
      label: "likely workers",
      value: h.likely_workers,
      to: href(["alerts"], { sort: "score" }),
      definition: `persons with a labour score of at least ${d.likely_worker_score}`,
    },
    {
      id: "crossed-after-deadline",
      label: "likely workers whose last crossing is after the deadline",
      value: h.likely_workers_after_deadline,
      to: href(["alerts"], { rule: "post-deadline-presence", sort: "score" }),
      definition:
        "counts those who left as well as those who stayed, so it is not the number present",
    },
    { id: "alerts", label: "alerts", value: h.alerts, to: "#/alerts" },
    { id: "labor-teams", label: "labour teams", value: h.labor_teams, to: "#/sponsors" },
  ];
}

function OverviewBody({ d }: { d: Overview }) {
  const h = d.headline;
  const approximate = new Set(d.map.approximate);
  return (
    <>
      <p>
        Records from {h.first_day ?? "—"} to {h.last_day ?? "—"}. Repatriation deadline (UNSCR 2397
        op. 8): <strong>{d.deadline}</strong>. A likely worker has a labour score of at least{" "}
        {d.likely_worker_score}.
      </p>
      <FigureGrid items={figures(d)} />
      <h2>Likely workers present per city, weekly, against the deadline</h2>
      {d.presence ? (
        <PresenceView
          presence={d.presence}
          deadline={d.deadline}
          onClick={(p) =>
            p.seriesName && go(href(["alerts"], { place: p.seriesName, sort: "score" }))
          }
        />
      ) : (
        <p>No presence figures yet: run sojourn analyze.</p>
      )}
      <h2 id="map-title">Crossings by port</h2>
      <p>
        Circle area: DPRK-national crossings. Choose a port (on the map or in the table) to list the
        persons who crossed there.
      </p>
      <CrossingsMap svg={d.map.svg} />
      <PortTable
        caption="DPRK-national crossings per port"
        rows={d.ports.map((p) => ({ ...p, approximate: approximate.has(p.port_id) }))}
      />
    </>
  );
}
