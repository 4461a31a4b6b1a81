import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { ingestFile } from "../src/ingest/ingest-file.js";
import { loadMapping } from "../src/ingest/mapping.js";
import { repoRoot } from "../src/repo-root.js";
import { HEADER, runCli, tempDir, withDb, writeFile } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

const fixture = (name: string) => join(repoRoot(), "test", "fixtures", "ingest", name);

const ZH = [
  "序号,姓名,性别,出生日期,国籍,证件类型,证件号码,出入境日期,出入境类别,口岸,邀请单位",
  "Z1,金永哲,男,1985-03-02,朝鲜,普通护照,G1234567,2019-06-03 09:15,入,圈河口岸,珲春某水产公司",
  "Z2,李明,男,1990-11-20,朝鲜,普通护照,G7654321,2019-06-04 10:00,出,圈河,珲春某水产公司",
  "Z3,朴成日,男,1979-01-05,朝鲜民主主义人民共和国,公务护照,D100200,2019-06-05,入,丹东,",
].join("\n");
const KO = [
  "번호,성명,성별,생년월일,국적,여권번호,출입국일자,출입국구분,출입국항,초청기관",
  "K1,김영철,남,1985-03-02,조선,G1234567,2019-06-03 09:15,입,취안허,훈춘수산",
  "K2,리영경,여,1990-11-20,북한,G7654321,2019-06-04,출,단둥,",
].join("\n");

describe("ingest: encodings", () => {
  it("detects a whole EUC-KR file and loads every row", async () => {
    const file = writeFile(tmp.dir, "ko.csv", iconv.encode(KO, "euc-kr"));
    await withDb(async (store) => {
      const r = await ingestFile(store, file, { mapping: loadMapping(fixture("mapping-ko.json")) });
      assert.deepEqual([r.read, r.loaded, r.rejected], [2, 2, 0]);
      assert.deepEqual(r.encoding, {
        name: "euc-kr",
        how: "detected",
        confidence: r.encoding?.confidence,
      });
      const rows = await store.json<Record<string, string>>(
        "SELECT record_id, full_name, direction, nationality, port_id, sex FROM records ORDER BY record_id",
      );
      assert.deepEqual(
        rows.map((x) => [x.record_id, x.full_name, x.direction, x.nationality, x.sex]),
        [
          ["K1", "김영철", "entry", "PRK", "M"],
          ["K2", "리영경", "exit", "PRK", "F"],
        ],
      );
      assert.equal(rows[0]?.port_id, "cn-jl-hunchun-quanhe");
      const [run] = await store.all<{ sha: string; file: string }>(
        "SELECT file_sha256 AS sha, file FROM ingest_runs",
      );
      assert.equal(run?.file, file, "the run names the file, not its decoded copy");
      assert.equal(run?.sha, r.sha256);
    });
  });

  it("reads a gzipped GB18030 export with Chinese headers through a mapping, encoding named", async () => {
    const file = writeFile(tmp.dir, "zh.csv.gz", gzipSync(iconv.encode(ZH, "gb18030")));
    await withDb(async (store) => {
      const r = await ingestFile(store, file, {
        encoding: "gb18030",
        mapping: loadMapping(fixture("mapping-zh.json")),
      });
      assert.deepEqual([r.read, r.loaded, r.rejected, r.warnings], [3, 3, 0, 0]);
      assert.equal(r.encoding?.how, "named");
      const rows = await store.json<Record<string, string>>(
        "SELECT record_id, direction, nationality, port_id, doc_type, sponsor FROM records ORDER BY record_id",
      );
      assert.deepEqual(
        rows.map((x) => [x.record_id, x.direction, x.nationality, x.doc_type]),
        [
          ["Z1", "entry", "PRK", "passport"],
          ["Z2", "exit", "PRK", "passport"],
          ["Z3", "entry", "PRK", "official_passport"],
        ],
      );
      assert.equal(rows[0]?.port_id, "cn-jl-hunchun-quanhe");
      assert.equal(rows[0]?.sponsor, "珲春某水产公司");
    });
  });

  it("hints at the encoding when a file read as UTF-8 has lines that are not", async () => {
    const file = writeFile(tmp.dir, "ko-as-utf8.csv", iconv.encode(KO, "euc-kr"));
    const mapping = fixture("mapping-ko.json");
    const r = runCli([
      "--db",
      join(tmp.dir, "hint.duckdb"),
      "ingest",
      file,
      "--encoding",
      "utf-8",
      "--mapping",
      mapping,
      "--json",
    ]);
    // The header is not UTF-8 either: the file fails, naming the encoding to try.
    assert.equal(r.status, 3, r.stderr);
    assert.match(
      JSON.parse(r.stdout).failed[0].error,
      /line 1 \(header\) is not valid UTF-8; it looks like EUC-KR: ingest it with --encoding euc-kr/,
    );
    const body = [
      HEADER,
      ...["가", "나", "다"].map(
        (n, i) => `h${i},2019-06-03,entry,Quanhe,PRK,G${i},${n}${"영철".repeat(20)}`,
      ),
    ].join("\n");
    const mixed = writeFile(
      tmp.dir,
      "names.csv",
      Buffer.concat([
        Buffer.from(`${HEADER},full_name\n`),
        iconv.encode(body.split("\n").slice(1).join("\n"), "euc-kr"),
      ]),
    );
    const run = runCli([
      "--db",
      join(tmp.dir, "hint2.duckdb"),
      "ingest",
      mixed,
      "--encoding",
      "utf-8",
      "--json",
    ]);
    assert.equal(run.status, 0, run.stderr);
    const summary = JSON.parse(run.stdout);
    assert.equal(summary.rejected, 3);
    assert.match(
      summary.files[0].hint,
      /3 of 3 rows were not valid UTF-8; the file looks like EUC-KR .*--encoding euc-kr/,
    );
  });

  it("decodes Windows-1252 Latin names when named", async () => {
    const file = writeFile(
      tmp.dir,
      "latin.csv",
      iconv.encode(
        `${HEADER},family_name\nl1,2019-06-03,entry,Quanhe,PRK,G1,Müller\n`,
        "windows-1252",
      ),
    );
    await withDb(async (store) => {
      const r = await ingestFile(store, file, { encoding: "windows-1252" });
      assert.equal(r.loaded, 1);
      const [row] = await store.all<{ n: string }>("SELECT family_name AS n FROM records");
      assert.equal(row?.n, "Müller");
    });
  });
});

describe("ingest: date order and mapping files", () => {
  it("reads slash dates day first by default and month first with dateOrder mdy", async () => {
    const file = writeFile(
      tmp.dir,
      "us.csv",
      [HEADER, "d1,06/03/2019 09:15,entry,Quanhe,PRK,G1", "d2,12/25/2019,entry,Quanhe,PRK,G2"].join(
        "\n",
      ),
    );
    await withDb(async (store) => {
      const r = await ingestFile(store, file, { dateOrder: "mdy" });
      assert.equal(r.loaded, 2);
      const rows = await store.json<{ d: string }>(
        "SELECT CAST(local_date AS VARCHAR) AS d FROM records ORDER BY line",
      );
      assert.deepEqual(
        rows.map((x) => x.d),
        ["2019-06-03", "2019-12-25"],
      );
    });
    await withDb(async (store) => {
      const r = await ingestFile(store, file);
      assert.deepEqual([r.loaded, r.rejected], [1, 1], "12/25/2019 has no 25th month day first");
      const [row] = await store.json<{ d: string }>(
        "SELECT CAST(local_date AS VARCHAR) AS d FROM records",
      );
      assert.equal(row?.d, "2019-03-06");
    });
  });

  it("refuses a mapping file that names what does not exist, saying what was expected", () => {
    const bad = writeFile(tmp.dir, "bad.json", JSON.stringify({ columns: { 姓名: "name" } }));
    assert.throws(
      () => loadMapping(bad),
      /columns\["姓名"\] = "name" is not a contract column; expected one of record_id/,
    );
    const badValue = writeFile(
      tmp.dir,
      "bad-value.json",
      JSON.stringify({ values: { direction: { 入: "inward-ish" } } }),
    );
    const file = writeFile(tmp.dir, "m.csv", `${HEADER}\nm1,2019-06-03,入,Quanhe,PRK,G1\n`);
    const r = runCli(["--db", join(tmp.dir, "m.duckdb"), "ingest", file, "--mapping", badValue]);
    assert.equal(r.status, 5);
    assert.match(
      r.stderr,
      /values.direction\["入"\] = "inward-ish" is not a direction the vocabulary knows/,
    );
  });
});
