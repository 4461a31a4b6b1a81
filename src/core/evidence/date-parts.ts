/** Calendar helpers shared by the date readers: ISO strings, month names, the reference date. */

export interface DateMention {
  start: number;
  end: number;
  from: string;
  to: string;
  text: string;
}

/** The document's own date, which dates without a year and relative dates are read against. */
export type Reference = { y: number; m: number; d: number } | null;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function monthOf(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, 3)]!;
}

export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

/** "2019-06-24" → that day; "2019-06" → the month's last day (a document of that month has
 * seen all of it by the time it is read); anything else → null. */
export function parseReference(published: string | null): Reference {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(published ?? "");
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  return { y, m: mo, d: m[3] ? Number(m[3]) : lastDay(y, mo) };
}

/** The year of a month named without one: the document's year, unless the month comes
 * after the document's, when reports mean the year before ("in October" in a June report is
 * last October). */
export function yearOfMonth(month: number, ref: NonNullable<Reference>): number {
  return month > ref.m ? ref.y - 1 : ref.y;
}

/** A shift of `months` from the reference month, as [year, month]. */
export function shiftMonth(ref: NonNullable<Reference>, months: number): [number, number] {
  const m0 = ref.y * 12 + ref.m - 1 + months;
  return [Math.floor(m0 / 12), (m0 % 12) + 1];
}
