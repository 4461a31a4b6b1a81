/**
 * Corroboration across independent sources. UN sanctions methodology asks that facts be
 * corroborated (S/2006/997 recommendations, research brief §5.3), and the Admiralty scale's
 * credibility 1 means "confirmed by other sources": so a claim counts how many *other,
 * independent* sources make a compatible claim.
 *
 * Independence is judged conservatively by publisher: two reports from the same publisher
 * (or two copies of the same text) are one source. A source with no publisher stands alone
 * (its own id), which may over-count when a wire story is re-published without attribution.
 */

import { placeKey } from "../text.js";
import type { ClaimKind } from "./claim.js";

export interface CorroborationInput {
  claimId: number;
  sourceId: number;
  publisher: string | null;
  textSha256: string;
  kind: ClaimKind;
  /** The claim's place and the cities it covers (a city claim meets a zone claim in it). */
  placeId: string | null;
  cityIds: string[];
  periodStart: string | null;
  periodEnd: string | null;
  valueMin: number | null;
  valueMax: number | null;
  organisation: string | null;
}

/** Counts whose ranges overlap after widening each by this factor agree ("some 2,000" and
 * "more than 1,800"); a report's round numbers are rarely more precise than that. */
export const COUNT_TOLERANCE = 1.5;

export function independenceKey(c: Pick<CorroborationInput, "publisher" | "sourceId">): string {
  const p = c.publisher ? placeKey(c.publisher) : "";
  return p ? `publisher:${p}` : `source:${c.sourceId}`;
}

function periodsOverlap(a: CorroborationInput, b: CorroborationInput): boolean {
  // An undated claim can neither confirm nor contradict a dated one by its date.
  if (!a.periodStart || !b.periodStart) return true;
  return (
    a.periodStart <= (b.periodEnd ?? b.periodStart) &&
    b.periodStart <= (a.periodEnd ?? a.periodStart)
  );
}

function placesMatch(a: CorroborationInput, b: CorroborationInput): boolean {
  if (!a.placeId || !b.placeId) return a.placeId === b.placeId;
  if (a.placeId === b.placeId) return true;
  return a.cityIds.length === 1 && b.cityIds.length === 1 && a.cityIds[0] === b.cityIds[0];
}

function valuesCompatible(a: CorroborationInput, b: CorroborationInput): boolean {
  if (a.kind === "employer") {
    return (
      !!a.organisation && !!b.organisation && placeKey(a.organisation) === placeKey(b.organisation)
    );
  }
  const lo = (c: CorroborationInput) => c.valueMin ?? 0;
  const hi = (c: CorroborationInput) => c.valueMax ?? Number.POSITIVE_INFINITY;
  if (a.valueMin === null && a.valueMax === null) return true;
  if (b.valueMin === null && b.valueMax === null) return true;
  return lo(a) / COUNT_TOLERANCE <= hi(b) * 1 && lo(b) / COUNT_TOLERANCE <= hi(a);
}

export function claimsCompatible(a: CorroborationInput, b: CorroborationInput): boolean {
  return a.kind === b.kind && placesMatch(a, b) && periodsOverlap(a, b) && valuesCompatible(a, b);
}

export interface Corroboration {
  claimId: number;
  /** Other claims, from independent sources, that say a compatible thing. */
  corroboratedBy: number[];
  /** Independent sources behind the claim, counting its own. */
  independentSources: number;
}

export function corroborate(claims: CorroborationInput[]): Corroboration[] {
  return claims.map((a) => {
    const own = independenceKey(a);
    const by: number[] = [];
    const keys = new Set([own]);
    for (const b of claims) {
      if (b.claimId === a.claimId || b.sourceId === a.sourceId) continue;
      if (b.textSha256 === a.textSha256) continue;
      const key = independenceKey(b);
      if (key === own) continue;
      if (!claimsCompatible(a, b)) continue;
      by.push(b.claimId);
      keys.add(key);
    }
    return { claimId: a.claimId, corroboratedBy: by, independentSources: keys.size };
  });
}
