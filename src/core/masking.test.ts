import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  createMasker,
  maskBirthDate,
  maskDocument,
  maskName,
  maskText,
  recordPseudonym,
} from "./masking.js";

describe("maskName(name)", () => {
  it("keeps only the first letter of the whole name, whatever its parts and scripts", () => {
    assert.equal(maskName("KIM YONG CHOL"), "K**");
    assert.equal(maskName("김영철"), "김**");
    assert.equal(maskName("김 영 철"), "김**");
    assert.equal(maskName("金 永 哲"), "金**");
    assert.equal(maskName("리 영경"), "리**");
    assert.equal(maskName("KIM Y C"), "K**");
    assert.equal(maskName("Kim 영철"), "K**");
    assert.equal(maskName(" / 杨刚贤"), "杨**");
  });
  it("shows nothing of a name without letters, and nothing for an empty one", () => {
    assert.equal(maskName("123"), "**");
    assert.equal(maskName("  "), "");
    assert.equal(maskName(null), "");
  });
});

describe("maskDocument(doc)", () => {
  it("keeps at most the last two characters, and at least seven hidden", () => {
    assert.equal(maskDocument("836123086"), "*******86");
    assert.equal(maskDocument("PS123456789"), "*********89");
    assert.equal(maskDocument("12345678"), "*******8");
    assert.equal(maskDocument("1234567"), "*******");
    assert.equal(maskDocument("A123"), "****");
    assert.equal(maskDocument(null), "");
  });
});

describe("maskText(text, hide)", () => {
  it("replaces record ids, documents and names, longest first, and document-like numbers", () => {
    const records = new Map([["src:PRK-745612401-20190304", "r1:7"]]);
    assert.equal(
      maskText("record src:PRK-745612401-20190304 of 745612401, KIM YONG CHOL; PS123456789", {
        docs: ["745612401"],
        names: ["KIM YONG CHOL"],
        records,
      }),
      "record r1:7 of *******01, K**; *********89",
    );
  });
});

describe("recordPseudonym and createMasker", () => {
  it("cites a record by run and line; unmasked, by its id", () => {
    const key = 3n * 2n ** 32n + 1042n;
    assert.equal(recordPseudonym(key), "r3:1042");
    assert.equal(createMasker(false).record({ recKey: key, id: "s:R1" }), "r3:1042");
    assert.equal(createMasker(true).record({ recKey: key, id: "s:R1" }), "s:R1");
    assert.equal(maskBirthDate("1990-04-02"), "1990-**-**");
    assert.equal(createMasker(true).name("KIM YONG CHOL"), "KIM YONG CHOL");
  });
});
