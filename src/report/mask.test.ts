import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createMasker, maskBirthDate, maskDocument, maskName } from "./mask.js";

describe("maskDocument(doc)", () => {
  it("keeps the first two and last three characters of a passport number", () => {
    assert.equal(maskDocument("836123086"), "83****086");
    assert.equal(maskDocument("PS123456789"), "PS******789");
  });
  it("keeps one character of a short value and nothing of an empty one", () => {
    assert.equal(maskDocument("A123"), "***3");
    assert.equal(maskDocument(null), "");
  });
});

describe("maskName(name)", () => {
  it("gives initials for Latin names and the first character for Hangul and Chinese", () => {
    assert.equal(maskName("KIM YONG CHOL"), "K. Y. C.");
    assert.equal(maskName("Yong-chol Kim"), "Y. K.");
    assert.equal(maskName("김영철"), "김**");
    assert.equal(maskName("金 永哲"), "金 永*");
  });
});

describe("createMasker(unmask)", () => {
  it("masks document numbers inside free text", () => {
    const m = createMasker(false);
    assert.equal(
      m.text("doc 836123086 and PS123456789 re-entered", ["836123086"]),
      "doc 83****086 and PS******789 re-entered",
    );
    assert.equal(maskBirthDate("1990-04-02"), "1990-**-**");
  });
  it("leaves everything as recorded when unmasked", () => {
    const m = createMasker(true);
    assert.equal(m.doc("836123086"), "836123086");
    assert.equal(m.name("KIM YONG CHOL"), "KIM YONG CHOL");
  });
});
