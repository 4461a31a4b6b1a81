/**
 * Text that went through a system in the wrong encoding, read back: UTF-8 bytes decoded as
 * Windows-1252 / ISO-8859-1 (Kim JÅng Un, ê¹€ì •ì€), as Windows-1251 (РљРёРј) or KOI8-R
 * (п п╦п╪), the same done twice (double-encoded UTF-8), HTML / XML character references
 * (&#xAC00; &amp; &eacute;) and percent-encoding (Kim%20J%C5%8Fng). See
 * https://en.wikipedia.org/wiki/Mojibake.
 *
 * Detected by round trip, never by guessing: the text is encoded back in the charset it was
 * wrongly read in (iconv-lite's tables), and the bytes kept only when they are valid UTF-8 with at
 * least one multi-byte sequence — text written in that charset on purpose almost never is (a
 * UTF-8 lead byte must be followed by continuation bytes 0x80–0xBF, which in Windows-1252 are
 * symbols and in Windows-1251 / KOI8-R rare letters or box drawing). A word whose characters the
 * charset cannot encode is left as it is, so a name with one garbled word and others in
 * Hangul or Cyrillic is repaired word by word.
 *
 * Plain ASCII without & or % returns at once: the check is a range test on the code units.
 */

import iconv from "iconv-lite";

/** Charsets UTF-8 is commonly misread as, most common first (W3Techs: Windows-1252 / Latin-1). */
const WRONG_CHARSETS = ["windows-1252", "windows-1251", "koi8-r", "windows-1250"] as const;

/** At most this many rounds of repair (text garbled twice is common; three times, rare). */
const MAX_ROUNDS = 3;

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Latin-1's own byte for a character Windows-1252 has no other use for (C1 controls 0x80–0x9F). */
function latin1Byte(c: number): number | undefined {
  return c >= 0x80 && c <= 0x9f ? c : undefined;
}

/**
 * The bytes of `s` in `charset`, or undefined when a character has no byte there. For
 * Windows-1252 the five bytes it leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) come back as the C1
 * controls a WHATWG decoder gives them, so they count as those bytes too.
 */
function encodeIn(s: string, charset: string): Buffer | undefined {
  const bytes = iconv.encode(s, charset);
  if (iconv.decode(bytes, charset) === s) return bytes;
  if (charset !== "windows-1252") return undefined;
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const b = latin1Byte(c) ?? (c < 0x80 ? c : undefined);
    if (b !== undefined) {
      out.push(b);
      continue;
    }
    const enc = iconv.encode(ch, charset);
    if (enc.length !== 1 || iconv.decode(enc, charset) !== ch) return undefined;
    out.push(enc[0]!);
  }
  return Buffer.from(out);
}

/** `s` read back from its bytes in `charset` as UTF-8, or undefined when that is not valid UTF-8 with a multi-byte sequence. */
function readBack(s: string, charset: string): string | undefined {
  const bytes = encodeIn(s, charset);
  if (!bytes?.some((b) => b >= 0x80)) return undefined;
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return undefined;
  }
  return text.includes("\ufffd") ? undefined : text;
}

const NON_ASCII = /[^ -~\t\n\r]/u;
const C1 = /[\u0080-\u009f]/u;

/** One round: the whole text read back in the first charset that gives valid UTF-8, else word by word. */
function repairRound(s: string): string {
  for (const cs of WRONG_CHARSETS) {
    const whole = readBack(s, cs);
    if (whole !== undefined) return whole;
  }
  if (!/\s/u.test(s)) return s;
  return s
    .split(/(\s+)/u)
    .map((w) => {
      if (!NON_ASCII.test(w)) return w;
      for (const cs of WRONG_CHARSETS) {
        const r = readBack(w, cs);
        if (r !== undefined) return r;
      }
      return w;
    })
    .join("");
}

/** Named references a name field carries: markup characters, spaces, quotes and dashes. */
const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  shy: "\u00ad",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  middot: "·",
  szlig: "ß",
  aelig: "æ",
  AElig: "Æ",
  oelig: "œ",
  OElig: "Œ",
  eth: "ð",
  ETH: "Ð",
  thorn: "þ",
  THORN: "Þ",
  oslash: "ø",
  Oslash: "Ø",
};

/** HTML's Latin letter references are a letter and a mark's name (eacute, Ccedil, scaron, ouml). */
const MARK_OF: Readonly<Record<string, string>> = {
  acute: "\u0301",
  grave: "\u0300",
  circ: "\u0302",
  tilde: "\u0303",
  uml: "\u0308",
  ring: "\u030a",
  cedil: "\u0327",
  caron: "\u030c",
  breve: "\u0306",
  macr: "\u0304",
  ogon: "\u0328",
};

function namedReference(name: string): string | undefined {
  const direct = NAMED[name];
  if (direct !== undefined) return direct;
  const m = /^([A-Za-z])(acute|grave|circ|tilde|uml|ring|cedil|caron|breve|macr|ogon)$/.exec(name);
  return m ? (m[1]! + MARK_OF[m[2]!]!).normalize("NFC") : undefined;
}

/** &#44032; &#xAC00; &amp; &eacute; as the characters they stand for; unknown names kept. */
function decodeReferences(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});/g, (ref, body: string) => {
    if (body[0] !== "#") return namedReference(body) ?? ref;
    const code =
      body[1] === "x" || body[1] === "X"
        ? Number.parseInt(body.slice(2), 16)
        : Number.parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : ref;
  });
}

/** Kim%20J%C5%8Fng as Kim Jŏng, when the escapes are valid UTF-8; a + is a space only in a text without spaces. */
function decodePercent(s: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(s)) return s;
  const t = /\s/.test(s) ? s : s.replace(/\+/g, " ");
  try {
    return decodeURIComponent(t.replace(/%(?![0-9A-Fa-f]{2})/g, "%25"));
  } catch {
    return s;
  }
}

/** The text with encoding damage undone; unchanged when it shows none. */
export function repairText(s: string): string {
  let hasHigh = false;
  let hasEscape = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) hasHigh = true;
    else if (c === 0x26 || c === 0x25) hasEscape = true;
  }
  if (!hasHigh && !hasEscape) return s;
  let out = s;
  if (hasEscape) out = decodeReferences(decodePercent(out));
  if (!NON_ASCII.test(out)) return out;
  // A round may leave C1 controls that the next one reads (text garbled twice through Windows-1252's
  // undefined bytes); a reading that ends with them is no text anyone meant to write.
  let best = out;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = repairRound(out);
    if (next === out) break;
    out = next;
    if (!C1.test(out)) best = out;
  }
  return best;
}
