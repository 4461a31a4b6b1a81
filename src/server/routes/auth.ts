/** Login, logout, who am I, unmask grants and API tokens. */

import { getConnInfo } from "@hono/node-server/conninfo";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { recordAudit } from "../../audit/audit-log.js";
import {
  checkPassword,
  createSession,
  createToken,
  endSession,
  grantUnmask,
  listTokens,
  revokeToken,
} from "../../users/users.js";
import { routeGroup, SESSION_COOKIE } from "../auth.js";
import { type ServerContext, writeAudited } from "../context.js";
import { ApiError } from "../errors.js";
import { jsonRoute } from "./json-route.js";
import { Json, named, OkSchema, UserSchema } from "./schemas.js";

const LoginBody = z.object({
  name: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

const MeSchema = z.object({ user: UserSchema, csrf_token: z.string().nullable() }).openapi("Me");

const GrantSchema = named("UnmaskGrant", {
  grant_id: z.number().int(),
  case_id: z.string().nullable(),
  reason: z.string(),
  expires_at: z.string(),
});

const TokenSchema = named("ApiToken", {
  token_id: z.number().int(),
  label: z.string(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
});

export function authRoutes(ctx: ServerContext) {
  return routeGroup(ctx, [
    postAuthLogin,
    postAuthLogout,
    getAuthMe,
    postAuthUnmask,
    getTokens,
    postTokens,
    deleteTokensTokenId,
  ]);
}

const postAuthLogin = jsonRoute(
  {
    route: "POST /api/auth/login",
    access: "public",
    summary:
      "log in: sets a new session cookie (any earlier one is ended) and returns the CSRF token",
    body: LoginBody,
    response: [MeSchema, "logged in"],
    responses: { 429: Json(z.any(), "too many failed logins") },
  },
  async ({ body: { name, password }, c }, ctx) => {
    const address = clientAddress(c);
    const keys = [`user:${name}`, `addr:${address}`];
    const wait = await ctx.reads.use((s) => ctx.throttle.retryAfter(s, keys));
    if (wait > 0)
      throw new ApiError("throttled", `too many failed logins; try again in ${wait} s`, {
        retryAfter: wait,
      });
    const user = await ctx.reads.use((s) => checkPassword(s, name, password, ctx.decoyHash));
    if (!user) {
      await ctx.write(async (s) => {
        await ctx.throttle.fail(s, keys);
        await recordAudit(s, { actor: name, action: "login.failed", detail: { address } });
      }, "access");
      throw new ApiError("unauthenticated", "wrong name or password");
    }
    // No fixation: whatever session id the client sent is ended, and a new one is issued.
    const previous = getCookie(c, SESSION_COOKIE);
    const session = await writeAudited(
      ctx,
      async (s) => {
        await ctx.throttle.succeed(s, [`user:${name}`]);
        if (previous) await endSession(s, previous);
        return createSession(s, user.user_id, ctx.options.sessionHours);
      },
      () => ({ actor: user.name, action: "login", detail: { address } }),
      "access",
    );
    setCookie(c, SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: "Strict",
      secure: ctx.options.secureCookies,
      path: "/",
      expires: session.expiresAt,
    });
    return { user, csrf_token: session.csrfToken };
  },
);

const postAuthLogout = jsonRoute(
  {
    route: "POST /api/auth/logout",
    access: "viewer",
    summary: "end this session (and its unmask grants)",
    response: [OkSchema, "logged out"],
  },
  async ({ cred, c }, ctx) => {
    const id = getCookie(c, SESSION_COOKIE);
    await writeAudited(
      ctx,
      async (s) => {
        if (id) await endSession(s, id);
      },
      () => ({ actor: cred.user.name, action: "logout" }),
      "access",
    );
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return { ok: true as const };
  },
);

const getAuthMe = jsonRoute(
  {
    route: "GET /api/auth/me",
    access: "viewer",
    summary: "the logged-in user and the session's CSRF token (null with an API token)",
    response: [MeSchema, "the user"],
  },
  ({ cred }) => ({ user: cred.user, csrf_token: cred.csrfToken }),
);

const postAuthUnmask = jsonRoute(
  {
    route: "POST /api/auth/unmask",
    access: "analyst",
    summary:
      "state why names and document numbers must be seen: grants unmasked reads to this session or token, for one case or all (logged)",
    body: z.object({
      reason: z.string().trim().min(10).max(1000),
      case_id: z.string().max(40).nullable().optional(),
    }),
    response: [GrantSchema, "the grant"],
  },
  ({ body: { reason, case_id }, cred }, ctx) =>
    writeAudited(
      ctx,
      async (s) => {
        if (case_id && !(await s.one("SELECT 1 FROM cases WHERE case_id = ?", [case_id])))
          throw new ApiError("not-found", `no case ${case_id}`);
        return grantUnmask(s, cred, reason, case_id ?? null, ctx.options.unmaskHours);
      },
      (g) => ({
        actor: cred.user.name,
        action: "unmask.granted",
        target: case_id ?? null,
        detail: { reason, case_id: case_id ?? null, expires_at: g.expires_at },
      }),
      "access",
    ),
);

const getTokens = jsonRoute(
  {
    route: "GET /api/tokens",
    access: "viewer",
    summary: "your API tokens",
    response: [z.object({ tokens: z.array(TokenSchema) }), "tokens"],
  },
  async ({ cred }, ctx) => ({
    tokens: await ctx.reads.use((s) => listTokens(s, cred.user.user_id)),
  }),
);

const postTokens = jsonRoute(
  {
    route: "POST /api/tokens",
    access: "viewer",
    summary: "a new API token for scripts (shown once); it has your role",
    body: z.object({ label: z.string().trim().min(1).max(100) }),
    response: [z.object({ token_id: z.number().int(), token: z.string() }), "the token"],
  },
  ({ body: { label }, cred }, ctx) =>
    writeAudited(
      ctx,
      (s) => createToken(s, cred.user.user_id, label),
      (created) => ({
        actor: cred.user.name,
        action: "token",
        detail: { created: created.token_id, label },
      }),
      "access",
    ),
);

const deleteTokensTokenId = jsonRoute(
  {
    route: "DELETE /api/tokens/{token_id}",
    access: "viewer",
    summary: "revoke one of your API tokens",
    params: { token_id: z.coerce.number().int().positive() },
    response: [OkSchema, "revoked"],
  },
  async ({ params: { token_id }, cred }, ctx) => {
    await writeAudited(
      ctx,
      (s) => revokeToken(s, cred.user.user_id, token_id),
      () => ({ actor: cred.user.name, action: "token", detail: { revoked: token_id } }),
      "access",
    );
    return { ok: true as const };
  },
);

/** The client's address (for throttling and the audit log); "unknown" outside a node server. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
