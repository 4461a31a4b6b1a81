/**
 * `sojourn users`: accounts for `sojourn serve`. Passwords come from a prompt (not echoed) or
 * from standard input, never from the command line, where other users could read them.
 */
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { appendAudit, cliActor } from "../../audit/audit-log.js";
import { AppError } from "../../core/errors.js";
import { ROLES } from "../../users/roles.js";
import { addUser, listUsers, updateUser } from "../../users/users.js";
import { printJson, printLine, printTable, withCommandStore } from "../output.js";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    out._writeToOutput = (s: string) => {
      if (!asked) {
        process.stderr.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}

/** A new password: twice at a terminal, one line of standard input otherwise. */
async function readPassword(name: string): Promise<string> {
  if (!process.stdin.isTTY) return readStdin();
  const first = await prompt(`password for ${name}: `);
  const again = await prompt("again: ");
  if (first !== again) throw new AppError("usage", "the passwords differ");
  return first;
}

export function register(program: Command): void {
  const users = program
    .command("users")
    .description("users of `sojourn serve`: add, list, change role or password, disable")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const all = await withCommandStore(cmd, listUsers);
      if (opts.json) printJson(all);
      else if (all.length === 0)
        printLine("no users; add one with: sojourn users add NAME --role admin");
      else
        printTable(
          all.map((u) => ({ ...u, disabled: u.disabled ? "yes" : "" })),
          ["name", "role", "disabled"],
        );
    });

  users
    .command("add")
    .description("add a user; the password is asked for (or read from standard input)")
    .argument("<name>", "user name (letters, digits, . _ -)")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .action(async (name: string, opts: { role: string }, cmd: Command) => {
      if (!(ROLES as readonly string[]).includes(opts.role))
        throw new AppError("usage", `--role "${opts.role}": expected one of ${ROLES.join(", ")}`);
      const password = await readPassword(name);
      await withCommandStore(cmd, async (store) => {
        await store.transaction(async () => {
          const u = await addUser(store, name, opts.role, password);
          await recordAuditIn(store, { added: u.name, role: u.role }, u.name);
        });
      });
      printLine(`added ${name} (${opts.role})`);
    });

  users
    .command("set")
    .description("change a user's role, password (--password asks for it) or disabled flag")
    .argument("<name>", "user name")
    .option("--role <role>", `one of ${ROLES.join(", ")}`)
    .option("--password", "set a new password (asked for, or read from standard input)")
    .option("--disable", "disable the account (ends its sessions)")
    .option("--enable", "enable the account")
    .action(
      async (
        name: string,
        opts: { role?: string; password?: boolean; disable?: boolean; enable?: boolean },
        cmd: Command,
      ) => {
        if (opts.disable && opts.enable)
          throw new AppError("usage", "give --disable or --enable, not both");
        const password = opts.password ? await readPassword(name) : undefined;
        const disabled = opts.disable ? true : opts.enable ? false : undefined;
        await withCommandStore(cmd, async (store) => {
          await store.transaction(async () => {
            await updateUser(store, name, { role: opts.role, password, disabled });
            await recordAuditIn(
              store,
              {
                changed: name,
                role: opts.role ?? null,
                disabled: disabled ?? null,
                password: password ? "changed" : null,
              },
              name,
            );
          });
        });
        printLine(`updated ${name}`);
      },
    );
}

function recordAuditIn(
  store: Parameters<typeof appendAudit>[0],
  detail: Record<string, unknown>,
  target: string,
): Promise<number> {
  return appendAudit(store, { actor: cliActor(), action: "user", target, detail });
}
