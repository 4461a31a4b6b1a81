/**
 * OFAC's remarks field carries most of an SDN's particulars as "; "-separated items: "DOB 28 Aug
 * 1962", "nationality Korea, North", "Passport 472120208 (Korea, North)", "a.k.a. 'KIM, JIN SOK'",
 * "Gender Male", "Vessel Registration Identification IMO 8829593". Items this parser does not know
 * stay in the remarks text.
 */
import { countryCode } from "../core/screening/index.js";
import type { ListIdentifier, ListName } from "../core/screening/types.js";
import { parseListDate } from "./list-dates.js";

export interface RemarkFacts {
  birthDates: string[];
  nationalities: string[];
  identifiers: ListIdentifier[];
  weakAliases: ListName[];
}

/** Identifier labels as OFAC writes them (sdn.csv 2024-05: Passport, National ID No., …). */
const ID_LABEL =
  /^(?:alt\. )?((?:Diplomatic |Service |Official )?Passport|National ID No\.|Identification Number|Tax ID No\.|Registration Number|Registration ID|Business Registration Number|Cedula No\.|Personal ID Card|Residency Number|Driver's License No\.|Company Number|Commercial Registry Number|Vessel Registration Identification|MMSI|Aircraft Manufacturer's Serial Number \(MSN\)|Unified Social Credit Code \(USCC\)|Business Number|Public Security and Immigration No\.|Travel Document Number|C\.R\. No\.|License) ((?:IMO )?[A-Za-z0-9][A-Za-z0-9./-]*\d[A-Za-z0-9./-]*)(?: \(([^)]*)\))?/;

function country(raw: string): string {
  return countryCode(raw) ?? raw;
}

export function parseOfacRemarks(remarks: string | null): RemarkFacts {
  const facts: RemarkFacts = {
    birthDates: [],
    nationalities: [],
    identifiers: [],
    weakAliases: [],
  };
  if (!remarks) return facts;
  for (const raw of remarks.split(/;\s+/)) {
    const item = raw.trim().replace(/\.$/, "");
    let m = /^(?:alt\. )?DOB (.+)$/.exec(item);
    if (m) {
      const d = parseListDate(m[1]!);
      if (d) facts.birthDates.push(d);
      continue;
    }
    m = /^(?:alt\. )?(?:nationality|citizen) (.+)$/.exec(item);
    if (m) {
      facts.nationalities.push(country(m[1]!));
      continue;
    }
    m = /^a\.k\.a\. '(.+)'$/.exec(item);
    if (m) {
      // Aliases only in the remarks are OFAC's "weak" a.k.a.s (watchman #450).
      facts.weakAliases.push({ name: m[1]!, type: "weak", quality: "weak (remarks)" });
      continue;
    }
    m = ID_LABEL.exec(item);
    if (m) {
      const label = m[1]!;
      facts.identifiers.push({
        type: /passport/i.test(label)
          ? "passport"
          : /national id|identification number|personal id/i.test(label)
            ? "national-id"
            : /vessel|mmsi/i.test(label)
              ? "vessel"
              : "other",
        number: m[2]!.replace(/^IMO /, ""),
        country: m[3] ? country(m[3]) : null,
        label,
        note: null,
      });
    }
  }
  return facts;
}
