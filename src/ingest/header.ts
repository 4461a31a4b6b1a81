/** Checks a file's columns against the input contract before anything is read. */
import { normalizeColumnName, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from "../core/crossing.js";
import { AppError } from "../core/errors.js";

export interface ColumnMap {
  /** Column names as they appear in the file, in file order. */
  fileColumns: string[];
  /** For each file column: the contract column it fills, or null if it is an extra. */
  contract: (string | null)[];
}

const KNOWN = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

/** A file header's contract name: a mapping file's rename, else the header folded. */
export function contractName(header: string, renames?: ReadonlyMap<string, string>): string {
  return renames?.get(header.replace(/^\uFEFF/, "").trim()) ?? normalizeColumnName(header);
}

export function mapColumns(
  file: string,
  fileColumns: string[],
  renames?: ReadonlyMap<string, string>,
): ColumnMap {
  const normalized = fileColumns.map((c) => contractName(c, renames));
  const seen = new Map<string, number>();
  normalized.forEach((name, i) => {
    if (name === "") return;
    if (seen.has(name)) {
      throw new AppError(
        "input",
        `${file}: column "${fileColumns[i]}" appears twice in the header (columns ${(seen.get(name) ?? 0) + 1} and ${i + 1}); each column must be named once`,
      );
    }
    seen.set(name, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    throw new AppError(
      "input",
      `${file}: missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}; ` +
        `expected ${REQUIRED_COLUMNS.join(", ")} (optional: ${OPTIONAL_COLUMNS.join(", ")}); ` +
        `found ${fileColumns.length > 0 ? fileColumns.join(", ") : "no columns"}. Nothing was loaded from this file.`,
    );
  }
  return { fileColumns, contract: normalized.map((n) => (KNOWN.has(n) ? n : null)) };
}
