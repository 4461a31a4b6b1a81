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
import { parseEuXml } from "./parse-eu-xml.js";
import { parseFtm } from "./parse-ftm.js";
import { OFAC_CSV_COLUMNS, type OfacCsvRole, parseOfacCsv } from "./parse-ofac-csv.js";
import { parseOfacXml } from "./parse-ofac-xml.js";
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
    throw listError(
      file,
      "",
      "XML with an unknown root element; expected CONSOLIDATED_LIST (UN), sdnList (OFAC) or export (EU)",
    );
  }
  if (head.startsWith("{")) return { format: "ftm-json" };
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
    `format not recognised (${fields.length} CSV fields); expected UN/OFAC/EU XML, FtM JSON lines or an OFAC CSV (sdn 12, add 6, alt 5, comments 2 fields); use --format`,
  );
}

/** OFAC's own companion file names next to an sdn.csv. */
const OFAC_SIBLINGS: Record<Exclude<OfacCsvRole, "sdn">, string> = {
  alt: "alt.csv",
  add: "add.csv",
  comments: "sdn_comments.csv",
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
    if (options.format && options.format !== "ofac-csv")
      return { format: options.format } as Sniffed;
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
    const set: Partial<Record<OfacCsvRole, { file: string; text: string }>> = {};
    texts.forEach((t, i) => {
      const role = (sniffed[i] as { role: OfacCsvRole }).role;
      if (set[role])
        throw new AppError(
          "usage",
          `two OFAC ${role} files given: ${set[role]!.file} and ${t.file}`,
        );
      set[role] = t;
    });
    // Given only sdn.csv, pick up OFAC's companion files beside it, as OFAC publishes them.
    if (set.sdn && texts.length === 1 && basename(set.sdn.file).toLowerCase() === "sdn.csv")
      for (const [role, name] of Object.entries(OFAC_SIBLINGS) as [
        Exclude<OfacCsvRole, "sdn">,
        string,
      ][]) {
        const p = join(dirname(set.sdn.file), name);
        if (existsSync(p)) {
          set[role] = { file: p, text: readText(p) };
          used.push(set[role]!);
        }
      }
    parsed = parseOfacCsv(set);
    // Keep the sdn file first so the recorded file list reads naturally.
    used.sort((a, b) => (a === set.sdn ? -1 : b === set.sdn ? 1 : 0));
  } else {
    if (texts.length > 1)
      throw new AppError("usage", `${format} lists are one file; got ${texts.length}`);
    const { file, text } = texts[0]!;
    parsed =
      format === "un-xml"
        ? parseUnXml(file, text)
        : format === "ofac-xml"
          ? parseOfacXml(file, text)
          : format === "eu-xml"
            ? parseEuXml(file, text)
            : parseFtm(file, text, options.list);
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
