import assert from "node:assert/strict";
import { test } from "node:test";
import { namedParty } from "./document-lines.js";

test("a court caption is read as the defendant", () => {
  assert.equal(namedParty("UNITED STATES OF AMERICA v. KIM SU GWANG, Defendant."), "KIM SU GWANG");
  assert.equal(namedParty("United States v. Ri Je-Son"), "Ri Je-Son");
  assert.equal(
    namedParty("United States of America, Plaintiff, vs. Jang Song, Defendants"),
    "Jang Song",
  );
});

test("a forfeiture caption is read as the party the property belongs to", () => {
  assert.equal(
    namedParty(
      "United States of America v. $1,071,251.44 of Funds Associated with Mingzheng International Trading Limited",
    ),
    "Mingzheng International Trading Limited",
  );
  assert.equal(
    namedParty(
      "United States v. All Funds on Deposit in Account 1234 Held in the Name of Velmur Management Pte Ltd",
    ),
    "Velmur Management Pte Ltd",
  );
  assert.equal(
    namedParty('United States of America v. The Bulk Carrier Known as the "Wise Honest"'),
    "Wise Honest",
  );
  assert.equal(namedParty("UNITED STATES OF AMERICA v. M/V WISE HONEST"), "WISE HONEST");
});

test("a consignee box is read as the name on its first line, without care-of party or telephone", () => {
  assert.equal(
    namedParty(
      "CONSIGNEE: JINDALLAE\nC/O RECONNAISSANCE GENERAL BUREAU, PYONGYANG\nTEL +86-415-7967678",
    ),
    "JINDALLAE",
  );
  assert.equal(
    namedParty(
      "CONSIGNEE: SAENG PIL TRADING CORPORATION, C/O RECONNAISSANCE GENERAL BUREAU, TEL +86-415-7403121",
    ),
    "SAENG PIL TRADING CORPORATION",
  );
  assert.equal(
    namedParty("CONSIGNEE: HUNJIN TRADING CO., PYONGYANG, TEL +7 4232 991984"),
    "HUNJIN TRADING CO., PYONGYANG",
  );
  // A name with TEL as a word of its own keeps it.
  assert.equal(namedParty("CONSIGNEE: TEL AVIV TRADING LTD"), "TEL AVIV TRADING LTD");
});

test("other names are left as they are", () => {
  assert.equal(namedParty("UNITED STATES STEEL CORPORATION"), "UNITED STATES STEEL CORPORATION");
  assert.equal(
    namedParty("Korea Ryonbong General Corporation"),
    "Korea Ryonbong General Corporation",
  );
  assert.equal(namedParty("United States v. $1,000.00"), "United States v. $1,000.00");
});
