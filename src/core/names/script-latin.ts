/**
 * Letters of the scripts a foreign name is written in by the press of Georgia, Armenia, South
 * and Southeast Asia, read into the Latin letters those countries' own romanizations give, so
 * that a name written letter for letter from its Latin spelling (ჯო ბაიდენი, Ջո Բայդեն) or by
 * its sounds (किम जोंग उन, คิม จ็อง-อึน) comes back to letters a list spelling shares:
 *  - Georgian: the national system of 2002 without its apostrophes
 *    (https://en.wikipedia.org/wiki/Romanization_of_Georgian; კ ქ both k, წ ც both ts), Mtavruli
 *    capitals as their Mkhedruli letters;
 *  - Armenian: BGN/PCGN 1981 (https://en.wikipedia.org/wiki/Romanization_of_Armenian): ու u,
 *    ո as vo and ե as ye at a word's start, և yev, the aspiration apostrophes dropped;
 *  - the nine Brahmic scripts of India that share one layout (Devanagari, Bengali, Gurmukhi,
 *    Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam: the ISCII order Unicode keeps, each
 *    letter at the same offset in its block), by ISO 15919 without its marks (c as ch, ś ṣ as
 *    sh, ṅ ñ ṇ as n): the inherent a after a consonant with no vowel sign or virama, dropped at a
 *    word's end and between a vowel and a consonant with a vowel in the scripts of the north
 *    (Hindi's schwa deletion: किम kim, प्योंगयांग pyongyang); the anusvara as n, m before p b m,
 *    and ng at a word's end (জং jang);
 *  - Sinhala: ISO 15919 as above, its own layout, the inherent a kept (al-lakuna is written);
 *  - Thai: the Royal Thai General System (https://en.wikipedia.org/wiki/Royal_Thai_General_System_of_Transcription):
 *    initials and finals by their tables (ค kh, จ ch, final ด t; final ล as l, not RTGS's n:
 *    Thai names' own Latin spellings keep it, Kamol, and a Korean ㄹ is written so), vowels written
 *    before the consonant (เ แ โ ใ ไ) read with it, ึ ื ue, เ-ีย ia, เ-ือ uea, ัว ua, a bare
 *    closed syllable o; tone marks dropped;
 *  - Lao: its letters as the Thai ones they descend from (the two blocks keep the vowel signs at
 *    the same offsets), then read as Thai (ຄິມ khim).
 * `scriptLatin` gives one reading; `scriptLatinAlternative` a second one where the writing
 * leaves two: a Georgian foreign name, its last word without the nominative -ი it takes after a
 * consonant (ბაიდენი Baideni, Biden; უნი uni, Un) and ი before a vowel as y (კიონგ kiong,
 * kyong); Bengali's inherent vowel as o (জং jong).
 * Text with none of these scripts comes back unchanged; ASCII text returns at once.
 */

/** "a b c d" → { a: "b", c: "d" }: a table written as pairs. */
function pairs(text: string): Record<string, string> {
  const t: Record<string, string> = {};
  const xs = text.split(" ");
  for (let i = 0; i + 1 < xs.length; i += 2) t[xs[i]!] = xs[i + 1]!;
  return t;
}

const GEORGIAN: Readonly<Record<string, string>> = pairs(
  "ა a ბ b გ g დ d ე e ვ v ზ z თ t ი i კ k ლ l მ m ნ n ო o პ p ჟ zh რ r ს s ტ t უ u ფ p " +
    "ქ k ღ gh ყ q შ sh ჩ ch ც ts ძ dz წ ts ჭ ch ხ kh ჯ j ჰ h ჱ e ჲ y ჳ w ჴ q ჵ o ჶ f",
);

const ARMENIAN: Readonly<Record<string, string>> = pairs(
  "ա a բ b գ g դ d ե e զ z է e ը y թ t ժ zh ի i լ l խ kh ծ ts կ k հ h ձ dz ղ gh ճ ch մ m " +
    "յ y ն n շ sh ո o չ ch պ p ջ j ռ r ս s վ v տ t ր r ց ts ւ v փ p ք k օ o ֆ f",
);

/** ISO 15919 by offset in an ISCII-layout block (0x00–0x7F), without marks. */
const INDIC: readonly (string | undefined)[] = (() => {
  const t: (string | undefined)[] = new Array(0x80).fill(undefined);
  const set = (from: number, letters: string) =>
    letters.split(" ").forEach((l, k) => {
      if (l !== "_") t[from + k] = l;
    });
  // Independent vowels 0x05–0x14.
  set(0x05, "a a i i u u ri li e e e ai o o o au");
  // Consonants 0x15–0x39.
  set(
    0x15,
    "k kh g gh ng ch chh j jh n t th d dh n t th d dh n n p ph b bh m y r r l l zh v sh sh s h",
  );
  // Precomposed nukta letters 0x58–0x5F, vocalic r and l 0x60–0x61.
  set(0x58, "q kh gh z r rh f y ri li");
  for (let d = 0; d < 10; d++) t[0x66 + d] = String(d);
  return t;
})();
/** Vowel signs (0x3E–0x4C, 0x62–0x63) by the same offsets. */
const INDIC_SIGNS: readonly (string | undefined)[] = (() => {
  const t: (string | undefined)[] = new Array(0x80).fill(undefined);
  "a i i u u ri ri e e e ai o o o au".split(" ").forEach((l, k) => {
    t[0x3e + k] = l;
  });
  t[0x57] = "au";
  t[0x62] = "li";
  t[0x63] = "li";
  return t;
})();
/** Block starts of the ISCII-layout scripts, and whether the north's schwa deletion applies. */
const INDIC_BLOCKS: readonly [start: number, north: boolean][] = [
  [0x900, true],
  [0x980, true],
  [0xa00, true],
  [0xa80, true],
  [0xb00, true],
  [0xb80, false],
  [0xc00, false],
  [0xc80, false],
  [0xd00, false],
];
/** Nukta-modified letters (ज़ z, फ़ f, ड़ r) by the base letter's offset. */
const NUKTA: Readonly<Record<number, string>> = {
  21: "q",
  22: "kh",
  23: "gh",
  28: "z",
  33: "r",
  34: "rh",
  43: "f",
  47: "y",
};
/** Malayalam chillu letters (a consonant with no vowel): ൺ ൻ ർ ൽ ൾ ൿ. */
const CHILLU: Readonly<Record<number, string>> = {
  3450: "n",
  3451: "n",
  3452: "r",
  3453: "l",
  3454: "l",
  3455: "k",
};

const SINHALA_LETTERS: Readonly<Record<number, string>> = (() => {
  const t: Record<number, string> = {};
  const set = (from: number, letters: string) =>
    letters.split(" ").forEach((l, k) => {
      if (l !== "_") t[from + k] = l;
    });
  set(0xd85, "a a ae ae i i u u ri ri li li _ _ _ e e ai o o au");
  set(
    0xd9a,
    "k kh g gh n ng ch chh j jh n gn nj t th d dh n nd t th d dh n _ nd p ph b bh m mb y r _ l _ _ v sh sh s h l f",
  );
  return t;
})();
const SINHALA_SIGNS: Readonly<Record<number, string>> = (() => {
  const t: Record<number, string> = {};
  "a ae ae i i u _ u _ ri e e ai o o au li".split(" ").forEach((l, k) => {
    if (l !== "_") t[0xdcf + k] = l;
  });
  t[0xdf2] = "ri";
  t[0xdf3] = "li";
  return t;
})();

type IndicKind = { base: number; north: boolean } | "sinhala" | undefined;

function indicKind(c: number): IndicKind {
  if (c >= 0xd80 && c <= 0xdff) return "sinhala";
  for (const [start, north] of INDIC_BLOCKS)
    if (c >= start && c < start + 0x80) return { base: start, north };
  return undefined;
}

interface IndicUnit {
  /** Letters of a consonant, a vowel, a sign, or a nasal / other mark. */
  kind: "consonant" | "vowel" | "nasal" | "other";
  text: string;
  /** For a consonant: its vowel sign's letters, "" after a virama, undefined when inherent. */
  vowel?: string;
  /** For a consonant: its offset in its block (a nukta after it reads it by that). */
  off?: number;
}

/** The units of one word in an ISCII-layout script or Sinhala. */
function indicUnits(cs: number[], kind: Exclude<IndicKind, undefined>): IndicUnit[] {
  const units: IndicUnit[] = [];
  const last = () => units.at(-1);
  for (const c of cs) {
    const sinhala = kind === "sinhala";
    const off = sinhala ? -1 : c - kind.base;
    const letter = sinhala ? SINHALA_LETTERS[c] : off >= 0 && off < 0x80 ? INDIC[off] : undefined;
    const sign = sinhala ? SINHALA_SIGNS[c] : off >= 0 && off < 0x80 ? INDIC_SIGNS[off] : undefined;
    const prev = last();
    const isVirama = sinhala ? c === 0xdca : off === 0x4d;
    const isNukta = !sinhala && off === 0x3c;
    const isNasal = sinhala ? c === 0xd82 : off === 0x01 || off === 0x02 || c === 0xa70;
    const isConsonant =
      letter !== undefined &&
      (sinhala
        ? c >= 0xd9a && c <= 0xdc6
        : (off >= 0x15 && off <= 0x39) || (off >= 0x58 && off <= 0x5f));
    if (CHILLU[c]) units.push({ kind: "consonant", text: CHILLU[c]!, vowel: "" });
    else if (isConsonant) units.push({ kind: "consonant", text: letter, off });
    else if (letter !== undefined)
      units.push({ kind: /\d/.test(letter) ? "other" : "vowel", text: letter });
    else if (sign !== undefined && prev?.kind === "consonant" && prev.vowel === undefined)
      prev.vowel = sign;
    else if (sign !== undefined) units.push({ kind: "vowel", text: sign });
    else if (isVirama && prev?.kind === "consonant") prev.vowel = "";
    else if (isNukta && prev?.kind === "consonant") prev.text = NUKTA[prev.off ?? -1] ?? prev.text;
    else if (isNasal) units.push({ kind: "nasal", text: "n" });
    else if (!sinhala && off === 0x03) units.push({ kind: "other", text: "h" });
  }
  return units;
}

/** The vowel a consonant unit carries, or "a" when inherent. */
const vowelOf = (u: IndicUnit | undefined): string | undefined =>
  u?.kind === "consonant" ? (u.vowel ?? "a") : u?.kind === "vowel" ? u.text : undefined;

/** One word in an ISCII-layout script or Sinhala, with the inherent vowel written `inherent`. */
function indicWord(cs: number[], kind: Exclude<IndicKind, undefined>, inherent: string): string {
  const units = indicUnits(cs, kind);
  const north = kind !== "sinhala" && kind.north;
  // The north's schwa deletion: a word's last inherent vowel, and one between a vowel and a
  // consonant that carries a vowel (VC_CV), right to left.
  if (north) {
    for (let i = units.length - 1; i > 0; i--) {
      const u = units[i]!;
      if (u.kind !== "consonant" || u.vowel !== undefined) continue;
      const next = units[i + 1];
      // A vowel the anusvara nasalises stays (জং jang).
      if (next?.kind === "nasal") continue;
      const before = units[i - 1];
      // A word's last vowel goes, but not after a cluster (नरेन्द्र narendra).
      if (next === undefined) {
        if (!(before?.kind === "consonant" && before.vowel === "")) u.vowel = "";
        continue;
      }
      const beforeVowel = before?.kind === "nasal" || vowelOf(before) !== "";
      const nextVowel = next?.kind === "consonant" && vowelOf(next) !== "";
      if (beforeVowel && nextVowel) u.vowel = "";
    }
  }
  let out = "";
  units.forEach((u, i) => {
    if (u.kind === "consonant") out += u.text + (u.vowel === undefined ? inherent : u.vowel);
    else if (u.kind === "nasal") {
      const next = units[i + 1];
      out += !next
        ? kind !== "sinhala" && kind.base === 0xd00
          ? "m"
          : "ng"
        : next.kind === "consonant" && /^[pbm]/.test(next.text)
          ? "m"
          : "n";
    } else out += u.text;
  });
  return out;
}

// ---- Thai and Lao -----------------------------------------------------------------------------

/** RTGS initial and final of each Thai consonant ("" where it ends no syllable). */
const THAI_CONSONANTS: Readonly<Record<string, readonly [string, string]>> = (() => {
  const t: Record<string, readonly [string, string]> = {};
  const xs = (
    "ก k k ข kh k ฃ kh k ค kh k ฅ kh k ฆ kh k ง ng ng จ ch t ฉ ch t ช ch t ซ s t ฌ ch t ญ y n " +
    "ฎ d t ฏ t t ฐ th t ฑ th t ฒ th t ณ n n ด d t ต t t ถ th t ท th t ธ th t น n n บ b p " +
    "ป p p ผ ph p ฝ f p พ ph p ฟ f p ภ ph p ม m m ย y i ร r n ล l l ว w o ศ s t ษ s t ส s t " +
    "ห h _ ฬ l l อ _ _ ฮ h _"
  ).split(" ");
  for (let i = 0; i + 2 < xs.length; i += 3)
    t[xs[i]!] = [xs[i + 1]!.replace("_", ""), xs[i + 2]!.replace("_", "")];
  return t;
})();
const LEADING = /[เแโใไ]/u;
const FOLLOWING = /[ะัาำิีึืุู็]/u;
const TONE = /[่้๊๋์ํ]/u;
/** Second letters of Thai initial clusters (กร คล ปร, and มย, ชว in foreign names). */
const GLIDES = new Set(["ร", "ล", "ว", "ย"]);

/**
 * Whether the letter at `i` is a cluster's second: before a vowel sign or อ (คลอง khlong), after
 * a vowel written before the cluster, or (not ว, which is then the vowel ua) before a final with
 * the bare syllable's o (กรม krom, มยง myong).
 */
function clusterAt(cs: readonly string[], i: number, lead: string): boolean {
  const after = cs[i + 1];
  if (after === undefined) return false;
  if (FOLLOWING.test(after) || lead || after === "อ") return true;
  return (
    cs[i] !== "ว" && isThaiConsonant(after) && !FOLLOWING.test(cs[i + 2] ?? "") && cs[i + 2] !== "อ"
  );
}

const isThaiConsonant = (c: string | undefined): c is string =>
  c !== undefined && THAI_CONSONANTS[c] !== undefined;

/** One Thai word in RTGS. */
function thaiWord(w: string): string {
  const cs = [...w.replace(/[่้๊๋]/gu, "")];
  let out = "";
  let i = 0;
  while (i < cs.length) {
    let lead = "";
    if (LEADING.test(cs[i]!)) lead = cs[i++]!;
    const c0 = cs[i];
    if (!isThaiConsonant(c0)) {
      const d = cs[i]?.charCodeAt(0) ?? 0;
      if (d >= 0xe50 && d <= 0xe59) out += String(d - 0xe50);
      i++;
      continue;
    }
    i++;
    let initial = THAI_CONSONANTS[c0]![0];
    const second = cs[i];
    // ห before a sonorant only marks the tone (หมอ mo).
    if (c0 === "ห" && second !== undefined && "งญนมยรลว".includes(second)) {
      initial = THAI_CONSONANTS[second]![0];
      i++;
    } else if (
      !lead &&
      second !== undefined &&
      LEADING.test(second) &&
      GLIDES.has(cs[i + 1] ?? "")
    ) {
      // A glide after the vowel written before it: ชเว chwe, as Thai writes 최.
      lead = second;
      initial += THAI_CONSONANTS[cs[i + 1]!]![0];
      i += 2;
    } else if (second !== undefined && GLIDES.has(second) && clusterAt(cs, i, lead)) {
      initial += THAI_CONSONANTS[second]![0];
      i++;
    }
    if (cs[i] === "์") {
      i++;
      continue;
    }
    // The vowel: the signs after the consonant with the one written before it.
    let signs = "";
    while (i < cs.length && (FOLLOWING.test(cs[i]!) || cs[i] === "์")) signs += cs[i++];
    let vowel: string;
    let open = false;
    const nxt = cs[i];
    if (lead === "เ") {
      if (signs.includes("ี") && nxt === "ย") {
        vowel = "ia";
        i++;
      } else if (signs.includes("ื") && nxt === "อ") {
        vowel = "uea";
        i++;
      } else if (signs.includes("า")) {
        vowel = signs.includes("ะ") ? "o" : "ao";
        open = true;
      } else if (nxt === "อ" && !signs) {
        vowel = "oe";
        i++;
      } else vowel = "e";
    } else if (lead === "แ") vowel = "ae";
    else if (lead === "โ") vowel = "o";
    else if (lead === "ใ" || lead === "ไ") {
      vowel = "ai";
      open = true;
      // ไทย: a ย after it is written, not read.
      if (nxt === "ย" && !FOLLOWING.test(cs[i + 1] ?? "")) i++;
    } else if (signs.includes("ั") && nxt === "ว") {
      vowel = "ua";
      i++;
    } else if (signs.includes("ำ")) {
      vowel = "am";
      open = true;
    } else if (/[ัาะ]/u.test(signs)) vowel = "a";
    else if (/[ิี]/u.test(signs)) vowel = "i";
    else if (/[ึื]/u.test(signs)) {
      vowel = "ue";
      if (nxt === "อ") i++;
    } else if (/[ุู]/u.test(signs)) vowel = "u";
    else if (nxt === "อ" && isThaiConsonant(cs[i + 1]) && !FOLLOWING.test(cs[i + 2] ?? "")) {
      vowel = "o";
      i++;
    } else if (nxt === "อ" && cs[i + 1] === undefined) {
      vowel = "o";
      i++;
    } else if (nxt === "ว" && isThaiConsonant(cs[i + 1]) && !FOLLOWING.test(cs[i + 2] ?? "")) {
      vowel = "ua";
      i++;
    } else vowel = isThaiConsonant(nxt) && !FOLLOWING.test(cs[i + 1] ?? "") ? "o" : "a";
    out += initial + vowel;
    // The final: a consonant not followed by a vowel sign of its own or a vowel written before.
    const f = cs[i];
    if (
      !open &&
      isThaiConsonant(f) &&
      !FOLLOWING.test(cs[i + 1] ?? "") &&
      !(cs[i + 1] === "อ" && !isThaiConsonant(cs[i + 2])) &&
      !(GLIDES.has(cs[i + 1] ?? "") && FOLLOWING.test(cs[i + 2] ?? ""))
    ) {
      if (cs[i + 1] === "์") i += 2;
      else {
        const fin = THAI_CONSONANTS[f]![1];
        // ย and ว after a vowel that already ends in i or o are written once (ไทย thai).
        if (!(fin === "i" && vowel.endsWith("i")) && !(fin === "o" && vowel.endsWith("o")))
          out += fin;
        i++;
      }
    }
    while (i < cs.length && TONE.test(cs[i]!)) i++;
  }
  return out;
}

/** Lao consonants as the Thai letters of the same sound (ຊ ซ, ຍ ญ, ຢ ย). */
const LAO_AS_THAI: Readonly<Record<string, string>> = pairs(
  "ກ ก ຂ ข ຄ ค ງ ง ຈ จ ສ ส ຊ ซ ຍ ญ ດ ด ຕ ต ຖ ถ ທ ท ນ น ບ บ ປ ป ຜ ผ ຝ ฝ ພ พ ຟ ฟ ມ ม ຢ ย ຣ ร ລ ล ວ ว ຫ ห ອ อ ຮ ฮ",
);

/** A Lao word in Thai letters: consonants by sound, vowel signs and tone marks by offset (0xE80 → 0xE00). */
function laoAsThai(w: string): string {
  let out = "";
  for (const ch of w) {
    const c = ch.codePointAt(0)!;
    const thai = LAO_AS_THAI[ch];
    if (thai) out += thai;
    else if (c === 0xebb || c === 0xecd) out += "อ";
    else if (c === 0xebd) out += "ย";
    else if (c === 0xebc) out += "ล";
    else if (c >= 0xeb0 && c <= 0xecb) out += String.fromCodePoint(c - 0x80);
    else if (c >= 0xed0 && c <= 0xed9) out += String(c - 0xed0);
  }
  return out;
}

// ---- words and text ---------------------------------------------------------------------------

type ScriptName = "georgian" | "armenian" | "indic" | "thai" | "lao";

function scriptOf(c: number): ScriptName | undefined {
  if ((c >= 0x10a0 && c <= 0x10ff) || (c >= 0x1c90 && c <= 0x1cbf) || (c >= 0x2d00 && c <= 0x2d2f))
    return "georgian";
  if (c >= 0x531 && c <= 0x58a) return "armenian";
  if (c >= 0x900 && c <= 0xdff) return "indic";
  if (c >= 0xe00 && c <= 0xe7f) return "thai";
  if (c >= 0xe80 && c <= 0xeff) return "lao";
  return undefined;
}

function georgianWord(w: string): string {
  let out = "";
  for (const ch of w) {
    const c = ch.codePointAt(0)!;
    // Mtavruli capitals sit 0x0BC0 above their Mkhedruli letters.
    const m = c >= 0x1c90 && c <= 0x1cbf ? String.fromCodePoint(c - 0xbc0) : ch;
    out += GEORGIAN[m] ?? "";
  }
  return out;
}

function armenianWord(w: string): string {
  const s = w.toLowerCase().replace(/և/gu, "եվ");
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "ո" && s[i + 1] === "ւ") {
      out += "u";
      i++;
    } else if (i === 0 && ch === "ո") out += "vo";
    else if (i === 0 && ch === "ե") out += "ye";
    else out += ARMENIAN[ch] ?? "";
  }
  return out;
}

interface Options {
  /** Bengali's inherent vowel as o, the way it sounds (জং jong), not ISO 15919's a. */
  bengaliO: boolean;
}

/** A run of one script's letters in Latin ones. */
function runLatin(run: string, script: ScriptName, o: Options): string {
  if (script === "georgian") return georgianWord(run);
  if (script === "armenian") return armenianWord(run);
  if (script === "thai") return thaiWord(run);
  if (script === "lao") return thaiWord(laoAsThai(run));
  const cs = [...run].map((c) => c.codePointAt(0)!);
  const kind = indicKind(cs[0]!);
  if (!kind) return "";
  const bengali = kind !== "sinhala" && kind.base === 0x980;
  return indicWord(cs, kind, bengali && o.bengaliO ? "o" : "a");
}

/** Whether the text may hold a letter of these scripts: a range check on the code units. */
function mayHaveScript(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x531 && c <= 0x2d2f && scriptOf(c) !== undefined) return true;
  }
  return false;
}

function readText(s: string, o: Options): string {
  let out = "";
  let run = "";
  let runScript: ScriptName | undefined;
  const flush = () => {
    if (run && runScript) out += runLatin(run, runScript, o);
    run = "";
    runScript = undefined;
  };
  for (const ch of s) {
    const sc = scriptOf(ch.codePointAt(0)!);
    // Marks and joiners inside a word stay with it.
    if (sc === undefined && run && /[\u200c\u200d]/u.test(ch)) continue;
    if (sc !== runScript) flush();
    if (sc === undefined) out += ch;
    else {
      runScript = sc;
      run += ch;
    }
  }
  flush();
  return out;
}

/** The text with its Georgian, Armenian, Indic, Sinhala, Thai and Lao letters in Latin ones. */
export function scriptLatin(s: string): string {
  return mayHaveScript(s) ? readText(s, { bengaliO: false }) : s;
}

const GEORGIAN_LETTER = /[\u10d0-\u10ff\u1c90-\u1cbf]/u;
/** ი between a consonant and a vowel: a foreign name's y (კიონგ Kyong), written ჲ for the reading. */
const GEORGIAN_GLIDE = /([ბგდვზთკლმნპჟრსტფქღყშჩცძწჭხჯჰ])ი(?=[აეოუ])/gu;
/** Georgian's consonants (the nominative -ი follows one in a foreign name). */
const GEORGIAN_CONSONANT_END = /[ბგდვზთკლმნპჟრსტფქღყშჩცძწჭხჯჰ]ი$/u;

/**
 * A second reading where the script leaves one (see the header); undefined when there is none.
 */
export function scriptLatinAlternative(s: string): string | undefined {
  if (!mayHaveScript(s)) return undefined;
  const words = s.trim().split(/\s+/u);
  const last = words.at(-1) ?? "";
  if (GEORGIAN_LETTER.test(s)) {
    if (GEORGIAN_CONSONANT_END.test(last) && [...last].length >= 3)
      words[words.length - 1] = last.slice(0, -1);
    const glides = words.join(" ").replace(GEORGIAN_GLIDE, (_, c: string) => `${c}ჲ`);
    const r = readText(glides, { bengaliO: false });
    return r === readText(s, { bengaliO: false }) ? undefined : r;
  }
  if (/[\u0980-\u09ff]/u.test(s)) return readText(s, { bengaliO: true });
  return undefined;
}
