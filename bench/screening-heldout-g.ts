/**
 * A seventh held-out family for the screening evaluation, sharing no generator with
 * bench/screening-queries.ts (tune) or the families A–F:
 *  - payment messages: a name as a SWIFT MT field carries it
 *    (https://en.wikipedia.org/wiki/SWIFT_message_types; payments translated between ISO 20022
 *    and MT are cut to MT's 35-character lines, https://en.wikipedia.org/wiki/ISO_20022): upper case, only the SWIFT "X" character set
 *    (letters, digits, / - ? : ( ) . , ' + and space; & becomes AND, other signs go), and either cut
 *    at 35 characters, or split into 35-character lines that are read back joined by a space (a
 *    word cut in two), or, for persons, the numbered name line of field 50F ("1/" + name);
 *  - persons: the comma after the given names instead of after the family name (Jong Un, KIM;
 *    Nicolas, MADURO MOROS), as forms with "first name, last name" in one box give them; Korean
 *    family names joined to the first given syllable by a hyphen (Kim-Jong Un), as some foreign
 *    registries and visas print a two-part name;
 *  - organisations translated into French or Spanish (official languages of the UN, whose
 *    documents are published in them) or German (the language of many European banks' records):
 *    the head noun and the generic words translated (BANK → Banque / Banco / Bank, TRADING → commerciale / comercial / Handels-,
 *    CORPORATION → Société / Corporación / Gesellschaft), French and Spanish putting the head first
 *    (TANCHON COMMERCIAL BANK → Banque commerciale de Tanchon), German gluing a modifier to the
 *    head (Tanchon Handelsbank);
 *  - organisations whose "HEAD of X" is written "X HEAD" (MINISTRY OF STATE SECURITY → State
 *    Security Ministry), as press copy shortens them, with Ministry or Department abbreviated
 *    (Min., Dept.) half the time;
 *  - vessels as shipping documents name them: with a prefix (M/V, MV, M.V., MT, S.S.) or the IMO
 *    number after the name (https://en.wikipedia.org/wiki/IMO_number);
 *  - negatives: real people and companies on no list, other than A–F's: South Korean people with
 *    names close to listed Korean names or from the DPRK (defectors, actors; from
 *    https://en.wikipedia.org/wiki/List_of_South_Koreans and
 *    https://en.wikipedia.org/wiki/List_of_North_Korean_defectors), Chinese people
 *    (https://en.wikipedia.org/wiki/List_of_Chinese_people), French, Spanish and German banks and
 *    shipping companies, ministries and agencies of other states, and real merchant vessels, in the
 *    forms above. A negative is dropped when one of its forms reads as a listed name (a Hangul
 *    reading of a listed name), or when its words and a listed name's words (every name and
 *    alias of both lists) are one a subset of the other (Valentina Tereshkova is in
 *    TERESHKOVA, Valentina Vladimirovna).
 * Seeded: the same lists give the same queries.
 */

import { hanToHangul } from "../src/core/names/index.js";
import { type ListEntity, splitOrgName, tokenize } from "../src/core/screening/index.js";
import {
  hangulOf,
  isKoreanNational,
  type Negative,
  standardReadings,
  variantQueries,
} from "./screening-heldout.js";
import { type EvalQuery, pick, prng } from "./screening-queries.js";

// ---- payment messages ---------------------------------------------------------------------------

const SWIFT_LINE = 35;

/** A name in the SWIFT X character set, upper case: & becomes AND, diacritics and other signs go. */
export function swiftCharset(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/&/g, " AND ")
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
}

/** The payment-message forms of a name; none when the name has no Latin letters. */
function swiftForms(name: string, person: boolean, rand: () => number): [string, string][] {
  const s = swiftCharset(name);
  if (!/[A-Z]/.test(s)) return [];
  const out: [string, string][] = [];
  if (s.length > SWIFT_LINE) {
    out.push(["SWIFT 35-character line, cut", s.slice(0, SWIFT_LINE).trim()]);
    const lines = [];
    for (let i = 0; i < s.length; i += SWIFT_LINE) lines.push(s.slice(i, i + SWIFT_LINE).trim());
    out.push(["SWIFT 35-character lines joined", lines.join(" ")]);
  } else if (person && rand() < 0.5) out.push(["SWIFT 50F name line", `1/${s}`]);
  else out.push(["SWIFT character set", s]);
  return out;
}

// ---- persons ------------------------------------------------------------------------------------

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1).toLowerCase() : s);

/** The comma after the given names: "Jong Un, KIM", "Nicolas, MADURO MOROS". */
function givenCommaFamily(name: string, korean: boolean): string | undefined {
  if (name.includes(",")) {
    const [family, given] = name.split(/,(.*)/s).map((x) => (x ?? "").trim());
    if (!family || !given) return undefined;
    return `${given}, ${family.toUpperCase()}`;
  }
  if (!korean) return undefined;
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return undefined;
  const given = words.slice(1).flatMap((w) => w.split("-"));
  return `${given.map(cap).join(" ")}, ${words[0]!.toUpperCase()}`;
}

/** Kim-Jong Un: the family name joined to the first given syllable by a hyphen. */
function familyHyphenated(name: string): string | undefined {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2 || name.includes(",")) return undefined;
  const given = words.slice(1).flatMap((w) => w.split("-"));
  if (given.length < 2) return undefined;
  return `${cap(words[0]!)}-${cap(given[0]!)} ${given.slice(1).map(cap).join(" ")}`;
}

function personVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  const korean = isKoreanNational(e) && hangulOf(name) !== undefined;
  const comma = givenCommaFamily(name, korean);
  if (comma) out.push(["given names, comma, FAMILY", comma]);
  if (korean) {
    const h = familyHyphenated(name);
    if (h) out.push(["family hyphened to the first given syllable", h]);
  }
  out.push(...swiftForms(name, true, rand));
  return out;
}

// ---- organisations: French, Spanish, German ---------------------------------------------------

type Lang = "fr" | "es" | "de";

/** Head nouns: what the body is; French and Spanish put them first. German compounds them. */
const HEADS: Record<string, Record<Lang, string>> = {
  BANK: { fr: "Banque", es: "Banco", de: "Bank" },
  CORPORATION: { fr: "Société", es: "Corporación", de: "Gesellschaft" },
  COMPANY: { fr: "Compagnie", es: "Compañía", de: "Gesellschaft" },
  CO: { fr: "Compagnie", es: "Compañía", de: "Gesellschaft" },
  BUREAU: { fr: "Bureau", es: "Oficina", de: "Büro" },
  DEPARTMENT: { fr: "Département", es: "Departamento", de: "Abteilung" },
  MINISTRY: { fr: "Ministère", es: "Ministerio", de: "Ministerium" },
  COMMITTEE: { fr: "Comité", es: "Comité", de: "Komitee" },
  GROUP: { fr: "Groupe", es: "Grupo", de: "Gruppe" },
  INSTITUTE: { fr: "Institut", es: "Instituto", de: "Institut" },
  ACADEMY: { fr: "Académie", es: "Academia", de: "Akademie" },
  ASSOCIATION: { fr: "Association", es: "Asociación", de: "Verband" },
  OFFICE: { fr: "Office", es: "Oficina", de: "Amt" },
  FACTORY: { fr: "Usine", es: "Fábrica", de: "Fabrik" },
  UNION: { fr: "Union", es: "Unión", de: "Union" },
};

/** Modifiers and generic words, translated in place. German forms are compound prefixes. */
const MODIFIERS: Record<string, Record<Lang, string>> = {
  TRADING: { fr: "commerciale", es: "comercial", de: "Handels" },
  TRADE: { fr: "commerciale", es: "comercial", de: "Handels" },
  COMMERCIAL: { fr: "commerciale", es: "comercial", de: "Handels" },
  GENERAL: { fr: "générale", es: "general", de: "General" },
  NATIONAL: { fr: "nationale", es: "nacional", de: "National" },
  INTERNATIONAL: { fr: "internationale", es: "internacional", de: "International" },
  FOREIGN: { fr: "extérieure", es: "exterior", de: "Außen" },
  CENTRAL: { fr: "centrale", es: "central", de: "Zentral" },
  MINING: { fr: "minière", es: "minera", de: "Bergbau" },
  SHIPPING: { fr: "maritime", es: "naviera", de: "Schifffahrts" },
  INDUSTRIAL: { fr: "industrielle", es: "industrial", de: "Industrie" },
  DEVELOPMENT: { fr: "de développement", es: "de desarrollo", de: "Entwicklungs" },
  INVESTMENT: { fr: "d'investissement", es: "de inversión", de: "Investitions" },
  TECHNOLOGY: { fr: "technologique", es: "tecnológica", de: "Technologie" },
  EXPORT: { fr: "d'exportation", es: "de exportación", de: "Export" },
  IMPORT: { fr: "d'importation", es: "de importación", de: "Import" },
  AND: { fr: "et", es: "y", de: "und" },
};

const PLACE_WORDS: Record<string, Record<Lang, string>> = {
  KOREA: { fr: "de Corée", es: "de Corea", de: "Korea" },
  KOREAN: { fr: "coréenne", es: "coreana", de: "Koreanische" },
  DPRK: { fr: "de la RPDC", es: "de la RPDC", de: "der DVRK" },
};

const LEGAL_TAIL = /[\s,]+(LIMITED|LTD\.?|LLC|INC\.?|JSC)\s*$/i;

/** One organisation name in French, Spanish or German; undefined when no word is translatable. */
export function translateOrg(name: string, lang: Lang): string | undefined {
  const bare = name
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .replace(LEGAL_TAIL, "")
    .trim();
  const words = bare.split(/\s+/).filter(Boolean);
  const upper = words.map((w) => w.toUpperCase().replace(/[.,]/g, ""));
  let headAt = -1;
  upper.forEach((w, i) => {
    if (HEADS[w]) headAt = i;
  });
  if (headAt < 0 || words.length < 2) return undefined;
  const head = HEADS[upper[headAt]!]![lang];
  const skip = (i: number) => /^(of|the|for)$/i.test(words[i]!);
  if (lang === "de") {
    // Words translated in place; a modifier right before the head is glued to it (Handelsbank).
    const de = words.map((w, i) =>
      skip(i)
        ? ""
        : i === headAt
          ? head
          : (MODIFIERS[upper[i]!]?.de ?? PLACE_WORDS[upper[i]!]?.de ?? w),
    );
    const before = upper[headAt - 1];
    if (before && before !== "AND" && MODIFIERS[before]) {
      de[headAt - 1] = `${de[headAt - 1]}${head.toLowerCase()}`;
      de[headAt] = "";
    }
    return de.filter(Boolean).join(" ");
  }
  // French and Spanish: the head, the modifiers, "de" and the proper name words, then the place.
  const modifiers: string[] = [];
  const proper: string[] = [];
  const places: string[] = [];
  words.forEach((w, i) => {
    if (i === headAt || skip(i)) return;
    const place = PLACE_WORDS[upper[i]!]?.[lang];
    const modifier = MODIFIERS[upper[i]!]?.[lang];
    if (place) places.push(place);
    else if (modifier) modifiers.push(modifier);
    else proper.push(w);
  });
  const agreed = FEMININE_HEADS.has(head) ? modifiers : modifiers.map((m) => masculine(m, lang));
  return [head, ...agreed, ...ofPhrase(proper, lang), ...places].join(" ");
}

/** Heads whose modifiers keep the feminine forms above. */
const FEMININE_HEADS = new Set([
  ..."Banque Société Compagnie Académie Association Union Usine".split(" "),
  ..."Corporación Compañía Oficina Academia Asociación Fábrica Unión".split(" "),
]);

/** The masculine form of a French or Spanish modifier (générale → général, minera → minero). */
function masculine(word: string, lang: Lang): string {
  if (lang === "es") return word.replace(/(er|ic|an)a$/, "$1o");
  return word
    .replace(/ale$/, "al")
    .replace(/ière$/, "ier")
    .replace(/elle$/, "el")
    .replace(/eure$/, "eur")
    .replace(/enne$/, "en");
}

/** "de Tanchon", "d'EXTERNAL"; nothing before a number (Office No. 39). */
function ofPhrase(proper: string[], lang: Lang): string[] {
  const first = proper[0];
  if (!first) return [];
  if (!/^\p{L}/u.test(first) || /^No\.?$/i.test(first)) return proper;
  if (lang === "fr" && /^[AEIOUYÀÂÉÈÊÎÔÛaeiouyàâéèêîôû]/.test(first))
    return [`d'${first}`, ...proper.slice(1)];
  return ["de", ...proper];
}

const ABBREVIATED: [RegExp, string][] = [
  [/^MINISTRY$/i, "Min."],
  [/^DEPARTMENT$/i, "Dept."],
];

/**
 * MINISTRY OF STATE SECURITY → State Security Ministry (or Min.); not when X ends in a head of its
 * own (MINISTRY OF STATE SECURITY PRISONS BUREAU is the bureau, not the ministry).
 */
function headLast(name: string, rand: () => number): string | undefined {
  const m =
    /^(MINISTRY|DEPARTMENT|BUREAU|COMMITTEE|ACADEMY|INSTITUTE|OFFICE)\s+OF\s+(?:THE\s+)?(.+)$/i.exec(
      name.replace(/\s*\([^)]*\)\s*$/, "").trim(),
    );
  if (!m) return undefined;
  const x = m[2]!.split(/\s+/);
  if (x.some((w) => HEADS[w.toUpperCase()])) return undefined;
  const upper = name === name.toUpperCase();
  let head = upper ? m[1]!.toUpperCase() : cap(m[1]!);
  if (rand() < 0.5) for (const [re, to] of ABBREVIATED) if (re.test(head)) head = to;
  return `${x.join(" ")} ${head}`;
}

const VESSEL_PREFIXES = ["M/V", "MV", "M.V.", "MT", "S.S."];

function orgVariants(name: string, e: ListEntity, rand: () => number): [string, string][] {
  const out: [string, string][] = [];
  if (!/[A-Za-z]/.test(name)) return out;
  if (e.kind === "vessel") {
    out.push(["vessel prefix", `${pick(VESSEL_PREFIXES, rand)} ${name}`]);
    const imo = e.identifiers.find((d) => /^\d{7}$/.test(d.number));
    if (imo) out.push(["vessel with its IMO number", `${name} (IMO ${imo.number})`]);
    return out;
  }
  const lang = pick(["fr", "es", "de"] as const, rand);
  const translated = translateOrg(name, lang);
  if (translated)
    out.push([
      `translated into ${lang === "fr" ? "French" : lang === "es" ? "Spanish" : "German"}`,
      translated,
    ]);
  const head = headLast(name, rand);
  if (head) out.push(["HEAD of X written X HEAD", head]);
  out.push(...swiftForms(name, false, rand));
  return out;
}

export function heldOutGQueriesFor(entities: readonly ListEntity[], seed = 8311): EvalQuery[] {
  const rand = prng(seed);
  return entities.flatMap((e) =>
    variantQueries([e], rand, {
      uses: (_, type) => type !== "original-script",
      person: personVariants,
      org: (name, r) => orgVariants(name, e, r),
    }),
  );
}

// ---- negatives ----------------------------------------------------------------------------------

/** Real South Korean people (defectors from the DPRK among them) on no list: [Hangul, family, given]. */
const KOREAN_PEOPLE: [string, string, string][] = [
  ["김종국", "Kim", "Jong-kook"],
  ["김정민", "Kim", "Jung-min"],
  ["김일우", "Kim", "Il-woo"],
  ["이일화", "Lee", "Il-hwa"],
  ["박명수", "Park", "Myung-soo"],
  ["이철수", "Lee", "Chul-soo"],
  ["김정훈", "Kim", "Jung-hoon"],
  ["최은희", "Choi", "Eun-hee"],
  ["신상옥", "Shin", "Sang-ok"],
  ["태영호", "Thae", "Yong-ho"],
  ["지성호", "Ji", "Seong-ho"],
  ["박연미", "Park", "Yeon-mi"],
  ["강철환", "Kang", "Chol-hwan"],
  ["주성하", "Joo", "Seong-ha"],
  ["안정환", "Ahn", "Jung-hwan"],
  ["이영표", "Lee", "Young-pyo"],
  ["기성용", "Ki", "Sung-yueng"],
  ["이청용", "Lee", "Chung-yong"],
  ["박주영", "Park", "Chu-young"],
  ["이운재", "Lee", "Woon-jae"],
  ["황선홍", "Hwang", "Sun-hong"],
  ["유상철", "Yoo", "Sang-chul"],
  ["손석희", "Son", "Suk-hee"],
  ["유시민", "Yoo", "Si-min"],
  ["배용준", "Bae", "Yong-joon"],
  ["최지우", "Choi", "Ji-woo"],
  ["송중기", "Song", "Joong-ki"],
  ["전도연", "Jeon", "Do-yeon"],
  ["김윤석", "Kim", "Yoon-seok"],
  ["류승룡", "Ryu", "Seung-ryong"],
  ["조진웅", "Cho", "Jin-woong"],
  ["김혜자", "Kim", "Hye-ja"],
  ["이나영", "Lee", "Na-young"],
  ["한석규", "Han", "Suk-kyu"],
  ["차승원", "Cha", "Seung-won"],
];

/** Real Chinese people on no list (other people than A–F's): [characters, family, given]. */
const CHINESE_PEOPLE: [string, string, string][] = [
  ["李政道", "Li", "Zhengdao"],
  ["丁肇中", "Ding", "Zhaozhong"],
  ["高行健", "Gao", "Xingjian"],
  ["王家卫", "Wang", "Jiawei"],
  ["成龙", "Cheng", "Long"],
  ["李连杰", "Li", "Lianjie"],
  ["周星驰", "Zhou", "Xingchi"],
  ["梁朝伟", "Liang", "Chaowei"],
  ["张曼玉", "Zhang", "Manyu"],
  ["赵薇", "Zhao", "Wei"],
  ["黄晓明", "Huang", "Xiaoming"],
  ["杨幂", "Yang", "Mi"],
  ["邓超", "Deng", "Chao"],
  ["孙俪", "Sun", "Li"],
  ["王力宏", "Wang", "Lihong"],
  ["蔡依林", "Cai", "Yilin"],
  ["林俊杰", "Lin", "Junjie"],
  ["朱镕基", "Zhu", "Rongji"],
  ["温家宝", "Wen", "Jiabao"],
  ["吴邦国", "Wu", "Bangguo"],
  ["傅莹", "Fu", "Ying"],
  ["王岐山", "Wang", "Qishan"],
  ["李小龙", "Li", "Xiaolong"],
  ["刘晓波", "Liu", "Xiaobo"],
  ["韩寒", "Han", "Han"],
];

/** Real companies, banks, public bodies and agencies on no list, many in French, Spanish or German. */
const COMPANIES = [
  "Banque de France",
  "Banque Populaire",
  "BNP Paribas",
  "Société Générale",
  "Crédit Agricole",
  "Compagnie Maritime Belge",
  "CMA CGM",
  "Compagnie Générale Maritime",
  "Banco Santander, S.A.",
  "Banco Bilbao Vizcaya Argentaria",
  "Banco de Sabadell",
  "Compañía Sud Americana de Vapores",
  "Compañía Española de Petróleos",
  "Banco do Brasil",
  "Banco Nacional de Comercio Exterior",
  "Deutsche Bank AG",
  "Commerzbank AG",
  "Deutsche Bahn AG",
  "Hapag-Lloyd Aktiengesellschaft",
  "Norddeutsche Landesbank",
  "Kreditanstalt für Wiederaufbau",
  "Deutsche Gesellschaft für Internationale Zusammenarbeit",
  "Ministry of Unification",
  "Ministry of National Defense of the Republic of Korea",
  "National Intelligence Service",
  "Korea Coast Guard",
  "Bank of Korea",
  "Korea Customs Service",
  "Ministry of Foreign Affairs of Japan",
  "Ministère de l'Europe et des Affaires étrangères",
  "Ministerio de Hacienda",
  "Bundesministerium der Finanzen",
  "Ministry of Commerce of the People's Republic of China",
  "General Administration of Customs of China",
  "Korea Maritime Institute",
  "Korea Institute for National Unification",
];

/** Real merchant vessels on no list. */
const VESSELS = [
  "EVER GIVEN",
  "MSC GULSUN",
  "HMM ALGECIRAS",
  "QUEEN MARY 2",
  "MAERSK ALABAMA",
  "COSCO SHIPPING UNIVERSE",
  "CMA CGM JACQUES SAADE",
  "HYUNDAI DREAM",
  "PAN ACACIA",
  "SINOKOR TOKYO",
];

const setOf = (s: string) => [...new Set(tokenize(s))];
const orgSetOf = (s: string) => [...new Set(splitOrgName(s).core)];

/** Listed word sets by each of their words, to test "one a subset of the other" fast. */
class ListedWords {
  private readonly byWord = new Map<string, string[][]>();
  add(words: string[]) {
    for (const w of words) {
      const list = this.byWord.get(w) ?? [];
      list.push(words);
      this.byWord.set(w, list);
    }
  }
  /**
   * Whether `words` and a listed set are one a subset of the other: equal, or the smaller of the
   * two has two words or more (a one-word listed name inside a longer name does not count).
   */
  overlaps(words: string[]): boolean {
    const mine = new Set(words);
    if (mine.size === 0) return false;
    for (const w of mine)
      for (const listed of this.byWord.get(w) ?? []) {
        const theirs = new Set(listed);
        const within = [...mine].every((x) => theirs.has(x));
        const contains = listed.every((x) => mine.has(x));
        if (within && contains) return true;
        if ((within && mine.size >= 2) || (contains && theirs.size >= 2)) return true;
      }
    return false;
  }
}

function listedWords(entities: readonly ListEntity[]) {
  const persons = new ListedWords();
  const orgs = new ListedWords();
  for (const e of entities)
    for (const n of e.names) {
      if (e.kind === "person") persons.add(setOf(n.name));
      else orgs.add(orgSetOf(n.name));
    }
  return { persons, orgs };
}

/**
 * Real people, companies, public bodies and vessels on no list, in the forms of this family;
 * dropped when a form reads as a listed name or shares its words with one (see the header).
 */
export function realNegativesG(
  entities: readonly ListEntity[],
  listedHangul: ReadonlySet<string>,
  seed = 8317,
): Negative[] {
  const rand = prng(seed);
  const listed = listedWords(entities);
  const out: Negative[] = [];
  const addPersons = (forms: string[], kind: string) => {
    if (forms.some((f) => listed.persons.overlaps(setOf(f)))) return;
    for (const f of forms) out.push({ name: f, kind, type: "person" });
  };
  for (const [native, family, given] of KOREAN_PEOPLE) {
    const spaced = given.replace(/-/g, " ");
    if ([native, ...standardReadings(`${family} ${spaced}`)].some((h) => listedHangul.has(h)))
      continue;
    addPersons(
      [
        `${spaced.split(" ").map(cap).join(" ")}, ${family.toUpperCase()}`,
        `${family}-${given.split("-").map(cap).join(" ")}`,
        `1/${swiftCharset(`${family} ${given}`)}`,
      ],
      "real Korean person (G)",
    );
  }
  for (const [native, family, given] of CHINESE_PEOPLE) {
    if (hanToHangul(native, { surname: true }).some((h) => listedHangul.has(h))) continue;
    addPersons(
      [`${given}, ${family.toUpperCase()}`, `1/${swiftCharset(`${family} ${given}`)}`, native],
      "real Chinese person (G)",
    );
  }
  const addOrg = (name: string, forms: string[], kind: string) => {
    if ([name, ...forms].some((f) => listed.orgs.overlaps(orgSetOf(f)))) return;
    for (const f of forms) out.push({ name: f, kind, type: "org" });
  };
  for (const c of COMPANIES)
    addOrg(c, [c, swiftForms(c, false, rand)[0]?.[1] ?? c], "real company or public body (G)");
  for (const v of VESSELS)
    addOrg(v, [`${pick(VESSEL_PREFIXES, rand)} ${v}`], "real merchant vessel");
  return out.filter((n, i, all) => all.findIndex((m) => m.name === n.name) === i);
}
