import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DIRECTIONS, DOC_TYPES, SEXES, VISA_TYPES } from "../../core/crossing.js";
import { SCRIPTS } from "../../core/names/detect-script.js";
import { Store } from "../store.js";

describe("migration 006: record codes", () => {
  it("each ENUM holds exactly the values the code can write, in text order (a new value needs a migration)", async () => {
    const store = await Store.open(":memory:");
    try {
      const expected: Record<string, readonly string[]> = {
        direction_code: DIRECTIONS,
        time_precision_code: ["instant", "local", "date"],
        script_code: SCRIPTS,
        sex_code: SEXES,
        doc_type_code: DOC_TYPES,
        visa_type_code: VISA_TYPES,
      };
      for (const [type, values] of Object.entries(expected)) {
        const [row] = await store.all<{ v: string[] }>(
          `SELECT enum_range(NULL::${type})::VARCHAR[] AS v`,
        );
        // In text order, so sorting by the column is what sorting its text was.
        assert.deepEqual(row?.v, [...values].sort(), type);
      }
    } finally {
      store.close();
    }
  });
});
