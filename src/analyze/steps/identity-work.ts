/** What the phases of the identity step share: the work in progress and the rows they pass on. */
import type { Store } from "../../db/store.js";
import type { IdentityStats } from "./identity-stats.js";

/** What the identity phases share. */
export interface IdentityWork {
  store: Store;
  stats: IdentityStats;
  /** The per-store salt of person ids. */
  salt: string;
  /** SQL condition: the record's ingest run (column `runId`) is new in this analyze run. */
  isNew: (runId: string) => string;
  /** Set by buildDocumentGroups: the groups were rebuilt, and every document is read. */
  allDocuments?: boolean;
}

/** Separates family, given and full name in a name tuple as stored. */
export const SEP = "\x1f";

/** A document group as JavaScript sees it (documents in a candidate pair, and their persons'). */
export interface DocRow {
  gid: number;
  nat: string;
  doc: string;
  birth_date: string | null;
  sex: string | null;
  first_seen: string;
  last_seen: string;
  person_id: string | null;
  n: number;
  is_new: boolean;
  first_source: string;
  first_record_id: string;
  names: string[];
}
