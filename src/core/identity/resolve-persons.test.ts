import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type Candidate,
  type DocGroup,
  describeNames,
  docEdit,
  MAX_DOCUMENTS,
  resolvePersons,
} from "./resolve-persons.js";

function group(doc: string, over: Partial<DocGroup> = {}): DocGroup {
  return {
    docNumber: doc,
    nationality: "PRK",
    birthDate: "1980-01-01",
    sex: "M",
    firstSeen: "2018-01-01",
    lastSeen: "2018-06-30",
    personId: null,
    records: 10,
    ...over,
  };
}

function cand(a: number, b: number, kind: Candidate["kind"], nameScore = 1): Candidate {
  return { a, b, kind, nameScore, nameA: "KIM YONG CHOL", nameB: "김영철", nameWhy: "" };
}

const samePerson = (r: { cluster: Int32Array }, a: number, b: number) =>
  r.cluster[a] === r.cluster[b];

describe("docEdit", () => {
  it("recognises one substitution and one adjacent swap, nothing else", () => {
    assert.equal(docEdit("123456789", "123456780"), "substitution");
    assert.equal(docEdit("123456789", "123456798"), "transposition");
    assert.equal(docEdit("123456789", "123456789"), null);
    assert.equal(docEdit("123456789", "123456700"), null);
    assert.equal(docEdit("123456789", "12345678"), null);
    assert.equal(docEdit("123456789", "193456729"), null);
  });
});

describe("resolvePersons", () => {
  it("joins a typo'd document with the same birth date", () => {
    const r = resolvePersons(
      [group("123456789"), group("123456798", { records: 1 })],
      [cand(0, 1, "typo", 0.6)],
    );
    assert.ok(samePerson(r, 0, 1));
    assert.equal(r.links[0]?.reason, "document typo");
    assert.match(
      String(r.links[0]?.evidence.summary),
      /two adjacent characters swapped; same birth date 1980-01-01/,
    );
  });

  it("needs a matching name for a typo when the birth date is missing", () => {
    const groups = [group("123456789"), group("123456780", { birthDate: null, records: 1 })];
    assert.ok(!samePerson(resolvePersons(groups, [cand(0, 1, "typo", 0.7)]), 0, 1));
    assert.ok(samePerson(resolvePersons(groups, [cand(0, 1, "typo", 0.9)]), 0, 1));
  });

  it("never joins documents of different birth dates or sex", () => {
    const r = resolvePersons(
      [
        group("123456789"),
        group("123456780", { birthDate: "1975-05-05" }),
        group("123456781", { sex: "F" }),
      ],
      [cand(0, 1, "typo"), cand(0, 2, "typo")],
    );
    assert.ok(!samePerson(r, 0, 1));
    assert.ok(!samePerson(r, 0, 2));
    assert.equal(r.refused.length, 2);
  });

  it("links a renewal used after the old document, across scripts", () => {
    const r = resolvePersons(
      [group("123456789"), group("987654321", { firstSeen: "2019-01-01", lastSeen: "2019-12-01" })],
      [
        {
          ...cand(0, 1, "renewal", 0.97),
          nameA: "金永哲",
          nameB: "KIM YONG CHOL",
          nameWhy: "family 金~KIM: 김 (1.00); given 永~yong: 영 (0.95); given 哲~chol: 철 (0.95)",
        },
      ],
    );
    assert.ok(samePerson(r, 0, 1));
    assert.match(
      String(r.links[0]?.evidence.summary),
      /金永哲 reads 김영철 = KIM YONG CHOL, same birth date 1980-01-01/,
    );
  });

  it("refuses a renewal whose documents were in use at the same time", () => {
    const r = resolvePersons(
      [group("123456789"), group("987654321", { firstSeen: "2018-03-01", lastSeen: "2019-12-01" })],
      [cand(0, 1, "renewal")],
    );
    assert.ok(!samePerson(r, 0, 1));
  });

  it("leaves an ambiguous renewal apart (two homonyms born the same day)", () => {
    const later = { firstSeen: "2019-01-01", lastSeen: "2019-12-01" };
    const r = resolvePersons(
      [group("123456789"), group("987654321", later), group("555555555", later)],
      [cand(0, 1, "renewal"), cand(0, 2, "renewal")],
    );
    assert.ok(!samePerson(r, 0, 1));
    assert.ok(!samePerson(r, 0, 2));
    assert.ok(r.refused.some((x) => x.why.startsWith("ambiguous")));
  });

  it("keeps groups of one existing person together and caps documents per person", () => {
    const groups = Array.from({ length: MAX_DOCUMENTS + 1 }, (_, i) =>
      group(`12345678${i}`, { personId: i < MAX_DOCUMENTS ? "P-X" : null }),
    );
    const r = resolvePersons(groups, [cand(0, MAX_DOCUMENTS, "typo")]);
    assert.ok(samePerson(r, 0, MAX_DOCUMENTS - 1));
    assert.ok(!samePerson(r, 0, MAX_DOCUMENTS));
  });
});

describe("describeNames", () => {
  it("shows the Hangul reading between two scripts", () => {
    assert.equal(
      describeNames(
        "金永哲",
        "KIM YONG CHOL",
        "family 金~KIM: 김 (1.00); given 永~yong: 영 (0.95); given 哲~chol: 철 (0.95)",
      ),
      "金永哲 reads 김영철 = KIM YONG CHOL",
    );
    assert.equal(
      describeNames("KIM YONG CHOL", "KIM YONG CHOL", "identical"),
      "same name KIM YONG CHOL",
    );
  });
});
