/**
 * `sojourn serve`: the API's contract. The OpenAPI document served at /api/openapi.json is compared
 * with test/golden/openapi.json: every path and method, the least role of each operation, its
 * parameters, request body and responses (codes, content types, schemas), and the shared schemas.
 * Operation summaries and descriptions are prose and left out. A deliberate change of the API
 * updates the golden file: a mismatch writes openapi-changed.json beside it.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../src/repo-root.js";
import { startTestServer } from "./server-client.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys sorted at every level, so that declaration order does not count. */
function sorted(value: Json): Json {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sorted(value[k] as Json)]),
  );
}

interface Operation {
  summary?: string;
  description?: string;
  parameters?: { in: string; name: string }[];
  [key: string]: Json | undefined;
}

/** The contract: operations without their prose, parameters in (in, name) order. */
function contract(doc: {
  paths: Record<string, Record<string, Operation>>;
  components?: Json;
}): Json {
  const paths: Record<string, Json> = {};
  for (const [path, methods] of Object.entries(doc.paths)) {
    const ops: Record<string, Json> = {};
    for (const [method, op] of Object.entries(methods)) {
      const { summary: _s, description: _d, parameters, ...rest } = op;
      const params = [...(parameters ?? [])].sort((a, b) =>
        `${a.in} ${a.name}`.localeCompare(`${b.in} ${b.name}`),
      );
      ops[method] = { ...(rest as Record<string, Json>), parameters: params as Json };
    }
    paths[path] = ops;
  }
  return sorted({ paths, components: doc.components ?? null });
}

test("the OpenAPI document keeps the contract in test/golden/openapi.json", async () => {
  const t = await startTestServer();
  try {
    const r = await t.anonymous().get<Parameters<typeof contract>[0]>("/api/openapi.json");
    assert.equal(r.status, 200, r.text);
    const path = join(repoRoot(), "test", "golden", "openapi.json");
    const text = `${JSON.stringify(contract(r.body), null, 2)}\n`;
    if (!existsSync(path) || readFileSync(path, "utf8") !== text) {
      writeFileSync(path.replace(/\.json$/, "-changed.json"), text);
      assert.fail(`the OpenAPI contract differs from ${path}; see openapi-changed.json`);
    }
  } finally {
    await t.close();
  }
});
