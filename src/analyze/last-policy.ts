/**
 * The policy of the store's last analyze run. Every table analyze writes matches one policy, the
 * one in the newest analyze_runs row (stored whole, defaults included), so readers take the
 * deadline and thresholds from here instead of stating them again.
 */
import { type Policy, parsePolicy } from "../core/detection/policy.js";
import type { Store } from "../db/store.js";

/** The last run's policy; undefined when the store was never analysed. */
export async function readLastPolicy(store: Store): Promise<Policy | undefined> {
  const row = await store.one<{ policy: string }>(
    "SELECT policy::VARCHAR AS policy FROM analyze_runs ORDER BY run_at DESC LIMIT 1",
  );
  if (!row) return undefined;
  return parsePolicy(JSON.parse(row.policy), "policy of the last analyze run (analyze_runs)");
}
