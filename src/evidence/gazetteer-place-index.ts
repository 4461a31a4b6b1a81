/** The place index for reports, built once per process from the shipped gazetteer. */

import { buildPlaceIndex, type PlaceIndex } from "../core/evidence/index.js";
import { lazy } from "../core/lazy.js";
import { loadGazetteer } from "../gazetteer/load-gazetteer.js";

export const placeIndex = lazy((): PlaceIndex => buildPlaceIndex(loadGazetteer()));
