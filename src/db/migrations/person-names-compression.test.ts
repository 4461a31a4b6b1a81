import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Store } from "../store.js";

describe("migration 062: compression per column of person_names and person_documents", () => {
  it("writes each column of both tables with its method", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sojourn-compression-"));
    // A store in a file of its own: an in-memory store does not compress.
    const store = await Store.open(join(dir, "s.duckdb"));
    try {
      await store.run(`INSERT INTO person_names
        SELECT 'P-' || lpad(i::VARCHAR, 16, '0'), 'KIM YONG ' || i, 'latin', i % 7 + 1
        FROM range(150000) t(i)`);
      await store.run(`INSERT INTO person_documents
        SELECT 'P-' || lpad(i::VARCHAR, 16, '0'), 'PD' || (1000000 + i), DATE '2019-01-01' + (i % 300)::INTEGER,
               DATE '2019-11-01' + (i % 30)::INTEGER, CASE WHEN i % 9 = 0 THEN 'CHN' ELSE 'PRK' END
        FROM range(150000) t(i)`);
      await store.run("CHECKPOINT");
      const rows = await store.all<{ c: string; m: string }>(
        `SELECT t || '.' || column_name AS c, string_agg(DISTINCT compression, ',') AS m
         FROM (SELECT 'person_names' AS t, * FROM pragma_storage_info('person_names')
               UNION ALL SELECT 'person_documents', * FROM pragma_storage_info('person_documents'))
         WHERE segment_type <> 'VALIDITY' GROUP BY ALL ORDER BY c`,
      );
      assert.deepEqual(Object.fromEntries(rows.map((r) => [r.c, r.m])), {
        "person_documents.doc_number": "FSST",
        "person_documents.first_seen": "BitPacking",
        "person_documents.last_seen": "BitPacking",
        "person_documents.nationality": "Dictionary",
        "person_documents.person_id": "FSST",
        "person_names.count": "BitPacking",
        "person_names.name": "FSST",
        "person_names.person_id": "FSST",
        "person_names.script": "Dictionary",
      });
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
