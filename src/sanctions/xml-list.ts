/**
 * What the XML list parsers share: validation before use, fast-xml-parser set up the same way
 * (text values never coerced to numbers: 0012345 stays a document number), the root element or a
 * clear error, and the identifier and country forms every list is reduced to.
 */
import { XMLParser } from "fast-xml-parser";
import { countryCode } from "../core/screening/index.js";
import { assertWellFormedXml, listError } from "./list-errors.js";

export type XmlNode = Record<string, unknown>;

/**
 * The root element of a well-formed list file. `arrays` names the elements that may repeat (so
 * one occurrence still parses as a list); attributes are read without a prefix unless given.
 */
export function parseListXml(
  file: string,
  xml: string,
  options: {
    root: string;
    expected: string;
    arrays: ReadonlySet<string>;
    attributePrefix?: string;
  },
): XmlNode {
  assertWellFormedXml(file, xml);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: options.attributePrefix ?? "",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && options.arrays.has(name),
  });
  let doc: XmlNode;
  try {
    doc = parser.parse(xml) as XmlNode;
  } catch (err) {
    // fast-xml-parser refuses what it will not read (an external entity: an XXE attempt).
    throw listError(
      file,
      "",
      `${(err as Error).message}; a list file declares no external entities (DOCTYPE … SYSTEM or PUBLIC) — nothing was imported`,
    );
  }
  const root = doc[options.root] as XmlNode | undefined;
  if (!root)
    throw listError(file, "", `no <${options.root}> root element; expected ${options.expected}`);
  return root;
}

/** A country as ISO alpha-3 where recognised, else as written; null when empty. */
export function countryOrRaw(raw: string): string | null {
  if (!raw) return null;
  return countryCode(raw) ?? raw;
}

/** passport | national-id | other, from the list's own document label. */
export function identifierType(label: string): string {
  if (/passport/i.test(label)) return "passport";
  if (/national|identi/i.test(label)) return "national-id";
  return "other";
}
