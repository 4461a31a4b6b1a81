/**
 * Page furniture and codes that hold digits but never a head count: URLs and e-mail addresses,
 * telephone numbers, time stamps and numeric dates (bylines: "2024.09.11", "2025/06/29 [09:36]",
 * "08/19/2024"), bracketed counters ("[1084]"), and names with a number (COVID-19, Hwasong-15,
 * H317249).
 * `maskNoise` blanks them with spaces, keeping every other character where it was, so the
 * number readers can run on the masked text and their offsets still point into the original.
 */

const NOISE = [
  /\b(?:https?:\/\/|www\.)[^\s"'<>）)]+/giu,
  /\b[\w.-]+@[\w-]+(?:\.[\w-]+)+/gu,
  // A host and path written without a scheme ("www.rfa.org" is caught above).
  /\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|kr|cn|jp|asia|info|biz|co)\b(?:\/[^\s]*)?/giu,
  // Telephone and fax numbers: after their label, or in an international or trunk-prefixed
  // form ("+86 433 751 2345", "0433-7512345", "(02) 123-4567").
  /(?:\b(?:Tel|Phone|Fax|Mobile)\b|电话|電話|传真|傳真|手机|手機|전화|연락처|팩스|휴대폰)[.:：]?\s*[+\d(][\d\s().-]{5,}\d/giu,
  /\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}/gu,
  /(?<![\d,.])\(?0\d{1,4}\)?[\s.-]\d{3,4}[\s.-]?\d{3,5}\b/gu,
  /\b(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}\b/gu,
  /\b\d{1,2}\/\d{1,2}\/(?:19|20)\d{2}\b/gu,
  /\b(?:19|20)\d{2}-\d{2}\b/gu,
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/gu,
  /\[\s*\d+\s*\]/gu,
  /\b\p{L}+-\d+\b/gu,
  /\b[A-Z]{1,3}\d{4,}\b/gu,
] as const;

/** The text with noise spans replaced by spaces (same length, same offsets). */
export function maskNoise(text: string): string {
  let out = text;
  for (const re of NOISE) {
    re.lastIndex = 0;
    out = out.replace(re, (m) => " ".repeat(m.length));
  }
  return out;
}
