/**
 * Names as documents write them around a party: a United States court caption, a civil
 * forfeiture caption naming the property and whom it belongs to, a bill of lading's consignee
 * box. Each is read down to the named party before the name is screened.
 *
 * Caption forms follow the Department of Justice's filings: "United States of America v.
 * $1,071,251.44 of Funds Associated with Mingzheng International Trading Limited" (D.D.C. case
 * 1:17-cv-01706, https://www.justice.gov/opa/pr/united-states-files-complaints-forfeit-more-11-million-companies-allegedly-laundering-funds-benefit),
 * "United States of America v. M/V Wise Honest" (S.D.N.Y. case 19-cv-4210,
 * https://www.justice.gov/usao-sdny/pr/united-states-announces-seizure-north-korean-ship),
 * "United States v. All Funds … Held in the Name of …". The consignee box is the one of the
 * bill of lading's standard layout (BIMCO CONGENBILL, https://www.bimco.org): the name on its
 * first line, then the address, then telephone and fax.
 */

/** "UNITED STATES OF AMERICA v. …", "United States, Plaintiff, v. …", "… vs. …". */
const CAPTION =
  /^\s*(?:the\s+)?united\s+states(?:\s+of\s+america)?\s*,?\s*(?:plaintiff\s*,?\s*)?(?:v|vs|versus)\.?\s+(.+)$/isu;
/** The defendant's label at the caption's end: ", Defendant.", "Defendants in rem". */
const DEFENDANT = /[\s,;]+defendants?(?:\s+in\s+rem)?\.?\s*$/iu;
/** Property sued in rem, then whose it is: "$X of Funds Associated with …", "All Funds … in the Name of …". */
const PROPERTY =
  /^(?:(?:approximately\s+)?(?:us\s*)?\$\s*[\d,.]+|all\s+(?:funds|assets|property|monies)|[\d,.]+\s+(?:us\s+)?dollars)\b.*?\b(?:associated\s+with|held\s+in\s+the\s+name\s+of|in\s+the\s+name\s+of|belonging\s+to|owned\s+by|traceable\s+to)\s+(.+)$/isu;
/** A vessel sued in rem: "The Bulk Carrier Known as the "X"", "M/V X", "The Tanker X". */
const VESSEL =
  /^(?:the\s+|one\s+)?(?:m\/[vt]|(?:motor|cargo|merchant)\s+vessel|bulk\s+carrier|(?:oil\s+|chemical\s+)?tanker|vessel|ship)\s+(?:known\s+as\s+(?:the\s+)?)?(.+)$/isu;
const QUOTED = /^["“”'‘’]+|["“”'‘’]+$/gu;

/** The box's label: "CONSIGNEE:", "NOTIFY PARTY:". */
const CONSIGNEE = /^\s*(?:consignee|notify\s+party)\s*[:：]\s*/iu;
/** Telephone and fax at the box's end, and the "care of" party after the name. */
const CONTACT_TAIL = /(?:[\s,;]+|^)(?:tel|phone|fax|telex)\b[.:]?\s*[+(\d].*$/isu;
const CARE_OF = /(?:[\s,;]+|^)c\/o\b.*$/isu;

function caption(rest: string): string {
  const party = rest.replace(DEFENDANT, "").trim();
  const owner = PROPERTY.exec(party)?.[1];
  if (owner) return owner.trim();
  const vessel = VESSEL.exec(party)?.[1];
  if (vessel) return vessel.replace(QUOTED, "").trim();
  return party;
}

function consignee(box: string): string {
  const lines = box.split(/\r?\n/u).map((l) => l.trim());
  const first = lines.find((l) => l.length > 0) ?? "";
  return first.replace(CONTACT_TAIL, "").replace(CARE_OF, "").trim();
}

/**
 * The party a caption or a consignee box names ("United States of America v. $4,479,501.31 of
 * Funds Associated with KOMID" → KOMID); the name unchanged when it is neither, or when nothing
 * would be left.
 */
export function namedParty(name: string): string {
  const c = CAPTION.exec(name);
  const party = c
    ? caption(c[1]!)
    : CONSIGNEE.test(name)
      ? consignee(name.replace(CONSIGNEE, ""))
      : name;
  return /\p{L}/u.test(party) ? party : name;
}
