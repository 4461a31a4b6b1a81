/** Users (admin) and the audit log (admin). */
import { z } from "@hono/zod-openapi";
import { listAudit, verifyAudit } from "../../audit/audit-log.js";
import { ROLES } from "../../users/roles.js";
import { addUser, listUsers, updateUser } from "../../users/users.js";
import { routeGroup } from "../auth.js";
import { type ServerContext, writeAudited } from "../context.js";
import { jsonRoute } from "./json-route.js";
import { named, UserSchema } from "./schemas.js";

const AuditEntrySchema = named("AuditEntry", {
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
});

const IsoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/,
    "expected YYYY-MM-DD or an ISO date-time",
  );

const Password = z.string().min(12).max(1024);

const VerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  problems: z.array(
    z.object({ seq: z.number().int().nullable(), problem: z.string(), message: z.string() }),
  ),
});

export function adminRoutes(ctx: ServerContext) {
  return routeGroup(ctx, [getUsers, postUsers, patchUsersName, getAudit, getAuditVerify]);
}

const getUsers = jsonRoute(
  {
    route: "GET /api/users",
    access: "admin",
    summary: "every user",
    response: [z.object({ users: z.array(UserSchema) }), "users"],
  },
  async (_, ctx) => ({ users: await ctx.reads.use(listUsers) }),
);

const postUsers = jsonRoute(
  {
    route: "POST /api/users",
    access: "admin",
    summary: "add a user",
    body: z.object({ name: z.string().min(1).max(64), role: z.enum(ROLES), password: Password }),
    response: [UserSchema, "the user"],
  },
  ({ body, cred }, ctx) =>
    writeAudited(
      ctx,
      (s) => addUser(s, body.name, body.role, body.password),
      (u) => ({
        actor: cred.user.name,
        action: "user",
        target: u.name,
        detail: { added: u.name, role: u.role },
      }),
      "access",
    ),
);

const patchUsersName = jsonRoute(
  {
    route: "PATCH /api/users/{name}",
    access: "admin",
    summary: "change a user's role, password or disabled flag (ends their sessions)",
    params: { name: z.string().max(64) },
    body: z.object({
      role: z.enum(ROLES).optional(),
      password: Password.optional(),
      disabled: z.boolean().optional(),
    }),
    response: [UserSchema, "the user"],
  },
  ({ params: { name }, body: change, cred }, ctx) =>
    writeAudited(
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
      "access",
    ),
);

const getAudit = jsonRoute(
  {
    route: "GET /api/audit",
    access: "admin",
    summary: "audit log entries, oldest first",
    query: {
      user: z.string().max(64).optional(),
      action: z.string().max(40).optional(),
      since: IsoDate.optional(),
      case: z.string().max(40).optional(),
      limit: z.coerce.number().int().min(1).max(10000).default(1000),
    },
    response: [z.object({ entries: z.array(AuditEntrySchema) }), "entries"],
  },
  async ({ query: q }, ctx) => ({
    entries: await ctx.reads.use((s) =>
      listAudit(s, {
        actor: q.user,
        action: q.action,
        since: q.since,
        caseId: q.case,
        limit: q.limit,
      }),
    ),
  }),
);

const getAuditVerify = jsonRoute(
  {
    route: "GET /api/audit/verify",
    access: "admin",
    summary: "check the audit log's hash chain: altered, removed or missing entries",
    response: [VerificationSchema, "verification"],
  },
  (_, ctx) => ctx.reads.use((s) => verifyAudit(s)),
);
