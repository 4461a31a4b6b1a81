/**
 * The audit log's hash chain: changing or deleting any one entry (or its head) is found by
 * `verifyAudit`; `sojourn audit verify` exits non-zero on it and lists entries by user and date.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { appendAudit, listAudit, recordAudit, verifyAudit } from "../src/audit/audit-log.js";
import { Store } from "../src/db/store.js";
import { runCli, tempDir, withDb } from "./helpers/with-db.js";

const ENTRIES = 6;

async function fill(store: Store): Promise<void> {
  for (let i = 0; i < ENTRIES; i++)
    await recordAudit(store, {
      actor: i % 2 ? "alice" : "bob",
      action: i % 3 === 0 ? "read.unmasked" : "review",
      target: `A-${i}`,
      detail: { n: i, reason: "<b>markup</b> stays text" },
    });
}

/** Applies `change` in a transaction, verifies, and rolls back. */
async function tampered(
  store: Store,
  change: string,
): Promise<Awaited<ReturnType<typeof verifyAudit>>> {
  await store.run("BEGIN TRANSACTION");
  try {
    await store.run(change);
    return await verifyAudit(store);
  } finally {
    await store.run("ROLLBACK");
  }
}

describe("audit log", () => {
  it("an untouched chain verifies", async () => {
    await withDb(async (store) => {
      await fill(store);
      const r = await verifyAudit(store);
      assert.equal(r.ok, true, JSON.stringify(r.problems));
      assert.equal(r.entries, ENTRIES);
      assert.equal(r.head?.seq, ENTRIES);
    });
  });

  it("finds any one entry changed, field by field", async () => {
    await withDb(async (store) => {
      await fill(store);
      const changes = [
        "actor = 'mallory'",
        "action = 'login'",
        "target = 'A-99'",
        `detail = '{"n":0}'`,
        "logged_at = logged_at + INTERVAL 1 SECOND",
        "hash = repeat('0', 64)",
        "prev_hash = repeat('1', 64)",
      ];
      for (let seq = 1; seq <= ENTRIES; seq++)
        for (const set of changes) {
          const r = await tampered(store, `UPDATE audit_log SET ${set} WHERE seq = ${seq}`);
          assert.equal(r.ok, false, `seq ${seq}: ${set} not found`);
          assert.ok(
            r.problems.some((p) => p.seq === seq || p.seq === seq + 1),
            `seq ${seq}: ${set}`,
          );
        }
      assert.equal((await verifyAudit(store)).ok, true);
    });
  });

  it("finds any one entry deleted, the last one included, and a changed head", async () => {
    await withDb(async (store) => {
      await fill(store);
      for (let seq = 1; seq <= ENTRIES; seq++) {
        const r = await tampered(store, `DELETE FROM audit_log WHERE seq = ${seq}`);
        assert.equal(r.ok, false, `deleting ${seq} not found`);
      }
      assert.equal((await tampered(store, "DELETE FROM audit_head")).ok, false);
      assert.equal((await tampered(store, "UPDATE audit_head SET seq = seq - 1")).ok, false);
      // Deleting the last entry and winding the head back still breaks against a head kept elsewhere.
      const head = (await verifyAudit(store)).head?.hash ?? "";
      await store.run("BEGIN TRANSACTION");
      await store.run(`DELETE FROM audit_log WHERE seq = ${ENTRIES}`);
      await store.run(
        `UPDATE audit_head SET seq = ${ENTRIES - 1}, hash = (SELECT hash FROM audit_log WHERE seq = ${ENTRIES - 1})`,
      );
      assert.equal((await verifyAudit(store)).ok, true, "a rewound head alone cannot tell");
      assert.equal((await verifyAudit(store, { expectHead: head })).ok, false);
      await store.run("ROLLBACK");
    });
  });

  it("lists entries by user, action and date", async () => {
    await withDb(async (store) => {
      await fill(store);
      await store.transaction(() =>
        appendAudit(store, { actor: "carol", action: "login" }, new Date("2020-01-01T00:00:00Z")),
      );
      assert.equal((await listAudit(store, { actor: "alice" })).length, ENTRIES / 2);
      assert.equal((await listAudit(store, { action: "read.unmasked" })).length, 2);
      const since = await listAudit(store, { since: "2021-01-01" });
      assert.equal(since.length, ENTRIES);
      assert.ok(since.every((e) => e.actor !== "carol"));
      assert.equal((await listAudit(store, { since: "2019-12-31" })).length, ENTRIES + 1);
    });
  });

  it("sojourn audit verify exits 3 on a changed entry and names it", async () => {
    const tmp = tempDir("sojourn-audit-");
    try {
      const db = join(tmp.dir, "s.duckdb");
      const store = await Store.open(db);
      await fill(store);
      store.close();
      const ok = runCli(["--db", db, "audit", "verify"]);
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /intact: 6 entries/);
      const listed = runCli(["--db", db, "audit", "--user", "alice", "--json"]);
      assert.equal((JSON.parse(listed.stdout) as unknown[]).length, 3);
      assert.equal(runCli(["--db", db, "audit", "--since", "last week"]).status, 2);
      const s2 = await Store.open(db);
      await s2.run("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
      s2.close();
      const bad = runCli(["--db", db, "audit", "verify"]);
      assert.equal(bad.status, 3);
      assert.match(bad.stdout, /entry 3 was altered/);
    } finally {
      tmp.cleanup();
    }
  });
});
