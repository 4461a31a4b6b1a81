/**
 * The report's views, piece by piece: CJK font subsets for exactly the characters used, weekly
 * presence, ports without coordinates placed at their city, citation keys with their sources.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, it } from "node:test";
import { loadGazetteer } from "../src/gazetteer/load-gazetteer.js";
import { weeklyPresence, weekStart } from "../src/read/presence.js";
import { repoRoot } from "../src/repo-root.js";
import { CITED_SOURCES, citationKeys } from "../src/report/citations.js";
import { cjkCharacters, embedCjkFonts } from "../src/report/fonts.js";
import { drawCrossingsMap } from "../src/report/map.js";

describe("report views", () => {
  it("embeds a font subset covering exactly the CJK characters of the text", async () => {
    const text = "Hunchun 珲春市 珲春 김영철 Kim — (no CJK here)";
    assert.deepEqual(cjkCharacters(text), ["春", "市", "珲", "김", "영", "철"].sort());
    const fonts = await embedCjkFonts(text);
    assert.equal(fonts.characters, 6);
    assert.deepEqual(fonts.missing, []);
    assert.match(fonts.css, /@font-face\{font-family:"Sojourn CJK"/);
    assert.match(fonts.css, /src:url\(data:font\/woff2;base64,/);
    const ranges = [...fonts.css.matchAll(/unicode-range:([^;]+);/g)].flatMap((m) =>
      (m[1] ?? "").split(","),
    );
    assert.deepEqual(
      ranges.sort(),
      ["U+73F2", "U+6625", "U+5E02", "U+AE40", "U+C601", "U+CCA0"].sort(),
    );
    // Six characters, not the megabytes of the full fonts.
    assert.ok(fonts.bytes < 12_000, `${fonts.bytes} bytes for six characters`);
    assert.deepEqual(await embedCjkFonts("Latin only"), {
      css: "",
      characters: 0,
      bytes: 0,
      missing: [],
    });
  });

  it("averages daily presence per ISO week, dated by its Monday", () => {
    assert.equal(weekStart("2019-12-22"), "2019-12-16"); // a Sunday
    assert.equal(weekStart("2019-12-23"), "2019-12-23"); // a Monday
    const days: [string, number][] = [];
    for (let d = 16; d <= 29; d++) days.push([`2019-12-${d}`, d % 2 === 0 ? 300 : 0]);
    const weekly = weeklyPresence({
      method: "presence-table",
      series: [{ city_id: "c", name: "C", points: days }],
    });
    const points = weekly.series[0]?.points;
    // 16..22: 300 on the 16th, 18th, 20th, 22nd → 1200 / 7; 23..29: 300 on 24, 26, 28 → 900 / 7.
    assert.deepEqual(points, [
      ["2019-12-16", Math.round((1200 / 7) * 10) / 10],
      ["2019-12-23", Math.round((900 / 7) * 10) / 10],
    ]);
  });

  it("draws ports without coordinates at their city, marked approximate, and labels them", () => {
    const g = loadGazetteer();
    const noCoords = g.ports.filter((p) => p.lat === null || p.lon === null);
    assert.ok(noCoords.length > 0, "the gazetteer has ports without coordinates");
    const port = noCoords.find((p) => g.cities.some((c) => c.id === p.city_id && c.lat !== null));
    assert.ok(port, "a port without coordinates whose city has them");
    const map = drawCrossingsMap(
      g.ports,
      [{ port_id: port.id, entries: 700, exits: 504 }],
      g.cities,
    );
    const placed = map.approximate.find((a) => a.id === port.id);
    assert.ok(placed, `${port.id} is drawn at its city`);
    assert.equal(placed.crossings, 1204);
    assert.ok(!map.portsWithoutCoordinates.some((p) => p.id === port.id));
    assert.match(map.svg, new RegExp(`<circle class="port busy approx" data-port="${port.id}"`));
    assert.match(map.svg, new RegExp(`<text class="port-label" data-port="${port.id}"[^>]*>≈ `));
    // Every port with traffic has a label; without the cities, the port is not drawn.
    const labelled = [...map.svg.matchAll(/<text class="port-label[^"]*" data-port="([^"]+)"/g)];
    assert.ok(labelled.some((m) => m[1] === port.id));
    const bare = drawCrossingsMap(g.ports, [{ port_id: port.id, entries: 700, exits: 504 }]);
    assert.ok(bare.portsWithoutCoordinates.some((p) => p.id === port.id));
  });

  it("has a source for every citation key in the code and docs", () => {
    const used = execFileSync("git", ["grep", "-hoE", "\\[S[0-9]+\\]", "--", "src", "docs"], {
      cwd: repoRoot(),
      encoding: "utf8",
    });
    const keys = citationKeys(used);
    assert.ok(keys.includes("S27"));
    const known = new Set(CITED_SOURCES.map((s) => s.key));
    assert.deepEqual(
      keys.filter((k) => !known.has(k)),
      [],
    );
    for (const s of CITED_SOURCES) assert.match(s.url, /^https?:\/\/\S+$/, s.key);
    assert.deepEqual(citationKeys("limit [S28][S27] and [S27]; not S3 or [S]"), ["S27", "S28"]);
  });
});
