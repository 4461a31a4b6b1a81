/**
 * A batch-screening worker thread: builds its own index from the entities it is given, then
 * answers chunks of queries with BatchLines. Repeated queries within a worker are answered from a
 * bounded cache (crossing records repeat names a lot).
 */
import { parentPort, workerData } from "node:worker_threads";
import { type ListEntity, ScreeningIndex } from "../core/screening/index.js";
import { type BatchLine, queryOfRow, toBatchMatches } from "./screen-batch.js";

interface Init {
  entities: ListEntity[];
  threshold: number;
  limit: number;
  file: string;
}

export interface WorkChunk {
  seq: number;
  rows: { record: Record<string, string>; line: number }[];
}

const CACHE_LIMIT = 100_000;
const init = workerData as Init;
const index = ScreeningIndex.build(init.entities);
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
    if (!matches) {
      matches = toBatchMatches(index.screen(q, { limit: init.limit }), init.threshold);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, matches);
    }
    out.matches = matches;
    return out;
  });
  parentPort!.postMessage({ seq: chunk.seq, lines });
});
