/**
 * The crossings map, drawn here as SVG so the report needs no map tiles and no network: country
 * shapes from Natural Earth 1:50m (the `world-atlas` package's TopoJSON, converted with
 * `topojson-client`), projected with d3-geo's Mercator fitted to the China–DPRK border and
 * clipped to the frame. Each port of data/gazetteer/ports.csv is a circle whose area is
 * proportional to its DPRK-national crossings, labelled with its name (and, with traffic, its
 * entries and exits); a port without coordinates of its own is drawn at its city's, dashed and
 * marked ≈, so its traffic is not lost from the map.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoMercator, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { City, Port } from "../gazetteer/load-gazetteer.js";
import { escapeHtml, formatInt } from "./format.js";

export interface PortFlow {
  port_id: string;
  entries: number;
  exits: number;
}

export interface CrossingsMap {
  svg: string;
  /** Ports with neither their own nor their city's coordinates: not drawn. */
  portsWithoutCoordinates: { id: string; name: string; crossings: number }[];
  /** Ports drawn at their city's coordinates for want of their own. */
  approximate: {
    id: string;
    name: string;
    city: string;
    lat: number;
    lon: number;
    crossings: number;
  }[];
  drawn: number;
  /** Ports without traffic whose label had no free place (named in their tooltip). */
  unlabelled: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Rough width of a 12 px label (the page's sans-serif averages about 6.8 px a character). */
const textWidth = (text: string, px = 12) => [...text].length * px * 0.57;

/**
 * Where a port's label goes: right of its circle, else left, above or below, whichever first
 * stays inside the frame and clear of the labels already placed (busiest ports place first).
 */
function placeLabel(
  x: number,
  y: number,
  r: number,
  width: number,
  placed: Box[],
): { x: number; y: number; anchor: "start" | "end" | "middle"; box: Box; clear: boolean } {
  const h = 14;
  const candidates = [
    {
      x: x + r + 3,
      y: y + 4,
      anchor: "start" as const,
      box: { x0: x + r + 3, y0: y - 8, x1: x + r + 3 + width, y1: y + 6 },
    },
    {
      x: x - r - 3,
      y: y + 4,
      anchor: "end" as const,
      box: { x0: x - r - 3 - width, y0: y - 8, x1: x - r - 3, y1: y + 6 },
    },
    {
      x,
      y: y - r - 4,
      anchor: "middle" as const,
      box: { x0: x - width / 2, y0: y - r - 4 - h + 2, x1: x + width / 2, y1: y - r - 2 },
    },
    {
      x,
      y: y + r + 13,
      anchor: "middle" as const,
      box: { x0: x - width / 2, y0: y + r + 1, x1: x + width / 2, y1: y + r + 15 },
    },
  ];
  const inFrame = (b: Box) => b.x0 >= 2 && b.x1 <= WIDTH - 2 && b.y0 >= 2 && b.y1 <= HEIGHT - 2;
  const pad = (b: Box): Box => ({ x0: b.x0 - 4, y0: b.y0 - 1, x1: b.x1 + 4, y1: b.y1 + 1 });
  const fits = candidates.find(
    (c) => inFrame(c.box) && !placed.some((p) => overlaps(p, pad(c.box))),
  );
  if (fits) return { ...fits, clear: true };
  const right = candidates[0] as (typeof candidates)[number];
  return { ...(candidates.find((c) => inFrame(c.box)) ?? right), clear: false };
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

/**
 * The frame with a margin, in degrees: a country with no vertex in it cannot reach the frame
 * (at 1:50m no edge is that long), so it is neither projected nor clipped, which is most of the
 * world and most of the drawing time.
 */
const NEAR: [[number, number], [number, number]] = [
  [FRAME[0][0] - 4, FRAME[0][1] - 3],
  [FRAME[1][0] + 4, FRAME[1][1] + 3],
];

/** Whether any [lon, lat] among nested coordinate arrays lies in NEAR. */
function reachesFrame(coordinates: unknown): boolean {
  if (!Array.isArray(coordinates)) return false;
  const [lon, lat] = coordinates;
  if (typeof lon === "number" && typeof lat === "number")
    return lon >= NEAR[0][0] && lon <= NEAR[1][0] && lat >= NEAR[0][1] && lat <= NEAR[1][1];
  return coordinates.some(reachesFrame);
}

/** The map's projection: Mercator fitted to the frame, clipped to the picture. */
function frameProjection() {
  return geoMercator()
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
}

/**
 * The country shapes as SVG paths: Natural Earth 1:50m (world-atlas's TopoJSON) projected into
 * the frame. They depend on nothing but the package's data and this file's constants, so
 * `npm run build` draws them once into dist/report-views/country-shapes.svg (SHAPES_FILE); a map
 * reads them from there, and draws them itself only where no build wrote them.
 */
export function drawCountryShapes(): string {
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));
  const path = geoPath(frameProjection());
  const shapes: string[] = [];
  for (const f of feature(topo, topo.objects.countries).features) {
    if (!reachesFrame(f.geometry?.coordinates)) continue;
    const d = path(f);
    if (!d) continue;
    const cls = f.id === CHINA ? "cn" : f.id === DPRK ? "kp" : "other";
    shapes.push(
      `<path class="country ${cls}" d="${d}"><title>${escapeHtml(f.properties.name ?? "")}</title></path>`,
    );
  }
  return shapes.join("");
}

/** Where the build writes the country shapes (from dist/src/report/ to dist/report-views/). */
export const SHAPES_FILE = new URL("../../report-views/country-shapes.svg", import.meta.url);

function countryShapes(): string {
  return existsSync(SHAPES_FILE) ? readFileSync(SHAPES_FILE, "utf8") : drawCountryShapes();
}

export function drawCrossingsMap(
  ports: readonly Port[],
  flows: readonly PortFlow[],
  cities: readonly City[] = [],
): CrossingsMap {
  const projection = frameProjection();
  const shapes = countryShapes();
  const byPort = new Map(flows.map((f) => [f.port_id, f]));
  const max = Math.max(1, ...flows.map((f) => f.entries + f.exits));
  const marks: string[] = [];
  const labels: string[] = [];
  const missing: CrossingsMap["portsWithoutCoordinates"] = [];
  const approximate: CrossingsMap["approximate"] = [];
  const placed: Box[] = [];
  let drawn = 0;
  let unlabelled = 0;
  // Busiest first: they choose their label's place first; their circles are drawn last, on top.
  const ordered = [...ports].sort(
    (a, b) => total(byPort.get(b.id)) - total(byPort.get(a.id)) || a.id.localeCompare(b.id),
  );
  for (const p of ordered) {
    const flow = byPort.get(p.id);
    const n = total(flow);
    const city = cities.find((c) => c.id === p.city_id);
    const own = p.lat !== null && p.lon !== null;
    const lat = own ? p.lat : (city?.lat ?? null);
    const lon = own ? p.lon : (city?.lon ?? null);
    if (lat === null || lon === null) {
      missing.push({ id: p.id, name: p.name_en, crossings: n });
      continue;
    }
    const xy = projection([lon, lat]);
    if (!xy) continue;
    const [x, y] = xy;
    drawn++;
    if (!own)
      approximate.push({
        id: p.id,
        name: p.name_en,
        city: city?.name_en ?? p.city_id,
        lat,
        lon,
        crossings: n,
      });
    const r = n > 0 ? 4 + 36 * Math.sqrt(n / max) : 3;
    const where = own
      ? ""
      : ` (drawn at ${city?.name_en ?? "its city"}: no coordinates of its own)`;
    const tip = `${p.name_en} (${p.name_zh}) ↔ ${p.dprk_counterpart_en}${where}: ${formatInt(flow?.entries ?? 0)} DPRK entries, ${formatInt(flow?.exits ?? 0)} exits`;
    marks.unshift(
      `<circle class="port${n > 0 ? " busy" : ""}${own ? "" : " approx"}" data-port="${escapeHtml(p.id)}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"><title>${escapeHtml(tip)}</title></circle>`,
    );
    const name = `${own ? "" : "≈ "}${shortName(p)}`;
    const flowText =
      n > 0 ? ` ↓${formatInt(flow?.entries ?? 0)} ↑${formatInt(flow?.exits ?? 0)}` : "";
    const spot = placeLabel(x, y, r, textWidth(name + flowText, n > 0 ? 12 : 11), placed);
    // A port with traffic is always labelled; a quiet one only where its label fits clear of
    // the others (its name stays in the tooltip and the tables).
    if (n === 0 && !spot.clear) {
      unlabelled++;
      continue;
    }
    placed.push(spot.box);
    labels.push(
      `<text class="port-label${n > 0 ? "" : " quiet"}" data-port="${escapeHtml(p.id)}" text-anchor="${spot.anchor}" x="${spot.x.toFixed(1)}" y="${spot.y.toFixed(1)}">${escapeHtml(name)}${n > 0 ? ` <tspan class="flow">${escapeHtml(flowText.trim())}</tspan>` : ""}</text>`,
    );
  }
  const legend = `<g class="legend" transform="translate(${WIDTH - 300},${HEIGHT - 78})"><rect width="290" height="68" rx="4"/><text x="10" y="20">Circle area: DPRK-national crossings</text><text x="10" y="40">↓ entries into China  ↑ exits to the DPRK</text><text x="10" y="60">Natural Earth 1:50m · Mercator</text></g>`;
  const names = `<text class="sea" x="${(projection([123.0, 39.5])?.[0] ?? 0).toFixed(0)}" y="${(projection([123.0, 39.5])?.[1] ?? 0).toFixed(0)}">Korea Bay</text>`;
  const svg = `<svg id="crossings-map" class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="China–DPRK border crossings with DPRK-national crossings per port" xmlns="http://www.w3.org/2000/svg"><rect class="water" width="${WIDTH}" height="${HEIGHT}"/>${shapes}${names}${marks.join("")}${labels.join("")}${legend}</svg>`;
  return { svg, portsWithoutCoordinates: missing, approximate, drawn, unlabelled };
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
