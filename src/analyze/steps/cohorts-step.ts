/**
 * Cohorts: people who cross together — same port, same day, same direction, within minutes of
 * each other — again and again.
 *
 * Comparing every pair of co-travellers is quadratic in group size (a coach-load of 250 is 31,000
 * pairs per crossing), so the work is done on group crossings, not on pairs of persons. Steps 1–4
 * are counting over integer columns and run in typed arrays (findCohorts, core); this module
 * reads the crossings and writes the tables:
 *
 * 1. group crossings: crossings that bound a stay of two nights or more (drivers' same-day trips
 *    would otherwise fill every busy port-day), per port, day and direction, split where the log
 *    has the time of day into runs with no gap over `cohorts.time_gap_minutes` (two teams at one
 *    port on one day pass the counter at different hours); a run of at least
 *    `cohorts.min_group_size` persons is a group crossing. Where the log has only dates, the
 *    whole port-day is one group crossing; date-only records on a port-day that has timed group
 *    crossings are matched to all of them, and the membership step decides;
 * 2. two group crossings are movements of one set when the persons who made both overlap by
 *    Jaccard ≥ `cohorts.link_min_jaccard` (compared along each person's sequence, up to
 *    LINK_REACH group crossings ahead — linear in crossings). The threshold is above one half,
 *    so a crossing that two teams happened to share links to at most one of them, and the
 *    look-ahead bridges it for the other; sets are the connected components (union-find);
 * 3. repairs: sets home to too few persons are dropped; a crossing two teams shared becomes a
 *    movement of each; sets cut apart by long shared stretches are joined through the persons
 *    they share;
 * 4. every person joins the set whose movements cover most of their crossings, if that is at
 *    least `cohorts.min_coverage` of them and the person travels on one of the set's visa
 *    types. A crossing is covered when it is one of the set's movements, or — for stragglers —
 *    when it lies within `cohorts.straggler_days` of one in the same city and direction and the
 *    person's sponsor is one the set's members were recorded under. This brings in
 *    replacements and first-timers that joined late, members whose crossings went through the
 *    city's other port, and stragglers of a one-off exit wave;
 * 5. kind (labour team, tour group, unknown) by classifyCohort; roles per member.
 */
import { classifyCohort } from "../../core/detection/classify-cohort.js";
import { findCohorts } from "../../core/detection/find-cohorts.js";
import type { Policy } from "../../core/detection/policy.js";
import type { Store } from "../../db/store.js";
import { loadGazetteer } from "../../gazetteer/load-gazetteer.js";
import { commitScratch } from "../commit-scratch.js";
import { cpuClock } from "../cpu-clock.js";
import type { AnalyzeRun } from "../run.js";
import type { AnalyzeStep, Stage } from "../step.js";
import {
  count,
  FIND_BYTES_PER_CROSSING,
  READ_BYTES_PER_CROSSING,
  readCrossings,
  writeColumns,
} from "./cohort-arrays.js";
import { sponsorKeySql } from "./sponsor-key.js";
import { unchanged } from "./stays-step.js";

/**
 * Group crossings ahead in a person's sequence that a link may reach: bridges up to seven in a
 * row shared with other teams (at scale 0.1 of the scenarios, three were too few).
 */
const LINK_REACH = 8;

export interface CohortStats {
  group_crossings: number;
  cohorts: number;
  labor_teams: number;
  tour_groups: number;
  members: number;
  /** Crossings findCohorts counted over (the input of its parts). */
  crossings: number;
  /**
   * CPU seconds of the process (DuckDB's threads included) per stage, and per part of
   * findCohorts within the "sets" stage: the figures by which the step's cost is compared with
   * the records' count across scales (docs/cohorts.md).
   */
  cpu_seconds: Record<string, number>;
}

const STAGES = ["inputs", "crossings", "sets", "members"] as const;

export const cohortsStep: AnalyzeStep<CohortStats | { skipped: true }> = {
  id: "cohorts",
  description: "groups that cross together again and again; labour teams vs tour groups",
  stages: STAGES,
  reads: ["records", "stays", "run_crossings", "run_bounds", "run_indicators"],
  writes: ["cohorts", "cohort_members"],
  async run(run, stage) {
    if (unchanged(run)) return { skipped: true };
    return buildCohorts(run, stage);
  },
};

async function buildCohorts(run: AnalyzeRun, stage: Stage): Promise<CohortStats> {
  const { store } = run;
  const cpu: Record<string, number> = {};
  const clock = cpuClock();
  const timed = async <T>(name: (typeof STAGES)[number], fn: () => Promise<T>) => {
    clock();
    const r = await stage(name, fn);
    cpu[name] = clock();
    return r;
  };
  await timed("inputs", async () => {
    await run.memory.release();
    await numberCohortInputs(store);
    // Committed, the temporary tables are read on every thread (commit-scratch.ts).
    await commitScratch(store);
  });
  await timed("crossings", async () => {
    await selectGroupCrossings(store);
    await commitScratch(store);
    await run.memory.release();
  });
  const found = await timed("sets", async () => {
    const sets = await findCohortSets(run, cpu);
    // The typed arrays are garbage now: collected before DuckDB gets its cap back.
    await run.memory.endJs();
    return sets;
  });
  await timed("members", async () => {
    await classifyCohorts(store, run.policy);
    await writeCohorts(store, run.policy);
    for (const t of COHORT_TEMP_TABLES) await store.run(`DROP TABLE ${t}`);
  });
  const row = await store.one<Record<string, bigint>>(`SELECT
      (SELECT count(*) FROM cohorts) AS c,
      (SELECT count(*) FROM cohorts WHERE kind = 'labor-team') AS l,
      (SELECT count(*) FROM cohorts WHERE kind = 'tour-group') AS t,
      (SELECT count(*) FROM cohort_members) AS m`);
  return {
    group_crossings: found.groupCrossings,
    cohorts: Number(row?.c ?? 0),
    labor_teams: Number(row?.l ?? 0),
    tour_groups: Number(row?.t ?? 0),
    members: Number(row?.m ?? 0),
    crossings: found.crossings,
    cpu_seconds: cpu,
  };
}

const COHORT_TEMP_TABLES = [
  "coh_port_city",
  "coh_pidx",
  "coh_pcode",
  "coh_port",
  "coh_sk",
  "coh_vk",
  "coh_assign",
  "coh_mv",
  "coh_sp",
  "coh_kind",
  "coh_id",
];

/**
 * Small integer codes for persons (coh_pidx, and coh_pcode keyed by run_crossings's person
 * type), ports with their city (coh_port), sponsor spellings and keys (coh_sk) and visa types
 * (coh_vk): the stay-end match joins on them, and findCohorts counts over them.
 */
async function numberCohortInputs(store: Store): Promise<void> {
  await store.run("CREATE OR REPLACE TEMP TABLE coh_port_city (port_id VARCHAR, city_id VARCHAR)");
  const cities = await store.conn.createAppender("coh_port_city", "main", "temp");
  for (const p of loadGazetteer().ports) {
    cities.appendVarchar(p.id);
    cities.appendVarchar(p.city_id || p.id);
    cities.endRow();
  }
  cities.closeSync();
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE coh_pidx AS
    SELECT person_id, (row_number() OVER (ORDER BY person_id) - 1)::INTEGER AS pid FROM run_indicators`);
  // The same numbers keyed by run_crossings's own person type (an ENUM of the stays step):
  // joining run_crossings to the text ids would cast every crossing's person to text and hash
  // strings (≈ 2 CPU-s at 10M). An empty copy of run_crossings's column gives the type; the
  // insert casts the persons' ids to it.
  await store.run(
    "CREATE OR REPLACE TEMP TABLE coh_pcode AS SELECT person_id AS pe, 0::INTEGER AS pid FROM run_crossings LIMIT 0",
  );
  await store.run("INSERT INTO coh_pcode SELECT person_id, pid FROM coh_pidx");
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE coh_port AS
    SELECT port, (row_number() OVER (ORDER BY port))::INTEGER AS pno,
           (dense_rank() OVER (ORDER BY coalesce(pc.city_id, port)))::INTEGER AS cno
    FROM (SELECT DISTINCT port FROM run_crossings WHERE port IS NOT NULL) LEFT JOIN coh_port_city pc ON pc.port_id = port`);
  // Spellings first, then their keys: a filter on the key would be pushed below the DISTINCT
  // and run the regular expressions once per record.
  await store.run(
    "CREATE OR REPLACE TEMP TABLE coh_sk AS SELECT DISTINCT sponsor FROM run_crossings WHERE sponsor IS NOT NULL",
  );
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE coh_sk AS
    SELECT sponsor, (row_number() OVER (ORDER BY sponsor))::INTEGER AS spid,
           (CASE WHEN k IS NOT NULL THEN dense_rank() OVER (ORDER BY k) END)::INTEGER AS sk
    FROM (SELECT sponsor, nullif(${sponsorKeySql("r.sponsor")}, '') AS k FROM coh_sk r)`);
  // Papers: visa type and document type together (a team travels on one kind of papers).
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE coh_vk AS
    SELECT visa_type, doc_type, (row_number() OVER (ORDER BY visa_type, doc_type))::INTEGER AS vk
    FROM (SELECT DISTINCT visa_type, doc_type FROM run_crossings
          WHERE visa_type IS NOT NULL OR doc_type IS NOT NULL)`);
}

/** coh_x: the crossings that bound a stay of two nights or more, in integer columns. */
async function selectGroupCrossings(store: Store): Promise<void> {
  // Records of crossings that bound a stay of ≥ 2 nights (not inferred ends), in integer
  // columns, with the time of day where the log recorded one (minutes since the epoch: the
  // clock of one port is all a gap needs), a sponsor key and spelling and a visa type. Both
  // sides of the stay-end match are put in integers first: a join on person and port names
  // would hash and compare strings for 10M records against 5M stay ends.
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE coh_x AS
    WITH b AS (SELECT * FROM run_bounds),
    e AS (
      SELECT s.person_id, s.port_in AS port, s.entered_on AS d, false AS out FROM stays s, b
      WHERE coalesce(s.exited_on, b.data_end) - s.entered_on >= 2 AND s.port_in IS NOT NULL
        AND NOT list_has_any(s.flags, ['inferred-entry', 'open-at-start'])
      UNION ALL
      SELECT s.person_id, s.port_out, s.exited_on, true FROM stays s
      WHERE s.exited_on - s.entered_on >= 2 AND s.port_out IS NOT NULL
        AND NOT list_has_any(s.flags, ['inferred-exit'])),
    ends AS (SELECT p.pid, cp.pno, e.d, e.out FROM e JOIN coh_pidx p USING (person_id)
             JOIN coh_port cp USING (port)),
    r AS (SELECT p.pid, cp.pno, cp.cno, r.local_date AS d, r.direction = 'exit' AS out, r.rec_key,
                 r.crossed_at, r.sponsor, r.visa_type, r.doc_type
          FROM run_crossings r JOIN coh_pcode p ON p.pe = r.person_id JOIN coh_port cp USING (port))
    SELECT r.pid, r.pno, r.cno, r.d, r.out,
           -- IN, not a LEFT JOIN: the optimizer, without statistics on the temporary tables,
           -- built the join's hash table on the 5.7M crossings instead of the 1.1M date-only
           -- records (≈ 2 CPU-s at 10M); an IN list is always built on the subquery.
           CASE WHEN r.rec_key NOT IN (SELECT rec_key FROM records WHERE time_precision = 'date'::time_precision_code)
                THEN (epoch(r.crossed_at) // 60)::INTEGER END AS minute,
           sk.sk, sk.spid, vk.vk
    FROM r SEMI JOIN ends USING (pid, pno, d, out)
    LEFT JOIN coh_sk sk ON sk.sponsor = r.sponsor
    LEFT JOIN coh_vk vk ON vk.visa_type IS NOT DISTINCT FROM r.visa_type
                         AND vk.doc_type IS NOT DISTINCT FROM r.doc_type`);
}

/** Steps 1–4 in findCohorts; its sets, movements and sponsors as coh_assign, coh_mv, coh_sp. */
async function findCohortSets(
  run: AnalyzeRun,
  cpu: Record<string, number>,
): Promise<{ groupCrossings: number; crossings: number }> {
  const { store } = run;
  const c = run.policy.cohorts;
  // Steps 1–4 (group crossings, sets, repairs, membership) are counting over integer columns:
  // findCohorts does them in typed arrays, in one pass each, from the crossings in port-day order.
  // The arrays grow with the crossings (about 4 GB at 100M records): DuckDB's limit is lowered
  // to leave them room, its temporary tables spilled past it, so the process stays near its cap.
  const persons = await count(store, "coh_pidx");
  const n = await count(store, "coh_x");
  const mib = (bytesPerCrossing: number) => (n * bytesPerCrossing) / 2 ** 20;
  await run.memory.roomForJs(mib(READ_BYTES_PER_CROSSING));
  const xs = await readCrossings(store, persons);
  await store.run("DROP TABLE coh_x");
  await run.memory.roomForJs(mib(FIND_BYTES_PER_CROSSING));
  const clock = cpuClock();
  const found = findCohorts(
    xs,
    persons,
    {
      min_group_size: c.min_group_size,
      time_gap_minutes: c.time_gap_minutes,
      link_min_jaccard: c.link_min_jaccard,
      link_reach: LINK_REACH,
      min_coverage: c.min_coverage,
      min_shared_crossings: c.min_shared_crossings,
      straggler_days: c.straggler_days,
    },
    (part) => {
      cpu[`sets: ${part}`] = clock();
    },
  );
  await writeColumns(store, "coh_assign", found.members, {
    pid: "INTEGER",
    seed: "INTEGER",
    hits: "INTEGER",
    off_days: "INTEGER",
    n: "INTEGER",
    first_day: "INTEGER",
  });
  await writeColumns(store, "coh_mv", found.movements, {
    seed: "INTEGER",
    day: "INTEGER",
    pno: "INTEGER",
    out: "BOOLEAN",
    present: "INTEGER",
  });
  await writeColumns(store, "coh_sp", found.sponsors, {
    seed: "INTEGER",
    spid: "INTEGER",
    n: "INTEGER",
  });
  return { groupCrossings: found.group_crossings, crossings: xs.pid.length };
}

/** coh_kind: each set's kind, by classifyCohort over its shape. */
async function classifyCohorts(store: Store, policy: Policy): Promise<void> {
  // Cohort shape and kind (classifyCohort, pure).
  const shapes = await store.all<{
    seed: number;
    entries_together: bigint;
    exits_together: bigint;
    median_stay_nights: number;
    median_presence_share: number;
  }>(`WITH mem AS (SELECT a.seed, f.* FROM coh_assign a JOIN coh_pidx p USING (pid)
                   JOIN run_indicators f USING (person_id)),
    mv AS (SELECT seed, count(DISTINCT day) FILTER (WHERE NOT out) AS entries,
                  count(DISTINCT day) FILTER (WHERE out) AS exits
           FROM coh_mv GROUP BY seed)
    SELECT mem.seed, any_value(mv.entries) AS entries_together, any_value(mv.exits) AS exits_together,
           median(median_stay)::DOUBLE AS median_stay_nights,
           median(presence_share)::DOUBLE AS median_presence_share
    FROM mem JOIN mv USING (seed) GROUP BY mem.seed`);
  await store.run("CREATE OR REPLACE TEMP TABLE coh_kind (seed INTEGER, kind VARCHAR)");
  const kinds = await store.conn.createAppender("coh_kind", "main", "temp");
  for (const s of shapes) {
    kinds.appendInteger(s.seed);
    kinds.appendVarchar(
      classifyCohort(
        {
          entries_together: Number(s.entries_together),
          exits_together: Number(s.exits_together),
          median_stay_nights: s.median_stay_nights,
          median_presence_share: s.median_presence_share,
        },
        policy,
      ),
    );
    kinds.endRow();
  }
  kinds.closeSync();
}

/** The cohorts and cohort_members tables, with stable ids (coh_id) and roles. */
async function writeCohorts(store: Store, policy: Policy): Promise<void> {
  const c = policy.cohorts;
  // Cohort ids from the cohort's first movement and its smallest member: stable across reruns
  // while the cohort's data does not change.
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE coh_id AS
    WITH f AS (SELECT m.seed, DATE '1970-01-01' + min(m.day) AS d, arg_min(cp.port, (m.day, cp.port)) AS port
               FROM coh_mv m JOIN coh_port cp USING (pno) GROUP BY m.seed),
    p AS (SELECT a.seed, min(p.person_id) AS person_id FROM coh_assign a JOIN coh_pidx p USING (pid) GROUP BY a.seed)
    SELECT k.seed, k.kind, 'K-' || upper(substr(md5(f.d::VARCHAR || f.port || p.person_id), 1, 12)) AS cohort_id
    FROM coh_kind k JOIN f USING (seed) JOIN p USING (seed)`);
  await commitScratch(store);
  await store.run("DELETE FROM cohorts");
  await store.run("DELETE FROM cohort_members");
  await store.runPolled(`INSERT INTO cohorts
    WITH mv AS (SELECT m.seed, DATE '1970-01-01' + m.day AS d, cp.port,
                       CASE WHEN m.out THEN 'exit' ELSE 'entry' END AS dir, m.present
                FROM coh_mv m JOIN coh_port cp USING (pno)),
    sp AS (SELECT p.seed, s.sponsor, p.n FROM coh_sp p JOIN coh_sk s USING (spid))
    SELECT i.cohort_id, i.kind,
           (SELECT list(DISTINCT port ORDER BY port) FROM mv WHERE mv.seed = i.seed),
           coalesce((SELECT list(sponsor ORDER BY n DESC, sponsor)[1:5] FROM sp WHERE sp.seed = i.seed), []),
           (SELECT min(d) FROM mv WHERE mv.seed = i.seed), (SELECT max(d) FROM mv WHERE mv.seed = i.seed),
           (SELECT to_json(list({date: strftime(d, '%Y-%m-%d'), port: port, direction: dir, members: present} ORDER BY d, dir, port))
            FROM mv WHERE mv.seed = i.seed)
    FROM coh_id i`);
  // Roles: a member who joined after the cohort's first movement is a first-timer when the logs
  // had never seen them before, else a replacement; a member who crossed within straggler_days
  // of a movement instead of on it, for a quarter or more of their crossings, is a straggler
  // (one late day in two years of rotation is not); everyone else is core. `why` says what the
  // membership rests on: crossings on the team's movements, near them under its sponsor.
  await store.runPolled(`INSERT INTO cohort_members
    WITH mem AS (
      SELECT i.cohort_id, p.person_id, a.hits, a.off_days, a.n, k.first_seen AS cohort_first,
             DATE '1970-01-01' + a.first_day AS first_with
      FROM coh_assign a JOIN coh_id i USING (seed) JOIN coh_pidx p USING (pid)
      JOIN cohorts k ON k.cohort_id = i.cohort_id),
    span AS (SELECT person_id, min(entered_on) AS first_in, max(coalesce(exited_on, entered_on)) AS last_out,
                    bool_or(list_contains(flags, 'open-at-start')) AS since_start
             FROM stays SEMI JOIN mem USING (person_id) GROUP BY person_id)
    SELECT m.cohort_id, m.person_id, s.first_in, s.last_out,
           CASE WHEN s.first_in > m.cohort_first + ${c.straggler_days} AND NOT s.since_start
                  THEN CASE WHEN m.first_with <= s.first_in THEN 'first-timer' ELSE 'replacement' END
                WHEN m.off_days >= 0.25 * m.n THEN 'straggler'
                ELSE 'core' END,
           'crossed with the team on ' || m.hits || ' of ' || m.n || ' crossings'
             || CASE WHEN m.off_days > 0 THEN '; ' || m.off_days || ' more within '
                  || ${c.straggler_days} || ' days of a team crossing, under the team''s sponsor' ELSE '' END
             || CASE WHEN m.hits + m.off_days = m.n THEN '' ELSE '; '
                  || (m.n - m.hits - m.off_days) || ' elsewhere' END
    FROM mem m JOIN span s USING (person_id)`);
}
