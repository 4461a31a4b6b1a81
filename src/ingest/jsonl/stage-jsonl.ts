/**
 * JSON Lines (optionally gzipped): one JSON object per line. A line that is not a JSON object
 * is rejected on its own; the column check runs over the keys seen in the whole file.
 */
import { CONTRACT_COLUMNS, normalizeColumnName } from "../../core/crossing.js";
import { AppError } from "../../core/errors.js";
import type { Store } from "../../db/store.js";
import { mapColumns } from "../header.js";
import { DEFAULT_LIMITS, type InputLimits, openText, readLines } from "../lines.js";
import { lineText, type StageResult, StageWriter } from "../stage.js";

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
  const writer = await StageWriter.open(store);
  const keysSeen = new Set<string>();
  try {
    for await (const line of readLines(openText(file, limits), limits.maxLineBytes)) {
      const text = lineText(line, limits.maxLineBytes);
      if (typeof text !== "string") {
        writer.rejects.push(text);
        continue;
      }
      if (text.trim() === "") continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        const tail = line.unterminated ? " (truncated last line?)" : "";
        writer.reject(line.number, `malformed JSON: ${(err as Error).message}${tail}`, text);
        continue;
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        writer.reject(line.number, "not a JSON object: expected one object per line", text);
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
    }
  } catch (err) {
    writer.close();
    if (err instanceof AppError) throw err;
    throw new AppError("input", `cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  const result = writer.finish();
  if (writer.appended > 0)
    mapColumns(file, [...keysSeen]); // throws if a required key never appears
  else if (writer.rejects.length === 0)
    throw new AppError("input", `${file} is empty: expected one JSON object per line`);
  return result;
}
