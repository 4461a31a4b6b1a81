/**
 * The policy of the store's last analyze run: the deadline, the likely-worker threshold and
 * every other limit an output states come from here (the policy itself from the analyze
 * pipeline's `readLastPolicy`), so a report or export of a store analysed under another policy
 * says what that analysis used. Before any analyze run, the default policy.
 */
import { readLastPolicy } from "../analyze/last-policy.js";
import { DEFAULT_POLICY, type Policy } from "../core/detection/policy.js";
import type { Store } from "../db/store.js";

export interface AnalyzeRunInfo {
  /** `YYYY-MM-DD HH:MM` (UTC). */
  run_at: string;
  policy_version: string | null;
  /** First 12 characters. */
  policy_fingerprint: string | null;
}

export interface StorePolicy {
  policy: Policy;
  /** The last analyze run, or null before any (then `policy` is the default). */
  run: AnalyzeRunInfo | null;
}

export async function readStorePolicy(store: Store): Promise<StorePolicy> {
  const row = await store.one<AnalyzeRunInfo>(
    `SELECT strftime(run_at, '%Y-%m-%d %H:%M') AS run_at, policy_version,
            left(policy_fingerprint, 12) AS policy_fingerprint
     FROM analyze_runs ORDER BY run_at DESC LIMIT 1`,
  );
  if (!row) return { policy: structuredClone(DEFAULT_POLICY), run: null };
  return {
    policy: (await readLastPolicy(store)) ?? structuredClone(DEFAULT_POLICY),
    run: {
      run_at: row.run_at,
      policy_version: row.policy_version,
      policy_fingerprint: row.policy_fingerprint,
    },
  };
}
