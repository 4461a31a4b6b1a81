import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { scanFile } from "./lines.js";

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
