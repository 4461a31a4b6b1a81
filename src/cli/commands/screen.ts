/**
 * `sojourn screen "NAME"` — ranked matches against the stored sanctions lists, each with score,
 * list, reference and an explanation; `--input FILE.csv --out FILE.jsonl` screens a batch;
 * `--sponsors` / `--persons` screen the crossing store and write screening_hits.
 */
import type { Command } from "commander";
import { AppError } from "../../core/errors.js";
import {
  explainMatch,
  QUERY_TYPES,
  type QueryType,
  SCREEN_THRESHOLD,
  type ScreeningIndex,
  type ScreenMatch,
  type ScreenQuery,
} from "../../core/screening/index.js";
import { loadIndexWithBytes } from "../../sanctions/load-index.js";
import { screenBatch } from "../../sanctions/screen-batch.js";
import { screenStore } from "../../sanctions/screen-store.js";
import { createProgress, printJson, printLine, printTable, withCommandStore } from "../output.js";

interface ScreenOpts {
  type?: string;
  birthDate?: string;
  nationality?: string;
  document?: string[];
  threshold: string;
  limit: string;
  list?: string[];
  input?: string;
  out?: string;
  workers?: string;
  sponsors?: boolean;
  persons?: boolean;
  explain?: string;
  json?: boolean;
}

function threshold(v: string): number {
  const t = Number(v);
  if (!Number.isFinite(t) || t < 0 || t > 1)
    throw new AppError("usage", `--threshold must be a number in [0, 1], got "${v}"`);
  return t;
}

export function register(program: Command): void {
  program
    .command("screen")
    .description(
      `screen a name against the imported sanctions lists (match threshold ${SCREEN_THRESHOLD}); or a CSV batch; or the store's sponsors/persons`,
    )
    .argument("[name]", "the name to screen, any script")
    .option("--type <type>", `${QUERY_TYPES.join(" | ")} (default: both)`)
    .option("--birth-date <date>", "YYYY, YYYY-MM or YYYY-MM-DD")
    .option("--nationality <country>", "ISO code or country name")
    .option("--document <number...>", "passport or ID numbers")
    .option("--threshold <score>", "match threshold", String(SCREEN_THRESHOLD))
    .option("--limit <n>", "candidates to show", "10")
    .option("--list <name...>", "only these lists (UN-SC, OFAC-SDN, …)")
    .option("--input <file.csv>", "batch: query_id,name[,type,birth_date,nationality,doc_number]")
    .option("--out <file.jsonl>", "batch output, one JSON line per query")
    .option("--workers <n>", "batch: worker threads (default: available cores)")
    .option("--sponsors", "screen the distinct sponsors of crossing records; writes screening_hits")
    .option(
      "--persons",
      "screen the distinct (name, birth date, nationality) of records; writes screening_hits",
    )
    .option(
      "--explain <reference>",
      "why the list entry with this reference (UN KPi.024, OFAC ent_num…) scored what it did against NAME, even below the threshold",
    )
    .option("--json", "print JSON")
    .action(async (name: string | undefined, opts: ScreenOpts, cmd: Command) => {
      const { t, limit } = checkOptions(name, opts);
      await withCommandStore(cmd, async (store) => {
        const { index, bytes } = await loadIndexWithBytes(store, opts.list);
        if (opts.input && opts.out) return runBatch(bytes, opts.input, opts.out, opts, t, limit);
        if (opts.sponsors || opts.persons) {
          const r = await screenStore(store, index, opts.sponsors ? "sponsor" : "person", t);
          if (opts.json) printJson({ ...r, threshold: t });
          else
            printLine(
              `${r.subjects} distinct ${r.subjectKind}s screened: ${r.subjectsWithHits} with a match ≥ ${t} (${r.hits} hits written to screening_hits)${r.sponsorAlerts === null ? "" : `; sanctioned-sponsor alerts: ${r.sponsorAlerts}`}`,
            );
          return;
        }
        const q: ScreenQuery = { name: name! };
        if (opts.type) q.type = opts.type as QueryType;
        if (opts.birthDate) q.birthDate = opts.birthDate;
        if (opts.nationality) q.nationality = opts.nationality;
        if (opts.document?.length) q.documents = opts.document;
        if (opts.explain !== undefined) {
          if (name === undefined) throw new AppError("usage", "--explain needs a NAME");
          return printExplanation(index.explain(q, opts.explain), opts.explain, q, t, !!opts.json);
        }
        printMatches(index.screen(q, { limit }), q, t, !!opts.json);
      });
    });
}

/** The threshold and limit, once the options are checked: one mode, valid values. */
function checkOptions(name: string | undefined, opts: ScreenOpts): { t: number; limit: number } {
  const t = threshold(opts.threshold);
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new AppError("usage", `--limit must be a positive whole number, got "${opts.limit}"`);
  const modes = [name !== undefined, opts.input !== undefined, !!opts.sponsors, !!opts.persons];
  if (modes.filter(Boolean).length !== 1)
    throw new AppError(
      "usage",
      "give exactly one of: a NAME, --input FILE.csv, --sponsors, --persons",
    );
  if (opts.workers !== undefined && !/^[1-9]\d*$/.test(opts.workers))
    throw new AppError("usage", `--workers must be a positive whole number, got "${opts.workers}"`);
  if (opts.input && !opts.out) throw new AppError("usage", "--input needs --out FILE.jsonl");
  if (opts.type && !QUERY_TYPES.includes(opts.type as QueryType))
    throw new AppError("usage", `--type "${opts.type}": expected one of ${QUERY_TYPES.join(", ")}`);
  if (opts.birthDate && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(opts.birthDate))
    throw new AppError(
      "usage",
      `--birth-date "${opts.birthDate}": expected YYYY, YYYY-MM or YYYY-MM-DD`,
    );
  return { t, limit };
}

/** `screen --input FILE --out FILE`: the batch, with a progress bar on a terminal. */
async function runBatch(
  bytes: Uint8Array,
  input: string,
  out: string,
  opts: ScreenOpts,
  t: number,
  limit: number,
): Promise<void> {
  const progress = createProgress({ json: opts.json });
  progress.start(0, "screen");
  const r = await screenBatch(bytes, input, out, {
    threshold: t,
    limit,
    workers: opts.workers === undefined ? undefined : Number(opts.workers),
    onProgress: (n) => progress.update(n),
  });
  progress.stop();
  if (opts.json) printJson({ ...r, threshold: t, out });
  else
    printLine(
      `${r.queries} queries, ${r.matched} with a match ≥ ${t}, ${r.errors} rejected rows, ${r.seconds.toFixed(1)} s → ${out}`,
    );
}

/** One name's candidates: a table, then why each scored what it did. */
function printMatches(matches: ScreenMatch[], q: ScreenQuery, t: number, json: boolean): void {
  if (json) {
    printJson({
      query: q,
      threshold: t,
      matches: matches.map((m) => ({ ...m, match: m.score >= t })),
    });
    return;
  }
  if (matches.length === 0) {
    printLine(`no candidates for "${q.name}"`);
    return;
  }
  printTable(
    matches.map((m, i) => ({
      rank: i + 1,
      score: m.score.toFixed(3),
      match: m.score >= t ? "MATCH" : "",
      list: m.list,
      reference: m.reference,
      name: m.name,
      dprk: m.dprk ? "DPRK" : "",
    })),
  );
  printLine();
  for (const [i, m] of matches.entries()) printLine(`${i + 1}. ${explainMatch(m)}`);
}

function printExplanation(
  found: ReturnType<ScreeningIndex["explain"]>,
  reference: string,
  q: ScreenQuery,
  threshold: number,
  json: boolean,
): void {
  if (found.length === 0)
    throw new AppError(
      "not-found",
      `no list entry with reference "${reference}" in the imported lists`,
    );
  if (json) {
    printJson({
      query: q,
      threshold,
      entries: found.map((f) => ({ ...f.best, match: f.best.score >= threshold, names: f.names })),
    });
    return;
  }
  for (const f of found) {
    const m = f.best;
    printLine(
      `${m.list} ${m.reference} ${m.name}: ${m.score.toFixed(3)} — ${m.score >= threshold ? "MATCH" : `below the threshold ${threshold}`}`,
    );
    printLine(`  best: ${explainMatch(m)}`);
    for (const n of [...f.names].sort((a, b) => b.nameScore - a.nameScore))
      printLine(`  ${n.nameScore.toFixed(3)}  ${n.method.padEnd(12)} ${n.alias}`);
  }
}
