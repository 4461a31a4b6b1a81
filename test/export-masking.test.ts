/**
 * The masking policy over every default output, on adversarial records (test/fixtures/masking):
 * the CLI's read commands, every export kind in every format, and the report. No given name,
 * full name or document number (nor six characters of one in a row) may appear in any of them,
 * nor in what `sojourn serve` answers a viewer (every read of its API);
 * with --unmask they do. Also: the SQL twins mask exactly as the TypeScript functions.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { MASK_SQL, maskBirthDate, maskDocument, maskName } from "../src/core/masking.js";
import { Store } from "../src/db/store.js";
import { EXPORTS } from "../src/export/kinds.js";
import { EXPORT_FORMATS, writeExport } from "../src/export/write-export.js";
import { buildReport } from "../src/report/build-report.js";
import { startServer } from "../src/server/serve.js";
import { addUser } from "../src/users/users.js";
import { ADVERSARIAL_PERSONS, adversarialCsv, recordId } from "./fixtures/masking/adversarial.js";
import { cliOk, queryDb, runCli, tempDir, withDb, writeFile } from "./helpers/with-db.js";
import { Client, PASSWORD } from "./server-client.js";

/** Every string that must stay hidden: given names, full names, document numbers and six-character runs of them. */
function secrets(): string[] {
  const out = new Set<string>();
  for (const p of ADVERSARIAL_PERSONS) {
    for (const s of p.secrets) out.add(s);
    out.add(p.full);
    for (let i = 0; i + 6 <= p.doc.length; i++) out.add(p.doc.slice(i, i + 6));
  }
  return [...out];
}

function leaks(text: string): string[] {
  return secrets().filter((s) => text.includes(s));
}

/** Every read of the API as a viewer sees it (JSON bodies), on the same store. */
async function serverReads(
  db: string,
  dir: string,
  persons: { person_id: string }[],
  outputs: Map<string, string>,
): Promise<void> {
  const server = await startServer(db, { port: 0, filesDir: join(dir, "server-files") });
  try {
    await server.ctx.write((s) => addUser(s, "watcher", "viewer", PASSWORD));
    const viewer = new Client(server.url);
    assert.equal((await viewer.login("watcher")).status, 200);
    const paths = [
      // Person search by a letter or syllable the adversarial names start with.
      ...["K", "P", "김", "金", "리"].map((q) => `/api/persons?q=${encodeURIComponent(q)}`),
      "/api/alerts",
      "/api/cohorts",
      "/api/sponsors",
      "/api/presence",
      "/api/runs",
      "/api/evidence/sources",
      "/api/evidence/claims",
      "/api/lists",
      ...persons.map((p) => `/api/persons/${encodeURIComponent(p.person_id)}`),
    ];
    for (const path of paths) {
      const r = await viewer.get(path);
      assert.equal(r.status, 200, `${path}: ${r.text}`);
      outputs.set(`serve GET ${path}`, r.text);
    }
  } finally {
    await server.stop();
  }
}

describe("masked outputs on adversarial records", () => {
  const tmp = tempDir("sojourn-masking-");
  const db = join(tmp.dir, "store.duckdb");
  const outputs = new Map<string, string>();
  const cli = (name: string, args: string[]) => outputs.set(name, cliOk(["--db", db, ...args]));

  before(async () => {
    const csv = writeFile(tmp.dir, "adversarial.csv", adversarialCsv());
    cliOk(["--db", db, "ingest", csv, "--json"]);
    cliOk(["--db", db, "analyze", "--json"]);
    cli("alerts", ["alerts", "--limit", "0"]);
    cli("alerts --json", ["alerts", "--json"]);
    cli("cohorts --json", ["cohorts", "--json"]);
    cli("sponsors --json", ["sponsors", "--json"]);
    cli("runs --json", ["runs", "--json"]);
    cli("rejects", ["rejects"]);
    cli("rejects --json", ["rejects", "--json"]);
    cli("rejects --warnings --json", ["rejects", "--warnings", "--json"]);
    const rejectsCsv = join(tmp.dir, "rejects.csv");
    cliOk(["--db", db, "rejects", "--out", rejectsCsv]);
    outputs.set("rejects --out", readFileSync(rejectsCsv, "utf8"));
    const persons = await queryDb<{ person_id: string }>(db, "SELECT person_id FROM persons");
    for (const [i, { person_id }] of persons.entries()) {
      cli(`person ${person_id} --json`, ["person", person_id, "--json"]);
      if (i === 0) cli(`person ${person_id}`, ["person", person_id]);
    }
    // Exports and the report in this process (the CLI shell adds nothing to what they write).
    const store = await Store.open(db);
    try {
      for (const kind of EXPORTS)
        for (const format of EXPORT_FORMATS) {
          const out = join(tmp.dir, `${kind.name}.${format}`);
          await writeExport(store, kind, format, out);
          const text =
            format === "parquet"
              ? JSON.stringify(await store.json(`SELECT * FROM read_parquet('${out}')`))
              : readFileSync(out, "utf8");
          outputs.set(`export ${kind.name} --format ${format}`, text);
        }
      const report = join(tmp.dir, "report.html");
      await buildReport(store, report);
      // The embedded font subsets are base64 glyph data: a name's letters turn up there by chance.
      const page = readFileSync(report, "utf8");
      outputs.set("report", page.replace(/<style id="cjk-fonts">[\s\S]*?<\/style>/, ""));
    } finally {
      store.close();
    }
    await serverReads(db, tmp.dir, persons, outputs);
  });
  after(() => tmp.cleanup());

  it("the fixture reaches every output: persons, stays and alerts exist", async () => {
    const [n] = await queryDb<{ persons: number; stays: number; alerts: number }>(
      db,
      "SELECT (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM stays) AS stays, (SELECT count(*) FROM alerts) AS alerts",
    );
    assert.ok(Number(n?.persons) >= ADVERSARIAL_PERSONS.length, JSON.stringify(n));
    assert.ok(Number(n?.stays) > 0 && Number(n?.alerts) > 0, JSON.stringify(n));
  });

  it("0 leaks of names or document numbers in any default output", () => {
    assert.ok(outputs.size >= 28, `${outputs.size} outputs`);
    const found = [...outputs].flatMap(([name, text]) =>
      leaks(text).map((s) => `${name}: ${JSON.stringify(s)}`),
    );
    assert.deepEqual(found, []);
  });

  it("record ids holding document numbers are cited by run and line", () => {
    const first = ADVERSARIAL_PERSONS[0]!;
    for (const [name, text] of outputs)
      assert.ok(!text.includes(recordId(first, "2019-06-03", "entry")), name);
    assert.match(outputs.get("alerts") ?? "", /evidence: r1:\d+/);
  });

  it("--unmask shows what was masked", () => {
    const out = join(tmp.dir, "persons-unmasked.jsonl");
    cliOk(["--db", db, "export", "persons", "--out", out, "--unmask"]);
    const text = readFileSync(out, "utf8");
    for (const p of ADVERSARIAL_PERSONS) assert.ok(text.includes(p.doc), p.doc);
    const rejects = cliOk(["--db", db, "rejects", "--json", "--unmask"]);
    assert.ok(rejects.includes(ADVERSARIAL_PERSONS[0]!.doc));
  });
});

describe("MASK_SQL twins", () => {
  const names = [
    "김 영 철",
    "金 永 哲",
    "리 영경",
    "KIM Y C",
    "Kim 영철",
    "  / 杨刚贤",
    "123 456",
    "",
    "𠀀𠀁 X",
  ];
  const docs = ["836123086", "PS123456789", "A123", "12345678", "1234567", "  745612401 ", ""];

  it("mask names, documents and birth dates exactly as src/core/masking.ts", async () => {
    await withDb(async (store) => {
      for (const n of names) {
        const row = await store.one<{ m: string | null }>(`SELECT ${MASK_SQL.name("$1")} AS m`, [
          n,
        ]);
        assert.equal(row?.m, maskName(n), JSON.stringify(n));
      }
      for (const d of docs) {
        const row = await store.one<{ m: string | null }>(`SELECT ${MASK_SQL.doc("$1")} AS m`, [d]);
        assert.equal(row?.m, maskDocument(d), JSON.stringify(d));
      }
      const b = await store.one<{ m: string }>(
        `SELECT ${MASK_SQL.birthDate("DATE '1990-04-02'")} AS m`,
      );
      assert.equal(b?.m, maskBirthDate("1990-04-02"));
    });
  });
});

describe("export refuses to overwrite", () => {
  it("an existing file without --force; replaces it with --force", () => {
    const tmp = tempDir("sojourn-export-force-");
    try {
      const db = join(tmp.dir, "s.duckdb");
      const out = writeFile(tmp.dir, "alerts.jsonl", "keep me\n");
      const r = runCli(["--db", db, "export", "alerts", "--out", out]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /alerts\.jsonl: the file exists; pass --force/);
      assert.equal(readFileSync(out, "utf8"), "keep me\n");
      cliOk(["--db", db, "export", "alerts", "--out", out, "--force"]);
      assert.equal(readFileSync(out, "utf8"), "");
    } finally {
      tmp.cleanup();
    }
  });
});
