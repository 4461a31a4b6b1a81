/**
 * `sojourn serve --port 0` on a store in a child process (with `nodeArgs` for node itself, such
 * as --cpu-prof), resolved with the URL it prints; with `warmed`, once it has also said that the
 * first pages' answers are computed (as users of a running server find it).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { SOJOURN_CLI } from "./sojourn-cli.js";

export async function startServer(
  db: string,
  nodeArgs: readonly string[] = [],
  options: { warmed?: boolean } = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, SOJOURN_CLI, "--db", db, "serve", "--port", "0"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((ok, fail) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/[^\s]+) \(store/.exec(out);
      if (m?.[1] && (!options.warmed || out.includes("first pages computed"))) ok(m[1]);
    });
    child.once("exit", (code) => fail(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}
