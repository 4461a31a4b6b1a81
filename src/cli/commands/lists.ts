/**
 * `sojourn lists import FILE…` loads a sanctions list (UN XML, OFAC CSV set or XML, EU XML,
 * OpenSanctions FtM JSON lines) as the current version of that list and reports what changed;
 * `sojourn lists` shows the stored lists; `sojourn lists changes` the differences of past imports.
 */
import type { Command } from "commander";
import { AppError } from "../../core/errors.js";
import { LIST_FORMATS, type ListFormat } from "../../core/screening/index.js";
import { readListChanges, readStoredLists } from "../../read/lists.js";
import { importList } from "../../sanctions/import-list.js";
import { diffListVersions } from "../../sanctions/list-diff.js";
import { importsToFinish, storeScreeningIndex } from "../../sanctions/load-index.js";
import { readListFiles } from "../../sanctions/read-list-files.js";
import {
  type RefreshResult,
  refreshAfterListImport,
} from "../../sanctions/refresh-after-import.js";
import { printJson, printLine, printTable, withCommandStore } from "../output.js";

interface ImportOpts {
  format?: string;
  list?: string;
  listVersion?: string;
  json?: boolean;
}

export function register(program: Command): void {
  const lists = program
    .command("lists")
    .description(
      "sanctions lists: import UN, OFAC (SDN and non-SDN consolidated), EU, US CSL and OpenSanctions files; versions and diffs",
    )
    .action(async (_opts: unknown, cmd: Command) => showLists(cmd, false));

  lists
    .command("show")
    .description("the stored lists: version, entities, DPRK-related, files")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => showLists(cmd, !!opts.json));

  lists
    .command("import")
    .description(
      "import a list file (format detected from content); OFAC CSV: sdn.csv with alt.csv, add.csv, sdn_comments.csv (found beside a file named sdn.csv, or given)",
    )
    .argument("<files...>", "list file(s)")
    .option("--format <format>", `one of ${LIST_FORMATS.join(", ")} (default: detected)`)
    .option(
      "--list <name>",
      "store under this list name (default: UN-SC, OFAC-SDN, OFAC-CONS, EU-FSF, US-CSL, OpenSanctions)",
    )
    .option(
      "--list-version <version>",
      "version label when the file carries none (default: a date in the file name); not --version, which is sojourn's own",
    )
    .option("--json", "print the import result as JSON")
    .action(importLists);

  lists
    .command("diff")
    .description(
      "what changed between two stored versions of a list (default: its last two imports)",
    )
    .requiredOption("--list <name>", "the list (UN-SC, OFAC-SDN, OFAC-CONS, US-CSL, EU-FSF, …)")
    .option("--from <import>", "the older import id (sojourn lists changes shows them)")
    .option("--to <import>", "the newer import id")
    .option("--json", "print JSON")
    .action(
      async (opts: { list: string; from?: string; to?: string; json?: boolean }, cmd: Command) => {
        const id = (v: string | undefined, flag: string) => {
          if (v === undefined) return undefined;
          if (!/^\d+$/.test(v))
            throw new AppError("usage", `${flag} must be an import id, got "${v}"`);
          return Number(v);
        };
        const range = { from: id(opts.from, "--from"), to: id(opts.to, "--to") };
        await withCommandStore(cmd, async (store) => {
          const d = await diffListVersions(store, opts.list, range);
          if (opts.json) return printJson(d);
          printLine(
            `${d.list}: import ${d.from.importId} (${d.from.version ?? "no version"}) → ${d.to.importId} (${d.to.version ?? "no version"}): ${d.added} added, ${d.removed} removed, ${d.changed} changed`,
          );
          if (d.changes.length)
            printTable(
              d.changes.map((c) => ({ ...c, fields: c.fields.join(", ") })),
              ["change", "reference", "name", "fields"],
            );
        });
      },
    );

  lists
    .command("changes")
    .description("what each import added, removed and changed")
    .option("--list <name>", "only this list")
    .option("--import <id>", "only this import")
    .option("--json", "print JSON")
    .action(async (opts: { list?: string; import?: string; json?: boolean }, cmd: Command) => {
      await withCommandStore(cmd, async (store) => {
        if (opts.import && !/^\d+$/.test(opts.import))
          throw new AppError("usage", `--import must be an import id, got "${opts.import}"`);
        const rows = await readListChanges(store, {
          list: opts.list,
          importId: opts.import === undefined ? undefined : Number(opts.import),
        });
        if (opts.json) printJson(rows);
        else printTable(rows);
      });
    });
}

async function showLists(cmd: Command, json: boolean): Promise<void> {
  await withCommandStore(cmd, async (store) => {
    const rows = await readStoredLists(store);
    if (json) printJson(rows);
    else if (rows.length === 0)
      printLine("no sanctions lists imported; see sojourn lists import --help");
    else
      printTable(rows, [
        "list",
        "version",
        "format",
        "entities",
        "persons",
        "dprk_related",
        "imported",
        "files",
      ]);
  });
}

async function importLists(files: string[], opts: ImportOpts, cmd: Command): Promise<void> {
  if (opts.format && !LIST_FORMATS.includes(opts.format as ListFormat))
    throw new AppError(
      "usage",
      `--format "${opts.format}": expected one of ${LIST_FORMATS.join(", ")}`,
    );
  const read = readListFiles(files, {
    format: opts.format as ListFormat | undefined,
    list: opts.list,
  });
  await withCommandStore(cmd, async (store) => {
    const r = await importList(store, read, { version: opts.listVersion });
    // This import, and any whose command stopped after its commit, are re-screened and
    // indexed; the index is stored last, so a stop before it is finished by the rerun.
    const pending = await importsToFinish(store);
    let refresh: RefreshResult | null = null;
    for (const p of pending) {
      const done = await refreshAfterListImport(store, p.list, p.importId);
      if (p.list === r.list) refresh = done;
    }
    if (pending.length > 0) await storeScreeningIndex(store);
    if (opts.json) return printJson({ ...r, refresh });
    for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
    if (r.unchanged) {
      printLine(
        `${r.list}: ${r.files.join(", ")} is already the stored version (${r.version ?? "no version"}); ${pending.length ? "finished the re-screening and index of an interrupted import" : "nothing changed"}`,
      );
      return;
    }
    printLine(
      `${r.list} ${r.version ?? "(no version)"}: ${r.entities} entities (${r.dprk} DPRK-related), ${r.names} names and aliases from ${r.files.join(", ")}`,
    );
    if (r.previousVersion !== null || r.changes.length)
      printLine(
        `since ${r.previousVersion ?? "the previous import"}: ${r.added} added, ${r.removed} removed, ${r.changed} changed`,
      );
    const shown = r.changes.slice(0, 30);
    if (shown.length)
      printTable(
        shown.map((c) => ({ ...c, fields: c.fields.join(", ") })),
        ["change", "reference", "name", "fields"],
      );
    if (r.changes.length > shown.length)
      printLine(
        `… and ${r.changes.length - shown.length} more (sojourn lists diff --list ${r.list})`,
      );
    if (refresh && !refresh.skipped) {
      printLine(
        `re-screened ${refresh.subjects} sponsors and persons against ${refresh.entries} new or changed entries: ${refresh.hits} hits, ${refresh.newHits.length} new${refresh.sponsorAlerts === null ? "" : `; sanctioned-sponsor alerts: ${refresh.sponsorAlerts}`}`,
      );
      for (const h of refresh.newHits.slice(0, 20))
        printLine(
          `  new hit: ${h.subjectKind} ${h.subjectKind === "person" ? "(masked)" : h.subject} → ${h.list} ${h.reference} (${h.score.toFixed(2)})`,
        );
    }
  });
}
