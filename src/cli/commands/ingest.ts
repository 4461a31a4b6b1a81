import type { Command } from "commander";
import { AppError } from "../../core/errors.js";
import { loadGazetteer } from "../../gazetteer/load-gazetteer.js";
import { checkEncodingName } from "../../ingest/encoding.js";
import { type IngestResult, ingestFile, ingestWorkbook } from "../../ingest/ingest-file.js";
import { DEFAULT_LIMITS, type InputLimits } from "../../ingest/lines.js";
import { loadMapping } from "../../ingest/mapping.js";
import { DATE_ORDERS, type DateOrder } from "../../ingest/normalize.js";
import { withStoredPortAliases } from "../../ingest/port-aliases.js";
import { mappingFor, PortSuggester } from "../../ingest/port-suggestions.js";
import { Vocabulary } from "../../ingest/vocabulary.js";
import { createProgress, printJson, printLine, withCommandStore } from "../output.js";

interface IngestOpts {
  source?: string;
  json?: boolean;
  maxLineBytes?: string;
  maxDecompressedBytes?: string;
  maxRatio?: string;
  encoding?: string;
  mapping?: string;
  dateOrder?: string;
  sheet?: string;
}

const UNITS: Record<string, number> = { "": 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/** A byte count as written on the command line: 1048576, 64KiB, 2MB, 1.5GiB (powers of 1024). */
export function parseBytes(option: string, value: string): number {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(value);
  const n = m ? Math.floor(Number(m[1]) * (UNITS[(m[2] ?? "").toLowerCase()] ?? 1)) : Number.NaN;
  if (!Number.isFinite(n) || n < 1)
    throw new AppError(
      "usage",
      `${option} ${value}: expected a positive size in bytes, such as 1048576, 64KiB, 2MiB or 1GiB`,
    );
  return n;
}

function limitsOf(opts: IngestOpts): InputLimits {
  const ratio = opts.maxRatio === undefined ? DEFAULT_LIMITS.maxRatio : Number(opts.maxRatio);
  if (!Number.isFinite(ratio) || ratio < 1)
    throw new AppError("usage", `--max-ratio ${opts.maxRatio}: expected a number of 1 or more`);
  return {
    maxLineBytes: opts.maxLineBytes
      ? parseBytes("--max-line-bytes", opts.maxLineBytes)
      : DEFAULT_LIMITS.maxLineBytes,
    maxDecompressedBytes: opts.maxDecompressedBytes
      ? parseBytes("--max-decompressed-bytes", opts.maxDecompressedBytes)
      : DEFAULT_LIMITS.maxDecompressedBytes,
    maxRatio: ratio,
  };
}

export function register(program: Command): void {
  program
    .command("ingest")
    .description(
      "load crossing records (CSV/TSV, optionally .gz; JSON Lines; Parquet; Excel .xlsx) into the store;\n" +
        "every row ends loaded, duplicate or rejected (see `sojourn rejects`)",
    )
    .argument("<files...>", "input files")
    .option(
      "--source <name>",
      "dataset label for rows without a source column (default: file name)",
    )
    .option("--json", "print one JSON object with the counts instead of a summary")
    .option(
      "--mapping <file.json>",
      "header and value mapping for exports not in the contract's terms (docs/data-contract.md)",
    )
    .option(
      "--date-order <order>",
      "how to read slash dates like 03/06/2019: dmy (day first, default) or mdy (month first)",
    )
    .option("--sheet <name>", "for .xlsx: only this sheet (default: every sheet, one run each)")
    .option(
      "--encoding <name>",
      "text encoding of the files (utf-8, gb18030, euc-kr, windows-1252, …; default: detected)",
    )
    .option(
      "--max-line-bytes <size>",
      "longest line read; longer lines are rejected unread (default 1MiB)",
    )
    .option("--max-decompressed-bytes <size>", "most a .gz file may decompress to (default 16GiB)")
    .option(
      "--max-ratio <n>",
      "most a .gz file may decompress to, per byte of the file (default 100)",
    )
    .action(async (files: string[], opts: IngestOpts, cmd: Command) => {
      const limits = limitsOf(opts);
      if (opts.encoding) checkEncodingName(opts.encoding);
      if (
        opts.dateOrder !== undefined &&
        !(DATE_ORDERS as readonly string[]).includes(opts.dateOrder)
      )
        throw new AppError("usage", `--date-order ${opts.dateOrder}: expected dmy or mdy`);
      const dateOrder = opts.dateOrder as DateOrder | undefined;
      const mapping = opts.mapping ? loadMapping(opts.mapping) : undefined;
      // Every value the mapping names must be one the vocabularies know: checked once, here.
      const gazetteer = loadGazetteer();
      if (mapping) new Vocabulary(gazetteer, mapping.values);
      const results: IngestResult[] = [];
      const failures: { file: string; error: string }[] = [];
      const progress = createProgress({ json: opts.json });
      await withCommandStore(cmd, async (store) => {
        // Port spellings mapped with `sojourn ports alias`, with the mapping file's.
        const mapped = await withStoredPortAliases(store, mapping);
        // Per file: 0–90 while DuckDB reads (its own progress), 90–100 while rows are sorted.
        if (progress.visible) await store.trackProgress(true);
        progress.start(files.length * 100, "ingest");
        for (const [i, file] of files.entries()) {
          let phase = "reading";
          const poll = setInterval(() => {
            const pct = phase === "reading" ? store.conn.progress.percentage : 100;
            if (pct >= 0)
              progress.update(
                i * 100 + Math.min(90, (pct * 90) / 100) + (phase === "reading" ? 0 : 5),
              );
          }, 200);
          try {
            const fileOpts = {
              source: opts.source,
              limits,
              encoding: opts.encoding,
              mapping: mapped,
              dateOrder,
              gazetteer,
              onPhase: (p: string) => {
                phase = p;
              },
            };
            if (/\.xlsx$/i.test(file))
              results.push(
                ...(await ingestWorkbook(store, file, { ...fileOpts, sheet: opts.sheet })),
              );
            else results.push(await ingestFile(store, file, fileOpts));
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            failures.push({ file, error: err.message });
            if (!opts.json) process.stderr.write(`sojourn: ${err.message}\n`);
          } finally {
            clearInterval(poll);
          }
          progress.update((i + 1) * 100);
        }
        progress.stop();
      });
      printIngestSummary(results, failures, !!opts.json, gazetteer);
      if (failures.length > 0) process.exitCode = 3;
    });
}

/** The counts of every file and their totals: one JSON object, or a line per file. */
function printIngestSummary(
  results: IngestResult[],
  failures: { file: string; error: string }[],
  json: boolean,
  gazetteer: ReturnType<typeof loadGazetteer>,
): void {
  const total = (k: "read" | "loaded" | "duplicates" | "rejected" | "reexports" | "warnings") =>
    results.reduce((s, r) => s + r[k], 0);
  const unknown = new Map<string, number>();
  const suggester = new PortSuggester(gazetteer);
  for (const r of results)
    for (const u of r.unknownPorts) unknown.set(u.port, (unknown.get(u.port) ?? 0) + u.records);
  const summary = {
    read: total("read"),
    loaded: total("loaded"),
    duplicates: total("duplicates"),
    rejected: total("rejected"),
    reexports: total("reexports"),
    warnings: total("warnings"),
    // The nearest known port for each unknown spelling (after the load, on distinct spellings).
    unknown_ports: [...unknown].map(([port, records]) => ({
      port,
      records,
      suggestion: suggester.suggest(port),
    })),
    files: results.map((r) => ({
      run_id: r.runId,
      file: r.file,
      format: r.format,
      source: r.source,
      sha256: r.sha256,
      parse_path: r.parsePath,
      encoding: r.encoding?.name ?? null,
      ...(r.hint ? { hint: r.hint } : {}),
      ...(r.repeatOf === undefined ? {} : { repeat_of: r.repeatOf }),
      read: r.read,
      loaded: r.loaded,
      duplicates: r.duplicates,
      rejected: r.rejected,
      reexports: r.reexports,
      warnings: r.warnings,
      seconds: r.seconds,
    })),
    failed: failures,
  };
  if (json) printJson(summary);
  else {
    for (const r of results) {
      if (r.repeatOf !== undefined) {
        printLine(
          `${r.file}: already ingested whole as run ${r.repeatOf} (same bytes, same settings); nothing read (its counts: sojourn runs)`,
        );
        continue;
      }
      printLine(
        `${r.file}: run ${r.runId}: read ${r.read} = loaded ${r.loaded} + duplicates ${r.duplicates} + rejected ${r.rejected}` +
          (r.reexports ? ` (${r.reexports} re-exports linked)` : "") +
          (r.warnings ? ` (${r.warnings} warnings)` : "") +
          ` in ${r.seconds.toFixed(1)} s`,
      );
      if (r.encoding && r.encoding.name !== "utf-8")
        printLine(`  decoded from ${r.encoding.name.toUpperCase()} (${r.encoding.how})`);
      if (r.hint) printLine(`  hint: ${r.hint}`);
    }
    if (results.length > 1) {
      printLine(
        `total: read ${summary.read} = loaded ${summary.loaded} + duplicates ${summary.duplicates} + rejected ${summary.rejected}`,
      );
    }
    if (summary.rejected > 0) printLine("rejected rows: sojourn rejects");
    if (unknown.size > 0) {
      printLine(`unknown ports (loaded, not yet mapped to the gazetteer; see sojourn ports):`);
      for (const u of summary.unknown_ports) {
        const s = u.suggestion;
        printLine(
          `  ${u.port}  (${u.records} records)${s ? `  → nearest known: ${s.port_id} (${s.name}, ${s.city}; score ${s.score.toFixed(2)})` : "  → no known port near it"}`,
        );
      }
      const fragment = mappingFor(summary.unknown_ports);
      if (Object.keys(fragment.values.port).length > 0)
        printLine(
          `to map them, check each suggestion, then: sojourn ports alias "SPELLING" PORT_ID (maps the records already loaded and every later ingest), or for one ingest a --mapping file with ${JSON.stringify(fragment)}`,
        );
    }
  }
}
