/**
 * A batch-screening worker thread: loads the index from the shared bytes it is given, then
 * answers chunks of queries with BatchLines. Repeated queries are answered from a bounded cache
 * (crossing records repeat names a lot; the batch sends every repeat of a name to one worker),
 * least recently used first out.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ScreeningIndex } from "../core/screening/index.js";
import { type BatchLine, queryOfRow, toBatchMatches } from "./screen-batch.js";

interface Init {
  index: SharedArrayBuffer;
  threshold: number;
  limit: number;
  file: string;
}

export interface WorkChunk {
  seq: number;
  rows: { record: Record<string, string>; line: number }[];
}

/** About 150 bytes an entry (most answers are empty): some 30 MB per worker at most. */
const CACHE_LIMIT = 200_000;
const init = workerData as Init;
const loaded = ScreeningIndex.load(new Uint8Array(init.index));
if (!loaded) throw new Error("the screening index given to the worker is of another layout");
const index = loaded;
const cache = new Map<string, BatchLine["matches"]>();
parentPort!.postMessage({ ready: true });
parentPort!.on("message", (chunk: WorkChunk) => {
  const lines: BatchLine[] = chunk.rows.map(({ record, line }) => {
    const q = queryOfRow(record, line, init.file);
    const out: BatchLine = { query_id: record.query_id ?? "", matches: [] };
    if (typeof q === "string") {
      out.error = q;
      return out;
    }
    const key = JSON.stringify(q);
    let matches = cache.get(key);
    if (matches) {
      // Seen again: last out.
      cache.delete(key);
      cache.set(key, matches);
    } else {
      // Only matches at the threshold are written: candidates below it are dropped unbuilt.
      const minScore = Math.max(init.threshold, 0.5);
      matches = toBatchMatches(index.screen(q, { limit: init.limit, minScore }), init.threshold);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      cache.set(key, matches);
    }
    out.matches = matches;
    return out;
  });
  parentPort!.postMessage({ seq: chunk.seq, lines });
});
