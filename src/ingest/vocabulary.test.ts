import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalizeColumnName } from "../core/crossing.js";
import { placeKey } from "../core/text.js";
import { loadGazetteer } from "../gazetteer/load-gazetteer.js";
import { detectFormat } from "./ingest-file.js";
import { VOCABULARY_KINDS, Vocabulary } from "./vocabulary.js";

const vocab = new Vocabulary(loadGazetteer());

describe("vocabulary", () => {
  it("maps direction synonyms in English, Chinese and Korean", () => {
    for (const v of ["entry", " IN ", "Arrival", "入境", "입국", "입경"])
      assert.equal(vocab.map("direction", v), "entry", v);
    for (const v of ["exit", "OUT", "departure", "出境", "출국", "출경"])
      assert.equal(vocab.map("direction", v), "exit", v);
    assert.equal(vocab.map("direction", "sideways"), null);
    assert.equal(vocab.map("direction", ""), null);
  });

  it("maps port aliases in any script to one gazetteer id", () => {
    for (const v of ["Quanhe", "圈河", "quan he", "Quānhé", "cn-jl-hunchun-quanhe", "QUANHE"]) {
      assert.equal(vocab.map("port", v), "cn-jl-hunchun-quanhe", v);
    }
    assert.equal(vocab.map("port", "Port 99"), null);
  });

  it("maps nationality codes and names to ISO alpha-3", () => {
    for (const v of ["PRK", "kp", "North Korea", "DPRK", "朝鲜", "조선", "북한"])
      assert.equal(vocab.map("nationality", v), "PRK", v);
    assert.equal(vocab.map("nationality", "China"), "CHN");
    assert.equal(vocab.map("nationality", "XXX"), null);
  });

  it("maps Chinese visa letters and document types", () => {
    assert.equal(vocab.map("visa_type", "Z"), "work");
    assert.equal(vocab.map("visa_type", "x1"), "student");
    assert.equal(vocab.map("visa_type", "business visa"), "business");
    assert.equal(vocab.map("doc_type", "公务普通护照"), "official_passport");
    assert.equal(vocab.map("doc_type", "Border Pass"), "border_pass");
    assert.equal(vocab.map("sex", "女"), "F");
  });

  it("offers SQL lookups only for exact lower-cased forms, and agrees with map()", () => {
    for (const kind of VOCABULARY_KINDS) {
      for (const [key, value] of vocab.entries(kind)) {
        assert.equal(key, key.trim().toLowerCase());
        assert.equal(vocab.map(kind, key), value, `${kind} ${key}`);
      }
    }
  });
});

describe("text keys and file names", () => {
  it("folds place names", () => {
    assert.equal(placeKey("Hunchun Quānhé"), "hunchunquanhe");
    assert.equal(placeKey(" Ji'an "), "jian");
    assert.equal(placeKey("圈河 口岸"), "圈河口岸");
  });

  it("folds column names", () => {
    assert.equal(normalizeColumnName("\uFEFFCrossed At "), "crossed_at");
    assert.equal(normalizeColumnName("doc-number"), "doc_number");
  });

  it("detects formats from extensions", () => {
    // biome-ignore format: cases packed
    const formats = {
      "a.CSV": "csv", "a.csv.gz": "csv", "a.tsv.gz": "tsv", "a.ndjson": "jsonl",
      "a.parquet": "parquet", "a.xlsx": "xlsx",
    };
    for (const [file, format] of Object.entries(formats))
      assert.equal(detectFormat(file), format, file);
    assert.throws(() => detectFormat("a.xls"), /unsupported file type/);
    assert.throws(() => detectFormat("a.parquet.gz"), /unsupported file type/);
  });
});
