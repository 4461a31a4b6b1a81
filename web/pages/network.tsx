import { Chart } from "../chart.js";
import { go } from "../router.js";
import { Page, Status, useData } from "../ui.js";
import { langOf } from "../views/context.js";

interface Network {
  nodes: {
    id: string;
    kind: "sponsor" | "team" | "port" | "entity";
    label: string;
    weight: number;
    href: string;
  }[];
  links: { source: string; target: string; label: string }[];
}

const KINDS = ["sponsor", "team", "port", "entity"] as const;
const KIND_LABEL = {
  sponsor: "sponsors",
  team: "labour teams",
  port: "ports",
  entity: "list entities",
};

export function NetworkPage() {
  const loaded = useData<Network>("/api/views/network");
  return (
    <Page title="Network">
      <p>
        Sponsors, the labour teams that cross under them, the ports those teams use and the
        sanctions-list entities a sponsor matches. Drag to explore; choose a node to open its page.
      </p>
      <Status loaded={loaded}>{(n) => <NetworkBody n={n} />}</Status>
    </Page>
  );
}

function NetworkBody({ n }: { n: Network }) {
  const max = Math.max(1, ...n.nodes.map((x) => x.weight));
  const option = {
    legend: { top: 0, data: KINDS.map((k) => KIND_LABEL[k]) },
    tooltip: { trigger: "item" },
    series: [
      {
        type: "graph",
        layout: "force",
        roam: true,
        draggable: true,
        force: { repulsion: 260, edgeLength: 90 },
        categories: KINDS.map((k) => ({ name: KIND_LABEL[k] })),
        label: { show: true, position: "right", fontSize: 11 },
        edgeLabel: { show: false },
        data: n.nodes.map((x) => ({
          id: x.id,
          name: x.label,
          category: KINDS.indexOf(x.kind),
          symbolSize: 10 + 30 * Math.sqrt(x.weight / max),
          value: x.href,
          symbol: x.kind === "entity" ? "diamond" : x.kind === "port" ? "rect" : "circle",
        })),
        links: n.links.map((l) => ({ source: l.source, target: l.target, value: l.label })),
      },
    ],
  };
  const byId = new Map(n.nodes.map((x) => [x.id, x]));
  return (
    <>
      <Chart
        option={option}
        height={560}
        label={`Network of ${n.nodes.length} sponsors, teams, ports and list entities; the table below lists every link`}
        onClick={(p) => {
          const d = p.data as { value?: string } | undefined;
          if (typeof d?.value === "string" && d.value.startsWith("#/")) go(d.value);
        }}
      />
      <table>
        <caption>Every link in the network</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Link</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {n.links.map((l) => {
            const a = byId.get(l.source);
            const b = byId.get(l.target);
            return (
              <tr key={`${l.source}>${l.target}`}>
                <td>
                  <a href={a?.href} lang={langOf(a?.label ?? "")}>
                    {a?.label}
                  </a>{" "}
                  ({a?.kind})
                </td>
                <td>{l.label}</td>
                <td>
                  <a href={b?.href} lang={langOf(b?.label ?? "")}>
                    {b?.label}
                  </a>{" "}
                  ({b?.kind})
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
