import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { base32, personIdFor } from "./person-id.js";

describe("person ids", () => {
  it("encodes base32 per RFC 4648 (test vectors, without padding)", () => {
    const enc = (s: string) => base32(new TextEncoder().encode(s));
    assert.equal(enc("f"), "MY");
    assert.equal(enc("fooba"), "MZXW6YTB");
    assert.equal(enc("foobar"), "MZXW6YTBOI");
  });

  it("is stable for one salt and record, different for another salt or record", () => {
    const id = personIdFor("salt", "quanhe", "QH1");
    assert.match(id, /^P-[A-Z2-7]{16}$/);
    assert.equal(personIdFor("salt", "quanhe", "QH1"), id);
    assert.notEqual(personIdFor("other", "quanhe", "QH1"), id);
    assert.notEqual(personIdFor("salt", "quanhe", "QH2"), id);
  });
});
