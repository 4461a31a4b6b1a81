/**
 * A mapping file (`ingest --mapping FILE`) for exports whose headers and values are not the
 * contract's: which file column fills which contract column, and which written values mean
 * which vocabulary value. JSON, for example (docs/data-contract.md has Chinese and Korean ones):
 *
 *   { "columns": { "姓名": "full_name", "证件号码": "doc_number", "出入境日期": "crossed_at" },
 *     "values": { "direction": { "入": "entry", "出": "exit" }, "nationality": { "朝鲜": "PRK" } } }
 */
import { readFileSync } from "node:fs";
import { CONTRACT_COLUMNS, type ContractColumn } from "../core/crossing.js";
import { AppError } from "../core/errors.js";
import { VOCABULARY_KINDS, type VocabularyKind } from "./vocabulary.js";

export interface Mapping {
  /** File header (as written, trimmed) → contract column. */
  columns: ReadonlyMap<string, ContractColumn>;
  /** Per vocabulary: written value → a value the vocabulary knows (resolved by Vocabulary). */
  values: Partial<Record<VocabularyKind, Record<string, string>>>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads and checks a mapping file; every mistake is named with what was expected. */
export function loadMapping(path: string): Mapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new AppError(
      "config",
      `mapping ${path}: ${(err as Error).message}; expected a JSON object`,
    );
  }
  if (!isRecord(parsed))
    throw new AppError(
      "config",
      `mapping ${path}: expected a JSON object with "columns" and/or "values"`,
    );
  for (const k of Object.keys(parsed))
    if (k !== "columns" && k !== "values")
      throw new AppError(
        "config",
        `mapping ${path}: unknown key "${k}"; expected "columns" or "values"`,
      );
  const columns = new Map<string, ContractColumn>();
  const contract = new Set<string>(CONTRACT_COLUMNS);
  if (parsed.columns !== undefined) {
    if (!isRecord(parsed.columns))
      throw new AppError(
        "config",
        `mapping ${path}: "columns" must map file headers to contract columns`,
      );
    for (const [header, target] of Object.entries(parsed.columns)) {
      if (typeof target !== "string" || !contract.has(target))
        throw new AppError(
          "config",
          `mapping ${path}: columns["${header}"] = ${JSON.stringify(target)} is not a contract column; expected one of ${CONTRACT_COLUMNS.join(", ")}`,
        );
      columns.set(header.trim(), target as ContractColumn);
    }
  }
  const values: Mapping["values"] = {};
  const kinds = new Set<string>(VOCABULARY_KINDS);
  if (parsed.values !== undefined) {
    if (!isRecord(parsed.values))
      throw new AppError(
        "config",
        `mapping ${path}: "values" must map ${VOCABULARY_KINDS.join(", ")} to value tables`,
      );
    for (const [kind, table] of Object.entries(parsed.values)) {
      if (!kinds.has(kind))
        throw new AppError(
          "config",
          `mapping ${path}: values["${kind}"]: expected one of ${VOCABULARY_KINDS.join(", ")}`,
        );
      if (!isRecord(table) || Object.values(table).some((v) => typeof v !== "string"))
        throw new AppError(
          "config",
          `mapping ${path}: values["${kind}"] must map written values to values (strings)`,
        );
      values[kind as VocabularyKind] = table as Record<string, string>;
    }
  }
  return { columns, values };
}
