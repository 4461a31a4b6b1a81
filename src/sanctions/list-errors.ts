/** Errors for list files: one line naming the file, where, the value and what was expected. */
import { XMLValidator } from "fast-xml-parser";
import { AppError } from "../core/errors.js";

export function listError(file: string, where: string, message: string): AppError {
  return new AppError("input", `${file}${where ? ` (${where})` : ""}: ${message}`);
}

/**
 * Rejects malformed or truncated XML before any of it is used: a truncated download parses as a
 * shorter list otherwise, and importing it would silently delist everyone after the cut.
 */
export function assertWellFormedXml(file: string, xml: string): void {
  const r = XMLValidator.validate(xml);
  if (r !== true)
    throw listError(
      file,
      `line ${r.err.line}, column ${r.err.col}`,
      `not well-formed XML (${r.err.msg}); the file may be truncated or corrupted — nothing was imported`,
    );
}

/** Text of an element or attribute value from fast-xml-parser output (string, number, {#text}). */
export function text(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v.replace(/\s+/g, " ").trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "object" && "#text" in (v as Record<string, unknown>))
    return text((v as Record<string, unknown>)["#text"]);
  return "";
}

export function arr<T = Record<string, unknown>>(v: unknown): T[] {
  if (v === undefined || v === null || v === "") return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}
