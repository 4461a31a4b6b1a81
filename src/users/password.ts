/**
 * Password hashing: argon2id (RFC 9106) through @node-rs/argon2, with OWASP's minimum
 * parameters for argon2id (19 MiB of memory, 2 passes, 1 lane: the library's defaults,
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html).
 * The hash is a PHC string that carries its own salt and parameters.
 */
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { AppError } from "../core/errors.js";

/** `Algorithm.Argon2id`: an ambient const enum, which verbatimModuleSyntax cannot read. */
const ARGON2ID = 2 as Algorithm;

export const MIN_PASSWORD_LENGTH = 12;

export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AppError(
      "usage",
      `password too short: ${password.length} characters, expected at least ${MIN_PASSWORD_LENGTH}`,
    );
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when a login names no user, so that a wrong
 * name takes as long as a wrong password and login time does not tell which names exist.
 */
export async function decoyHash(): Promise<string> {
  return hash(crypto.randomUUID() + crypto.randomUUID(), { algorithm: ARGON2ID });
}
