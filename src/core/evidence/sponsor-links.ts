/**
 * Organisations named in claims, matched to the sponsor groups of the crossing records by the
 * same reading of spellings that groups the sponsors themselves (src/core/detection/
 * sponsor-names.ts): 珲春市海星水产有限公司, Hunchun Haixing Seafood Co., Ltd. and a clerk's
 * 海星水产 are one employer whichever script the report and the port log use.
 */
import { groupSponsors } from "../detection/sponsor-names.js";

/** A sponsor spelling as recorded, and the group it belongs to (sponsor_names). */
export interface SponsorSpelling {
  spelling: string;
  sponsorKey: string;
}

/**
 * For each organisation, the keys of the sponsor groups it would join if it were one more
 * spelling in the store (sorted; empty when it joins none).
 */
export function matchSponsorGroups(
  spellings: readonly SponsorSpelling[],
  organisations: readonly string[],
): Map<string, string[]> {
  const orgs = [...new Set(organisations)];
  const out = new Map<string, string[]>(orgs.map((o) => [o, []]));
  if (spellings.length === 0 || orgs.length === 0) return out;
  const groups = groupSponsors([...spellings.map((s) => s.spelling), ...orgs]);
  const keysOf = new Map<number, Set<string>>();
  spellings.forEach((s, i) => {
    const g = groups[i]!;
    const set = keysOf.get(g) ?? new Set<string>();
    set.add(s.sponsorKey);
    keysOf.set(g, set);
  });
  orgs.forEach((o, j) => {
    out.set(o, [...(keysOf.get(groups[spellings.length + j]!) ?? [])].sort());
  });
  return out;
}
