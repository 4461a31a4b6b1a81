/** `sojourn demo` end to end at a tiny scale: every stage runs, the report is written. */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { runCli, tempDir, writeFile } from "./helpers/with-db.js";

interface DemoJson {
  report: string | null;
  stages: { stage: string; status: string; detail: string }[];
}

describe("sojourn demo", () => {
  const tmp = tempDir("sojourn-demo-");
  after(() => tmp.cleanup());

  it("runs every stage and writes the report", () => {
    const out = join(tmp.dir, "demo");
    {
      const r = runCli(["demo", "--scale", "0.005", "--out", out, "--json"]);
      assert.equal(r.status, 0, r.stderr);
      const demo = JSON.parse(r.stdout) as DemoJson;
      const notOk = demo.stages.filter((s) => s.status !== "ok");
      assert.deepEqual(notOk, [], "every stage runs");
      assert.deepEqual(
        demo.stages.map((s) => s.stage.split(" ")[0]),
        [
          "simulate",
          "ingest",
          "analyze",
          "lists",
          "lists",
          "screen",
          "evidence",
          "evidence",
          "evidence",
          "report",
        ],
      );
      assert.ok(demo.report && existsSync(demo.report));
      assert.match(
        demo.stages.find((s) => s.stage.startsWith("evidence"))?.detail ?? "",
        /claims suggested/,
      );
    }
    const html = readFileSync(join(out, "report.html"), "utf8");
    assert.match(html, /UN-SC/);
    assert.match(html, /OFAC-SDN/);
    assert.match(html, /Claims beside the data/);
  });

  it("refuses an output folder it did not make, and leaves it alone", () => {
    const foreign = join(tmp.dir, "foreign");
    writeFile(tmp.dir, "notes.txt", "someone else's");
    const r = runCli(["demo", "--out", tmp.dir, "--scale", "0.005"]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /not empty and was not made by sojourn demo/);
    assert.equal(readFileSync(join(tmp.dir, "notes.txt"), "utf8"), "someone else's");
    assert.ok(!existsSync(join(foreign, "sojourn.duckdb")));
  });
});
