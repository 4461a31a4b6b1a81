/**
 * `sojourn case`: cases from the command line (the server has the same in its API): list, show,
 * open, add items, add a note, and `case export` — the evidence pack (src/cases/export-case.ts).
 */
import type { Command } from "commander";
import { appendAudit, cliActor } from "../../audit/audit-log.js";
import {
  addCaseItems,
  addCaseNote,
  CASE_ITEM_KINDS,
  type CaseItemKind,
  createCase,
  getCase,
  listCases,
} from "../../cases/cases.js";
import { exportCase } from "../../cases/export-case.js";
import { AppError } from "../../core/errors.js";
import type { Store } from "../../db/store.js";
import { printJson, printLine, printTable, withCommandStore } from "../output.js";

/** A case change and its audit entry, in one transaction. */
async function logged<T>(
  store: Store,
  caseId: string | null,
  detail: Record<string, unknown>,
  fn: () => Promise<T & { case_id?: string }>,
) {
  return store.transaction(async () => {
    const r = await fn();
    const id = caseId ?? r.case_id ?? null;
    await appendAudit(store, {
      actor: cliActor(),
      action: "write",
      target: id,
      detail: { case_id: id, ...detail },
    });
    return r;
  });
}

export function register(program: Command): void {
  const cases = program
    .command("case")
    .description(
      "cases: persons, alerts, cohorts, sponsors and claims grouped, with notes; evidence packs",
    )
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const all = await withCommandStore(cmd, (s) => listCases(s));
      if (opts.json) printJson(all);
      else
        printTable(all as unknown as Record<string, unknown>[], [
          "case_id",
          "title",
          "status",
          "assignee",
          "items",
          "updated_at",
        ]);
    });

  cases
    .command("show")
    .argument("<case>", "case id (C-n)")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const c = await withCommandStore(cmd, (s) => getCase(s, id));
      if (opts.json) return printJson(c);
      printLine(`${c.case_id}  ${c.title}  (${c.status}${c.assignee ? `, ${c.assignee}` : ""})`);
      if (c.entities.length)
        printTable(c.entities as unknown as Record<string, unknown>[], [
          "kind",
          "ref",
          "added_by",
          "added_at",
        ]);
      for (const n of c.notes) printLine(`— ${n.author}, ${n.created_at}: ${n.body}`);
    });

  cases
    .command("open")
    .argument("<title>", "case title")
    .option("--assignee <user>", "user the case is assigned to")
    .action(async (title: string, opts: { assignee?: string }, cmd: Command) => {
      const c = await withCommandStore(cmd, (s) =>
        logged(s, null, { opened: title }, () =>
          createCase(s, { title, assignee: opts.assignee }, cliActor()),
        ),
      );
      printLine(c.case_id);
    });

  cases
    .command("add")
    .argument("<case>", "case id")
    .argument("<kind>", CASE_ITEM_KINDS.join(" | "))
    .argument("<refs...>", "ids (person_id, alert_id, cohort_id, sponsor key, claim id)")
    .action(async (id: string, kind: string, refs: string[], _o: unknown, cmd: Command) => {
      if (!(CASE_ITEM_KINDS as readonly string[]).includes(kind))
        throw new AppError(
          "usage",
          `kind "${kind}": expected one of ${CASE_ITEM_KINDS.join(", ")}`,
        );
      const items = refs.map((ref) => ({ kind: kind as CaseItemKind, ref }));
      await withCommandStore(cmd, (s) =>
        logged(s, id, { added: items }, () => addCaseItems(s, id, items, cliActor())),
      );
      printLine(`added ${refs.length} ${kind}(s) to ${id}`);
    });

  cases
    .command("note")
    .argument("<case>", "case id")
    .argument("<text>", "the note")
    .action(async (id: string, text: string, _o: unknown, cmd: Command) => {
      await withCommandStore(cmd, (s) =>
        logged(s, id, { note: "added" }, () => addCaseNote(s, id, cliActor(), text)),
      );
      printLine(`note added to ${id}`);
    });

  registerExport(cases);
}

/** `case export`: the evidence pack, masked unless --unmask (with a reason, logged). */
function registerExport(cases: Command): void {
  cases
    .command("export")
    .description(
      "write the case's evidence pack into a new folder: report, CSV and FtM of its entities,\n" +
        "cited records, source files with SHA-256, audit entries (masked unless --unmask)",
    )
    .argument("<case>", "case id")
    .requiredOption("--out <dir>", "a new or empty folder")
    .option("--unmask", "names, document numbers and birth dates in full (logged, with --reason)")
    .option("--reason <text>", "why the pack is unmasked (required with --unmask)")
    .option("--json", "print JSON")
    .action(
      async (
        id: string,
        opts: { out: string; unmask?: boolean; reason?: string; json?: boolean },
        cmd: Command,
      ) => {
        if (opts.unmask && !opts.reason?.trim())
          throw new AppError(
            "usage",
            "--unmask needs --reason: an unmasked export is logged with why",
          );
        const r = await withCommandStore(cmd, async (s) => {
          const result = await exportCase(s, id, opts.out, { unmask: !!opts.unmask });
          await s.transaction(() =>
            appendAudit(s, {
              actor: cliActor(),
              action: "export",
              target: id,
              detail: {
                case_id: id,
                out: result.out,
                masked: result.masked,
                reason: opts.reason ?? null,
                counts: result.counts,
              },
            }),
          );
          return result;
        });
        if (opts.json) return printJson(r);
        printLine(
          `${r.case_id} → ${r.out}: ${r.files.length} files (${r.masked ? "masked" : "UNMASKED"}); ` +
            Object.entries(r.counts)
              .map(([k, v]) => `${k} ${v}`)
              .join(", "),
        );
      },
    );
}
