/**
 * How each port authority writes a crossing down. Every source has habits — a language for
 * directions and purposes, a timestamp format, a way of writing names, a usual alias for its
 * port, how it writes sponsors — and departs from them at the configured noise rates. This is
 * where one true crossing becomes the row a monitor would receive.
 */
import { CONTRACT_COLUMNS, type ContractColumn } from "../core/crossing.js";
import { formatTime, type TimeFormat } from "./calendar.js";
import type { Crossing, Organisation, Person, Purpose } from "./model.js";
import { misspell, NAME_STYLES, type NameStyle, type RenderedName, renderName } from "./names.js";
import type { Params } from "./params.js";
import type { PortAliases } from "./ports.js";
import { type Rng, WeightedPicker } from "./rng.js";

/** The contract's columns, with the dataset label second as port logs usually write it. */
export const CROSSING_COLUMNS: readonly ContractColumn[] = [
  "record_id",
  "source",
  ...CONTRACT_COLUMNS.filter((c) => c !== "record_id" && c !== "source"),
];

type Lang = "zh" | "en" | "ko";

/** Which fields a name goes into: family + given in one style, full name in another (or none). */
interface NameLayout {
  split: NameStyle | null;
  full: NameStyle | null;
}

type SponsorStyle = "zh" | "zh-short" | "en" | "en-upper" | "ko" | "blank";

export interface SourceProfile {
  id: string;
  lang: Lang;
  idPrefix: string;
  /** Direction words, usual pair first. */
  directions: [string, string][];
  /** Timestamp formats, usual first. */
  timeFormats: TimeFormat[];
  /** Name layouts, usual first. */
  names: NameLayout[];
  sponsors: { style: SponsorStyle; weight: number }[];
  /** Share of rows where the source itself leaves birth_date / sex / purpose blank. */
  birthBlank: number;
  sexBlank: number;
  purposeBlank: number;
  /** Share of labour-team crossings whose manifest number the log records as group_id. */
  manifestRate: number;
}

const DIRECTION_PAIRS: Record<string, [string, string]> = {
  en: ["entry", "exit"],
  io: ["in", "out"],
  ad: ["arrival", "departure"],
  zh: ["入境", "出境"],
  ko: ["입국", "출국"],
};

const L = (split: NameStyle | null, full: NameStyle | null): NameLayout => ({ split, full });

/** The port authorities (one dataset label each). */
export const SOURCES: Record<string, SourceProfile> = {
  "hunchun-quanhe-bi": {
    id: "hunchun-quanhe-bi",
    lang: "zh",
    idPrefix: "QH",
    directions: [DIRECTION_PAIRS.zh!, DIRECTION_PAIRS.en!, DIRECTION_PAIRS.io!],
    timeFormats: ["local", "iso", "date"],
    names: [
      L("passport", "han"),
      L("pinyin", "han"),
      L("run-together", null),
      L(null, "han"),
      L("hangul", null),
    ],
    sponsors: [
      { style: "zh", weight: 6 },
      { style: "zh-short", weight: 2 },
      { style: "blank", weight: 2 },
    ],
    birthBlank: 0.01,
    sexBlank: 0.02,
    purposeBlank: 0.2,
    manifestRate: 0.3,
  },
  "hunchun-shatuozi-bi": {
    id: "hunchun-shatuozi-bi",
    lang: "zh",
    idPrefix: "STZ",
    directions: [DIRECTION_PAIRS.zh!, DIRECTION_PAIRS.io!],
    timeFormats: ["local", "date"],
    names: [L(null, "han"), L("pinyin", null), L("passport", "han")],
    sponsors: [
      { style: "zh-short", weight: 5 },
      { style: "zh", weight: 3 },
      { style: "blank", weight: 2 },
    ],
    birthBlank: 0.05,
    sexBlank: 0.05,
    purposeBlank: 0.4,
    manifestRate: 0,
  },
  "tumen-bi": {
    id: "tumen-bi",
    lang: "ko",
    idPrefix: "TM",
    directions: [DIRECTION_PAIRS.ko!, DIRECTION_PAIRS.zh!],
    timeFormats: ["local", "iso"],
    names: [L("hangul", "hangul"), L("han", null), L("passport", "hangul"), L(null, "mr-plain")],
    sponsors: [
      { style: "ko", weight: 5 },
      { style: "zh", weight: 3 },
      { style: "blank", weight: 2 },
    ],
    birthBlank: 0.03,
    sexBlank: 0.02,
    purposeBlank: 0.3,
    manifestRate: 0.1,
  },
  "helong-nanping-bi": {
    id: "helong-nanping-bi",
    lang: "zh",
    idPrefix: "NP",
    directions: [DIRECTION_PAIRS.zh!, DIRECTION_PAIRS.ko!],
    timeFormats: ["date", "local"],
    names: [L(null, "han"), L("pinyin", "han"), L("passport", null), L("hangul", null)],
    sponsors: [
      { style: "zh", weight: 4 },
      { style: "ko", weight: 2 },
      { style: "blank", weight: 4 },
    ],
    birthBlank: 0.1,
    sexBlank: 0.05,
    purposeBlank: 0.5,
    manifestRate: 0,
  },
  "longjing-sanhe-bi": {
    id: "longjing-sanhe-bi",
    lang: "ko",
    idPrefix: "SH",
    directions: [DIRECTION_PAIRS.ko!, DIRECTION_PAIRS.en!],
    timeFormats: ["local", "date"],
    names: [L("hangul", null), L(null, "hangul"), L("han", "han"), L("rr", null)],
    sponsors: [
      { style: "ko", weight: 6 },
      { style: "blank", weight: 4 },
    ],
    birthBlank: 0.05,
    sexBlank: 0.05,
    purposeBlank: 0.3,
    manifestRate: 0,
  },
  "dandong-bi": {
    id: "dandong-bi",
    lang: "en",
    idPrefix: "DD",
    directions: [DIRECTION_PAIRS.en!, DIRECTION_PAIRS.io!, DIRECTION_PAIRS.zh!],
    timeFormats: ["iso", "local"],
    names: [
      L("passport", null),
      L("passport", "han"),
      L("rr", null),
      L(null, "mr"),
      L(null, "mr-plain"),
      L(null, "ala-lc"),
      L(null, "western"),
      L("dprk", null),
    ],
    sponsors: [
      { style: "en", weight: 4 },
      { style: "en-upper", weight: 3 },
      { style: "zh", weight: 2 },
      { style: "blank", weight: 1 },
    ],
    birthBlank: 0.02,
    sexBlank: 0.01,
    purposeBlank: 0.1,
    manifestRate: 0.4,
  },
  "jian-bi": {
    id: "jian-bi",
    lang: "en",
    idPrefix: "JA",
    directions: [DIRECTION_PAIRS.ad!, DIRECTION_PAIRS.zh!],
    timeFormats: ["date", "local"],
    names: [L(null, "mr"), L(null, "western"), L("passport", null), L(null, "han")],
    sponsors: [
      { style: "en", weight: 5 },
      { style: "blank", weight: 5 },
    ],
    birthBlank: 0.2,
    sexBlank: 0.1,
    purposeBlank: 0.5,
    manifestRate: 0,
  },
  "changbai-bi": {
    id: "changbai-bi",
    lang: "zh",
    idPrefix: "CB",
    directions: [DIRECTION_PAIRS.zh!, DIRECTION_PAIRS.ad!],
    timeFormats: ["local", "iso", "date"],
    names: [L("pinyin", "han"), L(null, "han"), L("hangul", "han")],
    sponsors: [
      { style: "zh", weight: 5 },
      { style: "blank", weight: 5 },
    ],
    birthBlank: 0.08,
    sexBlank: 0.05,
    purposeBlank: 0.4,
    manifestRate: 0,
  },
};

const PURPOSE_TEXT: Record<Purpose, Record<Lang, string>> = {
  official: { zh: "公务", en: "official business", ko: "공무" },
  business: { zh: "商务", en: "business", ko: "상무" },
  training: { zh: "研修", en: "training", ko: "연수" },
  visit: { zh: "访问", en: "visit", ko: "방문" },
  work: { zh: "工作", en: "employment", ko: "로동" },
  tourism: { zh: "旅游", en: "tourism", ko: "관광" },
  transport: { zh: "运输", en: "transport", ko: "운수" },
  trade: { zh: "贸易", en: "trade", ko: "무역" },
  study: { zh: "学习", en: "study", ko: "류학" },
  family: { zh: "探亲", en: "family visit", ko: "친척방문" },
};

export interface SourceRenderer {
  profile: SourceProfile;
  sponsorPicker: WeightedPicker<SponsorStyle>;
  nextId: number;
  nextReexportId: number;
  /** Position of the source in the renderer's list (keys the per-person name cache). */
  index: number;
}

const MIXED_SPONSOR_STYLES: readonly SponsorStyle[] = ["zh", "zh-short", "en", "en-upper", "ko"];

function sponsorText(org: Organisation, style: SponsorStyle): string {
  switch (style) {
    case "zh":
      return org.nameZh;
    case "zh-short":
      return org.nameZhShort;
    case "en":
      return org.nameEn;
    case "en-upper":
      return org.nameEn.toUpperCase().replace(/[.,]/g, "");
    case "ko":
      return org.nameKo;
    default:
      return "";
  }
}

/** A rendered row plus what the truth needs to know about it. */
export interface RenderedRow {
  source: string;
  recordId: string;
  line: string;
}

export interface RenderStats {
  docTypos: number;
  nameTypos: number;
  renderedRows: number;
}

/** Quotes a CSV field only when it must (RFC 4180). */
export function csvField(value: string): string {
  if (value === "") return value;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

function mistypeDoc(rng: Rng, doc: string): string {
  const chars = doc.split("");
  // Only the digits are mistyped; letter prefixes are printed, not keyed.
  const digits = chars.flatMap((c, i) => (c >= "0" && c <= "9" ? [i] : []));
  if (digits.length < 2) return doc;
  const i = rng.pick(digits);
  if (rng.chance(0.5) && digits.includes(i + 1) && chars[i] !== chars[i + 1]) {
    const a = chars[i]!;
    chars[i] = chars[i + 1]!;
    chars[i + 1] = a;
  } else {
    chars[i] = String((Number(chars[i]) + rng.int(1, 9)) % 10);
  }
  return chars.join("");
}

interface EscapedAliases {
  usual: string;
  all: string[];
}

export class RowRenderer {
  readonly stats: RenderStats = { docTypos: 0, nameTypos: 0, renderedRows: 0 };
  private readonly renderers: SourceRenderer[];
  private readonly aliases: EscapedAliases[];
  private readonly sponsors = new Map<Organisation, Map<SponsorStyle, string>>();
  private readonly purposes: Record<Lang, Record<Purpose, string>>;

  constructor(
    private readonly params: Params,
    portSources: readonly string[],
    aliases: PortAliases[],
  ) {
    this.aliases = aliases.map((a) => ({ usual: csvField(a.usual), all: a.all.map(csvField) }));
    this.purposes = { zh: {}, en: {}, ko: {} } as Record<Lang, Record<Purpose, string>>;
    for (const [purpose, text] of Object.entries(PURPOSE_TEXT)) {
      for (const lang of ["zh", "en", "ko"] as const) {
        this.purposes[lang][purpose as Purpose] = csvField(text[lang]);
      }
    }
    const bySource = new Map<string, SourceRenderer>();
    this.renderers = portSources.map((sourceId) => {
      // Ports that share a source share its id counters.
      const shared = bySource.get(sourceId);
      if (shared) return shared;
      const profile = SOURCES[sourceId];
      if (!profile) throw new Error(`no source profile ${sourceId}`);
      const r: SourceRenderer = {
        profile,
        sponsorPicker: new WeightedPicker(
          profile.sponsors.map((s) => s.style),
          profile.sponsors.map((s) => s.weight),
        ),
        nextId: 1,
        nextReexportId: 1,
        index: bySource.size,
      };
      bySource.set(sourceId, r);
      return r;
    });
  }

  private sponsor(org: Organisation, style: SponsorStyle): string {
    let byStyle = this.sponsors.get(org);
    if (!byStyle) {
      byStyle = new Map();
      this.sponsors.set(org, byStyle);
    }
    let text = byStyle.get(style);
    if (text === undefined) {
      text = csvField(sponsorText(org, style));
      byStyle.set(style, text);
    }
    return text;
  }

  /** The source's habit, or with `sponsor.mixed` a style drawn per record whatever the source. */
  private sponsorStyle(rng: Rng, src: SourceRenderer): SponsorStyle {
    const mixed = this.params["sponsor.mixed"] as number;
    if (mixed === 0) return src.sponsorPicker.pick(rng);
    if (rng.chance(this.params["sponsor.blankShare"] as number)) return "blank";
    if (mixed === 1) return rng.chance(this.params["sponsor.englishShare"] as number) ? "en" : "zh";
    return rng.pick(MIXED_SPONSOR_STYLES);
  }

  /** The three name fields (family, given, full), CSV-escaped and comma-joined; `layoutIndex`
   * −1 is a layout in any style (noise.anyNameStyle), drawn here and not cached. */
  private nameFields(rng: Rng, person: Person, src: SourceRenderer, layoutIndex: number): string {
    const prof = src.profile;
    const layout =
      layoutIndex < 0
        ? L(rng.chance(0.3) ? null : rng.pick(NAME_STYLES), rng.pick(NAME_STYLES))
        : prof.names[layoutIndex]!;
    const typo = rng.chance(this.params["noise.nameTypo"] as number);
    const cacheable = !typo && layoutIndex >= 0;
    const key = src.index * 16 + layoutIndex;
    if (cacheable) {
      const cached = person.nameCache?.get(key);
      if (cached !== undefined) return cached;
    }
    let split: RenderedName | null = layout.split ? renderName(person.name, layout.split) : null;
    let full = layout.full ? renderName(person.name, layout.full).full : "";
    if (typo) {
      this.stats.nameTypos += 1;
      const which = rng.int(0, split ? 2 : 0);
      if (which === 0 && full) full = misspell(rng, full);
      else if (split && (which === 1 || !full))
        split = { ...split, family: misspell(rng, split.family) };
      else if (split) split = { ...split, given: misspell(rng, split.given) };
    }
    const text = `${csvField(split?.family ?? "")},${csvField(split?.given ?? "")},${csvField(full)}`;
    if (cacheable) {
      if (!person.nameCache) person.nameCache = new Map();
      person.nameCache.set(key, text);
    }
    return text;
  }

  /** Renders one crossing as a CSV line (without newline). `reexport` draws a new id series. */
  render(rng: Rng, c: Crossing, reexport: boolean): RenderedRow {
    const p = this.params;
    const src = this.renderers[c.port]!;
    const prof = src.profile;
    const person = c.person;
    this.stats.renderedRows += 1;

    const recordId = reexport
      ? `${prof.idPrefix}R${String(src.nextReexportId++).padStart(8, "0")}`
      : `${prof.idPrefix}${String(src.nextId++).padStart(10, "0")}`;

    const tf = rng.chance(p["noise.timeFormatMix"] as number)
      ? rng.pick(prof.timeFormats)
      : prof.timeFormats[0]!;
    const dirs = rng.chance(p["noise.directionMix"] as number)
      ? rng.pick(prof.directions)
      : prof.directions[0]!;
    const aliases = this.aliases[c.port]!;
    const port = rng.chance(p["noise.portAliasMix"] as number)
      ? rng.pick(aliases.all)
      : aliases.usual;

    const day = Math.floor(c.t / 1440);
    let doc =
      day >= person.renewalDay && person.docs.length > 1 ? person.docs[1]! : person.docs[0]!;
    if (rng.chance(p["noise.docTypo"] as number)) {
      const typo = mistypeDoc(rng, doc);
      if (typo !== doc) this.stats.docTypos += 1;
      doc = typo;
    }

    const anyStyle = p["noise.anyNameStyle"] as number;
    const layoutIndex =
      anyStyle > 0 && rng.chance(anyStyle)
        ? -1
        : rng.chance(p["noise.nameStyleMix"] as number)
          ? rng.int(0, prof.names.length - 1)
          : 0;
    const names = this.nameFields(rng, person, src, layoutIndex);

    const birthBlank =
      rng.chance(prof.birthBlank) || rng.chance(p["noise.missingBirthDate"] as number);
    const sexBlank = rng.chance(prof.sexBlank);
    const purposeBlank = rng.chance(prof.purposeBlank);
    const sponsor = person.employer
      ? this.sponsor(person.employer, this.sponsorStyle(rng, src))
      : "";
    const group =
      c.group !== "" && (c.groupAlways || hashChance(c.group, prof.manifestRate)) ? c.group : "";

    // Only names, port, purpose and sponsor can hold commas or quotes; they are escaped above.
    const line = `${recordId},${prof.id},${formatTime(c.t, tf)},${c.exit ? dirs[1] : dirs[0]},${port},${person.nationality},${doc},${person.docType},${names},${birthBlank ? "" : person.birthDate},${sexBlank ? "" : person.sex},${person.visaType},${purposeBlank ? "" : this.purposes[prof.lang][person.purpose]},${sponsor},${group}`;
    return { source: prof.id, recordId, line };
  }
}

/** A decision that is the same for every member of one team crossing (keyed by its manifest). */
function hashChance(key: string, p: number): boolean {
  if (p <= 0) return false;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4294967296 < p;
}
