import assert from "node:assert/strict";
import { test } from "node:test";
import iconv from "iconv-lite";
import { repairText } from "./mojibake.js";

/** Names in the scripts and marks a screening query carries, each to be garbled and read back. */
const NAMES = [
  "Kim Jŏng Un",
  "Ministeru tal-Enerġija Atomika",
  "Ри Мён Су",
  "Кім Чен Ин",
  "김정은",
  "金正恩",
  "Γιουν Χο-Τζιν",
  "كيم جونغ أون",
  "קים ג׳ונג און",
  "კიმ ჯონგ უნი",
  "Քիմ Ջոնգ Ուն",
  "किम जोंग उन",
  "คิม จ็อง-อึน",
  "Łukasz Żółkiewski",
  "Müller Straße GmbH",
  "Nguyễn Văn Thành",
  "Atominės energijos pramonės ministerija",
  "Министерство на атомната енергийна промишленост",
];

/** UTF-8 bytes of `s` decoded in `charset`: what a system that assumed that charset shows. */
const misread = (s: string, charset: string): string =>
  charset === "windows-1252"
    ? new TextDecoder("windows-1252").decode(Buffer.from(s, "utf8"))
    : iconv.decode(Buffer.from(s, "utf8"), charset);

test("UTF-8 read as Windows-1252, Latin-1, Windows-1251 or KOI8-R is read back", () => {
  for (const name of NAMES)
    for (const cs of ["windows-1252", "latin1", "windows-1251", "koi8-r"]) {
      const garbled = misread(name, cs);
      assert.notEqual(garbled, name);
      assert.equal(repairText(garbled), name, `${cs}: ${garbled}`);
    }
});

test("double-encoded UTF-8 is read back", () => {
  for (const name of NAMES) {
    const twice = misread(misread(name, "windows-1252"), "windows-1252");
    assert.equal(repairText(twice), name, twice);
  }
  assert.equal(
    repairText(misread(misread("Ри Мён Су", "windows-1251"), "windows-1252")),
    "Ри Мён Су",
  );
});

test("one garbled word among words in other scripts is read back alone", () => {
  const garbled = `김정은 ${misread("Kim Jŏng Un", "windows-1252")}`;
  assert.equal(repairText(garbled), "김정은 Kim Jŏng Un");
});

test("character references and percent-encoding are decoded", () => {
  assert.equal(repairText("&#xAC00;&#xB098;"), "가나");
  assert.equal(repairText("&#44608;&#51221;&#51008;"), "김정은");
  assert.equal(
    repairText("Korea Ryonbong General Corp &amp; Co"),
    "Korea Ryonbong General Corp & Co",
  );
  assert.equal(repairText("Jos&eacute; M&Uuml;LLER &Scaron;"), "José MÜLLER Š");
  assert.equal(repairText("Kim%20J%C5%8Fng%20Un"), "Kim Jŏng Un");
  assert.equal(repairText("Kim+J%C5%8Fng+Un"), "Kim Jŏng Un");
  assert.equal(repairText("%EA%B9%80%EC%A0%95%EC%9D%80"), "김정은");
  // A reference inside mojibake, and mojibake inside percent-encoding.
  assert.equal(repairText(encodeURIComponent(misread("Kim Jŏng", "windows-1252"))), "Kim Jŏng");
});

test("text written as it should be is left alone", () => {
  for (const name of NAMES) assert.equal(repairText(name), name);
  for (const s of [
    "KIM JONG UN",
    "AT&T Corp",
    "R&D Center; 100% owned",
    "50 %",
    "Ã la carte",
    "Иван Петрович Сидоров",
    "Łódź Żabka",
    "Ærøskøbing Ålesund",
    "São Tomé e Príncipe",
    "Čeština Ďábel",
    "Ελληνικά",
    "unknown &entity; kept",
  ])
    assert.equal(repairText(s), s, s);
});
