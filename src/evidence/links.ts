/**
 * Organisations named in claims, linked to what the store knows about them: sponsors written
 * in the crossing records, and entities on sanctions lists. Matching uses organisationKey
 * (legal form and city prefix dropped, line of business in English, Chinese and Korean to
 * Latin letters). Sanctions names are read only from tables that exist (see sanctionsNames):
 * the sanctions module may not be installed, and then the list is empty.
 */
import { matchSponsorGroups, organisationKey } from "../core/evidence/index.js";
import type { Store } from "../db/store.js";

export interface SponsorLink {
  sponsor: string;
  match: "exact" | "trade-name";
  records: number;
  dprk_records: number;
  documents: number;
  first_seen: string | null;
  last_seen: string | null;
}

export interface SanctionsLink {
  entity_id: string;
  name: string;
  match: "exact" | "trade-name";
}

function matchKind(
  a: { key: string; trade: string },
  b: { key: string; trade: string },
): "exact" | "trade-name" | null {
  if (a.key && a.key === b.key) return "exact";
  // A distinctive trade name of at least 5 letters on both sides ("dongyang", "huayang").
  if (a.trade.length >= 5 && a.trade === b.trade) return "trade-name";
  return null;
}

export async function linkSponsors(store: Store, organisation: string): Promise<SponsorLink[]> {
  const target = organisationKey(organisation);
  const rows = await store.json<Omit<SponsorLink, "match">>(
    `SELECT sponsor, CAST(count(*) AS INTEGER) AS records, CAST(count(*) FILTER (WHERE nationality = 'PRK') AS INTEGER) AS dprk_records,
       CAST(count(DISTINCT doc_number) AS INTEGER) AS documents, CAST(min(local_date) AS VARCHAR) AS first_seen,
       CAST(max(local_date) AS VARCHAR) AS last_seen
     FROM records WHERE sponsor IS NOT NULL AND trim(sponsor) <> '' GROUP BY sponsor`,
  );
  const out: SponsorLink[] = [];
  for (const r of rows) {
    const match = matchKind(target, organisationKey(r.sponsor));
    if (match) out.push({ ...r, match });
  }
  return out.sort((a, b) =>
    a.match === b.match ? b.records - a.records : a.match === "exact" ? -1 : 1,
  );
}

async function columnsOf(store: Store, table: string): Promise<Set<string>> {
  const cols = await store.all<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_name = ?",
    [table],
  );
  return new Set(cols.map((c) => c.column_name));
}

/**
 * Names of sanctions-list entities, from whichever names table the store has: the sanctions
 * module's `sanction_names(list, reference, name, …)` (entity id `list:reference`; persons
 * left out when `sanction_entities` says so), or a plain `sanctions_names(entity_id, name, …)`.
 * Neither table is required: without them there is nothing to link to.
 */
async function sanctionsNames(store: Store): Promise<{ entity_id: string; name: string }[]> {
  const out: { entity_id: string; name: string }[] = [];
  const names = await columnsOf(store, "sanction_names");
  if (["list", "reference", "name"].every((c) => names.has(c))) {
    const entities = await columnsOf(store, "sanction_entities");
    const join = ["list", "reference", "kind"].every((c) => entities.has(c))
      ? "LEFT JOIN sanction_entities e USING (list, reference) WHERE coalesce(e.kind, '') <> 'person' AND"
      : "WHERE";
    out.push(
      ...(await store.json<{ entity_id: string; name: string }>(
        `SELECT DISTINCT n.list || ':' || n.reference AS entity_id, n.name FROM sanction_names n ${join} n.name IS NOT NULL`,
      )),
    );
  }
  const plain = await columnsOf(store, "sanctions_names");
  if (plain.has("entity_id") && plain.has("name")) {
    out.push(
      ...(await store.json<{ entity_id: string; name: string }>(
        "SELECT DISTINCT CAST(entity_id AS VARCHAR) AS entity_id, name FROM sanctions_names WHERE name IS NOT NULL",
      )),
    );
  }
  return out;
}

export async function linkSanctions(store: Store, organisation: string): Promise<SanctionsLink[]> {
  const target = organisationKey(organisation);
  const out: SanctionsLink[] = [];
  for (const r of await sanctionsNames(store)) {
    const match = matchKind(target, organisationKey(r.name));
    if (match) out.push({ ...r, match });
  }
  return out;
}

/**
 * The sponsor groups (sponsor_names, written by analyze) that each organisation belongs to.
 * Before analyze has run there are no groups, and every organisation links to none.
 */
export async function linkSponsorGroups(
  store: Store,
  organisations: readonly string[],
): Promise<Map<string, string[]>> {
  if (organisations.length === 0) return new Map();
  const names = await columnsOf(store, "sponsor_names");
  const spellings =
    names.has("spelling") && names.has("sponsor_key")
      ? await store.json<{ spelling: string; sponsorKey: string }>(
          "SELECT DISTINCT spelling, sponsor_key AS sponsorKey FROM sponsor_names WHERE spelling IS NOT NULL AND sponsor_key IS NOT NULL ORDER BY spelling",
        )
      : [];
  return matchSponsorGroups(spellings, organisations);
}
