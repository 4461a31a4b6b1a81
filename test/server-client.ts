/** Test helpers for `sojourn serve`: a running server on a temp store, and an HTTP client with a cookie. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { type RunningServer, startServer } from "../src/server/serve.js";
import type { Role } from "../src/users/roles.js";
import { addUser, createToken } from "../src/users/users.js";
import { tempDir } from "./helpers/with-db.js";

export const PASSWORD = "correct horse battery staple";

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A browser-like client: keeps the session cookie, sends the CSRF token on writes. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(
    readonly url: string,
    readonly token: string | null = null,
  ) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: {
      json?: unknown;
      body?: Buffer | string;
      headers?: Record<string, string>;
      csrf?: boolean;
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.Cookie = this.cookie;
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (this.csrf && options.csrf !== false && method !== "GET")
      headers["X-CSRF-Token"] = this.csrf;
    let body: string | Buffer | undefined;
    if (options.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.body !== undefined) {
      headers["Content-Type"] ??= "application/octet-stream";
      body = options.body;
    }
    const res = await fetch(this.url + path, { method, headers, body });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) {
      const m = /sojourn_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `sojourn_session=${m[1]}` : null;
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = Record<string, unknown>>(path: string, json?: unknown) {
    return this.request<T>("POST", path, { json: json ?? {} });
  }

  async login(name: string, password = PASSWORD): Promise<ApiResponse> {
    const r = await this.post("/api/auth/login", { name, password });
    if (r.status === 200) this.csrf = (r.body as { csrf_token: string }).csrf_token;
    return r;
  }
}

export interface TestServer {
  server: RunningServer;
  dir: string;
  db: string;
  tokens: Record<Role, string>;
  /** A logged-in client per role. */
  as(role: Role): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

/** A server on a fresh store with one user per role (named after it) and an API token each. */
export async function startTestServer(): Promise<TestServer> {
  const tmp = tempDir("sojourn-server-");
  const db = join(tmp.dir, "store.duckdb");
  const server = await startServer(db, { port: 0, filesDir: join(tmp.dir, "files") });
  const tokens = {} as Record<Role, string>;
  for (const role of ["viewer", "analyst", "admin"] as const) {
    await server.ctx.write(async (s) => {
      const u = await addUser(s, role, role, PASSWORD);
      tokens[role] = (await createToken(s, u.user_id, `${role} test token`)).token;
    });
  }
  return {
    server,
    dir: tmp.dir,
    db,
    tokens,
    async as(role) {
      const c = new Client(server.url);
      const r = await c.login(role);
      assert.equal(r.status, 200, r.text);
      return c;
    },
    anonymous: () => new Client(server.url),
    async close() {
      await server.stop();
      tmp.cleanup();
    },
  };
}

/** Polls a job until it ends; fails the test if it does not succeed. */
export async function waitForJob(c: Client, jobId: string): Promise<Record<string, unknown>> {
  for (;;) {
    const r = await c.get<Record<string, unknown>>(`/api/jobs/${jobId}`);
    assert.equal(r.status, 200, r.text);
    if (r.body.status === "succeeded") return r.body;
    assert.notEqual(r.body.status, "failed", `job ${jobId} failed: ${String(r.body.error)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Asserts the one error shape. */
export function assertError(r: ApiResponse, status: number, code?: string): void {
  assert.equal(r.status, status, r.text);
  const e = (r.body as { error?: { status: number; code: string; message: string } }).error;
  assert.ok(e, `error shape expected: ${r.text}`);
  assert.equal(e.status, status);
  assert.equal(typeof e.message, "string");
  assert.ok(e.message.length > 0);
  if (code) assert.equal(e.code, code, r.text);
}
