/**
 * The input contract for crossing records (docs/data-contract.md) and the vocabularies that
 * normalise what port logs actually write. Pure data: the ingest turns these into SQL lookups.
 */

// biome-ignore format: a vocabulary, packed
export const REQUIRED_COLUMNS = [
  "record_id", "crossed_at", "direction", "port", "nationality", "doc_number",
] as const;

// biome-ignore format: a vocabulary, packed
export const OPTIONAL_COLUMNS = [
  "doc_type", "family_name", "given_name", "full_name", "birth_date", "sex", "visa_type",
  "purpose", "sponsor", "group_id", "source",
] as const;

export const CONTRACT_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type ContractColumn = (typeof CONTRACT_COLUMNS)[number];

export const DIRECTIONS = ["entry", "exit"] as const;
export type Direction = (typeof DIRECTIONS)[number];

// biome-ignore format: a vocabulary, packed
export const DOC_TYPES = [
  "passport", "official_passport", "diplomatic_passport", "border_pass", "other",
] as const;
export type DocType = (typeof DOC_TYPES)[number];

// biome-ignore format: a vocabulary, packed
export const VISA_TYPES = [
  "none", "work", "business", "student", "trainee", "tourist", "official", "visit", "transit",
  "crew", "other",
] as const;

export const SEXES = ["M", "F", "X"] as const;

/** Folds a header cell to a contract column name: "Crossed At " → "crossed_at". */
export function normalizeColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Keys are compared after trim + lower-case. Chinese and Korean forms are what port
 * authorities print on their own forms (入境 "enter the border", 입국 "enter the country"). */
export const DIRECTION_SYNONYMS: Record<string, Direction> = {
  entry: "entry",
  enter: "entry",
  entered: "entry",
  in: "entry",
  inbound: "entry",
  arrival: "entry",
  arrive: "entry",
  arrived: "entry",
  i: "entry",
  入境: "entry",
  入: "entry",
  进: "entry",
  進: "entry",
  入关: "entry",
  입국: "entry",
  입경: "entry",
  입: "entry",
  exit: "exit",
  exited: "exit",
  out: "exit",
  outbound: "exit",
  departure: "exit",
  depart: "exit",
  departed: "exit",
  leave: "exit",
  o: "exit",
  出境: "exit",
  出: "exit",
  出关: "exit",
  출국: "exit",
  출경: "exit",
  출: "exit",
};

export const DOC_TYPE_SYNONYMS: Record<string, (typeof DOC_TYPES)[number]> = {
  passport: "passport",
  ordinary_passport: "passport",
  "ordinary passport": "passport",
  p: "passport",
  护照: "passport",
  普通护照: "passport",
  여권: "passport",
  official_passport: "official_passport",
  "official passport": "official_passport",
  service_passport: "official_passport",
  "service passport": "official_passport",
  "public affairs passport": "official_passport",
  公务护照: "official_passport",
  公务普通护照: "official_passport",
  공무여권: "official_passport",
  diplomatic_passport: "diplomatic_passport",
  "diplomatic passport": "diplomatic_passport",
  外交护照: "diplomatic_passport",
  외교여권: "diplomatic_passport",
  border_pass: "border_pass",
  "border pass": "border_pass",
  边境通行证: "border_pass",
  边民证: "border_pass",
  도강증: "border_pass",
  통행증: "border_pass",
  other: "other",
};

/** Chinese visa letters (Z work, M business, X study, F exchange/visit, L tourism, G transit,
 * C crew: the categories of China's visa regulations) map onto the contract's visa types. */
export const VISA_TYPE_SYNONYMS: Record<string, (typeof VISA_TYPES)[number]> = {
  none: "none",
  "visa-exempt": "none",
  visa_exempt: "none",
  exempt: "none",
  免签: "none",
  work: "work",
  z: "work",
  business: "business",
  m: "business",
  student: "student",
  study: "student",
  x: "student",
  x1: "student",
  x2: "student",
  trainee: "trainee",
  intern: "trainee",
  internship: "trainee",
  tourist: "tourist",
  tourism: "tourist",
  l: "tourist",
  official: "official",
  visit: "visit",
  f: "visit",
  family: "visit",
  transit: "transit",
  g: "transit",
  crew: "crew",
  c: "crew",
  other: "other",
};

export const SEX_SYNONYMS: Record<string, (typeof SEXES)[number]> = {
  m: "M",
  male: "M",
  man: "M",
  男: "M",
  남: "M",
  f: "F",
  female: "F",
  woman: "F",
  女: "F",
  여: "F",
  x: "X",
};
