/**
 * Every output file (report, exports, rejects) is written the same way: refused when the path
 * is a directory, or an existing file unless `force`; written to a temporary file beside it,
 * readable by its owner only, and renamed into place when complete, so a half-written output
 * never replaces a good one and no copy of it is left behind on failure.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { type FileHandle, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { AppError } from "../core/errors.js";

export interface OutputOptions {
  /** Replace an existing file. */
  force?: boolean;
  /** The option that named the path, for messages (default `--out`). */
  flag?: string;
  /** Create the file's folder when missing. */
  createDir?: boolean;
}

/** Checks that `out` can be written; returns its absolute path. */
export function checkOutputPath(out: string, options: OutputOptions = {}): string {
  const flag = options.flag ?? "--out";
  const path = resolve(out);
  if (existsSync(path)) {
    if (statSync(path).isDirectory())
      throw new AppError(
        "usage",
        `${flag} ${out}: is a directory; expected a file name (e.g. ${join(out, "report.html")})`,
      );
    if (!options.force)
      throw new AppError("usage", `${flag} ${out}: the file exists; pass --force to replace it`);
  }
  return path;
}

/**
 * Writes `out` through `write`, which gets a handle on the temporary file. Errors from the
 * file system become input errors that name `out`.
 */
export async function writeOutputFile<T>(
  out: string,
  write: (file: FileHandle) => Promise<T>,
  options: OutputOptions = {},
): Promise<T> {
  const path = checkOutputPath(out, options);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.partial`);
  let file: FileHandle | undefined;
  try {
    if (options.createDir) mkdirSync(dirname(path), { recursive: true });
    file = await open(tmp, "wx", 0o600);
    const result = await write(file);
    await file.close();
    file = undefined;
    // Checked again: the path may have appeared while the output was written.
    checkOutputPath(out, options);
    await rename(tmp, path);
    return result;
  } catch (err) {
    await file?.close().catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof AppError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.code && e.syscall)
      throw new AppError("input", `cannot write ${out}: ${e.message.replace(tmp, out)}`, {
        cause: err,
      });
    throw err;
  }
}
