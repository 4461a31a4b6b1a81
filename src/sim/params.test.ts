import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../core/errors.js";
import { PARAM_SPECS, parseOverride } from "./params.js";
import { getScenario, resolveParams, SCENARIO_NAMES, SCENARIOS } from "./scenarios.js";

describe("params", () => {
  it("every scenario has a default for every parameter", () => {
    for (const name of SCENARIO_NAMES) {
      const params = resolveParams(SCENARIOS[name]);
      for (const spec of PARAM_SPECS)
        assert.notEqual(params[spec.key], undefined, `${name} ${spec.key}`);
    }
  });

  it("parses overrides and names what is wrong", () => {
    assert.deepEqual(parseOverride("noise.lost=0.2"), ["noise.lost", 0.2]);
    assert.deepEqual(parseOverride("span.end=2019-12-31"), ["span.end", "2019-12-31"]);
    assert.throws(() => parseOverride("noise.lost"), /key=value/);
    assert.throws(
      () => parseOverride("noise.lots=1"),
      /unknown parameter "noise.lots"; valid parameters: .*noise\.lost/,
    );
    assert.throws(() => parseOverride("span.end=2019-02-30"), /date YYYY-MM-DD/);
    assert.throws(() => parseOverride("team.sizeMin=abc"), /must be a number/);
  });

  it("rejects values out of range and contradictory pairs", () => {
    const s = getScenario("hunchun-2019");
    assert.throws(() => resolveParams(s, { "noise.lost": 2 }), /noise\.lost=2 is above 1/);
    assert.throws(() => resolveParams(s, { "team.sizeMin": 2.5 }), /whole number/);
    assert.throws(
      () => resolveParams(s, { "span.start": "2021-01-01" }),
      /span\.start .* must not exceed span\.end/,
    );
    assert.throws(
      () =>
        resolveParams(s, {
          "scheme.visaExempt": 0,
          "scheme.businessTrainee": 0,
          "scheme.borderPass": 0,
          "scheme.resident": 0,
        }),
      /must not all be 0/,
    );
  });

  it("names the valid scenarios for an unknown one", () => {
    assert.throws(
      () => getScenario("x"),
      (e: unknown) =>
        e instanceof AppError && e.code === "usage" && /hunchun-2019, dandong-2023/.test(e.message),
    );
  });
});
