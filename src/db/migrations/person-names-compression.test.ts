import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Store } from "../store.js";
import { IDENTITY_COMPRESSION } from "./062-person-names-compression.js";

describe("migration 062: compression per column of person_names and person_documents", () => {
  it("names every column of both tables, and writes each with its method", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sojourn-compression-"));
    // A store in a file of its own: an in-memory store does not compress.
    const store = await Store.open(join(dir, "s.duckdb"));
    try {
      for (const [table, methods] of Object.entries(IDENTITY_COMPRESSION)) {
        const cols = await store.all<{ c: string }>(
          `SELECT column_name AS c FROM information_schema.columns WHERE table_name = '${table}'`,
        );
        assert.deepEqual(cols.map((r) => r.c).sort(), Object.keys(methods).sort(), table);
      }
      await store.run(`INSERT INTO person_names
        SELECT 'P-' || lpad(i::VARCHAR, 16, '0'), 'KIM YONG ' || i, 'latin', i % 7 + 1
        FROM range(150000) t(i)`);
      await store.run("CHECKPOINT");
      const rows = await store.all<{ c: string; m: string }>(
        `SELECT column_name AS c, string_agg(DISTINCT compression, ',') AS m
         FROM pragma_storage_info('person_names') WHERE segment_type <> 'VALIDITY' GROUP BY ALL`,
      );
      const stored = new Map(rows.map((r) => [r.c, r.m]));
      assert.equal(stored.get("person_id"), "FSST");
      assert.equal(stored.get("name"), "FSST");
      assert.equal(stored.get("script"), "Dictionary");
      assert.equal(stored.get("count"), "BitPacking");
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
