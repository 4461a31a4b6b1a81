/**
 * A store must open after a process that wrote to it is killed before DuckDB's next checkpoint,
 * when all it has of the last commits is its write-ahead log. DuckDB cannot replay every
 * statement from that log (`ALTER … TYPE <named type>` fails with "GetDefaultDatabase with no
 * default database set"), so these tests commit the statements the store's own code issues —
 * every migration, and the ENUM widening of a first ingest — in a child that then kills itself
 * with SIGKILL, and open the store afterwards.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { generateCrossings } from "../bench/generate-crossings.js";
import { SCHEMA_VERSION } from "../src/db/migrate.js";
import { Store } from "../src/db/store.js";
import { repoRoot } from "../src/repo-root.js";
import { tempDir } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

const dist = (path: string) => pathToFileURL(join(repoRoot(), "dist", path)).href;

/** Runs an ES module body in a child Node process that ends itself with SIGKILL. */
function runThenKill(body: string): void {
  const script = `${body}\nprocess.kill(process.pid, "SIGKILL");`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    env: { ...process.env, TZ: "UTC" },
  });
  assert.equal(child.signal, "SIGKILL", `child ended otherwise: ${child.stderr}`);
}

describe("store: a kill before the checkpoint", () => {
  it("every migration replays from the write-ahead log", async () => {
    const db = join(tmp.dir, "migrations.duckdb");
    // Each migration committed as migrate() does, without the checkpoint that follows them.
    runThenKill(`
      const { Store } = await import(${JSON.stringify(dist("src/db/store.js"))});
      const { MIGRATIONS } = await import(${JSON.stringify(dist("src/db/migrations/index.js"))});
      const store = await Store.open(${JSON.stringify(db)}, { migrate: false });
      await store.run("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)");
      await store.run("CHECKPOINT");
      for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
        await store.transaction(async () => {
          if (m.run) await m.run(store); else await store.run(m.sql);
          await store.run("INSERT INTO schema_migrations VALUES (?, ?, now())", [m.version, m.name]);
        });
      }`);
    assert.ok(existsSync(`${db}.wal`), "the commits are still in the write-ahead log");
    const store = await Store.open(db);
    try {
      const [row] = await store.all<{ v: number }>(
        "SELECT max(version) AS v FROM schema_migrations",
      );
      assert.equal(row?.v, SCHEMA_VERSION);
    } finally {
      store.close();
    }
  });

  it("a first ingest's ENUM widening replays from the write-ahead log", async () => {
    const db = join(tmp.dir, "first-ingest.duckdb");
    const file = join(tmp.dir, "first.csv");
    await generateCrossings(file, 200);
    runThenKill(`
      const { Store } = await import(${JSON.stringify(dist("src/db/store.js"))});
      const { ingestFile } = await import(${JSON.stringify(dist("src/ingest/ingest-file.js"))});
      const store = await Store.open(${JSON.stringify(db)});
      const result = await ingestFile(store, ${JSON.stringify(file)});
      if (result.loaded !== 200) throw new Error("loaded " + result.loaded);`);
    assert.ok(existsSync(`${db}.wal`), "the ingest is still in the write-ahead log");
    const store = await Store.open(db);
    try {
      const [row] = await store.all<{ n: bigint; port: string }>(
        `SELECT count(*) AS n, any_value(data_type) AS port FROM records,
           (SELECT data_type FROM duckdb_columns()
            WHERE table_name = 'records' AND column_name = 'port_id')`,
      );
      assert.equal(Number(row?.n), 200);
      assert.match(String(row?.port), /^ENUM\(/);
    } finally {
      store.close();
    }
  });
});
