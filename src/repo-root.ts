/** The package's root folder (the one with package.json), found from this module's location,
 * so shipped data under data/ is found both from src/ (tsx) and from dist/src/ (compiled). */

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { lazy } from "./core/lazy.js";

/** The package's root folder (where package.json is), found once from this file's place. */
export const repoRoot = lazy((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package root not found");
    dir = parent;
  }
  return dir;
});
