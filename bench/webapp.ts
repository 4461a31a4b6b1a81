/**
 * node dist/bench/webapp.js [--db STORE | --scale 0.05] [--runs 20]: the web app against
 * `sojourn serve`. Floors (on a 10M-record store): the first page (the overview) interactive in
 * ≤ 1.5 s; every page's data ≤ 300 ms p95.
 *
 * The store is a copy of --db (an analyzed store), or else hunchun-2019 at --scale simulated,
 * ingested and analyzed into bench-data/webapp-s<scale>/ once. A user is added to the copy and
 * the UN list imported once, the copy kept for the next run (preparedStore); the server is
 * started on it in a child process, and the runs start once it has computed its first pages.
 * - page data: for each page, the API reads it makes (in parallel, as the page does), for a
 *   person, a team and a port sampled from the store; --runs times each; p50 and p95 of the
 *   time until the page's last read answered, and the first run's time apart.
 * - first page interactive: Debian's Chromium, a fresh browser context (no cache) each run,
 *   logged in; from navigation to the overview's figures, chart canvas and map being on screen.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Store } from "../src/db/store.js";
import { repoRoot } from "../src/repo-root.js";
import { launchChromium } from "../test/helpers/chromium.js";
import { simulateHunchun, sojourn } from "./sojourn-cli.js";
import { startServer } from "./start-server.js";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    scale: { type: "string", default: "0.05" },
    runs: { type: "string", default: "20" },
  },
});
const runs = Number(values.runs);
const PASSWORD = "web bench password, long enough";
const UN_LIST = join(repoRoot(), "data", "lists", "un_sc_consolidated_2026-02-27.xml");

function analyzedStore(): string {
  if (values.db) return values.db;
  const dir = join(repoRoot(), "bench-data", `webapp-s${values.scale}`);
  const db = join(dir, "analyzed.duckdb");
  if (!existsSync(db)) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write(
      `simulating, ingesting and analyzing hunchun-2019 at scale ${values.scale}…\n`,
    );
    simulateHunchun(join(dir, "sim"), values.scale ?? "0.05");
    sojourn(["--db", db, "ingest", join(dir, "sim", "crossings.csv")]);
    sojourn(["--db", db, "analyze"]);
  }
  return db;
}

/** A person with alerts, the largest labour team and the busiest port. */
async function subjects(db: string): Promise<{ person: string; cohort: string; port: string }> {
  const store = await Store.open(db);
  try {
    const one = async (sql: string) =>
      String(Object.values((await store.json(sql))[0] ?? { v: "" })[0]);
    return {
      person: await one(
        "SELECT person_id FROM alerts WHERE person_id IS NOT NULL ORDER BY score DESC, alert_id LIMIT 1",
      ),
      cohort: await one(
        "SELECT cohort_id FROM cohort_members GROUP BY cohort_id ORDER BY count(*) DESC, cohort_id LIMIT 1",
      ),
      port: await one(
        "SELECT port_id FROM records WHERE port_id IS NOT NULL GROUP BY port_id ORDER BY count(*) DESC LIMIT 1",
      ),
    };
  } finally {
    store.close();
  }
}

/** The API reads each page makes when it opens. */
function pageReads(s: { person: string; cohort: string; port: string }): Record<string, string[]> {
  return {
    overview: ["/api/views/overview"],
    alerts: ["/api/alerts?sort=score&limit=100"],
    person: [
      `/api/persons/${s.person}`,
      "/api/views/policy",
      "/api/evidence/claims",
      "/api/cases?status=open",
    ],
    port: [`/api/views/ports/${s.port}/persons?limit=200`],
    cohort: [`/api/views/cohorts/${s.cohort}`, "/api/views/policy", "/api/cases?status=open"],
    sponsors: ["/api/sponsors", "/api/cohorts"],
    network: ["/api/views/network"],
    evidence: ["/api/evidence/claims", "/api/evidence/sources", "/api/presence"],
    search: ["/api/persons?q=kim&limit=100", "/api/sponsors"],
    cases: ["/api/cases"],
    lists: ["/api/lists", "/api/screen?name=Kim"],
    data: ["/api/runs", "/api/rejects", "/api/jobs"],
  };
}

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(1));
};

/**
 * Each page's reads, --runs times. The first run is also reported alone (first_ms): after it the
 * server answers the same reads from its kept answers (src/server/response-cache.ts), so the
 * first run is what a page costs when its subject was not opened since the last data write.
 */
async function pageData(url: string, cookie: string, reads: Record<string, string[]>) {
  const out: Record<string, { first_ms: number; p50_ms: number; p95_ms: number }> = {};
  for (const [page, paths] of Object.entries(reads)) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await Promise.all(
        paths.map(async (p) => {
          const r = await fetch(url + p, { headers: { Cookie: cookie } });
          if (!r.ok) throw new Error(`${p}: HTTP ${r.status} ${await r.text()}`);
          await r.arrayBuffer();
        }),
      );
      times.push(performance.now() - t0);
    }
    out[page] = {
      first_ms: Number((times[0] ?? 0).toFixed(1)),
      p50_ms: quantile(times, 0.5),
      p95_ms: quantile(times, 0.95),
    };
  }
  return out;
}

/**
 * Milestones of one first-page load, in ms from navigation start (the browser's Performance
 * API): the page's HTML, the shell (app.js), the session, the overview's data and ECharts
 * received, and the overview drawn (figures, chart canvas and map on screen).
 */
interface Milestones {
  html: number;
  shell: number;
  session: number;
  overview_data_start: number;
  overview_data: number;
  echarts: number;
  drawn: number;
}

/** A performance entry as the page's Performance API gives it (no DOM types in bench/). */
interface Timing {
  name: string;
  startTime: number;
  responseEnd: number;
  encodedBodySize: number;
}

/** Reads the milestones in the page (run there); a resource not fetched counts as -1. */
function readMilestones(): Milestones {
  const perf = performance as unknown as {
    getEntriesByType(type: string): Timing[];
    now(): number;
  };
  const nav = perf.getEntriesByType("navigation")[0] as Timing;
  const resources = perf.getEntriesByType("resource");
  const find = (test: (path: string) => boolean) =>
    resources.find((r) => test(new URL(r.name).pathname));
  const end = (test: (path: string) => boolean) => find(test)?.responseEnd ?? -1;
  // The largest chunk is ECharts (the app's own chunks are a few kB).
  const echarts = resources
    .filter((r) => /\/app\/chunk-[^/]+\.js$/.test(new URL(r.name).pathname))
    .sort((a, b) => b.encodedBodySize - a.encodedBodySize)[0];
  return {
    html: nav.responseEnd,
    shell: end((p) => p.endsWith("/app/app.js")),
    session: end((p) => p === "/api/views/session"),
    overview_data_start: find((p) => p === "/api/views/overview")?.startTime ?? -1,
    overview_data: end((p) => p === "/api/views/overview"),
    echarts: echarts?.responseEnd ?? -1,
    drawn: perf.now(),
  };
}

async function firstPage(url: string, cookie: string) {
  const browser = await launchChromium();
  const times: number[] = [];
  const milestones: Milestones[] = [];
  try {
    const [name, value] = cookie.split("=") as [string, string];
    for (let i = 0; i < Math.min(runs, 10); i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([{ name, value, url }]);
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${url}/#/`);
      await page.locator(".figure").first().waitFor();
      await page.locator(".chart canvas").first().waitFor();
      await page.locator(".map-frame svg").waitFor();
      times.push(performance.now() - t0);
      milestones.push(await page.evaluate(readMilestones));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return {
    runs: times.length,
    p50_ms: quantile(times, 0.5),
    p95_ms: quantile(times, 0.95),
    max_ms: quantile(times, 1),
    /** Each milestone's median over the runs (readMilestones). */
    p50_milestones_ms: Object.fromEntries(
      (Object.keys(milestones[0] ?? {}) as (keyof Milestones)[]).map((k) => [
        k,
        quantile(
          milestones.map((m) => m[k]),
          0.5,
        ),
      ]),
    ),
  };
}

/**
 * The store the server runs on: a copy of the analyzed store with a user added and the UN list
 * imported (the lists page screens a name only against imported lists, as an investigator's
 * store has), made once and kept between runs in bench-data/. A marker beside it names the
 * store it was copied from (path, size, modification time); a run whose store differs makes
 * the copy again. A run adds only sessions and audit entries to it, which no page reads.
 */
function preparedStore(pristine: string): string {
  const db = join(repoRoot(), "bench-data", "webapp-prepared.duckdb");
  const marker = `${db}.json`;
  const { size, mtimeMs } = statSync(pristine);
  const wanted = JSON.stringify({ from: pristine, size, mtimeMs, list: UN_LIST, user: "bench" });
  if (existsSync(db) && existsSync(marker) && readFileSync(marker, "utf8") === wanted) return db;
  for (const f of [db, `${db}.wal`, `${db}.server.json`, `${db}.files`, marker])
    rmSync(f, { recursive: true, force: true });
  mkdirSync(join(repoRoot(), "bench-data"), { recursive: true });
  process.stderr.write(`preparing ${db} (a user, the UN list) once…\n`);
  copyFileSync(pristine, db);
  sojourn(["--db", db, "users", "add", "bench", "--role", "analyst"], `${PASSWORD}\n`);
  sojourn(["--db", db, "lists", "import", UN_LIST, "--json"]);
  writeFileSync(marker, wanted);
  return db;
}

async function main(): Promise<void> {
  const pristine = analyzedStore();
  const db = preparedStore(pristine);
  const s = await subjects(db);
  const { child, url } = await startServer(db, [], { warmed: true });
  try {
    const login = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "bench", password: PASSWORD }),
    });
    const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
    const data = await pageData(url, cookie, pageReads(s));
    const first = await firstPage(url, cookie);
    const worst = Math.max(...Object.values(data).map((d) => d.p95_ms));
    process.stdout.write(
      `${JSON.stringify({ store: pristine, subjects: s, first_page_interactive: first, page_data: data, worst_page_p95_ms: worst, floors: { first_page_ms: 1500, page_data_p95_ms: 300 } }, null, 2)}\n`,
    );
  } finally {
    child.kill("SIGTERM");
    await new Promise((ok) => child.once("exit", ok));
  }
}

await main();
