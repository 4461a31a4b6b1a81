/**
 * `sojourn export … --format ftm` end to end on a real DuckDB store: simulate (small) → ingest →
 * analyze → export every kind, then check every line against the real FollowTheMoney model
 * (test/fixtures/ftm/), that each file's references resolve within it, that masked files carry
 * no name, document number or full birth date, that ids and content are stable across exports,
 * and that the project's own FtM reader (src/sanctions/parse-ftm.ts) reads the persons back.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Store } from "../src/db/store.js";
import { writeFtmExport } from "../src/export/write-ftm.js";
import { parseFtm } from "../src/sanctions/parse-ftm.js";
import { checkFtmLines, type EntityLike, loadFtmModel } from "./helpers/ftm-model.js";
import { cliOk, queryDb, runCli, tempDir } from "./helpers/with-db.js";

const KINDS = ["persons", "alerts", "cohorts", "stays"] as const;

const cli = cliOk;
const query = queryDb;

function bySchema(entities: EntityLike[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entities) out[e.schema] = (out[e.schema] ?? 0) + 1;
  return out;
}

describe("export --format ftm (simulated store)", () => {
  const tmp = tempDir();
  const db = join(tmp.dir, "s.duckdb");
  const model = loadFtmModel();
  const files = new Map<
    string,
    { text: string; entities: EntityLike[]; summary: Record<string, unknown> }
  >();

  function exportFtm(kind: string, name: string, extra: string[] = []) {
    const out = join(tmp.dir, name);
    const summary = JSON.parse(
      cli(["--db", db, "export", kind, "--format", "ftm", "--out", out, "--json", ...extra]),
    ) as Record<string, unknown>;
    const text = readFileSync(out, "utf8");
    const { entities, issues } = checkFtmLines(model, text);
    assert.deepEqual(issues.slice(0, 20), [], `${name}: ${issues.length} issues`);
    return { text, entities, summary };
  }

  before(() => {
    const sim = join(tmp.dir, "sim");
    cli(["simulate", "--out", sim, "--scale", "0.01", "--seed", "3", "--json"]);
    cli(["--db", db, "ingest", join(sim, "crossings.csv"), "--json"]);
    cli(["--db", db, "analyze", "--json"]);
    for (const kind of KINDS) files.set(kind, exportFtm(kind, `${kind}.ftm.json`));
  });
  after(() => tmp.cleanup());

  it("writes valid FtM for every kind, one entity per row of the kind", async () => {
    const [counts] = await query<Record<string, number>>(
      db,
      `SELECT (SELECT count(*) FROM persons)::INTEGER AS persons,
              (SELECT count(*) FROM alerts)::INTEGER AS alerts,
              (SELECT count(*) FROM cohorts)::INTEGER AS cohorts,
              (SELECT count(*) FROM stays)::INTEGER AS stays,
              (SELECT count(*) FROM cohort_members)::INTEGER AS members,
              (SELECT count(DISTINCT person_id) FROM alerts)::INTEGER AS alert_persons,
              (SELECT count(DISTINCT person_id) FROM stays)::INTEGER AS stay_persons,
              (SELECT count(DISTINCT person_id) FROM cohort_members)::INTEGER AS member_persons`,
    );
    assert.ok(counts);
    // The simulated labour teams must give every kind something to export.
    for (const k of ["alerts", "cohorts", "stays", "members"] as const)
      assert.ok((counts[k] ?? 0) > 0, `${k} is empty`);
    const n = (kind: string) => bySchema(files.get(kind)?.entities ?? []);
    assert.equal(files.get("persons")?.summary.rows, counts.persons);
    assert.deepEqual(n("persons"), { Person: counts.persons });
    assert.equal(n("alerts").Note, counts.alerts);
    assert.equal(n("alerts").Person, counts.alert_persons);
    assert.equal(n("cohorts").Project, counts.cohorts);
    assert.equal(n("cohorts").Person, counts.member_persons);
    assert.ok((n("cohorts").ProjectParticipant ?? 0) > (counts.members ?? 0), "members + sponsors");
    assert.ok((n("cohorts").Organization ?? 0) > 0, "sponsors");
    assert.equal(n("stays").Event, counts.stays);
    assert.equal(n("stays").Person, counts.stay_persons);
    for (const kind of KINDS) {
      const f = files.get(kind)!;
      assert.equal(f.summary.entities, f.entities.length, kind);
      assert.equal(f.summary.masked, true, kind);
      assert.equal(f.summary.rows, counts[kind], kind);
    }
  });

  it("masked files hold no name, document number or full birth date", async () => {
    const secrets = await query<{ s: string }>(
      db,
      `SELECT DISTINCT name AS s FROM person_names WHERE length(name) >= 3
       UNION SELECT DISTINCT doc_number FROM person_documents
       UNION SELECT DISTINCT strftime(birth_date, '%Y-%m-%d') FROM persons WHERE birth_date IS NOT NULL`,
    );
    assert.ok(secrets.length > 100);
    for (const kind of KINDS) {
      const text = files.get(kind)!.text;
      const leaks = secrets.filter((r) => text.includes(r.s)).map((r) => r.s);
      assert.deepEqual(leaks.slice(0, 10), [], `${kind} leaks ${leaks.length} values`);
      for (const e of files.get(kind)!.entities.filter((x) => x.schema === "Person")) {
        assert.deepEqual(e.properties.name, [e.id.replace("sojourn-person-", "")]);
        for (const d of (e.properties.birthDate as string[] | undefined) ?? [])
          assert.match(d, /^\d{4}$/);
        assert.equal(e.properties.passportNumber, undefined);
      }
    }
  });

  it("--unmask adds names and documents; the project's FtM reader reads them back", async () => {
    const f = exportFtm("persons", "persons-unmasked.ftm.json", ["--unmask"]);
    assert.equal(f.summary.masked, false);
    const schemata = bySchema(f.entities);
    const [docs] = await query<{ n: number }>(
      db,
      "SELECT count(*)::INTEGER AS n FROM person_documents",
    );
    assert.equal((schemata.Passport ?? 0) + (schemata.Identification ?? 0), docs?.n);
    assert.ok((schemata.Passport ?? 0) > 0 && (schemata.Identification ?? 0) > 0);
    // A person with a known document and name: both are on the entity.
    const [p] = await query<{ person_id: string; doc_number: string; name: string }>(
      db,
      `SELECT d.person_id, d.doc_number, first(n.name ORDER BY n.count DESC, n.name) AS name
       FROM person_documents d JOIN person_names n USING (person_id)
       GROUP BY ALL ORDER BY d.person_id, d.doc_number LIMIT 1`,
    );
    assert.ok(p);
    const person = f.entities.find((e) => e.id === `sojourn-person-${p.person_id}`)!;
    assert.equal((person.properties.name as string[])[0], p.name);
    const parsed = parseFtm("persons-unmasked.ftm.json", f.text, "sojourn", { every: true });
    const back = parsed.entities.find((e) => e.reference === person.id);
    assert.ok(back?.identifiers.some((i) => i.number === p.doc_number));
    assert.ok(back?.names.some((n) => n.name === p.name));
  });

  it("an entity in several files is the same in each", () => {
    const seen = new Map<string, { kind: string; json: string }>();
    let shared = 0;
    for (const kind of KINDS)
      for (const e of files.get(kind)!.entities) {
        const json = JSON.stringify(e);
        const first = seen.get(e.id);
        if (!first) seen.set(e.id, { kind, json });
        else {
          shared++;
          assert.equal(json, first.json, `${e.id} differs between ${first.kind} and ${kind}`);
        }
      }
    assert.ok(shared > 0);
  });

  it("re-exports are byte-identical (stable ids, stable order)", async () => {
    const store = await Store.open(db);
    try {
      for (const kind of KINDS) {
        const out = join(tmp.dir, `${kind}-again.ftm.json`);
        await writeFtmExport(store, kind, out);
        assert.equal(readFileSync(out, "utf8"), files.get(kind)!.text, kind);
      }
    } finally {
      store.close();
    }
  });

  it("infers ftm from a .ftm.json name and leaves no partial file on failure", () => {
    const out = join(tmp.dir, "inferred.ftm.json");
    const s = JSON.parse(cli(["--db", db, "export", "cohorts", "--out", out, "--json"]));
    assert.equal(s.format, "ftm");
    const bad = runCli([
      "--db",
      db,
      "export",
      "stays",
      "--out",
      join(tmp.dir, "no", "dir.ftm.json"),
    ]);
    assert.equal(bad.status, 3);
    assert.match(bad.stderr, /cannot write .*dir\.ftm\.json/);
  });
});
