/**
 * One memory setting for every command: each command that opens the store runs under a limit
 * derived from the machine's memory unless --memory / SOJOURN_MEMORY_LIMIT fixes it, and spills
 * to `<store>.tmp` unless --temp-dir / SOJOURN_TEMP_DIR names another directory. Read back
 * through the commands themselves: `--debug` prints the store's settings as DuckDB reads them,
 * and `analyze --json` the limit its run started under.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { defaultMemoryLimitMb } from "../src/db/memory-limit.js";
import { Store } from "../src/db/store.js";
import { ingestFile } from "../src/ingest/ingest-file.js";
import { cliOk, HEADER, runCli, tempDir, writeFile } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

/** How DuckDB reads a limit of `mb` MiB back ('2.5 GiB'), asked of DuckDB itself. */
async function readBack(mb: number): Promise<string | undefined> {
  const store = await Store.open(":memory:", { memoryLimit: `${mb}MiB`, migrate: false });
  try {
    return await memoryLimitOf(store);
  } finally {
    store.close();
  }
}

async function memoryLimitOf(store: Store): Promise<string | undefined> {
  return (await store.one<{ m: string }>("SELECT current_setting('memory_limit') AS m"))?.m;
}

describe("one memory setting for every command", () => {
  const db = join(tmp.dir, "store.duckdb");
  const out = join(tmp.dir, "out");
  const truth = join(tmp.dir, "sim");
  before(() => {
    mkdirSync(out, { recursive: true });
    cliOk(["simulate", "--out", truth, "--scale", "0.002", "--seed", "3", "--json"]);
    cliOk(["--db", db, "ingest", join(truth, "crossings.csv"), "--json"]);
  });

  /** Each command line (after the global options) that opens the store. */
  const commands = (tag: string): string[][] => [
    ["ingest", join(truth, "crossings.csv")],
    ["analyze", "--json"],
    ["report", "--out", join(out, `${tag}.html`), "--force"],
    ...["persons", "alerts", "cohorts", "stays"].map((kind) => [
      "export",
      kind,
      "--out",
      join(out, `${tag}-${kind}.parquet`),
      "--force",
    ]),
    ["evaluate", "--truth", truth, "--json"],
  ];

  it("applies a share of the machine's memory and spills beside the store by default", async () => {
    const share = await readBack(defaultMemoryLimitMb());
    for (const args of commands("default")) {
      const r = runCli(["--debug", "--db", db, ...args]);
      assert.equal(r.status, 0, `${args.join(" ")}: ${r.stderr}`);
      const line = `store ${db}: memory_limit ${share} (machine share), temp_directory ${db}.tmp`;
      assert.ok(r.stderr.includes(line), `${args.join(" ")}: ${r.stderr}`);
      if (args[0] === "analyze") assert.equal(JSON.parse(r.stdout).memory_limit, share);
    }
  });

  it("applies --memory, SOJOURN_MEMORY_LIMIT and --temp-dir to every command", async () => {
    const spill = join(tmp.dir, "spill");
    for (const args of commands("fixed")) {
      const flag = runCli([
        "--debug",
        "--memory",
        "700MB",
        "--temp-dir",
        spill,
        "--db",
        db,
        ...args,
      ]);
      assert.equal(flag.status, 0, `${args.join(" ")}: ${flag.stderr}`);
      const line = `store ${db}: memory_limit 667.5 MiB (fixed), temp_directory ${spill}`;
      assert.ok(flag.stderr.includes(line), `${args.join(" ")}: ${flag.stderr}`);
      if (args[0] === "analyze") assert.equal(JSON.parse(flag.stdout).memory_limit, "667.5 MiB");
      const env = runCli(["--debug", "--db", db, ...args], {
        SOJOURN_MEMORY_LIMIT: "1GiB",
        SOJOURN_TEMP_DIR: spill,
      });
      assert.equal(env.status, 0, `${args.join(" ")}: ${env.stderr}`);
      assert.ok(
        env.stderr.includes(`memory_limit 1.0 GiB (fixed), temp_directory ${spill}`),
        `${args.join(" ")}: ${env.stderr}`,
      );
    }
  });

  it("ingests under its own cap and puts the store's limit back, or keeps a fixed one", async () => {
    const file = writeFile(tmp.dir, "few.csv", `${HEADER}\n1,2019-06-01,entry,Quanhe,PRK,A\n`);
    const opened = await Store.open(join(tmp.dir, "ingest.duckdb"));
    try {
      const before = await memoryLimitOf(opened);
      assert.equal(before, await readBack(defaultMemoryLimitMb()));
      await ingestFile(opened, file);
      assert.equal(await memoryLimitOf(opened), before);
    } finally {
      opened.close();
    }
    const fixed = await Store.open(join(tmp.dir, "ingest-fixed.duckdb"), { memoryLimit: "2GiB" });
    try {
      await ingestFile(fixed, file);
      assert.equal(await memoryLimitOf(fixed), "2.0 GiB");
    } finally {
      fixed.close();
    }
  });

  it("refuses a --memory that is no size, for every command", () => {
    for (const args of commands("bad")) {
      const r = runCli(["--memory", "plenty", "--db", db, ...args]);
      assert.notEqual(r.status, 0, args.join(" "));
      assert.match(r.stderr, /--memory "plenty": expected a size such as 3GB/);
    }
  });
});
