/** Schemas shared by several routes (OpenAPI components). */
import { z } from "@hono/zod-openapi";
import { ROLES } from "../../users/roles.js";

export const Json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const UserSchema = z
  .object({
    user_id: z.number().int(),
    name: z.string(),
    role: z.enum(ROLES),
    disabled: z.boolean(),
  })
  .openapi("User");

export const OkSchema = z.object({ ok: z.literal(true) }).openapi("Ok");

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
