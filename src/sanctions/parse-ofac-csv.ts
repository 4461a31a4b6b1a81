/**
 * OFAC's legacy CSV set (https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas):
 * sdn.csv (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT,
 * Vess_flag, Vess_owner, Remarks), alt.csv (ent_num, alt_num, alt_type, alt_name, alt_remarks),
 * add.csv (ent_num, add_num, address, city/state/zip, country, add_remarks) and sdn_comments.csv
 * (ent_num, remarks overflow). No header row; "-0-" means empty; files end with a ^Z byte.
 * Tested on the real 2021-07 set and the 2024-05 sdn.csv with 2025-02 alt/add.
 */
import { parse } from "csv-parse/sync";
import { countryCode } from "../core/screening/index.js";
import type { EntityKind, ListEntity, ParsedList } from "../core/screening/types.js";
import { listError } from "./list-errors.js";
import { parseOfacRemarks } from "./ofac-remarks.js";

export const OFAC_CSV_ROLES = ["sdn", "alt", "add", "comments"] as const;
export type OfacCsvRole = (typeof OFAC_CSV_ROLES)[number];

/** Column count of each file of the set; how a file's role is recognised. */
export const OFAC_CSV_COLUMNS: Record<OfacCsvRole, number> = {
  sdn: 12,
  alt: 5,
  add: 6,
  comments: 2,
};

export const OFAC_LISTS = ["OFAC-SDN", "OFAC-CONS"] as const;
export type OfacList = (typeof OFAC_LISTS)[number];

export interface CsvFile {
  file: string;
  text: string;
}

function rows(f: CsvFile, columns: number): string[][] {
  // OFAC's files end with a DOS end-of-file byte (^Z).
  const body = f.text.trimEnd().endsWith(EOF_MARK) ? f.text.trimEnd().slice(0, -1) : f.text;
  let records: string[][];
  try {
    records = parse(body, {
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw listError(f.file, e.lines ? `line ${e.lines}` : "", `not valid CSV: ${e.message}`);
  }
  records.forEach((r, i) => {
    if (r.length !== columns)
      throw listError(
        f.file,
        `record ${i + 1}`,
        `has ${r.length} fields, expected ${columns}; the file may be truncated or not an OFAC ${columns === 12 ? "sdn" : ""} CSV`,
      );
    if (!/^\d+$/.test(r[0]!.trim()))
      throw listError(f.file, `record ${i + 1}`, `ent_num "${r[0]}" is not a number`);
  });
  return records;
}

const EOF_MARK = String.fromCharCode(0x1a);

const value = (s: string | undefined): string | null => {
  const t = (s ?? "").trim();
  return t === "" || t === "-0-" ? null : t;
};

function kindOf(t: string | null): EntityKind {
  switch ((t ?? "").toLowerCase()) {
    case "individual":
      return "person";
    case "vessel":
      return "vessel";
    case "aircraft":
      return "aircraft";
    default:
      return "organization";
  }
}

/**
 * The SDN list and OFAC's non-SDN Consolidated Sanctions List share this layout (cons_prim,
 * cons_alt, cons_add, cons_comments) but are different lists: `list` keeps them apart.
 */
export function parseOfacCsv(
  set: Partial<Record<OfacCsvRole, CsvFile>>,
  list: OfacList = "OFAC-SDN",
): ParsedList {
  const sdn = set.sdn;
  if (!sdn) throw listError("OFAC CSV set", "", "no sdn.csv given; alt/add/comments need it");
  const byNum = new Map<string, ListEntity>();
  const remarks = new Map<string, string>();
  for (const r of rows(sdn, 12)) {
    const num = r[0]!.trim();
    const name = value(r[1]);
    if (!name) throw listError(sdn.file, `ent_num ${num}`, "SDN_Name is empty");
    const programmes = (value(r[3]) ?? "")
      .split(/\]\s*\[|\s*[[\]]\s*/)
      .map((p) => p.trim())
      .filter(Boolean);
    byNum.set(num, {
      list,
      reference: num,
      kind: kindOf(value(r[2])),
      names: [{ name, type: "primary", quality: null }],
      birthDates: [],
      nationalities: [],
      identifiers: [],
      addresses: [],
      programmes,
      listedOn: null,
      remarks: null,
    });
    remarks.set(num, value(r[11]) ?? "");
  }
  if (byNum.size === 0)
    throw listError(sdn.file, "", "no SDN records; refusing to import an empty list");
  const warnings: string[] = [];
  // A file of another release may name ent_nums this one lacks: skipped with a warning, as the
  // rest of the list is still good.
  const stray = (f: CsvFile, what: string, nums: string[]) => {
    if (nums.length)
      warnings.push(
        `${f.file}: ${nums.length} ${what} name ent_nums not in ${sdn.file} (another release?), e.g. ${[...new Set(nums)].slice(0, 3).join(", ")}; skipped`,
      );
  };
  if (set.comments) {
    const skipped: string[] = [];
    for (const r of rows(set.comments, 2)) {
      const num = r[0]!.trim();
      if (!byNum.has(num)) skipped.push(num);
      else remarks.set(num, (remarks.get(num) ?? "") + (r[1] ?? "").trim());
    }
    stray(set.comments, "remarks", skipped);
  }
  const skippedAlt: string[] = [];
  if (set.alt)
    for (const r of rows(set.alt, 5)) {
      const e = byNum.get(r[0]!.trim());
      const name = value(r[3]);
      if (!e) {
        skippedAlt.push(r[0]!.trim());
        continue;
      }
      if (!name) continue;
      const t = (value(r[2]) ?? "aka").toLowerCase();
      const type = t === "fka" ? "fka" : t === "nka" ? "nka" : "aka";
      e.names.push({ name, type, quality: value(r[4]) ?? t });
    }
  if (set.alt) stray(set.alt, "aliases", skippedAlt);
  const skippedAdd: string[] = [];
  if (set.add)
    for (const r of rows(set.add, 6)) {
      const e = byNum.get(r[0]!.trim());
      if (!e) {
        skippedAdd.push(r[0]!.trim());
        continue;
      }
      const parts = [value(r[2]), value(r[3]), value(r[4])].filter((x): x is string => x !== null);
      if (parts.length === 0) continue;
      const c = value(r[4]);
      e.addresses.push({
        text: parts.join(", "),
        city: value(r[3]),
        country: c ? (countryCode(c) ?? c) : null,
      });
    }
  for (const [num, e] of byNum) {
    const text = remarks.get(num) || null;
    e.remarks = text;
    const facts = parseOfacRemarks(text);
    e.birthDates = facts.birthDates;
    e.nationalities = facts.nationalities;
    e.identifiers = facts.identifiers;
    e.names.push(...facts.weakAliases);
  }
  if (set.add) stray(set.add, "addresses", skippedAdd);
  return {
    list,
    format: "ofac-csv",
    version: null,
    entities: [...byNum.values()],
    warnings,
  };
}
