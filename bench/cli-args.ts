/** Command-line helpers shared by the benchmark scripts. */

const argv = process.argv.slice(2);

/** The number after `--name` on the command line, or `fallback` when the flag is absent. */
export function numberArg(name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

export function hasFlag(name: string): boolean {
  return argv.includes(`--${name}`);
}

/** Progress lines go to stderr, so stdout holds only the result. */
export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}
