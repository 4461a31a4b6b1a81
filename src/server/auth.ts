/**
 * Who is asking, and may they. A request carries a session cookie (browsers: HttpOnly,
 * SameSite=Strict) or an API token (`Authorization: Bearer sjt_…`, scripts). Every route states
 * the least role it needs (`x-required-role` in the OpenAPI document, which the authorization
 * test walks); a write with a session cookie must also carry the session's CSRF token in
 * `X-CSRF-Token`, and a request a browser marks cross-site is refused.
 */
import { timingSafeEqual } from "node:crypto";
import { createRoute, OpenAPIHono, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { type Role, roleAtLeast } from "../users/roles.js";
import type { Credential } from "../users/users.js";
import { lookupSession, lookupToken, sha256Hex } from "../users/users.js";
import type { ServerContext } from "./context.js";
import { ApiError, ErrorSchema } from "./errors.js";

export const SESSION_COOKIE = "sojourn_session";
export const CSRF_HEADER = "X-CSRF-Token";

export interface AppEnv {
  Variables: { cred: Credential | null };
}

/** Least role a route needs; `public` routes need no login. */
export type Access = "public" | Role;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * How long a looked-up session or token is trusted without asking the store again. A logout, a
 * revoked token or a disabled user is a write, which empties the cache at once; only a session's
 * own expiry can be honoured up to this late.
 */
const CREDENTIAL_TTL_MS = 10_000;

export function authenticate(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let cred: Credential | null = null;
    const header = c.req.header("Authorization");
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m?.[1])
        throw new ApiError("unauthenticated", "Authorization: expected 'Bearer <token>'");
      const token = m[1] as string;
      cred =
        (await ctx.cache.get(`token:${sha256Hex(token)}`, CREDENTIAL_TTL_MS, () =>
          ctx.reads.use((s) => lookupToken(s, token)),
        )) ?? null;
      if (!cred) throw new ApiError("unauthenticated", "unknown or revoked API token");
    } else {
      const id = getCookie(c, SESSION_COOKIE);
      if (id)
        cred =
          (await ctx.cache.get(`session:${sha256Hex(id)}`, CREDENTIAL_TTL_MS, () =>
            ctx.reads.use((s) => lookupSession(s, id)),
          )) ?? null;
    }
    c.set("cred", cred);
    await next();
  };
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refuses what a browser marks as coming from another site. */
export function checkSameSite(c: Context): void {
  const site = c.req.header("Sec-Fetch-Site");
  if (site === "cross-site")
    throw new ApiError("csrf", "cross-site request refused (Sec-Fetch-Site: cross-site)");
  const origin = c.req.header("Origin");
  if (origin && origin !== "null") {
    const host = c.req.header("Host");
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (!host || originHost !== host)
      throw new ApiError(
        "csrf",
        `request from origin ${origin} refused: not this server (${host})`,
      );
  }
}

export function requireAccess(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const unsafe = !SAFE_METHODS.has(c.req.method);
    if (unsafe) checkSameSite(c);
    if (access !== "public") {
      const cred = c.get("cred");
      if (!cred)
        throw new ApiError(
          "unauthenticated",
          "log in first (POST /api/auth/login) or send an API token",
        );
      if (unsafe && cred.csrfToken !== null) {
        const sent = c.req.header(CSRF_HEADER);
        if (!sent || !equal(sent, cred.csrfToken))
          throw new ApiError(
            "csrf",
            `missing or wrong ${CSRF_HEADER} header (GET /api/auth/me returns the token)`,
          );
      }
      if (!roleAtLeast(cred.user.role, access))
        throw new ApiError(
          "forbidden",
          `${c.req.method} ${c.req.path} needs the ${access} role; ${cred.user.name} is ${cred.user.role}`,
        );
    }
    await next();
  };
}

/** The credential of a route that required a login. */
export function credOf(c: Context<AppEnv>): Credential {
  const cred = c.get("cred");
  if (!cred) throw new ApiError("unauthenticated", "log in first");
  return cred;
}

const ERROR_RESPONSES = {
  400: { description: "bad input", content: { "application/json": { schema: ErrorSchema } } },
  401: { description: "not logged in", content: { "application/json": { schema: ErrorSchema } } },
  403: {
    description: "role too low, or CSRF",
    content: { "application/json": { schema: ErrorSchema } },
  },
  404: { description: "not found", content: { "application/json": { schema: ErrorSchema } } },
} as const;

/** createRoute with the route's least role, its middleware and the error responses. */
export function apiRoute<R extends Omit<RouteConfig, "middleware"> & { access: Access }>(def: R) {
  const { access, ...route } = def;
  return createRoute({
    ...route,
    "x-required-role": access,
    middleware: [requireAccess(access)] as const,
    responses: { ...ERROR_RESPONSES, ...route.responses },
  });
}

/** Registers one route on a feature's app. */
export type AddRoute = (app: OpenAPIHono<AppEnv>, ctx: ServerContext) => void;

type RouteDef = Omit<RouteConfig, "middleware"> & { access: Access };

/**
 * A route with the least role it needs (apiRoute) and its handler, which gets the server context
 * and answers itself: for an answer that is not JSON (a file download). JSON routes are declared
 * with jsonRoute (routes/json-route.ts); a feature's routes are a list of them (routeGroup).
 */
export function guarded<R extends RouteDef>(
  def: R,
  handler: (
    c: Parameters<RouteHandler<ReturnType<typeof apiRoute<R>>, AppEnv>>[0],
    ctx: ServerContext,
  ) => ReturnType<RouteHandler<ReturnType<typeof apiRoute<R>>, AppEnv>>,
): AddRoute {
  return (app, ctx) => {
    // The handler's type is the one openapi() derives for this route; hono's bound form of it
    // is not exported, hence the cast.
    app.openapi(apiRoute(def), ((c: Parameters<typeof handler>[0]) => handler(c, ctx)) as never);
  };
}

/** A feature's routes as one app, mounted at the root. */
export function routeGroup(ctx: ServerContext, routes: readonly AddRoute[]): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  for (const add of routes) add(app, ctx);
  return app;
}
