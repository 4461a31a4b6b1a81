/**
 * Places named in reports, resolved through the gazetteer. Reports name cities ("Hunchun"),
 * zones ("Hunchun Border Economic Cooperation Zone"), regions ("Yanbian") and ports
 * ("Quanhe"); the crossing data knows ports. Every place therefore carries the ports it
 * covers, so a claim about a city can be set beside the records of that city's crossings.
 *
 * Precedence: a bare town name means the city here (in the port gazetteer it resolves to
 * the town's main crossing, because a port log that writes "Hunchun" means a crossing; a
 * report that writes "Hunchun" means the city).
 */
import { placeKey } from "../text.js";

/** `country`: named in reports ("in China", 中國和俄羅斯) but too wide to set beside port data;
 * a claim about a country has no place id. */
export const PLACE_KINDS = ["region", "city", "zone", "port", "country"] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface Place {
  id: string;
  kind: PlaceKind;
  name: string;
  cityIds: string[];
  portIds: string[];
}

export interface PlaceMention {
  start: number;
  end: number;
  placeId: string;
  text: string;
}

/** The gazetteer fields this module reads (data/gazetteer/*.csv). */
type Named = "id" | "name_en" | "name_zh" | "pinyin" | "name_ko";
export interface GazetteerInput {
  cities: Record<Named | "province", string>[];
  ports: Record<Named | "city_id", string>[];
  aliases: { port_id: string; alias: string }[];
}

/**
 * More names for gazetteer cities: traditional characters, the Sino-Korean readings that
 * Korean-Chinese (Yanbian) media use, and the DPRK-style spelling with initial ㄹ. The same
 * forms are listed as town names in docs/gazetteer.md ("Town names that have more than one
 * crossing") and in src/sim/data/organisations.ts.
 */
export const CITY_EXTRA_NAMES: Record<string, string[]> = {
  "cn-jl-hunchun": ["琿春", "琿春市", "혼춘", "훈춘시"],
  "cn-jl-tumen": ["圖們", "圖們市", "도문", "도문시"],
  "cn-ln-dandong": ["丹東", "丹東市", "단동", "단동시", "단둥시"],
  "cn-jl-yanji": ["연길", "연길시", "옌지시"],
  "cn-jl-helong": ["和龍", "和龍市", "화룡", "화룡시"],
  "cn-jl-longjing": ["龍井", "龍井市", "룡정", "용정", "룡정시"],
  "cn-jl-jian": ["Jian", "집안", "집안시"],
  "cn-jl-changbai": ["長白", "长白县", "장백", "장백현"],
  "cn-jl-linjiang": ["臨江", "림강"],
  "cn-ln-kuandian": ["寬甸", "관전"],
  "cn-jl-antu": ["安圖", "안도"],
  "cn-ln-shenyang": ["瀋陽", "심양", "선양시"],
  "cn-bj-beijing": ["북경"],
};

/**
 * Industrial and development zones named in the reporting (research brief §3.3): each
 * belongs to a city, and through it to that city's crossings. No coordinates are known.
 */
export const ZONES: { id: string; cityId: string; names: string[]; source: string }[] = [
  {
    id: "zone-hunchun-becz",
    cityId: "cn-jl-hunchun",
    names: [
      "Hunchun Border Economic Cooperation Zone",
      "Hunchun Border Economic Zone",
      "Hunchun BECZ",
      "珲春边境经济合作区",
      "琿春邊境經濟合作區",
      "훈춘변경경제합작구",
      "훈춘 변경경제합작구",
    ],
    source: "http://china.org.cn/top10/2011-11/10/content_23857448_10.htm (set up 1992)",
  },
  {
    id: "zone-hunchun-garment-park",
    cityId: "cn-jl-hunchun",
    names: ["Hunchun garment industrial park", "Hunchun Garment Industrial Park"],
    source: "RFA, Sep 2024 (150 of 500 workers sent there)",
  },
  {
    id: "zone-longjing-kaishantun-park",
    cityId: "cn-jl-longjing",
    names: ["Kaishantun industrial park", "Kaishantun new industrial park", "开山屯工业园区"],
    source:
      "https://nknews.org/pro/declining-chinese-border-town-eyes-north-korean-workers-for-economic-revival",
  },
];

/** Regions: a prefecture and the two provinces along the border, by their member cities. */
export const REGIONS: { id: string; names: string[]; cityIds?: string[]; province?: string }[] = [
  {
    id: "region-yanbian",
    names: [
      "Yanbian",
      "Yanbian Korean Autonomous Prefecture",
      "延边",
      "延邊",
      "延边朝鲜族自治州",
      "연변",
      "옌볜",
      "연변조선족자치주",
    ],
    // Yanbian's county-level cities and counties that appear in the gazetteer.
    cityIds: [
      "cn-jl-hunchun",
      "cn-jl-tumen",
      "cn-jl-yanji",
      "cn-jl-helong",
      "cn-jl-longjing",
      "cn-jl-antu",
    ],
  },
  {
    id: "region-jilin",
    names: ["Jilin province", "Jilin Province", "吉林省", "지린성", "길림성"],
    province: "Jilin",
  },
  {
    id: "region-liaoning",
    names: [
      "Liaoning",
      "Liaoning province",
      "辽宁",
      "遼寧",
      "辽宁省",
      "랴오닝",
      "료녕",
      "랴오닝성",
    ],
    province: "Liaoning",
  },
  {
    // Not on the China–DPRK border and not in the gazetteer: a claim about workers in Russia
    // is about no Chinese city, and must not take one from an earlier sentence.
    id: "region-russia",
    names: [
      "Russia",
      "Russian Far East",
      "Vladivostok",
      "Primorsky",
      "Khasan",
      "Moscow",
      "St. Petersburg",
      "러시아",
      "블라디보스토크",
      "연해주",
      "모스크바",
      "俄罗斯",
      "俄羅斯",
      "海参崴",
      "海參崴",
      "符拉迪沃斯托克",
      "哈桑",
      "莫斯科",
      "俄国",
      "俄國",
      // Regions and cities where the UN Panel of Experts and the press have reported North
      // Korean workers in Russia: construction, logging, fishing and farming.
      "Khabarovsk",
      "Amur",
      "Blagoveshchensk",
      "Ussuriysk",
      "Nakhodka",
      "Primorye",
      "Sakhalin",
      "Kamchatka",
      "Magadan",
      "Yakutia",
      "Yakutsk",
      "Siberia",
      "Novosibirsk",
      "Tomsk",
      "Irkutsk",
      "Krasnoyarsk",
      "Kazan",
      "Volgograd",
      "Rostov",
      "Saint Petersburg",
      "하바롭스크",
      "아무르주",
      "블라고베셴스크",
      "우수리스크",
      "나홋카",
      "사할린",
      "캄차카",
      "마가단",
      "야쿠츠크",
      "시베리아",
      "노보시비르스크",
      "톰스크",
      "이르쿠츠크",
      "크라스노야르스크",
      "카잔",
      "볼고그라드",
      "로스토프",
      "상트페테르부르크",
      "哈巴罗夫斯克",
      "哈巴羅夫斯克",
      "伯力",
      "阿穆尔州",
      "阿穆爾州",
      "海兰泡",
      "乌苏里斯克",
      "烏蘇里斯克",
      "纳霍德卡",
      "滨海边疆区",
      "濱海邊疆區",
      "萨哈林",
      "薩哈林",
      "堪察加",
      "马加丹",
      "雅库茨克",
      "西伯利亚",
      "西伯利亞",
      "新西伯利亚",
      "新西伯利亞",
      "伊尔库茨克",
      "圣彼得堡",
      "聖彼得堡",
    ],
    cityIds: [],
  },
];

/** Countries whose names must be read (a list "China and Russia" is no single place) but that
 * a claim is never placed in. */
export const COUNTRIES: { id: string; names: string[] }[] = [
  { id: "country-china", names: ["China", "中国", "中國", "중국", "中方"] },
  // Other countries that host North Korean workers: a count placed in one of them is placed
  // in a country (no place id), never in a place named elsewhere in the report.
  { id: "country-mongolia", names: ["Mongolia", "蒙古国", "蒙古國", "蒙古", "몽골"] },
  { id: "country-kuwait", names: ["Kuwait", "科威特", "쿠웨이트"] },
  { id: "country-qatar", names: ["Qatar", "卡塔尔", "卡塔爾", "카타르"] },
  { id: "country-uae", names: ["United Arab Emirates", "UAE", "阿联酋", "阿聯酋", "아랍에미리트"] },
  { id: "country-oman", names: ["Oman", "阿曼", "오만"] },
  { id: "country-poland", names: ["Poland", "波兰", "波蘭", "폴란드"] },
  { id: "country-malaysia", names: ["Malaysia", "马来西亚", "馬來西亞", "말레이시아"] },
  { id: "country-laos", names: ["Laos", "老挝", "寮國", "라오스"] },
  { id: "country-vietnam", names: ["Vietnam", "越南", "베트남"] },
  { id: "country-cambodia", names: ["Cambodia", "柬埔寨", "캄보디아"] },
  { id: "country-angola", names: ["Angola", "安哥拉", "앙골라"] },
  { id: "country-zambia", names: ["Zambia", "赞比亚", "尚比亞", "잠비아"] },
  { id: "country-senegal", names: ["Senegal", "塞内加尔", "塞內加爾", "세네갈"] },
  { id: "country-nigeria", names: ["Nigeria", "尼日利亚", "奈及利亞", "나이지리아"] },
  { id: "country-libya", names: ["Libya", "利比亚", "利比亞", "리비아"] },
];

// Port aliases too generic to find in prose (they are fine in a port log's port column).
const PROSE_STOPWORDS = new Set(
  ["friendshipbridge", "tumenriverbridge", "dandongport"].map(placeKey),
);

export interface PlaceIndex {
  places: Map<string, Place>;
  /** Any name, id or alias → place, or undefined. */
  resolve(name: string): Place | undefined;
  /** Place names in text[from, to), longest match first, no overlaps. */
  find(text: string, from?: number, to?: number): PlaceMention[];
}

const CITY_SUFFIX = /(?:朝鲜族自治县|满族自治县|自治县|市|县)$/u;

/**
 * Finders for the index's names, longest name first at each position, no overlaps. Latin names
 * start at a capitalised word and are compared by `placeKey` over up to as many words as the
 * longest name has, so separators may be written as space, hyphen or apostrophe, or left out
 * ("Ji'an", "Jian"). Han and Hangul names need no word boundary (Korean attaches particles:
 * 훈춘에서) and are compared as written, looked up by their first character. Both walk the text
 * once; one regex alternation of every name took most of the extraction time on long reports.
 */
function nameMatchers(names: [string, string][]) {
  const latinKeys = new Set<string>();
  // Keys of a name's first words ("hunchun", "hunchunborder", …): a word that starts none is
  // skipped at once.
  const latinPrefixes = new Set<string>();
  let maxWords = 1;
  const cjkByFirst = new Map<string, string[]>();
  for (const [name] of names) {
    if (/[A-Za-z]/.test(name)) {
      const key = placeKey(name);
      if (key.length < 4) continue;
      latinKeys.add(key);
      const parts = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      maxWords = Math.max(maxWords, parts.length);
      let prefix = "";
      for (const part of parts) {
        prefix += placeKey(part);
        latinPrefixes.add(prefix);
      }
    } else if (/[\p{Script=Han}\p{Script=Hangul}]/u.test(name)) {
      for (const variant of new Set([name, name.replace(/\s+/g, "")])) {
        const first = String.fromCodePoint(variant.codePointAt(0)!);
        const list = cjkByFirst.get(first) ?? [];
        list.push(variant);
        cjkByFirst.set(first, list);
      }
    }
  }
  for (const list of cjkByFirst.values()) list.sort((a, b) => b.length - a.length);

  const latin = (text: string, from: number, to: number): [number, number][] => {
    const out: [number, number][] = [];
    const word = /[\p{L}\p{N}]+/gu;
    const slice = text.slice(from, to);
    const words: [number, number][] = [];
    for (let m = word.exec(slice); m; m = word.exec(slice))
      words.push([m.index, m.index + m[0].length]);
    for (let i = 0; i < words.length; i++) {
      const [ws] = words[i]!;
      if (!/\p{Lu}/u.test(slice[ws]!)) continue;
      let key = "";
      let best = -1;
      for (let k = i; k < words.length && k < i + maxWords; k++) {
        // Words of one name are joined by at most one space, hyphen or apostrophe.
        if (k > i && !/^[\s'’-]?$/.test(slice.slice(words[k - 1]![1], words[k]![0]))) break;
        const w = slice.slice(words[k]![0], words[k]![1]);
        key += /^[A-Za-z0-9]+$/.test(w) ? w.toLowerCase() : placeKey(w);
        if (latinKeys.has(key)) best = k;
        else if (!latinPrefixes.has(key)) break;
      }
      if (best < 0) continue;
      out.push([from + ws, from + words[best]![1]]);
      i = best;
    }
    return out;
  };

  const cjk = (text: string, from: number, to: number): [number, number][] => {
    const out: [number, number][] = [];
    for (let i = from; i < to; ) {
      // Below U+1100 (Hangul Jamo) there is neither Hangul nor Han.
      if (text.charCodeAt(i) < 0x1100) {
        i++;
        continue;
      }
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      const hit = cjkByFirst.get(ch)?.find((n) => i + n.length <= to && text.startsWith(n, i));
      if (hit) {
        out.push([i, i + hit.length]);
        i += hit.length;
      } else i += ch.length;
    }
    return out;
  };

  return { latin, cjk };
}

/**
 * "Jilin Province's Hunchun", "지린성 훈춘", "辽宁省丹东": a region named just before one of its
 * own cities only says where the city is; the city is the place.
 */
function withoutEnclosingRegions(
  mentions: PlaceMention[],
  slice: string,
  from: number,
  places?: Map<string, Place>,
): PlaceMention[] {
  if (!places) return mentions;
  return mentions.filter((m, i) => {
    const next = mentions[i + 1];
    const region = places.get(m.placeId);
    if (!next || region?.kind !== "region") return true;
    const gap = slice.slice(m.end - from, next.start - from);
    const city = places.get(next.placeId);
    const inside = city?.cityIds.some((c) => region.cityIds.includes(c)) ?? false;
    return !(inside && /^(?:\s|'s|’s|的|\(.{0,12}\))*$/u.test(gap));
  });
}

export function buildPlaceIndex(g: GazetteerInput): PlaceIndex {
  const places = new Map<string, Place>();
  const byKey = new Map<string, string>();
  const names: [string, string][] = [];
  const addName = (name: string, placeId: string, override = false) => {
    const key = placeKey(name);
    if (!key || PROSE_STOPWORDS.has(key)) return;
    if (byKey.has(key) && !override) return;
    byKey.set(key, placeId);
    names.push([name, placeId]);
  };
  const portsOf = (cityIds: string[]) =>
    g.ports.filter((p) => cityIds.includes(p.city_id)).map((p) => p.id);

  const add = (place: Place, names: string[]) => {
    places.set(place.id, place);
    for (const n of names) addName(n, place.id);
  };
  const area = (id: string, kind: Place["kind"], name: string, cityIds: string[]): Place => ({
    id,
    kind,
    name,
    cityIds,
    portIds: portsOf(cityIds),
  });

  // Order sets precedence: zones, cities and regions claim their names before ports do.
  for (const z of ZONES) {
    if (g.cities.some((c) => c.id === z.cityId))
      add(area(z.id, "zone", z.names[0]!, [z.cityId]), [z.id, ...z.names]);
  }
  for (const c of g.cities) {
    const zh = c.name_zh.replace(CITY_SUFFIX, "");
    const own = [c.id, c.name_en, c.name_zh, zh, c.pinyin, c.name_ko];
    add(area(c.id, "city", c.name_en, [c.id]), [...own, ...(CITY_EXTRA_NAMES[c.id] ?? [])]);
  }
  for (const r of REGIONS) {
    const cityIds = r.cityIds ?? g.cities.filter((c) => c.province === r.province).map((c) => c.id);
    add(area(r.id, "region", r.names[0]!, cityIds), [r.id, ...r.names]);
  }
  for (const c of COUNTRIES)
    add({ id: c.id, kind: "country", name: c.names[0]!, cityIds: [], portIds: [] }, c.names);
  for (const p of g.ports) {
    const port = { ...area(p.id, "port", p.name_en, [p.city_id]), portIds: [p.id] };
    add(port, [p.id, p.name_en, p.name_zh, p.pinyin, p.name_ko]);
  }
  for (const a of g.aliases) addName(a.alias, a.port_id);

  const matchers = nameMatchers(names);
  const resolve = (name: string) => {
    const id = byKey.get(placeKey(name));
    return id ? places.get(id) : undefined;
  };

  const find = (text: string, from = 0, to = text.length): PlaceMention[] => {
    const out: PlaceMention[] = [];
    for (const [start, end] of [
      ...matchers.latin(text, from, to),
      ...matchers.cjk(text, from, to),
    ]) {
      const surface = text.slice(start, end);
      const rest = text.slice(end, Math.min(to, end + 8));
      // "Tumen River", "Yalu River", 图们江, 두만강 are rivers, not places of work.
      if (/^\s+River\b/i.test(rest) || /^(?:江|河|강)/u.test(rest)) continue;
      const id = byKey.get(placeKey(surface));
      if (!id) continue;
      // "Dandong Railway Station", 丹东火车站, 단둥역: a crossing's name before a station names
      // the city's station, not the crossing.
      const place = places.get(id);
      const station =
        place?.kind === "port" &&
        /^(?:\s+[Ss]tation\b|火?车站|火?車站|\s?역(?![가-힣]))/u.test(rest);
      const cityId = station ? place.cityIds[0] : undefined;
      out.push({ start, end, placeId: cityId && places.has(cityId) ? cityId : id, text: surface });
    }
    out.sort((a, b) => a.start - b.start);
    return withoutEnclosingRegions(out, text.slice(from, to), from, places);
  };

  return { places, resolve, find };
}
