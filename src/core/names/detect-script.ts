/**
 * Script of a name string, by the letters it contains (digits, spaces and punctuation are neutral).
 * "han" covers CJK ideographs whether Chinese, Korean Hanja or Japanese Kanji; Kana or Cyrillic are "other".
 */

export const SCRIPTS = ["hangul", "han", "latin", "mixed", "other"] as const;
export type Script = (typeof SCRIPTS)[number];

function scriptOfCodePoint(c: number): Script | undefined {
  if (c < 0x80) {
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return "latin";
    return undefined;
  }
  // Latin-1 letters, Latin Extended-A/B, IPA, Latin Extended Additional; combining marks are neutral.
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff))
    return "latin";
  if (c >= 0x300 && c <= 0x36f) return undefined;
  if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f))
    return "hangul";
  if (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x3134f)
  )
    return "han";
  // General punctuation, CJK symbols (·, 、), fullwidth punctuation, apostrophe-like marks.
  if (
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x3000 && c <= 0x303f) ||
    c === 0x30fb ||
    c === 0xb7 ||
    // ʼ, and the soft and hard sign marks of Russian transliteration (ʹ ʺ ˮ).
    c === 0x2bc ||
    c === 0x2b9 ||
    c === 0x2ba ||
    c === 0x2ee
  )
    return undefined;
  if (c >= 0xff10 && c <= 0xff19) return undefined;
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return "latin";
  return "other";
}

export function detectScript(s: string): Script {
  let found: Script | undefined;
  for (const ch of s) {
    const sc = scriptOfCodePoint(ch.codePointAt(0)!);
    if (sc === undefined) continue;
    if (found === undefined) found = sc;
    else if (found !== sc) return "mixed";
  }
  return found ?? "other";
}
