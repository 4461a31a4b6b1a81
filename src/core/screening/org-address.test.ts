import assert from "node:assert/strict";
import { test } from "node:test";
import { addressHeads as heads, leadingPlaceHead } from "./org-address.js";

const addressHeads = (name: string) => heads(name).map((h) => h.text);

test("an address, a place or a country after an organisation's name is cut off", () => {
  assert.deepEqual(addressHeads("KOMID, Sosong District, Pyongyang"), ["KOMID"]);
  assert.deepEqual(addressHeads("X Trading Corp (DPRK)"), ["X Trading Corp"]);
  assert.deepEqual(addressHeads("DCB; ul. Svetlanskaya 45, Vladivostok 690091"), ["DCB"]);
  assert.deepEqual(addressHeads("NCG - No. 16 Binjiang Middle Road, Dandong 118000, China"), [
    "NCG",
  ]);
  // No separator: the place words before the address word may be the address's or the name's.
  assert.deepEqual(addressHeads("KOMID Sosong District, Pyongyang"), [
    "KOMID Sosong District",
    "KOMID Sosong",
    "KOMID",
  ]);
  assert.deepEqual(addressHeads("Foreign Trade Bank of the DPRK"), ["Foreign Trade Bank"]);
  assert.deepEqual(heads("KOMID, Sosong District, Pyongyang")[0]?.separated, true);
  assert.deepEqual(heads("Foreign Trade Bank of the DPRK")[0]?.separated, false);
  // One word is too little to be read as a name without the rest.
  assert.deepEqual(addressHeads("MARITIME OF THE DPRK"), []);
});

test("names without an address, and numbers that are part of a name, give nothing", () => {
  for (const name of [
    "Green Pine Associated Corporation",
    "Samsung Electronics Co., Ltd.",
    "KOREA 5.26 TRADING",
    "Pyongyang Informatics Centre",
    "KOREA KWANGSON BANKING CORP, LTD",
  ])
    assert.deepEqual(addressHeads(name), [], name);
  // A head that names only a place or a country is no name.
  assert.deepEqual(addressHeads("Korea, Pyongyang"), []);
});

test("a place written before the name is read off", () => {
  assert.equal(leadingPlaceHead("Shenyang: NCG"), "NCG");
  assert.equal(leadingPlaceHead("Chongjin-based KOREA TRADE BANK"), "KOREA TRADE BANK");
  assert.equal(leadingPlaceHead("Moscow based APT38"), "APT38");
  // Before a colon only places and countries; a name is no place.
  assert.equal(leadingPlaceHead("Mansudae Art Studio: Overseas Projects"), undefined);
  assert.equal(leadingPlaceHead("Korea Ryonbong General Corporation"), undefined);
});
