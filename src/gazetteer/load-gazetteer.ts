/**
 * Reads the gazetteer shipped in data/gazetteer/ (see docs/gazetteer.md): China–DPRK border
 * crossings, the cities of the reporting, and every alias a port log may use for a crossing.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { lazy } from "../core/lazy.js";
import { placeKey } from "../core/text.js";
import { repoRoot } from "../repo-root.js";

export interface Port {
  id: string;
  kind: string;
  name_en: string;
  name_zh: string;
  pinyin: string;
  name_ko: string;
  city_id: string;
  province: string;
  country: string;
  dprk_counterpart_en: string;
  dprk_counterpart_ko: string;
  lat: number | null;
  lon: number | null;
  coord_quality: string;
  time_zone: string;
  status: string;
  source: string;
}

export interface City {
  id: string;
  name_en: string;
  name_zh: string;
  pinyin: string;
  name_ko: string;
  province: string;
  country: string;
  lat: number | null;
  lon: number | null;
  time_zone: string;
  source: string;
}

export interface PortAlias {
  port_id: string;
  alias: string;
  lang: string;
  source: string;
}

export interface Gazetteer {
  ports: Port[];
  cities: City[];
  aliases: PortAlias[];
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file), { columns: true, skip_empty_lines: true, bom: true });
}

function num(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The repository's gazetteer, read once. */
const repoGazetteer = lazy(() => readGazetteer(join(repoRoot(), "data", "gazetteer")));

/** The gazetteer in `dir` (the repository's data/gazetteer unless given). */
export function loadGazetteer(dir?: string): Gazetteer {
  return dir === undefined || dir === join(repoRoot(), "data", "gazetteer")
    ? repoGazetteer()
    : readGazetteer(dir);
}

function readGazetteer(dir: string): Gazetteer {
  const ports = readCsv(join(dir, "ports.csv")).map(
    (r) => ({ ...r, lat: num(r.lat), lon: num(r.lon) }) as unknown as Port,
  );
  const cities = readCsv(join(dir, "cities.csv")).map(
    (r) => ({ ...r, lat: num(r.lat), lon: num(r.lon) }) as unknown as City,
  );
  const aliases = readCsv(join(dir, "aliases.csv")) as unknown as PortAlias[];
  return { ports, cities, aliases };
}

/** Every lookup key of every port: its id, its names in each script, and its aliases. */
export function portKeys(gazetteer: Gazetteer): Map<string, string> {
  const keys = new Map<string, string>();
  const add = (value: string | undefined, portId: string) => {
    if (!value) return;
    const key = placeKey(value);
    if (key && !keys.has(key)) keys.set(key, portId);
  };
  for (const p of gazetteer.ports) {
    for (const v of [p.id, p.name_en, p.name_zh, p.pinyin, p.name_ko]) add(v, p.id);
  }
  for (const a of gazetteer.aliases) add(a.alias, a.port_id);
  return keys;
}
