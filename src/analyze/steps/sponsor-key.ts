/**
 * SQL: a sponsor spelling reduced to what survives a change of case, spaces, punctuation and
 * legal form (Chinese, Korean and English company suffixes): the key the cohort step matches
 * stragglers' sponsors on and the sponsors table groups spellings by. '' when nothing is left.
 */
export function sponsorKeySql(sponsor: string): string {
  return `regexp_replace(regexp_replace(lower(${sponsor}),
  '(co\\.?,?\\s*ltd\\.?|company limited|limited|co ltd|有限公司|유한회사|公司|회사)', '', 'g'), '[^\\p{L}\\p{N}]', '', 'g')`;
}
