/** Exports of the evidence base: sources (metadata, hash, text) and claims (with grade and
 * corroboration) as JSON Lines or CSV; CSV cells that a spreadsheet would run as a formula are
 * neutralised (src/core/csv-cell.ts), since titles, quotes and texts come from outside. */
import { AppError } from "../core/errors.js";
import type { Store } from "../db/store.js";
import { csvText } from "../export/write-csv.js";
import { listClaims } from "./store-evidence.js";

export const EXPORT_TABLES = ["sources", "claims"] as const;
export const EXPORT_FORMATS = ["jsonl", "csv"] as const;

export async function exportRows(store: Store, what: string): Promise<Record<string, unknown>[]> {
  if (what === "claims")
    return (await listClaims(store, { status: "all" })) as unknown as Record<string, unknown>[];
  if (what === "sources")
    return store.json(
      `SELECT CAST(source_id AS INTEGER) AS source_id, title, publisher, author, CAST(published AS VARCHAR) AS published, url, file_name, file_path,
         media_type, bytes, sha256, text_sha256, extractor, language, pages, reliability, credibility,
         strftime(captured_at, '%Y-%m-%dT%H:%M:%SZ') AS captured_at, captured_by, text
       FROM evidence_sources ORDER BY source_id`,
    );
  throw new AppError("usage", `export: "${what}" is not one of ${EXPORT_TABLES.join(", ")}`);
}

export function formatRows(rows: Record<string, unknown>[], format: string): string {
  const json = (v: unknown) =>
    JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? Number(x) : x));
  if (format === "jsonl") return rows.map((r) => `${json(r)}\n`).join("");
  if (format === "csv") {
    if (rows.length === 0) return "";
    const flat = rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? v.join(";") : (v ?? "")]),
      ),
    );
    return csvText(flat, Object.keys(flat[0]!));
  }
  throw new AppError("usage", `--format: "${format}" is not one of ${EXPORT_FORMATS.join(", ")}`);
}
