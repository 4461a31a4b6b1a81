/**
 * One error shape for every failure the API returns, and the one table that maps error codes to
 * HTTP statuses. Feature code throws AppError (core/errors.ts); the HTTP layer adds its own
 * codes for what only it knows (authentication, roles, CSRF, throttling, body size).
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, type ErrorCode } from "../core/errors.js";

export const API_ERROR_CODES = [
  "bad-request",
  "unauthenticated",
  "forbidden",
  "csrf",
  "not-found",
  "conflict",
  "too-large",
  "unsupported-media-type",
  "throttled",
  "unavailable",
  "internal",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const API_STATUS: Record<ApiErrorCode, ContentfulStatusCode> = {
  "bad-request": 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  "not-found": 404,
  conflict: 409,
  "too-large": 413,
  "unsupported-media-type": 415,
  throttled: 429,
  unavailable: 503,
  internal: 500,
};

/** AppError codes as API codes: a bad argument or file is the client's (4xx), a store fault 503. */
const FROM_APP: Record<ErrorCode, ApiErrorCode> = {
  usage: "bad-request",
  input: "bad-request",
  config: "bad-request",
  "not-found": "not-found",
  store: "unavailable",
  internal: "internal",
};

export interface Issue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { issues?: Issue[]; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const ErrorSchema = z
  .object({
    error: z.object({
      status: z.number().int(),
      code: z.enum(API_ERROR_CODES),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("Error");

export type ErrorBody = z.infer<typeof ErrorSchema>;

export function errorBody(code: ApiErrorCode, message: string, issues?: Issue[]): ErrorBody {
  return { error: { status: API_STATUS[code], code, message, ...(issues ? { issues } : {}) } };
}

export function errorResponse(c: Context, err: unknown): Response {
  let code: ApiErrorCode;
  let message: string;
  let issues: Issue[] | undefined;
  if (err instanceof ApiError) {
    code = err.code;
    message = err.message;
    issues = err.extra.issues;
    if (err.extra.retryAfter) c.header("Retry-After", String(err.extra.retryAfter));
  } else if (err instanceof AppError) {
    code = FROM_APP[err.code];
    message = err.message;
  } else if (err instanceof HTTPException) {
    // Hono's own: a body it could not parse as JSON, or a body over the size limit.
    code = err.status === 413 ? "too-large" : err.status < 500 ? "bad-request" : "internal";
    message = err.message || "bad request";
  } else {
    code = "internal";
    message = "internal error";
  }
  return c.json(errorBody(code, message, issues), API_STATUS[code]);
}

/** Zod issues as the error shape's issues, with where the value was (query, params, json). */
export function zodIssues(target: string, error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    path: [target, ...i.path.map(String)].join("."),
    message: i.message,
  }));
}
