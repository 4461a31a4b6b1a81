/** Gazetteer places as read filters: a city, port, zone or region stands for its ports. */
import type { Place } from "../core/evidence/index.js";
import { sqlString } from "../db/store.js";
import { resolvePlaceOrFail } from "../evidence/store-evidence.js";

export function resolvePlace(name: string): Place {
  return resolvePlaceOrFail(name);
}

/** A literal VARCHAR[] (typed even when empty, which a bound empty list cannot be). */
export function varcharList(values: readonly string[]): string {
  return `[${values.map(sqlString).join(", ")}]::VARCHAR[]`;
}

/** The place's port ids as a SQL list literal. */
export function placePortsSql(place: string | Place): string {
  const p = typeof place === "string" ? resolvePlace(place) : place;
  return varcharList(p.portIds);
}
