/**
 * `sojourn serve`: who may do what. The authorization matrix walks every operation of the
 * OpenAPI document (each states its least role in x-required-role) for every role and for no
 * login; then CSRF, session fixation, cookie flags, throttled logins, markup and the one error
 * shape for bad input.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ROLES, type Role, roleAtLeast } from "../src/users/roles.js";
import {
  assertError,
  Client,
  PASSWORD,
  startTestServer,
  type TestServer,
} from "./server-client.js";

interface Operation {
  method: string;
  path: string;
  role: "public" | Role;
}

function operations(doc: {
  paths: Record<string, Record<string, { "x-required-role"?: string }>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods))
      ops.push({
        method: method.toUpperCase(),
        path,
        role: op["x-required-role"] as Operation["role"],
      });
  return ops;
}

/** Path parameters filled with ids that exist nowhere: an allowed caller gets a 4xx, never 401/403. */
function concrete(path: string): string {
  return path.replace(/\{kind\}/g, "person").replace(/\{[^}]+\}/g, "X-1");
}

describe("sojourn serve: authorization", () => {
  let t: TestServer;
  let ops: Operation[];
  before(async () => {
    t = await startTestServer();
    const doc = await t.anonymous().get<Parameters<typeof operations>[0]>("/api/openapi.json");
    assert.equal(doc.status, 200);
    ops = operations(doc.body);
  });
  after(() => t.close());

  it("the OpenAPI document is 3.1 and every operation states its least role", async () => {
    const doc = await t.anonymous().get<{ openapi: string }>("/api/openapi.json");
    assert.equal(doc.body.openapi, "3.1.0");
    assert.ok(ops.length >= 20, `only ${ops.length} operations`);
    for (const op of ops)
      assert.ok(
        ["public", ...ROLES].includes(op.role),
        `${op.method} ${op.path}: x-required-role ${op.role}`,
      );
  });

  it("every route × every role: allowed or denied as its role says (API tokens)", async () => {
    const rows: string[] = [];
    for (const op of ops) {
      if (op.path === "/api/auth/logout") continue; // ends the caller's session: below
      for (const who of ["anonymous", ...ROLES] as const) {
        const c = new Client(t.server.url, who === "anonymous" ? null : t.tokens[who]);
        const r = await c.request(
          op.method,
          concrete(op.path),
          op.method === "GET" ? {} : { json: {} },
        );
        assert.ok(r.status < 500, `${who} ${op.method} ${op.path}: ${r.status} ${r.text}`);
        const allowed = op.role === "public" || (who !== "anonymous" && roleAtLeast(who, op.role));
        if (allowed)
          assert.ok(
            ![401, 403].includes(r.status),
            `${who} ${op.method} ${op.path} denied: ${r.text}`,
          );
        else
          assertError(
            r,
            who === "anonymous" ? 401 : 403,
            who === "anonymous" ? "unauthenticated" : "forbidden",
          );
        rows.push(`${who} ${op.method} ${op.path} ${r.status}`);
      }
    }
    assert.equal(rows.length, (ops.length - 1) * 4);
  });

  it("logout: every role may end its own session, no login may not", async () => {
    assertError(await t.anonymous().post("/api/auth/logout"), 401);
    for (const role of ROLES) {
      const c = await t.as(role);
      const r = await c.post("/api/auth/logout");
      assert.equal(r.status, 200, r.text);
      assertError(await c.get("/api/auth/me"), 401);
    }
  });

  it("writes with a session need the CSRF token; cross-site requests are refused", async () => {
    const c = await t.as("analyst");
    assertError(
      await c.request("POST", "/api/cases", { json: { title: "x" }, csrf: false }),
      403,
      "csrf",
    );
    assertError(
      await c.request("POST", "/api/cases", {
        json: { title: "x" },
        csrf: false,
        headers: { "X-CSRF-Token": "forged" },
      }),
      403,
      "csrf",
    );
    assertError(
      await c.request("POST", "/api/cases", {
        json: { title: "x" },
        headers: { Origin: "https://evil.example" },
      }),
      403,
      "csrf",
    );
    assertError(
      await c.request("POST", "/api/cases", {
        json: { title: "x" },
        headers: { "Sec-Fetch-Site": "cross-site" },
      }),
      403,
      "csrf",
    );
    const ok = await c.post("/api/cases", { title: "with token" });
    assert.equal(ok.status, 200, ok.text);
    // Another session's token does not do.
    const other = await t.as("analyst");
    assert.notEqual(other.csrf, c.csrf);
    assertError(
      await c.request("POST", "/api/cases", {
        json: { title: "x" },
        csrf: false,
        headers: { "X-CSRF-Token": other.csrf ?? "" },
      }),
      403,
      "csrf",
    );
    // An API token is not ambient (a browser never sends it by itself): no CSRF token needed.
    const script = new Client(t.server.url, t.tokens.analyst);
    assert.equal((await script.post("/api/cases", { title: "by script" })).status, 200);
  });

  it("login issues a new session id and ends the one the client brought (no fixation); cookie flags", async () => {
    const victim = new Client(t.server.url);
    victim.cookie = "sojourn_session=attacker-chosen-id";
    const r = await victim.login("viewer");
    assert.equal(r.status, 200, r.text);
    const setCookie = r.headers.get("set-cookie") ?? "";
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Strict/i);
    assert.match(setCookie, /Path=\//);
    assert.notEqual(victim.cookie, "sojourn_session=attacker-chosen-id");
    // A real earlier session, brought to a new login, is ended by it.
    const before = victim.cookie;
    const stolen = new Client(t.server.url);
    stolen.cookie = before;
    assert.equal((await stolen.get("/api/auth/me")).status, 200);
    await victim.login("viewer");
    assert.notEqual(victim.cookie, before);
    assertError(await stolen.get("/api/auth/me"), 401);
    assert.equal((await victim.get("/api/auth/me")).status, 200);
  });

  it("an unknown user and a wrong password get the same answer", async () => {
    const c = new Client(t.server.url);
    const a = await c.post("/api/auth/login", { name: "nobody", password: "whatever password" });
    const b = await c.post("/api/auth/login", { name: "viewer", password: "whatever password" });
    assertError(a, 401);
    assertError(b, 401);
    assert.deepEqual(a.body, b.body);
  });

  it("markup in names, titles and notes is stored as text and served as JSON only", async () => {
    const c = await t.as("analyst");
    const markup = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const made = await c.post<{ case_id: string; title: string }>("/api/cases", { title: markup });
    assert.equal(made.status, 200);
    assert.equal(made.body.title, markup);
    const note = await c.post<{ body: string }>(`/api/cases/${made.body.case_id}/notes`, {
      body: markup,
    });
    assert.equal(note.body.body, markup);
    const got = await c.get(`/api/cases/${made.body.case_id}`);
    assert.match(got.headers.get("content-type") ?? "", /^application\/json/);
    assert.equal(got.headers.get("x-content-type-options"), "nosniff");
    // User names are plain: markup is refused with the error shape.
    const admin = new Client(t.server.url, t.tokens.admin);
    assertError(
      await admin.post("/api/users", { name: "<b>eve</b>", role: "viewer", password: PASSWORD }),
      400,
      "bad-request",
    );
  });

  it("bad input is a 4xx in the error shape, never a 500", async () => {
    const c = new Client(t.server.url, t.tokens.admin);
    assertError(await c.get("/api/nowhere"), 404, "not-found");
    assertError(await c.get("/api/audit?limit=-3"), 400, "bad-request");
    assertError(await c.get("/api/audit?since=yesterday"), 400, "bad-request");
    assertError(
      await c.request("POST", "/api/cases", {
        body: "{not json",
        headers: { "Content-Type": "application/json" },
      }),
      400,
    );
    assertError(await c.post("/api/cases", { title: 42 }), 400, "bad-request");
    assertError(await c.post("/api/cases", { title: "" }), 400);
    assertError(
      await c.post("/api/cases/C-999/items", { items: [{ kind: "person", ref: "P-NOPE" }] }),
      404,
      "not-found",
    );
    assertError(await c.post("/api/alerts/nope/review", { status: "maybe" }), 400, "bad-request");
    assertError(await c.post("/api/alerts/nope/review", { status: "confirmed" }), 404, "not-found");
    assertError(await c.request("PATCH", "/api/users/nobody", { json: { role: "viewer" } }), 404);
    assertError(
      await c.request("POST", "/api/users", {
        json: { name: "x", role: "root", password: PASSWORD },
      }),
      400,
    );
    const bad = await t
      .anonymous()
      .request("GET", "/api/auth/me", { headers: { Authorization: "Basic abc" } });
    assertError(bad, 401);
  });
  it("failed logins are throttled per name, with Retry-After; the audit log has them", async () => {
    const c = t.anonymous();
    for (let i = 0; i < 5; i++)
      assertError(
        await c.post("/api/auth/login", { name: "admin", password: "wrong password!" }),
        401,
      );
    const r = await c.post("/api/auth/login", { name: "admin", password: PASSWORD });
    assertError(r, 429, "throttled");
    assert.ok(Number(r.headers.get("retry-after")) >= 1);
    const admin = new Client(t.server.url, t.tokens.admin);
    const log = await admin.get<{ entries: { action: string; actor: string }[] }>(
      "/api/audit?action=login.failed&user=admin",
    );
    assert.ok(log.body.entries.length >= 5);
  });

  // Last: the server answers before reading the whole body and closes that connection.
  it("a JSON body over 1 MiB is a 413 in the error shape", async () => {
    const c = new Client(t.server.url, t.tokens.admin);
    const big = await c.request("POST", "/api/cases", {
      body: JSON.stringify({ title: "x".repeat(2 << 20) }),
      headers: { "Content-Type": "application/json" },
    });
    assertError(big, 413, "too-large");
  });
});
