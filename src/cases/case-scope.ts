/**
 * One case's share of a store, as a store of its own: the case's persons (those it names and
 * those its alerts are about) with their records, names, documents, links, stays and cohort
 * memberships; the records its alerts cite; its alerts, cohorts, sponsors and claims with their
 * sources; and the tables that name nobody (analyze runs and policy, ingest runs, port aliases,
 * the sanctions lists). The report (src/report, unchanged) built over it is the case's report:
 * a person outside the case is not there to be shown, whatever a section reads.
 *
 * The share is an in-memory database attached to the caller's connection and made its default
 * catalog for the length of `fn`, with the schema of the store (the same migrations) so every
 * read model works on it as on the store; it is detached afterwards.
 */
import { randomBytes } from "node:crypto";
import { migrate } from "../db/migrate.js";
import { type Store, sqlIdent } from "../db/store.js";

export interface CaseScope {
  persons: readonly string[];
  alerts: readonly string[];
  cohorts: readonly string[];
  sponsors: readonly string[];
  claims: readonly string[];
  /** Records the alerts cite, as `source:record_id`. */
  cited: readonly string[];
}

const IN = (column: string, list: keyof CaseScope) =>
  `${column} IN (SELECT unnest(from_json($${list}, '["VARCHAR"]')))`;

/** What of each table the case's share holds (`true`: all of it); a table not named: nothing. */
const SHARE: Record<string, string | true> = {
  persons: IN("person_id", "persons"),
  person_names: IN("person_id", "persons"),
  person_documents: IN("person_id", "persons"),
  person_links: IN("person_id", "persons"),
  person_records: IN("person_id", "persons"),
  stays: IN("person_id", "persons"),
  analyze_person_state: IN("person_id", "persons"),
  records: `rec_key IN (SELECT rec_key FROM $src.person_records WHERE ${IN("person_id", "persons")})
            OR ${IN("source || ':' || record_id", "cited")}`,
  alerts: IN("alert_id", "alerts"),
  alert_reviews: IN("alert_id", "alerts"),
  alert_review_events: IN("alert_id", "alerts"),
  cohorts: IN("cohort_id", "cohorts"),
  cohort_members: `${IN("cohort_id", "cohorts")} AND ${IN("person_id", "persons")}`,
  sponsors: IN("sponsor_key", "sponsors"),
  sponsor_names: IN("sponsor_key", "sponsors"),
  evidence_claims: IN("claim_id::VARCHAR", "claims"),
  evidence_events: IN("claim_id::VARCHAR", "claims"),
  evidence_sources: `source_id IN (SELECT source_id FROM $src.evidence_claims
                                   WHERE ${IN("claim_id::VARCHAR", "claims")})`,
  screening_hits: `(subject_kind = 'person' AND ${IN("subject", "persons")})
                   OR (subject_kind = 'sponsor' AND ${IN("subject", "sponsors")})`,
  analyze_runs: true,
  analyze_state: true,
  identity_meta: true,
  identity_runs: true,
  ingest_runs: true,
  port_aliases: true,
  sanction_imports: true,
  sanction_entities: true,
  sanction_entity_versions: true,
  sanction_names: true,
  sanction_identifiers: true,
  sanction_addresses: true,
  sanction_birth_dates: true,
  sanction_nationalities: true,
  sanction_changes: true,
};

/** Runs `fn` with the connection's default catalog holding only the case's share of the store. */
export async function withCaseScope<T>(
  store: Store,
  scope: CaseScope,
  fn: () => Promise<T>,
): Promise<T> {
  const main = (await store.one<{ d: string }>("SELECT current_database() AS d"))?.d ?? "main";
  const name = `case_share_${randomBytes(6).toString("hex")}`;
  await store.run(`ATTACH ':memory:' AS ${name}`);
  try {
    await store.run(`USE ${name}`);
    await migrate(store);
    const tables = new Set(
      (
        await store.all<{ t: string }>(
          "SELECT table_name AS t FROM information_schema.tables WHERE table_catalog = ?",
          [main],
        )
      ).map((r) => r.t),
    );
    const params = Object.fromEntries(
      Object.entries(scope).map(([k, v]) => [k, JSON.stringify(v)]),
    );
    const src = `${sqlIdent(main)}.main`;
    for (const [table, where] of Object.entries(SHARE)) {
      if (!tables.has(table)) continue;
      const filter = where === true ? "" : `WHERE ${where.replaceAll("$src", src)}`;
      const used = Object.keys(params).filter((k) => filter.includes(`$${k}`));
      await store.run(
        `INSERT INTO ${table} BY NAME SELECT * FROM ${src}.${table} ${filter}`,
        Object.fromEntries(used.map((k) => [k, params[k] as string])),
      );
    }
    return await fn();
  } finally {
    await store.run(`USE ${sqlIdent(main)}`);
    await store.run(`DETACH ${name}`);
  }
}
