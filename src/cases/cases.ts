/**
 * Cases (migration 023): an investigation grouping persons, alerts, cohorts, sponsors and
 * claims, with a title, an assignee, a status and notes. An item must exist when it is added
 * (an alert may also be one that was reviewed and is no longer raised).
 */

import { AppError } from "../core/errors.js";
import { isoTimeSql } from "../db/iso-time.js";
import type { Store } from "../db/store.js";
import { whereClause } from "../db/where-clause.js";

export const CASE_ITEM_KINDS = ["person", "alert", "cohort", "sponsor", "claim"] as const;
export type CaseItemKind = (typeof CASE_ITEM_KINDS)[number];
export const CASE_STATUSES = ["open", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseItem {
  kind: CaseItemKind;
  ref: string;
  added_by: string;
  added_at: string;
}

export interface CaseNote {
  note_id: number;
  author: string;
  body: string;
  created_at: string;
}

export interface CaseSummary {
  case_id: string;
  title: string;
  status: CaseStatus;
  assignee: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  items: number;
}

export interface CaseDetail extends CaseSummary {
  entities: CaseItem[];
  notes: CaseNote[];
}

/** Where each kind of item is looked up when added. */
const ITEM_EXISTS: Record<CaseItemKind, string> = {
  person: "SELECT 1 FROM persons WHERE person_id = ?",
  alert:
    "SELECT 1 FROM (SELECT alert_id FROM alerts UNION ALL SELECT alert_id FROM alert_reviews) WHERE alert_id = ?",
  cohort: "SELECT 1 FROM cohorts WHERE cohort_id = ?",
  sponsor: "SELECT 1 FROM sponsors WHERE sponsor_key = ?",
  claim: "SELECT 1 FROM evidence_claims WHERE claim_id::VARCHAR = ?",
};

function checkTitle(title: string): string {
  const t = title.trim();
  if (t.length === 0 || t.length > 200)
    throw new AppError("usage", `case title: expected 1-200 characters, got ${t.length}`);
  return t;
}

const SUMMARY = `
  SELECT c.case_id, c.title, c.status, c.assignee, c.created_by, ${isoTimeSql("c.created_at")},
         ${isoTimeSql("c.updated_at")},
         (SELECT count(*) FROM case_items i WHERE i.case_id = c.case_id)::INTEGER AS items
  FROM cases c`;

export async function createCase(
  store: Store,
  input: { title: string; assignee?: string | null },
  actor: string,
): Promise<CaseDetail> {
  const title = checkTitle(input.title);
  if (input.assignee) await requireUserName(store, input.assignee);
  const row = await store.one<{ case_id: string }>(
    `INSERT INTO cases VALUES ('C-' || nextval('case_seq'), ?, 'open', ?, ?, now(), now()) RETURNING case_id`,
    [title, input.assignee ?? null, actor],
  );
  return getCase(store, row?.case_id as string);
}

async function requireUserName(store: Store, name: string): Promise<void> {
  if (!(await store.one("SELECT 1 FROM users WHERE name = ?", [name])))
    throw new AppError("not-found", `assignee "${name}": no such user`);
}

export interface CaseFilter {
  assignee?: string;
  status?: CaseStatus;
}

export async function listCases(store: Store, filter: CaseFilter = {}): Promise<CaseSummary[]> {
  const where = whereClause([
    ["c.assignee = ?", filter.assignee],
    ["c.status = ?", filter.status],
  ]);
  return store.json<CaseSummary>(
    `${SUMMARY} ${where.sql} ORDER BY c.created_at DESC, c.case_id`,
    where.params,
  );
}

export async function getCase(store: Store, caseId: string): Promise<CaseDetail> {
  const [c] = await store.json<CaseSummary>(`${SUMMARY} WHERE c.case_id = ?`, [caseId]);
  if (!c) throw new AppError("not-found", `no case ${caseId}`);
  const entities = await store.json<CaseItem>(
    `SELECT kind, ref, added_by, ${isoTimeSql("added_at")} FROM case_items
     WHERE case_id = ? ORDER BY kind, ref`,
    [caseId],
  );
  const notes = await store.json<CaseNote>(
    `SELECT note_id, author, body, ${isoTimeSql("created_at")} FROM case_notes
     WHERE case_id = ? ORDER BY note_id`,
    [caseId],
  );
  return { ...c, entities, notes };
}

export async function updateCase(
  store: Store,
  caseId: string,
  change: { title?: string; status?: CaseStatus; assignee?: string | null },
): Promise<CaseDetail> {
  await getCase(store, caseId);
  if (change.title !== undefined)
    await store.run("UPDATE cases SET title = ? WHERE case_id = ?", [
      checkTitle(change.title),
      caseId,
    ]);
  if (change.status !== undefined) {
    if (!(CASE_STATUSES as readonly string[]).includes(change.status))
      throw new AppError(
        "usage",
        `case status "${change.status}": expected ${CASE_STATUSES.join(" or ")}`,
      );
    await store.run("UPDATE cases SET status = ? WHERE case_id = ?", [change.status, caseId]);
  }
  if (change.assignee !== undefined) {
    if (change.assignee) await requireUserName(store, change.assignee);
    await store.run("UPDATE cases SET assignee = ? WHERE case_id = ?", [change.assignee, caseId]);
  }
  return touched(store, caseId);
}

async function touch(store: Store, caseId: string): Promise<void> {
  await store.run("UPDATE cases SET updated_at = now() WHERE case_id = ?", [caseId]);
}

/** Marks the case as changed now and returns it as it stands. */
async function touched(store: Store, caseId: string): Promise<CaseDetail> {
  await touch(store, caseId);
  return getCase(store, caseId);
}

export async function addCaseItems(
  store: Store,
  caseId: string,
  items: readonly { kind: CaseItemKind; ref: string }[],
  actor: string,
): Promise<CaseDetail> {
  await getCase(store, caseId);
  for (const item of items) {
    if (!(CASE_ITEM_KINDS as readonly string[]).includes(item.kind))
      throw new AppError(
        "usage",
        `item kind "${item.kind}": expected one of ${CASE_ITEM_KINDS.join(", ")}`,
      );
    if (!(await store.one(ITEM_EXISTS[item.kind], [item.ref])))
      throw new AppError("not-found", `no ${item.kind} ${item.ref}`);
  }
  const insert = "INSERT INTO case_items VALUES (?, ?, ?, ?, now()) ON CONFLICT DO NOTHING";
  for (const item of items) await store.run(insert, [caseId, item.kind, item.ref, actor]);
  return touched(store, caseId);
}

export async function removeCaseItem(
  store: Store,
  caseId: string,
  kind: CaseItemKind,
  ref: string,
): Promise<CaseDetail> {
  const r = await store.one(
    "DELETE FROM case_items WHERE case_id = ? AND kind = ? AND ref = ? RETURNING 1",
    [caseId, kind, ref],
  );
  if (!r) throw new AppError("not-found", `case ${caseId} has no ${kind} ${ref}`);
  return touched(store, caseId);
}

export async function addCaseNote(
  store: Store,
  caseId: string,
  author: string,
  body: string,
): Promise<CaseNote> {
  await getCase(store, caseId);
  const text = body.trim();
  if (text.length === 0 || text.length > 20000)
    throw new AppError("usage", `note: expected 1-20000 characters, got ${text.length}`);
  const [note] = await store.json<CaseNote>(
    `INSERT INTO case_notes VALUES (nextval('case_note_seq'), ?, ?, ?, now())
     RETURNING note_id, author, body, ${isoTimeSql("created_at")}`,
    [caseId, author, text],
  );
  await touch(store, caseId);
  return note as CaseNote;
}

/** The refs of one kind of item in a case. */
export function itemsOf(detail: CaseDetail, kind: CaseItemKind): string[] {
  return detail.entities.filter((e) => e.kind === kind).map((e) => e.ref);
}
