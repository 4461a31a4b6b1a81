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
    // biome-ignore format: cases packed
    const cases = [
      ["KIM YONG CHOL", "K**"], ["김영철", "김**"], ["김 영 철", "김**"], ["金 永 哲", "金**"],
      ["리 영경", "리**"], ["KIM Y C", "K**"], ["Kim 영철", "K**"], [" / 杨刚贤", "杨**"],
    ] as const;
    for (const [name, masked] of cases) assert.equal(maskName(name), masked, name);
  });
  it("shows nothing of a name without letters, and nothing for an empty one", () => {
    assert.equal(maskName("123"), "**");
    assert.equal(maskName("  "), "");
    assert.equal(maskName(null), "");
  });
});

describe("maskDocument(doc)", () => {
  it("keeps at most the last two characters, and at least seven hidden", () => {
    // biome-ignore format: cases packed
    const cases = [
      ["836123086", "*******86"], ["PS123456789", "*********89"], ["12345678", "*******8"],
      ["1234567", "*******"], ["A123", "****"],
    ] as const;
    for (const [doc, masked] of cases) assert.equal(maskDocument(doc), masked, doc);
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
