/**
 * Sponsors as recorded, grouped across scripts and spellings, with their likely workers over
 * time and their status at the deadline.
 */
import type { Policy } from "../../core/detection/policy.js";
import { groupSponsors, readSponsor } from "../../core/detection/sponsor-names.js";
import { type Store, sqlString } from "../../db/store.js";

export async function buildSponsors(store: Store, policy: Policy): Promise<number> {
  // Who crossed under which sponsor, how often: one pass over the crossings; everything below
  // works on this much smaller table (and the key is computed once per spelling, not per crossing).
  await store.runPolled(`CREATE OR REPLACE TEMP TABLE det_person_sponsor AS
    SELECT person_id, sponsor, count(*) AS n FROM run_crossings WHERE sponsor IS NOT NULL
    GROUP BY person_id, sponsor`);
  // Spellings are grouped when they read as one sponsor across scripts (groupSponsors: pinyin
  // and English gloss, Korean reading, short forms), or when one person crossed under both at
  // least twice (the same employer written by two ports in two ways).
  const names = (
    await store.all<{ sponsor: string }>(
      "SELECT DISTINCT sponsor FROM det_person_sponsor ORDER BY sponsor",
    )
  ).map((r) => r.sponsor);
  const pairs = await store.all<{ a: string; b: string }>(`
    SELECT a.sponsor AS a, b.sponsor AS b FROM det_person_sponsor a JOIN det_person_sponsor b
      ON a.person_id = b.person_id AND a.sponsor < b.sponsor
    GROUP BY ALL HAVING count(*) >= 2`);
  const idx = new Map(names.map((n, i) => [n, i]));
  const readings = names.map(readSponsor);
  const groups = groupSponsors(
    names,
    pairs.map((p) => [idx.get(p.a) ?? 0, idx.get(p.b) ?? 0] as [number, number]),
    readings,
  );
  await store.run(
    "CREATE OR REPLACE TEMP TABLE det_sponsor_group (sponsor VARCHAR, grp INTEGER, pinyin VARCHAR, gloss VARCHAR)",
  );
  const app = await store.conn.createAppender("det_sponsor_group", "main", "temp");
  names.forEach((n, i) => {
    const r = readings[i]!;
    app.appendVarchar(n);
    app.appendInteger(groups[i]!);
    if (r.pinyin === null) app.appendNull();
    else app.appendVarchar(r.pinyin);
    if (r.gloss === null) app.appendNull();
    else app.appendVarchar(r.gloss);
    app.endRow();
  });
  app.closeSync();
  const deadline = `DATE ${sqlString(policy.deadline)}`;
  await store.run("DELETE FROM sponsors");
  await store.runPolled(`INSERT INTO sponsors
    WITH ps AS (SELECT DISTINCT r.person_id, g.grp FROM det_person_sponsor r JOIN det_sponsor_group g USING (sponsor)),
    grp_name AS (SELECT g.grp, list(DISTINCT g.sponsor ORDER BY g.sponsor) AS names,
                 arg_max(g.sponsor, n) AS main,
                 arg_max(g.pinyin, n) FILTER (WHERE g.pinyin IS NOT NULL) AS pinyin,
                 arg_max(g.gloss, n) FILTER (WHERE g.gloss IS NOT NULL) AS gloss
                 FROM det_sponsor_group g
                 JOIN (SELECT sponsor, sum(n) AS n FROM det_person_sponsor GROUP BY sponsor) c USING (sponsor) GROUP BY g.grp),
    w AS (SELECT ps.grp, p.person_id, p.labor_score >= ${policy.score.threshold} AS likely FROM ps JOIN persons p USING (person_id)),
    st AS (SELECT w.grp, s.entered_on, coalesce(s.exited_on, b.data_end) AS until, w.person_id
           FROM w JOIN stays s USING (person_id) CROSS JOIN run_bounds b WHERE w.likely),
    months AS (SELECT grp, m, count(DISTINCT person_id) AS workers FROM st,
               unnest(generate_series(date_trunc('month', entered_on), date_trunc('month', until), INTERVAL 1 MONTH)) AS t(m)
               GROUP BY grp, m),
    teams AS (SELECT cm_grp.grp, list(DISTINCT cm.cohort_id ORDER BY cm.cohort_id) AS teams
              FROM cohort_members cm JOIN cohorts k USING (cohort_id) JOIN ps cm_grp USING (person_id)
              WHERE k.kind = 'labor-team' GROUP BY cm_grp.grp),
    agg AS (SELECT grp, count(*)::INTEGER AS persons, count(*) FILTER (WHERE likely)::INTEGER AS likely FROM w GROUP BY grp),
    span AS (SELECT grp, min(entered_on) AS first_seen, max(until) AS last_seen,
             count(DISTINCT person_id) FILTER (WHERE until > ${deadline})::INTEGER AS after FROM st GROUP BY grp)
    SELECT gn.main, gn.names, a.persons, a.likely, coalesce(t.teams, []), s.first_seen, s.last_seen, coalesce(s.after, 0),
           CASE WHEN coalesce(s.after, 0) > 0 THEN 'continued-after-deadline'
                WHEN s.last_seen IS NOT NULL AND s.last_seen <= ${deadline}
                     AND (SELECT data_end FROM run_bounds) > ${deadline} THEN 'ceased-before-deadline'
                ELSE 'unknown' END,
           (SELECT to_json(list({month: strftime(m, '%Y-%m'), workers: workers} ORDER BY m)) FROM months WHERE months.grp = gn.grp),
           gn.pinyin, gn.gloss
    FROM grp_name gn JOIN agg a USING (grp) LEFT JOIN teams t USING (grp) LEFT JOIN span s USING (grp)`);
  // Every spelling with its group, for readers that meet spellings (the report's filtered
  // records, the exports' cohorts) and must group them as this table does.
  await store.run("DELETE FROM sponsor_names");
  await store.runPolled(`INSERT INTO sponsor_names
    SELECT g.sponsor, s.sponsor_key, g.pinyin, g.gloss FROM det_sponsor_group g
    JOIN (SELECT grp, arg_max(sponsor, n) AS sponsor_key FROM det_sponsor_group
          JOIN (SELECT sponsor, sum(n) AS n FROM det_person_sponsor GROUP BY sponsor) USING (sponsor)
          GROUP BY grp) s USING (grp)`);
  for (const t of ["det_person_sponsor", "det_sponsor_group"]) await store.run(`DROP TABLE ${t}`);
  return Number((await store.one<{ n: bigint }>("SELECT count(*) AS n FROM sponsors"))?.n ?? 0);
}
