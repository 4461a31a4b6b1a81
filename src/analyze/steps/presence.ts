/** Presence of likely workers per place and day, and first-time entrants per port and month. */
import type { Policy } from "../../core/detection/policy.js";
import type { Store } from "../../db/store.js";
import { loadGazetteer } from "../../gazetteer/load-gazetteer.js";

export async function buildPresence(store: Store, policy: Policy): Promise<number> {
  const g = loadGazetteer();
  await store.run("CREATE OR REPLACE TEMP TABLE det_port_city (port_id VARCHAR, city_id VARCHAR)");
  const app = await store.conn.createAppender("det_port_city", "main", "temp");
  for (const p of g.ports) {
    app.appendVarchar(p.id);
    app.appendVarchar(p.city_id || p.id);
    app.endRow();
  }
  app.closeSync();
  // Difference arrays (+1 on the day of entry, −1 the day after leaving) summed over a calendar:
  // linear in stays, never one row per person-day.
  await store.run("DELETE FROM presence");
  await store.runPolled(`INSERT INTO presence
    WITH b AS (SELECT * FROM run_bounds),
    w AS (SELECT s.*, coalesce(s.port_in, s.port_out) AS port, coalesce(s.exited_on, b.data_end) AS until
          FROM stays s CROSS JOIN b JOIN persons p USING (person_id)
          WHERE p.labor_score >= ${policy.score.threshold}),
    -- Summed per port first, then per place (the port, and its city): a few thousand port-days
    -- are spread over places rather than every stay.
    delta AS (SELECT port, entered_on AS day, 1 AS d FROM w
              UNION ALL SELECT port, until + 1, -1 FROM w),
    per_port AS (SELECT port, day, sum(d) AS d FROM delta WHERE port IS NOT NULL GROUP BY port, day),
    places AS (SELECT port, unnest(list_distinct([port, coalesce(c.city_id, port)])) AS place
               FROM (SELECT DISTINCT port FROM per_port) LEFT JOIN det_port_city c ON c.port_id = port),
    per AS (SELECT place, day, sum(d) AS d FROM per_port JOIN places USING (port) GROUP BY place, day),
    cal AS (SELECT place, unnest(generate_series(b.data_start, b.data_end, INTERVAL 1 DAY))::DATE AS day
            FROM (SELECT DISTINCT place FROM per) CROSS JOIN b)
    SELECT day, place, sum(coalesce(per.d, 0)) OVER (PARTITION BY place ORDER BY day)::DOUBLE
    FROM cal LEFT JOIN per USING (place, day)`);
  await store.run("DELETE FROM first_entrants");
  await store.runPolled(`INSERT INTO first_entrants
    WITH firsts AS (
      SELECT s.person_id, arg_min(s.port_in, s.entered_on) AS port_id, min(s.entered_on) AS d,
             bool_or(list_contains(s.flags, 'open-at-start')) AS before_logs
      FROM stays s GROUP BY s.person_id)
    SELECT date_trunc('month', d)::DATE, port_id, count(*)::INTEGER,
           count(*) FILTER (WHERE p.labor_score >= ${policy.score.threshold})::INTEGER
    FROM firsts JOIN persons p USING (person_id)
    WHERE NOT before_logs AND port_id IS NOT NULL GROUP BY ALL`);
  await store.run("DROP TABLE det_port_city");
  return Number((await store.one<{ n: bigint }>("SELECT count(*) AS n FROM presence"))?.n ?? 0);
}
