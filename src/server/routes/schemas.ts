/** Schemas shared by several routes (OpenAPI components). */
import { z } from "@hono/zod-openapi";
import { ROLES } from "../../users/roles.js";

/** An object schema the OpenAPI document lists by name (components.schemas). */
export const named = <S extends z.ZodRawShape>(name: string, shape: S) =>
  z.object(shape).openapi(name);

export const Json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const UserSchema = named("User", {
  user_id: z.number().int(),
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
});

export const OkSchema = z.object({ ok: z.literal(true) }).openapi("Ok");

/** An object the OpenAPI document names but does not detail (a read model's own shape). */
export const Any = (name: string) => z.record(z.string(), z.unknown()).openapi(name);

/** Cursor paging: the page size and the `next` of the previous page. */
export const Paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
};

/** A query flag: `true` or `false` (absent: false). */
export const Flag = z.enum(["true", "false"]).optional();

/** Asks for unmasked names and documents: needs an analyst's unmask grant (POST /api/auth/unmask). */
export const UnmaskQuery = {
  unmask: Flag.openapi({
    description: "true: names and document numbers unmasked (analyst with an unmask grant; logged)",
  }),
  case: z
    .string()
    .max(40)
    .optional()
    .openapi({ description: "case the read is for (a grant for that case covers it)" }),
};
