/** `sojourn audit`: list the audit log; `sojourn audit verify`: check its hash chain. */
import type { Command } from "commander";
import { listAudit, verifyAudit } from "../../audit/audit-log.js";
import { AppError } from "../../core/errors.js";
import { printJson, printLine, printTable, withCommandStore } from "../output.js";

const SINCE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

export function register(program: Command): void {
  const audit = program
    .command("audit")
    .description(
      "the audit log of `sojourn serve` and the commands that change users and cases:\n" +
        "logins, unmasked reads, exports, review decisions, writes",
    )
    .option("--user <name>", "only this user's entries")
    .option(
      "--action <action>",
      "only this action (login, read.unmasked, export, review, write, …)",
    )
    .option("--since <date>", "only entries at or after this date (YYYY-MM-DD or ISO date-time)")
    .option("--case <id>", "only entries about this case")
    .option("--json", "print JSON")
    .action(
      async (
        opts: { user?: string; action?: string; since?: string; case?: string; json?: boolean },
        cmd: Command,
      ) => {
        if (opts.since && !SINCE.test(opts.since))
          throw new AppError(
            "usage",
            `--since "${opts.since}": expected YYYY-MM-DD or an ISO date-time`,
          );
        const entries = await withCommandStore(cmd, (store) =>
          listAudit(store, {
            actor: opts.user,
            action: opts.action,
            since: opts.since,
            caseId: opts.case,
          }),
        );
        if (opts.json) return printJson(entries);
        printTable(
          entries.map((e) => ({ ...e, detail: e.detail ? JSON.stringify(e.detail) : "" })),
          ["seq", "at", "actor", "action", "target", "detail"],
        );
      },
    );

  audit
    .command("verify")
    .description("check the hash chain: any altered or removed entry is reported (exit 3)")
    .option(
      "--expect-head <hash>",
      "the head hash recorded elsewhere earlier (catches a rewritten chain)",
    )
    .option("--json", "print JSON")
    .action(async (opts: { expectHead?: string; json?: boolean }, cmd: Command) => {
      const r = await withCommandStore(cmd, (store) =>
        verifyAudit(store, { expectHead: opts.expectHead }),
      );
      if (opts.json) printJson(r);
      else {
        for (const p of r.problems) printLine(`${p.problem}: ${p.message}`);
        printLine(
          r.ok
            ? `audit log intact: ${r.entries} entries; head ${r.head ? `${r.head.seq} ${r.head.hash}` : "(empty)"}`
            : `audit log NOT intact: ${r.problems.length} problem(s) in ${r.entries} entries`,
        );
      }
      if (!r.ok) process.exitCode = 3;
    });
}
