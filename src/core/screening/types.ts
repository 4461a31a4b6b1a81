/**
 * The shape every sanctions list is parsed into, whatever its source format (UN XML, OFAC CSV/XML,
 * EU FSF XML, OpenSanctions FollowTheMoney). One entity = one listing with its own reference on its
 * own list; the same person on the UN and OFAC lists is two entities.
 */

export const ENTITY_KINDS = ["person", "organization", "vessel", "aircraft", "other"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const NAME_TYPES = [
  "primary",
  "aka",
  "fka",
  "nka",
  "weak", // low-quality alias (UN "Low", OFAC "weak" category, EU strong="false", FtM weakAlias)
  "original-script", // the name as written in its own script (UN NAME_ORIGINAL_SCRIPT)
] as const;
export type NameType = (typeof NAME_TYPES)[number];

export interface ListName {
  name: string;
  type: NameType;
  /** The list's own quality label, verbatim ("Good", "Low", "a.k.a.", "strong", "weak"), if any. */
  quality: string | null;
}

export interface ListIdentifier {
  /** passport | national-id | other, plus the list's own label in `label`. */
  type: string;
  number: string;
  country: string | null;
  label: string | null;
  note: string | null;
}

export interface ListAddress {
  text: string;
  city: string | null;
  country: string | null;
}

export interface ListEntity {
  /** UN-SC, OFAC-SDN, EU-FSF, or an OpenSanctions dataset label. */
  list: string;
  /** The list's own reference: UN reference number (KPi.024), OFAC ent_num, EU reference, FtM id. */
  reference: string;
  kind: EntityKind;
  names: ListName[];
  /** Partial ISO dates: "1962-02-18", "1962-02", "1962"; ranges as "1960/1962". */
  birthDates: string[];
  /** ISO 3166-1 alpha-3 where recognised, else the value as written. */
  nationalities: string[];
  identifiers: ListIdentifier[];
  addresses: ListAddress[];
  programmes: string[];
  listedOn: string | null;
  remarks: string | null;
}

/** A parsed list file: its entities and the version the publisher stamped on it. */
export interface ParsedList {
  list: string;
  format: ListFormat;
  /** Publisher's version stamp (dateGenerated, Publish_Date, generationDate), else null. */
  version: string | null;
  entities: ListEntity[];
  /** Things the analyst should know that did not stop the import. */
  warnings?: string[];
}

export const LIST_FORMATS = [
  "un-xml",
  "ofac-csv",
  "ofac-xml",
  "ofac-advanced-xml",
  "eu-xml",
  "ftm-json",
  "csl-csv",
  "uk-xml",
  "uk-csv",
] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];
