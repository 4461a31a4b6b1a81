/**
 * An organisation's name as records write it is often followed by where it is: a street address,
 * a district and city, a country ("KOMID, Sosong District, Pyongyang"; "X Co. Ltd, Room 1203, 88
 * Zhenxing Road, Dandong"; "X (DPRK)"). Those words are no part of the name, and read as name
 * words they cost the match. `addressHeads` gives the name without them, as extra readings: the
 * query keeps its whole-name reading too, and the best reading wins, so a cut that takes a real
 * name word can only add a reading, never remove one.
 */
import { foldText } from "./text.js";

/**
 * Words of addresses (in the lists' own address fields and in Korean, Chinese and Russian
 * addresses written in Latin letters: guyok, dong, ri, lu, ul.).
 */
const ADDRESS_WORDS = new Set([
  "street",
  "st",
  "road",
  "rd",
  "avenue",
  "ave",
  "lane",
  "boulevard",
  "blvd",
  "highway",
  "square",
  "plaza",
  "district",
  "guyok",
  "kuyok",
  "dong",
  "ri",
  "gu",
  "ku",
  "kun",
  "county",
  "province",
  "prefecture",
  "oblast",
  "kray",
  "krai",
  "region",
  "city",
  "town",
  "village",
  "building",
  "bldg",
  "tower",
  "floor",
  "fl",
  "room",
  "rm",
  "unit",
  "suite",
  "box",
  "po",
  "ul",
  "ulitsa",
  "prospekt",
  "jl",
  "jalan",
  "lu",
  "jie",
  "qu",
  "zone",
  "block",
  "blk",
  "tel",
  "fax",
]);

/**
 * Places: the DPRK's capital, special cities and provincial capitals
 * (https://en.wikipedia.org/wiki/Provinces_of_North_Korea), and the cities, provinces and
 * countries most often named in the addresses of the UN and OFAC lists' DPRK-related entries.
 */
const PLACE_WORDS = new Set([
  ..."pyongyang rason rajin sonbong najin nampo nampho kaesong sinuiju kanggye hyesan hamhung hungnam chongjin wonsan haeju sariwon pyongsong songnim".split(
    " ",
  ),
  ..."dandong shenyang dalian beijing shanghai zhuhai weihai liaoning shandong jilin yanji hunchun tumen linjiang jian shenzhen guangzhou guangdong chongqing xiamen fujian nanjing jiangsu anshan hong kong kowloon macau macao taipei kaohsiung taichung tainan".split(
    " ",
  ),
  ..."moscow vladivostok nakhodka khabarovsk primorsky primorskiy primorye petersburg samara minsk ulaanbaatar".split(
    " ",
  ),
  ..."singapore bangkok hanoi haiphong kuala lumpur jakarta phnom penh vientiane manila dubai sharjah istanbul tehran damascus beirut cairo windhoek panama london berlin paris".split(
    " ",
  ),
]);

/** Countries and the words of their names, as lists and records write them. */
const COUNTRY_WORDS = new Set([
  ..."korea north south dprk kp prk dpr democratic peoples people republic of the".split(" "),
  ..."china prc chn peoples russia russian federation rus taiwan vietnam mongolia japan".split(" "),
  ..."singapore malaysia indonesia thailand cambodia laos myanmar philippines".split(" "),
  ..."united arab emirates uae iran syria egypt turkey namibia uganda angola".split(" "),
]);

const DIGIT = /\d/;

/** Whether a folded token is a place or a word of a country's name (pyongyang, dandong, korea). */
export function isPlaceWord(t: string): boolean {
  return PLACE_WORDS.has(t) || COUNTRY_WORDS.has(t);
}

/** Whether every folded token of `tail` is a place, a country word, or an address word, or it holds a number. */
function isAddressTail(tokens: readonly string[]): boolean {
  if (tokens.length === 0) return false;
  if (tokens.some((t) => DIGIT.test(t) || ADDRESS_WORDS.has(t))) return true;
  return tokens.every((t) => PLACE_WORDS.has(t) || COUNTRY_WORDS.has(t));
}

/** A separator before an address: comma, semicolon, colon, slash, bracket or a spaced dash. */
const SEPARATOR = /\s*(?:[,;:/([]|\s[-–—]\s)\s*/gu;

/** A reading of the name without its address; `separated`: cut at a separator, not guessed between words. */
export interface AddressHead {
  text: string;
  separated: boolean;
}

/** At most this many heads per name: each is scored against every candidate. */
const MAX_HEADS = 4;

/** Where an address starts inside a run of words: an address word, a long number, or No. 16. */
function startsAddress(folded: readonly string[][], i: number): boolean {
  return folded[i]!.some(
    (t, j) =>
      ADDRESS_WORDS.has(t) ||
      /\d{3,}/.test(t) ||
      (t === "no" && DIGIT.test(folded[i]![j + 1] ?? folded[i + 1]?.[0] ?? "")),
  );
}

/** Whether a head still names something: a word that is not a place, a country or a connector. */
function namesSomething(head: string): boolean {
  const tokens = foldText(head).split(" ");
  return tokens.some((t) => t.length >= 2 && !PLACE_WORDS.has(t) && !COUNTRY_WORDS.has(t));
}

/**
 * The name without a trailing address, place or country part: cut at the first separator whose
 * tail reads as one, then (or with no separator) before the first address word or long number,
 * keeping up to two place words before it ("KOMID Sosong District" → KOMID Sosong, KOMID), or
 * before a run of place and country words at the end when two words or more are left. Empty when
 * the name has no such part.
 */
export function addressHeads(name: string): AddressHead[] {
  const text = name.normalize("NFKC").trim();
  // Most names have none of it: one fold of the whole name says so.
  const all = foldText(text).split(" ");
  const last = all.at(-1) ?? "";
  if (
    !all.some((t) => DIGIT.test(t) || ADDRESS_WORDS.has(t)) &&
    !PLACE_WORDS.has(last) &&
    !COUNTRY_WORDS.has(last)
  )
    return [];
  let head = text;
  let separated = false;
  for (const m of text.matchAll(SEPARATOR)) {
    if (m.index === 0) continue;
    const tail = foldText(text.slice(m.index + m[0].length));
    if (isAddressTail(tail ? tail.split(" ") : [])) {
      head = text.slice(0, m.index);
      separated = true;
      break;
    }
  }
  const trim = (h: string) => h.replace(/[\s,;:/([–—-]+$/u, "").trim();
  const heads = [
    { text: trim(head), separated },
    ...unseparatedHeads(head).map((h) => ({ text: trim(h), separated: false })),
  ];
  const seen = new Set<string>([text]);
  return heads
    .filter((h) => {
      if (!h.text || seen.has(h.text) || !namesSomething(h.text)) return false;
      seen.add(h.text);
      return true;
    })
    .slice(0, MAX_HEADS);
}

/** "Shenyang: X", "Pyongyang-based X", "Dandong based X": a place written before the name. */
const LEADING_PLACE = /^([\p{L}'. ]+?)(?:\s*:\s*|-based\s+|\s+based\s+)(.+)$/u;

/**
 * The name after a leading place: one or two words before "-based", or places and countries
 * before a colon; undefined when the name starts with none.
 */
export function leadingPlaceHead(name: string): string | undefined {
  const m = LEADING_PLACE.exec(name.normalize("NFKC").trim());
  if (!m) return undefined;
  const place = foldText(m[1]!).split(" ");
  const colon = !/based\s/iu.test(name.slice(m[1]!.length, m[1]!.length + 8));
  const isPlace = colon
    ? place.every((t) => PLACE_WORDS.has(t) || COUNTRY_WORDS.has(t))
    : place.length <= 2;
  return isPlace && namesSomething(m[2]!) ? m[2]!.trim() : undefined;
}

/** Heads of a name whose address follows with no separator. */
function unseparatedHeads(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const folded = words.map((w) => foldText(w).split(" ").filter(Boolean));
  const out: string[] = [];
  let first = -1;
  for (let i = 1; i < words.length && first < 0; i++) if (startsAddress(folded, i)) first = i;
  if (first >= 1)
    for (let cut = first; cut >= Math.max(1, first - 2); cut--)
      out.push(words.slice(0, cut).join(" "));
  let end = words.length;
  while (end > 1 && folded[end - 1]!.every((t) => PLACE_WORDS.has(t) || COUNTRY_WORDS.has(t)))
    end--;
  // One word left (MARITIME of the DPRK) is too little to be read as a name without the rest.
  if (end < words.length && end >= 2) out.push(words.slice(0, end).join(" "));
  return out;
}
