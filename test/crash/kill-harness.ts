/**
 * Crash safety as a property. Every command that writes to a store — ingest (CSV fast path,
 * gzipped exact path, JSON Lines), analyze, lists import (with its re-screening), screen
 * --sponsors, evidence add, the migrations run when an old store is opened, users add, case open
 * and case note — is started on a copy of a prepared store (none for a first run) and stopped by
 * SIGINT, SIGTERM or SIGKILL at a random moment of its run: before a statement drawn uniformly
 * from those a clean run made, or a random time into it (the store's kill hook,
 * `StatementKillHook` in src/db/sql-runner.ts), so the signal lands while the command works
 * rather than after it has ended. Afterwards the store must open. A
 * command that converges is rerun and the store must then equal the one a clean run leaves
 * (order-independent checksums of every table, surrogate ids and times aside); one that appends
 * (a user, a case, a note) must have left all of its rows or none, with an audit chain that
 * verifies.
 *
 * Used by the short run in `kill.test.ts` and the long one in `scripts/kill-campaign.mjs`.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { MIGRATIONS } from "../../src/db/migrations/index.js";
import { Store, sqlIdent } from "../../src/db/store.js";
import { repoRoot } from "../../src/repo-root.js";

export const SIGNALS = ["SIGINT", "SIGTERM", "SIGKILL"] as const;
export type Signal = (typeof SIGNALS)[number];

/** One writing command, started on a store prepared by `prepare` (none: a new store). */
export interface Scenario {
  name: string;
  prepare: string[][];
  /** Fix the person-id salt before the command (analyze draws one on a store's first run). */
  fixSalt?: boolean;
  /** Make the store an old one: every migration up to version 5, with crossing records. */
  oldStore?: boolean;
  command: string[];
  /** Written to the command's standard input (a password). */
  stdin?: string;
  /**
   * A command that appends (a user, a case, a note): a rerun after a completed run appends again,
   * so instead of rerunning, the killed store must hold every table as before the command or as
   * after a clean run (row counts), and its audit chain must verify.
   */
  atomic?: boolean;
  /** Share of the campaign's kills per scenario (default 1): lower for the slowest commands. */
  weight?: number;
}

export interface Inputs {
  dir: string;
  csv: string;
  gz: string;
  jsonl: string;
}

const CLI = () => join(repoRoot(), "dist", "src", "cli", "main.js");
const LIST_UN = () => join(repoRoot(), "data", "lists", "un_sc_consolidated_2026-02-27.xml");
// OFAC's non-SDN consolidated set (442 entries, with its alt, add and comments files): the OFAC
// CSV path and a re-screening of every sponsor and person, at a tenth of the SDN list's cost.
const LIST_OFAC = () => join(repoRoot(), "test", "fixtures", "sanctions", "ofac_cons_prim.csv");
const REPORT_PDF = () =>
  join(repoRoot(), "test", "fixtures", "evidence", "reports", "hunchun-dispatch-2024.pdf");
const REPORT_TXT = () =>
  join(repoRoot(), "test", "fixtures", "evidence", "reports", "helong-unrest-2024.txt");

export function scenarios(inputs: Inputs): Scenario[] {
  const ingestA = ["ingest", inputs.csv];
  return [
    { name: "ingest csv, first", prepare: [], command: ["ingest", inputs.csv] },
    { name: "ingest csv.gz exact path, later", prepare: [ingestA], command: ["ingest", inputs.gz] },
    { name: "ingest jsonl, later", prepare: [ingestA], command: ["ingest", inputs.jsonl] },
    { name: "analyze, first", prepare: [ingestA], fixSalt: true, command: ["analyze"] },
    {
      name: "analyze, later",
      prepare: [ingestA, ["analyze"], ["ingest", inputs.gz]],
      command: ["analyze"],
    },
    {
      name: "lists import, first",
      prepare: [],
      command: ["lists", "import", LIST_UN()],
      weight: 0.5,
    },
    {
      // With analyzed records, so the import's re-screening and sponsor alerts are part of it.
      name: "lists import, later",
      prepare: [ingestA, ["analyze"], ["lists", "import", LIST_UN()]],
      command: ["lists", "import", LIST_OFAC()],
      weight: 0.5,
    },
    {
      name: "screen --sponsors",
      prepare: [ingestA, ["analyze"], ["lists", "import", LIST_UN()]],
      command: ["screen", "--sponsors"],
    },
    { name: "evidence add, first", prepare: [], command: ["evidence", "add", REPORT_PDF()] },
    {
      name: "evidence add, later",
      prepare: [["evidence", "add", REPORT_TXT()]],
      command: ["evidence", "add", REPORT_PDF()],
    },
    { name: "migrations of an old store", prepare: [], oldStore: true, command: ["runs"] },
    {
      name: "users add, first",
      prepare: [],
      command: ["users", "add", "mina", "--role", "analyst"],
      stdin: "correct horse battery staple\n",
      atomic: true,
    },
    {
      name: "case open, later",
      prepare: [ingestA],
      command: ["case", "open", "Quanhe seafood plant"],
      atomic: true,
    },
    {
      name: "case note",
      prepare: [ingestA, ["case", "open", "Quanhe seafood plant"]],
      command: ["case", "note", "C-1", "Seen at Quanhe in June"],
      atomic: true,
    },
  ];
}

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC", SOJOURN_THREADS: "2" };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

function cli(
  db: string,
  args: string[],
  stdin?: string,
  env: NodeJS.ProcessEnv = {},
): { status: number | null; signal: NodeJS.Signals | null; stderr: string } {
  const r = spawnSync(process.execPath, [CLI(), "--db", db, ...args], {
    encoding: "utf8",
    env: { ...childEnv(), ...env },
    input: stdin ?? "",
    maxBuffer: 1 << 26,
  });
  return { status: r.status, signal: r.signal, stderr: r.stderr };
}

/** The most statements one store ran, from the kill hook's report on stderr (0: none). */
function statementCount(stderr: string): number {
  const counts = [...stderr.matchAll(/^sojourn-test-statements (\d+)$/gm)].map((m) => Number(m[1]));
  return Math.max(0, ...counts);
}

/** A simulated season (small), and from it a gzipped file with bad lines and repeats (the
 * exact path, duplicates, rejects) and a JSON Lines file. */
export function makeInputs(dir: string, scale = 0.01): Inputs {
  mkdirSync(dir, { recursive: true });
  const sim = join(dir, "sim");
  const r = spawnSync(
    process.execPath,
    [CLI(), "simulate", "--out", sim, "--scale", String(scale), "--seed", "11", "--force"],
    { encoding: "utf8", env: childEnv() },
  );
  if (r.status !== 0) throw new Error(`simulate failed: ${r.stderr}`);
  const csv = join(sim, "crossings.csv");
  const text = readFileSync(csv, "utf8");
  const lines = text.trimEnd().split("\n");
  const header = lines[0] ?? "";
  const tail = lines.slice(-Math.floor(lines.length / 5));
  const gz = join(dir, "later.csv.gz");
  writeFileSync(
    gz,
    gzipSync(
      Buffer.concat([
        Buffer.from(`${header}\n${tail.join("\n")}\n`),
        Buffer.from('X1,s,"2019-06-03,entry\n'),
        Buffer.from([0x58, 0x32, 0x2c, 0xff, 0xfe, 0x0a]),
        Buffer.from(`${lines.slice(1, 500).join("\n")}\n`),
      ]),
    ),
  );
  const rows = parse(lines.slice(0, Math.floor(lines.length / 4)).join("\n"), {
    columns: true,
  }) as Record<string, string>[];
  const jsonl = join(dir, "later.jsonl");
  writeFileSync(
    jsonl,
    rows.map((row) => JSON.stringify({ ...row, record_id: `J${row.record_id}` })).join("\n"),
  );
  return { dir, csv, gz, jsonl };
}

/** A store at schema version 5 (before the ENUM and compression migrations) holding the
 * records of `csv`, copied from a current store. */
async function makeOldStore(db: string, csv: string, work: string): Promise<void> {
  const current = join(work, "current-for-old.duckdb");
  rmSync(current, { force: true });
  const r = cli(current, ["ingest", csv]);
  if (r.status !== 0) throw new Error(`ingest for the old store failed: ${r.stderr}`);
  const parquet = join(work, "records-for-old.parquet");
  const cur = await Store.open(current);
  try {
    await cur.run(`COPY records TO '${parquet}' (FORMAT parquet)`);
  } finally {
    cur.close();
  }
  const old = await Store.open(db, { migrate: false });
  try {
    await old.run(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY,
      name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
    for (const m of MIGRATIONS.filter((x) => x.version <= 5)) {
      await old.transaction(async () => {
        if (m.run) await m.run(old);
        else await old.run(m.sql);
        await old.run("INSERT INTO schema_migrations VALUES (?, ?, now())", [m.version, m.name]);
      });
    }
    const cols = await old.all<{ c: string }>(
      "SELECT column_name AS c FROM duckdb_columns() WHERE table_name = 'records' ORDER BY column_index",
    );
    const names = cols.map((c) => sqlIdent(c.c)).join(", ");
    await old.run(`INSERT INTO records (${names})
      SELECT ${cols.map((c) => `CAST(${sqlIdent(c.c)} AS VARCHAR)`).join(", ")} FROM '${parquet}'`);
    await old.run(`INSERT INTO ingest_runs (run_id, file, source, started_at, status)
      SELECT DISTINCT run_id, 'old.csv', 'old', now(), 'done' FROM records`);
  } finally {
    old.close();
  }
}

/** Tables that log each attempt (a rerun adds a row); compared only for unfinished runs. */
const LOG_TABLES = new Set([
  "ingest_runs",
  "analyze_runs",
  "identity_runs",
  "sanction_imports",
  "sanction_changes",
  "evidence_events",
]);
/** Surrogate ids drawn from sequences: a killed run may have used one up. */
const SEQUENCE_IDS = new Set(["run_id", "import_id", "source_id", "claim_id"]);
/** Rejects and warnings belong to the run that found them (its counts must add up), so a
 * file ingested again after a run that completed records them again: compared as distinct
 * rows. */
const PER_RUN_TABLES = new Set(["rejects", "record_warnings"]);
/** Columns listing import ids (comma-separated): compared as the lists and files imported. */
const IMPORT_ID_LISTS = new Set(["imports"]);
/** Columns holding a record's key (run id · 2³² + line): compared as the record's id. */
const RECORD_KEYS = new Set(["rec_key", "canonical_key", "rec_key_a", "rec_key_b"]);

export type Checksums = Record<string, string>;

/** The store's own tables (schema main, not temporary), by name. */
async function storeTables(store: Store): Promise<string[]> {
  const rows = await store.all<{ t: string }>(
    "SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY 1",
  );
  return rows.map((r) => r.t);
}

/** Per table: row count and the sum of the rows' hashes (order does not matter). */
export async function checksums(db: string): Promise<Checksums> {
  const store = await Store.open(db);
  try {
    const out: Checksums = {};
    for (const t of await storeTables(store)) {
      if (LOG_TABLES.has(t)) continue;
      const cols = await store.all<{ c: string; type: string }>(
        "SELECT column_name AS c, data_type AS type FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
        [t],
      );
      const exprs = cols.flatMap(({ c, type }) => {
        const col = `t.${sqlIdent(c)}`;
        if (SEQUENCE_IDS.has(c) || c === "timings") return [];
        if (type.startsWith("TIMESTAMP") && c !== "crossed_at") return [];
        if (IMPORT_ID_LISTS.has(c))
          return [
            `(SELECT string_agg(s.list || chr(31) || s.file_sha256, ',' ORDER BY s.list) FROM sanction_imports s
              WHERE list_contains(string_split(${col}, ','), s.import_id::VARCHAR))`,
          ];
        if (RECORD_KEYS.has(c))
          return [
            `(SELECT k.source || chr(31) || k.record_id FROM records k WHERE k.rec_key = ${col})`,
          ];
        if (type === "DOUBLE" || type === "FLOAT") return [`round(${col}, 6)`];
        return [col];
      });
      if (exprs.length === 0) continue;
      const rows = PER_RUN_TABLES.has(t)
        ? `(SELECT DISTINCT ${exprs.map((e, i) => `${e} AS c${i}`).join(", ")} FROM ${sqlIdent(t)} t)`
        : `(SELECT ${exprs.map((e, i) => `${e} AS c${i}`).join(", ")} FROM ${sqlIdent(t)} t)`;
      const [row] = await store.all<{ n: bigint; h: bigint | null }>(
        `SELECT count(*) AS n, sum(hash(r)::HUGEINT) AS h FROM ${rows} r`,
      );
      out[t] = `${row?.n ?? 0}:${row?.h ?? 0}`;
    }
    const [running] = await store.all<{ n: bigint }>(
      "SELECT count(*) AS n FROM ingest_runs WHERE status = 'running'",
    );
    out["ingest_runs (running)"] = String(running?.n ?? 0);
    return out;
  } finally {
    store.close();
  }
}

/** Per table: the row count. */
async function rowCounts(db: string): Promise<Checksums> {
  const store = await Store.open(db);
  try {
    const out: Checksums = {};
    for (const t of await storeTables(store)) {
      const [row] = await store.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${sqlIdent(t)}`);
      out[t] = String(row?.n ?? 0);
    }
    return out;
  } finally {
    store.close();
  }
}

function differences(want: Checksums, got: Checksums, label: string): string[] {
  return [...new Set([...Object.keys(want), ...Object.keys(got)])]
    .filter((k) => want[k] !== got[k])
    .map((k) => `${k}: ${want[k]} ${label}, ${got[k]} after kill`);
}

/** An appending command killed: all of its rows or none, and an audit chain that verifies. */
async function checkAtomic(prepared: Prepared, db: string, result: KillResult) {
  const counts = await rowCounts(db);
  const after = differences(prepared.baseline, counts, "after a clean run");
  const before = differences(prepared.before ?? {}, counts, "before the command");
  if (after.length > 0 && before.length > 0) result.differences.push(...after);
  const audit = cli(db, ["audit", "verify"]);
  if (audit.status !== 0) result.differences.push(`audit verify: ${audit.stderr.trim()}`);
  result.rerunOk = true;
  return result;
}

function copyStore(from: string | undefined, to: string): void {
  for (const suffix of ["", ".wal"]) rmSync(`${to}${suffix}`, { force: true });
  if (!from) return;
  for (const suffix of ["", ".wal"])
    if (existsSync(`${from}${suffix}`)) copyFileSync(`${from}${suffix}`, `${to}${suffix}`);
}

export interface Prepared {
  scenario: Scenario;
  template: string | undefined;
  baseline: Checksums;
  /** Atomic scenarios: the row counts before the command (`baseline`: after a clean run). */
  before?: Checksums;
  /** Wall time of the clean command, ms. */
  millis: number;
  /** Statements the clean command ran on its store (the kill hook's count). */
  statements: number;
}

/** Builds the scenario's starting store, and runs the command once cleanly for the baseline. */
export async function prepare(scenario: Scenario, work: string, index: number): Promise<Prepared> {
  const needsTemplate = scenario.prepare.length > 0 || scenario.fixSalt || scenario.oldStore;
  const template = needsTemplate ? join(work, `template-${index}.duckdb`) : undefined;
  if (template) {
    copyStore(undefined, template);
    if (scenario.oldStore) {
      const first = join(work, "inputs", "sim", "crossings.csv");
      await makeOldStore(template, first, work);
    }
    for (const step of scenario.prepare) {
      const r = cli(template, step);
      if (r.status !== 0) throw new Error(`${scenario.name}: ${step.join(" ")}: ${r.stderr}`);
    }
    if (scenario.fixSalt) {
      const s = await Store.open(template);
      try {
        await s.run("INSERT INTO identity_meta VALUES ('person_id_salt', 'kill-harness')");
      } finally {
        s.close();
      }
    }
  }
  const db = join(work, `baseline-${index}.duckdb`);
  copyStore(template, db);
  const started = Date.now();
  const r = cli(db, scenario.command, scenario.stdin, { SOJOURN_TEST_KILL_AT: "0" });
  const millis = Date.now() - started;
  if (r.status !== 0) throw new Error(`${scenario.name}: clean run failed: ${r.stderr}`);
  const statements = statementCount(r.stderr);
  if (statements === 0) throw new Error(`${scenario.name}: the kill hook counted no statement`);
  if (!scenario.atomic)
    return { scenario, template, baseline: await checksums(db), millis, statements };
  const before = join(work, `before-${index}.duckdb`);
  copyStore(template, before);
  return {
    scenario,
    template,
    baseline: await rowCounts(db),
    before: await rowCounts(before),
    millis,
    statements,
  };
}

/** Where a kill is aimed: before the store's `at`-th statement, `delayMs` after it began. */
export interface KillPoint {
  signal: Signal;
  at: number;
  delayMs: number;
}

export interface KillResult extends KillPoint {
  scenario: string;
  /** True when the signal ended the command; false when the command finished first. */
  killed: boolean;
  opened: boolean;
  rerunOk: boolean;
  differences: string[];
  error?: string;
}

/**
 * One kill: start the command on a copy of the starting store with the store's kill hook
 * (src/db/sql-runner.ts) aimed at `point`, then open, rerun and compare.
 */
export async function killOnce(
  prepared: Prepared,
  work: string,
  point: KillPoint,
): Promise<KillResult> {
  const { scenario } = prepared;
  const db = join(work, "killed.duckdb");
  copyStore(prepared.template, db);
  const run = cli(db, scenario.command, scenario.stdin, {
    SOJOURN_TEST_KILL_AT: String(point.at),
    SOJOURN_TEST_KILL_SIGNAL: point.signal,
    SOJOURN_TEST_KILL_DELAY_MS: String(point.delayMs),
  });
  const result: KillResult = {
    scenario: scenario.name,
    ...point,
    killed: run.signal === point.signal,
    opened: false,
    rerunOk: false,
    differences: [],
  };
  try {
    const s = await Store.open(db);
    s.close();
    result.opened = true;
  } catch (err) {
    result.error = (err as Error).message;
    return result;
  }
  if (scenario.atomic) return checkAtomic(prepared, db, result);
  const rerun = cli(db, scenario.command, scenario.stdin);
  result.rerunOk = rerun.status === 0;
  if (!result.rerunOk) {
    result.error = rerun.stderr.trim();
    return result;
  }
  result.differences.push(...differences(prepared.baseline, await checksums(db), "clean"));
  return result;
}

/** A small seeded generator (mulberry32), so a campaign can be replayed from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Campaign {
  results: KillResult[];
  /** Kills that landed (the command was still running) per scenario and signal. */
  counts: Record<string, Record<Signal, number>>;
}

/** A kill point drawn uniformly over a clean run's statements; half of them land at the
 * statement's start, half within it (up to twice a statement's mean time). */
function drawPoint(prepared: Prepared, signal: Signal, rand: () => number): KillPoint {
  const at = 1 + Math.floor(rand() * prepared.statements);
  const mean = prepared.millis / prepared.statements;
  const delayMs = rand() < 0.5 ? 0 : Math.floor(rand() * 2 * mean);
  return { signal, at, delayMs };
}

/**
 * Kills each scenario's command until `perScenario` kills have landed (at most three times as
 * many attempts), at points drawn over its clean run's statements, the signals taken in turn.
 */
export async function runCampaign(opts: {
  work: string;
  perScenario: number;
  seed: number;
  /** The simulator's scale for the input files (default 0.01: about 15,000 records). */
  scale?: number;
  only?: (s: Scenario) => boolean;
  log?: (line: string) => void;
  /** No attempt starts after this time (epoch ms): a campaign bounded in time. */
  until?: number;
}): Promise<Campaign> {
  const rand = random(opts.seed);
  const inputs = makeInputs(join(opts.work, "inputs"), opts.scale);
  const list = scenarios(inputs).filter(opts.only ?? (() => true));
  const results: KillResult[] = [];
  const counts: Campaign["counts"] = {};
  const late = () => opts.until !== undefined && Date.now() > opts.until;
  for (const [i, scenario] of list.entries()) {
    if (late()) break;
    const prepared = await prepare(scenario, opts.work, i);
    opts.log?.(
      `${scenario.name}: clean run ${prepared.millis} ms, ${prepared.statements} statements`,
    );
    const c = { SIGINT: 0, SIGTERM: 0, SIGKILL: 0 };
    counts[scenario.name] = c;
    const target = Math.max(1, Math.round(opts.perScenario * (scenario.weight ?? 1)));
    let landed = 0;
    for (let k = 0; landed < target && k < 3 * target && !late(); k++) {
      const point = drawPoint(prepared, SIGNALS[(landed + i) % SIGNALS.length] as Signal, rand);
      const r = await killOnce(prepared, opts.work, point);
      results.push(r);
      if (r.killed) {
        c[point.signal]++;
        landed++;
      }
      const where = `${point.signal} at statement ${point.at} +${point.delayMs} ms`;
      if (!r.opened || !r.rerunOk || r.differences.length > 0)
        opts.log?.(`  FAIL ${where}: ${r.error ?? r.differences.join("; ")}`);
      else opts.log?.(`  ok ${where}${r.killed ? "" : " (finished first)"}`);
    }
    opts.log?.(`  landed: SIGINT ${c.SIGINT}, SIGTERM ${c.SIGTERM}, SIGKILL ${c.SIGKILL}`);
  }
  return { results, counts };
}
