import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { ingestWorkbook } from "../src/ingest/ingest-file.js";
import { tempDir, withDb } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

/** A workbook as a port office might send it: typed cells, a formula, gaps, two sheets. */
async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const june = wb.addWorksheet("June");
  june.addRow([
    "record_id",
    "crossed_at",
    "direction",
    "port",
    "nationality",
    "doc_number",
    "family_name",
  ]);
  june.addRow([
    "x1",
    new Date(Date.UTC(2019, 5, 3, 9, 15)),
    "entry",
    "Quanhe",
    "PRK",
    123456789,
    "김",
  ]);
  june.addRow([
    "x2",
    new Date(Date.UTC(2019, 5, 4)),
    "exit",
    "圈河",
    "KP",
    { formula: '"G"&"2"', result: "G2" },
  ]);
  // row 4 left empty
  june.getRow(5).values = ["x3", "2019-06-05", "sideways", "Quanhe", "PRK", "G3"];
  const july = wb.addWorksheet("July");
  july.addRow(["record_id", "crossed_at", "direction", "port", "nationality", "doc_number"]);
  july.addRow(["y1", "2019-07-01 08:00", "in", "Dandong", "PRK", "G9"]);
  const path = join(tmp.dir, "log.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe("ingest: Excel workbooks", () => {
  it("reads every sheet as its own run, rows as lines, with the same accounting", async () => {
    const file = await workbook();
    await withDb(async (store) => {
      const results = await ingestWorkbook(store, file);
      assert.deepEqual(
        results.map((r) => [r.file, r.format, r.read, r.loaded, r.duplicates, r.rejected]),
        [
          [`${file}#June`, "xlsx", 3, 2, 0, 1],
          [`${file}#July`, "xlsx", 1, 1, 0, 0],
        ],
      );
      const rows = await store.json<Record<string, string>>(
        `SELECT record_id, strftime(crossed_at, '%Y-%m-%dT%H:%M') AS utc, time_precision AS p, doc_number, source
         FROM records ORDER BY record_id`,
      );
      assert.deepEqual(
        rows.map((x) => [x.record_id, x.utc, x.p, x.doc_number, x.source]),
        [
          ["x1", "2019-06-03T01:15", "local", "123456789", "log"],
          ["x2", "2019-06-03T16:00", "date", "G2", "log"],
          ["y1", "2019-07-01T00:00", "local", "G9", "log"],
        ],
      );
      const [rej] = await store.all<{ line: bigint; file: string; reason: string }>(
        "SELECT line, file, reason FROM rejects",
      );
      assert.equal(rej?.line, 5n, "the reject names the sheet row");
      assert.equal(rej?.file, `${file}#June`);
      assert.match(rej?.reason ?? "", /unknown direction/);
    });
  });

  it("reads only the sheet named, and names the sheets when it is not there", async () => {
    const file = await workbook();
    await withDb(async (store) => {
      const [only, ...rest] = await ingestWorkbook(store, file, { sheet: "July" });
      assert.equal(rest.length, 0);
      assert.equal(only?.loaded, 1);
      await assert.rejects(
        ingestWorkbook(store, file, { sheet: "May" }),
        /no sheet named "May"; the workbook has "June", "July"/,
      );
    });
  });
});

describe("ingest: an Excel workbook that inflates past the limits", () => {
  it("is refused from its zip directory before any sheet is read, naming the limits", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("crossings");
    ws.addRow(["record_id", "crossed_at", "direction", "port", "nationality", "doc_number"]);
    ws.addRow(["x1", "2019-06-03", "entry", "Quanhe", "PRK", "x".repeat(4 << 20)]);
    const path = join(tmp.dir, "inflating.xlsx");
    await wb.xlsx.writeFile(path);
    await withDb(async (store) => {
      await assert.rejects(ingestWorkbook(store, path), (err: Error) => {
        assert.match(
          err.message,
          /inflating\.xlsx: decompresses to more than \d+ bytes.*--max-ratio 100/,
        );
        return true;
      });
      const [runs] = await store.all<{ n: bigint }>("SELECT count(*) AS n FROM records");
      assert.equal(runs?.n, 0n);
      // The same workbook within raised limits is read.
      const [r] = await ingestWorkbook(store, path, {
        limits: { maxLineBytes: 8 << 20, maxDecompressedBytes: 1 << 30, maxRatio: 10_000 },
      });
      assert.equal(r?.loaded, 1);
    });
  });
});
