/**
 * The API client: same-origin JSON over the session cookie; every write carries the session's
 * CSRF token (X-CSRF-Token). An error answer becomes an ApiFailure with the server's message.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Me {
  user: { user_id: number; name: string; role: "viewer" | "analyst" | "admin" };
  csrf_token: string;
}

export interface Api {
  get<T>(path: string, query?: Record<string, string | number | boolean | undefined>): Promise<T>;
  send<T>(method: "POST" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T>;
}

export function withQuery(
  path: string,
  query: Record<string, string | number | boolean | undefined> = {},
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== "" && v !== false) q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}${path.includes("?") ? "&" : "?"}${s}` : path;
}

async function answer<T>(res: Response): Promise<T> {
  const body = res.headers.get("Content-Type")?.includes("json") ? await res.json() : null;
  if (!res.ok) {
    const e = body?.error;
    throw new ApiFailure(res.status, e?.code ?? "error", e?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

/**
 * `early`: GETs started before the session was known (the first page's data, fetched alongside
 * the session rather than after it); each is used once, by the first GET of its URL, if it
 * succeeded.
 */
export function createApi(
  csrf: () => string | null,
  early: Map<string, Promise<Response>> = new Map(),
): Api {
  return {
    async get(path, query) {
      const url = withQuery(path, query);
      const started = early.get(url);
      early.delete(url);
      const res = started ? await started.catch(() => null) : null;
      return answer(res?.ok ? res : await fetch(url, { credentials: "same-origin" }));
    },
    async send(method, path, body) {
      const headers: Record<string, string> = { "X-CSRF-Token": csrf() ?? "" };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      return answer(
        await fetch(path, {
          method,
          credentials: "same-origin",
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    },
  };
}
