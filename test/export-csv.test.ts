/**
 * CSV exports neutralise cells a spreadsheet would run as formulas (OWASP CSV injection):
 * a text cell starting with =, +, -, @, tab or CR gets a leading single quote.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { csvCellSql, neutraliseCsvCell } from "../src/core/csv-cell.js";
import { ALERTS_EXPORT } from "../src/export/kinds.js";
import { csvText } from "../src/export/write-csv.js";
import { writeExport } from "../src/export/write-export.js";
import { tempDir, withDb } from "./helpers/with-db.js";

const FORMULAS = [
  '=HYPERLINK("http://x.invalid","y")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "-2+3",
  "\tx",
  "\rx",
];

describe("CSV formula neutralisation", () => {
  it("prefixes formula-like text with a single quote and leaves the rest", () => {
    for (const f of FORMULAS) assert.equal(neutraliseCsvCell(f), `'${f}`);
    for (const v of ["KIM", "2019-06-01", "", " =x", 12, null])
      assert.equal(neutraliseCsvCell(v), v);
    const rows = parse(csvText([{ a: FORMULAS[0], b: 3 }], ["a", "b"]), { columns: true });
    assert.deepEqual(rows, [{ a: `'${FORMULAS[0]}`, b: "3" }]);
  });

  it("the SQL twin agrees", async () => {
    await withDb(async (store) => {
      for (const v of [...FORMULAS, "KIM", " =x", ""]) {
        const row = await store.one<{ c: string }>(`SELECT ${csvCellSql("$1")} AS c`, [v]);
        assert.equal(row?.c, neutraliseCsvCell(v), JSON.stringify(v));
      }
    });
  });

  it("export … --format csv writes no cell that starts a formula", async () => {
    const tmp = tempDir("sojourn-export-csv-");
    try {
      await withDb(async (store) => {
        for (const [i, f] of FORMULAS.entries())
          await store.run(
            `INSERT INTO alerts (alert_id, rule, rule_version, score, person_id, summary, record_keys)
             VALUES (?, 'visa-run', '1', 1, ?, ?, [])`,
            [`a${i}`, f, f],
          );
        const out = join(tmp.dir, "alerts.csv");
        await writeExport(store, ALERTS_EXPORT, "csv", out);
        const rows = parse(readFileSync(out, "utf8"), { columns: true }) as Record<
          string,
          string
        >[];
        assert.equal(rows.length, FORMULAS.length);
        for (const r of rows) {
          for (const [k, v] of Object.entries(r))
            assert.ok(!/^[=+\-@\t\r]/.test(v), `${k}: ${JSON.stringify(v)}`);
          assert.ok(FORMULAS.includes((r.summary ?? "").slice(1)));
        }
      });
    } finally {
      tmp.cleanup();
    }
  });
});
