/**
 * Unmasked reads. Names, document numbers and birth dates are masked unless the request asks
 * (`unmask=true`), the user is at least an analyst, and the session or token holds an unmask
 * grant (POST /api/auth/unmask: a stated reason, for the session or one case). Every unmasked
 * read is written to the audit log with the grant's reason.
 */
import type { Context } from "hono";
import { recordAudit } from "../audit/audit-log.js";
import { roleAtLeast } from "../users/roles.js";
import { findUnmaskGrant } from "../users/users.js";
import { type AppEnv, credOf } from "./auth.js";
import type { ServerContext } from "./context.js";
import { ApiError } from "./errors.js";

export interface UnmaskRequest {
  unmask?: "true" | "false";
  case?: string;
}

/**
 * Whether this read is unmasked; throws 403 when it asks without the right. `what` names the
 * read in the audit entry (e.g. "person P-…").
 */
export async function checkUnmask(
  c: Context<AppEnv>,
  ctx: ServerContext,
  q: UnmaskRequest,
  what: string,
): Promise<boolean> {
  if (q.unmask !== "true") return false;
  const cred = credOf(c);
  if (!roleAtLeast(cred.user.role, "analyst"))
    throw new ApiError(
      "forbidden",
      `unmasked data needs the analyst role; ${cred.user.name} is ${cred.user.role}`,
    );
  const caseId = q.case ?? null;
  const grant = await ctx.reads.use((s) => findUnmaskGrant(s, cred, caseId));
  if (!grant)
    throw new ApiError(
      "forbidden",
      `no unmask grant for this ${cred.csrfToken === null ? "token" : "session"}${caseId ? ` or case ${caseId}` : ""}: state a reason first (POST /api/auth/unmask)`,
    );
  await ctx.write(
    (s) =>
      recordAudit(s, {
        actor: cred.user.name,
        action: "read.unmasked",
        target: what,
        detail: {
          route: `${c.req.method} ${c.req.path}`,
          query: c.req.query(),
          reason: grant.reason,
          grant_id: grant.grant_id,
          case_id: grant.case_id ?? caseId,
        },
      }),
    "access",
  );
  return true;
}
