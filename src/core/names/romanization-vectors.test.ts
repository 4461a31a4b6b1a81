// Pass rates per system against the reference vectors copied in test/fixtures/names (see SOURCES.md
// there). Each floor is the module's pass rate rounded down: a regression fails the test, an
// improvement should raise the floor. docs/names.md reports the figures.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  parseCsv,
  readNamesFixture,
  readTsvFixture,
} from "../../../test/fixtures/names/read-fixture.js";
import { toSouthInitial } from "./hangul.js";
import { hanToHangul } from "./hanja.js";
import { knownSurnames } from "./parse-romanized.js";
import { type RomanizationSystem, romanize, romanizeName } from "./romanize.js";

interface Rate {
  pass: number;
  total: number;
  misses: string[];
}
const rate = (): Rate => ({ pass: 0, total: 0, misses: [] });
const check = (r: Rate, ok: boolean, miss: string) => {
  r.total++;
  if (ok) r.pass++;
  else if (r.misses.length < 400) r.misses.push(miss);
};
const pct = (r: Rate) => r.pass / r.total;
const report = (name: string, r: Rate) =>
  `${name}: ${r.pass}/${r.total} = ${(100 * pct(r)).toFixed(1)}%`;

// The fixtures mix precomposed and combining breves; compare in NFC.
const vectors = readTsvFixture("romanization_vectors.tsv").map((row) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.normalize("NFC")])),
);

/** Family/given split of a Hangul name as the LoC samples write it (space after a two-syllable surname). */
function splitHangulName(name: string): [string, string] {
  const parts = name.trim().split(/\s+/);
  if (parts.length >= 2) return [parts[0]!, parts.slice(1).join("")];
  const cs = Array.from(name);
  // ScriptShifter reads a known two-syllable surname first (선우혁 = 선우 + 혁).
  if (cs.length >= 3 && knownSurnames().has(cs[0]! + cs[1]!))
    return [cs[0]! + cs[1]!, cs.slice(2).join("")];
  return [cs[0]!, cs.slice(1).join("")];
}

/**
 * ALA-LC reads a Hanja name with the South initial-sound law on the given name too (車利錫 Ch'a
 * I-sŏk, 張綠水 Chang Nok-su), whereas hanToHangul ranks the original sound first (崔龍海 최룡해).
 */
function alalcReading(hanja: string): string {
  const cands = hanToHangul(hanja.replace(/\s+/g, ""), { surname: true });
  const top = cands[0] ?? "";
  const cs = Array.from(top);
  const famLen = cs.length >= 3 && knownSurnames().has(cs[0]! + cs[1]!) ? 2 : 1;
  if (cs.length <= famLen) return top;
  cs[famLen] = toSouthInitial(cs[famLen]!);
  return cs.join("");
}

const nameText = (f: string, g: string, system: RomanizationSystem) => {
  const r = romanizeName(f, g, system);
  return `${r.family} ${r.given}`;
};
const lower = (s: string) => s.toLowerCase();

export function measure(): Record<string, Rate> {
  const rates: Record<string, Rate> = {
    rrWords: rate(),
    rrNames: rate(),
    rrSurnames: rate(),
    mrWords: rate(),
    mrNames: rate(),
    mrSurnames: rate(),
    alalcNames: rate(),
    alalcHanjaNames: rate(),
    dprkWords: rate(),
    dprkNames: rate(),
    hanjaReadings: rate(),
    hanjaSurnames: rate(),
    hanjaAllReadings: rate(),
    locNames: rate(),
  };
  for (const v of vectors) {
    const { kind, hangul, hanja, rr, mr, dprk } = v as Record<string, string>;
    if (kind === "rr_word_or_place" && rr) {
      const got = romanize(hangul!, "rr");
      check(rates.rrWords!, lower(got) === lower(rr), `${hangul} ${got} ≠ ${rr}`);
    } else if (kind === "rr_person_name" && rr) {
      const [f, g] = splitHangulName(hangul!);
      const got = nameText(f, g, "rr");
      check(rates.rrNames!, got === rr, `${hangul} ${got} ≠ ${rr}`);
    } else if (kind === "surname") {
      if (rr) {
        const got = romanizeName(hangul!, "", "rr").family;
        check(rates.rrSurnames!, got === rr, `${hangul} ${got} ≠ ${rr}`);
      }
      if (mr) {
        const got = romanizeName(hangul!, "", "mr").family;
        check(rates.mrSurnames!, got === mr, `${hangul} ${got} ≠ ${mr}`);
      }
    } else if ((kind === "mr_word" || kind === "mr_alalc_word") && mr) {
      const got = romanize(hangul!, "mr");
      check(rates.mrWords!, lower(got) === lower(mr), `${hangul} ${got} ≠ ${mr}`);
    } else if (kind === "mr_alalc_person_name" && mr) {
      if (hangul) {
        if (hangul.split(/\s+/).length > 2) continue; // pen name + name: not a family/given pair
        const [f, g] = splitHangulName(hangul);
        const got = nameText(f, g, "ala-lc");
        check(rates.alalcNames!, got === mr, `${hangul} ${got} ≠ ${mr}`);
      } else if (hanja) {
        const reading = alalcReading(hanja);
        const [f, g] = splitHangulName(reading);
        const got = nameText(f, g, "ala-lc");
        check(rates.alalcHanjaNames!, got === mr, `${hanja} ${reading} ${got} ≠ ${mr}`);
      }
    } else if (kind === "dprk_place_or_word" && dprk) {
      const got = romanize(hangul!, "dprk");
      check(rates.dprkWords!, lower(got) === lower(dprk), `${hangul} ${got} ≠ ${dprk}`);
    } else if ((kind === "dprk_person_name" || kind === "dprk_official_name") && dprk) {
      const [f, g] = splitHangulName(hangul!);
      check(
        rates.dprkNames!,
        nameText(f, g, "dprk") === dprk,
        `${hangul} ${nameText(f, g, "dprk")} ≠ ${dprk}`,
      );
    }
    if (kind === "dprk_official_name") {
      const [f, g] = splitHangulName(hangul!);
      if (rr)
        check(
          rates.rrNames!,
          nameText(f, g, "rr").replace("-", "") === rr.replace("-", ""),
          `${hangul} ${nameText(f, g, "rr")} ≠ ${rr}`,
        );
      if (mr)
        check(
          rates.mrNames!,
          nameText(f, g, "mr").replace("-", "") === mr.replace("-", ""),
          `${hangul} ${nameText(f, g, "mr")} ≠ ${mr}`,
        );
    }
  }
  for (const r of readTsvFixture("hanja_readings.tsv")) {
    const {
      hanja,
      hangul,
      hangul_north_if_different: north,
      context,
    } = r as Record<string, string>;
    if (hanja!.includes("*")) continue;
    if (context === "char_all_readings") {
      // Every listed reading must be among the candidates.
      const got = hanToHangul(hanja!, { wordInitial: false });
      check(
        rates.hanjaAllReadings!,
        hangul!.split("|").every((h) => got.includes(h)),
        `${hanja} ${got} ⊉ ${hangul}`,
      );
      continue;
    }
    if (context === "surname") {
      // A character can be several surnames (金 김/금, 葉 엽/섭): the expected reading must be a candidate.
      const got = hanToHangul(hanja!, { surname: true });
      const ok = got.includes(hangul!) && (!north || got.includes(north));
      check(rates.hanjaSurnames!, ok, `${hanja} ${got} ⊉ ${hangul} ${north}`);
      continue;
    }
    const surname = context === "full_name" || context === "special";
    const got = hanToHangul(hanja!, {
      surname,
      wordInitial: !context!.startsWith("non-initial"),
    })[0];
    check(rates.hanjaReadings!, got === hangul, `${hanja} ${got} ≠ ${hangul}`);
  }
  // LoC ScriptShifter samples (CC0): the korean_names group, Hangul → ALA-LC.
  for (const row of parseCsv(readNamesFixture("loc_scriptshifter_korean_romanization.csv"))) {
    if (row[0] !== "korean_names" || !row[1] || !row[2]) continue;
    const hangul = /[\u4e00-\u9fff]/.test(row[1]) ? alalcReading(row[1]) : row[1];
    const [f, g] = splitHangulName(hangul);
    const got = nameText(f, g, "ala-lc");
    check(rates.locNames!, got === row[2].normalize("NFC"), `${row[1]} ${got} ≠ ${row[2]}`);
  }
  return rates;
}

// Floors: the module's pass rates, rounded down (docs/names.md).
const FLOORS: Record<string, number> = {
  rrWords: 0.92,
  rrNames: 1,
  rrSurnames: 1,
  mrWords: 0.95,
  mrNames: 1,
  mrSurnames: 0.99,
  alalcNames: 0.98,
  alalcHanjaNames: 0.98,
  dprkWords: 0.6,
  dprkNames: 0.9,
  hanjaReadings: 1,
  hanjaSurnames: 1,
  hanjaAllReadings: 1,
  locNames: 0.98,
};

test("romanization and hanja pass rates stay above their measured floors", () => {
  const rates = measure();
  for (const [name, r] of Object.entries(rates)) {
    const floor = FLOORS[name] ?? 1;
    assert.ok(r.total > 0, `${name}: no vectors found`);
    assert.ok(
      pct(r) >= floor,
      `${report(name, r)} is below the floor ${floor}\n  ${r.misses.slice(0, 20).join("\n  ")}`,
    );
  }
});

if (process.env.NAMES_REPORT) {
  const rates = measure();
  for (const [name, r] of Object.entries(rates)) {
    console.log(report(name, r));
    if (process.env.NAMES_REPORT === "misses")
      for (const m of r.misses.slice(0, 40)) console.log(`   ${m}`);
  }
}
