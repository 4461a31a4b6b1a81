/**
 * `sojourn export <what> --format jsonl|csv|parquet|ftm --out FILE`: the export contract
 * (PRODUCT.md §5), written by DuckDB COPY; `ftm` writes FollowTheMoney entities for Aleph and
 * OpenSanctions tools instead (src/export/write-ftm.ts, docs/export.md), pseudonymised and masked
 * unless `--unmask`. Each kind of export is one entry in EXPORTS.
 */
import type { Command } from "commander";
import { AppError } from "../../core/errors.js";
import { type Store, sqlString } from "../../db/store.js";
import { DETECTION_EXPORTS } from "../../detection/exports.js";
import { FTM_KINDS, type FtmKind, writeFtmExport } from "../../export/write-ftm.js";
import { printJson, printLine, withCommandStore } from "../output.js";

export const EXPORT_FORMATS = ["jsonl", "csv", "parquet", "ftm"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportKind {
  name: string;
  description: string;
  /** The rows to export; list columns stay lists (JSON arrays in CSV). Personal data
   * (names, document numbers, birth dates) is masked unless `unmask`. */
  query(store: Store, options: { unmask: boolean }): Promise<string>;
}

/**
 * SQL twins of src/report/mask.ts, applied inside COPY: a document number keeps its first two
 * and last three characters (`83****086`); a name becomes initials (`K. Y. C.`, `김**`); a
 * birth date its year (`1980-**-**`).
 */
export const MASK_SQL = {
  doc: (x: string) =>
    `CASE WHEN length(${x}) >= 6 THEN left(${x}, 2) || repeat('*', length(${x}) - 5) || right(${x}, 3)
      ELSE repeat('*', greatest(length(${x}) - 1, 0)) || right(${x}, 1) END`,
  name: (x: string) =>
    `array_to_string(list_transform(list_filter(string_split_regex(trim(${x}), '[\\s,]+'), w -> length(w) > 0),
      w -> CASE WHEN regexp_matches(left(w, 1), '[\\p{Han}\\p{Hangul}]') THEN left(w, 1) || repeat('*', length(w) - 1)
        ELSE upper(left(w, 1)) || '.' END), ' ')`,
  birthDate: (x: string) => `CASE WHEN ${x} IS NOT NULL THEN strftime(${x}, '%Y') || '-**-**' END`,
};

/** persons: {person_id, record_ids[], names[], doc_numbers[], birth_date|null, sex|null, labor_score, indicators[]} */
export const PERSONS_EXPORT: ExportKind = {
  name: "persons",
  description:
    "one row per resolved person: person_id, record_ids (source:record_id), names, doc_numbers,\n" +
    "birth_date, sex, labor_score, indicators",
  async query(_store, { unmask }) {
    const names = unmask
      ? "list(name ORDER BY count DESC, name)"
      : `list(DISTINCT ${MASK_SQL.name("name")} ORDER BY ${MASK_SQL.name("name")})`;
    const doc = unmask ? "doc_number" : MASK_SQL.doc("doc_number");
    const birth = unmask ? "p.birth_date" : MASK_SQL.birthDate("p.birth_date");
    return `
      WITH rec AS (
        SELECT pr.person_id, list(r.source || ':' || r.record_id ORDER BY r.crossed_at, r.rec_key) AS record_ids
        FROM person_records pr JOIN records r USING (rec_key) GROUP BY pr.person_id),
      nm AS (SELECT person_id, ${names} AS names FROM person_names GROUP BY person_id),
      dc AS (SELECT person_id, list(DISTINCT ${doc} ORDER BY ${doc}) AS doc_numbers
             FROM person_documents GROUP BY person_id)
      SELECT p.person_id, coalesce(rec.record_ids, []) AS record_ids,
             coalesce(nm.names, []) AS names, coalesce(dc.doc_numbers, []) AS doc_numbers,
             ${birth} AS birth_date, p.sex, coalesce(p.labor_score, 0)::DOUBLE AS labor_score,
             coalesce(from_json(p.indicators, '["VARCHAR"]'), []) AS indicators
      FROM persons p LEFT JOIN rec USING (person_id) LEFT JOIN nm USING (person_id)
      LEFT JOIN dc USING (person_id)
      ORDER BY p.person_id`;
  },
};

export const EXPORTS: ExportKind[] = [PERSONS_EXPORT, ...DETECTION_EXPORTS];

/** `--format`, else from the file name (`.ftm.json` is OpenSanctions' name for FtM lines). */
function formatOf(out: string, format: string | undefined): ExportFormat {
  const f =
    format ??
    (/\.parquet$/i.test(out)
      ? "parquet"
      : /\.csv$/i.test(out)
        ? "csv"
        : /\.ftm(\.jsonl?)?$/i.test(out)
          ? "ftm"
          : "jsonl");
  if (!(EXPORT_FORMATS as readonly string[]).includes(f))
    throw new AppError("usage", `--format ${f}: expected one of ${EXPORT_FORMATS.join(", ")}`);
  return f as ExportFormat;
}

/** Writes one export with DuckDB COPY (FtM: as entities); returns the number of rows written. */
export async function writeExport(
  store: Store,
  kind: ExportKind,
  format: ExportFormat,
  out: string,
  ftmOptions: { unmask?: boolean } = {},
): Promise<number> {
  if (format === "ftm") {
    if (!(FTM_KINDS as readonly string[]).includes(kind.name))
      throw new AppError("usage", `--format ftm: no FtM mapping for ${kind.name}`);
    return (await writeFtmExport(store, kind.name as FtmKind, out, ftmOptions)).rows;
  }
  let sql = await kind.query(store, { unmask: ftmOptions.unmask ?? false });
  if (format === "csv") {
    // CSV has no lists: list columns become JSON arrays.
    const cols = await store.all<{ column_name: string; column_type: string }>(`DESCRIBE (${sql})`);
    const select = cols
      .map((c) =>
        c.column_type.endsWith("[]")
          ? `to_json("${c.column_name}") AS "${c.column_name}"`
          : `"${c.column_name}"`,
      )
      .join(", ");
    sql = `SELECT ${select} FROM (${sql})`;
  }
  const options =
    format === "parquet"
      ? "FORMAT parquet"
      : format === "csv"
        ? "FORMAT csv, HEADER true"
        : "FORMAT json";
  try {
    await store.run(`COPY (${sql}) TO ${sqlString(out)} (${options})`);
  } catch (err) {
    throw new AppError("input", `cannot write ${out}: ${(err as Error).message.split("\n")[0]}`, {
      cause: err,
    });
  }
  const row = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM (${sql})`);
  return Number(row?.n ?? 0);
}

export function register(program: Command): void {
  const exportCmd = program
    .command("export")
    .description(
      "write results in the export contract (docs/export.md), or as FollowTheMoney entities (--format ftm)",
    );
  for (const kind of EXPORTS) {
    exportCmd
      .command(kind.name)
      .description(kind.description)
      .requiredOption("--out <file>", "output file")
      .option(
        "--format <format>",
        `${EXPORT_FORMATS.join(" | ")} (default: from --out, else jsonl)`,
      )
      .option(
        "--unmask",
        "full names, document numbers and birth dates, for a case file (default: masked — initials, 83****086, birth year; in ftm no names or documents at all)",
      )
      .option("--json", "print a JSON summary")
      .action(
        async (
          opts: { out: string; format?: string; unmask?: boolean; json?: boolean },
          cmd: Command,
        ) => {
          const format = formatOf(opts.out, opts.format);
          if (format === "ftm") {
            const r = await withCommandStore(cmd, (store) =>
              writeFtmExport(store, kind.name as FtmKind, opts.out, { unmask: opts.unmask }),
            );
            const masked = !opts.unmask;
            if (opts.json) printJson({ export: kind.name, format, out: opts.out, masked, ...r });
            else
              printLine(
                `${r.rows} ${kind.name} written to ${opts.out} (ftm, ${r.entities} entities, ${masked ? "masked" : "UNMASKED"})`,
              );
            return;
          }
          const rows = await withCommandStore(cmd, (store) =>
            writeExport(store, kind, format, opts.out, { unmask: opts.unmask }),
          );
          const masked = !opts.unmask;
          if (opts.json) printJson({ export: kind.name, format, out: opts.out, masked, rows });
          else
            printLine(
              `${rows} ${kind.name} written to ${opts.out} (${format}${masked ? "" : ", UNMASKED"})`,
            );
        },
      );
  }
}
