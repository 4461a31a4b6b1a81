/**
 * The report in a real browser: Debian's Chromium (playwright-core, executablePath
 * /usr/bin/chromium; .ci/run installs the `chromium` package) opens the file offline, every
 * chart and the map must render with no console error and no network request, and a
 * screenshot is kept in test-output/report.png.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { repoRoot } from "../src/repo-root.js";
import { runCli, tempDir } from "./helpers/with-db.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

describe("sojourn report in Chromium", () => {
  const tmp = tempDir("sojourn-report-browser-");
  const db = join(tmp.dir, "store.duckdb");
  const report = join(tmp.dir, "report.html");

  before(() => {
    const steps: string[][] = [
      ["simulate", "--out", join(tmp.dir, "sim"), "--scale", "0.01", "--json"],
      ["--db", db, "ingest", join(tmp.dir, "sim", "crossings.csv"), "--json"],
      ["--db", db, "analyze", "--json"],
      [
        "--db",
        db,
        "evidence",
        "add",
        join(repoRoot(), "data", "demo-evidence", "hunchun-zone-2019.txt"),
        "--publisher",
        "Demo newspaper",
        "--published",
        "2019-06-24",
        "--reliability",
        "C",
        "--credibility",
        "3",
        "--json",
      ],
      ["--db", db, "report", "--out", report, "--json"],
    ];
    for (const args of steps) {
      const r = runCli(args);
      assert.equal(r.status, 0, `sojourn ${args.join(" ")} failed:\n${r.stderr}`);
    }
  });
  after(() => tmp.cleanup());

  it("references no external resource", () => {
    const html = readFileSync(report, "utf8");
    const external =
      /<(?:script|link|img|iframe|source|video|audio|embed|object|image|use)\b[^>]*\b(?:src|href|data|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\//gi;
    assert.deepEqual(html.match(external) ?? [], []);
    assert.deepEqual(html.match(/url\(\s*["']?\s*(?:https?:)?\/\//gi) ?? [], []);
    assert.deepEqual(html.match(/@import/gi) ?? [], []);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  });

  it("renders every chart and the map with no console error", async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `${CHROMIUM} not found: install Debian's chromium package (apt-get install -y chromium), as .ci/run does`,
    );
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      await page.goto(pathToFileURL(report).href);
      await page.waitForSelector('body[data-rendered="true"]', { timeout: 20_000 });
      const charts = await page.$$eval("[data-chart]", (els) =>
        els.map((el) => ({
          id: el.id,
          rendered: el.getAttribute("data-rendered"),
          svgs: el.querySelectorAll("svg path, svg rect, svg circle").length,
          height: el.getBoundingClientRect().height,
        })),
      );
      assert.ok(charts.length >= 3, `expected at least 3 charts, got ${JSON.stringify(charts)}`);
      for (const c of charts) {
        assert.equal(c.rendered, "true", `chart ${c.id} did not finish rendering`);
        assert.ok(c.svgs > 5, `chart ${c.id} drew ${c.svgs} shapes`);
        assert.ok(c.height > 100, `chart ${c.id} is ${c.height}px high`);
      }
      const map = await page.$eval("#crossings-map", (svg) => ({
        countries: svg.querySelectorAll("path.country").length,
        busyPorts: svg.querySelectorAll("circle.port.busy").length,
        width: svg.getBoundingClientRect().width,
      }));
      assert.ok(map.countries >= 2, `map drew ${map.countries} countries`);
      assert.ok(map.busyPorts >= 3, `map drew ${map.busyPorts} ports with traffic`);
      assert.ok(map.width > 500);
      assert.deepEqual(errors, [], "console errors");
      assert.deepEqual(requests, [], "network requests");
      mkdirSync(join(repoRoot(), "test-output"), { recursive: true });
      await page.screenshot({
        path: join(repoRoot(), "test-output", "report.png"),
        fullPage: true,
      });
    } finally {
      await browser.close();
    }
  });
});
