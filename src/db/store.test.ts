import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withDb } from "../../test/helpers/with-db.js";

describe("Store.connect({ keepPrepared })", () => {
  it("reads through kept statements that follow a replaced table, and runs what cannot be prepared", async () => {
    await withDb(async (store) => {
      const reader = await store.connect({ keepPrepared: true });
      try {
        await store.run("CREATE TABLE t AS SELECT 1 AS a, 'x' AS b");
        const sql = "SELECT * FROM t WHERE a = $a";
        assert.deepEqual(await reader.json(sql, { a: 1 }), [{ a: 1, b: "x" }]);
        assert.deepEqual(await reader.json(sql, { a: 2 }), []);
        await store.run("CREATE OR REPLACE TABLE t AS SELECT 1 AS a, 'y' AS b, 3 AS c");
        assert.deepEqual(await reader.json(sql, { a: 1 }), [{ a: 1, b: "y", c: 3 }]);
        await store.run("DROP TABLE t");
        await assert.rejects(reader.json(sql, { a: 1 }), /t does not exist/);
        await store.run("CREATE TABLE t AS SELECT 1 AS a, 'z' AS b");
        assert.deepEqual(await reader.json(sql, { a: 1 }), [{ a: 1, b: "z" }]);
        assert.deepEqual(await reader.all("SELECT ? + 1 AS x", [41]), [{ x: 42 }]);
        assert.deepEqual(await reader.json("SELECT 1 AS x; SELECT $v AS y", { v: 2 }), [{ y: 2 }]);
        await assert.rejects(reader.json("SELECT $v FROM nowhere", { v: 1 }), /nowhere/);
      } finally {
        reader.close();
      }
    });
  });
});

describe("Store.connect({ offEventLoop, vouched })", () => {
  it("runs a polled statement as a plain one and answers only for the facts it was given", async () => {
    await withDb(async (store) => {
      const job = await store.connect({ offEventLoop: true, vouched: ["read-tables-built"] });
      try {
        await job.runPolled("CREATE TABLE t AS SELECT range AS a FROM range(1000)");
        assert.deepEqual(await store.json("SELECT count(*)::INTEGER AS n FROM t"), [{ n: 1000 }]);
        await assert.rejects(job.runPolled("SELECT * FROM nowhere"), /nowhere/);
        assert.equal(job.vouches("read-tables-built"), true);
        assert.equal(job.vouches("anything else"), false);
        assert.equal(store.vouches("read-tables-built"), false);
      } finally {
        job.close();
      }
    });
  });
});
