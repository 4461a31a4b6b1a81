/**
 * The masking policy for every output (CLI, exports, report, API). The people in these records
 * are often victims of forced labour, so outputs show pseudonymous ids and masked personal data
 * unless the analyst asks for the full values (`--unmask`) for a case file.
 *
 * - A name, whatever its scripts, spacing or number of parts, keeps only its first letter
 *   (the family name's first character in the usual Korean and Chinese order) and two stars:
 *   `김 영 철` → `김**`, `KIM YONG CHOL` → `K**`. Nothing shows the length or the parts.
 * - A document number keeps at most its last two characters, and only when at least seven stay
 *   hidden (over 10⁷ candidates for a 9-digit passport): `836123086` → `*******86`.
 * - A record id can carry a document number or a name (`PRK-745612401-20190304`), so masked
 *   output cites a record by its ingest run and line (`r3:1042`) instead.
 * - A birth date keeps its year.
 *
 * Each function has a SQL twin (`MASK_SQL`) for outputs that DuckDB writes itself; a test holds
 * the twins equal on an adversarial fixture set.
 */

/** Characters of a document number that always stay hidden. */
export const DOC_HIDDEN_MIN = 7;
/** Characters of a document number shown at most (its end). */
export const DOC_SHOWN_MAX = 2;

/** `김 영 철` → `김**`; `Yong-chol Kim` → `Y**`; no letter at all → `**`. */
export function maskName(name: string | null | undefined): string {
  if (name === null || name === undefined) return "";
  if (name.trim() === "") return "";
  const first = /\p{L}/u.exec(name)?.[0];
  return `${first ?? ""}**`;
}

/** `836123086` → `*******86`; `PS1234567` → `*******67`; 8 characters keep one, 7 or fewer none. */
export function maskDocument(doc: string | null | undefined): string {
  if (!doc) return "";
  const chars = [...doc.trim()];
  const shown = Math.max(0, Math.min(DOC_SHOWN_MAX, chars.length - DOC_HIDDEN_MIN));
  return "*".repeat(chars.length - shown) + chars.slice(chars.length - shown).join("");
}

/** A birth date reduced to its year: `1990-04-02` → `1990-**-**`. */
export function maskBirthDate(date: string | null | undefined): string {
  if (!date) return "";
  return `${date.slice(0, 4)}-**-**`;
}

const REC_KEY_RUN = 2n ** 32n;

/** The pseudonym of a record in masked output: its ingest run and line (`rec_key` = run · 2³² + line). */
export function recordPseudonym(recKey: bigint | number | string): string {
  const k = BigInt(recKey);
  return `r${k / REC_KEY_RUN}:${k % REC_KEY_RUN}`;
}

/** Document numbers in the simulator's and the DPRK formats, found in free text. */
const DOC_PATTERN = /\b(?:P[SD]|BP|[ET])?\d{8,9}\b/g;

/**
 * Free text (alert summaries, link explanations) with the given document numbers, names and
 * record ids replaced, and any other number in a document-number format masked.
 * `records` maps a record id as written (`source:record_id` or `record_id`) to its pseudonym.
 */
export function maskText(
  text: string,
  hide: {
    docs?: readonly string[];
    names?: readonly string[];
    records?: ReadonlyMap<string, string>;
  } = {},
): string {
  let out = text;
  const replacements: [string, string][] = [];
  for (const [id, pseudo] of hide.records ?? []) replacements.push([id, pseudo]);
  for (const d of hide.docs ?? []) if (d.length >= 4) replacements.push([d, maskDocument(d)]);
  // A one-letter Latin part says little and would mangle the text; a Hangul or Chinese syllable
  // is a whole name part.
  for (const n of hide.names ?? [])
    if (n.trim().length >= 2 || /[\p{Script=Han}\p{Script=Hangul}]/u.test(n))
      replacements.push([n, maskName(n)]);
  // Longest first, so a record id holding a document number is replaced as a whole.
  replacements.sort((a, b) => b[0].length - a[0].length);
  for (const [from, to] of replacements) out = out.replaceAll(from, to);
  return out.replace(DOC_PATTERN, (m) => maskDocument(m));
}

/** What an output shows: the masked forms, or the values as recorded. */
export interface Masker {
  readonly unmasked: boolean;
  doc(v: string | null | undefined): string;
  name(v: string | null | undefined): string;
  birthDate(v: string | null | undefined): string;
  /** A record cited by an output: `source:record_id` unmasked, its pseudonym masked. */
  record(ref: { recKey: bigint | number | string; id: string }): string;
  text(v: string, hide?: Parameters<typeof maskText>[1]): string;
}

export function createMasker(unmask: boolean): Masker {
  if (unmask)
    return {
      unmasked: true,
      doc: (v) => v ?? "",
      name: (v) => v ?? "",
      birthDate: (v) => v ?? "",
      record: (r) => r.id,
      text: (v) => v,
    };
  return {
    unmasked: false,
    doc: maskDocument,
    name: maskName,
    birthDate: maskBirthDate,
    record: (r) => recordPseudonym(r.recKey),
    text: maskText,
  };
}

/** SQL twins of the functions above, for outputs DuckDB writes (COPY). `x` is a SQL expression. */
export const MASK_SQL = {
  name: (x: string) =>
    `CASE WHEN ${x} IS NULL THEN NULL WHEN trim(${x}) = '' THEN '' ELSE regexp_extract(${x}, '\\p{L}') || '**' END`,
  doc: (x: string) =>
    `CASE WHEN ${x} IS NULL THEN NULL ELSE repeat('*', length(trim(${x})) - least(${DOC_SHOWN_MAX}, greatest(0, length(trim(${x})) - ${DOC_HIDDEN_MIN})))
      || right(trim(${x}), least(${DOC_SHOWN_MAX}, greatest(0, length(trim(${x})) - ${DOC_HIDDEN_MIN}))) END`,
  birthDate: (x: string) => `CASE WHEN ${x} IS NOT NULL THEN strftime(${x}, '%Y') || '-**-**' END`,
  /** From a `rec_key` expression. */
  record: (recKey: string) =>
    `'r' || ((${recKey}) // 4294967296)::VARCHAR || ':' || ((${recKey}) % 4294967296)::VARCHAR`,
};
