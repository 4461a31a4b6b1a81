/** Users (admin) and the audit log (admin). */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { appendAudit, listAudit, verifyAudit } from "../../audit/audit-log.js";
import { ROLES } from "../../users/roles.js";
import { addUser, listUsers, updateUser } from "../../users/users.js";
import { type AppEnv, apiRoute, credOf } from "../auth.js";
import type { ServerContext } from "../context.js";
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
  const app = new OpenAPIHono<AppEnv>();
  for (const add of [getUsers, postUsers, patchUsersName, getAudit, getAuditVerify]) add(app, ctx);
  return app;
}

function getUsers(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.openapi(
    apiRoute({
      method: "get",
      path: "/api/users",
      access: "admin",
      summary: "every user",
      responses: { 200: Json(z.object({ users: z.array(UserSchema) }), "users") },
    }),
    async (c) => c.json({ users: await ctx.reads.use(listUsers) }, 200),
  );
}

function postUsers(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.openapi(
    apiRoute({
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
    }),
    async (c) => {
      const cred = credOf(c);
      const body = c.req.valid("json");
      const user = await ctx.write((s) =>
        s.transaction(async () => {
          const u = await addUser(s, body.name, body.role, body.password);
          await appendAudit(s, {
            actor: cred.user.name,
            action: "user",
            target: u.name,
            detail: { added: u.name, role: u.role },
          });
          return u;
        }),
      );
      return c.json(user, 200);
    },
  );
}

function patchUsersName(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.openapi(
    apiRoute({
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
    }),
    async (c) => {
      const cred = credOf(c);
      const { name } = c.req.valid("param");
      const change = c.req.valid("json");
      const user = await ctx.write((s) =>
        s.transaction(async () => {
          const u = await updateUser(s, name, change);
          await appendAudit(s, {
            actor: cred.user.name,
            action: "user",
            target: name,
            detail: {
              changed: name,
              ...(change.role ? { role: change.role } : {}),
              ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
              ...(change.password ? { password: "changed" } : {}),
            },
          });
          return u;
        }),
      );
      return c.json(user, 200);
    },
  );
}

function getAudit(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.openapi(
    apiRoute({
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
    }),
    async (c) => {
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
}

function getAuditVerify(app: OpenAPIHono<AppEnv>, ctx: ServerContext): void {
  app.openapi(
    apiRoute({
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
    }),
    async (c) => c.json(await ctx.reads.use((s) => verifyAudit(s)), 200),
  );
}
