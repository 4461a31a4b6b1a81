/** Every detection rule, one file per rule id (docs/rules.md). */
import { cohortRotation } from "./cohort-rotation.js";
import { longPresence } from "./long-presence.js";
import { overstay } from "./overstay.js";
import { postDeadlinePresence } from "./post-deadline-presence.js";
import type { Rule } from "./rule.js";
import { sanctionedSponsor } from "./sanctioned-sponsor.js";
import { visaRun } from "./visa-run.js";

export type { Rule } from "./rule.js";
export { templateSql } from "./rule.js";

export const RULES: readonly Rule[] = [
  overstay,
  visaRun,
  longPresence,
  postDeadlinePresence,
  cohortRotation,
  sanctionedSponsor,
];
