/** What the identity step did, as `sojourn analyze` reports it. */
export interface IdentityStats {
  new_records: number;
  documents: number;
  /** The documents the run numbered and read (identity-reach.ts): every one on a rebuild. */
  documents_read: number;
  new_documents: number;
  typo_candidates: number;
  renewal_candidates: number;
  typo_links: number;
  renewal_links: number;
  refused: number;
  persons_created: number;
  persons_grown: number;
  persons_merged: number;
  persons: number;
}
