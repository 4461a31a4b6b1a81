/**
 * The report in a real browser: Debian's Chromium (playwright-core, executablePath
 * /usr/bin/chromium; .ci/run installs the `chromium` package) opens the file offline, every
 * chart and the map must render with no console error and no network request, and a
 * screenshot is kept in test-output/report.png.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../src/repo-root.js";
import { launchChromium } from "./helpers/chromium.js";
import { buildDemoStore } from "./helpers/demo-store.js";
import { runCli, tempDir } from "./helpers/with-db.js";

describe("sojourn report in Chromium", () => {
  const tmp = tempDir("sojourn-report-browser-");
  const report = join(tmp.dir, "report.html");

  before(() => {
    const db = buildDemoStore(tmp.dir);
    const r = runCli(["--db", db, "report", "--out", report, "--json"]);
    assert.equal(r.status, 0, `sojourn report failed:\n${r.stderr}`);
  });
  after(() => tmp.cleanup());

  it("lists the source of every citation key it shows", () => {
    const html = readFileSync(report, "utf8");
    const visible = html.replace(/<script>[\s\S]*?<\/script>/g, "");
    const keys = new Set([...visible.matchAll(/\[(S\d+)\]/g)].map((m) => m[1]));
    assert.ok(keys.size > 0, "the demo report cites sources (the overstay rule does)");
    for (const key of keys)
      assert.match(
        html,
        new RegExp(
          `<li id="source-${key}" data-key="${key}"><strong>\\[${key}\\]</strong> [^<]+: <span class="url">https?://`,
        ),
        `no source for [${key}]`,
      );
  });

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
    const browser = await launchChromium();
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
      await checkCjkGlyphs(page);
      await checkChartText(page);
      await checkFigures(page);
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

type Page = import("playwright-core").Page;

/** Every text node with Chinese or Korean characters is drawn with the embedded faces only. */
async function checkCjkGlyphs(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const { nodeIds } = await cdp.send("DOM.querySelectorAll", {
    nodeId: root.nodeId,
    selector: "td, p, li, text, tspan",
  });
  const cjk = /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/;
  let checked = 0;
  for (const nodeId of nodeIds) {
    const { outerHTML } = await cdp.send("DOM.getOuterHTML", { nodeId });
    // Leaf elements only: their glyphs are theirs alone.
    const inner = outerHTML.replace(/^<[^>]*>/, "").replace(/<\/[^>]*>$/, "");
    if (inner.includes("<") || !cjk.test(inner)) continue;
    const text = inner.replace(/[^\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/g, "");
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    const custom = fonts.filter((f) => f.isCustomFont).reduce((n, f) => n + f.glyphCount, 0);
    assert.ok(
      custom >= [...text].length,
      `CJK text drawn with system fonts (boxes without CJK fonts): ${outerHTML.slice(0, 80)} ${JSON.stringify(fonts)}`,
    );
    checked++;
  }
  assert.ok(checked >= 5, `only ${checked} CJK text nodes checked`);
}

/** Axis labels do not overlap, and every deadline label is whole and inside its chart. */
async function checkChartText(page: Page): Promise<void> {
  const charts = await page.$$eval("[data-chart]", (els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      const texts = [...el.querySelectorAll("svg text")]
        .map((t) => ({ text: t.textContent ?? "", r: t.getBoundingClientRect() }))
        .filter((t) => t.r.width > 0 && t.text.trim() !== "")
        .map((t) => ({ text: t.text, x0: t.r.left, y0: t.r.top, x1: t.r.right, y1: t.r.bottom }));
      return {
        id: el.id,
        box: { x0: box.left, y0: box.top, x1: box.right, y1: box.bottom },
        texts,
      };
    }),
  );
  for (const c of charts) {
    const deadline = c.texts.filter((t) => t.text.includes("deadline"));
    if (c.id !== "chart-monthly" && c.id !== "chart-alerts")
      assert.ok(deadline.length > 0, `${c.id}: no deadline label`);
    for (const d of deadline) {
      assert.ok(
        d.x0 >= c.box.x0 && d.x1 <= c.box.x1 && d.y0 >= c.box.y0 && d.y1 <= c.box.y1,
        `${c.id}: deadline label "${d.text}" ${JSON.stringify(d)} outside its chart ${JSON.stringify(c.box)}`,
      );
    }
    // Pairs of texts on one line (axis labels share a baseline) must not overlap.
    for (const [i, a] of c.texts.entries())
      for (const b of c.texts.slice(i + 1)) {
        const sameLine = Math.abs(a.y0 - b.y0) < 2 && Math.abs(a.y1 - b.y1) < 2;
        const overlap = a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1;
        assert.ok(!(sameLine && overlap), `${c.id}: "${a.text}" overlaps "${b.text}"`);
      }
  }
}

/** One lead figure; every figure states its definition. */
async function checkFigures(page: Page): Promise<void> {
  const figures = await page.$$eval(".figure", (els) =>
    els.map((el) => ({
      id: el.getAttribute("data-figure"),
      lead: el.classList.contains("lead"),
      definition: el.querySelector(".definition")?.textContent ?? "",
    })),
  );
  assert.deepEqual(
    figures.filter((f) => f.lead).map((f) => f.id),
    ["present-after-deadline"],
  );
  for (const f of figures) assert.match(f.definition, /^Definition: \S.{20,}/, `${f.id}`);
  const ids = figures.map((f) => f.id);
  assert.equal(new Set(ids).size, ids.length, "figure ids are unique");
}
