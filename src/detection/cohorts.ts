/**
 * Cohorts: people who cross together — same port, same day, same direction — again and again.
 *
 * Comparing every pair of co-travellers is quadratic in group size (a coach-load of 250 is 31,000
 * pairs per crossing), so seeds come from MinHash banding instead, linear in crossings:
 *
 * 1. group crossings: (port, day, direction) with at least `cohorts.min_group_size` persons,
 *    counting only crossings that bound a stay of two nights or more (drivers' same-day
 *    trips would otherwise fill every busy port-day);
 * 2. per person, four bands of two MinHash values over their group crossings; persons sharing a
 *    band are joined (union-find). Two people share a band with probability ≈ Jaccard², so a team
 *    that crosses together links and two teams that met at the border once do not;
 * 3. a seed's *movements* are the group crossings most of its members made; every person is then
 *    assigned to the seed whose movements cover most of their own group crossings — this brings
 *    in replacements and first-timers that joined late, and stragglers who missed a crossing;
 * 4. kind (labour team, tour group, unknown) by classifyCohort; roles per member.
 */
import { classifyCohort } from "../core/detection/classify-cohort.js";
import type { Policy } from "../core/detection/policy.js";
import { UnionFind } from "../core/graph/union-find.js";
import type { Store } from "../db/store.js";

const BANDS = 4;

export interface CohortStats {
  group_crossings: number;
  cohorts: number;
  labor_teams: number;
  tour_groups: number;
  members: number;
}

export async function buildCohorts(store: Store, policy: Policy): Promise<CohortStats> {
  const c = policy.cohorts;
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_pidx AS
    SELECT person_id, (row_number() OVER (ORDER BY person_id) - 1)::INTEGER AS pid FROM det_features`);
  // Person crossings that bound a stay of ≥ 2 nights (not inferred ends).
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_pe AS
    WITH b AS (SELECT * FROM det_bounds),
    e AS (
      SELECT s.person_id, s.port_in AS port, s.entered_on AS d, 'entry' AS dir FROM stays s, b
      WHERE coalesce(s.exited_on, b.data_end) - s.entered_on >= 2 AND s.port_in IS NOT NULL
        AND NOT list_has_any(s.flags, ['inferred-entry', 'open-at-start'])
      UNION ALL
      SELECT s.person_id, s.port_out, s.exited_on, 'exit' FROM stays s
      WHERE s.exited_on - s.entered_on >= 2 AND s.port_out IS NOT NULL
        AND NOT list_has_any(s.flags, ['inferred-exit']))
    SELECT DISTINCT p.pid, e.port, e.d, e.dir FROM e JOIN coh_pidx p USING (person_id)`);
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_ev AS
    SELECT port, d, dir, (row_number() OVER (ORDER BY d, port, dir))::INTEGER AS eid, count(*) AS sz
    FROM coh_pe GROUP BY port, d, dir HAVING count(*) >= ${c.min_group_size}`);
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_pev AS
    SELECT pe.pid, ev.eid FROM coh_pe pe JOIN coh_ev ev USING (port, d, dir)`);
  const bandCols = Array.from(
    { length: BANDS },
    (_, b) => `min(hash(eid, ${2 * b + 1})) AS h${b}a, min(hash(eid, ${2 * b + 2})) AS h${b}b`,
  ).join(", ");
  await store.run(
    `CREATE OR REPLACE TEMP TABLE coh_sig AS SELECT pid, ${bandCols} FROM coh_pev GROUP BY pid`,
  );
  const edgeSql = Array.from(
    { length: BANDS },
    (_, b) =>
      `SELECT pid, min(pid) OVER (PARTITION BY h${b}a, h${b}b) AS root,
              count(*) OVER (PARTITION BY h${b}a, h${b}b) AS n FROM coh_sig`,
  ).join(" UNION ALL ");
  const edges = await store.all<{ pid: number; root: number }>(
    `SELECT pid, root FROM (${edgeSql}) WHERE n >= 3 AND pid <> root`,
  );
  const persons = Number(
    (await store.one<{ n: bigint }>("SELECT count(*) AS n FROM coh_pidx"))?.n ?? 0,
  );
  const uf = new UnionFind(Math.max(persons, 1));
  for (const e of edges) uf.union(e.pid, e.root);
  const seedPids = await store.all<{ pid: number }>("SELECT pid FROM coh_sig");
  await store.run("CREATE OR REPLACE TEMP TABLE coh_seed (pid INTEGER, seed INTEGER)");
  const appender = await store.conn.createAppender("coh_seed", "main", "temp");
  for (const { pid } of seedPids) {
    appender.appendInteger(pid);
    appender.appendInteger(uf.find(pid));
    appender.endRow();
  }
  appender.closeSync();
  // A seed's movements: group crossings made by at least half its members (≥ 3 people).
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_move AS
    WITH seeds AS (SELECT seed, count(*) AS members FROM coh_seed GROUP BY seed
                   HAVING count(*) >= ${c.min_group_size}),
    hits AS (SELECT s.seed, v.eid, count(*) AS n FROM coh_pev v JOIN coh_seed s USING (pid)
             JOIN seeds USING (seed) GROUP BY s.seed, v.eid)
    SELECT h.seed, h.eid FROM hits h JOIN seeds USING (seed)
    WHERE h.n >= greatest(3, ${c.min_group_size} / 2, seeds.members * 0.15)`);
  // Assign each person to the seed whose movements cover most of their group crossings.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_assign AS
    WITH per AS (SELECT pid, count(*) AS n FROM coh_pev GROUP BY pid),
    hit AS (SELECT v.pid, m.seed, count(*) AS hits FROM coh_pev v JOIN coh_move m USING (eid)
            GROUP BY v.pid, m.seed),
    best AS (SELECT pid, arg_max(seed, hits) AS seed, max(hits) AS hits FROM hit GROUP BY pid)
    SELECT b.pid, b.seed, b.hits, per.n FROM best b JOIN per USING (pid)
    WHERE b.hits >= 2 AND b.hits >= per.n * 0.5`);
  // Cohort shape and kind (classifyCohort, pure) per seed with enough members.
  const shapes = await store.all<{
    seed: number;
    members: bigint;
    entries_together: bigint;
    median_stay_nights: number;
    median_presence_share: number;
  }>(`WITH mem AS (SELECT a.seed, f.* FROM coh_assign a JOIN coh_pidx p USING (pid)
                   JOIN det_features f USING (person_id))
    SELECT mem.seed, count(*) AS members,
           (SELECT count(DISTINCT ev.d) FROM coh_move m JOIN coh_ev ev USING (eid)
            WHERE m.seed = mem.seed AND ev.dir = 'entry') AS entries_together,
           median(median_stay)::DOUBLE AS median_stay_nights,
           median(presence_share)::DOUBLE AS median_presence_share
    FROM mem GROUP BY mem.seed HAVING count(*) >= ${c.min_group_size}`);
  await store.run("CREATE OR REPLACE TEMP TABLE coh_kind (seed INTEGER, kind VARCHAR)");
  const kinds = await store.conn.createAppender("coh_kind", "main", "temp");
  for (const s of shapes) {
    kinds.appendInteger(s.seed);
    kinds.appendVarchar(
      classifyCohort(
        {
          entries_together: Number(s.entries_together),
          median_stay_nights: s.median_stay_nights,
          median_presence_share: s.median_presence_share,
        },
        policy,
      ),
    );
    kinds.endRow();
  }
  kinds.closeSync();
  // Cohort ids from the cohort's first movement and its smallest member: stable across reruns
  // while the cohort's data does not change.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_id AS
    SELECT k.seed, k.kind, 'K-' || upper(substr(md5(min(ev.d)::VARCHAR || min(ev.port) || min(p.person_id)), 1, 12)) AS cohort_id
    FROM coh_kind k JOIN coh_move m USING (seed) JOIN coh_ev ev USING (eid)
    JOIN coh_assign a ON a.seed = k.seed JOIN coh_pidx p ON p.pid = a.pid
    GROUP BY k.seed, k.kind`);
  await store.run("DELETE FROM cohorts");
  await store.run("DELETE FROM cohort_members");
  await store.run(`INSERT INTO cohorts
    WITH mv AS (SELECT m.seed, ev.d, ev.port, ev.dir, count(a.pid) AS present
                FROM coh_move m JOIN coh_ev ev USING (eid)
                LEFT JOIN coh_pev v ON v.eid = m.eid
                LEFT JOIN coh_assign a ON a.pid = v.pid AND a.seed = m.seed
                GROUP BY ALL),
    sp AS (SELECT a.seed, r.sponsor, count(*) AS n FROM coh_assign a JOIN coh_pidx p USING (pid)
           JOIN det_rec r USING (person_id) WHERE r.sponsor IS NOT NULL GROUP BY ALL)
    SELECT i.cohort_id, i.kind,
           (SELECT list(DISTINCT port ORDER BY port) FROM mv WHERE mv.seed = i.seed),
           coalesce((SELECT list(sponsor ORDER BY n DESC, sponsor)[1:5] FROM sp WHERE sp.seed = i.seed), []),
           (SELECT min(d) FROM mv WHERE mv.seed = i.seed), (SELECT max(d) FROM mv WHERE mv.seed = i.seed),
           (SELECT to_json(list({date: strftime(d, '%Y-%m-%d'), port: port, direction: dir, members: present} ORDER BY d, dir))
            FROM mv WHERE mv.seed = i.seed)
    FROM coh_id i`);
  // Roles: a member who joined after the cohort's first movement is a first-timer when the logs
  // had never seen them before, else a replacement; a member who crossed off the team's days for
  // part of their crossings is a straggler; everyone else is core.
  await store.run(`INSERT INTO cohort_members
    WITH mem AS (
      SELECT i.cohort_id, p.person_id, a.hits, a.n, k.first_seen AS cohort_first
      FROM coh_assign a JOIN coh_id i USING (seed) JOIN coh_pidx p USING (pid)
      JOIN cohorts k ON k.cohort_id = i.cohort_id),
    span AS (SELECT person_id, min(entered_on) AS first_in, max(coalesce(exited_on, entered_on)) AS last_out,
                    bool_or(list_contains(flags, 'open-at-start')) AS since_start
             FROM stays GROUP BY person_id),
    mv AS (SELECT i.cohort_id, min(ev.d) AS d FROM coh_id i JOIN coh_move m USING (seed)
           JOIN coh_ev ev USING (eid) GROUP BY ALL),
    prior AS (SELECT m.cohort_id, m.person_id, min(v.d) AS first_with
              FROM mem m JOIN coh_pidx p USING (person_id) JOIN coh_pe v USING (pid)
              GROUP BY ALL)
    SELECT m.cohort_id, m.person_id, s.first_in, s.last_out,
           CASE WHEN s.first_in > m.cohort_first + ${c.straggler_days} AND NOT s.since_start
                  THEN CASE WHEN pr.first_with <= s.first_in THEN 'first-timer' ELSE 'replacement' END
                WHEN m.hits < m.n THEN 'straggler'
                ELSE 'core' END
    FROM mem m JOIN span s USING (person_id) LEFT JOIN prior pr USING (cohort_id, person_id)`);
  const row = await store.one<Record<string, bigint>>(`SELECT
      (SELECT count(*) FROM coh_ev) AS g, (SELECT count(*) FROM cohorts) AS c,
      (SELECT count(*) FROM cohorts WHERE kind = 'labor-team') AS l,
      (SELECT count(*) FROM cohorts WHERE kind = 'tour-group') AS t,
      (SELECT count(*) FROM cohort_members) AS m`);
  return {
    group_crossings: Number(row?.g ?? 0),
    cohorts: Number(row?.c ?? 0),
    labor_teams: Number(row?.l ?? 0),
    tour_groups: Number(row?.t ?? 0),
    members: Number(row?.m ?? 0),
  };
}
