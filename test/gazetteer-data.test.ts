// Validates the gazetteer data files in data/gazetteer/ (ports, cities, aliases).
// The data is hand-maintained; see docs/gazetteer.md for the rules these tests enforce.
import * as assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

type Row = Record<string, string>;

/** Walk up from this file (test/ under tsx, dist/test/ when compiled) to the dir holding package.json. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above the test file");
    dir = parent;
  }
}

const DATA_DIR = join(repoRoot(), "data", "gazetteer");

const PORT_COLUMNS = [
  "id",
  "kind",
  "name_en",
  "name_zh",
  "pinyin",
  "name_ko",
  "city_id",
  "province",
  "country",
  "dprk_counterpart_en",
  "dprk_counterpart_ko",
  "lat",
  "lon",
  "coord_quality",
  "time_zone",
  "status",
  "source",
];
const CITY_COLUMNS = [
  "id",
  "name_en",
  "name_zh",
  "pinyin",
  "name_ko",
  "province",
  "country",
  "lat",
  "lon",
  "time_zone",
  "source",
];
const ALIAS_COLUMNS = ["port_id", "alias", "lang", "source"];

const KINDS = new Set([
  "road_bridge",
  "rail_bridge",
  "road_rail_bridge",
  "road_port",
  "airport",
  "ferry",
]);
const STATUSES = new Set(["open", "closed", "planned", "unknown"]);
const COORD_QUALITIES = new Set(["surveyed", "approx", "unknown"]);
const LANGS = new Set(["en", "zh-Hans", "zh-Hant", "zh-Latn-pinyin", "ko", "ko-Latn"]);

/** Land crossings must sit on the Yalu/Tumen border (Dandong .. Hunchun). */
const BORDER_BOX = { minLat: 39.5, maxLat: 43.5, minLon: 123.5, maxLon: 131.0 };
/** Airports and the cities they serve may be inland (Shenyang, Beijing): north-east China + Beijing. */
const AIRPORT_BOX = { minLat: 38.0, maxLat: 47.0, minLon: 115.0, maxLon: 131.0 };

/** NFKD, strip combining marks, lowercase, keep only letters and digits. */
export function normalizeAlias(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** Normalized keys that point to more than one port: key -> sorted port ids. */
export function findCollisions(aliases: ReadonlyArray<{ port_id: string; alias: string }>) {
  const byKey = new Map<string, Set<string>>();
  for (const a of aliases) {
    const key = normalizeAlias(a.alias);
    let ports = byKey.get(key);
    if (!ports) {
      ports = new Set();
      byKey.set(key, ports);
    }
    ports.add(a.port_id);
  }
  const out = new Map<string, string[]>();
  for (const [key, ports] of byKey) if (ports.size > 1) out.set(key, [...ports].sort());
  return out;
}

function load(file: string, columns: string[]): Row[] {
  const text = readFileSync(join(DATA_DIR, file), "utf8");
  assert.ok(!text.startsWith("\uFEFF"), `${file}: no byte-order mark`);
  const header = parse(text, { to_line: 1 }) as string[][];
  assert.deepEqual(header[0], columns, `${file}: header`);
  return parse(text, { columns: true, skip_empty_lines: true }) as Row[];
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function inBox(lat: number, lon: number, box: typeof BORDER_BOX): boolean {
  return lat >= box.minLat && lat <= box.maxLat && lon >= box.minLon && lon <= box.maxLon;
}

function coord(row: Row, file: string): { lat: number; lon: number } | undefined {
  const lat = row.lat ?? "";
  const lon = row.lon ?? "";
  assert.equal(lat === "", lon === "", `${file} ${row.id}: lat and lon are both set or both empty`);
  if (lat === "") return undefined;
  const la = Number(lat);
  const lo = Number(lon);
  assert.ok(Number.isFinite(la) && Number.isFinite(lo), `${file} ${row.id}: numeric lat/lon`);
  return { lat: la, lon: lo };
}

function uniqueIds(rows: Row[], file: string) {
  const seen = new Set<string>();
  for (const r of rows) {
    const id = r.id ?? "";
    assert.match(id, /^cn-[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$/, `${file}: id format ${id}`);
    assert.ok(!seen.has(id), `${file}: duplicate id ${id}`);
    seen.add(id);
  }
}

const ports = load("ports.csv", PORT_COLUMNS);
const cities = load("cities.csv", CITY_COLUMNS);
const aliases = load("aliases.csv", ALIAS_COLUMNS);

describe("gazetteer data", () => {
  it("files parse and are non-empty", () => {
    assert.ok(ports.length > 0);
    assert.ok(cities.length > 0);
    assert.ok(aliases.length > 0);
  });

  it("port and city ids are unique and well formed", () => {
    uniqueIds(ports, "ports.csv");
    uniqueIds(cities, "cities.csv");
  });

  it("every port has valid enums, country, time zone, ASCII pinyin and a source URL", () => {
    for (const p of ports) {
      assert.ok(KINDS.has(p.kind ?? ""), `${p.id}: kind ${p.kind}`);
      assert.ok(STATUSES.has(p.status ?? ""), `${p.id}: status ${p.status}`);
      assert.ok(COORD_QUALITIES.has(p.coord_quality ?? ""), `${p.id}: coord_quality`);
      assert.equal(p.country, "CHN", `${p.id}: country`);
      assert.ok(p.time_zone && isValidTimeZone(p.time_zone), `${p.id}: time_zone ${p.time_zone}`);
      assert.match(p.pinyin ?? "", /^[\x20-\x7E]+$/, `${p.id}: pinyin must be plain ASCII`);
      for (const col of ["name_en", "name_zh", "name_ko", "city_id", "province"]) {
        assert.ok((p[col] ?? "").trim() !== "", `${p.id}: ${col} is empty`);
      }
      assert.match(p.source ?? "", /https?:\/\//, `${p.id}: source needs a URL`);
    }
  });

  it("every port's city_id exists in cities.csv", () => {
    const cityIds = new Set(cities.map((c) => c.id));
    for (const p of ports)
      assert.ok(cityIds.has(p.city_id ?? ""), `${p.id}: unknown city ${p.city_id}`);
  });

  it("port coordinates agree with coord_quality and lie in the border region", () => {
    for (const p of ports) {
      const c = coord(p, "ports.csv");
      if (p.coord_quality === "unknown") {
        assert.equal(c, undefined, `${p.id}: coord_quality unknown but lat/lon given`);
        continue;
      }
      assert.ok(c, `${p.id}: coord_quality ${p.coord_quality} needs lat/lon`);
      const box = p.kind === "airport" ? AIRPORT_BOX : BORDER_BOX;
      assert.ok(inBox(c.lat, c.lon, box), `${p.id}: ${c.lat},${c.lon} outside region`);
    }
  });

  it("cities have a time zone, a source and in-region coordinates when given", () => {
    for (const c of cities) {
      assert.equal(c.country, "CHN", `${c.id}: country`);
      assert.ok(c.time_zone && isValidTimeZone(c.time_zone), `${c.id}: time_zone`);
      assert.match(c.pinyin ?? "", /^[\x20-\x7E]+$/, `${c.id}: pinyin must be plain ASCII`);
      assert.match(c.source ?? "", /https?:\/\//, `${c.id}: source needs a URL`);
      const xy = coord(c, "cities.csv");
      if (xy) assert.ok(inBox(xy.lat, xy.lon, AIRPORT_BOX), `${c.id}: outside region`);
    }
  });

  it("every alias points at an existing port, has a known lang and is not blank", () => {
    const portIds = new Set(ports.map((p) => p.id));
    const pairs = new Set<string>();
    for (const a of aliases) {
      assert.ok(portIds.has(a.port_id), `alias ${a.alias}: unknown port ${a.port_id}`);
      assert.ok(LANGS.has(a.lang ?? ""), `alias ${a.alias}: lang ${a.lang}`);
      assert.notEqual(normalizeAlias(a.alias ?? ""), "", `alias "${a.alias}" normalizes to ""`);
      const key = `${a.port_id}\u0000${a.alias}`;
      assert.ok(!pairs.has(key), `duplicate alias row ${a.port_id} ${a.alias}`);
      pairs.add(key);
    }
  });

  it("no normalized alias maps to two different ports", () => {
    const collisions = findCollisions(aliases as Array<{ port_id: string; alias: string }>);
    assert.deepEqual(
      Object.fromEntries(collisions),
      {},
      "aliases that collide after normalization (NFKD, no marks, lowercase, letters/digits only)",
    );
  });

  it("the collision check itself catches a collision", () => {
    const found = findCollisions([
      { port_id: "a", alias: "Quānhé" },
      { port_id: "b", alias: "quan-he" },
      { port_id: "a", alias: "QUANHE" },
    ]);
    assert.deepEqual(Object.fromEntries(found), { quanhe: ["a", "b"] });
  });

  it("each port's own names resolve to that port through aliases.csv", () => {
    const index = new Map<string, string>();
    for (const a of aliases) index.set(normalizeAlias(a.alias ?? ""), a.port_id ?? "");
    for (const p of ports) {
      for (const col of ["name_en", "name_zh", "pinyin", "name_ko"]) {
        const name = p[col] ?? "";
        assert.equal(index.get(normalizeAlias(name)), p.id, `${p.id}: ${col} "${name}"`);
      }
    }
  });
});
