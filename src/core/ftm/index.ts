export * from "./entity.js";
export * from "./map-alert.js";
export * from "./map-cohort.js";
export * from "./map-person.js";
export * from "./map-stay.js";
