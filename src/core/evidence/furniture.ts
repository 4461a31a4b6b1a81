/**
 * Page furniture told by the shape of its lines rather than by its words: what a page puts
 * around a report (captions above the dateline, lists of related headlines, a picture's
 * alternative text with the site's name) in any language and from any publisher.
 *
 * - **Captions above the dateline.** A report's lead opens with its dateline ("PHNOM PENH,
 *   Cambodia —", "SEOUL, Nov. 1 (UPI) --", "(서울=연합뉴스) 기자 =", "韩联社丹东5月10日电",
 *   "【据新华社4月18日电】"). A complete sentence standing alone between the headline and that
 *   lead is a picture's caption ("Waitresses at the Pyongyang Restaurant … perform a regular
 *   floor show for diners."); headlines and decks, which end in no full stop, are kept.
 * - **Runs of headlines after the body.** Once the report's running text has begun, two or more
 *   short paragraphs in a row that end no sentence are a list of related articles, a byline
 *   block or a footer ("관련 기사" and the headlines under it), not the report.
 * - **A caption in another register.** A Korean report read out in the polite register (its
 *   sentences end in -니다) sets its captions in the plain one: a paragraph of one sentence
 *   ending in a plain -다 ("…철조망을 보수하고 있다.") is a caption.
 * - **A pull quote**: a short paragraph that ends no sentence and repeats the opening words of
 *   a sentence of a paragraph near it (ten paragraphs either side), once the running text has
 *   begun.
 * - **A title with its site** ("外媒:马来西亚副总理否认… - 俄罗斯卫星通讯社", "朝鮮工人 - 俄羅斯衛星通訊社"):
 *   a short paragraph that ends in a spaced dash and a name of a few words.
 *
 * Bullets and numbered items ("• 5,000 in Vladivostok") and a table's rows ending in a figure
 * ("Russia 30,000") are never a run of headlines.
 */

type Span = { start: number; end: number };

// A paragraph that ends a sentence: a full stop, a closing quotation mark or bracket, or an
// agency's credit after the full stop ("…덧붙였다./연합").
const ENDS_SENTENCE = /(?:[.!?。！？"”’」』)）\]]|[.。]\s*\/\s*\S{1,12})\s*$/u;
const BULLET = /^\s*(?:[-•*·▪◦]|\d{1,2}[.)])\s/u;
// A row of a table ("Russia 30,000", "러시아 3만 명"): a short line ending in a figure is data,
// never a headline.
const TABLE_ROW = /\d[\d.,]*\s?(?:%|명|名|人|万|萬|만|천)?\s*$/u;
const SHORT = 200;
// Where a lead may stand (paragraph index), and how long a caption above it may be.
const LEAD_WITHIN = 8;
const CAPTION = 400;
// A paragraph long enough and complete enough to be the report's running text.
const BODY = 80;

// Datelines: a city in capitals with an optional country or second city, an optional
// date and agency in brackets, then a dash; a Korean agency's bracketed city=agency; a Chinese
// agency's "…日电".
const DATELINE = new RegExp(
  [
    String.raw`^[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .]+)?(?:\s+and\s+[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .]+)?)?\s*(?:\([^)]{1,20}\)\s*)?[—–-]{1,2}\s*\S`,
    String.raw`^[(（\[【][^()（）\[\]【】=＝]{1,12}[=＝][^()（）\[\]【】]{1,20}[)）\]】]\s*(?:\S+\s+){0,2}(?:기자|특파원)\s*=`,
    String.raw`^[(（\[【][^()（）\[\]【】=＝]{1,12}[=＝][^()（）\[\]【】]{1,20}[)）\]】]\S`,
    String.raw`^\S{2,20}\d{1,2}月\d{1,2}日(?:电|電)`,
  ].join("|"),
  "u",
);
// "Headline - Site": a spaced dash and at most three words to the end.
const TITLE_WITH_SITE = /\s[-–—|]\s+\S+(?:\s\S+){0,2}\s*$/u;

const POLITE_END = /니다\.?\s*$/u;
// A plain declarative end, and a credit in brackets after it.
const PLAIN_END = /(?<!니)다\.\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?$/u;
const KOREAN_SENTENCE_END = /[다요]\.\s+\S/u;

/** In a Korean report in the polite register (more paragraphs end in it than in the plain
 * one), the one-sentence paragraphs in the plain one. */
function plainCaptions(bodies: string[]): number[] {
  const polite = bodies.filter((b) => POLITE_END.test(b)).length;
  const plain = bodies.filter((b) => !POLITE_END.test(b) && PLAIN_END.test(b)).length;
  // Captions are few: a report with as many plain paragraphs as polite ones mixes registers.
  if (polite < 2 || plain >= polite) return [];
  return bodies.flatMap((b, i) =>
    i > 0 && !POLITE_END.test(b) && PLAIN_END.test(b) && !KOREAN_SENTENCE_END.test(b) ? [i] : [],
  );
}

// The opening words compared: enough to tell a sentence (in letters for Latin script).
const PULL_OPENING = 24;

// A pull quote sits near the sentence it repeats, in the same article.
const PULL_REACH = 10;

/** Whether paragraph i repeats the opening of a sentence of a longer paragraph near it. */
function repeatsAnother(bodies: string[], i: number): boolean {
  const opening = bodies[i]!.slice(0, PULL_OPENING).toLowerCase();
  if (opening.length < PULL_OPENING) return false;
  const last = Math.min(bodies.length - 1, i + PULL_REACH);
  for (let j = Math.max(0, i - PULL_REACH); j <= last; j++) {
    const b = bodies[j]!;
    if (j !== i && b.length > bodies[i]!.length && b.toLowerCase().includes(opening)) return true;
  }
  return false;
}

/** The indices of the paragraphs that are furniture by their shape. */
export function furnitureParagraphs(text: string, paras: Span[]): number[] {
  const bodies = paras.map((p) => text.slice(p.start, p.end).trim());
  const out = new Set<number>();
  // The lead is among a page's first paragraphs; a dateline quoted deep in a long document
  // (a report citing a wire story) marks nothing above it.
  const lead = bodies.slice(0, LEAD_WITHIN).findIndex((b) => DATELINE.test(b));
  for (let i = 1; i < lead; i++)
    if (bodies[i]!.length < CAPTION && ENDS_SENTENCE.test(bodies[i]!)) out.add(i);
  const headline = (b: string) =>
    b.length < SHORT && !ENDS_SENTENCE.test(b) && !BULLET.test(b) && !TABLE_ROW.test(b);
  let body = false;
  const flags = bodies.map((b) => {
    const flag = body && headline(b);
    if (b.length >= BODY && ENDS_SENTENCE.test(b)) body = true;
    return flag;
  });
  flags.forEach((f, i) => {
    if (f && (flags[i - 1] || flags[i + 1] || repeatsAnother(bodies, i))) out.add(i);
  });
  for (const i of plainCaptions(bodies)) out.add(i);
  bodies.forEach((b, i) => {
    if (b.length < SHORT && TITLE_WITH_SITE.test(b) && !BULLET.test(b) && !TABLE_ROW.test(b))
      out.add(i);
  });
  return [...out].sort((a, b) => a - b);
}
