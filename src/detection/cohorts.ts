/**
 * Cohorts: people who cross together — same port, same day, same direction, within minutes of
 * each other — again and again.
 *
 * Comparing every pair of co-travellers is quadratic in group size (a coach-load of 250 is 31,000
 * pairs per crossing), so the work is done on group crossings, not on pairs of persons:
 *
 * 1. group crossings: crossings that bound a stay of two nights or more (drivers' same-day trips
 *    would otherwise fill every busy port-day), per port, day and direction, split where the log
 *    has the time of day into runs with no gap over `cohorts.time_gap_minutes` (two teams at one
 *    port on one day pass the counter at different hours); a run of at least
 *    `cohorts.min_group_size` persons is a group crossing. Where the log has only dates, the
 *    whole port-day is one group crossing; date-only records on a port-day that has timed group
 *    crossings are matched to all of them, and the membership step decides;
 * 2. two group crossings are movements of one cohort when the persons who made both overlap by
 *    Jaccard ≥ `cohorts.link_min_jaccard` (compared along each person's sequence, up to three
 *    group crossings ahead — linear in crossings). The threshold is above one half, so a crossing
 *    that two teams happened to share links to at most one of them, and the skip-ahead bridges
 *    it for the other; cohorts are the connected sets (union-find);
 * 3. every person joins the cohort whose movements cover most of their crossings, if that is at
 *    least `cohorts.min_coverage` of them. A crossing is covered when it is one of the cohort's
 *    movements, or — for stragglers — when it lies within `cohorts.straggler_days` of one in the
 *    same city and direction and the person's sponsor is one the cohort's members were recorded
 *    under. This brings in replacements and first-timers that joined late, members whose
 *    crossings went through the city's other port, and stragglers of a one-off exit wave;
 * 4. kind (labour team, tour group, unknown) by classifyCohort; roles per member.
 */
import { classifyCohort } from "../core/detection/classify-cohort.js";
import type { Policy } from "../core/detection/policy.js";
import { UnionFind } from "../core/graph/union-find.js";
import type { Store } from "../db/store.js";
import { loadGazetteer } from "../gazetteer/load-gazetteer.js";

/** Group crossings ahead in a person's sequence that a link may reach (bridges two shared ones). */
const LINK_REACH = 8;

/**
 * A sponsor spelling reduced to what survives a change of case, punctuation and legal form
 * (Chinese, Korean, English company suffixes), the same key the sponsors table groups by.
 */
const SPONSOR_KEY_SQL = `nullif(regexp_replace(regexp_replace(lower(r.sponsor),
  '(co\\.?,?\\s*ltd\\.?|company limited|limited|co ltd|有限公司|유한회사|公司|회사)', '', 'g'), '[^\\p{L}\\p{N}]', '', 'g'), '')`;

export interface CohortStats {
  group_crossings: number;
  cohorts: number;
  labor_teams: number;
  tour_groups: number;
  members: number;
}

export async function buildCohorts(store: Store, policy: Policy): Promise<CohortStats> {
  const c = policy.cohorts;
  await store.run("CREATE OR REPLACE TEMP TABLE coh_port_city (port_id VARCHAR, city_id VARCHAR)");
  const cities = await store.conn.createAppender("coh_port_city", "main", "temp");
  for (const p of loadGazetteer().ports) {
    cities.appendVarchar(p.id);
    cities.appendVarchar(p.city_id || p.id);
    cities.endRow();
  }
  cities.closeSync();
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_pidx AS
    SELECT person_id, (row_number() OVER (ORDER BY person_id) - 1)::INTEGER AS pid FROM det_features`);
  // Person crossings that bound a stay of ≥ 2 nights (not inferred ends), with the time of day
  // where the log recorded one (minutes since the epoch: the clock of one port is all a gap
  // needs) and a sponsor key.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_x AS
    WITH b AS (SELECT * FROM det_bounds),
    e AS (
      SELECT s.person_id, s.port_in AS port, s.entered_on AS d, 'entry' AS dir FROM stays s, b
      WHERE coalesce(s.exited_on, b.data_end) - s.entered_on >= 2 AND s.port_in IS NOT NULL
        AND NOT list_has_any(s.flags, ['inferred-entry', 'open-at-start'])
      UNION
      SELECT s.person_id, s.port_out, s.exited_on, 'exit' FROM stays s
      WHERE s.exited_on - s.entered_on >= 2 AND s.port_out IS NOT NULL
        AND NOT list_has_any(s.flags, ['inferred-exit'])),
    rx AS (
      SELECT r.person_id, r.port, r.local_date AS d, r.direction AS dir,
             min(epoch(r.crossed_at)) FILTER (WHERE k.time_precision <> 'date') AS secs,
             min(${SPONSOR_KEY_SQL}) AS skey, min(r.visa_type) AS visa
      FROM det_rec r JOIN records k USING (rec_key) GROUP BY ALL)
    SELECT (row_number() OVER (ORDER BY p.pid, e.d, e.dir))::INTEGER AS xid, p.pid, e.port,
           coalesce(pc.city_id, e.port) AS city, e.d, e.dir, (rx.secs // 60)::BIGINT AS minute, rx.skey, rx.visa
    FROM e JOIN coh_pidx p USING (person_id)
    LEFT JOIN rx USING (person_id, port, d, dir)
    LEFT JOIN coh_port_city pc ON pc.port_id = e.port`);
  // Runs of timed crossings per port, day and direction: k = 1, 2, … ; untimed: k = 0.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_xk AS
    SELECT xid, pid, port, city, d, dir, skey,
           CASE WHEN minute IS NULL THEN 0
                ELSE sum(brk) OVER (PARTITION BY port, d, dir, minute IS NULL ORDER BY minute, xid
                                    ROWS UNBOUNDED PRECEDING) END AS k
    FROM (SELECT *, CASE WHEN minute - lag(minute) OVER (PARTITION BY port, d, dir, minute IS NULL
                                                          ORDER BY minute, xid) <= ${c.time_gap_minutes}
                         THEN 0 ELSE 1 END AS brk FROM coh_x)`);
  // Group crossings: timed runs big enough; else, on port-days without one, the whole port-day.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_ev AS
    WITH timed AS (SELECT port, d, dir, k, any_value(city) AS city, count(*) AS sz FROM coh_xk
                   WHERE k > 0 GROUP BY port, d, dir, k HAVING count(*) >= ${c.min_group_size}),
    whole AS (SELECT port, d, dir, 0 AS k, any_value(city) AS city, count(*) AS sz FROM coh_xk x
              WHERE NOT EXISTS (SELECT 1 FROM timed t WHERE t.port = x.port AND t.d = x.d AND t.dir = x.dir)
              GROUP BY port, d, dir HAVING count(*) >= ${c.min_group_size})
    SELECT (row_number() OVER (ORDER BY d, port, dir, k))::INTEGER AS eid, *
    FROM (SELECT * FROM timed UNION ALL SELECT * FROM whole)`);
  // Who made each group crossing (members), and date-only records on a port-day with timed
  // group crossings, matched to each of them (wildcards: only the membership step uses them).
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_xe AS
    SELECT x.xid, x.pid, e.eid, true AS member FROM coh_xk x
    JOIN coh_ev e ON e.port = x.port AND e.d = x.d AND e.dir = x.dir AND (e.k = x.k OR e.k = 0)
    UNION ALL
    SELECT x.xid, x.pid, e.eid, false FROM coh_xk x
    JOIN coh_ev e ON e.port = x.port AND e.d = x.d AND e.dir = x.dir AND e.k > 0 AND x.k = 0`);
  // Links between group crossings that share most of their persons.
  const leads = Array.from({ length: LINK_REACH }, (_, j) => `lead(eid, ${j + 1}) OVER w`).join(
    ", ",
  );
  const links = await store.all<{ a: number; b: number }>(`
    WITH seq AS (SELECT eid AS a, [${leads}] AS nexts FROM coh_xe WHERE member
                 WINDOW w AS (PARTITION BY pid ORDER BY eid)),
    pairs AS (SELECT a, b, count(*) AS n FROM seq, unnest(nexts) AS t(b) WHERE b IS NOT NULL GROUP BY a, b)
    SELECT p.a, p.b FROM pairs p JOIN coh_ev ea ON ea.eid = p.a JOIN coh_ev eb ON eb.eid = p.b
    WHERE p.n >= 2 AND p.n >= ${c.link_min_jaccard} * (ea.sz + eb.sz - p.n)`);
  const events = Number(
    (await store.one<{ n: number }>("SELECT coalesce(max(eid), 0) AS n FROM coh_ev"))?.n ?? 0,
  );
  const uf = new UnionFind(events + 1);
  for (const l of links) uf.union(l.a, l.b);
  await store.run("CREATE OR REPLACE TEMP TABLE coh_comp (eid INTEGER, comp INTEGER)");
  const comps = await store.conn.createAppender("coh_comp", "main", "temp");
  for (let eid = 1; eid <= events; eid++) {
    comps.appendInteger(eid);
    comps.appendInteger(uf.find(eid));
    comps.endRow();
  }
  comps.closeSync();
  // Crossings on a cohort's movements (exact), then crossings near one (stragglers): the
  // day band is expanded into equal days so the join stays an equi-join.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_hit AS
    SELECT DISTINCT xe.pid, xe.xid, xe.eid, cc.comp FROM coh_xe xe JOIN coh_comp cc USING (eid)`);
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_near AS
    WITH loose AS (SELECT x.xid, x.pid, x.city, x.dir, x.d + o::INTEGER AS day FROM coh_xk x
                   ANTI JOIN coh_hit h USING (xid),
                   range(-${c.straggler_days}, ${c.straggler_days + 1}) AS t(o))
    SELECT DISTINCT l.pid, l.xid, cc.comp FROM loose l
    JOIN coh_ev e ON e.city = l.city AND e.dir = l.dir AND e.d = l.day JOIN coh_comp cc USING (eid)`);
  // A straggler's crossings off the team's days count only when they were recorded under a
  // sponsor and a visa type the cohort's members were recorded under on its movements (a value
  // must recur, so one stray traveller does not lend the cohort a sponsor): a resident worker of
  // the same employer, on a work visa, going home near a team's crossing is not its straggler.
  // A person with no visa type recorded is not held to it.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_assign AS
    WITH n AS (SELECT pid, count(*) AS n FROM coh_x GROUP BY pid),
    tags AS (SELECT xid, pid, 's:' || skey AS tag FROM coh_x WHERE skey IS NOT NULL
             UNION ALL SELECT xid, pid, 'v:' || visa FROM coh_x WHERE visa IS NOT NULL),
    ct AS (SELECT h.comp, t.tag, count(*) AS c FROM coh_hit h JOIN tags t USING (xid) GROUP BY ALL),
    cto AS (SELECT ct.comp, ct.tag FROM ct
            JOIN (SELECT comp, left(tag, 2) AS kind, sum(c) AS t FROM ct GROUP BY ALL) s
              ON s.comp = ct.comp AND s.kind = left(ct.tag, 2)
            WHERE ct.c >= greatest(2, 0.05 * s.t)),
    exact AS (SELECT pid, comp, count(DISTINCT xid) AS exact FROM coh_hit GROUP BY ALL),
    near AS (SELECT pid, comp, count(DISTINCT xid) AS near FROM coh_near GROUP BY ALL),
    cand AS (SELECT pid, comp, coalesce(exact, 0) AS exact, coalesce(near, 0) AS near
             FROM exact FULL JOIN near USING (pid, comp)),
    pt AS (SELECT DISTINCT pid, tag FROM tags),
    fit AS (SELECT c.pid, c.comp,
                   bool_or(left(pt.tag, 2) = 's:' AND cto.tag IS NOT NULL) AS sponsor_fit,
                   bool_or(left(pt.tag, 2) = 'v:' AND cto.tag IS NOT NULL) OR NOT bool_or(left(pt.tag, 2) = 'v:') AS visa_fit
            FROM cand c JOIN pt USING (pid) LEFT JOIN cto ON cto.comp = c.comp AND cto.tag = pt.tag
            GROUP BY c.pid, c.comp),
    scored AS (
      SELECT c.pid, c.comp, c.exact, n.n, coalesce(f.sponsor_fit, false) AS sponsor_fit,
             coalesce(f.visa_fit, true) AS visa_fit,
             c.exact + CASE WHEN f.sponsor_fit AND f.visa_fit THEN c.near ELSE 0 END AS covered
      FROM cand c JOIN n USING (pid) LEFT JOIN fit f USING (pid, comp))
    SELECT pid, arg_max(comp, (covered, exact, -comp)) AS seed, max(covered) AS covered,
           arg_max(exact, (covered, exact, -comp)) AS hits, any_value(n) AS n
    FROM scored
    -- Fewer shared crossings than min_shared_crossings (a single crossing seen, a straggler) are
    -- enough only for someone travelling on the cohort's kind of visa: a tourist whose exit fell
    -- in a team's crossing is not a team member.
    WHERE covered >= ${c.min_coverage} * n
      AND (exact >= ${c.min_shared_crossings} OR (visa_fit AND (exact = n OR sponsor_fit)))
    GROUP BY pid`);
  // Only sets with enough members are cohorts.
  await store.run(`DELETE FROM coh_assign WHERE seed IN (
    SELECT seed FROM coh_assign GROUP BY seed HAVING count(*) < ${c.min_group_size})`);
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_move AS
    SELECT DISTINCT cc.comp AS seed, cc.eid FROM coh_comp cc
    SEMI JOIN (SELECT DISTINCT seed FROM coh_assign) s ON s.seed = cc.comp`);
  // Cohort shape and kind (classifyCohort, pure).
  const shapes = await store.all<{
    seed: number;
    entries_together: bigint;
    exits_together: bigint;
    median_stay_nights: number;
    median_presence_share: number;
  }>(`WITH mem AS (SELECT a.seed, f.* FROM coh_assign a JOIN coh_pidx p USING (pid)
                   JOIN det_features f USING (person_id)),
    mv AS (SELECT m.seed, count(DISTINCT ev.d) FILTER (WHERE ev.dir = 'entry') AS entries,
                  count(DISTINCT ev.d) FILTER (WHERE ev.dir = 'exit') AS exits
           FROM coh_move m JOIN coh_ev ev USING (eid) GROUP BY m.seed)
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
  // Cohort ids from the cohort's first movement and its smallest member: stable across reruns
  // while the cohort's data does not change.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_id AS
    WITH f AS (SELECT m.seed, min(ev.d) AS d, arg_min(ev.port, (ev.d, ev.port)) AS port
               FROM coh_move m JOIN coh_ev ev USING (eid) GROUP BY m.seed),
    p AS (SELECT a.seed, min(p.person_id) AS person_id FROM coh_assign a JOIN coh_pidx p USING (pid) GROUP BY a.seed)
    SELECT k.seed, k.kind, 'K-' || upper(substr(md5(f.d::VARCHAR || f.port || p.person_id), 1, 12)) AS cohort_id
    FROM coh_kind k JOIN f USING (seed) JOIN p USING (seed)`);
  await store.run("DELETE FROM cohorts");
  await store.run("DELETE FROM cohort_members");
  await store.run(`INSERT INTO cohorts
    WITH mv AS (SELECT m.seed, ev.d, ev.port, ev.dir, count(DISTINCT a.pid) AS present
                FROM coh_move m JOIN coh_ev ev USING (eid)
                LEFT JOIN coh_hit h ON h.eid = m.eid
                LEFT JOIN coh_assign a ON a.pid = h.pid AND a.seed = m.seed
                GROUP BY ALL),
    sp AS (SELECT a.seed, r.sponsor, count(*) AS n FROM coh_assign a JOIN coh_pidx p USING (pid)
           JOIN det_rec r USING (person_id) WHERE r.sponsor IS NOT NULL GROUP BY ALL)
    SELECT i.cohort_id, i.kind,
           (SELECT list(DISTINCT port ORDER BY port) FROM mv WHERE mv.seed = i.seed),
           coalesce((SELECT list(sponsor ORDER BY n DESC, sponsor)[1:5] FROM sp WHERE sp.seed = i.seed), []),
           (SELECT min(d) FROM mv WHERE mv.seed = i.seed), (SELECT max(d) FROM mv WHERE mv.seed = i.seed),
           (SELECT to_json(list({date: strftime(d, '%Y-%m-%d'), port: port, direction: dir, members: present} ORDER BY d, dir, port))
            FROM mv WHERE mv.seed = i.seed)
    FROM coh_id i`);
  // Roles: a member who joined after the cohort's first movement is a first-timer when the logs
  // had never seen them before, else a replacement; a member who crossed off the team's
  // movements for part of their crossings is a straggler; everyone else is core.
  await store.run(`INSERT INTO cohort_members
    WITH mem AS (
      SELECT i.cohort_id, p.person_id, a.pid, a.hits, a.n, k.first_seen AS cohort_first
      FROM coh_assign a JOIN coh_id i USING (seed) JOIN coh_pidx p USING (pid)
      JOIN cohorts k ON k.cohort_id = i.cohort_id),
    span AS (SELECT person_id, min(entered_on) AS first_in, max(coalesce(exited_on, entered_on)) AS last_out,
                    bool_or(list_contains(flags, 'open-at-start')) AS since_start
             FROM stays GROUP BY person_id),
    prior AS (SELECT m.cohort_id, m.person_id, min(x.d) AS first_with
              FROM mem m JOIN coh_x x USING (pid) GROUP BY ALL)
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
