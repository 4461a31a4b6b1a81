/**
 * The crossings map, drawn here as SVG so the report needs no map tiles and no network: country
 * shapes from Natural Earth 1:50m (the `world-atlas` package's TopoJSON, converted with
 * `topojson-client`), projected with d3-geo's Mercator fitted to the China–DPRK border and
 * clipped to the frame. Each port with coordinates in data/gazetteer/ports.csv is a circle whose
 * area is proportional to its DPRK-national crossings; the split into entries and exits is in the
 * label and the tooltip.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoMercator, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { Port } from "../gazetteer/load-gazetteer.js";
import { escapeHtml, formatInt } from "./format.js";

export interface PortFlow {
  port_id: string;
  entries: number;
  exits: number;
}

export interface CrossingsMap {
  svg: string;
  /** Ports that carry traffic or are in the gazetteer but have no coordinates: not drawn. */
  portsWithoutCoordinates: { id: string; name: string; crossings: number }[];
  drawn: number;
}

const WIDTH = 960;
const HEIGHT = 620;
/** The frame: the Yalu and Tumen rivers from the Yellow Sea to the Russian border. */
const FRAME: [[number, number], [number, number]] = [
  [122.0, 39.2],
  [131.4, 43.4],
];
/** ISO 3166-1 numeric ids (world-atlas feature ids) drawn with their own fill. */
const CHINA = "156";
const DPRK = "408";

let topology: unknown;

function loadTopology(): unknown {
  if (!topology) {
    const require = createRequire(import.meta.url);
    topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));
  }
  return topology;
}

export function drawCrossingsMap(ports: readonly Port[], flows: readonly PortFlow[]): CrossingsMap {
  const topo = loadTopology() as { objects: { countries: unknown } };
  const countries = feature(topo, topo.objects.countries);
  const projection = geoMercator()
    .fitExtent(
      [
        [10, 10],
        [WIDTH - 10, HEIGHT - 10],
      ],
      { type: "MultiPoint", coordinates: FRAME },
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
  const path = geoPath(projection);
  const shapes: string[] = [];
  for (const f of countries.features) {
    const d = path(f);
    if (!d) continue;
    const cls = f.id === CHINA ? "cn" : f.id === DPRK ? "kp" : "other";
    shapes.push(
      `<path class="country ${cls}" d="${d}"><title>${escapeHtml(f.properties.name ?? "")}</title></path>`,
    );
  }
  const byPort = new Map(flows.map((f) => [f.port_id, f]));
  const max = Math.max(1, ...flows.map((f) => f.entries + f.exits));
  const marks: string[] = [];
  const labels: string[] = [];
  const missing: CrossingsMap["portsWithoutCoordinates"] = [];
  let drawn = 0;
  // Busiest last, so their labels sit on top.
  const ordered = [...ports].sort(
    (a, b) => total(byPort.get(a.id)) - total(byPort.get(b.id)) || a.id.localeCompare(b.id),
  );
  for (const p of ordered) {
    const flow = byPort.get(p.id);
    const n = total(flow);
    if (p.lat === null || p.lon === null) {
      missing.push({ id: p.id, name: p.name_en, crossings: n });
      continue;
    }
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const [x, y] = xy;
    drawn++;
    const r = n > 0 ? 4 + 36 * Math.sqrt(n / max) : 3;
    const tip = `${p.name_en} (${p.name_zh}) ↔ ${p.dprk_counterpart_en}: ${formatInt(flow?.entries ?? 0)} DPRK entries, ${formatInt(flow?.exits ?? 0)} exits`;
    marks.push(
      `<circle class="port${n > 0 ? " busy" : ""}" data-port="${escapeHtml(p.id)}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"><title>${escapeHtml(tip)}</title></circle>`,
    );
    // Labels near the right edge go to the left of their circle, so they are not cut off.
    const left = x > WIDTH - 280;
    if (n > 0)
      labels.push(
        `<text class="port-label" text-anchor="${left ? "end" : "start"}" x="${(left ? x - r - 3 : x + r + 3).toFixed(1)}" y="${(y + 4).toFixed(1)}">${escapeHtml(shortName(p))} <tspan class="flow">↓${formatInt(flow?.entries ?? 0)} ↑${formatInt(flow?.exits ?? 0)}</tspan></text>`,
      );
  }
  const legend = `<g class="legend" transform="translate(${WIDTH - 300},${HEIGHT - 78})"><rect width="290" height="68" rx="4"/><text x="10" y="20">Circle area: DPRK-national crossings</text><text x="10" y="40">↓ entries into China  ↑ exits to the DPRK</text><text x="10" y="60">Natural Earth 1:50m · Mercator</text></g>`;
  const names = `<text class="sea" x="${(projection([123.0, 39.5])?.[0] ?? 0).toFixed(0)}" y="${(projection([123.0, 39.5])?.[1] ?? 0).toFixed(0)}">Korea Bay</text>`;
  const svg = `<svg id="crossings-map" class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="China–DPRK border crossings with DPRK-national crossings per port" xmlns="http://www.w3.org/2000/svg"><rect class="water" width="${WIDTH}" height="${HEIGHT}"/>${shapes.join("")}${names}${marks.join("")}${labels.join("")}${legend}</svg>`;
  return { svg, portsWithoutCoordinates: missing, drawn };
}

function total(f: PortFlow | undefined): number {
  return f ? f.entries + f.exits : 0;
}

/** "Quanhe" rather than "Quanhe port (Hunchun)": the label must fit beside the circle. */
function shortName(p: Port): string {
  return p.name_en
    .replace(/\s*\(.*\)\s*/g, " ")
    .replace(/\s+port$/i, "")
    .trim();
}
