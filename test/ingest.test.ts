import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { detectScript } from "../src/core/names/detect-script.js";
import { loadGazetteer, type Port } from "../src/gazetteer/load-gazetteer.js";
import { ingestFile } from "../src/ingest/ingest-file.js";
import { rawCrossedAtSql } from "../src/ingest/normalize.js";
import { HEADER, tempDir, withDb, writeFile } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

type RejectRow = { line: bigint; column_name: string | null; value: string | null; reason: string };

async function rejectsOf(store: import("../src/db/store.js").Store, runId: number) {
  return store.all<RejectRow>(
    "SELECT line, column_name, value, reason FROM rejects WHERE run_id = ? ORDER BY line",
    [runId],
  );
}

describe("ingest: normalisation", () => {
  it("normalises times, directions, ports, nationality, documents and scripts", async () => {
    const file = writeFile(
      tmp.dir,
      "norm.csv",
      [
        `${HEADER},family_name,given_name,full_name,sex,visa_type,doc_type`,
        "a1,2019-06-03T09:15:00+08:00,entry,Quanhe,PRK, g 123 ,김,영철,,M,Z,passport",
        "a2,2019-06-03 23:30,入境,圈河,KP,g123,金,永哲,,男,,",
        "a3,2019-06-04,출국,cn-jl-hunchun-quanhe,North Korea,G123,KIM,YONG CHOL,,F,,",
        "a4,2019-06-03T16:00:00Z,out,QUANHE,prk,x1,,,Kim 영철,,,",
      ].join("\n"),
    );
    await withDb(async (store) => {
      const r = await ingestFile(store, file);
      assert.deepEqual([r.read, r.loaded, r.duplicates, r.rejected], [4, 4, 0, 0]);
      const rows = await store.json<Record<string, string>>(
        `SELECT record_id, strftime(crossed_at, '%Y-%m-%dT%H:%M:%SZ') AS utc, CAST(local_date AS VARCHAR) AS local_date,
           time_precision, direction, port_id, nationality, doc_number, family_script, given_script, full_script, sex, visa_type, doc_type
         FROM records ORDER BY record_id`,
      );
      assert.deepEqual(
        rows.map((x) => [x.record_id, x.utc, x.local_date, x.time_precision, x.direction]),
        [
          ["a1", "2019-06-03T01:15:00Z", "2019-06-03", "instant", "entry"],
          ["a2", "2019-06-03T15:30:00Z", "2019-06-03", "local", "entry"],
          ["a3", "2019-06-03T16:00:00Z", "2019-06-04", "date", "exit"],
          ["a4", "2019-06-03T16:00:00Z", "2019-06-04", "instant", "exit"],
        ],
      );
      assert.ok(rows.every((x) => x.port_id === "cn-jl-hunchun-quanhe"));
      assert.ok(rows.every((x) => x.nationality === "PRK"));
      assert.deepEqual(
        rows.map((x) => x.doc_number),
        ["G123", "G123", "G123", "X1"],
      );
      assert.deepEqual(
        rows.map((x) => x.family_script),
        ["hangul", "han", "latin", null],
      );
      assert.equal(rows[3]?.full_script, "mixed");
      assert.deepEqual(
        rows.map((x) => x.sex),
        ["M", "M", "F", null],
      );
      assert.equal(rows[0]?.visa_type, "work");
    });
  });

  it("keeps every crossed_at as written: canonical spellings are rebuilt, others stored", async () => {
    const written = [
      "2019-06-03T09:15:00+08:00",
      "2019-06-03 09:15",
      "2019-06-03",
      " 2019-06-03",
      "2019-06-03T09:15:00+09:00",
      "2019-06-03 09:15:30",
      "03/06/2019",
      "1988-06-03 09:15",
      "1988-06-03T09:15:00+08:00",
    ];
    const file = writeFile(
      tmp.dir,
      "times.csv",
      [HEADER, ...written.map((t, i) => `t${i},"${t}",ENTRY,Quanhe,PRK,g${i}`)].join("\n"),
    );
    await withDb(async (store) => {
      const r = await ingestFile(store, file);
      assert.equal(r.loaded, written.length);
      const rows = await store.json<{
        raw: string;
        stored: string | null;
        utc: string;
        dir: string;
      }>(
        `SELECT ${rawCrossedAtSql("Asia/Shanghai")} AS raw, raw_crossed_at AS stored,
           strftime(crossed_at, '%Y-%m-%dT%H:%M:%SZ') AS utc, direction AS dir
         FROM records ORDER BY line`,
      );
      assert.deepEqual(
        rows.map((x) => x.raw),
        written,
      );
      assert.deepEqual(
        rows.map((x) => x.stored === null),
        [true, true, true, false, false, false, false, false, false],
      );
      // China kept daylight saving time in 1986–1991: local 09:15 in June 1988 was UTC+9.
      assert.equal(rows[7]?.utc, "1988-06-03T00:15:00Z");
      assert.equal(rows[8]?.utc, "1988-06-03T01:15:00Z");
      assert.equal(rows[1]?.utc, "2019-06-03T01:15:00Z");
      assert.ok(rows.every((x) => x.dir === "entry"));
    });
  });

  it("gives every name the names module's script, whether the insert or the lookup decides", async () => {
    const names = [
      "김영철",
      "金永哲",
      "KIM",
      "김 영철",
      "金 永哲",
      "Kim 영철",
      "김·영철",
      "123",
      "Müller",
      "李 明",
      "영철2",
      "ㄱㄴ",
      "O'Brien",
      "Kyŏngsŏng",
      "Ch'ŏrhyŏk",
      "Sŏng–Pŏm",
      "Ŏ×b",
      "Ŏ«b»",
      "Éric 金",
      "ŎЖ",
      "Ŏ\u0301·",
      "ÀÖØöøɏ",
      "Kim Ŏｋ",
      "Ｋim",
      "×Kim",
      "ḀʼʹʺˮŎ",
    ];
    const file = writeFile(
      tmp.dir,
      "scripts.csv",
      [
        `${HEADER},family_name`,
        ...names.map((n, i) => `s${i},2019-06-03,entry,Quanhe,PRK,${i},"${n}"`),
      ].join("\n"),
    );
    await withDb(async (store) => {
      await ingestFile(store, file);
      const rows = await store.all<{ family_name: string; family_script: string }>(
        "SELECT family_name, family_script FROM records ORDER BY line",
      );
      assert.deepEqual(
        rows.map((r) => [r.family_name, r.family_script]),
        names.map((n) => [n, detectScript(n)]),
      );
    });
  });

  it("maps vocabulary values in any case and spacing alike", async () => {
    const file = writeFile(
      tmp.dir,
      "cases.csv",
      [
        `${HEADER},family_name,sex`,
        "c1,2019-06-03,Entry,QUANHE,Prk,1,123,m",
        "c2,2019-06-03, EXIT ,quanhe , prk,2,O'Brien,F",
        "c3,2019-06-03,eNtRy,Quanhe,KP,3,,Male",
      ].join("\n"),
    );
    await withDb(async (store) => {
      const r = await ingestFile(store, file);
      assert.equal(r.loaded, 3);
      const rows = await store.json<Record<string, string | null>>(
        "SELECT direction, port_id, nationality, sex, family_script FROM records ORDER BY line",
      );
      assert.deepEqual(
        rows.map((x) => [x.direction, x.port_id, x.nationality, x.sex, x.family_script]),
        [
          ["entry", "cn-jl-hunchun-quanhe", "PRK", "M", "other"],
          ["exit", "cn-jl-hunchun-quanhe", "PRK", "F", "latin"],
          ["entry", "cn-jl-hunchun-quanhe", "PRK", "M", null],
        ],
      );
    });
  });

  it("keeps the raw values and unknown extra columns", async () => {
    const file = writeFile(
      tmp.dir,
      "raw.csv",
      `${HEADER},checkpoint_officer\nr1,03/06/2019,in,Quanhe,KP,g1,Officer Wang\n`,
    );
    await withDb(async (store) => {
      await ingestFile(store, file);
      const [row] = await store.json<{ raw: Record<string, string>; extra: string }>(
        "SELECT {'crossed_at': raw_crossed_at, 'direction': raw_direction, 'nationality': raw_nationality} AS raw, extra FROM records",
      );
      assert.equal(row?.raw.crossed_at, "03/06/2019");
      assert.equal(row?.raw.direction, "in");
      assert.equal(row?.raw.nationality, "KP");
      assert.deepEqual(JSON.parse(String(row?.extra)), { checkpoint_officer: "Officer Wang" });
    });
  });
});

describe("ingest: bad input is rejected with file, line, column, value and reason", () => {
  it("rejects impossible dates, unknown directions, empty required fields", async () => {
    const file = writeFile(
      tmp.dir,
      "values.csv",
      [
        HEADER,
        "v1,2019-02-30,entry,Quanhe,PRK,1",
        "v2,31/13/2019,entry,Quanhe,PRK,1",
        "v3,2019-06-01,sideways,Quanhe,PRK,1",
        ",2019-06-01,entry,Quanhe,PRK,1",
        "v5,2019-06-01,entry,,PRK,1",
        "v6,2019-06-01,entry,Quanhe,PRK,",
        "v7,2019-06-01,entry,Quanhe,ZZZ,1",
        "v8,yesterday,entry,Quanhe,PRK,1",
        "v9,2019-06-01,entry,Quanhe,PRK,1",
      ].join("\n"),
    );
    await withDb(async (store) => {
      const r = await ingestFile(store, file);
      assert.deepEqual([r.read, r.loaded, r.rejected], [9, 1, 8]);
      const rej = await rejectsOf(store, r.runId);
      assert.deepEqual(
        rej.map((x) => [Number(x.line), x.column_name, x.value]),
        [
          [2, "crossed_at", "2019-02-30"],
          [3, "crossed_at", "31/13/2019"],
          [4, "direction", "sideways"],
          [5, "record_id", null],
          [6, "port", null],
          [7, "doc_number", null],
          [8, "nationality", "ZZZ"],
          [9, "crossed_at", "yesterday"],
        ],
      );
      assert.match(rej[0]?.reason ?? "", /impossible date/);
      assert.match(rej[1]?.reason ?? "", /impossible date/);
      assert.match(rej[2]?.reason ?? "", /unknown direction; expected entry or exit/);
      assert.match(rej[3]?.reason ?? "", /required field is empty/);
      assert.match(rej[6]?.reason ?? "", /unknown nationality; expected an ISO 3166-1 alpha-3/);
      assert.match(rej[7]?.reason ?? "", /unreadable date-time/);
    });
  });

  it("rejects malformed CSV lines one by one and keeps reading", async () => {
    const content = Buffer.concat([
      Buffer.from(`${HEADER}\n`),
      Buffer.from('m1,"2019-06-03,exit,Quanhe,PRK,1\n'), // line 2: unterminated quote
      Buffer.from("m2,2019-06-03,entry\n"), // 3: too few fields
      Buffer.from("m3,2019-06-04,exit,Quanhe,PRK,1,extra\n"), // 4: too many
      Buffer.from("m4,2019-06-0"),
      Buffer.from([0xff]),
      Buffer.from("5,exit,Quanhe,PRK,1\n"), // 5: invalid UTF-8
      Buffer.from('m5,"2019-06-04",exit,"Quanhe\nPort",PRK,1\n'), // 6-7: quoted newline (valid)
      Buffer.from('m6,"ab"c,exit,Quanhe,PRK,1\n'), // 8: bad quoting
      Buffer.from("m7,2019-06-05,exit,Quanhe,PRK,1\n"), // 9: fine
      Buffer.from("m8,2019-06-05,ex"), // 10: truncated last line
    ]);
    const file = writeFile(tmp.dir, "malformed.csv", content);
    await withDb(async (store) => {
      const r = await ingestFile(store, file);
      assert.equal(r.parsePath, "exact");
      assert.deepEqual([r.read, r.loaded, r.duplicates, r.rejected], [8, 2, 0, 6]);
      const rej = await rejectsOf(store, r.runId);
      assert.deepEqual(
        rej.map((x) => Number(x.line)),
        [2, 3, 4, 5, 8, 10],
      );
      assert.match(rej[0]?.reason ?? "", /unterminated quoted field/);
      assert.match(rej[1]?.reason ?? "", /found 3, expected 6/);
      assert.match(rej[2]?.reason ?? "", /found 7, expected 6/);
      assert.match(rej[3]?.reason ?? "", /invalid UTF-8/);
      assert.match(rej[4]?.reason ?? "", /malformed CSV/);
      assert.match(rej[5]?.reason ?? "", /truncated last line/);
      const loaded = await store.all<{ record_id: string; line: bigint }>(
        "SELECT record_id, line FROM records ORDER BY line",
      );
      assert.deepEqual(
        loaded.map((x) => [x.record_id, Number(x.line)]),
        [
          ["m5", 6],
          ["m7", 9],
        ],
      );
    });
  });

  it("fails a file with missing required columns, naming them, and loads nothing", async () => {
    const file = writeFile(
      tmp.dir,
      "missing.csv",
      "record_id,crossed_at,port\n1,2019-06-01,Quanhe\n",
    );
    await withDb(async (store) => {
      await assert.rejects(ingestFile(store, file), (err: Error) => {
        assert.match(
          err.message,
          /missing\.csv: missing required columns direction, nationality, doc_number/,
        );
        assert.match(
          err.message,
          /expected record_id, crossed_at, direction, port, nationality, doc_number/,
        );
        return true;
      });
      const [n] = await store.all<{ n: bigint }>("SELECT count(*) AS n FROM records");
      assert.equal(Number(n?.n), 0);
      const [run] = await store.all<{ status: string; error: string }>(
        "SELECT status, error FROM ingest_runs",
      );
      assert.equal(run?.status, "failed");
    });
  });

  it("fails unreadable, empty and unsupported files with a clear error", async () => {
    await withDb(async (store) => {
      await assert.rejects(ingestFile(store, join(tmp.dir, "nope.csv")), /cannot read .*nope\.csv/);
      await assert.rejects(
        ingestFile(store, writeFile(tmp.dir, "empty.csv", "")),
        /empty\.csv is empty/,
      );
      await assert.rejects(
        ingestFile(store, writeFile(tmp.dir, "x.xls", "x")),
        /unsupported file type/,
      );
    });
  });
});

describe("ingest: duplicates, idempotency, re-exports, unknown ports", () => {
  it("is idempotent: the same rows again load nothing new", async () => {
    const text = `${HEADER}\ni1,2019-06-01,entry,Quanhe,PRK,1\ni2,2019-06-20,exit,Quanhe,PRK,1\ni1,2019-06-02,entry,Quanhe,PRK,1\n`;
    const file = writeFile(tmp.dir, "idem.csv", text);
    // The same rows with other line ends (other bytes: read again), every row a duplicate.
    const copy = writeFile(tmp.dir, "idem-crlf.csv", text.replaceAll("\n", "\r\n"));
    await withDb(async (store) => {
      const a = await ingestFile(store, file);
      assert.deepEqual([a.read, a.loaded, a.duplicates], [3, 2, 1]);
      const b = await ingestFile(store, copy, { source: "idem" });
      assert.deepEqual([b.read, b.loaded, b.duplicates, b.rejected], [3, 0, 3, 0]);
      const [n] = await store.all<{ n: bigint }>("SELECT count(*) AS n FROM records");
      assert.equal(Number(n?.n), 2);
      // The first line with an id is the one kept, and it stays from the first run.
      const [kept] = await store.json<{ line: number; day: string; run_id: number }>(
        "SELECT CAST(line AS INTEGER) AS line, CAST(local_date AS VARCHAR) AS day, CAST(run_id AS INTEGER) AS run_id FROM records WHERE record_id = 'i1'",
      );
      assert.deepEqual(kept, { line: 2, day: "2019-06-01", run_id: a.runId });
    });
  });

  it("tells duplicates by source and record_id together when a file mixes sources", async () => {
    const file = writeFile(
      tmp.dir,
      "mixed.csv",
      `${HEADER},source\n` +
        "s1,2019-06-01,entry,Quanhe,PRK,1,east\n" +
        "s1,2019-06-02,entry,Quanhe,PRK,2,west\n" +
        "s1,2019-06-03,entry,Quanhe,PRK,3,east\n" +
        "s2,2019-06-04,entry,Quanhe,PRK,4,west\n",
    );
    const again = writeFile(
      tmp.dir,
      "west-only.csv",
      `${HEADER},source\ns2,2019-06-05,exit,Quanhe,PRK,4,west\ns3,2019-06-05,exit,Quanhe,PRK,5,west\n`,
    );
    await withDb(async (store) => {
      const a = await ingestFile(store, file);
      assert.deepEqual([a.read, a.loaded, a.duplicates], [4, 3, 1]);
      // One source in the file: the store's rows of that source are the ones compared.
      const b = await ingestFile(store, again);
      assert.deepEqual([b.read, b.loaded, b.duplicates], [2, 1, 1]);
      const kept = await store.all<{ k: string }>(
        "SELECT source || ':' || record_id || ':' || doc_number AS k FROM records ORDER BY k",
      );
      assert.deepEqual(
        kept.map((r) => r.k),
        ["east:s1:1", "west:s1:2", "west:s2:4", "west:s3:5"],
      );
    });
  });

  it("finds repeats of ids that only grow down the file when another run holds the source", async () => {
    const first = writeFile(
      tmp.dir,
      "ordered1.csv",
      `${HEADER},source\no1,2019-06-01,entry,Quanhe,PRK,1,x\no2,2019-06-02,entry,Quanhe,PRK,2,x\no3,2019-06-03,entry,Quanhe,PRK,3,x\n`,
    );
    const second = writeFile(
      tmp.dir,
      "ordered2.csv",
      `${HEADER},source\no3,2019-06-04,exit,Quanhe,PRK,3,x\no4,2019-06-05,exit,Quanhe,PRK,4,x\n`,
    );
    await withDb(async (store) => {
      const a = await ingestFile(store, first);
      assert.deepEqual([a.loaded, a.duplicates], [3, 0]);
      const b = await ingestFile(store, second);
      assert.deepEqual([b.read, b.loaded, b.duplicates], [2, 1, 1]);
      // Ids that grow, then one that repeats an earlier line: the order check gives way.
      const third = writeFile(
        tmp.dir,
        "ordered3.csv",
        `${HEADER},source\np1,2019-06-01,entry,Quanhe,PRK,1,y\np2,2019-06-02,entry,Quanhe,PRK,2,y\np1,2019-06-03,entry,Quanhe,PRK,3,y\n`,
      );
      const c = await ingestFile(store, third);
      assert.deepEqual([c.loaded, c.duplicates], [2, 1]);
    });
  });

  it("links a crossing re-exported under another record_id to the first copy", async () => {
    const first = writeFile(
      tmp.dir,
      "export1.csv",
      `${HEADER},source\nx1,2019-06-01 09:00,entry,Quanhe,PRK,G1,border\nx2,2019-06-20 10:00,exit,Quanhe,PRK,G1,border\n`,
    );
    const second = writeFile(
      tmp.dir,
      "export2.csv",
      `${HEADER},source\ny9,2019-06-01T09:00:00+08:00,入境,圈河,PRK,g1,border\n`,
    );
    await withDb(async (store) => {
      await ingestFile(store, first);
      const r = await ingestFile(store, second);
      assert.deepEqual([r.loaded, r.reexports], [1, 1]);
      const rows = await store.all<{ record_id: string; canonical: string | null }>(
        "SELECT r.record_id, c.record_id AS canonical FROM records r LEFT JOIN records c ON c.rec_key = r.canonical_key ORDER BY r.record_id",
      );
      assert.deepEqual(
        rows.map((x) => [x.record_id, x.canonical]),
        [
          ["x1", null],
          ["x2", null],
          ["y9", "x1"],
        ],
      );
      // A copy with only the date is the same crossing; another direction that day is not,
      // nor another time of the same day.
      const third = writeFile(
        tmp.dir,
        "export3.csv",
        `${HEADER},source\nz1,2019-06-20,exit,Quanhe,PRK,G1,border\nz2,2019-06-01,exit,Quanhe,PRK,G1,border\nz3,2019-06-01 15:00,entry,Quanhe,PRK,G1,border\n`,
      );
      const t = await ingestFile(store, third);
      assert.deepEqual([t.loaded, t.reexports], [3, 1]);
    });
  });

  it("links re-exports from a file of many dates to copies stored by earlier runs", async () => {
    // Past 64 local dates the candidates are read by the run's range of dates, not its list.
    const days = Array.from({ length: 80 }, (_, i) =>
      new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const first = writeFile(
      tmp.dir,
      "many-dates1.csv",
      `${HEADER}\na1,${days[10]} 09:00,entry,Quanhe,PRK,D1\na2,${days[70]} 10:00,exit,Quanhe,PRK,D2\na3,2018-06-01 10:00,exit,Quanhe,PRK,D3\n`,
    );
    const second = writeFile(
      tmp.dir,
      "many-dates2.csv",
      `${HEADER}\n${days.map((d, i) => `b${i},${d} 12:00,entry,Quanhe,PRK,E${i}`).join("\n")}\n` +
        `c1,${days[10]}T09:00:00+08:00,entry,Quanhe,PRK,d1\nc2,${days[70]},exit,Quanhe,PRK,D2\nc3,2018-06-01,exit,Quanhe,PRK,D3\n`,
    );
    await withDb(async (store) => {
      await ingestFile(store, first);
      const r = await ingestFile(store, second);
      assert.deepEqual([r.loaded, r.reexports], [83, 3]);
      const rows = await store.all<{ record_id: string; canonical: string }>(
        "SELECT r.record_id, c.record_id AS canonical FROM records r JOIN records c ON c.rec_key = r.canonical_key ORDER BY r.record_id",
      );
      assert.deepEqual(
        rows.map((x) => [x.record_id, x.canonical]),
        [
          ["c1", "a1"],
          ["c2", "a2"],
          ["c3", "a3"],
        ],
      );
    });
  });

  it("loads unknown ports verbatim and lists them", async () => {
    const file = writeFile(
      tmp.dir,
      "unknown.csv",
      `${HEADER}\nu1,2019-06-01,entry,Port 99,PRK,1\nu2,2019-06-02,entry,Port 99,PRK,2\nu3,2019-06-02,entry,Quanhe,PRK,3\n`,
    );
    await withDb(async (store) => {
      const r = await ingestFile(store, file);
      assert.equal(r.loaded, 3);
      assert.deepEqual(r.unknownPorts, [{ port: "Port 99", records: 2 }]);
      const [row] = await store.all<{ port_id: string | null; port_raw: string }>(
        "SELECT port_id, port_raw FROM records WHERE record_id = 'u1'",
      );
      assert.deepEqual([row?.port_id, row?.port_raw], [null, "Port 99"]);
    });
  });
});

describe("ingest: formats", () => {
  const rows = [
    {
      record_id: "f1",
      crossed_at: "2019-06-01",
      direction: "entry",
      port: "Quanhe",
      nationality: "PRK",
      doc_number: "1",
      extra_col: "x",
    },
    {
      record_id: "f2",
      crossed_at: "2019-06-02",
      direction: "exit",
      port: "Quanhe",
      nationality: "PRK",
      doc_number: "1",
    },
  ];
  it("reads TSV, gzipped CSV and JSON Lines alike", async () => {
    const tsv = writeFile(
      tmp.dir,
      "t.tsv",
      `${HEADER.replaceAll(",", "\t")}\nf1\t2019-06-01\tentry\tQuanhe\tPRK\t1\n`,
    );
    const gz = writeFile(
      tmp.dir,
      "g.csv.gz",
      gzipSync(`${HEADER}\nf1,2019-06-01,entry,Quanhe,PRK,1\nf2,2019-06-01,bogus,Quanhe,PRK,1\n`),
    );
    const jsonl = writeFile(
      tmp.dir,
      "j.jsonl",
      `${rows.map((r) => JSON.stringify(r)).join("\n")}\n{not json}\n[1,2]\n`,
    );
    await withDb(async (store) => {
      const t = await ingestFile(store, tsv);
      assert.deepEqual([t.format, t.loaded], ["tsv", 1]);
      const g = await ingestFile(store, gz);
      assert.deepEqual([g.loaded, g.rejected], [1, 1]);
      const j = await ingestFile(store, jsonl);
      assert.deepEqual([j.read, j.loaded, j.rejected], [4, 2, 2]);
      const rej = await rejectsOf(store, j.runId);
      assert.deepEqual(
        rej.map((x) => Number(x.line)),
        [3, 4],
      );
      const [extra] = await store.all<{ extra: string }>(
        `SELECT extra FROM records WHERE run_id = ${j.runId} AND record_id = 'f1'`,
      );
      assert.deepEqual(JSON.parse(extra?.extra ?? "{}"), { extra_col: "x" });
    });
  });

  it("reads Parquet with row numbers as lines", async () => {
    await withDb(async (store) => {
      const path = join(tmp.dir, "p.parquet");
      await store.run(`COPY (SELECT * FROM (VALUES ('p1', '2019-06-01', 'entry', 'Quanhe', 'PRK', '1'), ('p2', '2019-02-30', 'entry', 'Quanhe', 'PRK', '1'))
        t(record_id, crossed_at, direction, port, nationality, doc_number)) TO '${path}' (FORMAT parquet)`);
      const r = await ingestFile(store, path);
      assert.deepEqual([r.read, r.loaded, r.rejected], [2, 1, 1]);
      const rej = await rejectsOf(store, r.runId);
      assert.equal(Number(rej[0]?.line), 2);
      // No text line to read again: the reject's raw value is the row rebuilt from its values.
      const [raw] = await store.all<{ raw: string }>(
        `SELECT raw FROM rejects WHERE run_id = ${r.runId}`,
      );
      assert.match(raw?.raw ?? "", /^p2,2019-02-30,entry,Quanhe,PRK,1(,|$)/);
    });
  });
});

export function writeCsv(path: string, lines: string[]): void {
  writeFileSync(path, `${lines.join("\n")}\n`);
}

describe("ingest: stored vocabularies", () => {
  it("widens the port type for a gazetteer that knows a new port, keeping what is stored", async () => {
    await withDb(async (store) => {
      const first = writeFile(
        tmp.dir,
        "ports-a.csv",
        [HEADER, "p1,2019-06-03,entry,Quanhe,PRK,G1"].join("\n"),
      );
      await ingestFile(store, first);
      const base = loadGazetteer();
      const extra = { ...(base.ports[0] as Port), id: "zz-test-port", name_en: "Testport" };
      const gazetteer = { ...base, ports: [...base.ports, extra], aliases: base.aliases };
      const second = writeFile(
        tmp.dir,
        "ports-b.csv",
        [HEADER, "p2,2019-06-04,exit,Testport,kp,G1"].join("\n"),
      );
      const r = await ingestFile(store, second, { gazetteer });
      assert.equal(r.loaded, 1);
      const rows = await store.all<{ record_id: string; port_id: string; nationality: string }>(
        "SELECT record_id, port_id, nationality FROM records ORDER BY record_id",
      );
      assert.deepEqual(
        rows.map((x) => [x.record_id, String(x.port_id), String(x.nationality)]),
        [
          ["p1", "cn-jl-hunchun-quanhe", "PRK"],
          ["p2", "zz-test-port", "PRK"],
        ],
      );
      const [t] = await store.all<{ v: string[] }>(
        "SELECT enum_range(NULL::port_code)::VARCHAR[] AS v",
      );
      const values = [...(t?.v ?? [])];
      assert.ok(values.includes("zz-test-port") && values.includes("cn-jl-hunchun-quanhe"));
      assert.deepEqual(values, [...values].sort(), "in text order");
    });
  });
});
