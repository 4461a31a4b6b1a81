/**
 * The one error type that crosses layers. The CLI maps `code` to an exit code and prints
 * `message` as one line (the stack only with --debug). Bad *rows* are not errors: ingest
 * yields them as reject values; AppError is for a whole command that cannot proceed.
 */
export const ERROR_CODES = [
  "usage", // wrong arguments or options
  "input", // an input file is unreadable, empty, of the wrong shape or missing columns
  "not-found", // a named thing (run, person, scenario) does not exist
  "config", // an invalid policy or configuration value
  "store", // the database file cannot be opened or migrated
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }
}

export const EXIT_CODES: Record<ErrorCode, number> = {
  usage: 2,
  input: 3,
  "not-found": 4,
  config: 5,
  store: 6,
  internal: 70,
};
