/** Users (admin) and the audit log (admin). */
import { z } from "@hono/zod-openapi";
import { listAudit, verifyAudit } from "../../audit/audit-log.js";
import { ROLES } from "../../users/roles.js";
import { addUser, listUsers, updateUser } from "../../users/users.js";
import { credOf, guarded, routeGroup } from "../auth.js";
import { type ServerContext, writeAudited } from "../context.js";
import { Json, UserSchema } from "./schemas.js";

const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    hash: z.string(),
  })
  .openapi("AuditEntry");

const IsoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/,
    "expected YYYY-MM-DD or an ISO date-time",
  );

export function adminRoutes(ctx: ServerContext) {
  return routeGroup(ctx, [getUsers, postUsers, patchUsersName, getAudit, getAuditVerify]);
}

const getUsers = guarded(
  {
    method: "get",
    path: "/api/users",
    access: "admin",
    summary: "every user",
    responses: { 200: Json(z.object({ users: z.array(UserSchema) }), "users") },
  },
  async (c, ctx) => c.json({ users: await ctx.reads.use(listUsers) }, 200),
);

const postUsers = guarded(
  {
    method: "post",
    path: "/api/users",
    access: "admin",
    summary: "add a user",
    request: {
      body: {
        content: {
          "application/json": {
            schema: z.object({
              name: z.string().min(1).max(64),
              role: z.enum(ROLES),
              password: z.string().min(12).max(1024),
            }),
          },
        },
        required: true,
      },
    },
    responses: { 200: Json(UserSchema, "the user") },
  },
  async (c, ctx) => {
    const cred = credOf(c);
    const body = c.req.valid("json");
    const user = await writeAudited(
      ctx,
      (s) => addUser(s, body.name, body.role, body.password),
      (u) => ({
        actor: cred.user.name,
        action: "user",
        target: u.name,
        detail: { added: u.name, role: u.role },
      }),
    );
    return c.json(user, 200);
  },
);

const patchUsersName = guarded(
  {
    method: "patch",
    path: "/api/users/{name}",
    access: "admin",
    summary: "change a user's role, password or disabled flag (ends their sessions)",
    request: {
      params: z.object({ name: z.string().max(64) }),
      body: {
        content: {
          "application/json": {
            schema: z.object({
              role: z.enum(ROLES).optional(),
              password: z.string().min(12).max(1024).optional(),
              disabled: z.boolean().optional(),
            }),
          },
        },
        required: true,
      },
    },
    responses: { 200: Json(UserSchema, "the user") },
  },
  async (c, ctx) => {
    const cred = credOf(c);
    const { name } = c.req.valid("param");
    const change = c.req.valid("json");
    const user = await writeAudited(
      ctx,
      (s) => updateUser(s, name, change),
      () => ({
        actor: cred.user.name,
        action: "user",
        target: name,
        detail: {
          changed: name,
          ...(change.role ? { role: change.role } : {}),
          ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
          ...(change.password ? { password: "changed" } : {}),
        },
      }),
    );
    return c.json(user, 200);
  },
);

const getAudit = guarded(
  {
    method: "get",
    path: "/api/audit",
    access: "admin",
    summary: "audit log entries, oldest first",
    request: {
      query: z.object({
        user: z.string().max(64).optional(),
        action: z.string().max(40).optional(),
        since: IsoDate.optional(),
        case: z.string().max(40).optional(),
        limit: z.coerce.number().int().min(1).max(10000).default(1000),
      }),
    },
    responses: { 200: Json(z.object({ entries: z.array(AuditEntrySchema) }), "entries") },
  },
  async (c, ctx) => {
    const q = c.req.valid("query");
    const entries = await ctx.reads.use((s) =>
      listAudit(s, {
        actor: q.user,
        action: q.action,
        since: q.since,
        caseId: q.case,
        limit: q.limit,
      }),
    );
    return c.json({ entries }, 200);
  },
);

const getAuditVerify = guarded(
  {
    method: "get",
    path: "/api/audit/verify",
    access: "admin",
    summary: "check the audit log's hash chain: altered, removed or missing entries",
    responses: {
      200: Json(
        z.object({
          ok: z.boolean(),
          entries: z.number().int(),
          head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
          problems: z.array(
            z.object({
              seq: z.number().int().nullable(),
              problem: z.string(),
              message: z.string(),
            }),
          ),
        }),
        "verification",
      ),
    },
  },
  async (c, ctx) => c.json(await ctx.reads.use((s) => verifyAudit(s)), 200),
);
