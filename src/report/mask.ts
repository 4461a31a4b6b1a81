/**
 * Masking for the report. The people in these records are often victims of forced labour, so a
 * report shows pseudonymous person ids, document numbers with their middle hidden and names as
 * initials, unless the analyst asks for the full values (`--unmask`) for a case file.
 */

/** `836123086` → `83****086`; `PS123456789` → `PS******789`; short values keep one character. */
export function maskDocument(doc: string | null | undefined): string {
  if (!doc) return "";
  const s = doc.trim();
  if (s.length >= 6) return `${s.slice(0, 2)}${"*".repeat(s.length - 5)}${s.slice(-3)}`;
  return `${"*".repeat(Math.max(0, s.length - 1))}${s.slice(-1)}`;
}

/**
 * A name as initials: `KIM YONG CHOL` → `K. Y. C.`; `김영철` → `김**`; `金永哲` → `金**`.
 * Latin words give their first letter, a run of Hangul or Chinese characters its first
 * character (a Korean family name, which alone identifies no one) and a star per other character.
 */
export function maskName(name: string | null | undefined): string {
  if (!name) return "";
  return name
    .trim()
    .split(/[\s,]+/u)
    .filter((w) => w.length > 0)
    .map((w) => {
      const chars = [...w];
      const first = chars[0] ?? "";
      if (/[\p{Script=Han}\p{Script=Hangul}]/u.test(first))
        return first + "*".repeat(chars.length - 1);
      return `${first.toUpperCase()}.`;
    })
    .join(" ");
}

/** A birth date reduced to its year. */
export function maskBirthDate(date: string | null | undefined): string {
  if (!date) return "";
  return `${date.slice(0, 4)}-**-**`;
}

export interface Masker {
  unmasked: boolean;
  doc(v: string | null | undefined): string;
  name(v: string | null | undefined): string;
  birthDate(v: string | null | undefined): string;
  /** Replaces every occurrence of the given document numbers in free text (alert summaries). */
  text(v: string, docs: readonly string[]): string;
}

export function createMasker(unmask: boolean): Masker {
  if (unmask)
    return {
      unmasked: true,
      doc: (v) => v ?? "",
      name: (v) => v ?? "",
      birthDate: (v) => v ?? "",
      text: (v) => v,
    };
  return {
    unmasked: false,
    doc: maskDocument,
    name: maskName,
    birthDate: maskBirthDate,
    text(v, docs) {
      let out = v;
      for (const d of [...docs].sort((a, b) => b.length - a.length))
        if (d.length >= 4) out = out.replaceAll(d, maskDocument(d));
      // Document numbers in the simulator's and the DPRK formats that the record list missed.
      return out.replace(/\b(?:P[SD]|BP|[ET])?\d{8,9}\b/g, (m) => maskDocument(m));
    },
  };
}
