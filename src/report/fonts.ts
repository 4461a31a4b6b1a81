/**
 * Chinese and Korean text in the report, drawn with fonts carried inside the file: a reader's
 * machine without CJK fonts (a fresh Linux install, a locked-down case workstation) would
 * otherwise show empty boxes for sponsors' and persons' names. Noto Sans SC and Noto Sans KR
 * (SIL Open Font License 1.1) come from the Fontsource npm packages, which ship each font split
 * into WOFF2 files by `unicode-range`; `subset-font` (harfbuzz's hb-subset as WebAssembly) cuts
 * each file the report needs down to exactly the characters it uses, so a report adds a few
 * kilobytes per distinct character instead of megabytes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import subsetFont from "subset-font";

/** The font family of the embedded faces, placed before any system CJK font. */
export const CJK_FAMILY = "Sojourn CJK";

/** Every text in the page and in the charts uses this stack. */
export const FONT_STACK = `system-ui, -apple-system, "Segoe UI", "Noto Sans", "${CJK_FAMILY}", sans-serif`;

const require = createRequire(import.meta.url);

/** Hangul: drawn with the Korean font first. */
const HANGUL: [number, number][] = [
  [0x1100, 0x11ff],
  [0x3130, 0x318f],
  [0xa960, 0xa97f],
  [0xac00, 0xd7af],
  [0xd7b0, 0xd7ff],
];
/** Other CJK blocks (symbols and punctuation, kana, ideographs, full-width forms). */
const CJK: [number, number][] = [
  [0x2e80, 0x2fdf],
  [0x3000, 0x30ff],
  [0x3190, 0x31ff],
  [0x3200, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
  [0x20000, 0x2fa1f],
];

const within = (ranges: readonly [number, number][], cp: number) =>
  ranges.some(([a, b]) => cp >= a && cp <= b);

/** The CJK characters of `text`, each once, in code point order. */
export function cjkCharacters(text: string): string[] {
  const seen = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x1100 && (within(HANGUL, cp) || within(CJK, cp))) seen.add(cp);
  }
  return [...seen].sort((a, b) => a - b).map((cp) => String.fromCodePoint(cp));
}

interface FaceFile {
  file: string;
  ranges: [number, number][];
}

/** The regular (400) WOFF2 files of a Fontsource package with the code points each covers. */
function fontsourceFaces(pkg: string): FaceFile[] {
  const css = readFileSync(require.resolve(`${pkg}/400.css`), "utf8");
  const dir = join(dirname(require.resolve(`${pkg}/package.json`)), "files");
  const faces: FaceFile[] = [];
  for (const m of css.matchAll(
    /url\(\.\/files\/([^)]+?\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g,
  )) {
    const ranges = (m[2] ?? "").split(",").map((r): [number, number] => {
      const [a, b] = r.trim().replace(/^U\+/i, "").split("-");
      const lo = Number.parseInt(a ?? "", 16);
      return [lo, b ? Number.parseInt(b, 16) : lo];
    });
    faces.push({ file: join(dir, m[1] ?? ""), ranges });
  }
  return faces;
}

export interface EmbeddedFonts {
  /** `@font-face` rules with the subsets as data: URLs (empty when no CJK text). */
  css: string;
  /** Characters embedded. */
  characters: number;
  /** Bytes the rules add to the page. */
  bytes: number;
  /** Characters neither font has (drawn with whatever the reader's machine has). */
  missing: string[];
}

const SC = "@fontsource/noto-sans-sc";
const KR = "@fontsource/noto-sans-kr";

/** `@font-face` rules embedding exactly the CJK characters of `text`. */
export async function embedCjkFonts(text: string): Promise<EmbeddedFonts> {
  const chars = cjkCharacters(text);
  if (chars.length === 0) return { css: "", characters: 0, bytes: 0, missing: [] };
  const fonts = new Map([
    [SC, fontsourceFaces(SC)],
    [KR, fontsourceFaces(KR)],
  ]);
  const wanted = new Map<string, string[]>();
  const missing: string[] = [];
  for (const ch of chars) {
    const cp = ch.codePointAt(0) ?? 0;
    const order = within(HANGUL, cp) ? [KR, SC] : [SC, KR];
    const face = order
      .flatMap((pkg) => fonts.get(pkg) ?? [])
      .find((f) => f.ranges.some(([a, b]) => cp >= a && cp <= b));
    if (!face) {
      missing.push(ch);
      continue;
    }
    wanted.set(face.file, [...(wanted.get(face.file) ?? []), ch]);
  }
  const rules: string[] = [];
  for (const [file, faceChars] of wanted) {
    const subset = await subsetFont(readFileSync(file), faceChars.join(""), {
      targetFormat: "woff2",
    });
    const range = faceChars
      .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`)
      .join(",");
    rules.push(
      `@font-face{font-family:"${CJK_FAMILY}";font-style:normal;font-weight:100 900;font-display:block;src:url(data:font/woff2;base64,${subset.toString("base64")}) format("woff2");unicode-range:${range};}`,
    );
  }
  const css = rules.join("\n");
  return {
    css,
    characters: chars.length - missing.length,
    bytes: Buffer.byteLength(css),
    missing,
  };
}
