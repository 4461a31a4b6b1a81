/**
 * Paragraphs and sentences of an extracted text, as UTF-16 index ranges. PDF extraction wraps
 * lines inside a paragraph, so a single newline never ends a sentence; a blank line, a
 * Markdown heading or a list item does.
 */

export interface Segment {
  start: number;
  end: number;
  paragraph: number;
}

// Abbreviations whose full stop does not end a sentence in news English.
const ABBREVIATIONS = new Set(
  "mr mrs ms dr st no co ltd inc corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n e.g i.e vs approx est gen col lt sgt rep sen gov prof dept".split(
    " ",
  ),
);

/** Paragraph ranges: split at blank lines, and before headings and list items. */
export function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const lineRe = /[^\n]*(?:\n|$)/g;
  let paraStart = -1;
  let paraEnd = -1;
  const flush = () => {
    if (paraStart >= 0) out.push({ start: paraStart, end: paraEnd });
    paraStart = -1;
  };
  for (let m = lineRe.exec(text); m && m[0] !== ""; m = lineRe.exec(text)) {
    const line = m[0].replace(/\n$/, "");
    const lead = line.length - line.trimStart().length;
    const content = line.trim();
    if (content === "") {
      flush();
      continue;
    }
    const isBlockStart = /^(#{1,6}\s|[-*•]\s|\d+[.)]\s|>\s?)/.test(content);
    if (isBlockStart) flush();
    const s = m.index + lead;
    const e = m.index + lead + content.length;
    if (paraStart < 0) paraStart = s;
    paraEnd = e;
    // A heading is a paragraph of its own.
    if (/^#{1,6}\s/.test(content)) flush();
  }
  flush();
  return out;
}

/** Sentences inside paragraphs. */
export function sentences(text: string): Segment[] {
  const out: Segment[] = [];
  paragraphs(text).forEach((p, paragraph) => {
    let s = p.start;
    const body = text.slice(p.start, p.end);
    const enderRe =
      /[.!?]["'”’)]*(?=\s+["'“‘(]?[\p{Lu}\p{N}\p{Script=Han}\p{Script=Hangul}])|[。！？]["'”’」』)]*|[.!?](?=\s*$)/gu;
    for (let m = enderRe.exec(body); m; m = enderRe.exec(body)) {
      const at = p.start + m.index;
      if (m[0].startsWith(".")) {
        const before = /([\p{L}.]+)$/u.exec(text.slice(s, at))?.[1] ?? "";
        const word = before.toLowerCase();
        if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before)) continue;
      }
      const end = at + m[0].length;
      pushTrimmed(out, text, s, end, paragraph);
      s = end;
    }
    pushTrimmed(out, text, s, p.end, paragraph);
  });
  return out;
}

function pushTrimmed(out: Segment[], text: string, start: number, end: number, paragraph: number) {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ start: s, end: e, paragraph });
}

/** Converts UTF-16 indices to code-point offsets (the unit stored with claims). */
export function codePointIndexer(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) cp++;
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}

/** The inverse: code-point offset → UTF-16 index. */
export function utf16Indexer(text: string): (codePoint: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const out: number[] = [];
  let i = 0;
  for (const ch of text) {
    out.push(i);
    i += ch.length;
  }
  out.push(i);
  return (cp) => out[cp] ?? i;
}
