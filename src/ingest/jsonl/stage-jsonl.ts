/**
 * JSON Lines (optionally gzipped): one JSON object per line. A line that is not a JSON object
 * is rejected on its own; the column check runs over the keys seen in the whole file.
 */
import { CONTRACT_COLUMNS, normalizeColumnName } from "../../core/crossing.js";
import { AppError } from "../../core/errors.js";
import type { Store } from "../../db/store.js";
import { mapColumns } from "../header.js";
import { DEFAULT_LIMITS, decodeUtf8, type InputLimits, openText, readLines } from "../lines.js";
import {
  createStageTable,
  invalidUtf8Reject,
  longLineReject,
  type ReadReject,
  type StageResult,
  StageWriter,
  truncate,
} from "../stage.js";

const CONTRACT = new Set<string>(CONTRACT_COLUMNS);

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export async function stageJsonl(
  store: Store,
  file: string,
  limits: InputLimits = DEFAULT_LIMITS,
): Promise<StageResult> {
  await createStageTable(store);
  const writer = await StageWriter.open(store);
  const readRejects: ReadReject[] = [];
  const keysSeen = new Set<string>();
  let staged = 0;
  try {
    for await (const line of readLines(openText(file, limits), limits.maxLineBytes)) {
      if (line.tooLong !== undefined) {
        readRejects.push(longLineReject(line, limits.maxLineBytes));
        continue;
      }
      const text = decodeUtf8(line.bytes);
      if (text === undefined) {
        readRejects.push(invalidUtf8Reject(line));
        continue;
      }
      if (text.trim() === "") continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        const tail = line.unterminated ? " (truncated last line?)" : "";
        readRejects.push({
          line: line.number,
          column: null,
          value: null,
          reason: `malformed JSON: ${(err as Error).message}${tail}`,
          raw: truncate(text),
        });
        continue;
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        readRejects.push({
          line: line.number,
          column: null,
          value: null,
          reason: "not a JSON object: expected one object per line",
          raw: truncate(text),
        });
        continue;
      }
      const values: Record<string, string | null> = {};
      const extra: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
        const name = normalizeColumnName(k);
        keysSeen.add(name);
        if (CONTRACT.has(name)) values[name] = asText(v);
        else extra[k] = v;
      }
      writer.append(line.number, values, extra);
      staged++;
    }
  } catch (err) {
    writer.close();
    if (err instanceof AppError) throw err;
    throw new AppError("input", `cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  writer.close();
  if (staged > 0)
    mapColumns(file, [...keysSeen]); // throws if a required key never appears
  else if (readRejects.length === 0)
    throw new AppError("input", `${file} is empty: expected one JSON object per line`);
  return { staged: staged + readRejects.length, readRejects, parsePath: "exact" };
}
