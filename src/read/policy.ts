/**
 * The policy of the store's last analyze run: the deadline, the likely-worker threshold and
 * every other limit an output states come from here, so a report or export of a store analysed
 * under another policy says what that analysis used. Before any analyze run, the default policy.
 */
import { DEFAULT_POLICY, type Policy, parsePolicy } from "../core/detection/policy.js";
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
  const row = await store.one<{
    run_at: string;
    policy_version: string | null;
    policy_fingerprint: string | null;
    policy: string | null;
  }>(
    `SELECT strftime(run_at, '%Y-%m-%d %H:%M') AS run_at, policy_version,
            left(policy_fingerprint, 12) AS policy_fingerprint, CAST(policy AS VARCHAR) AS policy
     FROM analyze_runs ORDER BY run_at DESC LIMIT 1`,
  );
  if (!row) return { policy: structuredClone(DEFAULT_POLICY), run: null };
  const policy = row.policy
    ? parsePolicy(JSON.parse(row.policy), "the last analyze run's policy")
    : structuredClone(DEFAULT_POLICY);
  return {
    policy,
    run: {
      run_at: row.run_at,
      policy_version: row.policy_version,
      policy_fingerprint: row.policy_fingerprint,
    },
  };
}
