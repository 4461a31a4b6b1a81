/**
 * OpenSanctions FollowTheMoney entity export (https://www.opensanctions.org/docs/bulk/json/): one
 * JSON entity per line, `{id, schema, properties: {prop: [values]}, datasets, target, last_change}`.
 * Matchable schemata (Person, Organization, Company, LegalEntity, PublicBody, Vessel, Airplane)
 * become entities; Sanction entities add programmes and listing dates to the entity they point at,
 * Passport/Identification add documents, Address entities fill addressEntity references.
 * Non-target entities (owners, relatives) are not sanctioned and are skipped. Tested on the real
 * yente fixture (opensanctions_ftm_sample_2024-06.ftm.json) and hand-written fixtures.
 */
import { countryCode } from "../core/screening/index.js";
import type { EntityKind, ListEntity, ListName, ParsedList } from "../core/screening/types.js";
import { parseListDate } from "./list-dates.js";
import { listError } from "./list-errors.js";

interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  target?: boolean;
  last_change?: string;
}

const KINDS: Record<string, EntityKind> = {
  Person: "person",
  Organization: "organization",
  Company: "organization",
  LegalEntity: "organization",
  PublicBody: "organization",
  Vessel: "vessel",
  Airplane: "aircraft",
};

const country = (c: string) => countryCode(c) ?? c.toUpperCase();

/**
 * Which entities are on the list. OpenSanctions exports flag them (`target: true`); a file
 * without any `target` flag (a FollowTheMoney export of other data, Sojourn's own included) says
 * it through Sanction entities pointing at them, or it is not a sanctions list at all.
 */
function sanctionedIds(file: string, records: readonly FtmEntity[], every: boolean): Set<string> {
  if (every) return new Set(records.map((r) => r.id));
  if (records.some((r) => typeof r.target === "boolean"))
    return new Set(records.filter((r) => r.target === true).map((r) => r.id));
  const ids = new Set(
    records.filter((r) => r.schema === "Sanction").flatMap((r) => r.properties.entity ?? []),
  );
  if (ids.size === 0)
    throw listError(
      file,
      "",
      "no entity is marked sanctioned (no `target` flags and no Sanction entities): this FollowTheMoney file is not a sanctions list",
    );
  return ids;
}

/** Identifier properties of a FollowTheMoney entity, with the identifier type each holds. */
const ID_PROPERTIES = [
  ["passportNumber", "passport"],
  ["idNumber", "national-id"],
  ["imoNumber", "vessel"],
  ["registrationNumber", "other"],
] as const;

/** One FollowTheMoney entity per line; a line that is no entity stops the import. */
function readFtmLines(file: string, text: string): FtmEntity[] {
  const records: FtmEntity[] = [];
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (err) {
      throw listError(
        file,
        `line ${i + 1}`,
        `not valid JSON (${(err as Error).message}); the file may be truncated — nothing was imported`,
      );
    }
    const e = v as FtmEntity;
    if (
      typeof e?.id !== "string" ||
      typeof e.schema !== "string" ||
      typeof e.properties !== "object"
    )
      throw listError(
        file,
        `line ${i + 1}`,
        "expected a FollowTheMoney entity with id, schema and properties",
      );
    records.push(e);
  });
  return records;
}

/** Programmes and listing dates from Sanction entities, documents from Passport and
 * Identification entities, each added to the entity it names. */
function attachSanctionsAndDocuments(
  records: FtmEntity[],
  entities: Map<string, ListEntity>,
): void {
  for (const r of records) {
    const p = r.properties;
    if (r.schema === "Sanction") {
      for (const id of p.entity ?? []) {
        const e = entities.get(id);
        if (!e) continue;
        for (const prog of [...(p.program ?? []), ...(p.programId ?? [])])
          if (!e.programmes.includes(prog)) e.programmes.push(prog);
        const listed = p.listingDate?.[0] ?? p.startDate?.[0];
        if (listed && !e.listedOn) e.listedOn = parseListDate(listed) ?? listed;
      }
    } else if (r.schema === "Passport" || r.schema === "Identification") {
      for (const id of p.holder ?? []) {
        const e = entities.get(id);
        const number = p.number?.[0];
        if (!e || !number) continue;
        const c = p.country?.[0];
        e.identifiers.push({
          type: r.schema === "Passport" ? "passport" : "national-id",
          number,
          country: c ? country(c) : null,
          label: p.type?.[0] ?? r.schema,
          note: null,
        });
      }
    }
  }
}

/**
 * `options.every` reads every matchable entity, sanctioned or not: for reading back a
 * FollowTheMoney export that is not a list (Sojourn's own), never for importing one.
 */
export function parseFtm(
  file: string,
  text: string,
  list = "OpenSanctions",
  options: { every?: boolean } = {},
): ParsedList {
  const records = readFtmLines(file, text);
  const byId = new Map(records.map((r) => [r.id, r]));
  const sanctioned = sanctionedIds(file, records, options.every === true);
  const entities = new Map<string, ListEntity>();
  let version = "";
  for (const r of records) {
    const kind = KINDS[r.schema];
    if (!kind || !sanctioned.has(r.id)) continue;
    if (r.last_change && r.last_change > version) version = r.last_change;
    const p = r.properties;
    const names: ListName[] = [];
    const add = (n: string, type: ListName["type"], quality: string) => {
      if (n && !names.some((x) => x.name === n)) names.push({ name: n, type, quality });
    };
    add(r.caption ?? p.name?.[0] ?? "", "primary", "caption");
    for (const n of p.name ?? []) add(n, "aka", "name");
    for (const n of p.alias ?? []) add(n, "aka", "alias");
    for (const n of p.previousName ?? []) add(n, "fka", "previousName");
    for (const n of p.weakAlias ?? []) add(n, "weak", "weakAlias");
    if (names.length === 0) throw listError(file, `entity ${r.id}`, "has no name");
    entities.set(r.id, {
      list,
      reference: r.id,
      kind,
      names,
      birthDates: (p.birthDate ?? []).map((d) => parseListDate(d) ?? d),
      nationalities: [
        ...new Set([...(p.nationality ?? []), ...(p.citizenship ?? [])].map(country)),
      ],
      identifiers: ID_PROPERTIES.flatMap(([label, type]) =>
        (p[label] ?? []).map((number) => ({ type, number, country: null, label, note: null })),
      ),
      addresses: [
        ...(p.address ?? []).map((a) => ({ text: a, city: null, country: null })),
        ...(p.addressEntity ?? []).flatMap((id) => {
          const a = byId.get(id);
          if (!a) return [];
          const full = a.properties.full?.[0] ?? a.caption ?? "";
          const c = a.properties.country?.[0];
          return full
            ? [{ text: full, city: a.properties.city?.[0] ?? null, country: c ? country(c) : null }]
            : [];
        }),
      ],
      programmes: [...(p.program ?? []), ...(p.programId ?? [])],
      listedOn: null,
      remarks: (p.notes ?? []).join(" ") || null,
    });
  }
  attachSanctionsAndDocuments(records, entities);
  if (entities.size === 0)
    throw listError(
      file,
      "",
      "no sanctioned (target) Person, Organization, Company, LegalEntity, Vessel or Airplane entities",
    );
  return { list, format: "ftm-json", version: version || null, entities: [...entities.values()] };
}
