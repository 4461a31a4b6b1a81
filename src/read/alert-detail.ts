/**
 * One alert by its id, as the alert listings show it (src/read/alerts.ts): the case page and a
 * link to a single alert open it without paging the queue. Masked unless `unmask`.
 */
import { AppError } from "../core/errors.js";
import { createMasker } from "../core/masking.js";
import type { Store } from "../db/store.js";
import { alertCitations } from "./alert-citations.js";
import type { AlertView } from "./alerts.js";
import { ensureReadTables } from "./read-tables.js";

export async function getAlert(
  store: Store,
  alertId: string,
  options: { unmask?: boolean } = {},
): Promise<AlertView> {
  await ensureReadTables(store);
  const [row] = await store.json<Omit<AlertView, "record_ids">>(
    `SELECT alert_id, rule, rule_version, score, censored, person_id, cohort_id,
            strftime(period_start, '%Y-%m-%d') AS period_start,
            strftime(period_end, '%Y-%m-%d') AS period_end, summary
     FROM read_alerts WHERE alert_id = $id`,
    { id: alertId },
  );
  if (!row) throw new AppError("not-found", `no alert ${alertId}`);
  const unmask = !!options.unmask;
  const { record_ids = [], docs } = (await alertCitations(store, [row], unmask)).get(alertId) ?? {};
  return unmask
    ? { ...row, record_ids }
    : { ...row, record_ids, summary: createMasker(false).text(row.summary ?? "", { docs }) };
}
