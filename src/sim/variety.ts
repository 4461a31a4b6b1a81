/**
 * `simulate --variety high`: the same people and crossings written down with the variety of an
 * export this project did not make — more spellings and scripts of each person's name, port
 * names in every language the gazetteer knows, more re-exports and duplicates, dates and
 * directions in mixed forms, and dirty rows (damaged re-deliveries a monitor receives and ingest
 * must reject or flag). Only the rendering changes: the population, its crossings and the truth
 * about them are those of `--variety normal` with the same seed.
 */
import type { Params } from "./params.js";
import type { Rng } from "./rng.js";

export const VARIETY_LEVELS = ["normal", "high"] as const;
export type Variety = (typeof VARIETY_LEVELS)[number];

/**
 * The rendering parameters `--variety high` sets (an explicit `--set` still wins). Rates are
 * estimates of a messy multi-agency export: the basis is the variety described for independent
 * files in docs/scenarios.md, not a measured source.
 */
export const HIGH_VARIETY: Params = {
  "noise.nameStyleMix": 0.6,
  "noise.anyNameStyle": 0.15,
  "noise.nameTypo": 0.03,
  "noise.docTypo": 0.005,
  "noise.missingBirthDate": 0.1,
  "noise.portAliasMix": 0.7,
  "noise.timeFormatMix": 0.3,
  "noise.directionMix": 0.3,
  "noise.duplicate": 0.01,
  "noise.reexport": 0.03,
  "noise.outOfOrder": 0.03,
  "noise.dirty": 0.01,
};

/** The parameters a variety level sets, under the user's own overrides. */
export function varietyOverrides(variety: Variety, overrides: Params): Params {
  return variety === "high" ? { ...HIGH_VARIETY, ...overrides } : overrides;
}

/** The ways a dirty row is damaged; `damageRow` picks one. */
export const DAMAGE_KINDS = [
  "impossible-date",
  "empty-direction",
  "garbled-direction",
  "truncated",
  "padded",
] as const;

/**
 * A damaged copy of a rendered CSV row: an impossible date, a blank or garbled direction, a row
 * cut short after the port, or every leading field padded with spaces. The first four fields
 * (record_id, source, crossed_at, direction) never hold a comma, so they are cut apart by
 * position; what follows is kept as rendered.
 */
export function damageRow(rng: Rng, line: string): string {
  const cut: number[] = [];
  for (let i = 0; i < line.length && cut.length < 5; i++) if (line[i] === ",") cut.push(i);
  if (cut.length < 5) return line;
  const field = (k: number) => line.slice(k === 0 ? 0 : cut[k - 1]! + 1, cut[k]);
  const rest = line.slice(cut[3]! + 1);
  const head = [field(0), field(1), field(2), field(3)];
  switch (rng.pick(DAMAGE_KINDS)) {
    case "impossible-date":
      head[2] = head[2]!.replace(/^(\d{4})[-/.]?\d{2}[-/.]?\d{2}/, "$1-02-30");
      if (head[2] === field(2)) head[2] = "2019-13-45";
      break;
    case "empty-direction":
      head[3] = "";
      break;
    case "garbled-direction":
      head[3] = "?";
      break;
    case "truncated":
      // record_id … port, then nothing: the row ends where a broken export cut it.
      return line.slice(0, cut[4]);
    case "padded":
      return `${head.map((f) => `  ${f} `).join(",")},${rest}`;
  }
  return `${head.join(",")},${rest}`;
}
