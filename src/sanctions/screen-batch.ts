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

type Row = { record: Record<string, string>; line: number };

/**
 * Chunks of rows out to the workers and their lines back, written in input order: each chunk is
 * split among the workers by name, its lines assembled as the parts return, and a chunk is
 * written once every chunk before it has been.
 */
class Dispatcher {
  private readonly pending = new Map<number, BatchLine[]>();
  /** A chunk's lines as its parts come back: where each part's rows sit in it. */
  private readonly assembling = new Map<
    number,
    { lines: BatchLine[]; positions: (number[] | undefined)[]; waiting: number }
  >();
  private nextToWrite = 0;
  private seq = 0;
  private inFlight = 0;
  private failure: unknown;
  private wake: (() => void) | undefined;

  constructor(
    private readonly workers: Worker[],
    private readonly out: NodeJS.WritableStream,
    private readonly result: BatchResult,
    private readonly onProgress?: (n: number) => void,
  ) {
    workers.forEach((w, wi) => {
      w.on("message", (m: { seq?: number; lines?: BatchLine[] }) => {
        if (m.seq !== undefined) this.received(wi, m.seq, m.lines!);
      });
      w.on("error", (err) => {
        this.failure = err;
        this.wake?.();
      });
    });
  }

  private received(worker: number, seq: number, lines: BatchLine[]): void {
    const a = this.assembling.get(seq)!;
    a.positions[worker]!.forEach((at, i) => {
      a.lines[at] = lines[i]!;
    });
    this.inFlight--;
    if (--a.waiting === 0) {
      this.assembling.delete(seq);
      this.pending.set(seq, a.lines);
    }
    this.wake?.();
  }

  /** Sends one chunk, then waits while more than a few chunks per worker are out. */
  async send(chunk: Row[]): Promise<void> {
    const n = this.workers.length;
    const parts = this.workers.map(() => ({ rows: [] as Row[], positions: [] as number[] }));
    chunk.forEach((row, at) => {
      const part = parts[workerOf(row.record.name ?? "", n)]!;
      part.rows.push(row);
      part.positions.push(at);
    });
    const a = {
      lines: new Array<BatchLine>(chunk.length),
      positions: parts.map((p) => (p.rows.length ? p.positions : undefined)),
      waiting: 0,
    };
    this.assembling.set(this.seq, a);
    parts.forEach((p, wi) => {
      if (!p.rows.length) return;
      a.waiting++;
      this.inFlight++;
      this.workers[wi]!.postMessage({ seq: this.seq, rows: p.rows });
    });
    this.seq++;
    await this.waitForSlot(n * 4);
  }

  /** Waits until at most `max` parts are out, writing what is ready meanwhile. */
  async waitForSlot(max: number): Promise<void> {
    while (this.inFlight > max && !this.failure)
      await new Promise<void>((r) => {
        this.wake = r;
      });
    if (this.failure) throw this.failure;
    await this.writeReady();
  }

  private async writeReady(): Promise<void> {
    while (this.pending.has(this.nextToWrite)) {
      const lines = this.pending.get(this.nextToWrite)!;
      this.pending.delete(this.nextToWrite);
      this.nextToWrite++;
      for (const line of lines) {
        if (line.error) this.result.errors++;
        else if (line.matches.length) this.result.matched++;
        if (!this.out.write(`${JSON.stringify(line)}\n`)) await once(this.out, "drain");
      }
      this.onProgress?.(this.nextToWrite * CHUNK);
    }
  }
}

/** The batch's rows with their line numbers, refused when the header lacks query_id or name. */
async function* readRows(input: string): AsyncGenerator<Row> {
  const parser = createReadStream(input).pipe(
    parse({
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }),
  );
  let checkedHeader = false;
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
    yield { record: rec.record, line: rec.info.lines };
  }
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
  const workerData = {
    index: shared,
    threshold: options.threshold,
    limit: options.limit ?? 10,
    file: input,
  };
  const workers = Array.from(
    { length: nWorkers },
    () => new Worker(new URL("./screen-worker.js", import.meta.url), { workerData }),
  );
  const ready = workers.map((w) => once(w, "message"));
  const out = createWriteStream(output);
  const result: BatchResult = { queries: 0, matched: 0, errors: 0, seconds: 0 };
  const dispatcher = new Dispatcher(workers, out, result, options.onProgress);
  try {
    await Promise.all(ready);
    let chunk: Row[] = [];
    for await (const row of readRows(input)) {
      result.queries++;
      chunk.push(row);
      if (chunk.length === CHUNK) {
        await dispatcher.send(chunk);
        chunk = [];
      }
    }
    if (chunk.length) await dispatcher.send(chunk);
    await dispatcher.waitForSlot(0);
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
