/**
 * The audit log (migration 021): appended only, each entry chained to the one before by a
 * SHA-256 over its fields and the previous hash, the last sequence number and hash kept in
 * `audit_head`. Nothing in Sojourn updates or deletes an entry; `verifyAudit` finds it if
 * anything else did: an altered field (the hash no longer matches), a removed entry (a gap in the
 * sequence or a broken link) or a removed tail (the chain ends before the head). Someone able to
 * rewrite the whole chain and its head is caught only by a head hash kept elsewhere
 * (`sojourn audit verify --expect-head`).
 *
 * Appends must not interleave: the caller serialises them (the server appends through its one
 * write connection, the CLI owns the store alone).
 */
import { createHash } from "node:crypto";
import { userInfo } from "node:os";
import type { Store } from "../db/store.js";
import { whereClause } from "../db/where-clause.js";

export const AUDIT_ACTIONS = [
  "login",
  "login.failed",
  "logout",
  "read.unmasked",
  "unmask.granted",
  "export",
  "review",
  "write",
  "job",
  "user",
  "token",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditInput {
  actor: string;
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  hash: string;
}

const GENESIS = "0".repeat(64);

function entryHash(
  prev: string,
  e: { seq: number; at: string; actor: string; action: string; target: string | null },
  detail: string | null,
): string {
  return createHash("sha256")
    .update([prev, e.seq, e.at, e.actor, e.action, e.target ?? "", detail ?? ""].join("\x1f"))
    .digest("hex");
}

/** The actor name for entries written by a CLI command. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return "cli:unknown";
  }
}

/** Appends one entry; runs inside the caller's transaction when there is one. */
export async function appendAudit(
  store: Store,
  input: AuditInput,
  now = new Date(),
): Promise<number> {
  const head = await store.one<{ seq: bigint; hash: string }>(
    "SELECT seq, hash FROM audit_head WHERE one = 1",
  );
  const seq = head ? Number(head.seq) + 1 : 1;
  const prev = head?.hash ?? GENESIS;
  const at = now.toISOString();
  const target = input.target ?? null;
  const detail = input.detail ? JSON.stringify(input.detail) : null;
  const hash = entryHash(
    prev,
    { seq, at, actor: input.actor, action: input.action, target },
    detail,
  );
  await store.run("INSERT INTO audit_log VALUES (?, ?::TIMESTAMPTZ, ?, ?, ?, ?::JSON, ?, ?)", [
    seq,
    at,
    input.actor,
    input.action,
    target,
    detail,
    prev,
    hash,
  ]);
  await store.run(
    "INSERT INTO audit_head VALUES (1, ?, ?) ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
    [seq, hash],
  );
  return seq;
}

/** Appends in a transaction of its own. */
export async function recordAudit(store: Store, input: AuditInput): Promise<number> {
  return store.transaction(() => appendAudit(store, input));
}

export interface AuditProblem {
  seq: number | null;
  problem: "altered" | "broken-link" | "missing" | "tail-removed" | "head-mismatch";
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  problems: AuditProblem[];
}

interface StoredEntry {
  seq: bigint;
  at_ms: bigint;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** Walks the whole chain; see the header for what it finds. */
export async function verifyAudit(
  store: Store,
  options: { expectHead?: string } = {},
): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  const head = await store.one<{ seq: bigint; hash: string }>(
    "SELECT seq, hash FROM audit_head WHERE one = 1",
  );
  const stream = await store.conn.stream(
    `SELECT seq, epoch_ms(logged_at) AS at_ms, actor, action, target, detail::VARCHAR AS detail, prev_hash, hash
     FROM audit_log ORDER BY seq`,
  );
  let expectedSeq = 1;
  let prev = GENESIS;
  let entries = 0;
  for await (const rows of stream.yieldRowObjectJs()) {
    for (const raw of rows) {
      const r = raw as unknown as StoredEntry;
      const seq = Number(r.seq);
      entries++;
      if (seq !== expectedSeq)
        problems.push({
          seq,
          problem: "missing",
          message: `entries ${expectedSeq}${seq - 1 > expectedSeq ? `–${seq - 1}` : ""} are missing before ${seq}`,
        });
      if (r.prev_hash !== prev)
        problems.push({
          seq,
          problem: "broken-link",
          message: `entry ${seq} does not follow the entry before it (previous hash differs)`,
        });
      const at = new Date(Number(r.at_ms)).toISOString();
      const hash = entryHash(
        r.prev_hash,
        { seq, at, actor: r.actor, action: r.action, target: r.target },
        r.detail,
      );
      if (hash !== r.hash)
        problems.push({
          seq,
          problem: "altered",
          message: `entry ${seq} was altered (its hash does not match its fields)`,
        });
      prev = r.hash;
      expectedSeq = seq + 1;
    }
  }
  const last = expectedSeq - 1;
  if (head) {
    const headSeq = Number(head.seq);
    if (headSeq > last)
      problems.push({
        seq: last + 1,
        problem: "tail-removed",
        message: `the log ends at ${last} but its head records entry ${headSeq}: entries ${last + 1}–${headSeq} were removed`,
      });
    else if (headSeq === last && head.hash !== prev)
      problems.push({
        seq: last,
        problem: "head-mismatch",
        message: `entry ${last} differs from the hash its head records`,
      });
    else if (headSeq < last)
      problems.push({
        seq: headSeq + 1,
        problem: "head-mismatch",
        message: `entries after ${headSeq} were added outside the log's head`,
      });
  } else if (entries > 0)
    problems.push({
      seq: null,
      problem: "head-mismatch",
      message: "the log has entries but no head",
    });
  if (options.expectHead && options.expectHead !== (head?.hash ?? GENESIS))
    problems.push({
      seq: null,
      problem: "head-mismatch",
      message: `the head hash is ${head?.hash ?? GENESIS}, not the expected ${options.expectHead}`,
    });
  return {
    ok: problems.length === 0,
    entries,
    head: head ? { seq: Number(head.seq), hash: head.hash } : null,
    problems,
  };
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  since?: string;
  /** Entries about this target or whose detail names this case. */
  caseId?: string;
  limit?: number;
}

export async function listAudit(store: Store, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const where = whereClause([
    ["actor = ?", filter.actor],
    ["action = ?", filter.action],
    ["logged_at >= ?::TIMESTAMPTZ", filter.since],
    ["(target = ? OR json_extract_string(detail, '$.case_id') = ?)", filter.caseId, filter.caseId],
  ]);
  const rows = await store.all<Omit<StoredEntry, "prev_hash">>(
    `SELECT seq, epoch_ms(logged_at) AS at_ms, actor, action, target, detail::VARCHAR AS detail, hash
     FROM audit_log ${where.sql}
     ORDER BY seq ${filter.limit ? `LIMIT ${Math.max(1, Math.floor(filter.limit))}` : ""}`,
    where.params,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(Number(r.at_ms)).toISOString(),
    actor: r.actor,
    action: r.action,
    target: r.target,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    hash: r.hash,
  }));
}
