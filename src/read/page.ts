/**
 * Cursor paging for the read models: a page holds its items and an opaque cursor for the next
 * page (null on the last). The cursor encodes the sort key of the page's last item, so a page
 * stays right while rows are added elsewhere (keyset paging, not offsets).
 */
import { AppError } from "../core/errors.js";

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to read the next page; null when this is the last. */
  next: string | null;
}

export interface PageRequest {
  /** Items per page; 0 = all. */
  limit?: number;
  cursor?: string | null;
}

export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === arity) return key;
  } catch {
    // reported below
  }
  throw new AppError("usage", `cursor "${cursor}": not a cursor returned by this listing`);
}

/** Validates a page size: a whole number ≥ 0. */
export function checkLimit(limit: number | undefined, fallback: number): number {
  const n = limit ?? fallback;
  if (!Number.isInteger(n) || n < 0)
    throw new AppError("usage", `limit ${String(limit)}: expected a whole number ≥ 0`);
  return n;
}
