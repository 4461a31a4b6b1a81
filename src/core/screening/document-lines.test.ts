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

test("any document box is read as the party after its label, in the languages of the forms", () => {
  // A generator of boxes: a title, number and date or none, a box number, a role label in one of
  // the forms' languages, a registration number, the name, an address and a telephone.
  const names = [
    "KIM TONG CHOL",
    "OFFICE NO. 39",
    "CHE 2 CHAYON KWAHAKWON",
    "Dongbang BANK",
    "KOMID",
  ];
  const labels = [
    "Consignee No",
    "2 Consignor/Exporter No",
    "14 Declarant",
    "Buyer:",
    "SOLD TO:",
    "Bill to:",
    "Messrs.",
    "To: Messrs.",
    "Destinataire :",
    "Empfänger:",
    "Comprador:",
    "8 Получатель",
    "2 Отправитель/Экспортер",
    "境外收货人",
    "境外发货人",
    "买方：",
  ];
  const heads = [
    "",
    "COMMERCIAL INVOICE No. INV-2021/4410 Date: 03 MAR 2022",
    "PACKING LIST PL-88/2023\n",
  ];
  const numbers = ["", " No 085362951", " EORI DE4471920331"];
  const tails = ["", "\nPYONGYANG, DPRK", "\nTEL +850 2 381 4410"];
  let n = 0;
  for (const name of names)
    for (const label of labels)
      for (const head of heads)
        for (const [i, num] of numbers.entries()) {
          const tail = tails[(n + i) % tails.length]!;
          const sep = n % 2 === 0 ? "\n" : " ";
          const box = `${head}${head && !head.endsWith("\n") ? " " : ""}${label}${num}${sep}${name}${tail}`;
          n++;
          assert.equal(namedParty(box), name, JSON.stringify(box));
        }
});

test("role words inside a name are no label", () => {
  for (const name of [
    "GOLDEN TRADER 2",
    "TRADER 2 LTD",
    "SHIPPER ONE LTD",
    "NO 1 BUYER CLUB",
    "KOREA MESSRS TRADING",
  ])
    assert.equal(namedParty(name), name);
});

test("a documentary credit's applicant and beneficiary in running text", () => {
  assert.equal(
    namedParty(
      "We hereby issue our Irrevocable Letter of Credit No. LC2019001 at the request of KOMID for USD 54,905.00",
    ),
    "KOMID",
  );
  assert.equal(
    namedParty(
      "STANDBY LETTER OF CREDIT No. DC2020 in favour of Korea Mirae Shipping Co. Ltd, amount USD 24,280.00",
    ),
    "Korea Mirae Shipping Co. Ltd",
  );
  assert.equal(namedParty("Documentary credit in favor of Office No. 39"), "Office No. 39");
  assert.equal(namedParty("Payment by order of Ri Je-Son"), "Ri Je-Son");
  // A name with none of the phrases is itself.
  assert.equal(namedParty("Favour Trading Co."), "Favour Trading Co.");
});
