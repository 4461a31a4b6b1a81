/**
 * User accounts, login sessions, API tokens and unmask grants (migration 020). Secrets (session
 * ids, tokens) are random 256-bit values handed out once; the store keeps only their SHA-256.
 */

import { createHash, randomBytes } from "node:crypto";
import { AppError } from "../core/errors.js";
import { isoTimeSql } from "../db/iso-time.js";
import type { Store } from "../db/store.js";
import { hashPassword, verifyPassword } from "./password.js";
import { isRole, ROLES, type Role } from "./roles.js";

export interface User {
  user_id: number;
  name: string;
  role: Role;
  disabled: boolean;
}

/** Names appear in the audit log and in cases: letters, digits and . _ - only. */
const NAME = /^[\p{L}\p{N}._-]{1,64}$/u;

export function checkUserName(name: string): string {
  if (!NAME.test(name))
    throw new AppError(
      "usage",
      `user name "${name}": expected 1-64 letters, digits, dots, underscores or hyphens`,
    );
  return name;
}

function checkRole(role: string): Role {
  if (!isRole(role))
    throw new AppError("usage", `role "${role}": expected one of ${ROLES.join(", ")}`);
  return role;
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

function toUser(r: { user_id: bigint; name: string; role: string; disabled: boolean }): User {
  return { user_id: Number(r.user_id), name: r.name, role: r.role as Role, disabled: r.disabled };
}

export async function addUser(
  store: Store,
  name: string,
  role: string,
  password: string,
): Promise<User> {
  checkUserName(name);
  const checked = checkRole(role);
  if (await findUser(store, name)) throw new AppError("usage", `user "${name}" already exists`);
  const hash = await hashPassword(password);
  const row = await store.one<{ user_id: bigint }>(
    `INSERT INTO users VALUES (nextval('user_id_seq'), ?, ?, ?, false, now()) RETURNING user_id`,
    [name, checked, hash],
  );
  return { user_id: Number(row?.user_id), name, role: checked, disabled: false };
}

export async function findUser(store: Store, name: string): Promise<User | undefined> {
  const r = await store.one<{ user_id: bigint; name: string; role: string; disabled: boolean }>(
    "SELECT user_id, name, role, disabled FROM users WHERE name = ?",
    [name],
  );
  return r ? toUser(r) : undefined;
}

export async function listUsers(store: Store): Promise<User[]> {
  const rows = await store.all<{ user_id: bigint; name: string; role: string; disabled: boolean }>(
    "SELECT user_id, name, role, disabled FROM users ORDER BY name",
  );
  return rows.map(toUser);
}

async function requireUser(store: Store, name: string): Promise<User> {
  const user = await findUser(store, name);
  if (!user) throw new AppError("not-found", `no user named "${name}"`);
  return user;
}

/** Changes role, password or the disabled flag; disabling or a new password ends sessions. */
export async function updateUser(
  store: Store,
  name: string,
  change: { role?: string; password?: string; disabled?: boolean },
): Promise<User> {
  const user = await requireUser(store, name);
  if (change.role !== undefined)
    await store.run("UPDATE users SET role = ? WHERE user_id = ?", [
      checkRole(change.role),
      user.user_id,
    ]);
  if (change.password !== undefined)
    await store.run("UPDATE users SET password_hash = ? WHERE user_id = ?", [
      await hashPassword(change.password),
      user.user_id,
    ]);
  if (change.disabled !== undefined)
    await store.run("UPDATE users SET disabled = ? WHERE user_id = ?", [
      change.disabled,
      user.user_id,
    ]);
  if (change.password !== undefined || change.disabled || change.role !== undefined)
    await endSessions(store, user.user_id);
  return requireUser(store, name);
}

/** The user if the name and password match an enabled account. */
export async function checkPassword(
  store: Store,
  name: string,
  password: string,
  decoy: string,
): Promise<User | undefined> {
  const r = await store.one<{
    user_id: bigint;
    name: string;
    role: string;
    disabled: boolean;
    password_hash: string;
  }>("SELECT user_id, name, role, disabled, password_hash FROM users WHERE name = ?", [name]);
  const ok = await verifyPassword(r?.password_hash ?? decoy, password);
  return r && ok && !r.disabled ? toUser(r) : undefined;
}

export interface Session {
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(store: Store, userId: number, hours: number): Promise<Session> {
  const id = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await store.run("INSERT INTO user_sessions VALUES (?, ?, ?, now(), ?::TIMESTAMPTZ)", [
    sha256Hex(id),
    userId,
    csrfToken,
    expiresAt.toISOString(),
  ]);
  return { id, csrfToken, expiresAt };
}

export interface Credential {
  user: User;
  /** session hash, or token:<id> */
  credential: string;
  csrfToken: string | null;
}

export async function lookupSession(store: Store, id: string): Promise<Credential | undefined> {
  const r = await store.one<{
    user_id: bigint;
    name: string;
    role: string;
    disabled: boolean;
    csrf_token: string;
    session_hash: string;
  }>(
    `SELECT u.user_id, u.name, u.role, u.disabled, s.csrf_token, s.session_hash
     FROM user_sessions s JOIN users u USING (user_id)
     WHERE s.session_hash = ? AND s.expires_at > now() AND NOT u.disabled`,
    [sha256Hex(id)],
  );
  return r ? { user: toUser(r), credential: r.session_hash, csrfToken: r.csrf_token } : undefined;
}

export async function endSession(store: Store, id: string): Promise<void> {
  const hash = sha256Hex(id);
  await store.run("DELETE FROM user_sessions WHERE session_hash = ?", [hash]);
  await store.run("DELETE FROM unmask_grants WHERE credential = ?", [hash]);
}

async function endSessions(store: Store, userId: number): Promise<void> {
  await store.run("DELETE FROM user_sessions WHERE user_id = ?", [userId]);
  await store.run("DELETE FROM unmask_grants WHERE user_id = ?", [userId]);
}

export interface ApiToken {
  token_id: number;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

/** A new API token for scripts; the secret is returned once. */
export async function createToken(
  store: Store,
  userId: number,
  label: string,
): Promise<{ token_id: number; token: string }> {
  const token = newSecret("sjt_");
  const row = await store.one<{ token_id: bigint }>(
    `INSERT INTO api_tokens VALUES (nextval('api_token_id_seq'), ?, ?, ?, now(), NULL) RETURNING token_id`,
    [sha256Hex(token), userId, label],
  );
  return { token_id: Number(row?.token_id), token };
}

export async function listTokens(store: Store, userId: number): Promise<ApiToken[]> {
  return store.json<ApiToken>(
    `SELECT token_id, label, ${isoTimeSql("created_at")}, ${isoTimeSql("revoked_at")}
     FROM api_tokens WHERE user_id = ? ORDER BY token_id`,
    [userId],
  );
}

export async function revokeToken(store: Store, userId: number, tokenId: number): Promise<void> {
  const r = await store.one<{ token_id: bigint }>(
    "UPDATE api_tokens SET revoked_at = now() WHERE token_id = ? AND user_id = ? AND revoked_at IS NULL RETURNING token_id",
    [tokenId, userId],
  );
  if (!r) throw new AppError("not-found", `no active API token ${tokenId} of this user`);
  await store.run("DELETE FROM unmask_grants WHERE credential = ?", [`token:${tokenId}`]);
}

export async function lookupToken(store: Store, token: string): Promise<Credential | undefined> {
  const r = await store.one<{
    user_id: bigint;
    name: string;
    role: string;
    disabled: boolean;
    token_id: bigint;
  }>(
    `SELECT u.user_id, u.name, u.role, u.disabled, t.token_id
     FROM api_tokens t JOIN users u USING (user_id)
     WHERE t.token_hash = ? AND t.revoked_at IS NULL AND NOT u.disabled`,
    [sha256Hex(token)],
  );
  return r ? { user: toUser(r), credential: `token:${r.token_id}`, csrfToken: null } : undefined;
}

export interface UnmaskGrant {
  grant_id: number;
  case_id: string | null;
  reason: string;
  expires_at: string;
}

/** An analyst's stated reason to see unmasked data, for a session or token, optionally one case. */
export async function grantUnmask(
  store: Store,
  cred: Credential,
  reason: string,
  caseId: string | null,
  hours: number,
): Promise<UnmaskGrant> {
  const expires = new Date(Date.now() + hours * 3600_000).toISOString();
  const r = await store.one<{ grant_id: bigint }>(
    `INSERT INTO unmask_grants VALUES (nextval('unmask_grant_id_seq'), ?, ?, ?, ?, now(), ?::TIMESTAMPTZ) RETURNING grant_id`,
    [cred.user.user_id, cred.credential, caseId, reason, expires],
  );
  return { grant_id: Number(r?.grant_id), case_id: caseId, reason, expires_at: expires };
}

/** The grant that covers a read: one for the whole session, else one for the given case. */
export async function findUnmaskGrant(
  store: Store,
  cred: Credential,
  caseId: string | null,
): Promise<UnmaskGrant | undefined> {
  const r = await store.one<{
    grant_id: bigint;
    case_id: string | null;
    reason: string;
    expires_at: string;
  }>(
    `SELECT grant_id, case_id, reason, ${isoTimeSql("expires_at")} FROM unmask_grants
     WHERE credential = ? AND user_id = ? AND expires_at > now() AND (case_id IS NULL OR case_id = ?)
     ORDER BY case_id NULLS LAST, grant_id DESC LIMIT 1`,
    [cred.credential, cred.user.user_id, caseId],
  );
  return r ? { ...r, grant_id: Number(r.grant_id) } : undefined;
}
