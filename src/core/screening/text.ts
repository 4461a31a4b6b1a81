/**
 * Text forms for screening: a folded form (no accents, apostrophes or case), tokens, and for
 * organisations the legal form split off (Co., Ltd., Corporation, 有限公司, 公司, 회사) so that
 * "DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO., LTD." and "Dandong Hongxiang Industrial
 * Development Company Limited" compare on what distinguishes them.
 */
import anyAscii from "any-ascii";
import { bulgarianLatin, scriptLatin } from "../names/index.js";

/**
 * Alphabets and abjads read into Latin letters before comparison (Владимир → Vladimir, محمد → mhmd):
 * list names are mostly Latin, and any-ascii's tables (ISC licence) cover these scripts without
 * language guessing (Georgian, Armenian, the Indic scripts, Sinhala, Thai and Lao are read
 * before, by the systems of names/script-latin.ts); Arabic and Hebrew vowel letters stay the consonants w and y (محمود mhmwd),
 * so a word keeps its consonant skeleton (see similarity.ts); the names module reads them as
 * vowels where a Korean name is spelt in them. Han, Hangul and Kana stay as written: the names
 * module reads them.
 */
const TRANSLITERATED =
  /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Ethiopic}\p{Script=Syriac}\p{Script=Thaana}]+/gu;

/** Whether a code unit is at or above U+0400 (Cyrillic and every script after it): a range check. */
function hasCyrillicOrAbove(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x400) return true;
  return false;
}

/** Lower-case, accents and apostrophes removed, every run of other punctuation → one space. */
export function foldText(s: string): string {
  // Georgian, Armenian, the Indic scripts, Sinhala, Thai and Lao by their own countries' systems,
  // Bulgarian by its Streamlined System (Рьонха Ryonha).
  return (
    (hasCyrillicOrAbove(s) ? scriptLatin(bulgarianLatin(s) ?? s) : s)
      .replace(TRANSLITERATED, (run) => anyAscii(run))
      .normalize("NFD")
      // Combining marks go (ŏ → o, é → e); NFC below recomposes Hangul jamo into syllables.
      .replace(/\p{M}+/gu, "")
      .normalize("NFKC")
      .toLowerCase()
      // Apostrophes of McCune–Reischauer aspiration (Ch'oe) and elisions (O'Brien) join the word,
      // and so do the soft and hard sign marks of Russian transliteration (Ilʹ, Chelʼ, podʺezd).
      .replace(/['’‘`ʼ´ʹʺˮ]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  );
}

const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export function hasCjk(s: string): boolean {
  return CJK.test(s);
}

/** Tokens of a folded name; hyphenated parts are separate tokens (Yong-Chol → yong, chol). */
export function tokenize(s: string): string[] {
  const f = foldText(s);
  return f ? f.split(" ") : [];
}

/**
 * Legal-form words by language. A legal form says what kind of body it is, not which one, so it
 * weighs (almost) nothing in an organisation match; sources: ISO 20275 ELF code list labels for
 * CN/KR/US/GB and OFAC/UN list usage (CO., LTD., CORP., JSC, FZE, 有限公司, 총회사).
 */
const LEGAL_FORM_WORDS = new Set([
  "co",
  "company",
  "companies",
  "corp",
  "corpn",
  "corporation",
  "inc",
  "incorporated",
  "ltd",
  "limited",
  "llc",
  "llp",
  "lp",
  "plc",
  "pte",
  "pty",
  "gmbh",
  "ag",
  "sa",
  "sas",
  "sarl",
  "srl",
  "spa",
  "bv",
  "nv",
  "jsc",
  "ojsc",
  "cjsc",
  "pjsc",
  "ooo",
  "oao",
  "zao",
  "fze",
  "fzco",
  "fzc",
  "fz",
  "llc",
  "kg",
  "ab",
  "as",
  "oy",
  "sdn",
  "bhd",
  "tbk",
  "cv",
  "ltda",
  "kft",
  "sro",
  "doo",
  "tov",
  "too",
  "pao",
  "kk",
  // Chinese, Korean and Japanese forms written in Latin letters (公司 gongsi, 회사 hoesa, 会社 kaisha).
  "gongsi",
  "hoesa",
  "kaisha",
]);

/**
 * Legal forms written out in words, as folded token runs, longest first: the spelled-out form
 * of an abbreviation above (Aktiengesellschaft = AG, Open Joint Stock Company = OJSC,
 * Obshchestvo s ogranichennoy otvetstvennostyu = OOO) says no more about which body it is.
 * Sources: ISO 20275 ELF code list labels for DE, RO, RU, PL, GB, US, CN, JP, KR and MY.
 */
const LEGAL_FORM_PHRASES: readonly string[][] = [
  "gesellschaft mit beschrankter haftung",
  "obshchestvo s ogranichennoy otvetstvennostyu",
  "obshchestvo s ogranichennoi otvetstvennostyu",
  "societatea cu raspundere limitata",
  "open joint stock company",
  "closed joint stock company",
  "public joint stock company",
  "limited liability company",
  "limited liability partnership",
  "joint venture company",
  "public limited company",
  "joint stock company",
  "aktsionernoe obshchestvo",
  "aktsionernoye obshchestvo",
  "spolka z ograniczona odpowiedzialnoscia",
  // Sp. z o.o. once its single letters are joined (see joinInitials).
  "sp zoo",
  "aktiengesellschaft",
  "aktiengeselschaft",
  // 有限(责任)公司, 股份有限公司, 株式会社 / 주식회사, 有限会社 / 유한회사, as written in Latin letters.
  "gufen youxian gongsi",
  "youxian zeren gongsi",
  "youxian gongsi",
  "kabushiki kaisha",
  "yugen kaisha",
  "jusik hoesa",
  "chusik hoesa",
  "yuhan hoesa",
  "sendirian berhad",
]
  // Company is also written Co., Corp. or Corporation (LIMITED LIABILITY CO. VERUS).
  .flatMap((p) =>
    p.endsWith(" company")
      ? ["company", "co", "corp", "corporation"].map((w) => p.replace(/company$/, w))
      : [p],
  )
  .map((p) => p.split(" "));

/**
 * The words of written-out legal forms, with the other transliterations of Общество с
 * ограниченной ответственностью the lists write (OBSCHESTVO, OTVETSTVENNOSTIU): such a phrase is
 * not split off (a list name spelt so keeps it among its words), but it is no word of a name.
 */
const LEGAL_PHRASE_WORDS = new Set([
  ...LEGAL_FORM_PHRASES.flat(),
  ..."obschestvo obshestvo otvetstvennostiu otvetstvennostju otvetstvennosti".split(" "),
]);

/** Whether a folded word is a legal form or a word of one written out (otvetstvennostyu). */
export function isLegalFormWord(t: string): boolean {
  return LEGAL_FORM_WORDS.has(t) || LEGAL_PHRASE_WORDS.has(t);
}

/**
 * Chinese and Korean legal forms and generic organisation words written at the end of a name
 * without spaces, longest first so 股份有限公司 wins over 公司. Each maps to the English tokens it
 * corresponds to, so a Han name and its English rendering can agree on the form.
 */
const CJK_LEGAL_SUFFIXES: readonly [string, string][] = [
  ["股份有限公司", "co ltd"],
  ["有限责任公司", "co ltd"],
  ["有限責任公司", "co ltd"],
  ["有限公司", "co ltd"],
  ["总公司", "corporation"],
  ["總公司", "corporation"],
  ["分公司", "branch"],
  ["公司", "company"],
  ["主式會社", "co ltd"],
  ["株式会社", "co ltd"],
  ["주식회사", "co ltd"],
  ["유한회사", "co ltd"],
  ["합영회사", "joint venture company"],
  ["합작회사", "joint venture company"],
  ["총회사", "general corporation"],
  ["회사", "company"],
  ["(주)", "co ltd"],
  ["㈜", "co ltd"],
];

/** Han/Hangul words with a conventional English rendering in list names (MOFCOM/KCNA usage). */
export const CJK_ORG_WORDS: Readonly<Record<string, string>> = {
  集团: "group",
  集團: "group",
  그룹: "group",
  贸易: "trading",
  貿易: "trading",
  무역: "trading",
  商贸: "trading",
  进出口: "import export",
  進出口: "import export",
  实业: "industrial",
  實業: "industrial",
  工业: "industrial",
  工業: "industrial",
  발전: "development",
  发展: "development",
  發展: "development",
  开发: "development",
  開發: "development",
  개발: "development",
  国际: "international",
  國際: "international",
  국제: "international",
  科技: "technology",
  技术: "technology",
  技術: "technology",
  기술: "technology",
  银行: "bank",
  銀行: "bank",
  은행: "bank",
  矿业: "mining",
  礦業: "mining",
  광업: "mining",
  海运: "shipping",
  海運: "shipping",
  船务: "shipping",
  해운: "shipping",
  物流: "logistics",
  投资: "investment",
  投資: "investment",
  투자: "investment",
  建设: "construction",
  建設: "construction",
  건설: "construction",
  合作: "cooperation",
  합작: "cooperation",
  信息: "information",
  정보: "information",
  朝鲜: "korea",
  朝鮮: "korea",
  조선: "korea",
  总: "general",
  總: "general",
  총: "general",
};

/**
 * Words for the same kind of business that writers use interchangeably (KOREA DAESONG GENERAL
 * TRADING CORPORATION is written DAESONG TRADE CO): each maps to one form before comparison.
 */
const ORG_KIN: Readonly<Record<string, string>> = {
  trade: "trading",
  traders: "trading",
  industry: "industrial",
  industries: "industrial",
  intl: "international",
  tech: "technology",
  technologies: "technology",
  technological: "technology",
  enterprises: "enterprise",
  holdings: "holding",
  services: "service",
  ships: "shipping",
  // A shipping company is written SHIPPING or MARINE (MIRIM SHIPPING CO LTD, MIRIM MARINE CO).
  marine: "shipping",
  // Abbreviations of trade, shipping and customs papers (the forms of ISO 4's word list,
  // https://www.issn.org/services/online-services/access-to-the-ltwa/, and the clipped forms
  // bills of lading use: DEVT, MGMT, MACHY).
  devt: "development",
  dev: "development",
  mgmt: "management",
  mgt: "management",
  assn: "association",
  assoc: "association",
  indl: "industrial",
  engg: "engineering",
  eqpt: "equipment",
  equip: "equipment",
  machy: "machinery",
  mach: "machinery",
  invt: "investment",
  dept: "department",
  cttee: "committee",
  shpg: "shipping",
  coml: "commercial",
  comml: "commercial",
  natl: "national",
  technol: "technology",
  inst: "institute",
  mng: "mining",
  mfg: "manufacturing",
  govt: "government",
  bur: "bureau",
  mktg: "marketing",
};

/**
 * Organisation words written in Latin letters as Korean or Chinese: their English, compared as a
 * second reading of a name beside its own letters (a glued TONGBANGU'NHAENG still meets TONGBANG
 * U'NHAENG letter by letter).
 */
export const ROMANIZED_ORG_WORDS: Readonly<Record<string, string>> = {
  // The words of CJK_ORG_WORDS of two syllables or more as Latin letters write them: Korean in the
  // DPRK, McCune–Reischauer and Revised Romanization systems (CHOSON … MUYOK HOESA for KOREA …
  // TRADING CORPORATION), Chinese in Hanyu Pinyin (CHAOXIAN … MAOYI GONGSI). One-syllable words
  // (총 chong, 总 zong) are left out: they are also syllables of names (CHONG CHON GANG).
  // org-tokens.test.ts checks each against its romanization.
  jituan: "group",
  kurup: "group",
  geurup: "group",
  maoyi: "trading",
  muyok: "trading",
  muyeok: "trading",
  shangmao: "trading",
  shiye: "industrial",
  gongye: "industrial",
  paljon: "development",
  palchon: "development",
  baljeon: "development",
  fazhan: "development",
  kaifa: "development",
  kaebal: "development",
  gaebal: "development",
  guoji: "international",
  kukje: "international",
  kukche: "international",
  gukje: "international",
  keji: "technology",
  jishu: "technology",
  kisul: "technology",
  gisul: "technology",
  yinhang: "bank",
  unhaeng: "bank",
  eunhaeng: "bank",
  kuangye: "mining",
  kwangop: "mining",
  gwangeop: "mining",
  haiyun: "shipping",
  chuanwu: "shipping",
  haeun: "shipping",
  wuliu: "logistics",
  touzi: "investment",
  tuja: "investment",
  thuja: "investment",
  jianshe: "construction",
  konsol: "construction",
  geonseol: "construction",
  hezuo: "cooperation",
  hapjak: "cooperation",
  hapchak: "cooperation",
  xinxi: "information",
  jongbo: "information",
  chongbo: "information",
  jeongbo: "information",
  chaoxian: "korea",
  choson: "korea",
  joson: "korea",
  joseon: "korea",
};

/** A name's core tokens with the Korean and Chinese words of ROMANIZED_ORG_WORDS in English, or undefined when it has none. */
export function translatedOrgTokens(core: readonly string[]): string[] | undefined {
  let changed = false;
  const out = core.map((t) => {
    const e = ROMANIZED_ORG_WORDS[t];
    if (e) changed = true;
    return e ?? t;
  });
  return changed ? out : undefined;
}

const DESIGNATION = String.raw`(?:representative\s+office|rep\.?\s+office|liaison\s+office|head\s+office|branch(?:\s+office)?|office|trade\s+mission)`;
const PLACE_WORDS = String.raw`(?:[\p{L}'.]+\s+){1,2}`;
/** "Beijing Branch of X", "Shanghai Office of the X". */
const PREFIXED_BRANCH = new RegExp(
  String.raw`^${PLACE_WORDS}${DESIGNATION}\s+of\s+(?:the\s+)?(.+)$`,
  "iu",
);
/** "X, Dalian Branch", "X - Hong Kong Office", "X (Singapore Branch)", "X; Dubai Office". */
const SEPARATED_BRANCH = new RegExp(
  String.raw`^(.+?)\s*(?:,|;|\s[-–]\s|\()\s*${PLACE_WORDS}${DESIGNATION}\s*\)?$`,
  "iu",
);
/** "X (Representative Office in Nampo)", "X (Trade Mission in Beijing)". */
const OFFICE_IN_PLACE = new RegExp(
  String.raw`^(.+?)\s*\(\s*${DESIGNATION}\s+(?:in|at)\s+[^()]+\)$`,
  "iu",
);
/** "Vladivostok Office, X". */
const LEADING_BRANCH = new RegExp(String.raw`^${PLACE_WORDS}${DESIGNATION}\s*,\s*(.+)$`, "iu");
/** "X Dandong Representative Office", "X Hong Kong Branch": one or two place words, no separator. */
const TRAILING_BRANCH = /^(.+)\s+(?:representative\s+office|branch)$/iu;

/**
 * The body a branch or office name belongs to: "KOMID Dandong Representative Office", "NCG,
 * Nampo Branch", "Beijing Branch of DCB", "DCB (Trade Mission in Dubai)" → KOMID, NCG, DCB, DCB. A branch acts for its parent, so
 * screening reads it as the parent too. Without a separator the place may be one word or two,
 * so both readings are given. Empty for any other name.
 */
export function branchParents(name: string): string[] {
  const t = name.trim().replace(/\s+/g, " ");
  const out: string[] = [];
  for (const re of [PREFIXED_BRANCH, SEPARATED_BRANCH, OFFICE_IN_PLACE, LEADING_BRANCH]) {
    const m = re.exec(t);
    if (m?.[1]) out.push(m[1].trim());
  }
  const head = out.length === 0 ? TRAILING_BRANCH.exec(t)?.[1]?.split(" ") : undefined;
  if (head && head.length >= 2) out.push(head.slice(0, -1).join(" "));
  if (head && head.length >= 3) out.push(head.slice(0, -2).join(" "));
  return [...new Set(out)].filter((x) => /\p{L}/u.test(x));
}

/**
 * Legal forms that appear glued to the name (JSCARGUMENT for JSC ARGUMENT): letter sequences no
 * word of a name starts or ends with, so splitting them off cannot cut a real word.
 */
const GLUED_LEGAL_FORMS = [
  "ojsc",
  "cjsc",
  "pjsc",
  "jsc",
  "llc",
  "ltd",
  "ooo",
  "gmbh",
  "plc",
  "fzco",
  "fze",
];
const MIN_GLUED_REST = 4;

/** Longer legal forms glued after the name (SHIPPINGCOMPANY, KOTICORP, SINSMSPTE); only at the end. */
const GLUED_LEGAL_SUFFIXES = ["corporation", "company", "limited", "corp", "pte", "sarl", "too"];

/**
 * Words of a body's trade glued after its name (DAEWONINDUSTRIES, XIANGHETRADE), and number words
 * glued before a word (THIRDFLOOR): split off where the rest is a word of four letters or more.
 */
const GLUED_TRADE_WORDS = [
  "industries",
  "industrial",
  "industry",
  "trading",
  "trade",
  "shipping",
  "marine",
  "group",
  "international",
  "technology",
  "development",
  "investment",
  "engineering",
  "construction",
];
const GLUED_NUMBER_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"];

function unglueWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const end = firstGlued(GLUED_TRADE_WORDS, t, false);
    const start = firstGlued(GLUED_NUMBER_WORDS, t, true);
    if (end) out.push(t.slice(0, -end.length), end);
    else if (start) out.push(start, t.slice(start.length));
    else out.push(t);
  }
  return out;
}

/** The first of `words` that `t` starts (or ends) with, leaving four letters or more. */
function firstGlued(words: readonly string[], t: string, atStart: boolean): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (t.length >= w.length + 4 && (atStart ? t.startsWith(w) : t.endsWith(w))) return w;
  }
  return undefined;
}

function unglueLegalForm(t: string): [string, string] | undefined {
  for (const lf of GLUED_LEGAL_FORMS) {
    if (t.length < lf.length + MIN_GLUED_REST) continue;
    if (t.startsWith(lf)) return [lf, t.slice(lf.length)];
    if (t.endsWith(lf)) return [lf, t.slice(0, -lf.length)];
  }
  for (const lf of GLUED_LEGAL_SUFFIXES)
    if (t.length >= lf.length + MIN_GLUED_REST && t.endsWith(lf))
      return [lf, t.slice(0, -lf.length)];
  return undefined;
}

/**
 * A token glued to a legal form that a short form (AG, SA, CO) makes too common to split off
 * every word with (SIEMENSAG: "ag" also ends words), read against the other name's words: its
 * stem when the other name has that word (SIEMENSAG against SIEMENS AG reads SIEMENS).
 */
export function gluedLegalFormStem(t: string, words: readonly string[]): string | undefined {
  if (t.length <= MIN_GLUED_REST) return undefined;
  for (const w of words)
    if (
      w.length >= MIN_GLUED_REST &&
      t.length > w.length &&
      t.startsWith(w) &&
      LEGAL_FORM_WORDS.has(t.slice(w.length))
    )
      return w;
  return undefined;
}

/** The stem of a token that ends in a legal form word (SIEMENSAG: siemens), the stem 4+ letters. */
export function legalFormStem(t: string): string | undefined {
  for (let cut = t.length - 2; cut >= MIN_GLUED_REST; cut--)
    if (LEGAL_FORM_WORDS.has(t.slice(cut))) return t.slice(0, cut);
  return undefined;
}

export interface OrgName {
  /** Folded tokens without legal-form words. */
  core: string[];
  /** The legal-form words found (folded), for the explanation. */
  legalForms: string[];
}

/** Splits an organisation name into distinguishing tokens and legal-form words. */
export function splitOrgName(name: string): OrgName {
  let text = name.normalize("NFKC").trim();
  const legalForms: string[] = [];
  // CJK names are not space-separated: peel legal forms off the end, repeatedly (…有限公司分公司).
  for (let changed = true; changed && hasCjk(text); ) {
    changed = false;
    for (const [suffix, english] of CJK_LEGAL_SUFFIXES) {
      if (text.endsWith(suffix) && text.length > suffix.length) {
        text = text.slice(0, -suffix.length).trim();
        legalForms.unshift(english);
        changed = true;
        break;
      }
    }
  }
  const core: string[] = [];
  const tokens = numbersAsDigits(
    withoutLegalPhrases(
      cutLegalFormCompleted(unglueWords(joinInitials(tokenize(text)))),
      legalForms,
    ),
  );
  for (const t of tokens) {
    const glued = LEGAL_FORM_WORDS.has(t) ? undefined : unglueLegalForm(t);
    if (LEGAL_FORM_WORDS.has(t)) legalForms.push(t);
    else if (glued) {
      legalForms.push(glued[0]);
      core.push(ORG_KIN[glued[1]] ?? glued[1]);
    } else core.push(ORG_KIN[t] ?? t);
  }
  // A name that is nothing but legal-form words ("THE COMPANY") keeps them as its core.
  if (core.length === 0) return { core: tokenize(text), legalForms: [] };
  return { core, legalForms };
}

/**
 * Runs of single letters are one abbreviation written with dots (G.m.b.H. → gmbh, U.S. → us,
 * A.B.C. → abc): as separate tokens their order would not count.
 */
function joinInitials(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let run = "";
  const flush = () => {
    if (run) out.push(run);
    run = "";
  };
  for (const t of tokens) {
    if (t.length === 1 && /[a-z]/.test(t)) run += t;
    else {
      flush();
      out.push(t);
    }
  }
  flush();
  return out;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen",
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth",
  ].flatMap((list) => list.split(" ").map((w, i) => [w, i] as const)),
);
const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/**
 * Numbers in organisation names as digits, however written (Second Academy = 2nd Academy = 2
 * Academy, Brigade Forty-Four = Brigade 44): which number is part of which body it is.
 */
function numbersAsDigits(tokens: readonly string[]): string[] {
  const value = (t: string | undefined): number | undefined => {
    if (t === undefined) return undefined;
    const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(t);
    if (ordinal) return Number(ordinal[1]);
    if (/^\d+$/.test(t)) return Number(t);
    return NUMBER_WORDS[t];
  };
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const tens = TENS_WORDS[t];
    if (tens !== undefined) {
      const unit = value(tokens[i + 1]);
      if (unit !== undefined && unit >= 1 && unit <= 9) {
        out.push(String(tens + unit));
        i++;
      } else out.push(String(tens));
      continue;
    }
    const v = value(t);
    out.push(v === undefined ? t : String(v));
  }
  return out;
}

/** Legal-form words long enough that their first four letters or more name them. */
const LONG_LEGAL_WORDS = [
  ...new Set([...LEGAL_FORM_WORDS, ...LEGAL_FORM_PHRASES.flat()].filter((w) => w.length >= 6)),
];

/**
 * A name cut inside its last word by a field's length (TACTICAL MISSILES CORPORATION JOINT STOCK
 * COMPAN, DAESONG LIMI): a last word of four letters or more that begins a legal-form word of
 * six or more, and is none itself, is read as the shortest such word (company, limited), so the
 * legal form is set aside as it would be whole.
 */
function cutLegalFormCompleted(tokens: readonly string[]): string[] {
  const last = tokens.at(-1);
  if (tokens.length < 2 || !last || last.length < 4 || isLegalFormWord(last)) return [...tokens];
  const words = LONG_LEGAL_WORDS.filter((w) => w.length > last.length && w.startsWith(last));
  const shortest = words.sort((a, b) => a.length - b.length)[0];
  return shortest ? [...tokens.slice(0, -1), shortest] : [...tokens];
}

/** The first of LEGAL_FORM_PHRASES written at token `i`. */
function phraseAt(tokens: readonly string[], i: number): readonly string[] | undefined {
  for (let p = 0; p < LEGAL_FORM_PHRASES.length; p++) {
    const phrase = LEGAL_FORM_PHRASES[p]!;
    let k = 0;
    while (k < phrase.length && tokens[i + k] === phrase[k]) k++;
    if (k === phrase.length) return phrase;
  }
  return undefined;
}

/** Tokens with every written-out legal form taken out (and added to `legalForms`). */
function withoutLegalPhrases(tokens: readonly string[], legalForms: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const phrase = phraseAt(tokens, i);
    if (phrase) {
      legalForms.push(phrase.join(" "));
      i += phrase.length;
    } else out.push(tokens[i++]!);
  }
  return out;
}

/**
 * Acronym of an organisation name from the initials of its distinguishing words, skipping
 * function words (KOREA MINING DEVELOPMENT TRADING → KMDT). Empty for fewer than three words:
 * two-letter acronyms match too much.
 */
export function acronymOf(core: readonly string[]): string {
  const words = core.filter((w) => !["of", "the", "and", "for", "de", "la", "du"].includes(w));
  if (words.length < 3 || words.some((w) => hasCjk(w))) return "";
  return words.map((w) => w[0]).join("");
}

/**
 * The acronyms a writer may make of an organisation name: of each reading's distinguishing words
 * (`acronymOf`), and of every word as written, legal form included and numbers and bracketed
 * parts left out (OCEAN MARITIME MANAGEMENT COMPANY, LIMITED → OMMCL; HWANG GUM SAN 2 → HGS).
 */
export function acronymsOf(name: string, readings: readonly (readonly string[])[]): string[] {
  const words = foldText(name.replace(/\([^()]*\)/g, " "))
    .split(" ")
    .filter((w) => w && !/^\d/.test(w));
  const out = [
    ...readings.map(acronymOf),
    ...readings.map((r) => acronymOf(r.filter((w) => !/^\d/.test(w)))),
    acronymOf(words),
  ];
  return [...new Set(out.filter(Boolean))];
}

/** Digits that text recognition and leetspeak put for letters of the same shape (Ig0r Sech1n). */
const DIGIT_LETTERS: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "6": "g",
  "8": "b",
  "9": "g",
};

/** A word mixing letters and digits, read as letters: no name is spelled with digits. */
function digitsAsLetters(t: string): string {
  if (!/\d/.test(t) || !/[a-z]/.test(t)) return t;
  return t.replace(/\d/g, (d) => DIGIT_LETTERS[d] ?? d);
}

const PERSON_TITLES = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sheikh",
  "shaykh",
  "haji",
  "hajji",
  "mullah",
  "maulavi",
  "general",
  "gen",
  "col",
  "colonel",
  "president",
  "prasident",
  "monsieur",
  "madame",
  "shaikh",
  "sir",
]);

/**
 * Folded person-name tokens without honorifics; a word written twice in a row (Sergey Sergey
 * Shoigu) is a slip of entry and counts once.
 */
export function personTokens(name: string): string[] {
  const t = tokenize(name)
    .map(digitsAsLetters)
    .filter((x, i, all) => x !== all[i - 1]);
  const out = t.filter((x) => !PERSON_TITLES.has(x));
  return out.length > 0 ? out : t;
}
