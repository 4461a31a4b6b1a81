/**
 * `simulate --variety high`: the same population and truth as the normal rendering of the same
 * seed, written with more name spellings and scripts per person, more port spellings, more
 * re-exports, and dirty rows that ingest rejects with a reason or loads trimmed.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { parse } from "csv-parse/sync";
import { ingestFile } from "../src/ingest/ingest-file.js";
import { simulate } from "../src/sim/simulate.js";
import { tempDir, withDb } from "./helpers/with-db.js";

type Row = Record<string, string>;
const readCsv = (path: string): Row[] =>
  parse(readFileSync(path), { columns: true, skip_empty_lines: true, relax_column_count: true });

const tmp = tempDir("sojourn-variety-");
after(tmp.cleanup);
const normal = join(tmp.dir, "normal");
const high = join(tmp.dir, "high");

before(async () => {
  await simulate({ out: normal, scale: 0.02, seed: 5 });
  await simulate({ out: high, scale: 0.02, seed: 5, variety: "high" });
});

/** Distinct spellings per person (name fields together) and distinct port strings. */
function variety(dir: string) {
  const truth = new Map(
    readCsv(join(dir, "truth", "records.csv")).map((r) => [r.record_id!, r.person_id!]),
  );
  const names = new Map<string, Set<string>>();
  const ports = new Set<string>();
  for (const r of readCsv(join(dir, "crossings.csv"))) {
    const person = truth.get(r.record_id!.trim());
    if (!person) continue;
    const set = names.get(person) ?? new Set<string>();
    set.add(`${r.family_name}|${r.given_name}|${r.full_name}`);
    names.set(person, set);
    if (r.port) ports.add(r.port);
  }
  let spellings = 0;
  for (const s of names.values()) spellings += s.size;
  return { perPerson: spellings / names.size, ports: ports.size };
}

test("the population and truth are the normal rendering's; only the writing differs", () => {
  for (const f of ["truth/persons.csv", "truth/cohorts.csv", "truth/employers.csv"])
    assert.equal(
      readFileSync(join(high, f), "utf8"),
      readFileSync(join(normal, f), "utf8"),
      `${f} differs`,
    );
  const n = variety(normal);
  const h = variety(high);
  assert.ok(
    h.perPerson > 1.3 * n.perPerson,
    `spellings per person ${n.perPerson} → ${h.perPerson}`,
  );
  assert.ok(h.ports > n.ports, `port spellings ${n.ports} → ${h.ports}`);
  const manifest = JSON.parse(readFileSync(join(high, "scenario.json"), "utf8"));
  assert.equal(manifest.variety, "high");
  assert.ok(
    manifest.counts.reexport >
      3 * JSON.parse(readFileSync(join(normal, "scenario.json"), "utf8")).counts.reexport,
  );
});

test("dirty rows are in the truth; ingest rejects the broken ones with a reason, nothing lost", async () => {
  const events = readCsv(join(high, "truth", "records.csv")).filter((r) => r.event === "dirty");
  assert.ok(events.length > 20, `${events.length} dirty rows`);
  await withDb(async (store) => {
    const r = await ingestFile(store, join(high, "crossings.csv"));
    const rows = readFileSync(join(high, "crossings.csv"), "utf8").trim().split("\n").length - 1;
    assert.equal(r.read, rows);
    assert.equal(r.read, r.loaded + r.duplicates + r.rejected);
    assert.ok(r.rejected > 0 && r.rejected <= events.length, `${r.rejected} rejected`);
    const reasons = await store.all<{ reason: string }>(
      "SELECT DISTINCT reason FROM rejects ORDER BY 1",
    );
    assert.ok(reasons.length >= 2, JSON.stringify(reasons));
    assert.deepEqual(r.unknownPorts, []);
  });
});
