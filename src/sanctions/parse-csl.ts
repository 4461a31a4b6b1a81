/**
 * The US Consolidated Screening List (trade.gov, https://www.trade.gov/consolidated-screening-list;
 * CSV export with a header: source, entity_number, type, programs, name, title, addresses, …,
 * remarks, source_list_url, alt_names, citizenships, dates_of_birth, nationalities,
 * places_of_birth, source_information_url, ids). Eleven US export-control and sanctions lists in
 * one file; multi-valued fields are "; "-separated and ids are "country, number, type" groups.
 * The source list's abbreviation (SDN, EL, DPL…) becomes a programme and prefixes the reference.
 * Rows of non-Treasury lists carry no type: they hold persons and companies alike ("other").
 * Tested on a real export (test/fixtures/sanctions/us_csl.csv).
 */
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import type {
  EntityKind,
  ListEntity,
  ListIdentifier,
  ParsedList,
} from "../core/screening/types.js";
import { parseListDate } from "./list-dates.js";
import { listError } from "./list-errors.js";
import { countryOrRaw, identifierType } from "./xml-list.js";

const REQUIRED = ["source", "entity_number", "type", "name", "alt_names"] as const;

const KINDS: Record<string, EntityKind> = {
  individual: "person",
  entity: "organization",
  vessel: "vessel",
  aircraft: "aircraft",
};

const many = (v: string | undefined): string[] =>
  (v ?? "")
    .split(";")
    .map((x) => x.trim())
    .filter(Boolean);

/** "(SDN)" in "Specially Designated Nationals (SDN) - Treasury Department". */
function sourceCode(source: string): string {
  return /\(([A-Z0-9-]+)\)/.exec(source)?.[1] ?? source.split(" - ")[0]!.trim();
}

/** "US, 80-0890696, Tax ID No." → an identifier; text without a number is not one. */
function identifierOf(group: string): ListIdentifier | undefined {
  const parts = group.split(",").map((p) => p.trim());
  const numberAt = parts.findIndex((p) => /\d/.test(p) && !/^https?:/.test(p));
  if (numberAt < 0) return undefined;
  const label = parts.slice(numberAt + 1).join(", ") || null;
  const country = numberAt > 0 && /^[A-Z]{2}$/.test(parts[0]!) ? countryOrRaw(parts[0]!) : null;
  return {
    type: identifierType(label ?? ""),
    number: parts[numberAt]!.replace(/^IMO /, ""),
    country,
    label,
    note: null,
  };
}

export function parseCsl(file: string, text: string): ParsedList {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw listError(file, e.lines ? `line ${e.lines}` : "", `not valid CSV: ${e.message}`);
  }
  if (rows.length === 0) throw listError(file, "", "no rows; refusing to import an empty list");
  for (const c of REQUIRED)
    if (!(c in rows[0]!))
      throw listError(
        file,
        "line 1",
        `no "${c}" column; expected the Consolidated Screening List CSV header`,
      );
  const byRef = new Map<string, ListEntity>();
  let duplicates = 0;
  rows.forEach((r, i) => {
    const name = (r.name ?? "").trim();
    if (!name) throw listError(file, `line ${i + 2}`, "name is empty; expected a name");
    const code = sourceCode(r.source ?? "");
    // Rows of the non-Treasury lists have no entity number: the row's content identifies it.
    const own =
      (r.entity_number ?? "").trim() ||
      createHash("sha256").update(JSON.stringify(r)).digest("hex").slice(0, 12);
    const reference = `${code}-${own}`;
    if (byRef.has(reference)) {
      duplicates++;
      return;
    }
    const dates = many(r.dates_of_birth)
      .map((d) => parseListDate(d))
      .filter((d): d is string => d !== undefined);
    byRef.set(reference, {
      list: "US-CSL",
      reference,
      kind: KINDS[(r.type ?? "").trim().toLowerCase()] ?? "other",
      names: [
        { name, type: "primary", quality: null },
        ...many(r.alt_names).map((n) => ({ name: n, type: "aka" as const, quality: null })),
      ],
      birthDates: dates,
      nationalities: [...new Set([...many(r.nationalities), ...many(r.citizenships)])]
        .map(countryOrRaw)
        .filter((c): c is string => c !== null),
      identifiers: many(r.ids)
        .map(identifierOf)
        .filter((d): d is ListIdentifier => d !== undefined),
      addresses: many(r.addresses).map((a) => ({
        text: a,
        city: null,
        country: countryOrRaw(a.split(",").pop()?.trim() ?? ""),
      })),
      programmes: [code, ...many(r.programs)],
      listedOn: parseListDate(r.start_date ?? "") ?? null,
      remarks: (r.remarks ?? "").trim() || null,
    });
  });
  return {
    list: "US-CSL",
    format: "csl-csv",
    version: null,
    entities: [...byRef.values()],
    warnings: duplicates
      ? [`${file}: ${duplicates} rows repeat an earlier row of the same list exactly; kept once`]
      : [],
  };
}
