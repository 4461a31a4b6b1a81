/**
 * Clauses of a sentence, per language, as UTF-16 index ranges. A count's place, period and
 * subject are read in its own clause first (claim-context.ts), so that in "Some 500 work in
 * Dandong, while 300 more were sent to Russia in 2019" the 500 is neither in Russia nor of 2019.
 *
 * - English: a clause ends at a semicolon, before a comma that opens a relative or
 *   contrastive clause (", which", ", who", ", while", ", but", ", although") or a
 *   coordinated clause with its own subject (", and the workers", ", and they"), and around
 *   an attribution ("according to …,"). Other commas separate list items and appositions.
 * - Chinese: at every comma and semicolon (，,；;、 between clauses is a list, not a break).
 * - Korean: at commas, after a connective ending (-고, -며, -는데, -지만, -으나, -면서) and after
 *   a quote ending (-다고, -라고: what was said ends where the speaker's verb begins).
 */

// English boundaries: each match's index is where the next clause starts (after the comma).
const EN_BREAK =
  /;|,(?=\s+(?:which|who|whom|whose|where|while|whereas|but|although|though|yet)\b)|,(?=\s+and\s+(?:the|a|an|this|these|those|they|he|she|it|we|some|many|most|another|about|around|nearly|over|more|\d)\b)|,?(?=\s+according\s+to\b)/gi;
// "According to X, …": the attribution opening a sentence is a clause up to its comma.
const EN_OPENING_ATTRIBUTION = /^according\s+to\b[^,;]{0,80},/i;
const ZH_BREAK = /[,，;；]/gu;
// A Korean connective or quote ending closes its clause at the space after it. "-고 있다",
// "-고 싶다" are one verb ("고용하고 있다"), not a break.
const KO_BREAK =
  /[,，;；]|(?<=[가-힣](?:지만|는데|은데|으나|면서|으며|하며|이며|했고|였고|었고|았고|하고|되고|다고|라고))\s(?!있|싶|말|나서|난\s)/gu;

/** Clause breaks inside [segStart, segEnd): where each clause before a break ends and where the
 * next one starts (after the separator). */
function clauseBreaks(
  text: string,
  segStart: number,
  segEnd: number,
): { end: number; next: number }[] {
  const sentence = text.slice(segStart, segEnd);
  const hangul = /\p{Script=Hangul}/u.test(sentence);
  const han = /\p{Script=Han}/u.test(sentence);
  const out: { end: number; next: number }[] = [];
  if (!hangul && !han) {
    const opening = EN_OPENING_ATTRIBUTION.exec(sentence);
    if (opening)
      out.push({ end: segStart + opening[0].length - 1, next: segStart + opening[0].length });
  }
  const re = hangul ? KO_BREAK : han ? ZH_BREAK : EN_BREAK;
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (m[0] === "") re.lastIndex++;
    out.push({ end: segStart + m.index, next: segStart + m.index + m[0].length });
  }
  return out.sort((x, y) => x.next - y.next);
}

/** The clause of `text` around [start, end) inside the sentence [segStart, segEnd). */
export function clauseAround(
  text: string,
  start: number,
  end: number,
  segStart: number,
  segEnd: number,
): [number, number] {
  let a = segStart;
  let b = segEnd;
  for (const br of clauseBreaks(text, segStart, segEnd)) {
    if (br.next <= start) a = br.next;
    else if (br.end >= end) {
      b = br.end;
      break;
    }
  }
  return [a, b];
}
