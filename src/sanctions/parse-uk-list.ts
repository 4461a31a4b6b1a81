/**
 * The UK Sanctions List (FCDO, https://www.gov.uk/government/publications/the-uk-sanctions-list),
 * in both of its published forms:
 *  - XML (UK-Sanctions-List.xml): Designations/DateGenerated and one Designation per UniqueID with
 *    Names/Name (Name1…Name5 given parts, Name6 the family or entity name; NameType Primary Name,
 *    Primary Name Variation or Alias; AliasStrength), NonLatinNames, Addresses, IndividualDetails
 *    (DOBs, Nationalities, PassportDetails, NationalIdentifierDetails), EntityDetails, ShipDetails;
 *  - CSV (UK-Sanctions-List.csv): a "Report Date: 08-Oct-2026" line, a header of 58 columns
 *    (Last Updated, Unique ID, … Name 6, Name 1 … Name 5, Name type, Alias strength, …), and one
 *    row per name (and per further address or birth date) of a designation, grouped by Unique ID.
 * Both are read into one record shape and turned into entities by the same code. Dates are
 * DD/MM/YYYY with dd and mm for unknown parts.
 */
import { parse } from "csv-parse/sync";
import type { EntityKind, ListEntity, ListName, ParsedList } from "../core/screening/types.js";
import { parseListDate } from "./list-dates.js";
import { arr, listError, text } from "./list-errors.js";
import { countryOrRaw, listRecords, type XmlNode as Node, parseListXml } from "./xml-list.js";

export const UK_LIST = "UK-FCDO";

interface UkName {
  given: string[];
  family: string;
  nameType: string;
  strength: string;
}

/** One designation as both published forms carry it; repeated CSV rows add to the arrays. */
interface UkRecord {
  id: string;
  type: string;
  names: UkName[];
  nonLatin: string[];
  dobs: string[];
  nationalities: string[];
  passports: { number: string; note: string }[];
  nationalIds: { number: string; note: string }[];
  imo: string[];
  addresses: { lines: string[]; country: string }[];
  regime: string;
  designated: string;
  other: string;
  unReference: string;
}

/** DD/MM/YYYY with dd/mm placeholders → partial ISO date. */
export function ukDate(s: string): string | undefined {
  const m = /^(\d{1,2}|dd)\/(\d{1,2}|mm)\/(\d{4})$/i.exec(s.trim());
  if (!m) return s.trim() ? parseListDate(s) : undefined;
  const [, d, mo, y] = m;
  if (!/\d/.test(mo!)) return y;
  if (!/\d/.test(d!)) return `${y}-${mo!.padStart(2, "0")}`;
  return `${y}-${mo!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
}

function kindOf(t: string): EntityKind {
  const k = t.toLowerCase();
  if (k === "individual") return "person";
  if (k === "ship") return "vessel";
  return "organization";
}

function nameType(n: UkName, hasPrimary: boolean): ListName["type"] {
  const t = n.nameType.toLowerCase();
  if (/low/i.test(n.strength)) return "weak";
  if (t === "primary name" && !hasPrimary) return "primary";
  return "aka";
}

function entityOf(file: string, r: UkRecord): ListEntity {
  const kind = kindOf(r.type);
  const names: ListName[] = [];
  const seen = new Set<string>();
  const ordered = [...r.names].sort(
    (a, b) =>
      Number(b.nameType.toLowerCase() === "primary name") -
      Number(a.nameType.toLowerCase() === "primary name"),
  );
  for (const n of ordered) {
    const given = n.given.filter(Boolean).join(" ");
    const name =
      kind === "person" && given && n.family
        ? `${n.family}, ${given}`
        : [given, n.family].filter(Boolean).join(" ");
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const type = nameType(
      n,
      names.some((x) => x.type === "primary"),
    );
    names.push({ name, type, quality: [n.nameType, n.strength].filter(Boolean).join(", ") });
  }
  for (const n of new Set(r.nonLatin.filter(Boolean)))
    names.push({ name: n, type: "original-script", quality: null });
  if (!names.some((n) => n.type === "primary")) {
    const first = names.find((n) => n.type !== "original-script");
    if (!first) throw listError(file, `Unique ID ${r.id}`, "no name; expected Name6 or Name1…5");
    first.type = "primary";
  }
  const docs = (list: { number: string; note: string }[], type: string) =>
    list.map((d) => ({ type, number: d.number, country: null, label: null, note: d.note || null }));
  return {
    list: UK_LIST,
    reference: r.id,
    kind,
    names,
    birthDates: [...new Set(r.dobs.map(ukDate).filter((d): d is string => d !== undefined))],
    nationalities: [...new Set(r.nationalities.filter(Boolean).map((c) => countryOrRaw(c) ?? c))],
    identifiers: [
      ...docs(r.passports, "passport"),
      ...docs(r.nationalIds, "national-id"),
      ...docs(
        r.imo.map((number) => ({ number, note: "IMO number" })),
        "other",
      ),
    ],
    addresses: r.addresses
      .map((a) => ({
        text: [...a.lines, a.country].filter(Boolean).join(", "),
        city: a.lines.slice(0, 6).filter(Boolean).at(-1) ?? null,
        country: countryOrRaw(a.country),
      }))
      .filter((a) => a.text),
    programmes: [r.regime].filter(Boolean),
    listedOn: ukDate(r.designated) ?? null,
    remarks:
      [r.unReference && `UN reference ${r.unReference}`, r.other].filter(Boolean).join("; ") ||
      null,
  };
}

// ---- XML ---------------------------------------------------------------------------------------

const kids = (n: unknown, ...path: string[]): Node[] => {
  let cur: Node[] = arr<Node>(n);
  for (const p of path) cur = cur.flatMap((c) => arr<Node>(c[p]));
  return cur;
};

function xmlRecord(d: Node): UkRecord {
  const person = kids(d, "IndividualDetails", "Individual");
  const doc = (n: Node, k: string) => ({
    number: text(n[`${k}Number`]),
    note: text(n[`${k}AdditionalInformation`]),
  });
  return {
    id: text(d.UniqueID),
    type: text(d.IndividualEntityShip),
    names: kids(d, "Names", "Name").map((n) => ({
      given: [n.Name1, n.Name2, n.Name3, n.Name4, n.Name5].map(text),
      family: text(n.Name6),
      nameType: text(n.NameType),
      strength: text(n.AliasStrength),
    })),
    nonLatin: kids(d, "NonLatinNames", "NonLatinName").map((n) => text(n.NameNonLatinScript)),
    dobs: kids(person, "DOBs").flatMap((n) => arr(n.DOB).map(text)),
    nationalities: kids(person, "Nationalities").flatMap((n) => arr(n.Nationality).map(text)),
    passports: kids(person, "PassportDetails", "Passport")
      .map((n) => doc(n, "Passport"))
      .filter((x) => x.number),
    nationalIds: kids(person, "NationalIdentifierDetails", "NationalIdentifier")
      .map((n) => doc(n, "NationalIdentifier"))
      .filter((x) => x.number),
    imo: kids(d, "ShipDetails", "Ship", "IMONumbers").flatMap((n) => arr(n.IMONumber).map(text)),
    addresses: kids(d, "Addresses", "Address").map((a) => ({
      lines: [1, 2, 3, 4, 5, 6, "PostalCode"].map((k) =>
        text(a[typeof k === "number" ? `AddressLine${k}` : `Address${k}`]),
      ),
      country: text(a.AddressCountry),
    })),
    regime: text(d.RegimeName),
    designated: text(d.DateDesignated),
    other: text(d.OtherInformation),
    unReference: text(d.UNReferenceNumber),
  };
}

export function parseUkXml(file: string, xml: string): ParsedList {
  const root = parseListXml(file, xml, {
    root: "Designations",
    expected: "the UK Sanctions List (UK-Sanctions-List.xml)",
  });
  const designations = listRecords(file, root, "Designation");
  const entities = designations.map((d, i) => {
    const r = xmlRecord(d);
    if (!r.id) throw listError(file, `Designation #${i + 1}`, "<UniqueID> is missing");
    return entityOf(file, r);
  });
  return {
    list: UK_LIST,
    format: "uk-xml",
    version: ukDate(text(root.DateGenerated)) ?? null,
    entities,
  };
}

// ---- CSV ---------------------------------------------------------------------------------------

const UK_CSV_REQUIRED = ["Unique ID", "Name 6", "Name type", "Designation Type"] as const;

export function parseUkCsv(file: string, csv: string): ParsedList {
  const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
  const report = /^Report Date:\s*(.+?),*$/.exec(lines[0] ?? "");
  const body = report ? lines.slice(1).join("\n") : lines.join("\n");
  const headerLine = report ? 2 : 1;
  let rows: Record<string, string>[];
  try {
    rows = parse(body, { columns: true, skip_empty_lines: true, relax_column_count: false });
  } catch (err) {
    throw listError(file, "", `not a readable CSV (${(err as Error).message})`);
  }
  const header = Object.keys(rows[0] ?? {});
  const missing = UK_CSV_REQUIRED.filter((c) => !header.includes(c));
  if (missing.length)
    throw listError(file, `line ${headerLine}`, `missing column(s) ${missing.join(", ")}`);
  const byId = new Map<string, UkRecord>();
  rows.forEach((row, i) => {
    const v = (k: string) => (row[k] ?? "").trim();
    const id = v("Unique ID");
    if (!id) throw listError(file, `line ${headerLine + i + 1}`, "Unique ID is empty");
    let r = byId.get(id);
    if (!r) {
      r = {
        id,
        type: v("Designation Type"),
        names: [],
        nonLatin: [],
        dobs: [],
        nationalities: [],
        passports: [],
        nationalIds: [],
        imo: [],
        addresses: [],
        regime: v("Regime Name"),
        designated: v("Date Designated"),
        other: v("Other Information"),
        unReference: v("UN Reference Number"),
      };
      byId.set(id, r);
    }
    r.names.push({
      given: ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5"].map(v),
      family: v("Name 6"),
      nameType: v("Name type"),
      strength: v("Alias strength"),
    });
    r.nonLatin.push(v("Name non-latin script"));
    r.dobs.push(v("D.O.B"));
    r.nationalities.push(...v("Nationality(/ies)").split(/\s*(?:\(\d+\)|;)\s*/));
    const note = (k: string) => v(k);
    if (v("Passport number"))
      r.passports.push({
        number: v("Passport number"),
        note: note("Passport additional information"),
      });
    if (v("National Identifier number"))
      r.nationalIds.push({
        number: v("National Identifier number"),
        note: note("National Identifier additional information"),
      });
    if (v("IMO number")) r.imo.push(v("IMO number"));
    const address = {
      lines: [1, 2, 3, 4, 5, 6].map((n) => v(`Address Line ${n}`)).concat(v("Address Postal Code")),
      country: v("Address Country"),
    };
    const key = JSON.stringify(address);
    if (address.lines.some(Boolean) || address.country)
      if (!r.addresses.some((a) => JSON.stringify(a) === key)) r.addresses.push(address);
  });
  if (byId.size === 0)
    throw listError(file, "", "no designations; refusing to import an empty list");
  for (const r of byId.values()) {
    r.passports = [...new Map(r.passports.map((p) => [p.number, p])).values()];
    r.nationalIds = [...new Map(r.nationalIds.map((p) => [p.number, p])).values()];
    r.imo = [...new Set(r.imo)];
  }
  return {
    list: UK_LIST,
    format: "uk-csv",
    version: report ? (parseListDate(report[1]!.replace(/-/g, " ")) ?? report[1]!) : null,
    entities: [...byId.values()].map((r) => entityOf(file, r)),
  };
}
