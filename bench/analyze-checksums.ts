/**
 * node dist/bench/analyze-checksums.js STORE [--fix-salt HEX]: an order-independent checksum of
 * every table `sojourn analyze` writes (row count and the sum of the rows' hashes), as one JSON
 * object, to show that a change to the analyze code leaves its output as it was. Run times,
 * timings and `updated_at` are left out; everything else is compared.
 *
 * Person ids are hashes salted per store (identity_meta), so two stores only compare when they
 * share the salt: `--fix-salt HEX` writes that salt into a store that has none yet (run it on
 * the ingested store, before the first analyze).
 */
import { parseArgs } from "node:util";
import { analyzeChecksums } from "../src/analyze/checksums.js";
import { Store } from "../src/db/store.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "fix-salt": { type: "string" } },
});
const path = positionals[0];
if (!path) throw new Error("usage: analyze-checksums STORE [--fix-salt HEX]");
const store = await Store.open(path);
try {
  const salt = values["fix-salt"];
  if (salt) {
    await store.run(
      "INSERT INTO identity_meta SELECT 'person_id_salt', ? WHERE NOT EXISTS (SELECT 1 FROM identity_meta WHERE key = 'person_id_salt')",
      [salt],
    );
  } else {
    const sums = await analyzeChecksums(store);
    console.log(JSON.stringify(sums, null, 1));
  }
} finally {
  store.close();
}
