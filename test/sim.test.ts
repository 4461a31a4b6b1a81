import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { parse } from "csv-parse/sync";
import { AppError } from "../src/core/errors.js";
import { ingestFile } from "../src/ingest/ingest-file.js";
import { simulate, TRUTH_COLUMNS } from "../src/sim/simulate.js";
import { CROSSING_COLUMNS } from "../src/sim/sources.js";
import { runCli, tempDir, withDb } from "./helpers/with-db.js";

const tmp = tempDir("sojourn-sim-");
after(tmp.cleanup);

type Row = Record<string, string>;
const readCsv = (path: string): Row[] =>
  parse(readFileSync(path), { columns: true, skip_empty_lines: true });
const header = (path: string) => readFileSync(path, "utf8").split("\n", 1)[0];
const DIRECTIONS: Record<string, "entry" | "exit"> = {
  entry: "entry", in: "entry", arrival: "entry", 入境: "entry", 입국: "entry",
  exit: "exit", out: "exit", departure: "exit", 出境: "exit", 출국: "exit",
}; // biome-ignore format: vocabulary table

interface Run {
  dir: string;
  crossings: Row[];
  records: Row[];
  persons: Map<string, Row>;
  cohorts: Map<string, Row>;
  employers: Map<string, Row>;
}

function load(dir: string): Run {
  return {
    dir,
    crossings: readCsv(join(dir, "crossings.csv")),
    records: readCsv(join(dir, "truth", "records.csv")),
    persons: new Map(readCsv(join(dir, "truth", "persons.csv")).map((r) => [r.person_id!, r])),
    cohorts: new Map(readCsv(join(dir, "truth", "cohorts.csv")).map((r) => [r.cohort_id!, r])),
    employers: new Map(
      readCsv(join(dir, "truth", "employers.csv")).map((r) => [r.employer_id!, r]),
    ),
  };
}

const days = (a: string, b: string) =>
  (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000;

/** Entry→exit pairs per person from original rows, in time order. */
function staysByPerson(run: Run): Map<string, number[]> {
  const events = new Map<string, { at: string; dir: string }[]>();
  run.records.forEach((t, i) => {
    if (t.event !== "original") return;
    const c = run.crossings[i]!;
    const list = events.get(t.person_id!) ?? [];
    list.push({ at: c.crossed_at!.slice(0, 10), dir: DIRECTIONS[c.direction!]! });
    events.set(t.person_id!, list);
  });
  const stays = new Map<string, number[]>();
  for (const [pid, list] of events) {
    list.sort((a, b) => a.at.localeCompare(b.at) || (a.dir === "entry" ? -1 : 1));
    const out: number[] = [];
    let inAt: string | null = null;
    for (const e of list) {
      if (e.dir === "entry") inAt = e.at;
      else if (inAt) {
        out.push(days(inAt, e.at));
        inAt = null;
      }
    }
    stays.set(pid, out);
  }
  return stays;
}

let base: Run;
before(async () => {
  const dir = join(tmp.dir, "base");
  await simulate({ out: dir, scale: 0.01, seed: 11 });
  base = load(dir);
});

describe("simulate: determinism", () => {
  it("same seed gives the same bytes, another seed different ones", async () => {
    const again = join(tmp.dir, "again");
    const other = join(tmp.dir, "other");
    await simulate({ out: again, scale: 0.01, seed: 11 });
    await simulate({ out: other, scale: 0.01, seed: 12 });
    for (const f of [
      "crossings.csv",
      "scenario.json",
      ...Object.keys(TRUTH_COLUMNS).map((t) => `truth/${t}.csv`),
    ]) {
      assert.ok(
        readFileSync(join(base.dir, f)).equals(readFileSync(join(again, f))),
        `${f} differs`,
      );
    }
    assert.ok(
      !readFileSync(join(base.dir, "crossings.csv")).equals(
        readFileSync(join(other, "crossings.csv")),
      ),
    );
  });
});

describe("simulate: layout and truth", () => {
  it("writes the contract columns and the truth files with their headers", () => {
    assert.equal(header(join(base.dir, "crossings.csv")), CROSSING_COLUMNS.join(","));
    for (const [name, cols] of Object.entries(TRUTH_COLUMNS)) {
      assert.equal(header(join(base.dir, "truth", `${name}.csv`)), cols.join(","));
    }
    const manifest = JSON.parse(readFileSync(join(base.dir, "scenario.json"), "utf8"));
    assert.equal(manifest.seed, 11);
    assert.equal(manifest.scenario, "hunchun-2019");
    assert.equal(manifest.params["noise.lost"], 0.01);
    assert.equal(manifest.counts.rows, base.crossings.length);
  });

  it("has one truth row per crossing row, and every reference resolves", () => {
    assert.equal(base.records.length, base.crossings.length);
    const originals = new Set<string>();
    base.records.forEach((t, i) => {
      const c = base.crossings[i]!;
      assert.equal(`${t.source},${t.record_id}`, `${c.source},${c.record_id}`);
      assert.ok(base.persons.has(t.person_id!), `unknown person ${t.person_id}`);
      assert.ok(["original", "duplicate", "reexport"].includes(t.event!));
      const key = `${t.source},${t.record_id}`;
      if (t.event === "duplicate")
        assert.ok(originals.has(key), "duplicate delivered before its original");
      else {
        assert.ok(!originals.has(key), `record_id reused: ${key}`);
        originals.add(key);
      }
    });
    for (const p of base.persons.values()) {
      if (p.cohort_id) assert.ok(base.cohorts.has(p.cohort_id), `unknown cohort ${p.cohort_id}`);
      if (p.employer_id)
        assert.ok(base.employers.has(p.employer_id), `unknown employer ${p.employer_id}`);
      assert.ok(["0", "1"].includes(p.worker_after_deadline!));
      if (p.role !== "worker") assert.equal(p.worker_after_deadline, "0");
    }
    for (const c of base.cohorts.values()) assert.ok(base.employers.has(c.employer_id!));
  });

  it("writes the same person's name consistently across scripts", () => {
    const byPerson = new Map<string, Set<string>>();
    base.records.forEach((t, i) => {
      const c = base.crossings[i]!;
      if (/^[\u4e00-\u9fff]+$/.test(c.full_name!)) {
        const set = byPerson.get(t.person_id!) ?? new Set();
        set.add(c.full_name!);
        byPerson.set(t.person_id!, set);
      }
    });
    let consistent = 0;
    for (const names of byPerson.values()) if (names.size === 1) consistent += 1;
    // Only name typos can give a person a second Chinese-character rendering.
    assert.ok(consistent / byPerson.size > 0.9, `${consistent}/${byPerson.size}`);
  });
});

describe("simulate: behaviour", () => {
  it("visa-exempt workers stay mostly 20–29 days, drivers return the same day, tour groups are short and one-off", () => {
    const stays = staysByPerson(base);
    const collect = (pred: (p: Row) => boolean) =>
      [...base.persons.values()].filter(pred).flatMap((p) => stays.get(p.person_id!) ?? []);
    const exempt = collect((p) => p.worker_scheme === "visa-exempt-rotation");
    const inBand = exempt.filter((d) => d >= 20 && d <= 29).length;
    assert.ok(exempt.length > 100 && inBand / exempt.length > 0.8, `${inBand}/${exempt.length}`);

    const drivers = collect((p) => p.role === "driver" && p.nationality === "PRK");
    const sameDay = drivers.filter((d) => d === 0).length;
    assert.ok(
      drivers.length > 100 && sameDay / drivers.length > 0.9,
      `${sameDay}/${drivers.length}`,
    );

    const tours = collect((p) => p.role === "tourist");
    assert.ok(
      tours.every((d) => d >= 3 && d <= 5),
      "tour stays outside 3–5 days",
    );

    const groups = new Map<string, Set<string>>();
    base.records.forEach((t, i) => {
      const p = base.persons.get(t.person_id!)!;
      const g = base.crossings[i]!.group_id!;
      if (p.role === "tourist" && g) groups.set(g, (groups.get(g) ?? new Set()).add(t.person_id!));
    });
    assert.ok(groups.size > 0);
    for (const members of groups.values()) assert.ok(members.size >= 1);
    const firstGroups = [...groups.entries()].filter(([g]) => !g.endsWith("R"));
    for (const [, members] of firstGroups)
      assert.ok(members.size >= 10 * 0.8, "tour group too small");
  });

  it("team members cross together: most team entries share the day with most of the team", () => {
    const byTeamDay = new Map<string, number>();
    const byTeamEntries = new Map<string, number>();
    base.records.forEach((t, i) => {
      const p = base.persons.get(t.person_id!)!;
      const c = base.crossings[i]!;
      if (
        t.event !== "original" ||
        !p.cohort_id?.startsWith("C") ||
        DIRECTIONS[c.direction!] !== "entry"
      )
        return;
      const key = `${p.cohort_id}|${c.crossed_at!.slice(0, 10)}`;
      byTeamDay.set(key, (byTeamDay.get(key) ?? 0) + 1);
      byTeamEntries.set(p.cohort_id, (byTeamEntries.get(p.cohort_id) ?? 0) + 1);
    });
    let together = 0;
    let total = 0;
    for (const [key, count] of byTeamDay) {
      total += count;
      if (count >= 5) together += count;
      assert.ok(byTeamEntries.has(key.split("|")[0]!));
    }
    assert.ok(together / total > 0.85, `${together}/${total}`);
  });
});

describe("simulate: fixed-cycle factory teams", () => {
  it("quanhe-factories: teams of 40–470 at Quanhe on cycles of their own, sponsors blank or in English or Chinese", async () => {
    const dir = join(tmp.dir, "quanhe");
    await simulate({
      out: dir,
      scenario: "quanhe-factories",
      scale: 0.3,
      seed: 5,
      overrides: { "traders.count": 0, "drivers.count": 0, "visitors.count": 0 },
    });
    const run = load(dir);
    const teams = [...run.cohorts.values()].filter((c) => c.kind === "labor-team");
    assert.equal(new Set(teams.map((t) => t.employer_id)).size, 3);
    for (const t of teams) {
      assert.ok(Number(t.size) >= 40 && Number(t.size) <= 470, t.size);
      assert.equal(t.port_id, "cn-jl-hunchun-quanhe");
    }
    // Entry days per team: the gaps between consecutive team entries repeat (one cycle each).
    const entryDays = new Map<string, Map<string, number>>();
    let workerRows = 0;
    let blank = 0;
    const scripts = new Set<string>();
    run.records.forEach((t, i) => {
      const p = run.persons.get(t.person_id!)!;
      const c = run.crossings[i]!;
      if (t.event !== "original" || p.role !== "worker") return;
      workerRows++;
      if (c.sponsor === "") blank++;
      else scripts.add(/[\u4e00-\u9fff]/.test(c.sponsor!) ? "zh" : "en");
      assert.match(c.source!, /^hunchun-(quanhe|shatuozi)-bi$/);
      if (DIRECTIONS[c.direction!] !== "entry") return;
      const byDay = entryDays.get(p.cohort_id!) ?? new Map<string, number>();
      byDay.set(c.crossed_at!.slice(0, 10), (byDay.get(c.crossed_at!.slice(0, 10)) ?? 0) + 1);
      entryDays.set(p.cohort_id!, byDay);
    });
    assert.ok(Math.abs(blank / workerRows - 0.3) < 0.03, `${blank}/${workerRows}`);
    assert.deepEqual([...scripts].sort(), ["en", "zh"]);
    for (const [team, byDay] of entryDays) {
      const max = Math.max(...byDay.values());
      const main = [...byDay]
        .filter(([, n]) => n >= max / 2)
        .map(([d]) => d)
        .sort();
      const gaps = new Set(main.slice(1).map((d, i) => days(main[i]!, d)));
      assert.equal(gaps.size, 1, `${team}: ${[...gaps].join(", ")}`);
    }
  });
});

describe("simulate: noise", () => {
  it("applies the configured rates", async () => {
    const dir = join(tmp.dir, "noisy");
    const summary = await simulate({
      out: dir,
      scale: 0.01,
      seed: 3,
      overrides: {
        "noise.lost": 0.1,
        "noise.duplicate": 0.05,
        "noise.reexport": 0.04,
        "noise.missingBirthDate": 0.5,
      },
    });
    const c = summary.counts;
    const near = (x: number, want: number, tol: number, what: string) =>
      assert.ok(Math.abs(x - want) < tol, `${what}: ${x.toFixed(4)} vs ${want}`);
    near(c.lost / c.true_crossings, 0.1, 0.015, "lost");
    near(c.duplicate / c.original, 0.05, 0.01, "duplicate");
    near(c.reexport / c.original, 0.04, 0.01, "reexport");
    const rows = readCsv(join(dir, "crossings.csv"));
    const blank = rows.filter((r) => r.birth_date === "").length / rows.length;
    assert.ok(blank > 0.45 && blank < 0.6, `blank birth dates ${blank}`);
  });

  it("writes no noise when every rate is 0", async () => {
    const zero = Object.fromEntries(
      [
        "lost",
        "duplicate",
        "reexport",
        "docTypo",
        "renewal",
        "nameTypo",
        "missingBirthDate",
        "outOfOrder",
      ].map((k) => [`noise.${k}`, 0]),
    );
    const summary = await simulate({
      out: join(tmp.dir, "clean"),
      scale: 0.005,
      seed: 5,
      overrides: zero,
    });
    const c = summary.counts;
    assert.deepEqual([c.lost, c.duplicate, c.reexport, c.doc_typos, c.name_typos], [0, 0, 0, 0, 0]);
    assert.equal(c.rows, c.true_crossings);
  });

  it("loads into the store with the truth's duplicates detected and nothing rejected", async () => {
    await withDb(async (store) => {
      const r = await ingestFile(store, join(base.dir, "crossings.csv"));
      const dups = base.records.filter((t) => t.event === "duplicate").length;
      assert.equal(r.rejected, 0);
      assert.equal(r.duplicates, dups);
      assert.equal(r.loaded, base.crossings.length - dups);
    });
  });
});

describe("simulate: scenarios and formats", () => {
  it("dandong-2023: every worker seen is present after the deadline", async () => {
    const dir = join(tmp.dir, "dandong");
    const summary = await simulate({ out: dir, scenario: "dandong-2023", scale: 0.01, seed: 1 });
    const persons = readCsv(join(dir, "truth", "persons.csv"));
    const workers = persons.filter((p) => p.role === "worker");
    assert.ok(workers.length > 50);
    assert.ok(workers.every((p) => p.worker_after_deadline === "1"));
    assert.ok(workers.some((p) => p.worker_scheme === "stranded"));
    assert.equal(summary.counts.workers_after_deadline, workers.length);
  });

  it("parquet output is readable by DuckDB with the contract columns", async () => {
    const dir = join(tmp.dir, "pq");
    const summary = await simulate({ out: dir, scale: 0.005, seed: 2, format: "parquet" });
    assert.ok(!existsSync(join(dir, "crossings.csv")));
    const db = await DuckDBInstance.create(":memory:");
    const conn = await db.connect();
    try {
      const reader = await conn.runAndReadAll(
        `SELECT * FROM read_parquet('${join(dir, "crossings.parquet")}')`,
      );
      assert.deepEqual(reader.columnNames(), [...CROSSING_COLUMNS]);
      assert.equal(reader.currentRowCount, summary.counts.rows);
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });
});

describe("simulate: errors leave nothing behind", () => {
  it("rejects an unknown scenario, listing the valid ones", async () => {
    const out = join(tmp.dir, "bad1");
    await assert.rejects(simulate({ out, scenario: "pyongyang-2030" }), (e: unknown) => {
      assert.ok(e instanceof AppError && e.code === "usage");
      assert.match(e.message, /hunchun-2019, dandong-2023/);
      return true;
    });
    assert.ok(!existsSync(out));
  });

  it("rejects impossible parameters and a non-empty directory; the CLI exits 2", () => {
    const out = join(tmp.dir, "bad2");
    const r = runCli([
      "simulate",
      "--out",
      out,
      "--set",
      "visaExempt.stayMin=40",
      "--set",
      "visaExempt.stayMax=29",
    ]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /visaExempt\.stayMin \(40\) must not exceed visaExempt\.stayMax \(29\)/);
    const unknown = runCli(["simulate", "--out", out, "--set", "noise.typo=0.1"]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /valid parameters: .*noise\.nameTypo/);
    const rate = runCli(["simulate", "--out", out, "--set", "noise.lost=1.5"]);
    assert.match(rate.stderr, /noise\.lost=1\.5 is above 1/);
    const full = runCli(["simulate", "--out", base.dir, "--scale", "0.001"]);
    assert.equal(full.status, 2);
    assert.match(full.stderr, /not empty/);
    assert.ok(!existsSync(out));
    assert.deepEqual(
      readdirSync(tmp.dir).filter((f) => f.includes(".tmp-")),
      [],
    );
  });
});
