/**
 * Identity resolution end to end through the CLI on hand-made records
 * (test/fixtures/identity/README.md): typos, renewal across romanizations, homonyms kept apart,
 * incremental ingest keeping person ids, idempotent reruns, `sojourn person`, exports.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { personIdFor } from "../src/core/identity/person-id.js";
import { repoRoot } from "../src/repo-root.js";
import { cliOk, queryDb, runCli, tempDir } from "./helpers/with-db.js";

const fixture = (name: string) => join(repoRoot(), "test", "fixtures", "identity", name);

const cli = cliOk;
const query = queryDb;

async function personsByRecord(db: string): Promise<Map<string, string>> {
  const rows = await query<{ record_id: string; person_id: string }>(
    db,
    "SELECT r.record_id, p.person_id FROM person_records p JOIN records r USING (rec_key)",
  );
  return new Map(rows.map((r) => [r.record_id, r.person_id]));
}

/** Every identity table, as sorted JSON text, to compare before and after a rerun. */
async function snapshot(db: string): Promise<string> {
  const parts: string[] = [];
  for (const t of [
    "persons",
    "person_records",
    "person_links",
    "person_documents",
    "person_names",
  ]) {
    const rows = await query(db, `SELECT * FROM ${t} ORDER BY ALL`);
    parts.push(`${t}:${JSON.stringify(rows)}`);
  }
  return parts.join("\n");
}

describe("identity resolution (sojourn analyze)", () => {
  const tmp = tempDir();
  const db = join(tmp.dir, "store.duckdb");
  let first: Map<string, string>;
  after(() => tmp.cleanup());

  before(() => {
    cli(["--db", db, "ingest", fixture("part-1.csv"), "--json"]);
    const out = JSON.parse(cli(["--db", db, "analyze", "--json"]));
    assert.equal(out.steps[0].step, "identity");
    assert.ok(out.steps[0].stages.length >= 5, "per-stage timings");
  });

  it("puts every loaded record in exactly one person", async () => {
    const [row] = await query<{ records: number; assigned: number; distinct_keys: number }>(
      db,
      `SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM person_records) AS assigned,
              (SELECT count(DISTINCT rec_key) FROM person_records) AS distinct_keys`,
    );
    assert.equal(row?.assigned, row?.records);
    assert.equal(row?.distinct_keys, row?.records);
    first = await personsByRecord(db);
  });

  it("derives every person id from one of its records and the store's salt", async () => {
    // Persons alone in their document are given ids in SQL, the others in JavaScript: both must
    // be personIdFor of a record of the person.
    const [meta] = await query<{ value: string }>(
      db,
      "SELECT value FROM identity_meta WHERE key = 'person_id_salt'",
    );
    const rows = await query<{ person_id: string; source: string; record_id: string }>(
      db,
      "SELECT p.person_id, r.source, r.record_id FROM person_records p JOIN records r USING (rec_key)",
    );
    const derived = new Map<string, boolean>();
    for (const r of rows) {
      const ok = personIdFor(meta!.value, r.source, r.record_id) === r.person_id;
      derived.set(r.person_id, (derived.get(r.person_id) ?? false) || ok);
    }
    const [persons] = await query<{ n: number }>(db, "SELECT count(*)::INTEGER AS n FROM persons");
    assert.ok(derived.size > 0);
    assert.equal(derived.size, persons?.n);
    for (const [person, ok] of derived) assert.ok(ok, `${person} is not derived from its records`);
  });

  it("links typo'd documents (swap with birth date; substitution by name when no birth date)", () => {
    assert.equal(first.get("A08"), first.get("A01"));
    assert.equal(first.get("A09"), first.get("A01"));
  });

  it("links one person's records across Hangul, Chinese characters and romanizations", () => {
    for (const id of ["A03", "A05", "A06", "A07", "A10"])
      assert.equal(first.get(id), first.get("A01"), id);
  });

  it("keeps the same name with another birth date apart", () => {
    assert.notEqual(first.get("B01"), first.get("A01"));
    assert.equal(first.get("B02"), first.get("B01"));
    assert.notEqual(first.get("C01"), first.get("A01"));
  });

  it("records why documents were linked", async () => {
    const links = await query<{ reason: string; summary: string }>(
      db,
      "SELECT reason, evidence->>'summary' AS summary FROM person_links WHERE reason = 'document typo' ORDER BY summary",
    );
    assert.equal(links.length, 2);
    assert.match(
      links[0]!.summary,
      /123456780 is 123456789 with one character changed; JIN YONGZHE/,
    );
    assert.match(
      links[1]!.summary,
      /123456798 is 123456789 with two adjacent characters swapped; same birth date 1980-01-01/,
    );
  });

  it("attaches a later ingest to existing persons, renewal included, keeping their ids", async () => {
    cli(["--db", db, "ingest", fixture("part-2.csv"), "--json"]);
    const out = JSON.parse(cli(["--db", db, "analyze", "--json"]));
    assert.equal(out.steps[0].stats.new_records, 6);
    const now = await personsByRecord(db);
    for (const [rec, pid] of first) assert.equal(now.get(rec), pid, `${rec} kept its person`);
    assert.equal(now.get("A11"), first.get("A01"), "renewed passport joins A");
    assert.equal(now.get("A12"), first.get("A01"));
    assert.equal(now.get("C03"), first.get("C01"));
    assert.equal(now.get("C04"), first.get("C01"));
    assert.ok(![...first.values()].includes(now.get("D01")!), "D is a new person");
    const [renewal] = await query<{ summary: string }>(
      db,
      "SELECT evidence->>'summary' AS summary FROM person_links WHERE reason = 'passport renewal'",
    );
    assert.match(
      renewal!.summary,
      /new document 987654321 first used 2019-06-01, after 123456789 last used 2018-07-30/,
    );
    assert.match(renewal!.summary, /same birth date 1980-01-01, same sex M/);
  });

  it("changes nothing when rerun", async () => {
    const before = await snapshot(db);
    const out = JSON.parse(cli(["--db", db, "analyze", "--json"]));
    assert.equal(out.steps[0].stats.new_records, 0);
    assert.equal(await snapshot(db), before);
  });

  it("shows a person with names, documents, records and link reasons", async () => {
    const pid = (await personsByRecord(db)).get("A01")!;
    const text = cli(["--db", db, "person", pid, "--unmask"]);
    for (const s of [
      "KIM YONG CHOL",
      "金永哲",
      "김영철",
      "123456789",
      "987654321",
      "passport renewal",
      "document typo",
      "A12",
    ])
      assert.ok(text.includes(s), `person output shows ${s}`);
    const json = JSON.parse(cli(["--db", db, "person", pid, "--json", "--unmask"]));
    assert.equal(json.records.length, 12);
    assert.equal(json.person.birth_date, "1980-01-01");
    const missing = runCli(["--db", db, "person", "P-NOSUCHPERSON"]);
    assert.equal(missing.status, 4);
    assert.match(missing.stderr, /person P-NOSUCHPERSON not found/);
  });

  it("exports persons as JSON Lines, CSV and Parquet, masked unless --unmask", async () => {
    const pid = (await personsByRecord(db)).get("A01")!;
    const maskedOut = join(tmp.dir, "persons-masked.jsonl");
    const m = JSON.parse(cli(["--db", db, "export", "persons", "--out", maskedOut, "--json"]));
    assert.equal(m.masked, true);
    const masked = (
      await query<{
        person_id: string;
        names: string[];
        doc_numbers: string[];
        birth_date: string;
      }>(":memory:", `SELECT * FROM read_json('${maskedOut}')`)
    ).find((r) => r.person_id === pid)!;
    assert.deepEqual(masked.doc_numbers, ["*******21", "*******80", "*******89", "*******98"]);
    assert.ok(masked.names.includes("金**"), masked.names.join("; "));
    assert.ok(masked.names.every((n) => !n.includes("永哲") && !/[a-z]{2}/i.test(n)));
    assert.equal(masked.birth_date, "1980-**-**");
    for (const format of ["jsonl", "csv", "parquet"]) {
      const out = join(tmp.dir, `persons.${format}`);
      const summary = JSON.parse(
        cli([
          "--db",
          db,
          "export",
          "persons",
          "--format",
          format,
          "--out",
          out,
          "--unmask",
          "--json",
        ]),
      );
      assert.equal(summary.masked, false);
      assert.equal(summary.rows, 4);
      const reader =
        format === "jsonl"
          ? `read_json('${out}')`
          : format === "csv"
            ? `read_csv('${out}')`
            : `read_parquet('${out}')`;
      const rows = await query<Record<string, unknown>>(
        ":memory:",
        `SELECT * FROM ${reader} ORDER BY person_id`,
      );
      assert.equal(rows.length, 4, format);
      const a = rows.find((r) => r.person_id === pid)!;
      const list = (v: unknown) =>
        typeof v === "string" ? (JSON.parse(v) as string[]) : (v as string[]);
      assert.deepEqual(
        list(a.doc_numbers),
        ["123456780", "123456789", "123456798", "987654321"],
        format,
      );
      assert.equal(list(a.record_ids).length, 12, format);
      assert.ok(list(a.names).includes("金永哲"), format);
      assert.ok(Number(a.labor_score) >= 0 && Number(a.labor_score) <= 1, format);
      assert.ok(Array.isArray(list(a.indicators)), format);
      assert.equal(String(a.birth_date).slice(0, 10), "1980-01-01", format);
    }
  });

  it("rejects an unknown export format", () => {
    const r = runCli([
      "--db",
      db,
      "export",
      "persons",
      "--format",
      "xml",
      "--out",
      join(tmp.dir, "x.xml"),
    ]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format xml: expected one of jsonl, csv, parquet/);
  });
});
