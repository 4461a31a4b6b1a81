/**
 * How an API route is declared: method, path, least role, summary, the zod shapes of its path
 * parameters, query and JSON body, and the schema of its answer. What every route shares is added
 * here — the role check and error responses (`apiRoute`, ../auth.ts), the JSON body and answer
 * wrappers, the unmask query and its grant check — so a route module states only what is its
 * own, and its handler gets validated input and returns the answer.
 */
import { type RouteConfig, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Credential } from "../../users/users.js";
import { type Access, type AddRoute, type AppEnv, apiRoute, credOf } from "../auth.js";
import type { ServerContext } from "../context.js";
import { answerKey } from "../response-cache.js";
import { checkUnmask, type UnmaskRequest } from "../unmask.js";
import { Any, Json, UnmaskQuery } from "./schemas.js";

type Shape = z.ZodRawShape;
type Method = "GET" | "POST" | "PATCH" | "DELETE";
type Out<S extends Shape> = z.output<z.ZodObject<S>>;

/** What a handler gets: the validated request and the caller. */
export interface RouteInput<P extends Shape, Q extends Shape, B extends z.ZodType> {
  params: Out<P>;
  query: Out<Q>;
  body: z.output<B>;
  /** The caller (a 401 on a public route nobody is logged in to). */
  readonly cred: Credential;
  /** Whether the read is unmasked (routes with `unmask`; false elsewhere). */
  unmask: boolean;
  c: Context<AppEnv>;
}

export interface JsonRouteDef<
  P extends Shape,
  Q extends Shape,
  B extends z.ZodType,
  R extends z.ZodType,
> {
  /** The method and the path, as `GET /api/persons/{person_id}`. */
  route: `${Method} ${string}`;
  access: Access;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  /**
   * A read that may be unmasked: adds `unmask` and `case` to the query and checks the caller's
   * grant (../unmask.ts); the function names the read in the audit entry.
   */
  unmask?: (input: { params: Out<P>; query: Out<Q> }) => string;
  /** The JSON body; `upload` instead takes the body as a stream of bytes (../uploads.ts). */
  body?: B;
  /** The body may be left out. */
  optionalBody?: boolean;
  upload?: boolean;
  /** The answer's schema and description. */
  response: [R, string];
  /**
   * A read whose masked answer depends on the store's data alone (not on who asks): kept as its
   * JSON text (../response-cache.ts) until the next data write (`true`: a browsing read) or
   * until a job writes the store (`"view"`: a whole-store view).
   */
  cached?: boolean | "view";
  /**
   * Queries (as a client sends them) whose answers the server computes and keeps before anyone
   * asks: at start and after each job that emptied them (the first pages users open).
   */
  warm?: Record<string, string>[];
  /** 202: a queued job. */
  status?: 200 | 202;
  /** Responses beyond the answer and the shared errors. */
  responses?: RouteConfig["responses"];
}

/**
 * A read of one thing by the id in its path (`{name}`, at most `max` characters), answered as
 * the read model's object (`schema` in the OpenAPI document) and masked unless asked: an
 * unmasked read is logged as `noun id`. The masked answer is kept until the next data write.
 */
export function byId<N extends string>(name: N, max: number, noun: string, schema: string) {
  return {
    cached: true,
    params: { [name]: z.string().min(1).max(max) } as Record<N, z.ZodString>,
    unmask: ({ params }: { params: Record<N, string> }) => `${noun} ${params[name]}`,
    response: [Any(schema), `the ${noun}`] as [ReturnType<typeof Any>, string],
  };
}

const UPLOAD = {
  content: {
    "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) },
  },
  required: true,
  description: "the file's bytes, streamed",
};

function request(def: JsonRouteDef<Shape, Shape, z.ZodType, z.ZodType>) {
  const query = def.unmask ? { ...def.query, ...UnmaskQuery } : def.query;
  const body = def.upload
    ? UPLOAD
    : def.body && {
        content: { "application/json": { schema: def.body } },
        ...(def.optionalBody ? {} : { required: true }),
      };
  return {
    ...(def.params && { params: z.object(def.params) }),
    ...(query && { query: z.object(query) }),
    ...(body && { body }),
  };
}

/** A route of the API: its declaration and its handler, which returns the answer. */
export function jsonRoute<
  P extends Shape = Shape,
  Q extends Shape = Shape,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(
  def: JsonRouteDef<P, Q, B, R>,
  handler: (input: RouteInput<P, Q, B>, ctx: ServerContext) => Promise<z.input<R>> | z.input<R>,
): AddRoute {
  const d = def as unknown as JsonRouteDef<Shape, Shape, z.ZodType, z.ZodType>;
  const status = d.status ?? 200;
  const [method, path] = d.route.split(" ") as [Method, string];
  const route = apiRoute({
    method: method.toLowerCase() as Lowercase<Method>,
    path,
    access: d.access,
    summary: d.summary,
    ...(d.description && { description: d.description }),
    request: request(d),
    responses: { [status]: Json(...d.response), ...d.responses },
  });
  return (app, ctx) => {
    app.openapi(route, (async (c: Context<AppEnv>) => {
      // Validated by the route's own schemas before the handler runs.
      const valid = (target: string) => c.req.valid(target as never) as never;
      const params: never = d.params ? valid("param") : ({} as never);
      const query: never = d.query || d.unmask ? valid("query") : ({} as never);
      const input: RouteInput<P, Q, B> = {
        params,
        query,
        body: d.body && !d.upload ? valid("json") : (undefined as never),
        get cred() {
          return credOf(c);
        },
        unmask: d.unmask
          ? await checkUnmask(c, ctx, query as UnmaskRequest, d.unmask({ params, query }))
          : false,
        c,
      };
      if (!d.cached || input.unmask) return c.json((await handler(input, ctx)) as never, status);
      const text = await keptAnswer(d, ctx, params, query, () => handler(input, ctx));
      return c.body(text, status, { "Content-Type": "application/json" });
    }) as never);
    for (const raw of d.warm ?? []) ctx.warmers.push(warmer(d, ctx, raw, handler as never));
  };
}

type AnyDef = JsonRouteDef<Shape, Shape, z.ZodType, z.ZodType>;

/** The kept JSON text of a cached route's masked answer, keyed by its validated input. */
function keptAnswer(
  d: AnyDef,
  ctx: ServerContext,
  params: unknown,
  query: unknown,
  answer: () => unknown,
): Promise<string> {
  return ctx.responses.get(
    answerKey(d.route, params, query),
    async () => JSON.stringify(await answer()),
    d.cached === "view" ? "view" : "browse",
  );
}

/**
 * Computes and keeps the masked answer to `raw` (a query as a client sends it, validated by the
 * route's own schema, so the key is the one a request for it finds). No caller: a handler that
 * reads who asks fails, and the answer is left to the first request.
 */
function warmer(
  d: AnyDef,
  ctx: ServerContext,
  raw: Record<string, string>,
  handler: (input: RouteInput<Shape, Shape, z.ZodType>, ctx: ServerContext) => unknown,
): () => Promise<void> {
  const shape = d.unmask ? { ...d.query, ...UnmaskQuery } : (d.query ?? {});
  return async () => {
    const query = z.object(shape).parse(raw) as never;
    const input: RouteInput<Shape, Shape, z.ZodType> = {
      params: {} as never,
      query,
      body: undefined as never,
      get cred(): never {
        throw new Error(`${d.route} is warmed without a caller`);
      },
      unmask: false,
      c: undefined as never,
    };
    await keptAnswer(d, ctx, {}, query, () => handler(input, ctx));
  };
}
