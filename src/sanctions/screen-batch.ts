/**
 * Batch screening: a CSV of queries (query_id,name[,type,birth_date,nationality,doc_number]) in,
 * one JSON line per query out, `{query_id, matches: [{reference, list, name, score, explanation}]}`,
 * ranked, only matches at or above the threshold (an empty list means no match). A bad row is a
 * value, not an exception: its line carries `error` and the batch goes on.
 */

import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { parse } from "csv-parse";
import { AppError } from "../core/errors.js";
import {
  QUERY_TYPES,
  type QueryType,
  type ScreenMatch,
  type ScreenQuery,
} from "../core/screening/index.js";

export interface BatchResult {
  queries: number;
  matched: number;
  errors: number;
  seconds: number;
}

export interface BatchLine {
  query_id: string;
  matches: BatchMatch[];
  error?: string;
}

export interface BatchMatch {
  reference: string;
  list: string;
  name: string;
  score: number;
  explanation: ScreenMatch["explanation"];
}

/** Validates one input row into a query, or says what is wrong with it. */
export function queryOfRow(
  row: Record<string, string>,
  line: number,
  file: string,
): ScreenQuery | string {
  const name = (row.name ?? "").trim();
  if (!name) return `${file} line ${line}: name is empty`;
  const type = (row.type ?? "").trim().toLowerCase();
  if (type && !QUERY_TYPES.includes(type as QueryType))
    return `${file} line ${line}: type "${row.type}" is not one of ${QUERY_TYPES.join(", ")}`;
  const birthDate = (row.birth_date ?? "").trim();
  if (birthDate && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(birthDate))
    return `${file} line ${line}: birth_date "${birthDate}" is not YYYY, YYYY-MM or YYYY-MM-DD`;
  const q: ScreenQuery = { name };
  if (type) q.type = type as QueryType;
  if (birthDate) q.birthDate = birthDate;
  const nat = (row.nationality ?? "").trim();
  if (nat) q.nationality = nat;
  const doc = (row.doc_number ?? "").trim();
  if (doc) q.documents = [doc];
  return q;
}

export function toBatchMatches(matches: ScreenMatch[], threshold: number): BatchMatch[] {
  return matches
    .filter((m) => m.score >= threshold)
    .map((m) => ({
      reference: m.reference,
      list: m.list,
      name: m.name,
      score: m.score,
      explanation: m.explanation,
    }));
}

/** Rows sent to a worker at a time. */
const CHUNK = 500;

/** FNV-1a of a name: which worker screens it, so a repeated name always meets the same cache. */
function workerOf(name: string, workers: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 0) % workers;
}

/**
 * Screens a CSV batch with `workers` threads (default: available cores); the workers share the
 * serialised index's bytes and each loads it (no rebuild). Each chunk of rows is split among the
 * workers by name, so every repeat of a name goes to the worker that has screened it already
 * (crossing records repeat names many times over). Output lines keep input order.
 */
export async function screenBatch(
  indexBytes: Uint8Array,
  input: string,
  output: string,
  options: {
    threshold: number;
    limit?: number;
    workers?: number;
    onProgress?: (n: number) => void;
  },
): Promise<BatchResult> {
  const t0 = performance.now();
  const nWorkers = Math.max(1, options.workers ?? availableParallelism());
  const shared = new SharedArrayBuffer(indexBytes.byteLength);
  new Uint8Array(shared).set(indexBytes);
  const workers = Array.from(
    { length: nWorkers },
    () =>
      new Worker(new URL("./screen-worker.js", import.meta.url), {
        workerData: {
          index: shared,
          threshold: options.threshold,
          limit: options.limit ?? 10,
          file: input,
        },
      }),
  );
  const ready = workers.map((w) => once(w, "message"));
  const parser = createReadStream(input).pipe(
    parse({
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }),
  );
  const out = createWriteStream(output);
  const result: BatchResult = { queries: 0, matched: 0, errors: 0, seconds: 0 };
  const pending = new Map<number, BatchLine[]>();
  let nextToWrite = 0;
  let seq = 0;
  let inFlight = 0;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const writeReady = async () => {
    while (pending.has(nextToWrite)) {
      const lines = pending.get(nextToWrite)!;
      pending.delete(nextToWrite);
      nextToWrite++;
      for (const line of lines) {
        if (line.error) result.errors++;
        else if (line.matches.length) result.matched++;
        if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, "drain");
      }
      options.onProgress?.(nextToWrite * CHUNK);
    }
  };
  // A chunk's lines as its parts come back from the workers: where each part's rows sit in it.
  const assembling = new Map<
    number,
    { lines: BatchLine[]; positions: (number[] | undefined)[]; waiting: number }
  >();
  workers.forEach((w, wi) => {
    w.on("message", (m: { seq?: number; lines?: BatchLine[] }) => {
      if (m.seq === undefined) return;
      const a = assembling.get(m.seq)!;
      a.positions[wi]!.forEach((at, i) => {
        a.lines[at] = m.lines![i]!;
      });
      inFlight--;
      if (--a.waiting === 0) {
        assembling.delete(m.seq);
        pending.set(m.seq, a.lines);
      }
      wake?.();
    });
    w.on("error", (err) => {
      failure = err;
      wake?.();
    });
  });
  const waitForSlot = async (max: number) => {
    while (inFlight > max && !failure) await new Promise<void>((r) => (wake = r));
    if (failure) throw failure;
    await writeReady();
  };
  try {
    await Promise.all(ready);
    let chunk: { record: Record<string, string>; line: number }[] = [];
    let checkedHeader = false;
    const send = async () => {
      const parts = workers.map(() => ({ rows: [] as typeof chunk, positions: [] as number[] }));
      chunk.forEach((row, at) => {
        const part = parts[workerOf(row.record.name ?? "", nWorkers)]!;
        part.rows.push(row);
        part.positions.push(at);
      });
      const a = {
        lines: new Array<BatchLine>(chunk.length),
        positions: parts.map((p) => (p.rows.length ? p.positions : undefined)),
        waiting: 0,
      };
      assembling.set(seq, a);
      parts.forEach((p, wi) => {
        if (!p.rows.length) return;
        a.waiting++;
        inFlight++;
        workers[wi]!.postMessage({ seq, rows: p.rows });
      });
      seq++;
      chunk = [];
      await waitForSlot(nWorkers * 4);
    };
    for await (const rec of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      if (!checkedHeader) {
        checkedHeader = true;
        for (const col of ["query_id", "name"])
          if (!(col in rec.record))
            throw new AppError(
              "input",
              `${input}: no "${col}" column; expected query_id,name[,type,birth_date,nationality,doc_number]`,
            );
      }
      result.queries++;
      chunk.push({ record: rec.record, line: rec.info.lines });
      if (chunk.length === CHUNK) await send();
    }
    if (chunk.length) await send();
    await waitForSlot(0);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("input", `${input}: ${(err as Error).message}`, { cause: err });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    out.end();
    await once(out, "close");
  }
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}
