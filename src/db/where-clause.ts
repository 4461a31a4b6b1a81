/**
 * A WHERE clause from optional filters, so each caller lists its conditions once instead of
 * pushing to parallel arrays.
 */
import type { DuckDBValue } from "@duckdb/node-api";

/** SQL with `?` placeholders followed by its values; `false` or `undefined` leaves it out. */
export type Condition =
  | readonly [sql: string, ...values: (DuckDBValue | undefined)[]]
  | false
  | ""
  | undefined;

/** `WHERE a AND b` (or "" when no condition applies) and the values of its placeholders. A
 * condition whose values include undefined, null or "" is an unset filter and left out. */
export function whereClause(conditions: readonly Condition[]): {
  sql: string;
  params: DuckDBValue[];
} {
  const sql: string[] = [];
  const params: DuckDBValue[] = [];
  for (const c of conditions) {
    if (!c) continue;
    const [text, ...values] = c;
    if (values.some((v) => v === undefined || v === null || v === "")) continue;
    sql.push(text);
    params.push(...(values as DuckDBValue[]));
  }
  return { sql: sql.length ? `WHERE ${sql.join(" AND ")}` : "", params };
}
