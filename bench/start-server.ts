/** `sojourn serve --port 0` on a store in a child process, resolved with the URL it prints. */
import { type ChildProcess, spawn } from "node:child_process";
import { SOJOURN_CLI } from "./sojourn-cli.js";

export async function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [SOJOURN_CLI, "--db", db, "serve", "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/[^\s]+) \(store/.exec(out);
      if (m?.[1]) ok(m[1]);
    });
    child.once("exit", (code) => fail(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}
