/**
 * List files an attacker or a broken export could send: an external entity (XXE) is refused as
 * an input error naming the file, and an internal entity expansion stays small.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { runCli, tempDir, writeFile } from "./helpers/with-db.js";

const entry = (name: string) =>
  `<CONSOLIDATED_LIST dateGenerated="2018-10-29T19:09:49.856-04:00"><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>${name}</FIRST_NAME><REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER><LISTED_ON>2016-11-30</LISTED_ON></INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`;

test("an XML list declaring an external entity is an input error naming the file, nothing imported", () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = writeFile(
      dir,
      "xxe.xml",
      `<?xml version="1.0"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${entry("&xxe;")}`,
    );
    const db = `${dir}/l.duckdb`;
    const r = runCli(["--db", db, "lists", "import", file]);
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /xxe\.xml.*external entit/i);
    assert.doesNotMatch(r.stderr, /internal error|root:/);
    const listed = runCli(["--db", db, "lists", "diff", "--list", "UN-SC", "--json"]);
    assert.notEqual(listed.status, 0, "no version of the list was stored");
  } finally {
    cleanup();
  }
});
