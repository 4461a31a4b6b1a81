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
 *
 * Any other box a trade or payment document prints around a party is read the same general way
 * (`boxParty`): the party follows the box's label — a role word of the document (buyer,
 * consignee, consignor/exporter, declarant, "Messrs.", "Sold to:"), in English, French, German,
 * Spanish, Russian or Chinese, as the forms print them: the EU Single Administrative Document's
 * boxes 2 "Consignor/Exporter No" and 8 "Consignee No" (Regulation (EU) 2016/341, Annex 9,
 * https://eur-lex.europa.eu/eli/reg_del/2016/341/oj), the Eurasian Union's declaration for goods
 * (ДТ: 2 "Отправитель/Экспортер", 8 "Получатель", 14 "Декларант"), China's customs declaration
 * form (报关单: 境外收货人, 境外发货人, 境内收发货人), and the commercial invoice's buyer
 * ("Messrs.", "Sold to:", "Bill to:"). What comes before the label (the document's title, its
 * number and date, the box number) is dropped, and so is a registration or account number after
 * it; the name is the first line left. A documentary credit names its applicant and beneficiary
 * in running text instead ("… at the request of X for USD …", "… in favour of X, amount …").
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

/** A role word a box prints before its party, with the form's number for it ("Consignee No"). */
const ROLE =
  "(?:consignee|consignor|exporter|importer|shipper|buyer|seller|purchaser|vendor|declarant|trader|applicant|beneficiary|ordering\\s+customer|notify\\s+party|sold\\s+to|bill(?:ed)?\\s+to|ship(?:ped)?\\s+to|customer|client|" +
  "destinataire|exp[ée]diteur|exportateur|importateur|acheteur|vendeur|d[ée]clarant|" +
  "empf[äa]nger|absender|versender|ausf[üu]hrer|einf[üu]hrer|k[äa]ufer|verk[äa]ufer|anmelder|" +
  "destinatario|remitente|exportador|importador|comprador|vendedor|declarante|" +
  "отправитель|получатель|экспортер|экспортёр|импортер|импортёр|декларант|покупатель|продавец|грузополучатель|грузоотправитель)";
/**
 * Role words joined by a slash (Consignor/Exporter), then the form's "No" and a number, then a
 * colon; at a line's start, after its box number, or after the document's number or date.
 */
const ROLE_LABEL = new RegExp(
  `(?:^|\\n|(?<=\\d)[ \\t]+)[ \\t]*(?:\\d{1,2}[ \\t.]+)?(?:to\\s*:\\s*)?${ROLE}(?:\\s*/\\s*${ROLE})*(?:[ \\t]+(?:no|nr|n°|№)\\.?(?=[\\s:：]|$)|[ \\t]*[:：]|(?=[ \\t]*(?:\\n|$))|[ \\t]+(?=(?:eori|inn|tin|uscc)?[ \\t:#]*[\\w-]*\\d{4}))`,
  "giu",
);
/** A numbered box's role word (the forms number their boxes: "8 Consignee", "14 Declarant"). */
const NUMBERED_LABEL = new RegExp(
  `(?:^|\\n|(?<=\\d)[ \\t]+)[ \\t]*\\d{1,2}[ \\t.]+${ROLE}(?:\\s*/\\s*${ROLE})*(?:[ \\t]+(?:no|nr|n°|№)\\.?(?=[\\s:：]|$))?[ \\t]*[:：]?(?=\\s)`,
  "giu",
);
/**
 * Labels no name is written with: "Messrs." (without its dot only at a line's start), "M/s",
 * "To:", China's customs boxes (境外收货人…).
 */
const PLAIN_LABEL =
  /(?:^|\n)[ \t]*(?:to\s*:\s*)?messrs\b\.?|\smessrs\.|(?:^|\s)m\/s\.?(?=\s)|(?:^|\s)to\s*:|(?:境外|境内)?(?:收发货人|收货人|发货人)|(?:买方|卖方|进口商|出口商|申报单位|消费使用单位|生产销售单位)\s*[:：]?/giu;
/** A registration or account number the box prints before the name: "No 085362951", "EORI DE1234". */
const LEADING_NUMBER =
  /^[\s:：]*(?:(?:no|nr|n°|№|eori|inn|tin|uscc)\.?\s*[:#]?\s*)?[\w/-]*\d[\w/-]*[\s,;]*/iu;

/**
 * The party after the last label of a document box (see the header); undefined when the text
 * has no label or nothing follows it.
 */
export function boxParty(text: string): string | undefined {
  let end = -1;
  for (const re of [ROLE_LABEL, NUMBERED_LABEL, PLAIN_LABEL]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) end = Math.max(end, m.index + m[0].length);
  }
  if (end < 0) return undefined;
  const rest = text.slice(end).replace(LEADING_NUMBER, (n) => (/\d/.test(n) ? "" : n));
  const party = consignee(rest);
  return /\p{L}/u.test(party) ? party : undefined;
}

/**
 * A credit's or a payment instruction's party in running text, after the phrase that names its
 * role: the applicant "at the request of" or "for account of" (UCP 600 art. 2: the party on
 * whose request the credit is issued), the beneficiary "in favour of" (the party in whose favour
 * it is issued; the SWIFT MT700's fields 50 and 59), "by order of", "on behalf of". The party
 * ends at the amount ("for USD 54,905.00", ", amount …") or at the text's end (an address after
 * it is the scorer's to read, as in any name).
 */
const CREDIT_PARTY =
  /\b(?:at\s+the\s+request\s+of|in\s+favou?r\s+of|for\s+(?:the\s+)?account\s+of|by\s+order\s+of|on\s+behalf\s+of)\s+(.+?)\s*(?:,\s*(?:amount|value|sum|for|up\s+to)\b|\s+for\s+(?:an?\s+)?(?:amount\s+of\s+|sum\s+of\s+|value\s+of\s+)?(?:[A-Z]{3}|US\$|\$|€|£)\s*[\d,.]+|\s+(?:amount|up\s+to)\s+(?:[A-Z]{3}|US\$|\$|€|£)|\.?\s*$)/su;

function creditParty(text: string): string | undefined {
  const m = CREDIT_PARTY.exec(text);
  const party = m?.[1]?.trim();
  return party && /\p{L}/u.test(party) ? party : undefined;
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
      : (creditParty(name) ?? boxParty(name) ?? name);
  return /\p{L}/u.test(party) ? party : name;
}
