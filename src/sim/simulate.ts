/**
 * `sojourn simulate`: writes a scenario's port logs and their ground truth to a directory.
 *
 * Contract (docs/scenarios.md): crossings.csv (or .parquet) in the input contract's columns,
 * truth/{records,persons,cohorts,employers}.csv, scenario.json. Same scenario + parameters + seed
 * → byte-identical files. The run streams: units are generated one at a time into a bounded
 * chunk of crossings, which is sorted by time, rendered with noise and appended; memory does not
 * grow with scale. Everything is written to DIR.tmp-<pid> and renamed into place at the end, so
 * a failure or an interrupt leaves nothing half-written in DIR.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { AppError } from "../core/errors.js";
import { repoRoot } from "../repo-root.js";
import { dateOf, dayOf } from "./calendar.js";
import type { CohortRow, Crossing, Person } from "./model.js";
import type { Params } from "./params.js";
import { Registry, type SimContext, type Sinks } from "./people.js";
import { planPopulation, UnitGenerator } from "./population.js";
import { loadPortAliases, SIM_PORTS } from "./ports.js";
import { Rng } from "./rng.js";
import { getScenario, resolveParams, type SCENARIO_NAMES } from "./scenarios.js";
import { CROSSING_COLUMNS, csvField, RowRenderer } from "./sources.js";
import { damageRow, VARIETY_LEVELS, type Variety, varietyOverrides } from "./variety.js";

export const OUTPUT_FORMATS = ["csv", "parquet"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const DEFAULT_SCENARIO = "hunchun-2019";
export const DEFAULT_SEED = 2397;
export const MAX_SCALE = 1000;

export interface SimulateOptions {
  scenario?: string;
  out: string;
  scale?: number;
  seed?: number;
  format?: string;
  force?: boolean;
  /** Parameter overrides (see params.ts), already parsed. */
  overrides?: Params;
  /** How varied the rendering is (variety.ts): "normal" (default) or "high". */
  variety?: string;
  /** Crossings per sorted chunk; bounds memory. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SimulateCounts {
  rows: number;
  original: number;
  duplicate: number;
  reexport: number;
  /** Damaged re-deliveries (noise.dirty; variety.ts). */
  dirty: number;
  lost: number;
  true_crossings: number;
  doc_typos: number;
  name_typos: number;
  persons: number;
  persons_by_role: Record<string, number>;
  workers_after_deadline: number;
  cohorts: number;
  employers: number;
}

export interface SimulateSummary {
  scenario: string;
  seed: number;
  scale: number;
  format: OutputFormat;
  out: string;
  counts: SimulateCounts;
  files: string[];
}

export const TRUTH_COLUMNS = {
  records: ["source", "record_id", "person_id", "event"],
  persons: [
    "person_id",
    "role",
    "employer_id",
    "cohort_id",
    "worker_after_deadline",
    "first_entry",
    "last_exit",
    "family_hangul",
    "given_hangul",
    "family_hanja",
    "given_hanja",
    "birth_date",
    "sex",
    "doc_numbers",
    "worker_scheme",
    "nationality",
    "true_crossings",
  ],
  cohorts: [
    "cohort_id",
    "kind",
    "employer_id",
    "city_id",
    "port_id",
    "size",
    "worker_scheme",
    "members_observed",
  ],
  employers: [
    "employer_id",
    "name_zh",
    "name_en",
    "name_ko",
    "city_id",
    "ceases_before_deadline",
    "kind",
    "sector",
  ],
} as const;

/** Node's Buffer has an undocumented `utf8Write` that skips `write`'s argument juggling (~25 % faster here). */
type FastBuffer = Buffer & { utf8Write(s: string, offset: number): number };

/** Appends lines to a file through a 4 MB buffer (synchronous: no back-pressure to manage). */
class LineWriter {
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(4 << 20) as FastBuffer;
  private off = 0;

  constructor(path: string, header: readonly string[]) {
    this.fd = openSync(path, "w");
    this.write(header.join(","));
  }

  write(line: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.off + line.length * 3 + 1 > this.buf.length) {
      this.flush();
      if (line.length * 3 + 1 > this.buf.length) {
        writeSync(this.fd, `${line}\n`);
        return;
      }
    }
    this.off += this.buf.utf8Write(line, this.off);
    this.buf[this.off++] = 10;
  }

  row(fields: readonly (string | number)[]): void {
    let line = "";
    for (let i = 0; i < fields.length; i++) {
      if (i > 0) line += ",";
      line += csvField(String(fields[i]));
    }
    this.write(line);
  }

  flush(): void {
    let done = 0;
    while (done < this.off) done += writeSync(this.fd, this.buf, done, this.off - done);
    this.off = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Rows held back for later delivery, ordered by the position they are due at (a binary heap). */
class DelayQueue {
  private readonly heap: { at: number; seq: number; line: string; truth: string }[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, line: string, truth: string): void {
    const h = this.heap;
    h.push({ at, seq: this.seq++, line, truth });
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  /** The earliest-due row if it is due at or before `position`. */
  popDue(position: number): { line: string; truth: string } | undefined {
    const h = this.heap;
    if (h.length === 0 || h[0]!.at > position) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(l, m)) m = l;
        if (r < h.length && this.less(r, m)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }
}

function checkOptions(opts: SimulateOptions) {
  const scenario = getScenario(opts.scenario ?? DEFAULT_SCENARIO);
  const scale = opts.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE) {
    throw new AppError(
      "usage",
      `--scale must be a number above 0 and at most ${MAX_SCALE}, got ${opts.scale}`,
    );
  }
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new AppError(
      "usage",
      `--seed must be a whole number from 0 to 4294967295, got ${opts.seed}`,
    );
  }
  const format = (opts.format ?? "csv") as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) {
    throw new AppError(
      "usage",
      `unknown --format "${opts.format}"; valid formats: ${OUTPUT_FORMATS.join(", ")}`,
    );
  }
  const variety = (opts.variety ?? "normal") as Variety;
  if (!VARIETY_LEVELS.includes(variety)) {
    throw new AppError(
      "usage",
      `unknown --variety "${opts.variety}"; expected one of ${VARIETY_LEVELS.join(", ")}`,
    );
  }
  const params = resolveParams(scenario, varietyOverrides(variety, opts.overrides ?? {}));
  return { scenario, scale, seed, format, params, variety };
}

function checkOutDir(out: string, force: boolean): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) {
    throw new AppError("usage", `--out ${out} exists and is not a directory`);
  }
  if (readdirSync(out).length > 0 && !force) {
    throw new AppError(
      "usage",
      `--out ${out} is not empty; choose a new directory or pass --force to replace it`,
    );
  }
}

function toolVersion(): string {
  try {
    return (
      JSON.parse(readFileSync(join(repoRoot(), "package.json"), "utf8")) as { version: string }
    ).version;
  } catch {
    return "unknown";
  }
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

async function csvToParquet(csvPath: string, parquetPath: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "2", memory_limit: "512MB" });
  const conn = await instance.connect();
  try {
    await conn.run(
      `COPY (SELECT * FROM read_csv(${sqlString(csvPath)}, header = true, all_varchar = true, quote = '"', escape = '"', delim = ',')) TO ${sqlString(parquetPath)} (FORMAT parquet)`,
    );
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export async function simulate(opts: SimulateOptions): Promise<SimulateSummary> {
  const { scenario, scale, seed, format, params, variety } = checkOptions(opts);
  const out = resolve(opts.out);
  checkOutDir(out, opts.force ?? false);
  const tmp = join(dirname(out), `${basename(out)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, "truth"), { recursive: true });
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const counts = await generate(tmp, {
      scenarioName: scenario.name,
      scale,
      seed,
      params,
      chunkSize: opts.chunkSize,
      onProgress: opts.onProgress,
    });
    const files = [
      "crossings.csv",
      "truth/records.csv",
      "truth/persons.csv",
      "truth/cohorts.csv",
      "truth/employers.csv",
      "scenario.json",
    ];
    if (format === "parquet") {
      await csvToParquet(join(tmp, "crossings.csv"), join(tmp, "crossings.parquet"));
      unlinkSync(join(tmp, "crossings.csv"));
      files[0] = "crossings.parquet";
    }
    const manifest = {
      tool: "sojourn",
      tool_version: toolVersion(),
      scenario: scenario.name,
      summary: scenario.summary,
      seed,
      scale,
      format,
      variety,
      params,
      counts,
      files,
      columns: { crossings: CROSSING_COLUMNS, ...TRUTH_COLUMNS },
    };
    writeFileSync(join(tmp, "scenario.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    if (existsSync(out)) rmSync(out, { recursive: true, force: true });
    renameSync(tmp, out);
    return { scenario: scenario.name, seed, scale, format, out, counts, files };
  } catch (err) {
    cleanup();
    throw err;
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

interface GenerateInput {
  scenarioName: (typeof SCENARIO_NAMES)[number];
  scale: number;
  seed: number;
  params: Params;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The port logs' noise on the stream of true crossings: each chunk sorted by time, then rows
 * lost, delivered late, duplicated or re-exported at the configured rates. Crossings collect in
 * `pending` until `flush`; `finish` flushes and writes every row still queued.
 */
function noisyStream(
  params: Params,
  renderer: RowRenderer,
  noise: Rng,
  counts: SimulateCounts,
  out: { crossings: LineWriter; records: LineWriter },
) {
  const lostRate = params["noise.lost"] as number;
  const dupRate = params["noise.duplicate"] as number;
  const reexportRate = params["noise.reexport"] as number;
  const dirtyRate = params["noise.dirty"] as number;
  const lateRate = params["noise.outOfOrder"] as number;
  const window = params["noise.outOfOrderWindow"] as number;
  let pending: Crossing[] = [];

  // Position in the stream of on-time rows; late, duplicate and re-exported rows are queued
  // for a later position and written when the stream reaches it.
  let position = 0;
  const delayed = new DelayQueue();
  const emit = (line: string, truth: string) => {
    out.crossings.write(line);
    out.records.write(truth);
    counts.rows += 1;
  };
  const emitDue = () => {
    for (let e = delayed.popDue(position); e; e = delayed.popDue(position)) emit(e.line, e.truth);
  };

  const flushChunk = () => {
    // Port logs are chronological. Sort keys pack (time, generation order) into one float so
    // a native typed-array sort does the work and ties keep generation order.
    const count = pending.length;
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) keys[i] = pending[i]!.t * 2 ** 21 + i;
    keys.sort();
    for (let k = 0; k < count; k++) {
      const c = pending[keys[k]! % 2 ** 21]!;
      counts.true_crossings += 1;
      if (noise.chance(lostRate)) {
        counts.lost += 1;
        continue;
      }
      const row = renderer.render(noise, c, false);
      const key = `${row.source},${row.recordId},${c.person.id}`;
      counts.original += 1;
      let at = position;
      if (noise.chance(lateRate)) {
        at = position + noise.int(1, window);
        delayed.push(at, row.line, `${key},original`);
      } else {
        emitDue();
        emit(row.line, `${key},original`);
        position += 1;
      }
      // A duplicate or re-export is always delivered after its original.
      if (noise.chance(dupRate)) {
        delayed.push(at + noise.int(1, window), row.line, `${key},duplicate`);
        counts.duplicate += 1;
      }
      if (noise.chance(reexportRate)) {
        const again = renderer.render(noise, c, true);
        delayed.push(
          at + noise.int(1, window),
          again.line,
          `${again.source},${again.recordId},${c.person.id},reexport`,
        );
        counts.reexport += 1;
      }
      // A dirty row: a damaged re-delivery, after its original (variety.ts).
      if (dirtyRate > 0 && noise.chance(dirtyRate)) {
        const again = renderer.render(noise, c, true);
        delayed.push(
          at + noise.int(1, window),
          damageRow(noise, again.line),
          `${again.source},${again.recordId},${c.person.id},dirty`,
        );
        counts.dirty += 1;
      }
    }
    pending = [];
  };
  return {
    get pending() {
      return pending;
    },
    flush: flushChunk,
    finish() {
      flushChunk();
      position = Number.POSITIVE_INFINITY;
      emitDue();
    },
  };
}

function emptyCounts(): SimulateCounts {
  return {
    rows: 0,
    original: 0,
    duplicate: 0,
    reexport: 0,
    dirty: 0,
    lost: 0,
    true_crossings: 0,
    doc_typos: 0,
    name_typos: 0,
    persons: 0,
    persons_by_role: {},
    workers_after_deadline: 0,
    cohorts: 0,
    employers: 0,
  };
}

/** The sinks a unit generator writes to: crossings into the noisy stream, truth rows to files. */
function truthSinks(
  stream: { readonly pending: Crossing[] },
  counts: SimulateCounts,
  personsOut: LineWriter,
  cohortsOut: LineWriter,
): Sinks {
  return {
    crossing(c: Crossing) {
      stream.pending.push(c);
    },
    person(p: Person) {
      counts.persons += 1;
      counts.persons_by_role[p.role] = (counts.persons_by_role[p.role] ?? 0) + 1;
      const after = p.role === "worker" && p.presentAfterDeadline ? 1 : 0;
      counts.workers_after_deadline += after;
      personsOut.row([
        p.id,
        p.role,
        p.employer?.id ?? "",
        p.cohortId,
        after,
        p.firstEntry >= 0 ? dateOf(p.firstEntry) : "",
        p.lastExit >= 0 ? dateOf(p.lastExit) : "",
        p.name.familyHangul,
        p.name.givenHangul,
        p.name.familyHanja,
        p.name.givenHanja,
        p.birthDate,
        p.sex,
        p.docs.join(";"),
        p.scheme,
        p.nationality,
        p.crossings,
      ]);
    },
    cohort(c: CohortRow) {
      counts.cohorts += 1;
      cohortsOut.row([c.id, c.kind, c.employerId, c.cityId, c.portId, c.size, c.scheme, c.members]);
    },
  };
}

async function generate(dir: string, input: GenerateInput): Promise<SimulateCounts> {
  const { params, seed, scale } = input;
  const ctx: SimContext = {
    scenario: input.scenarioName,
    params,
    seed,
    scale,
    startDay: dayOf(params["span.start"] as string),
    endDay: dayOf(params["span.end"] as string),
    deadlineDay: dayOf(params.deadline as string),
  };
  const crossingsOut = new LineWriter(join(dir, "crossings.csv"), CROSSING_COLUMNS);
  const recordsOut = new LineWriter(join(dir, "truth", "records.csv"), TRUTH_COLUMNS.records);
  const personsOut = new LineWriter(join(dir, "truth", "persons.csv"), TRUTH_COLUMNS.persons);
  const cohortsOut = new LineWriter(join(dir, "truth", "cohorts.csv"), TRUTH_COLUMNS.cohorts);
  const employersOut = new LineWriter(join(dir, "truth", "employers.csv"), TRUTH_COLUMNS.employers);

  const counts = emptyCounts();

  try {
    const plan = planPopulation(ctx);
    for (const o of plan.organisations) {
      employersOut.row([
        o.id,
        o.nameZh,
        o.nameEn,
        o.nameKo,
        o.cityId,
        o.ceasesBeforeDeadline ? 1 : 0,
        o.kind,
        o.sector,
      ]);
    }
    counts.employers = plan.organisations.length;

    const renderer = new RowRenderer(
      params,
      SIM_PORTS.map((p) => p.source),
      loadPortAliases(),
    );
    const stream = noisyStream(params, renderer, Rng.derive(seed, "noise"), counts, {
      crossings: crossingsOut,
      records: recordsOut,
    });
    const chunkSize = input.chunkSize ?? 100_000;

    const sinks = truthSinks(stream, counts, personsOut, cohortsOut);

    const generator = new UnitGenerator(ctx, new Registry(seed), sinks);
    const total = plan.units.length;
    const every = Math.max(1, Math.floor(total / 200));
    for (let i = 0; i < total; i++) {
      generator.generate(plan.units[i]!, i);
      if (stream.pending.length >= chunkSize || stream.pending.length >= 2 ** 20) stream.flush();
      if (input.onProgress && (i % every === 0 || i === total - 1)) {
        input.onProgress(i + 1, total);
        // Let a progress bar repaint and signals through on long runs.
        await new Promise((r) => setImmediate(r));
      }
    }
    stream.finish();
    counts.doc_typos = renderer.stats.docTypos;
    counts.name_typos = renderer.stats.nameTypos;
  } finally {
    crossingsOut.close();
    recordsOut.close();
    personsOut.close();
    cohortsOut.close();
    employersOut.close();
  }
  // Stable key order in scenario.json.
  counts.persons_by_role = Object.fromEntries(
    Object.entries(counts.persons_by_role).sort(([a], [b]) => a.localeCompare(b)),
  );
  return counts;
}
