/**
 * `sojourn serve` end to end on a small simulated season: a crossings file streamed up as an
 * ingest job while reads go on, analyze as a job, alert review kept across re-analysis (and an
 * alert no longer raised says so), a case with notes, unmask grants, the evidence pack, path
 * traversal in uploads and downloads, and an audit log holding every unmasked read and export.
 * Also: a command on the store while the server runs says where the server is.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { serverLockPath } from "../src/db/server-lock.js";
import { answerKey } from "../src/server/response-cache.js";
import { simulate } from "../src/sim/simulate.js";
import { runCli } from "./helpers/with-db.js";
import {
  assertError,
  Client,
  startTestServer,
  type TestServer,
  waitForJob,
} from "./server-client.js";

interface Job {
  job_id: string;
  status: string;
  result: Record<string, unknown> | null;
  created_at: string;
  finished_at: string | null;
}

/** ISO 8601 with its offset, as the API gives every timestamp. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("sojourn serve: jobs, review, cases, export, audit", () => {
  let t: TestServer;
  let analyst: Client;
  let viewer: Client;
  let admin: Client;
  let crossings: Buffer;
  before(async () => {
    t = await startTestServer();
    const sim = join(t.dir, "sim");
    await simulate({ out: sim, scale: 0.005, seed: 7 });
    crossings = readFileSync(join(sim, "crossings.csv"));
    analyst = await t.as("analyst");
    viewer = await t.as("viewer");
    admin = new Client(t.server.url, t.tokens.admin);
  });
  after(() => t.close());

  it("refuses upload names that are paths; nothing is written outside the uploads folder", async () => {
    for (const name of [
      "../escape.csv",
      "..",
      "/etc/passwd",
      ".hidden",
      "a/b.csv",
      "a\\b.csv",
      "%2e%2e%2fx",
    ]) {
      const r = await analyst.request("POST", `/api/jobs/ingest?name=${encodeURIComponent(name)}`, {
        body: "x",
      });
      assertError(r, 400, "bad-request");
    }
    assert.ok(!existsSync(join(t.dir, "escape.csv")));
    assert.ok(!existsSync(join(t.dir, "files", "escape.csv")));
    assertError(
      await analyst.request("POST", "/api/jobs/ingest?name=empty.csv", { body: "" }),
      400,
    );
  });

  it("ingests a streamed upload as a job while reads keep working", async () => {
    const started = await analyst.request<Job>(
      "POST",
      "/api/jobs/ingest?name=crossings.csv&source=sim",
      {
        body: crossings,
      },
    );
    assert.equal(started.status, 202, started.text);
    let reads = 0;
    let failed = 0;
    let job: Job = started.body;
    while (job.status === "queued" || job.status === "running") {
      for (const path of ["/api/cases", "/api/jobs", "/api/reviews"]) {
        const r = await viewer.get(path);
        reads++;
        if (r.status !== 200) failed++;
      }
      job = (await viewer.get<Job>(`/api/jobs/${started.body.job_id}`)).body;
    }
    assert.equal(job.status, "succeeded", JSON.stringify(job));
    assert.match(job.created_at, ISO_TIME);
    assert.match(String(job.finished_at), ISO_TIME);
    assert.ok(reads >= 3);
    assert.equal(failed, 0);
    assert.equal(
      job.result?.read,
      Number(job.result?.loaded) + Number(job.result?.duplicates) + Number(job.result?.rejected),
    );
    assert.ok(Number(job.result?.loaded) > 1000);
    const file = await analyst.request<Job>("POST", "/api/jobs/analyze");
    assert.equal(file.status, 202);
    await waitForJob(analyst, file.body.job_id);
  });

  let alertId = "";
  let personId = "";
  it("reviews an alert; the review survives re-analysis; an alert no longer raised says so", async () => {
    const row = await t.server.ctx.reads.use((s) =>
      s.one<{ alert_id: string; person_id: string }>(
        "SELECT alert_id, person_id FROM alerts WHERE person_id IS NOT NULL ORDER BY alert_id LIMIT 1",
      ),
    );
    assert.ok(row, "the simulated season raises alerts");
    alertId = row.alert_id;
    personId = row.person_id;
    const fresh = await viewer.get<{ review: { status: string } }>(`/api/alerts/${alertId}/review`);
    assert.equal(fresh.body.review.status, "new");
    assertError(
      await viewer.post(`/api/alerts/${alertId}/review`, { status: "confirmed" }),
      403,
      "forbidden",
    );
    assertError(
      await analyst.post(`/api/alerts/${alertId}/review`, { status: "dismissed" }),
      400,
      "bad-request",
    );
    const r = await analyst.post<{ status: string; reviewer: string; reason: string }>(
      `/api/alerts/${alertId}/review`,
      { status: "confirmed", reason: "rotation matches the <sponsor>'s contract" },
    );
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.reviewer, "analyst");
    // A full re-analysis rebuilds the alerts table: the review is still there, keyed by alert id.
    await t.server.ctx.write((s) => s.run("DELETE FROM analyze_runs"));
    const again = await analyst.request<Job>("POST", "/api/jobs/analyze");
    await waitForJob(analyst, again.body.job_id);
    const kept = await viewer.get<{
      review: { status: string; raised: boolean };
      history: unknown[];
    }>(`/api/alerts/${alertId}/review`);
    assert.equal(kept.body.review.status, "confirmed");
    assert.equal(kept.body.review.raised, true);
    assert.equal(kept.body.history.length, 1);
    // An analysis that no longer raises it (here: the row removed as a changed policy would).
    await t.server.ctx.write((s) => s.run("DELETE FROM alerts WHERE alert_id = ?", [alertId]));
    const gone = await viewer.get<{ review: { status: string; raised: boolean; rule: string } }>(
      `/api/alerts/${alertId}/review`,
    );
    assert.equal(gone.body.review.raised, false);
    assert.equal(gone.body.review.status, "confirmed");
    assert.ok(gone.body.review.rule);
    const list = await viewer.get<{ reviews: { alert_id: string }[] }>("/api/reviews?raised=false");
    assert.deepEqual(
      list.body.reviews.map((x) => x.alert_id),
      [alertId],
    );
  });

  it("reads: alerts with review status and cursor paging, persons, person detail, the rest", async () => {
    const first = await viewer.get<{
      items: { alert_id: string; review: { status: string } }[];
      next: string;
    }>("/api/alerts?limit=5&sort=score");
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.items.length, 5);
    assert.ok(first.body.next);
    const second = await viewer.get<{ items: { alert_id: string }[] }>(
      `/api/alerts?limit=5&sort=score&cursor=${encodeURIComponent(first.body.next)}`,
    );
    const ids = new Set([...first.body.items, ...second.body.items].map((a) => a.alert_id));
    assert.equal(ids.size, 10);
    const confirmed = await viewer.get<{ items: { alert_id: string; raised: boolean }[] }>(
      "/api/alerts?status=confirmed",
    );
    assert.deepEqual(
      confirmed.body.items.map((a) => a.alert_id),
      [alertId],
    );
    const fresh = await viewer.get<{ items: { alert_id: string; review: { status: string } }[] }>(
      "/api/alerts?status=new&limit=50",
    );
    assert.ok(fresh.body.items.every((a) => a.alert_id !== alertId && a.review.status === "new"));
    assertError(await viewer.get("/api/alerts?from=June"), 400, "bad-request");
    assertError(await viewer.get("/api/alerts?cursor=garbage"), 400, "bad-request");
    const detail = await viewer.get<{
      person: { display_name: string };
      records: unknown[];
      alerts: { review_status: string }[];
    }>(`/api/persons/${personId}`);
    assert.equal(detail.status, 200, detail.text);
    assert.ok(detail.body.records.length > 0);
    assertError(await viewer.get("/api/persons/P-NOBODY"), 404, "not-found");
    // A masked name finds nobody by its initials; search by the person's document number.
    const doc = await t.server.ctx.reads.use((s) =>
      s.one<{ doc_number: string }>(
        "SELECT doc_number FROM person_documents WHERE person_id = ? LIMIT 1",
        [personId],
      ),
    );
    const found = await viewer.get<{ items: { person_id: string; display_name: string }[] }>(
      `/api/persons?q=${encodeURIComponent(doc?.doc_number ?? "")}`,
    );
    assert.deepEqual(
      found.body.items.map((p) => p.person_id),
      [personId],
    );
    assertError(await viewer.get(`/api/persons/${personId}?unmask=true`), 403, "forbidden");
    assertError(await analyst.get(`/api/persons/${personId}?unmask=true`), 403, "forbidden");
    for (const path of [
      "/api/cohorts",
      "/api/sponsors",
      "/api/presence",
      "/api/runs",
      "/api/rejects",
      "/api/lists",
      "/api/evidence/sources",
      "/api/evidence/claims",
    ])
      assert.equal((await viewer.get(path)).status, 200, path);
  });

  let caseId = "";
  it("a case groups persons and alerts with notes and an assignee", async () => {
    const made = await analyst.post<{ case_id: string }>("/api/cases", {
      title: "Quanhe rotation",
      assignee: "analyst",
    });
    assert.equal(made.status, 200, made.text);
    caseId = made.body.case_id;
    const added = await analyst.post<{ entities: unknown[] }>(`/api/cases/${caseId}/items`, {
      items: [
        { kind: "person", ref: personId },
        { kind: "alert", ref: alertId },
      ],
    });
    assert.equal(added.status, 200, added.text);
    assert.equal(added.body.entities.length, 2);
    assertError(
      await analyst.post(`/api/cases/${caseId}/items`, {
        items: [{ kind: "cohort", ref: "K-NONE" }],
      }),
      404,
    );
    assertError(await analyst.post(`/api/cases/${caseId}`, {}), 404);
    await analyst.post(`/api/cases/${caseId}/notes`, {
      body: "Asked the field office for the contract.",
    });
    const c = await viewer.get<{ notes: { author: string }[]; assignee: string }>(
      `/api/cases/${caseId}`,
    );
    assert.equal(c.body.notes[0]?.author, "analyst");
    assert.equal(c.body.assignee, "analyst");
    assertError(
      await analyst.request("PATCH", `/api/cases/${caseId}`, { json: { assignee: "nobody" } }),
      404,
    );
  });

  it("unmasked exports need an analyst's stated reason; every unmasked read and export is logged", async () => {
    assertError(await viewer.post(`/api/cases/${caseId}/export?unmask=true`), 403, "forbidden");
    assertError(await analyst.post(`/api/cases/${caseId}/export?unmask=true`), 403, "forbidden");
    assertError(await analyst.post("/api/auth/unmask", { reason: "short" }), 400);
    assertError(
      await viewer.post("/api/auth/unmask", { reason: "I would like to see the names" }),
      403,
    );
    const grant = await analyst.post("/api/auth/unmask", {
      reason: "case file for the panel of experts",
      case_id: caseId,
    });
    assert.equal(grant.status, 200, grant.text);
    const person = await analyst.get<{ person: { display_name: string } }>(
      `/api/persons/${personId}?unmask=true&case=${caseId}`,
    );
    assert.equal(person.status, 200, person.text);
    const maskedPerson = await analyst.get<{ person: { display_name: string } }>(
      `/api/persons/${personId}`,
    );
    assert.notEqual(person.body.person.display_name, maskedPerson.body.person.display_name);
    // The grant is for this case only: an unmasked read for no case is refused.
    assertError(await analyst.get(`/api/persons/${personId}?unmask=true`), 403);
    // The case gets an alert still raised (its first was removed above), about a third person,
    // whom the scoped report then shows; another case holds another person, whom the pack of
    // this one must not hold.
    const raised = await t.server.ctx.reads.use((s) =>
      s.one<{ alert_id: string; person_id: string }>(
        "SELECT alert_id, person_id FROM alerts WHERE person_id NOT IN (?) ORDER BY score DESC, alert_id LIMIT 1",
        [personId],
      ),
    );
    assert.ok(raised);
    await analyst.post(`/api/cases/${caseId}/items`, {
      items: [{ kind: "alert", ref: raised.alert_id }],
    });
    const other = await t.server.ctx.reads.use((s) =>
      s.one<{ person_id: string }>(
        // The strongest alert of its rule: a report over the whole store would show them.
        `SELECT person_id FROM (SELECT person_id, row_number() OVER (PARTITION BY rule
           ORDER BY score DESC, alert_id) AS rank FROM alerts WHERE person_id IS NOT NULL)
         WHERE rank = 1 AND person_id NOT IN (?, ?) ORDER BY person_id LIMIT 1`,
        [personId, raised.person_id],
      ),
    );
    assert.ok(other);
    const otherCase = await analyst.post<{ case_id: string }>("/api/cases", { title: "Other" });
    await analyst.post(`/api/cases/${otherCase.body.case_id}/items`, {
      items: [{ kind: "person", ref: other.person_id }],
    });
    const masked = await analyst.post<Job>(`/api/cases/${caseId}/export`);
    const unmasked = await analyst.post<Job>(`/api/cases/${caseId}/export?unmask=true`);
    assert.equal(unmasked.status, 202, unmasked.text);
    const m = await waitForJob(analyst, masked.body.job_id);
    const u = await waitForJob(analyst, unmasked.body.job_id);
    const files = (m.result as { files: { path: string; sha256: string }[] }).files;
    for (const name of [
      "case.json",
      "persons.csv",
      "alerts.csv",
      "records.csv",
      "entities.ftm.json",
      "report.html",
      "audit.jsonl",
      "sources.csv",
    ])
      assert.ok(
        files.some((f) => f.path === name),
        `${name} in the pack`,
      );
    for (const f of files) {
      const r = await analyst.request(
        "GET",
        `/api/jobs/${masked.body.job_id}/files?path=${encodeURIComponent(f.path)}`,
      );
      assert.equal(r.status, 200, `${f.path}: ${r.text}`);
    }
    const manifest = await analyst.get<{
      masked: boolean;
      files: { path: string; sha256: string }[];
    }>(`/api/jobs/${masked.body.job_id}/files?path=manifest.json`);
    const parsed = JSON.parse(manifest.text) as {
      masked: boolean;
      report_scope: string;
      records: { record: string }[];
      source_files: { kind: string; sha256: string }[];
      audit: { seq: number }[];
    };
    assert.equal(parsed.masked, true);
    assert.match(parsed.report_scope, /this case only/);
    assert.ok(parsed.records.length > 0);
    assert.ok(parsed.source_files.some((f) => f.kind === "crossings"));
    assert.ok(parsed.source_files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256)));
    assert.ok(parsed.audit.length > 0);
    const dir = (m.result as { dir: string }).dir;
    assert.ok(readFileSync(join(dir, "report.html"), "utf8").includes(raised.person_id));
    for (const f of [...files.map((x) => x.path), "manifest.json"])
      assert.ok(
        !readFileSync(join(dir, f), "utf8").includes(other.person_id),
        `${f} holds ${other.person_id} of another case`,
      );
    for (const f of files)
      assert.equal(
        createHash("sha256")
          .update(readFileSync(join(dir, f.path)))
          .digest("hex"),
        f.sha256,
        f.path,
      );
    // Masked pack: no full document number of the person; the unmasked one has them.
    const docs = await t.server.ctx.reads.use((s) =>
      s.all<{ doc_number: string }>(
        "SELECT DISTINCT r.doc_number FROM person_records pr JOIN records r USING (rec_key) WHERE pr.person_id = ? AND r.doc_number IS NOT NULL",
        [personId],
      ),
    );
    assert.ok(docs.length > 0);
    const maskedRecords = readFileSync(join(dir, "records.csv"), "utf8");
    const unmaskedRecords = readFileSync(
      join((u.result as { dir: string }).dir, "records.csv"),
      "utf8",
    );
    for (const d of docs) {
      assert.ok(!maskedRecords.includes(d.doc_number), `masked pack holds ${d.doc_number}`);
      assert.ok(unmaskedRecords.includes(d.doc_number));
    }
    // Downloads: only listed files, never a path out of the pack.
    for (const p of ["../../store.duckdb", "sources/../../x", "/etc/passwd", "a\\..\\b"])
      assert.ok(
        [400, 404].includes(
          (await analyst.get(`/api/jobs/${masked.body.job_id}/files?path=${encodeURIComponent(p)}`))
            .status,
        ),
      );
    assertError(await viewer.get(`/api/jobs/${masked.body.job_id}/files?path=case.json`), 403);
    const audit = await admin.get<{
      entries: { action: string; actor: string; detail: Record<string, unknown> }[];
    }>(`/api/audit?case=${caseId}`);
    const actions = audit.body.entries.map((e) => e.action);
    assert.ok(actions.includes("unmask.granted"));
    assert.equal(
      actions.filter((a) => a === "read.unmasked").length,
      2,
      "the unmasked person read and the unmasked export request",
    );
    const exports = audit.body.entries.filter((e) => e.action === "export");
    // two export jobs, and one entry per downloaded file
    assert.equal(exports.length, 2 + files.length + 1);
    assert.ok(
      exports.some(
        (e) => e.detail.kind === "case-export" && (e.detail.params as { unmask: boolean }).unmask,
      ),
    );
    const verify = await admin.get<{ ok: boolean; entries: number }>("/api/audit/verify");
    assert.equal(verify.body.ok, true, verify.text);
  });

  it("bulk review: one decision for many alerts, all or none, each logged", async () => {
    const rows = await t.server.ctx.reads.use((s) =>
      s.all<{ alert_id: string }>(
        "SELECT alert_id FROM alerts WHERE alert_id <> ? ORDER BY alert_id LIMIT 3",
        [alertId],
      ),
    );
    const ids = rows.map((r) => r.alert_id);
    assert.equal(ids.length, 3);
    const statusOf = async (id: string) =>
      (await viewer.get<{ review: { status: string } }>(`/api/alerts/${id}/review`)).body.review
        .status;
    assertError(await viewer.post("/api/reviews", { alert_ids: ids, status: "in-review" }), 403);
    assertError(await analyst.post("/api/reviews", { alert_ids: [], status: "in-review" }), 400);
    assertError(await analyst.post("/api/reviews", { alert_ids: ids, status: "dismissed" }), 400);
    // One unknown alert: nothing lands.
    assertError(
      await analyst.post("/api/reviews", { alert_ids: [...ids, "A-NONE"], status: "in-review" }),
      404,
      "not-found",
    );
    for (const id of ids) assert.equal(await statusOf(id), "new", id);
    // Kept answers (an alert, the queue): a review written after they were read shows at once.
    const shown = async () => {
      const one = await viewer.get<{
        person_id: string | null;
        cohort_id: string | null;
        review: { status: string };
      }>(`/api/views/alerts/${ids[0]}`);
      const subject = one.body.person_id
        ? `person=${one.body.person_id}`
        : `cohort=${one.body.cohort_id}`;
      const page = await viewer.get<{ items: { alert_id: string; review: { status: string } }[] }>(
        `/api/alerts?limit=500&${subject}`,
      );
      const listed = page.body.items.find((a) => a.alert_id === ids[0]);
      return [one.body.review.status, listed?.review.status];
    };
    assert.deepEqual(await shown(), ["new", "new"]);
    const before = await admin.get<{ entries: unknown[] }>("/api/audit?action=review&limit=10000");
    const r = await analyst.post<{
      reviews: { alert_id: string; status: string; reason: string }[];
    }>("/api/reviews", {
      alert_ids: [...ids, ids[0]],
      status: "dismissed",
      reason: "same <b>crew</b> as K-1",
    });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(
      r.body.reviews.map((x) => x.alert_id),
      ids,
    );
    assert.ok(r.body.reviews.every((x) => x.status === "dismissed" && x.reason.includes("<b>")));
    for (const id of ids) assert.equal(await statusOf(id), "dismissed", id);
    assert.deepEqual(await shown(), ["dismissed", "dismissed"]);
    const logged = await admin.get<{
      entries: { target: string; actor: string; detail: { bulk?: boolean } }[];
    }>("/api/audit?action=review&limit=10000");
    const added = logged.body.entries.slice(before.body.entries.length);
    assert.deepEqual(added.map((e) => e.target).sort(), [...ids].sort());
    assert.ok(added.every((e) => e.actor === "analyst" && e.detail.bulk === true));
  });

  it("an ingest job keeps the browsing answers and renews the views; analyze renews both", async () => {
    const { responses } = t.server.ctx;
    const personKey = answerKey("GET /api/persons/{person_id}", { person_id: personId }, {});
    // The alert queue's first page as the web app asks for it, warmed after every analyze.
    const queueKey = answerKey("GET /api/alerts", {}, { sort: "score", limit: 100 });
    const kept = async (key: string) => {
      let computed = false;
      await responses.get(key, async () => {
        computed = true;
        return "{}";
      });
      responses.invalidate(computed ? ["browse"] : []);
      return !computed;
    };
    const person = await viewer.get(`/api/persons/${personId}`);
    assert.equal(person.status, 200, person.text);
    const runs = async () => ((await viewer.get("/api/runs")).body.runs as unknown[]).length;
    const before = await runs();
    assert.ok(await kept(personKey));
    const ingest = await analyst.request<Job>(
      "POST",
      "/api/jobs/ingest?name=again.csv&source=again",
      {
        body: crossings,
      },
    );
    assert.equal(ingest.status, 202, ingest.text);
    await waitForJob(analyst, ingest.body.job_id);
    assert.ok(await kept(personKey), "an ingest leaves what browsing shows");
    assert.ok(await kept(queueKey), "the alert queue's first page is kept from the start");
    assert.equal(await runs(), before + 1, "the ingest runs listing is renewed");
    const analyze = await analyst.request<Job>("POST", "/api/jobs/analyze");
    await waitForJob(analyst, analyze.body.job_id);
    assert.ok(await kept(queueKey), "the alert queue's first page is warmed again");
    // Last: a key not kept is computed as "{}" by kept(), which then empties the browsing answers.
    assert.ok(!(await kept(personKey)), "analyze rewrites what browsing shows");
    assert.equal((await viewer.get(`/api/persons/${personId}`)).status, 200);
  });

  it("a command on the store while the server runs names the server instead of a lock error", () => {
    const r = runCli(["--db", t.db, "alerts"]);
    assert.equal(r.status, 6, r.stderr);
    assert.match(
      r.stderr,
      new RegExp(`in use by sojourn serve at ${t.server.url.replace(/[.]/g, "\\.")}`),
    );
    assert.doesNotMatch(r.stderr, /Could not set lock/);
    // Without the lock file (a server of an older version, or another process), DuckDB's own
    // lock error is turned into one clear line too.
    const lock = serverLockPath(t.db);
    const saved = readFileSync(lock);
    rmSync(lock);
    try {
      const r2 = runCli(["--db", t.db, "alerts"]);
      assert.equal(r2.status, 6, r2.stderr);
      assert.match(r2.stderr, /is open in process \d+/);
      assert.doesNotMatch(r2.stderr, /IO Error/);
    } finally {
      writeFileSync(lock, saved);
    }
    assert.ok(readdirSync(t.dir).includes("store.duckdb.server.json"));
  });
});
