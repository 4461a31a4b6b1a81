/**
 * Is a listing DPRK-related? Not by programme tag alone: 33 of the 78 UN DPRK individuals found in
 * the 2024-05 OFAC SDN file are listed there only under NPWMD (docs/screening.md). A listing is DPRK-related if its programme says so (UN list type DPRK, OFAC DPRK*,
 * EU PRK, UK regime, UN reference KP… as the list's own or quoted in the remarks), or a
 * nationality, address or the remarks point to North Korea.
 */
import type { ListEntity } from "./types.js";

const DPRK_PROGRAMMES = /^(DPRK|DPRK\d|DPRK-NKSPEA|NKSPEA|PRK|KP)$/i;
const NK_MARKERS =
  /\b(north korea|korea,? north|dprk|d\.p\.r\.k|pyongyang|democratic people'?s republic of korea)\b/i;

export function isDprkRelated(e: ListEntity): boolean {
  // UK regime names are written out ("Democratic People's Republic of Korea").
  if (e.programmes.some((p) => DPRK_PROGRAMMES.test(p.trim()) || NK_MARKERS.test(p))) return true;
  if (/^KP[ie]\./.test(e.reference)) return true;
  if (e.nationalities.includes("PRK")) return true;
  if (e.addresses.some((a) => a.country === "PRK" || NK_MARKERS.test(`${a.text} ${a.city ?? ""}`)))
    return true;
  if (e.identifiers.some((i) => i.country === "PRK")) return true;
  return e.remarks !== null && (NK_MARKERS.test(e.remarks) || /\bKP[ie]\.\d/.test(e.remarks));
}
