/** The place index for reports, built once per process from the shipped gazetteer. */
import { buildPlaceIndex, type PlaceIndex } from "../core/evidence/index.js";
import { loadGazetteer } from "../gazetteer/load-gazetteer.js";

let cached: PlaceIndex | undefined;

export function placeIndex(): PlaceIndex {
  cached ??= buildPlaceIndex(loadGazetteer());
  return cached;
}
