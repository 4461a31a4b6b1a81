/**
 * Bytes of a text or HTML report to a string, in whatever encoding it was saved: a byte-order
 * mark decides first, then an encoding forced on the command line (`--encoding`), then valid
 * UTF-8, then the charset an HTML page declares, then UTF-16 recognised by its zero bytes, then
 * detection by chardet. Decoding is iconv-lite's (GB18030, EUC-KR, Big5, Shift-JIS, cp1252 and
 * the rest). Only when none of these can tell is the file refused, with the best guesses and
 * the flag to use.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import { AppError } from "../core/errors.js";

export interface DecodedText {
  text: string;
  /** The encoding used, as iconv-lite names it ("utf-8", "gb18030", …). */
  encoding: string;
  /** How it was chosen. */
  basis: "bom" | "forced" | "utf-8" | "declared" | "utf-16" | "detected";
}

// Detection below this confidence (chardet's 0–100) is a guess, not an answer.
const MIN_CONFIDENCE = 30;

function bomEncoding(bytes: Buffer): [string, number] | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return ["utf-8", 3];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return ["utf-16le", 2];
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return ["utf-16be", 2];
  return null;
}

/** UTF-16 text without a mark: most ASCII characters leave a zero byte on one side. */
function utf16Without(bytes: Buffer): string | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`. */
function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString("latin1");
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function strictUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text must not hold control characters other than tab, newlines and form feed. */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 20_000);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    const allowed = c === 9 || c === 10 || c === 12 || c === 13;
    if ((c < 32 && !allowed) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) controls++;
  }
  return controls <= sample.length * 0.001;
}

function decodeWith(path: string, bytes: Buffer, encoding: string): string {
  if (!iconv.encodingExists(encoding)) {
    throw new AppError(
      "usage",
      `${path}: unknown encoding "${encoding}"; expected a name such as utf-8, gb18030, euc-kr, big5, shift_jis, windows-1252, utf-16le`,
    );
  }
  return iconv.decode(bytes, encoding);
}

export function decodeText(path: string, bytes: Buffer, forced?: string): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom)
    return { text: iconv.decode(bytes.subarray(bom[1]), bom[0]), encoding: bom[0], basis: "bom" };
  if (forced) {
    const encoding = forced.toLowerCase();
    return { text: decodeWith(path, bytes, encoding), encoding, basis: "forced" };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null && looksLikeText(utf8))
    return { text: utf8, encoding: "utf-8", basis: "utf-8" };
  const declared = declaredCharset(bytes);
  if (declared && iconv.encodingExists(declared)) {
    const text = iconv.decode(bytes, declared);
    if (looksLikeText(text)) return { text, encoding: declared, basis: "declared" };
  }
  const utf16 = utf16Without(bytes);
  if (utf16) {
    const text = iconv.decode(bytes, utf16);
    if (looksLikeText(text)) return { text, encoding: utf16, basis: "utf-16" };
  }
  const guesses = chardet.analyse(bytes).filter((g) => iconv.encodingExists(g.name));
  const best = guesses[0];
  if (best && best.confidence >= MIN_CONFIDENCE) {
    const encoding = best.name.toLowerCase();
    const text = iconv.decode(bytes, encoding);
    if (looksLikeText(text)) return { text, encoding, basis: "detected" };
  }
  const shown = guesses
    .slice(0, 3)
    .map((g) => `${g.name} ${g.confidence}%`)
    .join(", ");
  throw new AppError(
    "input",
    `${path}: cannot tell the text encoding${shown ? ` (best guesses: ${shown})` : ""}, or it is not a text file; give it with --encoding NAME (e.g. gb18030, euc-kr, big5, shift_jis, windows-1252, utf-16le)`,
  );
}
