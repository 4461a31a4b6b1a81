/**
 * Incremental analyze equals a full run. A small simulated store is loaded in several orders —
 * split by date with the last day as a file of its own, split into random parts, re-exports
 * arriving after the rest — and after each load the store is copied: `analyze` runs on one
 * copy (incremental from the second load on) and `analyze --full` on the other, and every table
 * analyze writes must have the same order-independent checksum (src/analyze/checksums.ts).
 * Identity resolves the same new records against the same persons in both; the full copy's
 * stored document groups are emptied first, so it rebuilds them from every record where the
 * incremental run merges the new records into the stored ones: the comparison covers the
 * persons, their records, links, documents and names, the stored groups, and everything the
 * later steps write, read tables included. After each order's last load, the exports and the
 * report of the two copies must be the same too.
 */
import assert from "node:assert/strict";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { analyzeChecksums } from "../src/analyze/checksums.js";
import { Store } from "../src/db/store.js";
import { EXPORTS } from "../src/export/kinds.js";
import { READ_TABLES } from "../src/read/read-tables.js";
import { cliOk, tempDir } from "./helpers/with-db.js";

type Row = Record<string, string>;

const COMPARED = Object.freeze([
  "persons",
  "person_records",
  "person_links",
  "person_documents",
  "person_names",
  "identity_variants",
  "identity_documents",
  "identity_document_runs",
  "stays",
  "alerts",
  "cohorts",
  "cohort_members",
  "presence",
  "first_entrants",
  "sponsors",
  "sponsor_names",
  "analyze_person_state",
  "analyze_state",
  ...READ_TABLES,
]);

async function checksums(db: string): Promise<Record<string, string>> {
  const store = await Store.open(db);
  try {
    return await analyzeChecksums(store, COMPARED);
  } finally {
    store.close();
  }
}

/** Each cohort member's cohort. */
async function cohortOf(db: string): Promise<Map<string, string>> {
  const store = await Store.open(db);
  try {
    const rows = await store.all<{ person_id: string; cohort_id: string }>(
      "SELECT person_id, cohort_id FROM cohort_members",
    );
    return new Map(rows.map((r) => [r.person_id, r.cohort_id]));
  } finally {
    store.close();
  }
}

/** Each alert's id with a hash of its row, and the largest record key. */
async function alertRows(db: string): Promise<{ rows: Map<string, string>; lastKey: bigint }> {
  const store = await Store.open(db);
  try {
    const rows = await store.all<{ alert_id: string; h: bigint }>(
      "SELECT alert_id, hash(a) AS h FROM alerts a",
    );
    const last = await store.one<{ k: bigint | null }>("SELECT max(rec_key) AS k FROM records");
    return { rows: new Map(rows.map((r) => [r.alert_id, String(r.h)])), lastKey: last?.k ?? -1n };
  } finally {
    store.close();
  }
}

/**
 * Alerts an analyze changed (new, changed or gone) of persons who got no record in the load
 * before it: `before` is alertRows of the store before that load.
 */
async function changedWithoutRecords(
  db: string,
  before: { rows: Map<string, string>; lastKey: bigint },
): Promise<number> {
  const after = await alertRows(db);
  const store = await Store.open(db);
  try {
    const persons = await store.all<{ person_id: string }>(
      "SELECT DISTINCT person_id FROM person_records WHERE rec_key > ?",
      [before.lastKey],
    );
    const touched = new Set(persons.map((p) => p.person_id));
    const owners = await store.all<{ alert_id: string; person_id: string | null }>(
      "SELECT alert_id, person_id FROM alerts",
    );
    const owner = new Map(owners.map((o) => [o.alert_id, o.person_id]));
    let n = 0;
    for (const [id, h] of after.rows) {
      const person = owner.get(id);
      if (before.rows.get(id) !== h && person && !touched.has(person)) n++;
    }
    return n;
  } finally {
    store.close();
  }
}

/** Person ids are salted per store: both copies get one salt before their first analyze. */
async function fixSalt(db: string): Promise<void> {
  const store = await Store.open(db);
  try {
    await store.run(
      "INSERT INTO identity_meta SELECT 'person_id_salt', '00112233445566778899aabbccddeeff' WHERE NOT EXISTS (SELECT 1 FROM identity_meta WHERE key = 'person_id_salt')",
    );
  } finally {
    store.close();
  }
}

/** Empties the identity step's stored document groups: its next run rebuilds them from every record. */
async function dropDocumentGroups(db: string): Promise<void> {
  const store = await Store.open(db);
  try {
    await store.run("DELETE FROM identity_document_runs");
  } finally {
    store.close();
  }
}

function copyStore(from: string, to: string): void {
  copyFileSync(from, to);
  if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`);
}

/** A seeded shuffle (mulberry32), so a failing split can be reproduced. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("incremental analyze equals a full run", () => {
  const tmp = tempDir("sojourn-incremental-");
  let header: string[] = [];
  let rows: Row[] = [];
  let reexports = new Set<string>();

  function writeCsv(name: string, part: readonly Row[]): string {
    const path = join(tmp.dir, name);
    writeFileSync(path, stringify([...part], { header: true, columns: header }));
    return path;
  }

  /**
   * What a user sees of the two stores is the same: every export (JSON lines) and the report
   * (HTML, but for the store's path and the times it was made and last analyzed: the report
   * gives the last run's time to the minute, and the two copies are analyzed seconds apart,
   * so about one comparison in six straddles a minute).
   */
  function sameOutputs(db: string, full: string, label: string): void {
    const read = (store: string, what: string[], file: string) => {
      const out = join(tmp.dir, file);
      cliOk(["--db", store, ...what, "--out", out, "--force"]);
      return readFileSync(out, "utf8");
    };
    for (const kind of EXPORTS) {
      const args = ["export", kind.name, "--format", "jsonl"];
      assert.equal(
        read(db, args, `${kind.name}-day.jsonl`),
        read(full, args, `${kind.name}-full.jsonl`),
        `${label}: export ${kind.name}`,
      );
    }
    const report = (store: string, file: string) =>
      read(store, ["report"], file)
        .replace(/<p class="meta">Generated .*<\/p>/, "")
        .replace(/Last analyze run [0-9-]+ [0-9:]+ UTC/, "Last analyze run UTC")
        .split("\n");
    const [a, b] = [report(db, "day.html"), report(full, "full.html")];
    const differ = a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]]]));
    assert.deepEqual(differ, [], `${label}: report`);
    assert.equal(a.length, b.length, `${label}: report`);
  }

  /** Loads the parts in order; after each, incremental and full analyze must agree. */
  async function loadInOrder(
    name: string,
    parts: readonly (readonly Row[])[],
  ): Promise<{
    compared: number;
    affected: number;
    persons: number;
    rulePersons: number;
    laterLinks: number;
    cohorts: number;
    regrouped: number;
    documentsRead: number;
    documents: number;
    changedWithoutRecords: number;
  }> {
    const db = join(tmp.dir, `${name}.duckdb`);
    const last = {
      compared: 0,
      affected: 0,
      persons: 0,
      rulePersons: 0,
      laterLinks: 0,
      cohorts: 0,
      regrouped: 0,
      documentsRead: 0,
      documents: 0,
      changedWithoutRecords: 0,
    };
    let memberOf = new Map<string, string>();
    for (const [i, part] of parts.entries()) {
      if (part.length === 0) continue;
      const before = i > 0 ? await alertRows(db) : undefined;
      cliOk(["--db", db, "ingest", writeCsv(`${name}-${i}.csv`, part), "--json"]);
      await fixSalt(db);
      const full = join(tmp.dir, `${name}-${i}-full.duckdb`);
      copyStore(db, full);
      await dropDocumentGroups(full);
      const incremental = JSON.parse(cliOk(["--db", db, "analyze", "--json"])) as {
        steps: { step: string; stats: Record<string, unknown> }[];
      };
      cliOk(["--db", full, "analyze", "--full", "--json"]);
      const stats = (step: string) => incremental.steps.find((s) => s.step === step)?.stats;
      const stays = stats("stays");
      if (i > 0) assert.equal(stays?.scope, "incremental", `${name}, part ${i}: ${stays?.scope}`);
      assert.deepEqual(await checksums(db), await checksums(full), `${name}, after part ${i}`);
      if (i === parts.length - 1) sameOutputs(db, full, `${name}, after part ${i}`);
      if (before) last.changedWithoutRecords = await changedWithoutRecords(db, before);
      last.compared++;
      last.affected = Number(stays?.affected_persons);
      last.persons = Number(stats("identity")?.persons);
      last.rulePersons = Number(stats("rules")?.rule_persons);
      // Documents of a later file joined to a person of an earlier one (typo or renewal).
      const identity = stats("identity");
      if (i > 0) last.laterLinks += Number(identity?.typo_links) + Number(identity?.renewal_links);
      last.documentsRead = Number(identity?.documents_read);
      last.documents = Number(identity?.documents);
      // Members found under another cohort id after this load: cohorts the new records joined,
      // split, or gave an earlier first movement or a new smallest member (the id rests on
      // both), which the comparison above covered.
      const now = await cohortOf(db);
      for (const [person, cohort] of now) {
        const before = memberOf.get(person);
        if (before !== undefined && before !== cohort) last.regrouped++;
      }
      memberOf = now;
      last.cohorts = new Set(now.values()).size;
    }
    return last;
  }

  before(() => {
    const sim = join(tmp.dir, "sim");
    cliOk(["simulate", "--out", sim, "--scale", "0.01", "--seed", "5", "--json"]);
    const text = readFileSync(join(sim, "crossings.csv"), "utf8");
    header = text.slice(0, text.indexOf("\n")).split(",");
    rows = parse(text, { columns: true }) as Row[];
    const truth = parse(readFileSync(join(sim, "truth", "records.csv"), "utf8"), {
      columns: true,
    }) as Row[];
    reexports = new Set(
      truth.filter((r) => r.event === "reexport").map((r) => `${r.source}|${r.record_id}`),
    );
  });
  after(() => tmp.cleanup());

  it("split by date, the last day as a file of its own", async () => {
    const days = [...new Set(rows.map((r) => r.crossed_at!.slice(0, 10)))].sort();
    const middle = days[Math.floor(days.length / 2)]!;
    const last = days[days.length - 1]!;
    const day = (r: Row) => r.crossed_at!.slice(0, 10);
    const n = await loadInOrder("by-date", [
      rows.filter((r) => day(r) < middle),
      rows.filter((r) => day(r) >= middle && day(r) < last),
      rows.filter((r) => day(r) === last),
    ]);
    assert.equal(n.compared, 3);
    // The day's file touched some persons, not all of them.
    assert.ok(n.affected > 0 && n.affected < n.persons / 2, `${n.affected} of ${n.persons}`);
    assert.ok(n.rulePersons < n.persons, `${n.rulePersons} of ${n.persons}`);
    // Identity read the day's documents and those blocking and their persons reach, not all.
    assert.ok(
      n.documentsRead > 0 && n.documentsRead < n.documents / 2,
      `${n.documentsRead} of ${n.documents} documents read`,
    );
    // The last day lengthened stays open at the end: alerts changed of persons it brought no
    // record of, which the read tables lay out again by their changed rows.
    assert.ok(n.changedWithoutRecords > 0, `${n.changedWithoutRecords} alerts changed`);
    // Cohorts whose movements the files split: some before the middle day, some from it on.
    assert.ok(n.cohorts > 0, "the store has cohorts");
    const store = await Store.open(join(tmp.dir, "by-date.duckdb"));
    try {
      const split = await store.one<{ n: bigint }>(
        "SELECT count(*) AS n FROM cohorts WHERE first_seen < ?::DATE AND last_seen >= ?::DATE",
        [middle, middle],
      );
      assert.ok(Number(split?.n) > 0, "a cohort's movements lie in two files");
    } finally {
      store.close();
    }
    // Later files linked documents to persons of earlier ones: the stored document groups
    // met new ones in blocking.
    assert.ok(n.laterLinks > 0, `${n.laterLinks} links made after the first file`);
  });

  it("split into random parts", async () => {
    const mixed = shuffled(rows, 7);
    // The first part holds the first and last days, so later parts add inside the span.
    const days = rows.map((r) => r.crossed_at!.slice(0, 10)).sort();
    const edge = (r: Row) =>
      r.crossed_at!.startsWith(days[0]!) || r.crossed_at!.startsWith(days[days.length - 1]!);
    const rest = mixed.filter((r) => !edge(r));
    const half = Math.floor(rest.length / 2);
    const n = await loadInOrder("random", [
      [...mixed.filter(edge), ...rest.slice(0, half)],
      rest.slice(half),
    ]);
    assert.equal(n.compared, 2);
    // The second part regrouped members of the first's cohorts.
    assert.ok(n.cohorts > 0, "the store has cohorts");
    assert.ok(n.regrouped > 0, `${n.regrouped} members found in another cohort after a load`);
  });

  it("re-exports arriving after the records they repeat", async () => {
    const late = (r: Row) => reexports.has(`${r.source}|${r.record_id}`);
    assert.ok(rows.some(late), "the simulation has re-exports");
    const n = await loadInOrder("reexports", [rows.filter((r) => !late(r)), rows.filter(late)]);
    assert.equal(n.compared, 2);
  });

  it("records before the first day make the run full, and it still agrees", async () => {
    const days = [...new Set(rows.map((r) => r.crossed_at!.slice(0, 10)))].sort();
    const cut = days[Math.floor(days.length / 4)]!;
    const db = join(tmp.dir, "early.duckdb");
    cliOk([
      "--db",
      db,
      "ingest",
      writeCsv(
        "early-0.csv",
        rows.filter((r) => r.crossed_at! >= cut),
      ),
      "--json",
    ]);
    await fixSalt(db);
    cliOk(["--db", db, "analyze", "--json"]);
    cliOk([
      "--db",
      db,
      "ingest",
      writeCsv(
        "early-1.csv",
        rows.filter((r) => r.crossed_at! < cut),
      ),
      "--json",
    ]);
    const full = join(tmp.dir, "early-full.duckdb");
    copyStore(db, full);
    await dropDocumentGroups(full);
    const run = JSON.parse(cliOk(["--db", db, "analyze", "--json"])) as {
      steps: { step: string; stats: Record<string, unknown> }[];
    };
    assert.equal(
      run.steps.find((s) => s.step === "stays")?.stats.scope,
      "records before the first day",
    );
    cliOk(["--db", full, "analyze", "--full", "--json"]);
    assert.deepEqual(await checksums(db), await checksums(full));
  });
});
