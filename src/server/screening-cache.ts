/**
 * The screening index, built once from the imported lists (a few seconds for the bundled
 * lists) and kept until a list import replaces it.
 */
import type { ScreeningIndex } from "../core/screening/index.js";
import type { Store } from "../db/store.js";
import { loadScreeningIndex } from "../sanctions/load-index.js";

export class ScreeningCache {
  private index: Promise<ScreeningIndex> | null = null;

  get(read: <T>(fn: (store: Store) => Promise<T>) => Promise<T>): Promise<ScreeningIndex> {
    if (!this.index) {
      const loading = read((s) => loadScreeningIndex(s));
      this.index = loading;
      loading.catch(() => {
        if (this.index === loading) this.index = null;
      });
    }
    return this.index;
  }

  invalidate(): void {
    this.index = null;
  }
}
