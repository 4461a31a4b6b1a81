/**
 * node dist/bench/serve.js [--db STORE | --scale 0.05] [--users 20] [--seconds 20] [--profile DIR]:
 * `sojourn serve` under load. Floor: on a 10M-record store, 20 concurrent users
 * browsing alerts, persons and person detail get p95 ≤ 150 ms with zero errors, and no read
 * fails while an ingest job runs.
 *
 * The store is a copy of --db (an analyzed store, e.g. bench-data/identity-s11-seed7/ after
 * `sojourn analyze`), or else hunchun-2019 at --scale simulated, ingested and analyzed into
 * bench-data/serve-s<scale>/ once. A user is added, the server started in a child process, and
 * autocannon (in this process) drives --users connections through a mix of requests: alert
 * pages (by rule and by score), person searches by document number and person details, for
 * persons and documents sampled from the store beforehand, and now and then the overview, the
 * cohorts and the session, once the server has computed its whole-store views. Phase 2 repeats
 * the mix, for the other half of the sampled persons and documents, while an ingest job loads
 * the scenario's crossings again under a new source name. Each phase reports the server's CPU
 * time per request and, apart, the requests for a path not asked before in the phase (which the
 * server's kept answers cannot serve), with where their time went (`Server-Timing`).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { Store } from "../src/db/store.js";
import { repoRoot } from "../src/repo-root.js";
import { simulateHunchun, sojourn } from "./sojourn-cli.js";
import { startServer } from "./start-server.js";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    scale: { type: "string", default: "0.05" },
    users: { type: "string", default: "20" },
    seconds: { type: "string", default: "20" },
    /** Writes the server's CPU profile (node --cpu-prof) into this folder when it stops. */
    profile: { type: "string" },
  },
});
const users = Number(values.users);
const seconds = Number(values.seconds);
const PASSWORD = "bench password that is long";

/** The analyzed store to copy, and a crossings file for the ingest phase. */
function prepare(): { pristine: string; crossings: string } {
  const dir = join(repoRoot(), "bench-data", `serve-s${values.scale}`);
  const crossings = join(dir, "sim", "crossings.csv");
  if (!existsSync(crossings)) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`simulating hunchun-2019 at scale ${values.scale}…\n`);
    simulateHunchun(join(dir, "sim"), values.scale ?? "0.05");
  }
  if (values.db) return { pristine: values.db, crossings };
  const pristine = join(dir, "analyzed.duckdb");
  if (!existsSync(pristine)) {
    process.stderr.write("ingesting and analyzing…\n");
    sojourn(["--db", pristine, "ingest", crossings]);
    sojourn(["--db", pristine, "analyze"]);
  }
  return { pristine, crossings };
}

async function sample(db: string) {
  const store = await Store.open(db);
  try {
    const persons = await store.all<{ person_id: string }>(
      "SELECT DISTINCT person_id FROM alerts WHERE person_id IS NOT NULL USING SAMPLE 400 ROWS",
    );
    const docs = await store.all<{ doc_number: string }>(
      "SELECT DISTINCT doc_number FROM person_documents USING SAMPLE 400 ROWS",
    );
    const rules = await store.all<{ rule: string }>(
      "SELECT DISTINCT rule FROM alerts ORDER BY rule",
    );
    return {
      persons: persons.map((p) => p.person_id),
      docs: docs.map((d) => d.doc_number),
      rules: rules.map((r) => r.rule),
    };
  } finally {
    store.close();
  }
}

async function token(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "bench", password: PASSWORD }),
  });
  const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
  const { csrf_token } = (await login.json()) as { csrf_token: string };
  const r = await fetch(`${url}/api/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie, "X-CSRF-Token": csrf_token },
    body: JSON.stringify({ label: "bench" }),
  });
  return ((await r.json()) as { token: string }).token;
}

interface Mix {
  paths: string[];
}

/**
 * The requests of a phase: alert pages, and searches and details for half of the sampled
 * documents and persons (`half` 0 or 1), so the second phase asks for persons the first did not
 * and its first asks read the store while the job runs.
 */
function mix(s: Awaited<ReturnType<typeof sample>>, half: 0 | 1): Mix {
  const paths: string[] = [];
  const pick = (xs: string[], i: number) => {
    const mine = xs.filter((_, k) => k % 2 === half);
    return mine.length > 0 ? mine[i % mine.length] : xs[i % Math.max(1, xs.length)];
  };
  for (let i = 0; i < 200; i++) {
    const rule = s.rules[i % Math.max(1, s.rules.length)];
    paths.push(i % 2 ? "/api/alerts?limit=50&sort=score" : `/api/alerts?limit=50&rule=${rule}`);
    const doc = pick(s.docs, i);
    if (doc) paths.push(`/api/persons?q=${encodeURIComponent(doc)}`);
    const person = pick(s.persons, i);
    if (person) paths.push(`/api/persons/${person}`);
    // The other pages a browsing user opens now and then.
    if (i % 10 === 0) paths.push("/api/views/overview", "/api/cohorts", "/api/views/session");
  }
  return { paths };
}

interface PhaseResult {
  requests: number;
  /** The server's CPU time over the phase per request (during ingest: the job's included). */
  server_cpu_ms_per_request: number;
  /**
   * Requests for a path not asked before in the phase: the server's kept answers
   * (src/server/response-cache.ts) cannot serve them, so they measure the reads themselves.
   */
  first_asks: {
    requests: number;
    p50_ms: number;
    p95_ms: number;
    /**
     * Where a first ask's time went, from the server's `Server-Timing`: waiting for a read
     * connection, holding one (DuckDB), the whole handler, and the client's time beyond the
     * handler (the event loop busy with other requests, the network).
     */
    p50_parts_ms: Parts;
    p95_parts_ms: Parts;
    /** The same per route: person detail, person search, alert page, other. */
    by_route: Record<
      string,
      { requests: number; p50_ms: number; p95_ms: number; p95_db_ms: number }
    >;
  };
  errors: number;
  timeouts: number;
  non2xx: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  rps: number;
}

/**
 * CPU seconds the server process (its DuckDB threads included) has used, from /proc (Linux):
 * divided by the requests of a phase, the cost of a request whatever else the machine runs.
 */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return Number.NaN;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Parts {
  wait: number;
  db: number;
  app: number;
  outside: number;
}

/** Which of the mix's routes a path asks for. */
function routeOf(path: string): string {
  if (/^\/api\/persons\/[^/?]+$/.test(path)) return "person detail";
  if (path.startsWith("/api/persons?")) return "person search";
  if (path.startsWith("/api/alerts?")) return "alert page";
  return "other";
}

/** First asks per route: how many, their p50 and p95, and the p95 of their DuckDB part. */
function byRoute(asks: readonly { route: string; ms: number; db: number }[]) {
  const out: PhaseResult["first_asks"]["by_route"] = {};
  for (const route of [...new Set(asks.map((a) => a.route))].sort()) {
    const mine = asks.filter((a) => a.route === route);
    const ms = mine.map((a) => a.ms).sort((a, b) => a - b);
    const db = mine.map((a) => a.db).sort((a, b) => a - b);
    out[route] = {
      requests: mine.length,
      p50_ms: quantile(ms, 0.5),
      p95_ms: quantile(ms, 0.95),
      p95_db_ms: quantile(db, 0.95),
    };
  }
  return out;
}

/** `wait;dur=1.0, db;dur=2.0, app;dur=3.5` as numbers (0 for a part not named). */
function serverTiming(header: string | string[] | undefined): Parts {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  const part = (name: string) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(text)?.[1] ?? 0);
  return { wait: part("wait"), db: part("db"), app: part("app"), outside: 0 };
}

/** Each part's own p-th quantile (the parts of different requests). */
function partsQuantile(parts: readonly Parts[], p: number): Parts {
  const q = (k: keyof Parts) =>
    quantile(
      parts.map((x) => x[k]).sort((a, b) => a - b),
      p,
    );
  return { wait: q("wait"), db: q("db"), app: q("app"), outside: q("outside") };
}

/** The p-th quantile of sorted times, in ms with one decimal. */
function quantile(sorted: readonly number[], p: number): number {
  const at = Math.min(sorted.length - 1, Math.floor(p * sorted.length));
  return Number((sorted[at] ?? 0).toFixed(1));
}

async function phase(
  url: string,
  auth: string,
  m: Mix,
  duration: number,
  pid: number | undefined,
): Promise<PhaseResult> {
  const cpu0 = cpuSeconds(pid);
  const times: number[] = [];
  const firstTimes: number[] = [];
  const asked = new Set<string>();
  // Set by onResponse, which autocannon calls just before its "response" event for that request.
  let answered: (Parts & { route: string }) | null = null;
  const parts: Parts[] = [];
  const asks: { route: string; ms: number; db: number }[] = [];
  let next = 0;
  const result = await new Promise<autocannon.Result>((ok, fail) => {
    const instance = autocannon(
      {
        url,
        connections: users,
        duration,
        headers: { Authorization: `Bearer ${auth}` },
        requests: [
          {
            setupRequest: (req, context) => {
              const path = m.paths[next++ % m.paths.length] as string;
              (context as { first?: boolean }).first = !asked.has(path);
              (context as { route?: string }).route = routeOf(path);
              asked.add(path);
              return { ...req, method: "GET", path };
            },
            onResponse: (_status, _body, context, headers) => {
              answered =
                (context as { first?: boolean }).first === true
                  ? {
                      ...serverTiming(headers?.["server-timing"]),
                      route: (context as { route?: string }).route ?? "other",
                    }
                  : null;
            },
          },
        ],
      },
      (err, r) => (err ? fail(err) : ok(r)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
      if (answered) {
        firstTimes.push(responseTime);
        const { route, ...timing } = answered;
        parts.push({ ...timing, outside: Math.max(0, responseTime - timing.app) });
        asks.push({ route, ms: responseTime, db: timing.db });
      }
    });
  });
  times.sort((a, b) => a - b);
  firstTimes.sort((a, b) => a - b);
  const q = (p: number) => quantile(times, p);
  const cpuMs = (cpuSeconds(pid) - cpu0) * 1000;
  return {
    requests: result.requests.total,
    server_cpu_ms_per_request: Number((cpuMs / Math.max(1, result.requests.total)).toFixed(1)),
    first_asks: {
      requests: firstTimes.length,
      p50_ms: quantile(firstTimes, 0.5),
      p95_ms: quantile(firstTimes, 0.95),
      p50_parts_ms: partsQuantile(parts, 0.5),
      p95_parts_ms: partsQuantile(parts, 0.95),
      by_route: byRoute(asks),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    p50_ms: q(0.5),
    p95_ms: q(0.95),
    p99_ms: q(0.99),
    max_ms: Number((times.at(-1) ?? 0).toFixed(1)),
    rps: Number(result.requests.average.toFixed(1)),
  };
}

async function main(): Promise<void> {
  const { pristine, crossings } = prepare();
  const db = join(repoRoot(), "bench-data", "serve-work.duckdb");
  for (const f of [db, `${db}.wal`, `${db}.server.json`, `${db}.files`])
    rmSync(f, { force: true, recursive: true });
  copyFileSync(pristine, db);
  const s = await sample(db);
  sojourn(["--db", db, "users", "add", "bench", "--role", "analyst"], `${PASSWORD}\n`);
  const { child, url } = await startServer(
    db,
    values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [],
    { warmed: true },
  );
  try {
    const auth = await token(url);
    const m = mix(s, 0);
    const load = () => loadavg().map((l) => Number(l.toFixed(2)));
    // The server computes its whole-store views when it starts (docs/server.md, "Load"); the
    // phases measure a server that has finished that, as users of a running server find it.
    for (const path of [
      "/api/views/overview",
      "/api/cohorts",
      "/api/sponsors",
      "/api/views/network",
    ])
      await fetch(url + path, { headers: { Authorization: `Bearer ${auth}` } }).then((r) =>
        r.text(),
      );
    const before = load();
    const browse = await phase(url, auth, m, seconds, child.pid);
    const afterBrowse = load();
    // Phase 2: the same mix while an ingest job loads the crossings again as a new source.
    const body = readFileSync(crossings);
    const up = await fetch(`${url}/api/jobs/ingest?name=crossings.csv&source=bench-${Date.now()}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${auth}`, "Content-Type": "application/octet-stream" },
      body,
    });
    const job = (await up.json()) as { job_id: string };
    const duringP = phase(url, auth, mix(s, 1), seconds, child.pid);
    let status = "running";
    let jobSeconds = 0;
    const t0 = Date.now();
    while (status === "queued" || status === "running") {
      await new Promise((ok) => setTimeout(ok, 250));
      const r = (await (
        await fetch(`${url}/api/jobs/${job.job_id}`, {
          headers: { Authorization: `Bearer ${auth}` },
        })
      ).json()) as { status: string };
      status = r.status;
      jobSeconds = (Date.now() - t0) / 1000;
    }
    const during = await duringP;
    const report = {
      store: pristine,
      store_mb: Math.round(statSync(pristine).size / 1048576),
      users,
      seconds,
      load_before: before,
      load_after_browse: afterBrowse,
      load_after: load(),
      browse,
      during_ingest: {
        ...during,
        ingest_job: status,
        ingest_seconds: Number(jobSeconds.toFixed(1)),
        ingest_ended_within_phase: jobSeconds < seconds,
      },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const ok =
      browse.errors + browse.non2xx + during.errors + during.non2xx === 0 && status === "succeeded";
    if (!ok) process.exitCode = 1;
  } finally {
    child.kill("SIGTERM");
    await new Promise((ok) => child.once("exit", ok));
  }
}

await main();
