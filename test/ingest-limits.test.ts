import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { after, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { parseBytes } from "../src/cli/commands/ingest.js";
import { ingestFile } from "../src/ingest/ingest-file.js";
import {
  DEFAULT_LIMITS,
  firstInvalidUtf8Offset,
  type PhysicalLine,
  readLines,
} from "../src/ingest/lines.js";
import { HEADER, tempDir, withDb, writeFile } from "./helpers/with-db.js";

const tmp = tempDir();
after(tmp.cleanup);

async function linesOf(chunks: Buffer[], max: number): Promise<PhysicalLine[]> {
  const out: PhysicalLine[] = [];
  for await (const l of readLines(Readable.from(chunks), max)) out.push(l);
  return out;
}

describe("ingest limits: lines", () => {
  it("splits lines across chunks, drops CR, and skips a line over the limit without keeping it", async () => {
    const chunks = ["ab", "c\r\nde", "fghijklmnop", "qrs\nxy\r", "\nlast"].map((s) =>
      Buffer.from(s),
    );
    const lines = await linesOf(chunks, 8);
    assert.deepEqual(
      lines.map((l) => [l.number, l.bytes.toString(), l.tooLong ?? null, l.unterminated]),
      [
        [1, "abc", null, false],
        [2, "defghijklmnopqrs", 16, false],
        [3, "xy", null, false],
        [4, "last", null, true],
      ],
    );
  });

  it("finds the first invalid UTF-8 byte in one pass", () => {
    assert.equal(firstInvalidUtf8Offset(Buffer.from("abc")), -1);
    assert.equal(firstInvalidUtf8Offset(Buffer.from([0x61, 0xe2, 0x82, 0x61])), 1);
    assert.equal(
      firstInvalidUtf8Offset(Buffer.concat([Buffer.from("가나"), Buffer.from([0xb0])])),
      6,
    );
    assert.equal(firstInvalidUtf8Offset(Buffer.from([0xef, 0xbf, 0xbd, 0xff])), 3);
    const long = Buffer.concat([Buffer.alloc(2_000_000, 0x41), Buffer.from([0xc3])]);
    assert.equal(firstInvalidUtf8Offset(long), 2_000_000);
  });

  it("reads sizes written with units", () => {
    assert.equal(parseBytes("--x", "1048576"), 1048576);
    assert.equal(parseBytes("--x", "64KiB"), 65536);
    assert.equal(parseBytes("--x", "2MB"), 2 * 2 ** 20);
    assert.equal(parseBytes("--x", "1.5g"), 1.5 * 2 ** 30);
    assert.throws(() => parseBytes("--x", "lots"), /expected a positive size/);
  });
});

describe("ingest limits: files", () => {
  const longLine = (n: number) =>
    [
      HEADER,
      "a1,2019-06-03,entry,Quanhe,PRK,G1",
      `a2,2019-06-03,entry,Quanhe,PRK,${"X".repeat(n)}`,
      "a3,2019-06-03,entry,Quanhe,PRK,G3",
    ].join("\n");

  it("rejects a line over the limit with its length and the flag, and reads its neighbours", async () => {
    const file = writeFile(tmp.dir, "long.csv", longLine(3_000_000));
    await withDb(async (store) => {
      const r = await ingestFile(store, file);
      assert.deepEqual([r.read, r.loaded, r.rejected], [3, 2, 1]);
      const [rej] = await store.all<{ line: bigint; reason: string; raw: string }>(
        "SELECT line, reason, raw FROM rejects",
      );
      assert.equal(rej?.line, 3n);
      assert.match(
        rej?.reason ?? "",
        /line too long: 3000031 bytes, over the limit of 1048576 \(raise it with --max-line-bytes\)/,
      );
      assert.ok((rej?.raw.length ?? 0) < 5000, "the reject keeps only the line's start");
    });
  });

  it("loads the same line when the limit is raised", async () => {
    const file = writeFile(tmp.dir, "long-ok.csv", longLine(3_000_000));
    await withDb(async (store) => {
      const r = await ingestFile(store, file, {
        limits: { ...DEFAULT_LIMITS, maxLineBytes: 4 << 20 },
      });
      assert.deepEqual([r.read, r.loaded, r.rejected], [3, 3, 0]);
    });
  });

  it("rejects an over-long line on the JSON Lines path too", async () => {
    const rows = [
      {
        record_id: "j1",
        crossed_at: "2019-06-03",
        direction: "entry",
        port: "Quanhe",
        nationality: "PRK",
        doc_number: "G1",
      },
      {
        record_id: "j2",
        crossed_at: "2019-06-03",
        direction: "entry",
        port: "Quanhe",
        nationality: "PRK",
        doc_number: "X".repeat(2_000_000),
      },
    ];
    const file = writeFile(tmp.dir, "long.jsonl", rows.map((r) => JSON.stringify(r)).join("\n"));
    await withDb(async (store) => {
      const r = await ingestFile(store, file);
      assert.deepEqual([r.read, r.loaded, r.rejected], [2, 1, 1]);
    });
  });

  it("stops a gzip file that decompresses past the ratio limit, loading nothing", async () => {
    const bomb = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.alloc(64 << 20)]);
    const file = writeFile(tmp.dir, "bomb.csv.gz", gzipSync(bomb));
    await withDb(async (store) => {
      await assert.rejects(
        ingestFile(store, file),
        /decompresses to more than \d+ bytes.*--max-ratio 100/,
      );
      const [n] = await store.all<{ n: bigint }>("SELECT count(*) AS n FROM records");
      assert.equal(n?.n, 0n);
    });
  });

  it("stops a gzip file at the decompressed size limit, and reads it under a raised one", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `r${i},2019-06-03,entry,Quanhe,PRK,G${i}`);
    const file = writeFile(tmp.dir, "rows.csv.gz", gzipSync(`${HEADER}\n${rows.join("\n")}\n`));
    await withDb(async (store) => {
      await assert.rejects(
        ingestFile(store, file, { limits: { ...DEFAULT_LIMITS, maxDecompressedBytes: 10_000 } }),
        /--max-decompressed-bytes 10000/,
      );
      const r = await ingestFile(store, file);
      assert.equal(r.loaded, 2000);
    });
  });
});
