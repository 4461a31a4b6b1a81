/**
 * EU Financial Sanctions Files consolidated XML, schema 1.1
 * (https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content; namespace
 * http://eu.europa.ec/fpi/fsd/export): export[@generationDate]/sanctionEntity[@euReferenceNumber,
 * @logicalId, @unitedNationId, @designationDate] with regulation[@programme], subjectType[@code
 * person|enterprise], nameAlias[@wholeName, @firstName, @lastName, @strong, @nameLanguage],
 * citizenship[@countryIso2Code], birthdate[@birthdate | @year | @yearRangeFrom/@yearRangeTo, @circa],
 * identification[@number, @identificationTypeCode, @countryIso2Code], address[...], remark.
 * Written from the published schema; tested only on hand-written fixtures in that format (no real
 * EU file under 4 MiB was available).
 */
import type { ListEntity, ListName, ParsedList } from "../core/screening/types.js";
import { parseListDate } from "./list-dates.js";
import { arr, listError, text } from "./list-errors.js";
import { countryOrRaw, listRecords, type XmlNode as Node, parseListXml } from "./xml-list.js";

const ARRAYS = new Set([
  "sanctionEntity",
  "regulation",
  "nameAlias",
  "citizenship",
  "birthdate",
  "identification",
  "address",
  "remark",
]);

function country(n: Node): string | null {
  const iso2 = text(n.countryIso2Code);
  if (iso2 && iso2 !== "00") return countryOrRaw(iso2);
  const d = text(n.countryDescription);
  return d && d !== "UNKNOWN" ? countryOrRaw(d) : null;
}

export function parseEuXml(file: string, xml: string): ParsedList {
  const root = parseListXml(file, xml, {
    root: "export",
    expected: "the EU FSF consolidated XML",
    arrays: ARRAYS,
  });
  const entries = listRecords(file, root, "sanctionEntity");
  const entities: ListEntity[] = entries.map((n, i) => {
    const reference = text(n.euReferenceNumber) || text(n.logicalId);
    if (!reference)
      throw listError(
        file,
        `sanctionEntity #${i + 1}`,
        "neither euReferenceNumber nor logicalId is set",
      );
    const code = text((n.subjectType as Node | undefined)?.code).toLowerCase();
    const cls = text((n.subjectType as Node | undefined)?.classificationCode).toUpperCase();
    const kind = code === "person" || cls === "P" ? "person" : "organization";
    const names: ListName[] = [];
    for (const a of arr<Node>(n.nameAlias)) {
      const whole =
        text(a.wholeName) ||
        [a.firstName, a.middleName, a.lastName].map(text).filter(Boolean).join(" ");
      if (!whole) continue;
      const strong = text(a.strong).toLowerCase() !== "false";
      names.push({
        name: whole,
        type: names.length === 0 ? "primary" : strong ? "aka" : "weak",
        quality: [strong ? "strong" : "weak", text(a.nameLanguage)].filter(Boolean).join(" "),
      });
    }
    if (names.length === 0)
      throw listError(file, `sanctionEntity ${reference}`, "no nameAlias with a name");
    const birthDates = arr<Node>(n.birthdate)
      .map((b) => {
        const full = text(b.birthdate);
        if (full) return parseListDate(full);
        const from = text(b.yearRangeFrom);
        const to = text(b.yearRangeTo);
        if (from && to) return `${from}/${to}`;
        const y = text(b.year);
        if (!y) return undefined;
        return text(b.circa) === "true" ? `${Number(y) - 1}/${Number(y) + 1}` : y;
      })
      .filter((d): d is string => d !== undefined);
    return {
      list: "EU-FSF",
      reference,
      kind,
      names,
      birthDates,
      nationalities: arr<Node>(n.citizenship)
        .map(country)
        .filter((c): c is string => c !== null),
      identifiers: arr<Node>(n.identification)
        .filter((d) => text(d.number))
        .map((d) => {
          const t = text(d.identificationTypeCode).toLowerCase();
          return {
            type: t === "passport" ? "passport" : t === "id" ? "national-id" : "other",
            number: text(d.number),
            country: country(d),
            label: text(d.identificationTypeDescription) || t || null,
            note: text(d.remark) || null,
          };
        }),
      addresses: arr<Node>(n.address)
        .map((a) => ({
          text: [a.street, a.poBox, a.city, a.zipCode, a.region, a.place, a.countryDescription]
            .map(text)
            .filter(Boolean)
            .join(", "),
          city: text(a.city) || null,
          country: country(a),
        }))
        .filter((a) => a.text),
      programmes: [
        ...new Set(
          arr<Node>(n.regulation)
            .map((r) => text(r.programme))
            .filter(Boolean),
        ),
      ],
      listedOn: parseListDate(text(n.designationDate)) ?? null,
      remarks: arr(n.remark).map(text).filter(Boolean).join(" ") || null,
    };
  });
  return {
    list: "EU-FSF",
    format: "eu-xml",
    version: text(root.generationDate) || null,
    entities,
  };
}
