/**
 * node dist/bench/serve-routes.js --db STORE [--calls 15]: what each browsing route of
 * `sojourn serve` costs through the whole HTTP stack in-process (authentication by API token,
 * validation, the read, JSON) beside the read function alone, one request at a time, with the
 * SQL statements per request. Median wall time of --calls calls after one warm-up call. The
 * store is a copy of STORE (an analyzed store), so the original is never migrated or changed.
 */
import { copyFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Store } from "../src/db/store.js";
import { listAlerts } from "../src/read/alerts.js";
import { getPerson, searchPersons } from "../src/read/persons.js";
import { repoRoot } from "../src/repo-root.js";
import { createApp } from "../src/server/app.js";
import { createContext } from "../src/server/serve.js";
import { addUser, createToken } from "../src/users/users.js";

const { values } = parseArgs({
  options: { db: { type: "string" }, calls: { type: "string", default: "15" } },
});
if (!values.db) throw new Error("--db STORE: an analyzed store");
const calls = Number(values.calls);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;

async function timed(fn: (i: number) => Promise<unknown>): Promise<number> {
  await fn(0);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return Number(median(times).toFixed(1));
}

async function main(): Promise<void> {
  const db = join(repoRoot(), "bench-data", "serve-routes.duckdb");
  for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
  copyFileSync(values.db as string, db);
  const store = await Store.open(db);
  const statements = { n: 0 };
  for (const method of ["run", "all", "json"] as const) {
    const original = Store.prototype[method] as (...a: unknown[]) => Promise<unknown>;
    (Store.prototype as unknown as Record<string, unknown>)[method] = function (
      this: Store,
      ...a: unknown[]
    ) {
      statements.n++;
      return original.apply(this, a);
    };
  }
  const ctx = await createContext(store, { filesDir: `${db}.files` });
  const app = createApp(ctx);
  try {
    const user = await addUser(store, "bench", "analyst", "bench password that is long");
    const { token } = await createToken(store, user.user_id, "bench");
    const persons = await store.all<{ person_id: string }>(
      "SELECT person_id FROM alerts WHERE person_id IS NOT NULL USING SAMPLE 50 ROWS",
    );
    const docs = await store.all<{ doc_number: string }>(
      "SELECT doc_number FROM person_documents USING SAMPLE 50 ROWS",
    );
    const rule = (await store.one<{ rule: string }>("SELECT min(rule) AS rule FROM alerts"))?.rule;
    const person = (i: number) => persons[i % persons.length]?.person_id ?? "";
    const doc = (i: number) => docs[i % docs.length]?.doc_number ?? "";
    const routes: [string, (i: number) => string, ((i: number) => Promise<unknown>) | null][] = [
      [
        "alerts by score",
        () => "/api/alerts?limit=50&sort=score",
        () => ctx.reads.use((s) => listAlerts(s, { limit: 50, sort: "score" })),
      ],
      [
        "alerts of a rule",
        () => `/api/alerts?limit=50&rule=${rule}`,
        () => ctx.reads.use((s) => listAlerts(s, { limit: 50, rule })),
      ],
      [
        "document search",
        (i) => `/api/persons?q=${encodeURIComponent(doc(i))}`,
        (i) => ctx.reads.use((s) => searchPersons(s, { query: doc(i), limit: 50 })),
      ],
      [
        "person detail",
        (i) => `/api/persons/${person(i)}`,
        (i) => ctx.reads.use((s) => getPerson(s, person(i))),
      ],
      ["overview", () => "/api/views/overview", null],
      ["cohorts", () => "/api/cohorts", null],
      ["sponsors", () => "/api/sponsors", null],
      ["session", () => "/api/views/session", null],
    ];
    const headers = { Authorization: `Bearer ${token}` };
    const rows: Record<string, unknown>[] = [];
    for (const [name, path, read] of routes) {
      const before = statements.n;
      const http = await timed(async (i) => {
        const r = await app.request(path(i), { headers });
        if (r.status !== 200) throw new Error(`${path(i)}: ${r.status} ${await r.text()}`);
        await r.text();
      });
      const perRequest = (statements.n - before) / (calls + 1);
      rows.push({
        route: name,
        http_ms: http,
        read_ms: read ? await timed(read) : null,
        statements: Number(perRequest.toFixed(1)),
      });
    }
    const load = loadavg().map((l) => Number(l.toFixed(2)));
    process.stdout.write(`${JSON.stringify({ store: values.db, calls, load, rows }, null, 2)}\n`);
  } finally {
    ctx.close();
    store.close();
  }
}

await main();
