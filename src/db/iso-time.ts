/**
 * Timestamps as outputs give them: ISO 8601 in UTC with its offset (`2026-12-06T14:46:02.165Z`,
 * as JavaScript's toISOString writes them), whatever the session's time zone. A TIMESTAMPTZ cast
 * to VARCHAR (`2026-12-06 14:46:02.165325+00`) is not ISO 8601.
 */
export function isoTimeSql(column: string, alias = column.replace(/^\w+\./, "")): string {
  return `strftime(${column} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS ${alias}`;
}
