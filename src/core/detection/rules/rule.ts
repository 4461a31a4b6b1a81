/**
 * A detection rule: a stable id (shared by file name, SQL and alert), a version bumped whenever
 * its logic changes, the SQL that finds its cases, and an explanation template.
 *
 * The SQL sees the store's tables (records, stays, persons, cohorts …), the run tables the
 * steps before the rules leave (run_crossings, run_person_numbers, run_bounds, run_indicators:
 * src/analyze/step.ts) and det_stay. It must return one row per alert with the columns
 * `person_id`, `cohort_id`, `period_start`, `period_end`, `score` (0..1: the strength of the
 * rule's own pattern; the alert's score also weighs its records and the person's labour score,
 * src/core/detection/alert-score.ts), `censored` (the alert rests on a stay cut by the edge of
 * the logs or on an inferred end), `record_keys` (BIGINT[]: the rec_keys of the records it rests
 * on, in the order it cites them; outputs read their `source:record_id` from `records`) plus
 * every `{placeholder}` the template names. The template
 * becomes a SQL expression (templateSql), so explanations are rendered inside DuckDB, not row
 * by row in JavaScript.
 *
 * det_stay is stays without the lists, for windows and joins: `sid` (the stay's rowid in stays,
 * stable while the rules run), `pid` (run_person_numbers), entered_on, exited_on, `until`
 * (exited_on, else the last day of the logs), days, `guessed` (an end inferred or before the
 * logs: flag inferred-exit, inferred-entry or open-at-start) and `open_end` (flag open-at-end).
 * A rule works on it and attaches `stays.record_keys` (joined on rowid = sid) and the person's
 * text id (run_person_numbers) only to the stays its alerts cite. A rule that reads det_stay says
 * so (`detStay`): the rules step builds it only when one does (src/analyze/steps/rules-step.ts).
 * det_member is cohort_members keyed for a join with run_crossings: `mid` (the member's rowid in
 * cohort_members), cohort_id, and `pe`, the person in run_crossings's own person type.
 * On an incremental run both hold only the persons whose alerts are recomputed
 * (src/analyze/steps/analyze-scope.ts), so a rule that starts from them works on those alone;
 * the rules step keeps every rule's output to those persons.
 */
import type { Policy } from "../policy.js";

export interface Rule {
  id: string;
  version: number;
  description: string;
  /** Reads det_stay. */
  detStay?: boolean;
  sql(policy: Policy): string;
  /** Text with {column} placeholders, e.g. "stayed {days} days from {period_start}". */
  template: string;
}

/** Turns a template into a SQL string expression over the rule's result columns. */
export function templateSql(template: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{([a-z_][a-z0-9_]*)\}/g)) {
    if (m.index > last) parts.push(`'${template.slice(last, m.index).replaceAll("'", "''")}'`);
    parts.push(`coalesce(CAST("${m[1]}" AS VARCHAR), '?')`);
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(`'${template.slice(last).replaceAll("'", "''")}'`);
  return parts.length === 0 ? "''" : parts.join(" || ");
}

/**
 * SQL aggregate: `value` of each row of a group, as a list in the order of `keys` (a
 * comma-separated list of expressions that tells the rows apart). An ordered list aggregate
 * (`list(v ORDER BY k)`) buffers and sorts every group apart, and sorting the gathered
 * {keys, value} structs (list_sort) encodes every value — a list of record ids — into the sort
 * key; both took most of a rule's time at 10M records. Here only the keys are sorted
 * (list_grade_up) and the values are picked in that order. The keys must tell every row of a
 * group apart, so the order never depends on how DuckDB split the work between threads.
 */
export function listInOrder(keys: string, value: string): string {
  const fields = keys.split(",").map((k, i) => `k${i}: ${k.trim()}`);
  const pairs = `list({k: {${fields.join(", ")}}, v: ${value}})`;
  return `list_transform(list_select(${pairs}, list_grade_up(list_transform(${pairs}, t -> t.k))), t -> t.v)`;
}

/**
 * SQL aggregate: a group's evidence, one `{k: recKeys}` per row in the order of `keys`
 * (listInOrder), which `evidenceColumns` takes apart.
 */
export function evidenceInOrder(keys: string, recKeys: string): string {
  return listInOrder(keys, `{k: ${recKeys}}`);
}

/**
 * SQL aggregate: a group's crossings as evidence, one `{t: time, k: recKey}` per crossing in the
 * order of time, then rec_key — the order evidenceInOrder("time, recKey", recKey) gives, for
 * crossings, whose rec_key tells every row apart. Each struct is sorted whole (list_sort): with
 * scalars only, that costs less than sorting the keys apart and picking the values.
 */
export function crossingsInOrder(time: string, recKey: string): string {
  return `list_sort(list({t: ${time}, k: ${recKey}}))`;
}

/**
 * SQL select list: the column `record_keys` from an evidenceInOrder or crossingsInOrder value
 * `evidence`; `flat` when each row carried lists (a stay's records), which are concatenated.
 */
export function evidenceColumns(evidence: string, flat = false): string {
  const list = `list_transform(${evidence}, t -> t.k)`;
  return `${flat ? `flatten(${list})` : list} AS record_keys`;
}
