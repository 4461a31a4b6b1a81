/**
 * No module-level mutable state in src/: no module keeps a `let` or `var` between calls. What a
 * module does keep is built once by `lazy` or kept by `memoize` (src/core/lazy.ts).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { repoRoot } from "../src/repo-root.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts")
        ? [join(dir, e.name)]
        : [],
  );
}

test("no module in src/ declares a module-level let or var", () => {
  const src = join(repoRoot(), "src");
  const found: string[] = [];
  const files = sourceFiles(src);
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st) || st.declarationList.flags & ts.NodeFlags.Const) continue;
      const { line } = sf.getLineAndCharacterOfPosition(st.getStart(sf));
      for (const d of st.declarationList.declarations)
        found.push(`${relative(src, file)}:${line + 1} ${d.name.getText(sf)}`);
    }
  }
  assert.ok(files.length > 100, `only ${files.length} files read under ${src}`);
  assert.deepEqual(found, [], `module-level let or var:\n${found.join("\n")}`);
});
