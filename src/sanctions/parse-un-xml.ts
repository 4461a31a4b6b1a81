/**
 * UN Security Council Consolidated List XML (https://scsanctions.un.org/resources/xml/en/consolidated.xml;
 * schema https://www.un.org/sc/resources/sc-sanctions.xsd): CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL
 * and /ENTITIES/ENTITY. Tested on the real 2018-10-29 and 2026-02-27 files.
 */
import type { ListEntity, ListName, ParsedList } from "../core/screening/types.js";
import { parseListDate } from "./list-dates.js";
import { arr, listError, text } from "./list-errors.js";
import {
  countryOrRaw as country,
  defined,
  listAddress,
  listIdentifier,
  type XmlNode as Node,
  parseListXml,
} from "./xml-list.js";

const ARRAYS = new Set([
  "INDIVIDUAL",
  "ENTITY",
  "INDIVIDUAL_ALIAS",
  "ENTITY_ALIAS",
  "INDIVIDUAL_ADDRESS",
  "ENTITY_ADDRESS",
  "INDIVIDUAL_DATE_OF_BIRTH",
  "INDIVIDUAL_DOCUMENT",
  "NATIONALITY",
  "VALUE",
]);

function aliasType(quality: string): ListName["type"] {
  const q = quality.toLowerCase();
  if (q === "low") return "weak";
  if (q.startsWith("f.k.a") || q === "fka") return "fka";
  return "aka";
}

function entityOf(
  node: Node,
  kind: "person" | "organization",
  file: string,
  pos: number,
): ListEntity {
  const reference = text(node.REFERENCE_NUMBER);
  const dataId = text(node.DATAID);
  const where = `${kind === "person" ? "INDIVIDUAL" : "ENTITY"} #${pos + 1}${dataId ? ` DATAID ${dataId}` : ""}`;
  if (!reference)
    throw listError(file, where, "REFERENCE_NUMBER is missing; expected e.g. KPi.024");
  const primary = [node.FIRST_NAME, node.SECOND_NAME, node.THIRD_NAME, node.FOURTH_NAME]
    .map(text)
    .filter(Boolean)
    .join(" ");
  if (!primary)
    throw listError(file, `${where} ${reference}`, "FIRST_NAME is empty; expected a name");
  const names: ListName[] = [{ name: primary, type: "primary", quality: null }];
  const original = text(node.NAME_ORIGINAL_SCRIPT);
  if (original) names.push({ name: original, type: "original-script", quality: null });
  for (const a of arr<Node>(node[kind === "person" ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS"])) {
    const name = text(a.ALIAS_NAME).replace(/^"(.*)"$/, "$1");
    if (name)
      names.push({ name, type: aliasType(text(a.QUALITY)), quality: text(a.QUALITY) || null });
  }
  const birthDates: string[] = [];
  for (const d of arr<Node>(node.INDIVIDUAL_DATE_OF_BIRTH)) {
    const date = text(d.DATE);
    const year = text(d.YEAR);
    const from = text(d.FROM_YEAR);
    const to = text(d.TO_YEAR);
    const type = text(d.TYPE_OF_DATE).toUpperCase();
    let v: string | undefined;
    if (date) v = parseListDate(date);
    else if (from && to) v = `${from}/${to}`;
    else if (year) v = type === "APPROXIMATELY" ? `${Number(year) - 1}/${Number(year) + 1}` : year;
    if (v) birthDates.push(v);
  }
  const nationalities = arr(node.NATIONALITY)
    .flatMap((n) => arr((n as Node).VALUE))
    .map(text)
    .filter(Boolean)
    .map((c) => country(c) ?? c);
  const identifiers = arr<Node>(node.INDIVIDUAL_DOCUMENT)
    .map((d) =>
      listIdentifier({
        number: d.NUMBER,
        label: d.TYPE_OF_DOCUMENT,
        country: text(d.ISSUING_COUNTRY) || text(d.COUNTRY_OF_ISSUE),
        note: d.NOTE,
      }),
    )
    .filter(defined);
  const addresses = arr<Node>(node[kind === "person" ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS"])
    .map((a) =>
      listAddress(
        [a.STREET, a.CITY, a.STATE_PROVINCE, a.ZIP_CODE, a.COUNTRY, a.NOTE],
        a.CITY,
        a.COUNTRY,
      ),
    )
    .filter(defined);
  return {
    list: "UN-SC",
    reference,
    kind,
    names,
    birthDates,
    nationalities,
    identifiers,
    addresses,
    programmes: [text(node.UN_LIST_TYPE)].filter(Boolean),
    listedOn: parseListDate(text(node.LISTED_ON)) ?? null,
    remarks: text(node.COMMENTS1) || null,
  };
}

export function parseUnXml(file: string, xml: string): ParsedList {
  const root = parseListXml(file, xml, {
    root: "CONSOLIDATED_LIST",
    expected: "a UN Security Council consolidated list",
    arrays: ARRAYS,
    attributePrefix: "@",
  });
  const individuals = arr<Node>((root.INDIVIDUALS as Node | undefined)?.INDIVIDUAL);
  const entities = arr<Node>((root.ENTITIES as Node | undefined)?.ENTITY);
  if (individuals.length + entities.length === 0)
    throw listError(
      file,
      "",
      "the list has no INDIVIDUAL or ENTITY records; refusing to import an empty list",
    );
  return {
    list: "UN-SC",
    format: "un-xml",
    version: text(root["@dateGenerated"]) || null,
    entities: [
      ...individuals.map((n, i) => entityOf(n, "person", file, i)),
      ...entities.map((n, i) => entityOf(n, "organization", file, i)),
    ],
  };
}
