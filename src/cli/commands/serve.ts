/**
 * `sojourn serve`: the HTTP API for a team (docs/server.md). It holds the store while it runs;
 * other commands on the same store say where the server is instead of failing on DuckDB's lock.
 */
import type { Command } from "commander";
import { AppError } from "../../core/errors.js";
import { resolveDbPath } from "../../db/store.js";
import { startServer } from "../../server/serve.js";
import { globalOptions, printLine, storeSettings } from "../output.js";

interface ServeOpts {
  port: string;
  host: string;
  files?: string;
  secureCookies?: boolean;
}

export function register(program: Command): void {
  program
    .command("serve")
    .description(
      "serve the JSON API over the store (users and roles, reads, alert review, cases, jobs);\n" +
        "OpenAPI document at /api/openapi.json; add users first with `sojourn users add`",
    )
    .option("--port <n>", "port to listen on (0: any free port)", "8787")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--files <dir>", "where uploads and exports are kept (default: <store>.files)")
    .option("--secure-cookies", "mark session cookies Secure (when served behind TLS)")
    .action(async (opts: ServeOpts, cmd: Command) => {
      if (!/^\d{1,5}$/.test(opts.port) || Number(opts.port) > 65535)
        throw new AppError("usage", `--port "${opts.port}": expected a number from 0 to 65535`);
      const path = resolveDbPath(globalOptions(cmd).db);
      // Threads for DuckDB's calls and password hashing, so that reads are not queued behind a job.
      process.env.UV_THREADPOOL_SIZE ??= "16";
      const server = await startServer(path, {
        store: storeSettings(cmd),
        port: Number(opts.port),
        host: opts.host,
        filesDir: opts.files,
        secureCookies: !!opts.secureCookies,
      });
      printLine(`sojourn serve: ${server.url} (store ${path}); Ctrl-C stops it`);
      printLine(`API: ${server.url}/api/openapi.json`);
      printLine(
        `Web app: ${server.url}/ (log in as a user of this store; add one with \`sojourn users add NAME --role admin\`)`,
      );
      const t0 = performance.now();
      server.warmed.then(() =>
        printLine(
          `sojourn serve: first pages computed in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        ),
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          printLine("stopping: waiting for the running job, if any");
          server.stop().then(resolve, resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });
}
