/**
 * Given names and their nicknames and short forms (Ted / Theodore, Ben / Benjamin, Bill /
 * William), from the table of carltonnorthern/nicknames (src/core/names/data/nickname-table.ts,
 * Apache-2.0): a person named either way may be the same person, so a query's given name is read
 * as the list name's related form, at a similarity below an exact word's.
 */
import { lazy } from "../lazy.js";
import { NICKNAME_TABLE } from "../names/data/nickname-table.js";

/** What a nickname counts for against its full form: good evidence, not a spelling of it. */
export const NICKNAME_SCORE = 0.85;

/**
 * Each name with the names the table relates to it, both ways: a line's first name with each of
 * the others (not the others with each other: BILL lists WILLIAM and ROBERT, two names of its own).
 */
const related = lazy(() => {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    let s = map.get(a);
    if (!s) {
      s = new Set();
      map.set(a, s);
    }
    s.add(b);
  };
  for (const line of NICKNAME_TABLE.split("\n")) {
    const [head, ...rest] = line.split(" ");
    for (const r of rest)
      if (r !== head) {
        add(head!, r);
        add(r, head!);
      }
  }
  return map;
});

/** Whether the table relates `token` to any other name. */
export function hasNicknames(token: string): boolean {
  return related().has(token);
}

/** The names the table relates to `token` (empty when none). */
export function nicknamesOf(token: string): readonly string[] {
  const s = related().get(token);
  return s ? [...s] : [];
}

/** A query's tokens with given names replaced by the list name's related forms. */
export interface NicknameReading {
  tokens: string[];
  /** Each replacement: the query's word and the list name's. */
  replaced: [string, string][];
}

/**
 * The query's tokens with each word that the list name lacks, and whose related form it has,
 * replaced by that form (TED DOE against THEODORE DOE reads THEODORE DOE); undefined when none is.
 */
export function nicknameReading(
  query: readonly string[],
  listed: readonly string[],
): NicknameReading | undefined {
  let tokens: string[] | undefined;
  const replaced: [string, string][] = [];
  const map = related();
  for (let i = 0; i < query.length; i++) {
    const t = query[i]!;
    const forms = map.get(t);
    if (!forms || listed.includes(t)) continue;
    const form = listed.find((c) => forms.has(c) && !query.includes(c) && !tokens?.includes(c));
    if (!form) continue;
    tokens ??= query.slice();
    tokens[i] = form;
    replaced.push([t, form]);
  }
  return tokens ? { tokens, replaced } : undefined;
}
