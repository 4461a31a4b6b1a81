/** A person's stays and alerts in time order, for `sojourn person`. */
import type { Store } from "../db/store.js";

export async function personTimeline(
  store: Store,
  personId: string,
): Promise<{ stays: Record<string, unknown>[]; alerts: Record<string, unknown>[] }> {
  const stays = await store.json(
    `SELECT port_in, port_out, strftime(entered_on, '%Y-%m-%d') AS entered_on,
            strftime(exited_on, '%Y-%m-%d') AS exited_on, days, flags, record_ids
     FROM stays WHERE person_id = ? ORDER BY entered_on`,
    [personId],
  );
  const alerts = await store.json(
    `SELECT rule, score, strftime(period_start, '%Y-%m-%d') AS period_start,
            strftime(period_end, '%Y-%m-%d') AS period_end, summary
     FROM alerts WHERE person_id = ? ORDER BY period_start, rule`,
    [personId],
  );
  return { stays, alerts };
}
