import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import fc from "fast-check";
import { FirstFieldOrder, openText, readLines, readLinesAt, scanFile } from "./lines.js";

const dir = mkdtempSync(join(tmpdir(), "sojourn-lines-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A file whose byte at `at` starts `middle`, padded with full lines before it. */
function fileWith(name: string, middle: string, at: number): string {
  const line = "x".repeat(99);
  let head = "h\n";
  while (head.length + line.length + 1 <= at) head += `${line}\n`;
  head += "y".repeat(at - head.length - 1);
  head += "\n";
  const path = join(dir, name);
  writeFileSync(path, `${head.slice(0, at)}${middle}z\n`);
  return path;
}

describe("scanFile", () => {
  it("counts data lines and finds no blank line in a clean file", async () => {
    const path = join(dir, "clean.csv");
    writeFileSync(path, "h\na\nb\nc");
    const scan = await scanFile(path, true);
    assert.equal(scan.dataLines, 3);
    assert.equal(scan.blankLines, false);
    assert.match(scan.sha256, /^[0-9a-f]{64}$/);
  });

  it("finds blank lines inside a read chunk and across chunk boundaries", async () => {
    const chunk = 1 << 20;
    // "\n\n" and "\n\r\n" straddling the first 1 MiB boundary in each possible place.
    for (const [i, [middle, at]] of (
      [
        ["\n", chunk],
        ["\r\n", chunk],
        ["\r\n", chunk - 1],
        ["\n\n", 5000],
      ] as const
    ).entries()) {
      const path = fileWith(`blank${i}.csv`, middle, at);
      assert.equal((await scanFile(path, true)).blankLines, true, `case ${i}`);
    }
    const path = fileWith("noblank.csv", "a\r\n", chunk - 1);
    assert.equal((await scanFile(path, true)).blankLines, false);
  });
});

describe("first field order", () => {
  /** What FirstFieldOrder should say, from the whole text at once. */
  function expected(text: string): boolean {
    const lines = text.split("\n");
    if (lines.at(-1) === "") lines.pop();
    let prev: Buffer | null = null;
    for (const line of lines.slice(1)) {
      const at = line.indexOf(",");
      if (at === -1) return false;
      const field = Buffer.from(line.slice(0, at));
      if (field.length === 0 || /^["\s]|\s$/.test(field.toString())) return false;
      if (prev && Buffer.compare(field, prev) <= 0) return false;
      prev = field;
    }
    return true;
  }

  /** FirstFieldOrder fed the text cut at `cuts`. */
  function fed(text: string, cuts: number[]): boolean {
    const bytes = Buffer.from(text);
    const order = new FirstFieldOrder(44);
    let from = 0;
    for (const cut of [...cuts, bytes.length]) {
      order.chunk(bytes.subarray(from, cut));
      from = cut;
    }
    return order.finish();
  }

  const texts = [
    "id,x\nR01,a\nR02,b\nR10,c\n",
    "id,x\nR01,a\nR02,b\nR10,c", // no final newline
    "id,x\nR02,a\nR01,b\n", // decreasing
    "id,x\nR01,a\nR01,b\n", // repeated
    "id,x\nR1,a\nR10,b\nR2,c\n", // byte order, not numeric
    'id,x\nR1,a\n"R2",b\n', // quoted
    "id,x\nR1,a\n R2,b\n", // leading space
    "id,x\nR1,a\nR2 ,b\n", // trailing space
    "id,x\nR1,a\n\nR2,b\n", // blank line
    "id,x\nR1,a\nR2\n", // no delimiter
    "id,x\n김1,a\n김2,b\n金1,c\n", // multi-byte: byte order
    "id,x\nR1,a\nR2", // cut before the delimiter
  ];

  it("agrees with a whole-text check wherever the chunks are cut", () => {
    for (const text of texts) {
      const n = Buffer.byteLength(text);
      const want = expected(text);
      for (let a = 0; a <= n; a++) {
        assert.equal(fed(text, [a]), want, `${JSON.stringify(text)} cut at ${a}`);
        for (let b = a; b <= n; b += 3)
          assert.equal(fed(text, [a, b]), want, `${JSON.stringify(text)} cut at ${a}, ${b}`);
      }
    }
  });

  it("is reported by scanFile when asked for, and false when not", async () => {
    const path = join(dir, "ordered.csv");
    writeFileSync(path, "record_id,x\nA1,1\nA2,2\nA3,3\n");
    const followed = await scanFile(path, true, ",");
    const plain = await scanFile(path, true);
    assert.equal(followed.firstFieldIncreasing, true);
    assert.equal(plain.firstFieldIncreasing, false);
    // The lines are counted once, by the order check when it runs: the same count.
    assert.deepEqual([followed.dataLines, followed.sha256], [plain.dataLines, plain.sha256]);
    assert.equal(followed.dataLines, 3);
  });
});

describe("readLinesAt", () => {
  /** Every line as readLines gives it, with the byte offset where it starts. */
  async function allLines(path: string, maxLineBytes: number) {
    const bytes = readFileSync(path);
    const out = [];
    let offset = 0;
    for await (const l of readLines(openText(path), maxLineBytes)) {
      out.push({ ...l, offset });
      const nl = bytes.indexOf(10, offset);
      offset = nl === -1 ? bytes.length : nl + 1;
    }
    return out;
  }

  it("gives the chosen lines and their offsets as a whole read does, across chunks and reads", async () => {
    const maxLineBytes = 300;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            text: fc.oneof(fc.string({ maxLength: 40 }), fc.constant("y".repeat(400))),
            end: fc.constantFrom("\n", "\r\n"),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        fc.boolean(),
        fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 14_000 })),
        async (lines, lastEnds, pad) => {
          const body = lines.map((l) => `${l.text.replaceAll("\n", " ")}${l.end}`).join("");
          // Padding lines put the chosen ones past the scan's first chunk (1 MiB) at times.
          const text = `${`${"p".repeat(99)}\n`.repeat(pad)}${lastEnds ? body : body.replace(/\r?\n$/, "")}`;
          const path = join(dir, "at.csv");
          writeFileSync(path, text);
          const { lineIndex } = await scanFile(path, true, ",");
          assert.ok(lineIndex);
          const whole = await allLines(path, maxLineBytes);
          // Some padding lines too: lines more than a read's span apart come in several reads.
          const chosen = whole.filter(
            (l, i) => (l.number > pad || l.number % 997 === 0) && i % 3 !== 1,
          );
          const got = [];
          for await (const l of readLinesAt(
            path,
            chosen.map((l) => l.number),
            lineIndex,
            maxLineBytes,
          ))
            got.push(l);
          assert.deepEqual(got, chosen);
        },
      ),
      { numRuns: 40, seed: 2397 },
    );
  });
});
