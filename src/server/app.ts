/**
 * The HTTP API: one Hono app, its routes declared with zod schemas from which the OpenAPI 3.1
 * document at /api/openapi.json is generated. Every failure answers in the one error shape
 * (errors.ts); bad input is a 4xx naming the field.
 */

import { performance } from "node:perf_hooks";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { type AppEnv, authenticate } from "./auth.js";
import type { ReadTiming, ServerContext } from "./context.js";
import { ApiError, errorBody, errorResponse, zodIssues } from "./errors.js";
import { adminRoutes } from "./routes/admin.js";
import { alertDetailRoutes } from "./routes/alert-detail.js";
import { authRoutes } from "./routes/auth.js";
import { caseRoutes } from "./routes/cases.js";
import { jobRoutes } from "./routes/jobs.js";
import { readRoutes } from "./routes/reads.js";
import { reviewRoutes } from "./routes/reviews.js";
import { viewRoutes } from "./routes/views.js";
import { webRoutes } from "./web/static.js";

/**
 * `Server-Timing` on every API answer: `wait` for a read connection, `db` holding one, `app` the
 * whole handler. A client's time beyond `app` was spent before the handler ran (the event loop
 * busy, the network) or sending the answer.
 */
function serverTiming(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const t: ReadTiming = { waitMs: 0, dbMs: 0 };
    const t0 = performance.now();
    await ctx.reads.measure(t, next);
    const ms = (x: number) => x.toFixed(1);
    const value = `wait;dur=${ms(t.waitMs)}, db;dur=${ms(t.dbMs)}, app;dur=${ms(performance.now() - t0)}`;
    // A response whose headers are immutable (none of the API's today) goes without.
    try {
      c.res.headers.set("Server-Timing", value);
    } catch {}
  };
}

/** JSON bodies are small; uploads (octet-stream) are streamed and limited in uploads.ts. */
const JSON_BODY_LIMIT = 1 << 20;

export const API_VERSION = "1";

export function createApp(ctx: ServerContext) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = zodIssues(result.target, result.error);
        const first = issues[0];
        return c.json(
          errorBody(
            "bad-request",
            first ? `${first.path}: ${first.message}` : "invalid request",
            issues,
          ),
          400,
        );
      }
    },
  });
  app.use("*", secureHeaders());
  app.use("/api/*", serverTiming(ctx));
  app.use("/api/*", async (c, next) => {
    const type = c.req.header("Content-Type") ?? "";
    if (type.startsWith("application/octet-stream")) return next();
    return bodyLimit({
      maxSize: JSON_BODY_LIMIT,
      onError: () => {
        throw new ApiError("too-large", `request body over ${JSON_BODY_LIMIT} bytes`);
      },
    })(c, next);
  });
  app.use("/api/*", authenticate(ctx));
  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) =>
    c.json(errorBody("not-found", `no route ${c.req.method} ${c.req.path}`), 404),
  );

  app.route("/", authRoutes(ctx));
  app.route("/", adminRoutes(ctx));
  app.route("/", reviewRoutes(ctx));
  app.route("/", caseRoutes(ctx));
  app.route("/", jobRoutes(ctx));
  app.route("/", readRoutes(ctx));
  app.route("/", viewRoutes(ctx));
  app.route("/", alertDetailRoutes(ctx));
  app.route("/", webRoutes());

  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "sojourn_session",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "token", {
    type: "http",
    scheme: "bearer",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Sojourn API",
      version: API_VERSION,
      description:
        "Reads, review, cases and jobs over one Sojourn store. Log in (POST /api/auth/login) for a session cookie and send its CSRF token in X-CSRF-Token on every write, or send an API token as a bearer token. Each operation's x-required-role is the least role it needs.",
    },
    security: [{ session: [] }, { token: [] }],
  });
  return app;
}
