/**
 * OFAC SDN XML (sdn.xml; schema https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML,
 * formerly http://tempuri.org/sdnList.xsd): sdnList/publshInformation/Publish_Date and sdnList/sdnEntry
 * with uid, firstName, lastName, sdnType, programList/program, akaList/aka (type, category,
 * firstName, lastName), idList/id, addressList/address, nationalityList, citizenshipList,
 * dateOfBirthList/dateOfBirthItem, remarks. Written from the published schema; tested only on
 * hand-written fixtures in that format (no real sdn.xml under 4 MiB was available).
 */
import type { EntityKind, ListEntity, ListName, ParsedList } from "../core/screening/types.js";
import { parseListDate } from "./list-dates.js";
import { arr, listError, text } from "./list-errors.js";
import { parseOfacRemarks } from "./ofac-remarks.js";
import {
  countryOrRaw,
  defined,
  listAddress,
  listIdentifier,
  listRecords,
  type XmlNode as Node,
  parseListXml,
} from "./xml-list.js";

function kindOf(t: string): EntityKind {
  const k = t.toLowerCase();
  if (k === "individual") return "person";
  if (k === "vessel") return "vessel";
  if (k === "aircraft") return "aircraft";
  return "organization";
}

/** OFAC writes persons "LAST, First" in the CSV; the XML splits them. Keep the CSV form. */
function fullName(n: Node, person: boolean): string {
  const first = text(n.firstName);
  const last = text(n.lastName);
  if (person && first && last) return `${last}, ${first}`;
  return [first, last].filter(Boolean).join(" ");
}

export function parseOfacXml(file: string, xml: string): ParsedList {
  const root = parseListXml(file, xml, {
    root: "sdnList",
    expected: "OFAC sdn.xml",
  });
  const entries = listRecords(file, root, "sdnEntry");
  const publish = text((root.publshInformation as Node | undefined)?.Publish_Date);
  const declared = Number(text((root.publshInformation as Node | undefined)?.Record_Count));
  if (declared > 0 && declared !== entries.length)
    throw listError(
      file,
      "publshInformation",
      `Record_Count says ${declared} entries but the file has ${entries.length}; the file may be truncated`,
    );
  const entities: ListEntity[] = entries.map((n, i) => {
    const uid = text(n.uid);
    if (!uid) throw listError(file, `sdnEntry #${i + 1}`, "<uid> is missing");
    const kind = kindOf(text(n.sdnType));
    const primary = fullName(n, kind === "person");
    if (!primary)
      throw listError(file, `sdnEntry uid ${uid}`, "<lastName> is empty; expected a name");
    const names: ListName[] = [{ name: primary, type: "primary", quality: null }];
    for (const a of arr<Node>((n.akaList as Node | undefined)?.aka)) {
      const name = fullName(a, kind === "person");
      if (!name) continue;
      const t = text(a.type).toLowerCase();
      const category = text(a.category).toLowerCase();
      names.push({
        name,
        type:
          category === "weak"
            ? "weak"
            : t.startsWith("f.k.a")
              ? "fka"
              : t.startsWith("n.k.a")
                ? "nka"
                : "aka",
        quality: [text(a.type), category].filter(Boolean).join(" ") || null,
      });
    }
    const remarks = text(n.remarks) || null;
    const facts = parseOfacRemarks(remarks);
    const birthDates = arr<Node>((n.dateOfBirthList as Node | undefined)?.dateOfBirthItem)
      .map((d) => parseListDate(text(d.dateOfBirth)))
      .filter((d): d is string => d !== undefined);
    const nationalities = [
      ...arr<Node>((n.nationalityList as Node | undefined)?.nationality),
      ...arr<Node>((n.citizenshipList as Node | undefined)?.citizenship),
    ]
      .map((c) => countryOrRaw(text(c.country)))
      .filter((c): c is string => c !== null);
    const identifiers = arr<Node>((n.idList as Node | undefined)?.id)
      .map((d) =>
        listIdentifier({
          number: d.idNumber,
          label: d.idType,
          country: d.idCountry,
          note: [text(d.issueDate), text(d.expirationDate)].filter(Boolean).join(" – "),
        }),
      )
      .filter(defined);
    const addresses = arr<Node>((n.addressList as Node | undefined)?.address)
      .map((a) =>
        listAddress(
          [a.address1, a.address2, a.address3, a.city, a.stateOrProvince, a.postalCode, a.country],
          a.city,
          a.country,
        ),
      )
      .filter(defined);
    return {
      list: "OFAC-SDN",
      reference: uid,
      kind,
      names: [...names, ...facts.weakAliases],
      birthDates: birthDates.length ? birthDates : facts.birthDates,
      nationalities: nationalities.length ? [...new Set(nationalities)] : facts.nationalities,
      identifiers: identifiers.length ? identifiers : facts.identifiers,
      addresses,
      programmes: arr((n.programList as Node | undefined)?.program)
        .map(text)
        .filter(Boolean),
      listedOn: null,
      remarks,
    };
  });
  return {
    list: "OFAC-SDN",
    format: "ofac-xml",
    version: publish ? (parseListDate(publish) ?? publish) : null,
    entities,
  };
}
