/**
 * Which country an organisation name says it belongs to, and whether a list name names nothing
 * but a kind of state body. Every state has a ministry of defence, a central bank and a state
 * security ministry: a list name made of such words only (MINISTRY OF NATIONAL DEFENCE, the DPRK's)
 * is matched by another state's body of the same name unless the country decides. So a query that
 * names another country (Portuguese Ministry of National Defence, Ministerstwo Obrony Narodowej
 * Polski, Banca d'Italia) than the listed body's, or that names no country in another language
 * than the lists' English (Ministério da Defesa Nacional: a Portuguese writer names a foreign
 * ministry's country), is no match for it by name alone.
 *
 * Country names come from i18n-iso-countries in the EU's official languages (and English); the
 * adjectives of the EU member states and of the lists' common countries in those languages, as
 * stems (a "*" stands for up to five more letters of case and gender), are written out below
 * from the EU Interinstitutional Style Guide's list of countries, adjectives and nationalities
 * (https://publications.europa.eu/code/en/en-5000500.htm, each language version).
 */
import countries from "i18n-iso-countries";
import { lazy } from "../lazy.js";
import { foldText } from "./text.js";

/** The EU's official languages with country names in i18n-iso-countries, and English. */
const LANGUAGES = "en bg cs da de el es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv".split(
  " ",
);

/** Adjectives of nationality as stems, by ISO 3166-1 alpha-3. */
const ADJECTIVES: Readonly<Record<string, string>> = {
  PRT: "portuguese portugues* portughes* portugals* portugalsk* portugiesisch* portugai*",
  NLD: "dutch nederlands* neerlandais* neerlandes* olandes* holland* niderlandzk* nizozemsk*",
  POL: "polish polsk* polski* polonais* polaco* polacc* polnisch* polonez* polsko*",
  ITA: "italian* italien* italiano* italiana* italienisch* wlosk* italsk*",
  DEU: "german* deutsch* allemand* aleman* tedesc* niemieck* nemeck* nemsk* alema*",
  FRA: "french francais* francese* frances* franzosisch* francusk* francouzsk* francuz*",
  ESP: "spanish espagnol* espanol* spagnol* spanisch* hiszpansk* spanelsk* espanhol*",
  BEL: "belgian belge* belga* belgisch* belgijsk* belgick* belgio*",
  AUT: "austrian autrichien* austriac* osterreichisch* austriack* rakousk*",
  GRC: "greek grec* griech* grecki* greck* ellinik*",
  CZE: "czech tcheque* checo* ceco* tschechisch* czesk* cesk*",
  HUN: "hungarian hongrois* hungar* ungherese* ungarisch* wegiersk* magyar*",
  ROU: "romanian roumain* rumano* rumeno* rumanisch* rumunsk* roman*",
  SWE: "swedish suedois* sueco* svedese* schwedisch* szwedzk* svensk*",
  DNK: "danish danois* danes* danese* danisch* dunsk* dansk*",
  FIN: "finnish finlandais* finlandes* finlandese* finnisch* finsk* suomen",
  IRL: "irish irlandais* irlandes* irlandese* irisch* irlandzk*",
  GBR: "british britannique* britanic* britisch* brytyjsk* britsk*",
  USA: "american* americain* estadounidense* statunitens* amerikanisch* amerykansk* americk*",
  CHN: "chinese chinois* chino* cinese* chinesisch* chinsk* chinski*",
  RUS: "russian russe* ruso* russo* russisch* rosyjsk* rusk*",
  PRK: "korean coreen* coreano* coreana* coreeana* koreanisch* koreansk* koreai dprk rpdc kndr krld dvk",
};

const stemsOf = lazy(() => {
  const exact = new Map<string, string>();
  const stems: [string, string][] = [];
  for (const [a3, words] of Object.entries(ADJECTIVES))
    for (const w of words.split(" "))
      if (w.endsWith("*")) stems.push([w.slice(0, -1), a3]);
      else exact.set(w, a3);
  return { exact, stems };
});

/** Folded country names (one to three words) → alpha-3. */
const countryNames = lazy(() => {
  const out = new Map<string, string>();
  for (const lang of LANGUAGES)
    for (const [a2, names] of Object.entries(countries.getNames(lang, { select: "all" }))) {
      const a3 = countries.alpha2ToAlpha3(a2);
      if (!a3) continue;
      for (const n of names as string[]) {
        const f = foldText(n);
        if (f && f.split(" ").length <= 3 && f.length >= 4) out.set(f, a3);
      }
    }
  // Korea, as the lists and the languages write it with no North or South: the DPRK here.
  for (const k of ["korea", "corea", "coreia", "coree", "korei", "koreja", "korejska", "dpr korea"])
    out.set(k, "PRK");
  return out;
});

/** A folded word as an adjective of nationality (polskiego → POL), else undefined. */
function adjectiveCountry(t: string): string | undefined {
  const { exact, stems } = stemsOf();
  const e = exact.get(t);
  if (e) return e;
  for (const [stem, a3] of stems)
    if (t.startsWith(stem) && t.length - stem.length <= 5 && t.length >= 4) return a3;
  return undefined;
}

/** The countries a name's folded words name, by country name (one to three words) or adjective. */
export function countriesNamed(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  const names = countryNames();
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 3; n >= 1; n--) {
      const a3 = i + n <= tokens.length ? names.get(tokens.slice(i, i + n).join(" ")) : undefined;
      if (a3) {
        out.add(a3);
        break;
      }
    }
    // The possessive, its apostrophe folded away (North Korea's → koreas), names the country too.
    const t = tokens[i]!;
    const adj = adjectiveCountry(t) ?? (t.endsWith("s") ? names.get(t.slice(0, -1)) : undefined);
    if (adj) out.add(adj);
  }
  return out;
}

/** Words that put a country after them as the body's own (of Poland, de Portugal, van Nederland). */
const OF = new Set(
  "of the de da do das dos di del della dello van der von des du la le".split(" "),
);

/**
 * The countries a name gives its body, not its address or a branch's place: adjectives of
 * nationality anywhere (Polish, Nederlandse), and a country's name after "of" or its possessive
 * (Ministry of Defence of Poland, North Korea's), never one after a comma (X, Hong Kong) or in
 * "Singapore Branch of X".
 */
export function bodyCountries(name: string): Set<string> {
  const tokens = foldText(name.replace(/['’]s\b/giu, " s")).split(" ");
  const out = new Set<string>();
  const names = countryNames();
  for (let i = 0; i < tokens.length; i++) {
    const adj = adjectiveCountry(tokens[i]!);
    if (adj) out.add(adj);
    for (let n = 3; n >= 1; n--) {
      const a3 = i + n <= tokens.length ? names.get(tokens.slice(i, i + n).join(" ")) : undefined;
      if (a3 && (OF.has(tokens[i - 1] ?? "") || tokens[i + n] === "s")) out.add(a3);
      if (a3) break;
    }
  }
  return out;
}

/**
 * Words of the names of bodies every state has (its ministries, central bank, armed forces and
 * their kinds): a list name of these only, connectors and country words aside, names a kind of
 * state body, not one state's.
 */
const STATE_BODY_WORDS = new Set(
  [
    "ministry ministries department bureau office committee commission council agency",
    "administration directorate service general central national state federal public peoples",
    "people republic democratic bank reserve defence defense security interior foreign external",
    "affairs armed forces force army navy air staff finance justice labor labour trade industry",
    "economy treasury customs police intelligence the of and for",
  ]
    .join(" ")
    .split(" "),
);

/** Whether a list name's tokens name nothing but a kind of state body (and countries). */
export function namesStateBodyOnly(tokens: readonly string[]): boolean {
  let body = false;
  const named = countriesNamed(tokens);
  for (const t of tokens) {
    if (STATE_BODY_WORDS.has(t)) body ||= !["the", "of", "and", "for"].includes(t);
    else if (!(named.size > 0 && countriesNamed([t]).size > 0)) return false;
  }
  return body;
}
