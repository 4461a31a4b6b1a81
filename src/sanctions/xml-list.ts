/**
 * What the XML list parsers share: validation before use, fast-xml-parser set up the same way
 * (text values never coerced to numbers: 0012345 stays a document number), the root element or a
 * clear error, and the identifier and country forms every list is reduced to.
 */
import { XMLParser } from "fast-xml-parser";
import { countryCode } from "../core/screening/index.js";
import type { ListAddress, ListIdentifier } from "../core/screening/types.js";
import { arr, assertWellFormedXml, listError, text } from "./list-errors.js";

export type XmlNode = Record<string, unknown>;

/**
 * The root element of a well-formed list file. `arrays` names the elements that may repeat (so
 * one occurrence still parses as a list) for parsers that index into them; parsers that read
 * every repeatable element through `arr` need none. Attributes are read without a prefix unless
 * given.
 */
export function parseListXml(
  file: string,
  xml: string,
  options: {
    root: string;
    expected: string;
    arrays?: ReadonlySet<string>;
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
    isArray: (name, _path, _leaf, isAttribute) =>
      !isAttribute && (options.arrays?.has(name) ?? false),
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

/** A document as every list is reduced to: its type from the list's own label; empty number → none. */
export function listIdentifier(f: {
  number: unknown;
  label: unknown;
  country: unknown;
  note?: unknown;
}): ListIdentifier | undefined {
  const number = text(f.number);
  if (!number) return undefined;
  const label = text(f.label);
  return {
    type: identifierType(label),
    number,
    country: countryOrRaw(text(f.country)),
    label: label || null,
    note: text(f.note) || null,
  };
}

/** An address from its parts in the list's order; undefined when every part is empty. */
export function listAddress(
  parts: unknown[],
  city: unknown,
  country: unknown,
): ListAddress | undefined {
  const line = parts.map(text).filter(Boolean).join(", ");
  if (!line) return undefined;
  return { text: line, city: text(city) || null, country: countryOrRaw(text(country)) };
}

export const defined = <T>(x: T | undefined): x is T => x !== undefined;

/** The `record` elements under `parent`, or a clear error: an empty list is never imported. */
export function listRecords(file: string, parent: XmlNode | undefined, record: string): XmlNode[] {
  const records = arr<XmlNode>(parent?.[record]);
  if (records.length === 0)
    throw listError(file, "", `no <${record}> records; refusing to import an empty list`);
  return records;
}
