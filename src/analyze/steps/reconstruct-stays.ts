/**
 * Stays: entries and exits paired per person, in SQL over person_records ⋈ records (canonical
 * records only, so a re-export counts once). Robust to what port logs do:
 *
 * - duplicates the ingest could not see (two sources logging one crossing, or one crossing logged
 *   twice under different record ids): same direction within `stays.duplicate_window_hours` →
 *   one crossing, flag `duplicate-crossing`;
 * - out-of-order delivery: everything is ordered by crossed_at, never by file order;
 * - a missing exit (entry → entry) or entry (exit → exit): the stay's other end is inferred as the
 *   person's median observed stay, capped by the neighbouring crossing and
 *   `stays.max_inferred_stay_days`, flag `inferred-exit` / `inferred-entry`;
 * - a first crossing that is an exit: inside since before the logs start, `open-at-start`
 *   (entered_on = first day of the logs); a last crossing that is an entry: `open-at-end`
 *   (exited_on NULL, days counted to the last day of the logs);
 * - entry at one port and exit at another: `port-transfer`.
 *
 * Built to stay linear and spillable at 10M records: persons as small integers, one sort of the
 * crossings per person (a window pass that also looks one crossing back and ahead), repeats
 * (rare) stitched to their event from the repeats alone, and one pass over the events that writes
 * the stays — no list aggregate over every crossing, no join of the crossings with themselves.
 * The step leaves three run tables for the later steps: run_crossings (one row per crossing:
 * person_id, rec_key, crossed_at, local_date, direction, port, visa_type, doc_type, sponsor;
 * pid and nationality until the indicators are built), run_person_numbers and run_bounds.
 * run_crossings's person_id, port and sponsor are connection-local ENUMs (run_person_code,
 * run_port_code, run_sponsor_code) that read as the text does.
 */
import type { Policy } from "../../core/detection/policy.js";
import type { Store } from "../../db/store.js";
import type { AnalyzeRun } from "../run.js";
import { decideScope } from "./analyze-scope.js";

/** Days of a stay from entry to exit under the policy's convention (SQL expression). */
function daysExpr(policy: Policy, from: string, to: string): string {
  return policy.days.counting === "inclusive" ? `(${to} - ${from} + 1)` : `(${to} - ${from})`;
}

/** The flags of a stay, in the order they are written; a stay's bit mask picks its list. */
const FLAG_BITS = [
  "inferred-entry",
  "open-at-start",
  "inferred-exit",
  "open-at-end",
  "duplicate-crossing",
  "port-transfer",
] as const;

/** SQL: every flag list by mask (mask + 1 is the index), so no row builds or filters a list. */
function flagListsSql(): string {
  const lists: string[] = [];
  for (let mask = 0; mask < 1 << FLAG_BITS.length; mask++) {
    const on = FLAG_BITS.filter((_, i) => mask & (1 << i)).map((f) => `'${f}'`);
    lists.push(`[${on.join(", ")}]::VARCHAR[]`);
  }
  return `[${lists.join(", ")}]`;
}

/** SQL: the bit of a flag, when `cond` holds. */
function flagBit(flag: (typeof FLAG_BITS)[number], cond: string): string {
  return `CASE WHEN ${cond} THEN ${1 << FLAG_BITS.indexOf(flag)} ELSE 0 END`;
}

/**
 * A connection-local ENUM type of the text values `valuesSql` yields (column `v`), in text
 * order. An ENUM needs at least one value, so an empty set leaves the column as text.
 */
async function textCodes(store: Store, type: string, valuesSql: string): Promise<{ type: string }> {
  await store.run(`CREATE OR REPLACE TEMP TABLE ${type}_values AS ${valuesSql}`);
  return store.withCleanup(async () => {
    const row = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${type}_values`);
    if (Number(row?.n ?? 0) === 0) return { type: "VARCHAR" };
    await store.run(
      `CREATE OR REPLACE TEMP TYPE ${type} AS ENUM (SELECT v FROM ${type}_values ORDER BY v)`,
    );
    return { type };
  }, `DROP TABLE ${type}_values`);
}

/**
 * Rebuilds `stays` — every person's on a full run, else those of the persons whose crossings
 * changed (analyze-scope.ts) — and leaves the run tables; returns the number of stays.
 */
export async function reconstructStays(run: AnalyzeRun): Promise<number> {
  const { store, policy } = run;
  await buildCrossings(store);
  const scope = await decideScope(run);
  const affected = scope.full ? "" : "WHERE pid IN (SELECT pid FROM run_affected)";
  await markRepeats(store, policy, affected);
  await store.runPolled(
    scope.full
      ? "DELETE FROM stays"
      : "DELETE FROM stays WHERE person_id IN (SELECT person_id FROM run_affected)",
  );
  await store.runPolled(await insertStaysSql(store, policy));
  // A later last day of the logs lengthens every stay still open at the end.
  if (!scope.full) await store.runPolled(openStaysSql(policy));
  for (const t of ["stays_mark", "stays_chain", "stays_fix", "stays_typical"])
    await store.runPolled(`DROP TABLE ${t}`);
  const row = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM stays");
  return Number(row?.n ?? 0);
}

/** SQL: the days of the stays open at the end, counted to the last day of the logs. */
function openStaysSql(policy: Policy): string {
  const days = `greatest(${daysExpr(policy, "entered_on", "(SELECT data_end FROM run_bounds)")}, 0)::INTEGER`;
  return `UPDATE stays SET days = ${days} WHERE exited_on IS NULL AND days IS DISTINCT FROM ${days}`;
}

/** run_person_numbers, run_crossings (with its ENUM types) and run_bounds. */
async function buildCrossings(store: Store): Promise<void> {
  // Polled (`Store.runPolled`): the blocking call spins while a pipeline finishes.
  const run = (sql: string) => store.runPolled(sql);
  // Persons as small integers: partitioning and joining on them is cheaper than on the text ids.
  await run(`CREATE OR REPLACE TEMP TABLE run_person_numbers AS
    SELECT person_id, (row_number() OVER (ORDER BY person_id))::INTEGER AS pid
    FROM (SELECT DISTINCT person_id FROM person_records)`);
  // run_crossings's text columns as connection-local ENUM types, values in text order: an ENUM
  // value is 1–4 bytes instead of a string, yet it compares, groups, joins and sorts as the text
  // does. run_crossings stays in memory through every later step, and under the analyze memory
  // cap every byte of it is a byte the sorts cannot use (with these columns as text it is about
  // twice as large).
  const crossings = `FROM records
    WHERE canonical_key IS NULL AND direction IN ('entry', 'exit') AND local_date IS NOT NULL`;
  const person = await textCodes(
    store,
    "run_person_code",
    "SELECT person_id AS v FROM run_person_numbers",
  );
  const port = await textCodes(
    store,
    "run_port_code",
    `SELECT DISTINCT coalesce(port_id, port_raw) AS v ${crossings} AND coalesce(port_id, port_raw) IS NOT NULL`,
  );
  const sponsor = await textCodes(
    store,
    "run_sponsor_code",
    `SELECT DISTINCT sponsor AS v ${crossings} AND sponsor IS NOT NULL`,
  );
  // Each person's ENUM value and number, cast once per person: joining the records' text ids to
  // them costs half what casting every record's id to the ENUM does (a cast looks the text up
  // in the type's 280,000 values at 10M records).
  await run(`CREATE OR REPLACE TEMP TABLE stays_person AS
    SELECT person_id, person_id::${person.type} AS pe, pid FROM run_person_numbers`);
  // One row per canonical record of a resolved person (the later steps read it too). Only the
  // columns some step reads.
  await run(`CREATE OR REPLACE TEMP TABLE run_crossings AS
    SELECT p.pe AS person_id, p.pid, r.rec_key, r.crossed_at, r.local_date, r.direction, coalesce(r.port_id, r.port_raw)::${port.type} AS port,
           r.visa_type, r.doc_type, r.sponsor::${sponsor.type} AS sponsor, r.nationality
    FROM records r JOIN person_records pr USING (rec_key) JOIN stays_person p ON p.person_id = pr.person_id
    WHERE r.canonical_key IS NULL AND r.direction IN ('entry', 'exit') AND r.local_date IS NOT NULL`);
  await run("DROP TABLE stays_person");
  await run(`CREATE OR REPLACE TEMP TABLE run_bounds AS
    SELECT min(local_date) AS data_start, max(local_date) AS data_end FROM run_crossings`);
}

/**
 * stays_mark (every crossing with its neighbours, repeats marked; only the crossings of the
 * persons `only` (a WHERE clause over pid) selects), stays_chain and stays_fix
 * (what the runs of repeats change in the events around them) and stays_typical.
 */
async function markRepeats(store: Store, policy: Policy, only: string): Promise<void> {
  const run = (sql: string) => store.runPolled(sql);
  const dupSeconds = Math.round(policy.stays.duplicate_window_hours * 3600);
  // The one sort: each crossing with its neighbours, in narrow columns (entry as a boolean;
  // person and port as their ENUMs, which sort and travel as small integers — text in a
  // window's payload costs more than the sort itself). A repeat is a crossing in the same
  // direction as the one before it, within the duplicate window; it folds into that event.
  await run(`CREATE OR REPLACE TEMP TABLE stays_mark AS
    SELECT pid, pe, rec_key, local_date, entry, port,
           row_number() OVER w AS seq,
           coalesce(lag(entry) OVER w = entry
                    AND epoch(crossed_at) - epoch(lag(crossed_at) OVER w) <= ${dupSeconds}, false) AS rep,
           lag(entry) OVER w AS p_entry, lag(local_date) OVER w AS p_date, lag(rec_key) OVER w AS p_key,
           lead(entry) OVER w AS n_entry, lead(local_date) OVER w AS n_date,
           lead(port) OVER w AS n_port, lead(rec_key) OVER w AS n_key
    FROM (SELECT pid, person_id AS pe, rec_key, crossed_at, local_date,
                 direction = 'entry' AS entry, port
          FROM run_crossings ${only})
    WINDOW w AS (PARTITION BY pid ORDER BY crossed_at, rec_key)`);
  // Runs of consecutive repeats (islands of seq), each folded into the event just before it. The
  // run's first repeat knows that event (its previous crossing), its last one the crossing after
  // the run, so the (rare) repeats alone give every correction the events need.
  await run(`CREATE OR REPLACE TEMP TABLE stays_chain AS
    SELECT arg_min(p_key, seq) AS head_key, arg_min(p_date, seq) AS head_date,
           list(rec_key ORDER BY seq) AS more_keys,
           arg_max(n_entry, seq) AS after_entry, arg_max(n_date, seq) AS after_date,
           arg_max(n_port, seq) AS after_port, arg_max(n_key, seq) AS after_key
    FROM (SELECT *, seq - row_number() OVER (PARTITION BY pid ORDER BY seq) AS island
          FROM stays_mark WHERE rep)
    GROUP BY pid, island`);
  // Corrections keyed by the event's rec_key: the event a run of repeats folds into (its next
  // event lies past the run) and the event after a run (its previous event is the one the run
  // folded into). An event between two runs gets both, in one row.
  await run(`CREATE OR REPLACE TEMP TABLE stays_fix AS
    SELECT rec_key, any_value(more_keys) AS more_keys,
           bool_or(fix_next) AS fix_next,
           any_value(next_entry) AS next_entry, any_value(next_date) AS next_date,
           any_value(next_port) AS next_port, any_value(next_key) AS next_key, any_value(prev_date) AS prev_date
    FROM (SELECT head_key AS rec_key, more_keys, true AS fix_next, after_entry AS next_entry,
                 after_date AS next_date, after_port AS next_port, after_key AS next_key,
                 NULL::DATE AS prev_date
          FROM stays_chain
          UNION ALL
          SELECT after_key, NULL, false, NULL, NULL, NULL, NULL, head_date
          FROM stays_chain WHERE after_key IS NOT NULL)
    GROUP BY rec_key`);
  await run(`CREATE OR REPLACE TEMP TABLE stays_typical AS
    SELECT pid, least(median(next_date - local_date), ${policy.stays.max_inferred_stay_days})::INTEGER AS typical
    FROM (${EVENTS_SQL}) WHERE entry AND NOT next_entry GROUP BY pid`);
}

/**
 * Events: crossings that are not repeats, each with the one before and after it (past any run of
 * repeats), and the rec_keys of the repeats folded into it (`more_keys`).
 */
const EVENTS_SQL = `
    SELECT m.pid, m.pe, m.rec_key, m.local_date, m.entry, m.port, f.more_keys,
           m.p_entry AS prev_entry, coalesce(f.prev_date, m.p_date) AS prev_date,
           CASE WHEN f.fix_next THEN f.next_entry ELSE m.n_entry END AS next_entry,
           CASE WHEN f.fix_next THEN f.next_date ELSE m.n_date END AS next_date,
           CASE WHEN f.fix_next THEN f.next_port ELSE m.n_port END AS next_port,
           CASE WHEN f.fix_next THEN f.next_key ELSE m.n_key END AS next_key,
           n.more_keys AS next_more_keys
    FROM stays_mark m LEFT JOIN stays_fix f ON f.rec_key = m.rec_key
    LEFT JOIN stays_fix n ON n.rec_key = CASE WHEN f.fix_next THEN f.next_key ELSE m.n_key END
    WHERE NOT m.rep`;

/** SQL: INSERT INTO stays, from the events and the typical stays. */
async function insertStaysSql(store: Store, policy: Policy): Promise<string> {
  const maxInferred = policy.stays.max_inferred_stay_days;
  const bounds = await store.one<{ data_start: string | null; data_end: string | null }>(
    "SELECT data_start::VARCHAR AS data_start, data_end::VARCHAR AS data_end FROM run_bounds",
  );
  const dataStart = bounds?.data_start ? `DATE '${bounds.data_start}'` : "NULL::DATE";
  const dataEnd = bounds?.data_end ? `DATE '${bounds.data_end}'` : "NULL::DATE";
  // One stay per entry (paired with the next exit, else an inferred exit, else open at the end)
  // and per exit not preceded by an entry (inside since the logs start, or the entry was lost);
  // one pass over the events, written straight to stays. Record keys and flags are built as
  // lists only where a repeat needs it; the usual stay gets a two-element list and a flag list
  // picked by its bit mask.
  const days = (a: string, b: string) => daysExpr(policy, a, b);
  const exitOnly = "NOT e.entry";
  const paired = "e.entry AND NOT e.next_entry";
  const repeated = `e.more_keys IS NOT NULL OR (${paired} AND e.next_more_keys IS NOT NULL)`;
  return `INSERT INTO stays
  WITH s AS (
    SELECT e.pid, e.pe,
           CASE WHEN e.entry THEN e.port END AS port_in,
           CASE WHEN ${exitOnly} THEN e.port WHEN ${paired} THEN e.next_port END AS port_out,
           CASE WHEN e.entry THEN e.local_date
                WHEN e.prev_entry IS NULL THEN ${dataStart}
                ELSE greatest(e.prev_date + 1, e.local_date - coalesce(t.typical, ${maxInferred}))
           END AS entered_on,
           CASE WHEN ${exitOnly} THEN e.local_date
                WHEN ${paired} THEN e.next_date
                WHEN e.next_entry THEN least(e.next_date - 1,
                     e.local_date + coalesce(t.typical, ${maxInferred}))
           END AS exited_on,
           coalesce(${paired}, false) AS paired, e.rec_key, e.next_key, e.more_keys,
           CASE WHEN ${paired} THEN e.next_more_keys END AS next_more_keys,
           CASE WHEN e.entry THEN
                  ${flagBit("inferred-exit", "e.next_entry")}
                  + ${flagBit("open-at-end", "e.next_entry IS NULL")}
                  + ${flagBit("duplicate-crossing", repeated)}
                  + ${flagBit("port-transfer", `${paired} AND e.next_port <> e.port`)}
                ELSE ${flagBit("open-at-start", "e.prev_entry IS NULL")}
                  + ${flagBit("inferred-entry", "e.prev_entry IS NOT NULL")}
                  + ${flagBit("duplicate-crossing", "e.more_keys IS NOT NULL")}
           END AS mask
    FROM (${EVENTS_SQL}) e LEFT JOIN stays_typical t USING (pid)
    -- An exit right after an entry closes that entry's stay.
    WHERE e.entry OR e.prev_entry IS NULL OR NOT e.prev_entry)
  -- In person order (pid follows person_id): a person's stays are then one row group, which a
  -- read by person (src/read/persons.ts) finds by its zone map. The sort moves narrow columns
  -- (the person and ports as their ENUMs, keys); the text and the lists are built from them
  -- after it, in its order. A stay cites its records by rec_key only: their source:record_id
  -- is read from records where an output shows it (src/read/records.ts).
  SELECT pe::VARCHAR AS person_id, port_in::VARCHAR, port_out::VARCHAR, entered_on, exited_on,
         greatest(${days("entered_on", `coalesce(exited_on, ${dataEnd})`)}, 0)::INTEGER AS days,
         ${flagListsSql()}[mask + 1] AS flags,
         CASE WHEN more_keys IS NULL AND next_more_keys IS NULL THEN
                CASE WHEN paired THEN list_value(rec_key, next_key) ELSE list_value(rec_key) END
              ELSE list_concat([rec_key], coalesce(more_keys, []),
                     CASE WHEN paired THEN list_concat([next_key], coalesce(next_more_keys, [])) ELSE [] END)
         END AS record_keys
  FROM (SELECT * FROM s ORDER BY pid, entered_on)`;
}
