/**
 * The whole-store views (overview, cohorts, network, sponsors, lists, runs, …): each costs a
 * scan at 10M records yet changes only when a job writes the store (ingest, analyze, list
 * import, evidence add, re-screening). A view is computed once and kept; concurrent asks share
 * one computation. When a job has written, `refresh` recomputes every kept view and swaps the
 * new answers in together before the job is reported finished, so no user waits on a cold scan
 * and nobody sees a half-written store. A view past its age is served while one recomputation
 * runs behind it (the age only bounds how long a change made behind the server's back, by
 * another process, goes unseen).
 */

interface View {
  value: Promise<unknown>;
  compute: () => Promise<unknown>;
  expires: number;
  renewing: boolean;
}

/** Most views kept (presence per period and place among them); past it the oldest go first. */
const MAX_VIEWS = 64;

export class KeptViews {
  private readonly views = new Map<string, View>();
  private generation = 0;

  constructor(
    private readonly ageMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The kept answer for `key`, or `compute`'s. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.views.get(key);
    if (hit) {
      if (hit.expires <= this.now() && !hit.renewing) this.renew(key, hit);
      return hit.value as Promise<T>;
    }
    const view: View = {
      value: compute(),
      compute,
      expires: this.now() + this.ageMs,
      renewing: false,
    };
    this.keep(key, view);
    return view.value as Promise<T>;
  }

  /**
   * Recomputes every kept view (the store changed) and swaps the answers in together; a view
   * whose recomputation fails is dropped, to be computed on its next ask. One view at a time:
   * each takes a read connection for a scan (the cohorts listing for seconds at 10M records),
   * and all of them at once would take every read connection from the users browsing meanwhile.
   */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const old = [...this.views.entries()];
    const answers: PromiseSettledResult<unknown>[] = [];
    for (const [, v] of old) answers.push(...(await Promise.allSettled([v.compute()])));
    if (generation !== this.generation) return;
    old.forEach(([key, v], i) => {
      const a = answers[i];
      if (a?.status === "fulfilled")
        this.views.set(key, {
          value: Promise.resolve(a.value),
          compute: v.compute,
          expires: this.now() + this.ageMs,
          renewing: false,
        });
      else this.views.delete(key);
    });
  }

  /** Forgets every view. */
  clear(): void {
    this.generation++;
    this.views.clear();
  }

  private keep(key: string, view: View): void {
    this.views.delete(key);
    this.views.set(key, view);
    view.value.catch(() => {
      if (this.views.get(key) === view) this.views.delete(key);
    });
    if (this.views.size > MAX_VIEWS) {
      const oldest = this.views.keys().next().value;
      if (oldest !== undefined) this.views.delete(oldest);
    }
  }

  private renew(key: string, hit: View): void {
    hit.renewing = true;
    const generation = this.generation;
    const next = hit.compute();
    next.then(
      () => {
        if (generation === this.generation && this.views.get(key) === hit)
          this.views.set(key, {
            value: next,
            compute: hit.compute,
            expires: this.now() + this.ageMs,
            renewing: false,
          });
      },
      () => {
        hit.renewing = false;
      },
    );
  }
}
