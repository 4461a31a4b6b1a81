/**
 * Reads list files from disk, recognises their format and parses them. Formats are recognised by
 * content, not by name: the root element of XML files, a JSON object per line for FtM, and the
 * field count of the first record for OFAC's headerless CSVs (sdn 12, add 6, alt 5, comments 2).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parse } from "csv-parse/sync";
import { AppError } from "../core/errors.js";
import { LIST_FORMATS, type ListFormat, type ParsedList } from "../core/screening/types.js";
import { listError } from "./list-errors.js";
import { parseCsl } from "./parse-csl.js";
import { parseEuXml } from "./parse-eu-xml.js";
import { parseFtm } from "./parse-ftm.js";
import { parseOfacAdvancedXml } from "./parse-ofac-advanced-xml.js";
import {
  OFAC_CSV_COLUMNS,
  OFAC_LISTS,
  type OfacCsvRole,
  type OfacList,
  parseOfacCsv,
} from "./parse-ofac-csv.js";
import { parseOfacXml } from "./parse-ofac-xml.js";
import { parseUkCsv, parseUkXml } from "./parse-uk-list.js";
import { parseUnXml } from "./parse-un-xml.js";

export interface ReadList {
  parsed: ParsedList;
  files: string[];
  sha256: string;
}

type Sniffed =
  | { format: Exclude<ListFormat, "ofac-csv"> }
  | { format: "ofac-csv"; role: OfacCsvRole };

function readText(file: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new AppError(
      "input",
      `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
  if (buf.length === 0) throw listError(file, "", "the file is empty");
  // OFAC's legacy CSVs are Windows-1252 in older releases; all recent ones are ASCII/UTF-8.
  return buf.toString("utf8");
}

export function sniffFormat(file: string, text: string): Sniffed {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("<")) {
    if (/<CONSOLIDATED_LIST[\s>]/.test(head)) return { format: "un-xml" };
    if (/<(\w+:)?sdnList[\s>]/.test(head)) return { format: "ofac-xml" };
    if (/<(\w+:)?export[\s>]/.test(head)) return { format: "eu-xml" };
    if (/<(\w+:)?Sanctions[\s>]/.test(head)) return { format: "ofac-advanced-xml" };
    if (/<(\w+:)?Designations[\s>]/.test(head)) return { format: "uk-xml" };
    throw listError(
      file,
      "",
      "XML with an unknown root element; expected CONSOLIDATED_LIST (UN), sdnList or Sanctions (OFAC), export (EU) or Designations (UK)",
    );
  }
  if (head.startsWith("{")) return { format: "ftm-json" };
  if (/^source,entity_number,type,programs,name,/.test(head)) return { format: "csl-csv" };
  if (/^(Report Date:[^\n]*\r?\n)?"?Last Updated"?,"?Unique ID"?,/.test(head))
    return { format: "uk-csv" };
  const firstLine = head.split(/\r?\n/)[0] ?? "";
  let fields: string[] = [];
  try {
    fields =
      (parse(firstLine, { relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? [];
  } catch {
    // fall through to the error below
  }
  const role = (Object.keys(OFAC_CSV_COLUMNS) as OfacCsvRole[]).find(
    (r) => OFAC_CSV_COLUMNS[r] === fields.length,
  );
  if (role && /^\d+$/.test(fields[0] ?? "")) return { format: "ofac-csv", role };
  throw listError(
    file,
    "line 1",
    `format not recognised (${fields.length} CSV fields); expected UN/OFAC/EU/UK XML, FtM JSON lines, the US Consolidated Screening List CSV, the UK Sanctions List CSV or an OFAC CSV (sdn 12, add 6, alt 5, comments 2 fields); use --format`,
  );
}

/** OFAC's own file names: the SDN set and the non-SDN consolidated set (same layout). */
const OFAC_FILE_NAMES: Record<OfacList, Record<OfacCsvRole, string>> = {
  "OFAC-SDN": { sdn: "sdn.csv", alt: "alt.csv", add: "add.csv", comments: "sdn_comments.csv" },
  "OFAC-CONS": {
    sdn: "cons_prim.csv",
    alt: "cons_alt.csv",
    add: "cons_add.csv",
    comments: "cons_comments.csv",
  },
};

/** Which OFAC list and file role a file name says, if it says one (ofac_cons_alt.csv, sdn.csv). */
function ofacRoleByName(file: string): { list: OfacList; role: OfacCsvRole } | undefined {
  const name = basename(file).toLowerCase();
  // The consolidated names first: ofac_cons_alt.csv also ends in _alt.csv.
  for (const list of [...OFAC_LISTS].reverse())
    for (const [role, own] of Object.entries(OFAC_FILE_NAMES[list]) as [OfacCsvRole, string][])
      if (name === own || name.endsWith(`_${own}`) || name.endsWith(`-${own}`))
        return { list, role };
  return undefined;
}

function fieldCount(text: string): number {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
  try {
    return (
      (parse(firstLine, { relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? []
    ).length;
  } catch {
    return 0;
  }
}

/** The OFAC list and each file's role: by OFAC's file names, else by field count. */
function ofacSet(texts: { file: string; text: string }[]): {
  list: OfacList;
  set: Partial<Record<OfacCsvRole, { file: string; text: string }>>;
} {
  const lists = new Set<OfacList>();
  const set: Partial<Record<OfacCsvRole, { file: string; text: string }>> = {};
  for (const t of texts) {
    const byName = ofacRoleByName(t.file);
    const n = fieldCount(t.text);
    const role =
      byName?.role ??
      (Object.keys(OFAC_CSV_COLUMNS) as OfacCsvRole[]).find((r) => OFAC_CSV_COLUMNS[r] === n);
    if (!role)
      throw listError(
        t.file,
        "line 1",
        `${n} CSV fields: not an OFAC sdn (12), alt (5), add (6) or comments (2) file`,
      );
    if (byName) lists.add(byName.list);
    if (set[role])
      throw new AppError("usage", `two OFAC ${role} files given: ${set[role]!.file} and ${t.file}`);
    set[role] = t;
  }
  if (lists.size > 1)
    throw new AppError(
      "usage",
      "the files mix OFAC's SDN set and its non-SDN consolidated set (cons_*); they are different lists: import them one at a time",
    );
  return { list: [...lists][0] ?? "OFAC-SDN", set };
}

/** The one-file formats and their parsers (OFAC's CSV set is read as a set, below). */
const PARSERS: Record<
  Exclude<ListFormat, "ofac-csv">,
  (file: string, text: string, list: string | undefined) => ParsedList
> = {
  "un-xml": parseUnXml,
  "ofac-xml": parseOfacXml,
  "ofac-advanced-xml": parseOfacAdvancedXml,
  "eu-xml": parseEuXml,
  "uk-xml": parseUkXml,
  "uk-csv": parseUkCsv,
  "csl-csv": parseCsl,
  "ftm-json": parseFtm,
};

export function readListFiles(
  paths: readonly string[],
  options: { format?: ListFormat; list?: string } = {},
): ReadList {
  if (paths.length === 0) throw new AppError("usage", "no list file given");
  if (options.format && !LIST_FORMATS.includes(options.format))
    throw new AppError(
      "usage",
      `--format ${options.format}: expected one of ${LIST_FORMATS.join(", ")}`,
    );
  const texts = paths.map((f) => ({ file: f, text: readText(f) }));
  const sniffed = texts.map((t) => {
    if (options.format) return { format: options.format } as Sniffed;
    return sniffFormat(t.file, t.text);
  });
  const formats = new Set(sniffed.map((s) => s.format));
  if (formats.size > 1)
    throw new AppError(
      "usage",
      `the files are of different formats (${[...formats].join(", ")}); import one list at a time`,
    );
  const format = sniffed[0]!.format;
  const used = [...texts];
  let parsed: ParsedList;
  if (format === "ofac-csv") {
    const { list, set } = ofacSet(texts);
    // Given only the main file, pick up OFAC's companion files beside it, as OFAC publishes them.
    const names = OFAC_FILE_NAMES[list];
    // (ofac_cons_prim.csv finds ofac_cons_alt.csv: the same prefix before OFAC's own names.)
    const main = set.sdn ? basename(set.sdn.file) : "";
    const prefix = main.slice(0, main.length - names.sdn.length);
    if (set.sdn && texts.length === 1 && main.toLowerCase().endsWith(names.sdn))
      for (const role of ["alt", "add", "comments"] as const) {
        const p = join(dirname(set.sdn.file), prefix + names[role]);
        if (existsSync(p)) {
          set[role] = { file: p, text: readText(p) };
          used.push(set[role]!);
        }
      }
    parsed = parseOfacCsv(set, list);
    // Keep the main file first so the recorded file list reads naturally.
    used.sort((a, b) => (a === set.sdn ? -1 : b === set.sdn ? 1 : 0));
  } else {
    if (texts.length > 1)
      throw new AppError("usage", `${format} lists are one file; got ${texts.length}`);
    const { file, text } = texts[0]!;
    parsed = PARSERS[format](file, text, options.list);
  }
  if (options.list) {
    parsed.list = options.list;
    for (const e of parsed.entities) e.list = options.list;
  }
  const seen = new Set<string>();
  for (const e of parsed.entities) {
    if (seen.has(e.reference))
      throw listError(
        used[0]!.file,
        "",
        `reference ${e.reference} appears twice; a list reference must be unique`,
      );
    seen.add(e.reference);
  }
  const hash = createHash("sha256");
  for (const t of used) hash.update(t.text);
  return { parsed, files: used.map((t) => t.file), sha256: hash.digest("hex") };
}
