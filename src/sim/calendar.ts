/**
 * Days and minutes in port-local time (UTC+8, the only zone of the China–DPRK border). A day is
 * an integer count since 1970-01-01; a time is day·1440 + minute of the day.
 */
import { memoize } from "../core/lazy.js";

export const MINUTES_PER_DAY = 1440;

export function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** `YYYY-MM-DD` of a day number, kept: the simulator asks for the same days again and again. */
export const dateOf = memoize((day: number): string =>
  new Date(day * 86_400_000).toISOString().slice(0, 10),
);

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export type TimeFormat = "iso" | "local" | "date";

/** `2019-06-03T09:15:00+08:00`, `2019-06-03 09:15` or `2019-06-03`. */
export function formatTime(t: number, format: TimeFormat): string {
  const day = Math.floor(t / MINUTES_PER_DAY);
  const date = dateOf(day);
  if (format === "date") return date;
  const m = t - day * MINUTES_PER_DAY;
  const hm = `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
  return format === "iso" ? `${date}T${hm}:00+08:00` : `${date} ${hm}`;
}

export function yearOf(day: number): number {
  return Number(dateOf(day).slice(0, 4));
}
