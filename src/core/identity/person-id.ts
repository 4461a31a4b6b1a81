/**
 * Pseudonymous person ids. A person's id is derived from its first record's (source, record_id)
 * and a per-store random salt, so it is stable across reruns of the same store, says nothing about
 * the person's name or documents, and cannot be recomputed from them without the salt.
 */
import { createHash } from "node:crypto";

/** RFC 4648 base32 alphabet (also used by the identity step's SQL twin of personIdFor). */
export const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE32 = BASE32_ALPHABET;

export function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** 'P-' + 16 base32 characters (80 bits): collisions are negligible below billions of persons. */
export function personIdFor(salt: string, source: string, recordId: string): string {
  const digest = createHash("sha256").update(`${salt}\x1f${source}\x1f${recordId}`).digest();
  return `P-${base32(digest.subarray(0, 10))}`;
}
