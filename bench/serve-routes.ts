/**
 * node dist/bench/serve-routes.js --db STORE [--calls 7] [--only WORD]: what each route the web
 * app's pages call costs, through the whole HTTP stack in-process (authentication by API token,
 * validation, the read, JSON), one request at a time. Per route:
 * - cold_ms: the first request after the server's caches were emptied (what a user would wait
 *   if the server had not computed the view beforehand);
 * - uncached_ms: median of --calls requests, each after the caches were emptied: the read's own
 *   cost, of which db_ms in DuckDB calls (statements: how many per request), and cpu_ms the
 *   process's CPU time per request (DuckDB's threads included: what a request costs whatever
 *   else the machine runs);
 * - warm_ms: median of --calls requests with the cache kept (what browsing users see).
 * The store is a copy of STORE (an analyzed store), so the original is never migrated or changed.
 */
import { copyFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Store } from "../src/db/store.js";
import { repoRoot } from "../src/repo-root.js";
import { createApp } from "../src/server/app.js";
import { createContext } from "../src/server/serve.js";
import { addUser, createToken } from "../src/users/users.js";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    calls: { type: "string", default: "7" },
    only: { type: "string" },
  },
});
if (!values.db) throw new Error("--db STORE: an analyzed store");
const calls = Number(values.calls);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
const ms = (x: number) => Number(x.toFixed(1));

/** Counts the statements run and the time spent in them, on every connection. */
function instrument(): { n: number; ms: number } {
  const spent = { n: 0, ms: 0 };
  for (const method of ["run", "all", "json"] as const) {
    const original = Store.prototype[method] as (...a: unknown[]) => Promise<unknown>;
    (Store.prototype as unknown as Record<string, unknown>)[method] = async function (
      this: Store,
      ...a: unknown[]
    ) {
      spent.n++;
      const t = performance.now();
      try {
        return await original.apply(this, a);
      } finally {
        spent.ms += performance.now() - t;
      }
    };
  }
  return spent;
}

/** Values to ask for: a person with alerts, a document, names in each script, a team, a port. */
async function subjects(store: Store) {
  const one = async (sql: string) =>
    String(Object.values((await store.json(sql))[0] ?? { v: "" })[0] ?? "");
  const sample = async (sql: string) =>
    (await store.json<{ v: string }>(sql)).map((r) => String(r.v));
  return {
    persons: await sample(
      "SELECT person_id AS v FROM alerts WHERE person_id IS NOT NULL USING SAMPLE 20 ROWS",
    ),
    docs: await sample("SELECT doc_number AS v FROM person_documents USING SAMPLE 20 ROWS"),
    rule: await one("SELECT min(rule) FROM alerts"),
    latin: await one(
      "SELECT split_part(name, ' ', 1) FROM person_names WHERE script = 'latin' LIMIT 1",
    ),
    hangul: await one("SELECT left(name, 1) FROM person_names WHERE script = 'hangul' LIMIT 1"),
    han: await one("SELECT left(name, 2) FROM person_names WHERE script = 'han' LIMIT 1"),
    cohort: await one(
      "SELECT cohort_id FROM cohort_members JOIN cohorts USING (cohort_id) WHERE kind = 'labor-team' GROUP BY ALL ORDER BY count(*) DESC, cohort_id LIMIT 1",
    ),
    port: await one(
      "SELECT port_id FROM records WHERE nationality = 'PRK' AND port_id IS NOT NULL LIMIT 1",
    ),
  };
}

async function main(): Promise<void> {
  const db = join(repoRoot(), "bench-data", "serve-routes.duckdb");
  for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
  copyFileSync(values.db as string, db);
  const store = await Store.open(db);
  const spent = instrument();
  const ctx = await createContext(store, { filesDir: `${db}.files` });
  const app = createApp(ctx);
  try {
    const user = await addUser(store, "bench", "analyst", "bench password that is long");
    const { token } = await createToken(store, user.user_id, "bench");
    const s = await subjects(store);
    const at = (xs: string[], i: number) => xs[i % xs.length] ?? "";
    const q = encodeURIComponent;
    const routes: [string, (i: number) => string][] = [
      ["session", () => "/api/views/session"],
      ["policy", () => "/api/views/policy"],
      ["overview (with map)", () => "/api/views/overview"],
      ["presence", () => "/api/presence"],
      ["alerts by rule", () => "/api/alerts?limit=50"],
      ["alerts of a rule", () => `/api/alerts?limit=50&rule=${q(s.rule)}`],
      ["alerts by score", () => "/api/alerts?limit=50&sort=score"],
      ["alerts min score 0.9", () => "/api/alerts?limit=50&sort=score&min_score=0.9"],
      ["alerts of a person", (i) => `/api/alerts?limit=50&person=${at(s.persons, i)}`],
      ["alerts of a team", () => `/api/alerts?limit=50&cohort=${q(s.cohort)}`],
      ["alerts at a place", () => "/api/alerts?limit=50&place=Hunchun"],
      ["alerts in a period", () => "/api/alerts?limit=50&from=2019-12-01&to=2019-12-31"],
      ["alerts status new", () => "/api/alerts?limit=50&status=new"],
      ["alerts status confirmed", () => "/api/alerts?limit=50&status=confirmed"],
      ["search document", (i) => `/api/persons?q=${q(at(s.docs, i))}&limit=100`],
      ["search latin name", () => `/api/persons?q=${q(s.latin)}&limit=100`],
      ["search hangul name", () => `/api/persons?q=${q(s.hangul)}&limit=100`],
      ["search han name", () => `/api/persons?q=${q(s.han)}&limit=100`],
      ["person detail", (i) => `/api/persons/${at(s.persons, i)}`],
      ["cohorts", () => "/api/cohorts"],
      ["cohort detail", () => `/api/views/cohorts/${q(s.cohort)}`],
      ["port persons", () => `/api/views/ports/${q(s.port)}/persons`],
      ["sponsors", () => "/api/sponsors"],
      ["network", () => "/api/views/network"],
      ["lists", () => "/api/lists"],
      ["evidence sources", () => "/api/evidence/sources"],
      ["evidence claims", () => "/api/evidence/claims"],
      ["runs", () => "/api/runs"],
      ["rejects", () => "/api/rejects"],
      ["jobs", () => "/api/jobs"],
      ["cases", () => "/api/cases"],
    ];
    const headers = { Authorization: `Bearer ${token}` };
    const get = async (path: string) => {
      const r = await app.request(path, { headers });
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return (await r.text()).length;
    };
    const forget = () => {
      ctx.cache.invalidate();
      ctx.responses.invalidate();
      ctx.views.clear();
    };
    const rows: Record<string, unknown>[] = [];
    for (const [name, path] of routes) {
      if (values.only && !name.includes(values.only)) continue;
      forget();
      let t = performance.now();
      const bytes = await get(path(0));
      const cold = performance.now() - t;
      const uncached: number[] = [];
      const before = { ...spent };
      const cpu0 = process.cpuUsage();
      for (let i = 1; i <= calls; i++) {
        forget();
        t = performance.now();
        await get(path(i));
        uncached.push(performance.now() - t);
      }
      const cpu = process.cpuUsage(cpu0);
      const inDb = { n: spent.n - before.n, ms: spent.ms - before.ms };
      const warm: number[] = [];
      for (let i = 1; i <= calls; i++) {
        t = performance.now();
        await get(path(i));
        warm.push(performance.now() - t);
      }
      rows.push({
        route: name,
        cold_ms: ms(cold),
        uncached_ms: ms(median(uncached)),
        db_ms: ms(inDb.ms / calls),
        statements: ms(inDb.n / calls),
        cpu_ms: ms((cpu.user + cpu.system) / 1000 / calls),
        warm_ms: ms(median(warm)),
        kb: Math.round(bytes / 1024),
      });
      process.stderr.write(`${JSON.stringify(rows.at(-1))}\n`);
    }
    const load = loadavg().map((l) => Number(l.toFixed(2)));
    process.stdout.write(`${JSON.stringify({ store: values.db, calls, load, rows }, null, 2)}\n`);
  } finally {
    ctx.close();
    store.close();
  }
}

await main();
