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
import { classifyCohort } from "../core/detection/classify-cohort.js";
import type { Policy } from "../core/detection/policy.js";
import { UnionFind } from "../core/graph/union-find.js";
import type { Store } from "../db/store.js";
import { loadGazetteer } from "../gazetteer/load-gazetteer.js";

/**
 * Group crossings ahead in a person's sequence that a link may reach: bridges up to seven in a
 * row shared with other teams (at scale 0.1 of the scenarios, three were too few).
 */
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
  // Small integer codes for persons, ports (with their city), sponsor keys and visa types: the
  // window functions below sort whole rows, and narrow rows sort fast.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_pidx AS
    SELECT person_id, (row_number() OVER (ORDER BY person_id) - 1)::INTEGER AS pid FROM det_features`);
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_port AS
    SELECT port, (row_number() OVER (ORDER BY port))::INTEGER AS pno,
           (dense_rank() OVER (ORDER BY coalesce(pc.city_id, port)))::INTEGER AS cno
    FROM (SELECT DISTINCT port FROM det_rec WHERE port IS NOT NULL) LEFT JOIN coh_port_city pc ON pc.port_id = port`);
  // Spellings first, then their keys: a filter on the key would be pushed below the DISTINCT
  // and run the regular expressions once per record.
  await store.run(
    "CREATE OR REPLACE TEMP TABLE coh_sk AS SELECT DISTINCT sponsor FROM det_rec WHERE sponsor IS NOT NULL",
  );
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_sk AS
    SELECT sponsor, (row_number() OVER (ORDER BY sponsor))::INTEGER AS spid,
           (CASE WHEN k IS NOT NULL THEN dense_rank() OVER (ORDER BY k) END)::INTEGER AS sk
    FROM (SELECT sponsor, ${SPONSOR_KEY_SQL} AS k FROM coh_sk r)`);
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_vk AS
    SELECT visa_type, (row_number() OVER (ORDER BY visa_type))::INTEGER AS vk
    FROM (SELECT DISTINCT visa_type FROM det_rec WHERE visa_type IS NOT NULL)`);
  // Person crossings that bound a stay of ≥ 2 nights (not inferred ends), with the time of day
  // where the log recorded one (minutes since the epoch: the clock of one port is all a gap
  // needs), a sponsor key and a visa type.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_x AS
    WITH b AS (SELECT * FROM det_bounds),
    e AS (
      SELECT s.person_id, s.port_in AS port, s.entered_on AS d, 'entry' AS dir FROM stays s, b
      WHERE coalesce(s.exited_on, b.data_end) - s.entered_on >= 2 AND s.port_in IS NOT NULL
        AND NOT list_has_any(s.flags, ['inferred-entry', 'open-at-start'])
      UNION ALL
      SELECT s.person_id, s.port_out, s.exited_on, 'exit' FROM stays s
      WHERE s.exited_on - s.entered_on >= 2 AND s.port_out IS NOT NULL
        AND NOT list_has_any(s.flags, ['inferred-exit'])),
    r AS (SELECT r.* FROM det_rec r SEMI JOIN e ON e.person_id = r.person_id AND e.port = r.port
                                              AND e.d = r.local_date AND e.dir = r.direction)
    -- A crossing logged twice (two sources) is one row; its first record id names it.
    SELECT min(r.rec_key) AS xid, p.pid, cp.pno, any_value(cp.cno) AS cno, r.local_date AS d,
           r.direction = 'exit' AS out,
           (min(epoch(r.crossed_at)) FILTER (WHERE k.rec_key IS NULL) // 60)::INTEGER AS minute,
           min(sk.sk) AS sk, min(sk.spid) AS spid, min(vk.vk) AS vk
    FROM r JOIN coh_pidx p ON p.person_id = r.person_id JOIN coh_port cp ON cp.port = r.port
    LEFT JOIN (SELECT rec_key FROM records WHERE time_precision = 'date') k ON k.rec_key = r.rec_key
    LEFT JOIN coh_sk sk ON sk.sponsor = r.sponsor
    LEFT JOIN coh_vk vk ON vk.visa_type = r.visa_type
    GROUP BY p.pid, cp.pno, r.local_date, r.direction`);
  // Runs of timed crossings per port, day and direction: k = 1, 2, … ; untimed: k = 0. The runs
  // are found over the distinct minutes (a coach-load shares a few), then joined back.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_xk AS
    WITH m AS (SELECT DISTINCT pno, d, out, minute FROM coh_x WHERE minute IS NOT NULL),
    runs AS (SELECT pno, d, out, minute,
                    sum(brk) OVER (PARTITION BY pno, d, out ORDER BY minute ROWS UNBOUNDED PRECEDING) AS k
             FROM (SELECT *, CASE WHEN minute - lag(minute) OVER (PARTITION BY pno, d, out ORDER BY minute)
                                       <= ${c.time_gap_minutes} THEN 0 ELSE 1 END AS brk FROM m))
    SELECT x.xid, x.pid, x.pno, x.cno, x.d, x.out, coalesce(r.k, 0) AS k
    FROM coh_x x LEFT JOIN runs r USING (pno, d, out, minute)`);
  // Group crossings: timed runs big enough; else, on port-days without one, the whole port-day.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_ev AS
    WITH timed AS (SELECT pno, d, out, k, any_value(cno) AS cno, count(*) AS sz FROM coh_xk
                   WHERE k > 0 GROUP BY pno, d, out, k HAVING count(*) >= ${c.min_group_size}),
    whole AS (SELECT pno, d, out, 0 AS k, any_value(cno) AS cno, count(*) AS sz FROM coh_xk x
              ANTI JOIN timed t USING (pno, d, out)
              GROUP BY pno, d, out HAVING count(*) >= ${c.min_group_size})
    SELECT (row_number() OVER (ORDER BY d, pno, out, k))::INTEGER AS eid, *
    FROM (SELECT * FROM timed UNION ALL SELECT * FROM whole)`);
  // Who made each group crossing (members), and date-only records on a port-day with timed
  // group crossings, matched to each of them (wildcards: only the membership step uses them).
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_xe AS
    SELECT x.xid, x.pid, e.eid, true AS member FROM coh_xk x
    JOIN coh_ev e ON e.pno = x.pno AND e.d = x.d AND e.out = x.out AND (e.k = x.k OR e.k = 0)
    UNION ALL
    SELECT x.xid, x.pid, e.eid, false FROM coh_xk x
    JOIN coh_ev e ON e.pno = x.pno AND e.d = x.d AND e.out = x.out AND e.k > 0 AND x.k = 0`);
  // Links between group crossings that share most of their persons.
  const links = await store.all<{ a: number; b: number }>(`
    WITH seq AS (SELECT eid AS a, list(eid) OVER (PARTITION BY pid ORDER BY eid
                   ROWS BETWEEN 1 FOLLOWING AND ${LINK_REACH} FOLLOWING) AS nexts
                 FROM coh_xe WHERE member),
    pairs AS (SELECT a, b, count(*) AS n FROM seq, unnest(nexts) AS t(b) GROUP BY a, b)
    SELECT p.a, p.b FROM pairs p JOIN coh_ev ea ON ea.eid = p.a JOIN coh_ev eb ON eb.eid = p.b
    WHERE p.n >= 2 AND p.n >= ${c.link_min_jaccard} * (ea.sz + eb.sz - p.n)`);
  const events = Number(
    (await store.one<{ n: number }>("SELECT coalesce(max(eid), 0) AS n FROM coh_ev"))?.n ?? 0,
  );
  const uf = new UnionFind(events + 1);
  for (const l of links) uf.union(l.a, l.b);
  await writeSets(store, uf, events);
  // A team whose crossings were shared with other teams for longer than the links reach is cut
  // into pieces; its members then hold a good part of their crossings in each piece. Two sets
  // are joined when enough persons hold a quarter or more of their group crossings in both —
  // counting only sets that are home to min_group_size persons or more: a stretch two teams
  // shared is home to neither team's members, so it joins nothing.
  const bridges = await store.all<{ a: number; b: number }>(`
    WITH own AS (SELECT xe.pid, cc.comp, count(*) AS n FROM coh_xe xe JOIN coh_comp cc USING (eid)
                 WHERE xe.member GROUP BY ALL),
    home AS (SELECT pid, arg_max(comp, (n, -comp)) AS comp FROM own GROUP BY pid),
    kept AS (SELECT comp, count(*) AS h FROM home GROUP BY comp HAVING count(*) >= ${c.min_group_size}),
    ko AS (SELECT * FROM own SEMI JOIN kept USING (comp)),
    tot AS (SELECT pid, sum(n) AS m FROM ko GROUP BY pid),
    big AS (SELECT o.pid, o.comp FROM ko o JOIN tot USING (pid) WHERE o.n >= 2 AND o.n >= 0.25 * tot.m),
    pairs AS (SELECT a.comp AS a, b.comp AS b, count(*) AS n FROM big a JOIN big b
              ON a.pid = b.pid AND a.comp < b.comp GROUP BY ALL)
    SELECT p.a, p.b FROM pairs p JOIN kept ka ON ka.comp = p.a JOIN kept kb ON kb.comp = p.b
    WHERE p.n >= greatest(3, 0.2 * least(ka.h, kb.h)) ORDER BY p.a, p.b`);
  if (bridges.length > 0) {
    for (const l of bridges) uf.union(l.a, l.b);
    await writeSets(store, uf, events);
  }
  // Each person's home is the set holding most of their group crossings; a set that is home to
  // fewer than min_group_size persons (a stretch of crossings two teams happened to share, a
  // lone crossing) cannot become a cohort and is dropped here. A group crossing two teams shared
  // links to neither of them (or to one), so it is also made a movement of every set that holds
  // at least min_group_size of its persons, or a quarter of them.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_move AS
    WITH own AS (SELECT xe.pid, cc.comp, count(*) AS n FROM coh_xe xe JOIN coh_comp cc USING (eid)
                 WHERE xe.member GROUP BY ALL),
    home AS (SELECT pid, arg_max(comp, (n, -comp)) AS comp FROM own GROUP BY pid),
    kept AS (SELECT comp FROM home GROUP BY comp HAVING count(*) >= ${c.min_group_size}),
    share AS (SELECT xe.eid, h.comp, count(*) AS n FROM coh_xe xe JOIN home h USING (pid)
              SEMI JOIN kept USING (comp) WHERE xe.member GROUP BY ALL)
    SELECT eid, comp FROM coh_comp SEMI JOIN kept USING (comp)
    UNION
    SELECT s.eid, s.comp FROM share s JOIN coh_ev e USING (eid)
    WHERE s.n >= least(${c.min_group_size}, 0.25 * e.sz)`);
  // Crossings on some set's movement (the others may be stragglers).
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_hx AS
    SELECT DISTINCT xid FROM coh_xe SEMI JOIN coh_move USING (eid)`);
  // Crossings on a set's movements (exact), counted per person and set. Busy port-days make
  // group crossings of hundreds that are movements of dozens of sets, so the (crossing, set)
  // pairs run to the hundreds of millions at 10M records: they are counted, never stored. A
  // crossing is a member of one group crossing at most (its run, or its port-day's whole one),
  // so member rows need no de-duplication; only date-only wildcards, matched to every group
  // crossing of their port-day, may reach one set twice.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_exact AS
    WITH hits AS (
      SELECT pid, comp, sum(n)::BIGINT AS exact FROM (
        SELECT xe.pid, m.comp, count(*) AS n FROM coh_xe xe JOIN coh_move m USING (eid)
        WHERE xe.member GROUP BY ALL
        UNION ALL
        SELECT xe.pid, m.comp, count(DISTINCT xe.xid) FROM coh_xe xe JOIN coh_move m USING (eid)
        WHERE NOT xe.member GROUP BY ALL)
      GROUP BY ALL),
    -- Straggler crossings come only from the person's crossings on no movement, so a set
    -- that falls short of min_coverage with all of those added cannot be the person's: most
    -- (person, set) pairs are dropped here, not carried into the membership step.
    room AS (SELECT x.pid, count(*) AS n, count(*) - count(h.xid) AS loose
             FROM coh_x x LEFT JOIN coh_hx h USING (xid) GROUP BY x.pid)
    SELECT h.pid, h.comp, h.exact FROM hits h JOIN room r USING (pid)
    WHERE h.exact + r.loose >= ${c.min_coverage} * r.n`);
  // A set's profile: the sponsor keys (tag = sk) and visa types (tag = −vk) its members were
  // recorded under on its movements; a value must recur, so one stray traveller does not lend
  // the set a sponsor.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_tag AS
    SELECT xid, pid, sk AS tag FROM coh_x WHERE sk IS NOT NULL
    UNION ALL SELECT xid, pid, -vk FROM coh_x WHERE vk IS NOT NULL`);
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_ctag AS
    WITH et AS (SELECT xe.eid, t.tag, count(*) AS c FROM coh_xe xe JOIN coh_tag t USING (xid)
                WHERE xe.member GROUP BY ALL),
    wild AS (SELECT DISTINCT xe.xid, m.comp FROM coh_xe xe JOIN coh_move m USING (eid) WHERE NOT xe.member),
    ct AS (SELECT comp, tag, sum(c)::BIGINT AS c FROM (
             SELECT m.comp, et.tag, sum(et.c) AS c FROM coh_move m JOIN et USING (eid) GROUP BY ALL
             UNION ALL
             SELECT w.comp, t.tag, count(*) FROM wild w JOIN coh_tag t USING (xid) GROUP BY ALL)
           GROUP BY ALL)
    SELECT ct.comp, ct.tag FROM ct
    JOIN (SELECT comp, tag > 0 AS sponsor, sum(c) AS t FROM ct GROUP BY ALL) s
      ON s.comp = ct.comp AND s.sponsor = (ct.tag > 0)
    WHERE ct.c >= greatest(2, 0.05 * s.t)`);
  // Stragglers: a crossing that is on no set's movement counts for a set whose movement lies
  // within straggler_days of it (same city and direction) when the person was recorded under a
  // sponsor of that set (so only persons recorded under some set's sponsor are looked at). The
  // day band is expanded into equal days so the join stays an equi-join.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_fit AS
    SELECT DISTINCT t.pid, c.comp FROM (SELECT DISTINCT pid, tag FROM coh_tag WHERE tag > 0) t
    JOIN coh_ctag c USING (tag)`);
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_near AS
    WITH loose AS (SELECT x.xid, x.pid, x.cno, x.out, x.d + o::INTEGER AS d FROM coh_x x
                   ANTI JOIN coh_hx h USING (xid),
                   range(-${c.straggler_days}, ${c.straggler_days + 1}) AS t(o)
                   WHERE x.pid IN (SELECT pid FROM coh_fit)),
    -- A set's movement days per city and direction, once: a busy day has many group crossings.
    md AS (SELECT DISTINCT m.comp, e.cno, e.out, e.d FROM coh_move m JOIN coh_ev e USING (eid))
    SELECT l.pid, md.comp, count(DISTINCT l.xid) AS near FROM loose l
    JOIN md USING (cno, out, d) SEMI JOIN coh_fit USING (pid, comp)
    GROUP BY ALL`);
  // Membership: the set whose movements cover most of the person's crossings, at least
  // min_coverage of them; with fewer than min_shared_crossings shared, only when those are all
  // the person's crossings or a straggler's crossings add to them. The person's visa type must
  // be one the set's members travel on (a person with none recorded is not held to it): a
  // resident worker of the same employer on a work visa going home near a team's crossing is
  // not its straggler, and a tour group that crossed inside a convoy is not part of it.
  await store.run(`CREATE OR REPLACE TEMP TABLE coh_assign AS
    WITH n AS (SELECT pid, count(*) AS n FROM coh_x GROUP BY pid),
    cand AS (SELECT pid, comp, coalesce(exact, 0) AS exact, coalesce(near, 0) AS near, n.n
             FROM coh_exact FULL JOIN coh_near USING (pid, comp) JOIN n USING (pid)
             WHERE coalesce(exact, 0) + coalesce(near, 0) >= ${c.min_coverage} * n.n),
    pv AS (SELECT DISTINCT pid, tag FROM coh_tag SEMI JOIN cand USING (pid) WHERE tag < 0),
    fit AS (SELECT a.pid, a.comp, bool_or(c.tag IS NOT NULL) AS visa_fit
            FROM cand a JOIN pv USING (pid) LEFT JOIN coh_ctag c ON c.comp = a.comp AND c.tag = pv.tag
            GROUP BY ALL)
    SELECT pid, arg_max(comp, (exact + near, exact, -comp)) AS seed, max(exact + near) AS covered,
           arg_max(exact, (exact + near, exact, -comp)) AS hits,
           arg_max(near, (exact + near, exact, -comp)) AS off_days, any_value(n) AS n
    FROM cand LEFT JOIN fit USING (pid, comp)
    WHERE coalesce(visa_fit, true)
      AND (exact >= ${c.min_shared_crossings} OR exact = n OR near > 0)
    GROUP BY pid`);
  // Only sets with enough members are cohorts.
  await store.run(`DELETE FROM coh_assign WHERE seed IN (
    SELECT seed FROM coh_assign GROUP BY seed HAVING count(*) < ${c.min_group_size})`);
  await store.run(`DELETE FROM coh_move WHERE comp NOT IN (SELECT seed FROM coh_assign)`);
  await store.run("ALTER TABLE coh_move RENAME COLUMN comp TO seed");
  // Cohort shape and kind (classifyCohort, pure).
  const shapes = await store.all<{
    seed: number;
    entries_together: bigint;
    exits_together: bigint;
    median_stay_nights: number;
    median_presence_share: number;
  }>(`WITH mem AS (SELECT a.seed, f.* FROM coh_assign a JOIN coh_pidx p USING (pid)
                   JOIN det_features f USING (person_id)),
    mv AS (SELECT m.seed, count(DISTINCT ev.d) FILTER (WHERE NOT ev.out) AS entries,
                  count(DISTINCT ev.d) FILTER (WHERE ev.out) AS exits
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
    WITH f AS (SELECT m.seed, min(ev.d) AS d, arg_min(cp.port, (ev.d, cp.port)) AS port
               FROM coh_move m JOIN coh_ev ev USING (eid) JOIN coh_port cp USING (pno) GROUP BY m.seed),
    p AS (SELECT a.seed, min(p.person_id) AS person_id FROM coh_assign a JOIN coh_pidx p USING (pid) GROUP BY a.seed)
    SELECT k.seed, k.kind, 'K-' || upper(substr(md5(f.d::VARCHAR || f.port || p.person_id), 1, 12)) AS cohort_id
    FROM coh_kind k JOIN f USING (seed) JOIN p USING (seed)`);
  await store.run("DELETE FROM cohorts");
  await store.run("DELETE FROM cohort_members");
  await store.run(`INSERT INTO cohorts
    WITH mv AS (SELECT m.seed, ev.d, cp.port, CASE WHEN ev.out THEN 'exit' ELSE 'entry' END AS dir,
                       count(DISTINCT ha.pid) AS present
                FROM coh_move m JOIN coh_ev ev USING (eid) JOIN coh_port cp USING (pno)
                -- Members' crossings matched to their own set first: a busy group crossing is
                -- a movement of dozens of sets, and each would otherwise join all its persons.
                LEFT JOIN (SELECT h.eid, a.seed, a.pid FROM coh_xe h JOIN coh_assign a USING (pid)) ha
                  ON ha.eid = m.eid AND ha.seed = m.seed
                GROUP BY ALL),
    sp AS (SELECT a.seed, s.sponsor, count(*) AS n FROM coh_x x JOIN coh_assign a USING (pid)
           JOIN coh_sk s USING (spid) GROUP BY ALL)
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
  // (one late day in two years of rotation is not); everyone else is core.
  await store.run(`INSERT INTO cohort_members
    WITH mem AS (
      SELECT i.cohort_id, p.person_id, a.pid, a.off_days, a.n, k.first_seen AS cohort_first
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
                WHEN m.off_days >= 0.25 * m.n THEN 'straggler'
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

/** coh_comp: each group crossing and its set, named by the set's first group crossing (so ties
 * break the same way on every run, whatever order the links came in). */
async function writeSets(store: Store, uf: UnionFind, events: number): Promise<void> {
  await store.run("CREATE OR REPLACE TEMP TABLE coh_comp (eid INTEGER, comp INTEGER)");
  const app = await store.conn.createAppender("coh_comp", "main", "temp");
  const first = new Map<number, number>();
  for (let eid = 1; eid <= events; eid++) {
    const root = uf.find(eid);
    const name = first.get(root) ?? eid;
    first.set(root, name);
    app.appendInteger(eid);
    app.appendInteger(name);
    app.endRow();
  }
  app.closeSync();
}
