/**
 * The report's views, piece by piece: CJK font subsets for exactly the characters used, weekly
 * presence, ports without coordinates placed at their city, citation keys with their sources,
 * and the sections drawn by the web app's views (the bundle `npm run build` writes).
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
import { loadReportViews } from "../src/report/views.js";
import type { ReportViewData } from "../web/report/report-data.js";

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

  it("draws the sections with the web app's views: figures, charts, map, alerts, evidence", async () => {
    const views = await loadReportViews();
    const cited = {
      source: "s1",
      record_id: "r1:7",
      date: "2019-12-30",
      direction: "entry",
      port: "Quanhe",
      doc: "*******86",
      name: "K**",
    };
    const data: ReportViewData = {
      deadline: "2019-12-22",
      headline: {
        lead: { id: "present-after-deadline", label: "present", value: 59, definition: "lead def" },
        items: [
          { id: "alerts", label: "alerts", value: 1204, definition: "rule findings" },
          { id: "claims", label: "claims", value: null, missingHint: "run sojourn evidence add" },
        ],
      },
      monthly: [{ month: "2019-12", entries: 5, exits: 3 }],
      presence: {
        available: true,
        data: {
          method: "presence-table",
          note: "a note",
          series: [
            {
              city_id: "hunchun",
              name: "Hunchun",
              points: [
                ["2019-12-16", 300],
                ["2019-12-23", 153],
              ],
            },
          ],
        },
      },
      map: {
        svg: '<svg id="crossings-map"><circle data-port="p1"/></svg>',
        note: "map note",
        ports: [
          {
            port_id: "p1",
            name: "Quanhe",
            name_zh: "圈河",
            city: "Hunchun",
            entries: 700,
            exits: 504,
            approximate: true,
          },
        ],
        unknownPortCrossings: 0,
      },
      sponsors: { available: false, reason: "run sojourn analyze" },
      cohorts: { available: false, reason: "run sojourn analyze" },
      alerts: {
        available: true,
        data: {
          total: 1,
          byRule: [{ rule: "overstay", alerts: 1 }],
          rows: [
            {
              alert_id: "A1",
              rule: "overstay",
              score: 0.9,
              person_id: "P-1",
              cohort_id: null,
              period_start: "2019-12-01",
              period_end: "2020-01-05",
              summary: "stayed",
              record_ids: ["r1:7"],
              record_count: 12,
              cited: [cited],
            },
          ],
        },
      },
      evidence: { available: false, reason: "run sojourn evidence add" },
    };
    const { sections, charts } = views.renderReportSections(data, "TestStack");
    assert.deepEqual(Object.keys(sections).sort(), [
      "alerts",
      "evidence",
      "headline",
      "map",
      "presence",
      "sponsors",
    ]);
    assert.match(sections.headline, /class="figure lead" data-figure="present-after-deadline"/);
    assert.match(sections.headline, /<span>Definition:<\/span> rule findings/);
    assert.match(sections.headline, /1,204/);
    assert.match(sections.headline, /Needs: run sojourn evidence add/);
    // Each chart a placeholder on the page, its option collected for the page's script.
    assert.deepEqual(
      charts.map((c) => c.id),
      ["chart-monthly", "chart-presence", "chart-alerts"],
    );
    for (const c of charts) {
      assert.match(
        sections.headline + sections.presence + sections.alerts,
        new RegExp(`data-chart="${c.id}"`),
      );
      assert.deepEqual(c.option.textStyle, { fontFamily: "TestStack" });
    }
    assert.match(sections.presence, /300 \(week of 2019-12-16\)/);
    assert.match(sections.presence, /153 \(week of 2019-12-23\)/);
    assert.match(sections.map, /<svg id="crossings-map">/);
    assert.match(sections.map, /Quanhe <span lang="zh">圈河<\/span> \(≈ drawn at its city\)/);
    // One alert row and a row of the records it cites; the report has no other pages to link to.
    assert.match(sections.alerts, /<tr id="alert-A1" data-id="A1">/);
    assert.match(sections.alerts, /12 records/);
    assert.match(sections.alerts, /<td>\*{7}86<\/td>/);
    assert.doesNotMatch(Object.values(sections).join(""), /<a /);
    assert.match(sections.sponsors, /Not available: run sojourn analyze/);
    assert.match(sections.evidence, /Not available: run sojourn evidence add/);
  });
});
