/**
 * Masked answers of the browsing reads (alert pages, person searches and details, one alert, a
 * port's persons, a cohort) and of the whole-store views (overview, cohorts, sponsors, network,
 * presence, lists: kept-views.ts keeps their objects), kept as their JSON text until the store's
 * data changes: 20 users paging the same alert queue or opening the same person then cost DuckDB
 * and JSON.stringify nothing after the first, and a view of a megabyte is not serialised again. Only masked answers are kept, and a masked answer is the same for
 * every role, so the key is the route with its validated parameters and query. Unmasked reads are
 * never kept: each is checked against its grant and logged.
 *
 * Each answer is kept under a kind: `browse` (alert pages, persons, one alert, a cohort, a
 * port's persons) or `view` (the whole-store views). Every write that changes what the browsing
 * reads show — a review, a case, a job that rewrites the analysis — empties both kinds (the
 * context's `write`, and `refreshAfterJob` in serve.ts); a job that leaves the analysis as it was
 * (an ingest: browsing reads the read tables that analyze writes) empties only the views;
 * logins, tokens and audit entries empty nothing. An answer computed while its kind was emptied
 * is handed to its caller but not kept; concurrent asks for the same key share one computation.
 * Past the byte budget the least recently used answers go first.
 */

/** The key of a route's kept answer: the route with its validated path parameters and query. */
export function answerKey(route: string, params: unknown, query: unknown): string {
  return JSON.stringify([route, params, query]);
}

export const ANSWER_KINDS = ["browse", "view"] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

interface Entry {
  text: Promise<string>;
  bytes: number;
  kind: AnswerKind;
}

/** Bytes of JSON text kept (about 2 000 person details). */
const DEFAULT_BUDGET = 64 * 1024 * 1024;

export class ResponseCache {
  private readonly generations: Record<AnswerKind, number> = { browse: 0, view: 0 };
  private bytes = 0;
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly budget: number = DEFAULT_BUDGET) {}

  /** The kept answer for `key`, or `compute`'s, kept as `kind`. */
  get(key: string, compute: () => Promise<string>, kind: AnswerKind = "browse"): Promise<string> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last: the Map's order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.text;
    }
    const generation = this.generations[kind];
    const entry: Entry = { text: compute(), bytes: 0, kind };
    this.entries.set(key, entry);
    const forget = () => {
      if (this.entries.get(key) === entry) {
        this.entries.delete(key);
        this.bytes -= entry.bytes;
      }
    };
    entry.text.then((text) => {
      if (this.generations[kind] !== generation || this.entries.get(key) !== entry) return forget();
      entry.bytes = text.length;
      this.bytes += entry.bytes;
      this.evict();
    }, forget);
    return entry.text;
  }

  /** Forgets the answers of `kinds` (all by default): what they show changed. */
  invalidate(kinds: readonly AnswerKind[] = ANSWER_KINDS): void {
    for (const kind of kinds) this.generations[kind]++;
    for (const [key, e] of this.entries)
      if (kinds.includes(e.kind)) {
        this.entries.delete(key);
        this.bytes -= e.bytes;
      }
  }

  private evict(): void {
    for (const [key, e] of this.entries) {
      if (this.bytes <= this.budget) return;
      this.entries.delete(key);
      this.bytes -= e.bytes;
    }
  }
}
