/**
 * The evidence base: graded sources, and their claims beside what the records show for the same
 * place and period (worker counts compared with the presence estimate).
 */
import type { Place } from "../core/evidence/index.js";
import type { Store } from "../db/store.js";
import { compareClaims } from "../evidence/compare.js";
import { type ClaimRow, listClaims } from "../evidence/store-evidence.js";
import { missing, type Section } from "./section.js";

export interface ClaimView {
  claim: ClaimRow;
  beside: {
    method: string;
    peak: number | null;
    atEnd: number | null;
    dprkCrossings: number;
    reading: string;
    from: string;
    to: string;
  } | null;
}

/** Sources and their claims (rejected claims left out), claims about `place` only when given. */
export async function readEvidence(
  store: Store,
  options: { place?: Place } = {},
): Promise<Section<{ sources: Record<string, unknown>[]; claims: ClaimView[] }>> {
  const { place } = options;
  const sources = await store.json<Record<string, unknown>>(
    `SELECT CAST(s.source_id AS INTEGER) AS source_id, coalesce(s.title, s.file_name) AS title, s.publisher,
       CAST(s.published AS VARCHAR) AS published, s.reliability || s.credibility AS grade, s.media_type,
       left(s.sha256, 12) AS sha256, strftime(s.captured_at, '%Y-%m-%d %H:%M') AS captured,
       (SELECT count(*) FROM evidence_claims c WHERE c.source_id = s.source_id AND c.status <> 'rejected') AS claims
     FROM evidence_sources s ORDER BY s.published NULLS LAST, s.source_id`,
  );
  if (sources.length === 0)
    return missing("no reports in the evidence base: run sojourn evidence add REPORT");
  const claims = (await listClaims(store, { status: "all" }))
    .filter((c) => c.status !== "rejected")
    .filter(
      (c) =>
        !place ||
        !c.place_id ||
        place.id === c.place_id ||
        place.cityIds.includes(c.place_id) ||
        place.portIds.includes(c.place_id),
    );
  const views: ClaimView[] = [];
  for (const claim of claims) {
    let beside: ClaimView["beside"] = null;
    if (claim.kind === "worker_count" && claim.place_id) {
      const cmp = await compareClaims(store, { place: claim.place_id, claimIds: [claim.claim_id] });
      const b = cmp.claims[0];
      if (b)
        beside = {
          method: b.data.presence.method,
          peak: b.data.presence.peak,
          atEnd: b.data.presence.atEnd,
          dprkCrossings: b.data.dprk_crossings,
          reading: b.reading,
          from: b.data.from,
          to: b.data.to,
        };
    }
    views.push({ claim, beside });
  }
  return { available: true, data: { sources, claims: views } };
}
