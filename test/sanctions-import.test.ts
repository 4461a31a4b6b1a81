/**
 * Import of real and hand-written list files into a real DuckDB: UN XML (two versions, with the
 * diff), the OFAC CSV set, OFAC XML, EU XML, FtM; malformed and truncated files fail with a clear
 * message and leave the stored list as it was.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { AppError } from "../src/core/errors.js";
import { repoRoot } from "../src/repo-root.js";
import { importList } from "../src/sanctions/import-list.js";
import { readListFiles } from "../src/sanctions/read-list-files.js";
import { tempDir, withDb, writeFile } from "./helpers/with-db.js";

const F = join(repoRoot(), "test", "fixtures", "sanctions");
const UN_2018 = join(F, "un_sc_consolidated_2018-10-29.xml");
const UN_2026 = join(F, "un_sc_consolidated_2026-02-27.xml");

test("UN XML: entities with aliases, documents, dates; a newer version reports added, removed, changed", async () => {
  await withDb(async (store) => {
    const first = await importList(store, readListFiles([UN_2018]));
    assert.equal(first.format, "un-xml");
    assert.equal(first.entities, 1093);
    assert.equal(first.dprk, 155);
    const second = await importList(store, readListFiles([UN_2026]));
    assert.equal(second.entities, 1003);
    assert.equal(second.previousVersion, "2018-10-29T19:09:49.856-04:00");
    assert.equal(second.version, "2026-02-27T00:00:09.554Z");
    // 1093 − removed + added = 1003
    assert.equal(1093 - second.removed + second.added, 1003);
    assert.ok(second.added > 0 && second.removed > 0 && second.changed > 0);
    const stored = await store.all<{ change: string; n: bigint }>(
      "SELECT change, count(*) AS n FROM sanction_changes WHERE import_id = ? GROUP BY ALL",
      [second.importId],
    );
    assert.equal(Number(stored.find((r) => r.change === "added")?.n), second.added);

    const kim = await store.one<{ primary_name: string; dprk: boolean; programmes: string[] }>(
      "SELECT primary_name, dprk, programmes FROM sanction_entities WHERE list = 'UN-SC' AND reference = 'KPi.024'",
    );
    assert.equal(kim?.primary_name, "KIM YONG CHOL");
    assert.equal(kim?.dprk, true);
    const names = await store.all<{ name: string; name_type: string; quality: string | null }>(
      "SELECT name, name_type, quality FROM sanction_names WHERE reference = 'KPi.024' ORDER BY name",
    );
    assert.ok(names.some((n) => n.name === "Kim Young-Cheol" && n.quality === "Good"));
    const doc = await store.one<{ number: string; country: string }>(
      "SELECT number, country FROM sanction_identifiers WHERE reference = 'KPi.024'",
    );
    assert.deepEqual({ ...doc }, { number: "472310168", country: "PRK" });
    const dob = await store.one<{ birth_date: string }>(
      "SELECT birth_date FROM sanction_birth_dates WHERE reference = 'KPi.024'",
    );
    assert.equal(dob?.birth_date, "1962-02-18");

    const again = await importList(store, readListFiles([UN_2026]));
    assert.equal(again.unchanged, true);
    const imports = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM sanction_imports");
    assert.equal(Number(imports?.n), 2);
  });
});

test("OFAC CSV set: remarks give birth dates, nationality, passports, weak aliases; NPWMD-only DPRK entries count as DPRK", async () => {
  await withDb(async (store) => {
    const read = readListFiles([
      join(F, "ofac_sdn_comments_2021-07.csv"),
      join(F, "ofac_alt_2021-07.csv"),
      join(F, "ofac_sdn_2021-07.csv"),
      join(F, "ofac_add_2021-07.csv"),
    ]);
    assert.equal(read.files[0], join(F, "ofac_sdn_2021-07.csv"));
    const r = await importList(store, read);
    assert.equal(r.format, "ofac-csv");
    assert.equal(r.entities, 8976);
    assert.equal(r.version, "2021-07");
    const e = await store.one<{ data: string }>(
      "SELECT data::VARCHAR AS data FROM sanction_entities WHERE list = 'OFAC-SDN' AND reference = '11648'",
    );
    const kim = JSON.parse(e!.data);
    assert.deepEqual(kim.programmes, ["NPWMD"]);
    assert.deepEqual(kim.birthDates, ["1964", "1962-08-28"]);
    assert.deepEqual(kim.nationalities, ["PRK"]);
    assert.equal(kim.identifiers[0].number, "290320764");
    assert.ok(
      kim.names.some(
        (n: { name: string; type: string }) => n.name === "KIM, JIN SOK" && n.type === "weak",
      ),
    );
    const flagged = await store.one<{ dprk: boolean }>(
      "SELECT dprk FROM sanction_entities WHERE reference = '11648'",
    );
    assert.equal(flagged?.dprk, true);
    // DPRK by programme tag alone would miss the NPWMD-only designees.
    const counts = await store.one<{ tagged: bigint; all: bigint }>(
      `SELECT count(*) FILTER (WHERE list_has_any(programmes, ['DPRK','DPRK2','DPRK3','DPRK4','DPRK-NKSPEA'])) AS tagged,
              count(*) FILTER (WHERE dprk) AS all FROM sanction_entities`,
    );
    assert.ok(Number(counts!.all) > Number(counts!.tagged) + 50);
  });
});

test("truncated or malformed files fail with file and position, and the stored list stays as it was", async () => {
  const { dir, cleanup } = tempDir();
  try {
    await withDb(async (store) => {
      await importList(store, readListFiles([UN_2018]));
      const xml = readFileSync(UN_2026, "utf8");
      const cut = writeFile(dir, "un_truncated.xml", xml.slice(0, Math.floor(xml.length / 2)));
      assert.throws(
        () => readListFiles([cut]),
        (e: unknown) =>
          e instanceof AppError &&
          e.code === "input" &&
          /un_truncated\.xml \(line \d+, column \d+\): not well-formed XML/.test(e.message),
      );
      const sdn = readFileSync(join(F, "ofac_sdn_2021-07.csv"), "utf8");
      const badCsv = writeFile(
        dir,
        "sdn.csv",
        sdn.slice(0, 200_000).replace(/\n[^\n]*$/, '\n99999,"HALF'),
      );
      assert.throws(
        () => readListFiles([badCsv]),
        (e: unknown) => e instanceof AppError && /sdn\.csv/.test(e.message),
      );
      const ftm = readFileSync(join(F, "opensanctions_dprk_sample.ftm.json"), "utf8");
      const badFtm = writeFile(dir, "os.ftm.json", ftm.slice(0, ftm.length - 40));
      assert.throws(() => readListFiles([badFtm]), /os\.ftm\.json \(line \d+\): not valid JSON/);
      const unknown = writeFile(dir, "x.csv", "a,b,c\n1,2,3\n");
      assert.throws(() => readListFiles([unknown]), /format not recognised/);
      const n = await store.one<{ n: bigint }>(
        "SELECT count(*) AS n FROM sanction_entities WHERE list = 'UN-SC'",
      );
      assert.equal(Number(n?.n), 1093);
    });
  } finally {
    cleanup();
  }
});

test("a failure inside the import transaction leaves nothing behind", async () => {
  await withDb(async (store) => {
    await importList(store, readListFiles([UN_2018]));
    const read = readListFiles([UN_2026]);
    // A reference too long for nothing — force a failure mid-import by dropping a table it writes.
    await store.run("ALTER TABLE sanction_addresses RENAME TO sanction_addresses_gone");
    await assert.rejects(() => importList(store, read));
    await store.run("ALTER TABLE sanction_addresses_gone RENAME TO sanction_addresses");
    const n = await store.one<{ n: bigint; v: string }>(
      "SELECT count(*) AS n FROM sanction_entities WHERE list = 'UN-SC'",
    );
    assert.equal(Number(n?.n), 1093);
    const imports = await store.one<{ n: bigint }>("SELECT count(*) AS n FROM sanction_imports");
    assert.equal(Number(imports?.n), 1);
  });
});

test("OFAC XML, EU XML and FtM (hand-written fixtures in the published formats; FtM also the real sample)", async () => {
  await withDb(async (store) => {
    const ofac = readListFiles([join(F, "ofac_sdn_sample.xml")]).parsed;
    assert.equal(ofac.format, "ofac-xml");
    assert.equal(ofac.version, "2024-05-03");
    const kim = ofac.entities.find((e) => e.reference === "11648")!;
    assert.equal(kim.names[0]!.name, "KIM, Tong-Myo'ng");
    assert.deepEqual(kim.birthDates, ["1964", "1962-08-28"]);
    assert.deepEqual(kim.nationalities, ["PRK"]);
    assert.equal(kim.names.find((n) => n.name === "KIM, JIN SOK")?.type, "weak");

    const eu = readListFiles([join(F, "eu_fsf_sample.xml")]);
    assert.equal(eu.parsed.format, "eu-xml");
    const euKim = eu.parsed.entities.find((e) => e.reference === "EU.2740.42")!;
    assert.equal(euKim.kind, "person");
    assert.deepEqual(euKim.programmes, ["PRK"]);
    assert.deepEqual(euKim.birthDates, ["1962-02-18"]);
    assert.equal(euKim.identifiers[0]!.type, "passport");
    assert.equal(euKim.names.find((n) => n.name === "Young-Chul")?.type, "weak");
    assert.deepEqual(eu.parsed.entities.find((e) => e.reference === "EU.9999.1")!.birthDates, [
      "1969/1971",
    ]);
    const r = await importList(store, eu);
    assert.equal(r.list, "EU-FSF");
    assert.equal(r.dprk, 2);

    const real = readListFiles([join(F, "opensanctions_ftm_sample_2024-06.ftm.json")]).parsed;
    assert.equal(real.format, "ftm-json");
    assert.ok(real.entities.length >= 5);
    const os = readListFiles([join(F, "opensanctions_dprk_sample.ftm.json")]).parsed;
    const p = os.entities.find((e) => e.reference === "os-kp-kim-yong-chol")!;
    assert.deepEqual(p.programmes, ["DPRK"]);
    assert.equal(p.listedOn, "2016-03-02");
    assert.equal(p.identifiers[0]?.number, "472310168");
    assert.equal(
      os.entities.some((e) => e.reference === "os-kp-relative"),
      false,
    );
    assert.equal(
      os.entities.find((e) => e.reference === "os-kp-komid")!.addresses[0]?.country,
      "PRK",
    );
  });
});
