/** Birth and listing dates as the lists write them → partial ISO dates ("1962-08-28", "1962-08", "1962", "1960/1962"). */

const MONTHS: Record<string, string> = {
  jan: "01",
  feb: "02",
  mar: "03",
  apr: "04",
  may: "05",
  jun: "06",
  jul: "07",
  aug: "08",
  sep: "09",
  oct: "10",
  nov: "11",
  dec: "12",
};

function one(s: string): string | undefined {
  const t = s.trim().replace(/\.$/, "");
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m && MONTHS[m[2]!.toLowerCase()])
    return `${m[3]}-${MONTHS[m[2]!.toLowerCase()]}-${m[1]!.padStart(2, "0")}`;
  m = /^([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m && MONTHS[m[1]!.toLowerCase()]) return `${m[2]}-${MONTHS[m[1]!.toLowerCase()]}`;
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t); // OFAC XML Publish_Date: MM/DD/YYYY
  if (m) return `${m[3]}-${m[1]}-${m[2]}`;
  m = /^(\d{4})$/.exec(t);
  if (m) return m[1];
  return undefined;
}

/**
 * A date or a range: "28 Aug 1962", "circa 1962" (→ 1961/1963: "circa" is a year either way),
 * "1960 to 1962", "01 Jan 1960 to 31 Dec 1962". Undefined if it is not a date.
 */
export function parseListDate(s: string): string | undefined {
  const t = s.trim();
  const circa = /^(circa|approximately|approx\.?|c\.)\s+(.+)$/i.exec(t);
  if (circa) {
    const d = one(circa[2]!);
    if (!d) return undefined;
    const y = Number(d.slice(0, 4));
    return `${y - 1}/${y + 1}`;
  }
  const range = /^(.+?)\s+(?:to|-|–)\s+(.+)$/.exec(t);
  if (range) {
    const a = one(range[1]!);
    const b = one(range[2]!);
    if (a && b)
      return a.slice(0, 4) === b.slice(0, 4) && a === b ? a : `${a.slice(0, 4)}/${b.slice(0, 4)}`;
  }
  return one(t);
}
