/**
 * One alert by its id, as the alert listings show it (src/read/alerts.ts): the case page and a
 * link to a single alert open it without paging the queue. Masked unless `unmask`.
 */
import { AppError } from "../core/errors.js";
import type { Store } from "../db/store.js";
import { type AlertRow, type AlertView, alertColumns, alertViews } from "./alerts.js";
import { ensureReadTables } from "./read-tables.js";

export async function getAlert(
  store: Store,
  alertId: string,
  options: { unmask?: boolean } = {},
): Promise<AlertView> {
  await ensureReadTables(store);
  const [row] = await store.json<AlertRow>(
    `SELECT ${alertColumns()} FROM read_alerts WHERE alert_id = $id`,
    { id: alertId },
  );
  if (!row) throw new AppError("not-found", `no alert ${alertId}`);
  const [view] = await alertViews(store, [row], !!options.unmask);
  return view as AlertView;
}
