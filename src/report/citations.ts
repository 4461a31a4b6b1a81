/**
 * The public sources behind the citation keys ([S27]) in rule texts, alert summaries and the
 * policy notes: the report lists those its pages use. Each key is a public page, cited by the
 * address it was read at (several are mirrors or copies of the original, as their titles say).
 */
export interface CitedSource {
  key: string;
  title: string;
  url: string;
}

export const CITED_SOURCES: readonly CitedSource[] = [
  {
    key: "S1",
    title: "UNSCR 2397 op. 8 text quoted (r/internationallaw copy)",
    url: "https://lr.eu.psf.lt/r/internationallaw/comments/1dhbhz1/did_the_unsc_effectively_ban_employment_of_north",
  },
  {
    key: "S3",
    title: "ASIL, 2397",
    url: "https://asil.org/print/blogs/un-security-council-passes-resolution-increasing-sanctions-north-korea-december-22-2017",
  },
  { key: "S4", title: "ASIL, 2375", url: "https://asil.org/node/7032" },
  {
    key: "S11",
    title: "APP/Yonhap (Dec 2019)",
    url: "https://www.urdupoint.com/en/world/some-23000-n-korean-overseas-workers-sent-b-785407.html",
  },
  {
    key: "S14",
    title: "AP (Dec 2019, via aggregator)",
    url: "https://au.headtopics.com/news/un-deadline-to-send-north-korean-workers-home-likely-unmet-10245886",
  },
  {
    key: "S21",
    title: "HRNK, CECC testimony (Oct 2023)",
    url: "https://www.hrnkinsider.org/2023/10/north-korean-forced-labor-in-us-seafood.html",
  },
  {
    key: "S27",
    title: "NKNGO (Korean), China–DPRK 30-day mutual exemption for diplomatic/official passports",
    url: "https://nkngo.org/archives/106",
  },
  {
    key: "S28",
    title: "Chinese MFA list of visa-exemption agreements (mirror; <30-day stay note)",
    url: "http://www.cityofzhuhai.com/2017-12/08/c_273328.htm",
  },
  {
    key: "S32",
    title: "Daily NK (Oct 2019), 2,000 workers",
    url: "https://www.dailynk.com/english/north-korea-dispatches-2000-workers-china/",
  },
  {
    key: "S33",
    title: "Daily NK (Mar 2019), stay limits",
    url: "https://www.dailynk.com/english/chinese-authorities-place-restrictions-on-north-korean-sojourn-periods/",
  },
  {
    key: "S34",
    title: "Daily NK (Apr 2019), visa fraud",
    url: "https://www.dailynk.com/english/north-korean-workers-use-visa-fraud-to-stay-in-china/",
  },
  {
    key: "S35",
    title: "Daily NK (Jul 2019), Hunchun zone",
    url: "https://www.dailynk.com/english/north-korean-workers-avoiding-international-sanctions-while-working-in-china/",
  },
  {
    key: "S36",
    title: "Nikkei Asia (2019), interns",
    url: "https://asia.nikkei.com/Spotlight/N-Korea-at-crossroads/Sanctions-on-North-Korean-migrant-workers-undermined-by-interns",
  },
  {
    key: "S37",
    title: "RFA via American Military News (Mar 2019)",
    url: "https://americanmilitarynews.com/2019/03/north-korea-still-dispatching-workers-to-china-despite-un-sanctions/",
  },
  {
    key: "S38",
    title: "RFA (Apr 2018)",
    url: "https://www.rfa.org/english/news/korea/workers-04042018134944.html",
  },
  {
    key: "S39",
    title: "Daily NK via NK Econ Watch (2007), border pass",
    url: "https://www.nkeconwatch.com/2007/11/05/it-costs-about-300-for-a-visa-to-china/",
  },
  {
    key: "S40",
    title: "HRNK blog (Jul 2020)",
    url: "https://www.nkhiddengulag.org/blog/the-ethical-and-strategic-problem-of-north-korean-workers-abroad",
  },
  {
    key: "S43",
    title: "UPI on the PoE 2020 midterm",
    url: "https://www.upi.com/Top_News/World-News/2020/08/13/Report-North-Korea-laborers-still-deployed-overseas/6541597323178/",
  },
  {
    key: "S46",
    title: "RFA (Sep 2024)",
    url: "https://rfa.org/english/news/korea/north-korea-dispatched-workers-china-sanctions-09162024170815.html",
  },
  {
    key: "S47",
    title: "KBS citing Yomiuri (Jun 2025)",
    url: "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=194103",
  },
  {
    key: "S48",
    title: "SCMP (Oct 2018)",
    url: "https://www.scmp.com/news/china/diplomacy/article/2170266/north-korean-workers-banned-seafood-abound-chinese-county",
  },
  {
    key: "S49",
    title: "AP investigation (Oct 2017)",
    url: "https://www.scmp.com/news/china/diplomacy-defence/article/2114123/north-korean-workers-prep-seafood-china-goes-us-stores",
  },
  {
    key: "S50",
    title: "Donga Ilbo (Mar 2015)",
    url: "https://donga.com/en/article/all/20150312/410258/1",
  },
  {
    key: "S53",
    title: "Outlaw Ocean",
    url: "https://theoutlawocean.com/investigations/china-the-superpower-of-seafood/the-north-koreans-behind-global-seafood",
  },
  {
    key: "S54",
    title: "Helong unrest",
    url: "https://en.wikipedia.org/wiki/2024_Helong_North_Korean_migrant_workers_unrest",
  },
  { key: "S56", title: "Border reopening", url: "https://en.yna.co.kr/view/AEN20230828008100325" },
  {
    key: "S67",
    title: "CSIS Beyond Parallel (2024)",
    url: "https://beyondparallel.csis.org/recent-developments-along-the-china-north-korea-border/",
  },
  {
    key: "S68",
    title: "RFA (via mirror), 10,000 stranded workers to be replaced",
    url: "https://chinauncensored.eu/north-korea-will-replace-10000-workers-sent-to-china/",
  },
];

/** The citation keys of `text`, each once, in key order. */
export function citationKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const m of text.matchAll(/\[(S\d+)\]/g)) if (m[1]) keys.add(m[1]);
  return [...keys].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}
