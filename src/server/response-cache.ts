/**
 * Masked answers of the browsing reads (alert pages, person searches and details, one alert, a
 * port's persons, a cohort) and of the whole-store views (overview, cohorts, sponsors, network,
 * presence, lists: kept-views.ts keeps their objects), kept as their JSON text until the store's
 * data changes: 20 users paging the same alert queue or opening the same person then cost DuckDB
 * and JSON.stringify nothing after the first, and a view of a megabyte is not serialised again. Only masked answers are kept, and a masked answer is the same for
 * every role, so the key is the route with its validated parameters and query. Unmasked reads are
 * never kept: each is checked against its grant and logged.
 *
 * Every write that changes what these reads show — a review, a case, a job's start and end —
 * empties the cache (the context's `write`); logins, tokens and audit entries do not. An answer
 * computed while such a write ran is handed to its caller but not kept; concurrent asks for the
 * same key share one computation. Past the byte budget the least recently used answers go first.
 */

interface Entry {
  text: Promise<string>;
  bytes: number;
}

/** Bytes of JSON text kept (about 2 000 person details). */
const DEFAULT_BUDGET = 64 * 1024 * 1024;

export class ResponseCache {
  private generation = 0;
  private bytes = 0;
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly budget: number = DEFAULT_BUDGET) {}

  /** The kept answer for `key`, or `compute`'s. */
  get(key: string, compute: () => Promise<string>): Promise<string> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last: the Map's order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.text;
    }
    const generation = this.generation;
    const entry: Entry = { text: compute(), bytes: 0 };
    this.entries.set(key, entry);
    const forget = () => {
      if (this.entries.get(key) === entry) {
        this.entries.delete(key);
        this.bytes -= entry.bytes;
      }
    };
    entry.text.then((text) => {
      if (this.generation !== generation || this.entries.get(key) !== entry) return forget();
      entry.bytes = text.length;
      this.bytes += entry.bytes;
      this.evict();
    }, forget);
    return entry.text;
  }

  /** Forgets every answer: the store's data changed. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  private evict(): void {
    for (const [key, e] of this.entries) {
      if (this.bytes <= this.budget) return;
      this.entries.delete(key);
      this.bytes -= e.bytes;
    }
  }
}
