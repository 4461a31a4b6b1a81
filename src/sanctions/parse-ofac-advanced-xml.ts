/**
 * OFAC Advanced Sanctions List Standard XML (SDN_ADVANCED.XML, CONS_ADVANCED.XML; schema
 * https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML.xsd, notes
 * https://home.treasury.gov/system/files/126/sdn_advanced_notes.pdf). Every coded value (alias
 * type, name part, party type, feature, country, list, programme) is an ID into the file's own
 * ReferenceValueSets, resolved here by its text — never by a hard-coded ID. Parties live in
 * DistinctParties; documents, locations and sanctions entries are top-level sections linked by
 * IdentityID, LocationID and ProfileID. The SDN list imports as OFAC-SDN; any other list the file
 * names (OFAC's non-SDN lists) as OFAC-CONS, so one never replaces the other.
 */
import type {
  EntityKind,
  ListAddress,
  ListEntity,
  ListIdentifier,
  ListName,
  ParsedList,
} from "../core/screening/types.js";
import { arr, listError, text } from "./list-errors.js";
import {
  countryOrRaw,
  identifierType,
  listRecords,
  type XmlNode as Node,
  parseListXml,
} from "./xml-list.js";

/** The reference value sets read, each `<{name}Values><{name} ID=…>text</…>`. */
const REFS = [
  "AliasType",
  "Country",
  "FeatureType",
  "IDRegDocType",
  "List",
  "LocPartType",
  "NamePartType",
  "PartySubType",
  "PartyType",
  "SanctionsType",
  "Script",
] as const;
type Ref = (typeof REFS)[number];

const ARRAYS = new Set<string>([
  ...REFS,
  "DistinctParty",
  "Profile",
  "Identity",
  "Alias",
  "DocumentedName",
  "DocumentedNamePart",
  "MasterNamePartGroup",
  "NamePartGroup",
  "Feature",
  "FeatureVersion",
  "Location",
  "LocationCountry",
  "LocationPart",
  "IDRegDocument",
  "SanctionsEntry",
  "SanctionsMeasure",
  "EntryEvent",
]);

type Refs = Record<Ref, Map<string, Node>>;
const child = (n: Node | undefined, k: string) => n?.[k] as Node | undefined;
const id = (n: Node | undefined) => text(n?.["@ID"]);

function readRefs(root: Node): Refs {
  const sets = child(root, "ReferenceValueSets");
  const refs = {} as Refs;
  for (const r of REFS)
    refs[r] = new Map(arr<Node>(child(sets, `${r}Values`)?.[r]).map((n) => [id(n), n]));
  return refs;
}

/** A Year/Month/Day element as a partial ISO date. */
function ymd(n: Node | undefined): string {
  const y = text(n?.Year);
  if (!y) return "";
  const m = text(n?.Month);
  const d = text(n?.Day);
  const month = m ? `-${m.padStart(2, "0")}` : "";
  const day = m && d ? `-${d.padStart(2, "0")}` : "";
  return `${y}${month}${day}`;
}

/**
 * A DatePeriod as Sojourn's partial date: one day when start and end agree, the year when the
 * period spans exactly that year (OFAC's way of writing "1964"), else a year range.
 */
export function datePeriod(p: Node | undefined): string | undefined {
  const start = ymd(child(child(p, "Start"), "From"));
  const end = ymd(child(child(p, "End"), "To")) || start;
  if (!start) return undefined;
  if (start === end) return start;
  const [sy, ey] = [start.slice(0, 4), end.slice(0, 4)];
  if (sy === ey && start.endsWith("-01-01") && end.endsWith("-12-31")) return sy;
  return sy === ey ? sy : `${sy}/${ey}`;
}

function country(refs: Refs, countryId: string): string | null {
  const c = refs.Country.get(countryId);
  return c ? countryOrRaw(text(c)) : null;
}

function location(refs: Refs, loc: Node | undefined): ListAddress | undefined {
  if (!loc) return undefined;
  const countries = arr<Node>(loc.LocationCountry)
    .map((c) => country(refs, text(c["@CountryID"])))
    .filter((c): c is string => c !== null);
  const parts = new Map<string, string>();
  for (const p of arr<Node>(loc.LocationPart)) {
    const type = text(refs.LocPartType.get(text(p["@LocPartTypeID"])));
    const value = text(child(child(p, "LocationPartValue"), "Value"));
    if (value) parts.set(type, value);
  }
  const countryName = arr<Node>(loc.LocationCountry)
    .map((c) => text(refs.Country.get(text(c["@CountryID"]))))
    .find(Boolean);
  const line = [...parts.values(), countryName].filter(Boolean).join(", ");
  if (!line) return undefined;
  return { text: line, city: parts.get("CITY") ?? null, country: countries[0] ?? null };
}

/** Name parts by their type (Last Name, First Name, Entity Name…) → one name as the CSV writes it. */
function nameOf(parts: [string, string][], person: boolean, latin: boolean): string {
  const of = (t: string) =>
    parts
      .filter(([k]) => k === t)
      .map(([, v]) => v)
      .join(" ");
  if (person && latin) {
    const last = of("Last Name");
    const given = ["First Name", "Middle Name", "Patronymic", "Matronymic", "Maiden Name"]
      .map(of)
      .filter(Boolean)
      .join(" ");
    if (last && given) return `${last}, ${given}`;
  }
  return parts.map(([, v]) => v).join(" ");
}

function aliasNames(refs: Refs, identity: Node, person: boolean): ListName[] {
  const groups = new Map<string, string>();
  for (const m of arr<Node>(child(identity, "NamePartGroups")?.MasterNamePartGroup))
    for (const g of arr<Node>(m.NamePartGroup))
      groups.set(id(g), text(refs.NamePartType.get(text(g["@NamePartTypeID"]))));
  const names: ListName[] = [];
  for (const a of arr<Node>(identity.Alias)) {
    const aliasType = text(refs.AliasType.get(text(a["@AliasTypeID"])));
    const weak = text(a["@LowQuality"]) === "true";
    const primary = text(a["@Primary"]) === "true" && aliasType === "Name";
    for (const dn of arr<Node>(a.DocumentedName)) {
      const values = arr<Node>(dn.DocumentedNamePart).flatMap((p) => arr<Node>(p.NamePartValue));
      const parts = values
        .map((v): [string, string] => [groups.get(text(v["@NamePartGroupID"])) ?? "", text(v)])
        .filter(([, v]) => v);
      if (parts.length === 0) continue;
      const script = text(refs.Script.get(text(values[0]?.["@ScriptID"])));
      const latin = !script || script === "Latin";
      const type: ListName["type"] = !latin
        ? "original-script"
        : weak
          ? "weak"
          : primary && !names.some((n) => n.type === "primary")
            ? "primary"
            : aliasType === "F.K.A."
              ? "fka"
              : aliasType === "N.K.A."
                ? "nka"
                : "aka";
      names.push({
        name: nameOf(parts, person, latin),
        type,
        quality: [aliasType, weak ? "low quality" : "", latin ? "" : script]
          .filter(Boolean)
          .join(" "),
      });
    }
  }
  return names.sort((x, y) => Number(y.type === "primary") - Number(x.type === "primary"));
}

function kindOf(refs: Refs, profile: Node): EntityKind {
  const sub = refs.PartySubType.get(text(profile["@PartySubTypeID"]));
  const subText = text(sub);
  if (subText === "Vessel") return "vessel";
  if (subText === "Aircraft") return "aircraft";
  const party = text(refs.PartyType.get(text(sub?.["@PartyTypeID"])));
  return party === "Individual" ? "person" : "organization";
}

interface Sections {
  refs: Refs;
  locations: Map<string, Node>;
  documents: Map<string, Node[]>;
  entries: Map<string, Node[]>;
}

function identifiersOf(s: Sections, identityId: string): ListIdentifier[] {
  return (s.documents.get(identityId) ?? [])
    .filter((d) => text(d.IDRegistrationNo))
    .map((d) => {
      const label = text(s.refs.IDRegDocType.get(text(d["@IDRegDocTypeID"])));
      return {
        type: identifierType(label),
        number: text(d.IDRegistrationNo),
        country: country(s.refs, text(d["@IssuedBy-CountryID"])),
        label: label || null,
        note: text(d.Comment) || null,
      };
    });
}

function partyOf(file: string, s: Sections, party: Node, pos: number): ListEntity {
  const ref = text(party["@FixedRef"]);
  const profile = arr<Node>(party.Profile)[0];
  if (!ref || !profile)
    throw listError(file, `DistinctParty #${pos + 1}`, "no FixedRef or Profile; expected both");
  const kind = kindOf(s.refs, profile);
  const identities = arr<Node>(profile.Identity);
  const names = identities.flatMap((i) => aliasNames(s.refs, i, kind === "person"));
  if (!names.some((n) => n.type === "primary"))
    throw listError(
      file,
      `DistinctParty ${ref}`,
      "no primary Latin-script name (Alias of type Name)",
    );
  const birthDates: string[] = [];
  const nationalities = new Set<string>();
  const addresses: ListAddress[] = [];
  for (const f of arr<Node>(profile.Feature)) {
    const feature = text(s.refs.FeatureType.get(text(f["@FeatureTypeID"])));
    for (const v of arr<Node>(f.FeatureVersion)) {
      const loc = s.locations.get(text(child(v, "VersionLocation")?.["@LocationID"]));
      if (feature === "Birthdate") {
        const d = datePeriod(child(v, "DatePeriod"));
        if (d) birthDates.push(d);
      } else if (feature === "Nationality Country" || feature === "Citizenship Country") {
        const c = location(s.refs, loc)?.country;
        if (c) nationalities.add(c);
      } else if (feature === "Location") {
        const a = location(s.refs, loc);
        if (a) addresses.push(a);
      }
    }
  }
  const entries = s.entries.get(id(profile)) ?? [];
  const programmes = entries.flatMap((e) =>
    arr<Node>(e.SanctionsMeasure)
      .filter((m) => text(s.refs.SanctionsType.get(text(m["@SanctionsTypeID"]))) === "Program")
      .map((m) => text(m.Comment))
      .filter(Boolean),
  );
  const listed = entries
    .flatMap((e) => arr<Node>(e.EntryEvent).map((ev) => ymd(child(ev, "Date"))))
    .filter(Boolean)
    .sort();
  return {
    list: "",
    reference: ref,
    kind,
    names,
    birthDates,
    nationalities: [...nationalities],
    identifiers: identities.flatMap((i) => identifiersOf(s, id(i))),
    addresses,
    programmes: [...new Set(programmes)],
    listedOn: listed[0] ?? null,
    remarks: text(party.Comment) || null,
  };
}

function byKey(nodes: Node[], key: string): Map<string, Node[]> {
  const m = new Map<string, Node[]>();
  for (const n of nodes) {
    const k = text(n[key]);
    m.set(k, [...(m.get(k) ?? []), n]);
  }
  return m;
}

export function parseOfacAdvancedXml(file: string, xml: string): ParsedList {
  const root = parseListXml(file, xml, {
    root: "Sanctions",
    expected: "OFAC's SDN_ADVANCED / CONS_ADVANCED XML",
    arrays: ARRAYS,
    attributePrefix: "@",
  });
  const refs = readRefs(root);
  const s: Sections = {
    refs,
    locations: new Map(arr<Node>(child(root, "Locations")?.Location).map((l) => [id(l), l])),
    documents: byKey(arr<Node>(child(root, "IDRegDocuments")?.IDRegDocument), "@IdentityID"),
    entries: byKey(arr<Node>(child(root, "SanctionsEntries")?.SanctionsEntry), "@ProfileID"),
  };
  const parties = listRecords(file, child(root, "DistinctParties"), "DistinctParty");
  const lists = new Set(
    [...s.entries.values()].flat().map((e) => text(refs.List.get(text(e["@ListID"])))),
  );
  lists.delete("");
  if (lists.has("SDN List") && lists.size > 1)
    throw listError(
      file,
      "SanctionsEntries",
      `the file mixes the SDN list with ${[...lists].filter((l) => l !== "SDN List").join(", ")}; expected SDN_ADVANCED (SDN only) or CONS_ADVANCED (non-SDN lists)`,
    );
  // A file with no sanctions entries at all is read as the SDN list, OFAC's main publication.
  const list = lists.size === 0 || lists.has("SDN List") ? "OFAC-SDN" : "OFAC-CONS";
  const entities = parties.map((p, i) => ({ ...partyOf(file, s, p, i), list }));
  return {
    list,
    format: "ofac-advanced-xml",
    version: ymd(child(root, "DateOfIssue")) || null,
    entities,
  };
}
