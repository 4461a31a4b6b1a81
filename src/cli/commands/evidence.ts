import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { AppError } from "../../core/errors.js";
import type { Credibility, Reliability } from "../../core/evidence/index.js";
import { CLAIM_KINDS, CREDIBILITY, describeGrade, RELIABILITY } from "../../core/evidence/index.js";
import { compareClaims } from "../../evidence/compare.js";
import {
  EXPORT_FORMATS,
  EXPORT_TABLES,
  exportRows,
  formatRows,
} from "../../evidence/export-evidence.js";
import { linkSanctions, linkSponsors } from "../../evidence/links.js";
import { DEFAULT_PDF_LIMITS, type PdfLimits } from "../../evidence/pdf-limits.js";
import { searchEvidence } from "../../evidence/search.js";
import {
  addManualClaim,
  addSource,
  type ClaimRow,
  listClaims,
  listSources,
  type ManualClaim,
  parsePeriod,
  setClaimStatus,
  validateMeta,
} from "../../evidence/store-evidence.js";
import { printJson, printLine, printTable, withCommandStore } from "../output.js";

function id(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new AppError(
      "usage",
      `${what}: "${value}" is not an id; expected a whole number such as 3`,
    );
  return n;
}

function short(s: string | null, n: number): string {
  if (!s) return "";
  const flat = s.replace(/\s+/g, " ");
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

function claimValue(c: ClaimRow): string {
  if (c.value_min === null && c.value_max === null) return c.organisation ?? "";
  const unit = c.value_unit === "days" ? " d" : "";
  if (c.value_min !== null && c.value_max !== null && c.value_min !== c.value_max)
    return `${c.value_min}–${c.value_max}${unit}`;
  if (c.value_min === null) return `≤${c.value_max}${unit}`;
  if (c.value_max === null) return `≥${c.value_min}${unit}`;
  return `${c.qualifier === "approx" ? "~" : ""}${c.value_min}${unit}`;
}

function periodOf(c: { period_start: string | null; period_end: string | null }): string {
  if (!c.period_start) return "";
  return c.period_start === c.period_end ? c.period_start : `${c.period_start}…${c.period_end}`;
}

function claimTable(rows: ClaimRow[]): void {
  printTable(
    rows.map((c) => ({
      id: c.claim_id,
      src: c.source_id,
      status: c.status,
      kind: c.kind,
      place: c.place ?? "",
      period: periodOf(c),
      value: claimValue(c),
      grade: c.grade,
      sources: c.independent_sources,
      page: c.page ?? "",
      sponsor: c.sponsor_keys.join("; "),
      quote: short(c.quote, 60),
    })),
  );
}

function positive(value: string | boolean | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new AppError("usage", `${flag}: "${value}" is not a positive whole number`);
  return n;
}

function pdfLimitsOf(opts: Record<string, string | boolean | undefined>): PdfLimits {
  const d = DEFAULT_PDF_LIMITS;
  return {
    maxPages: positive(opts.maxPdfPages, "--max-pdf-pages", d.maxPages),
    maxStreams: positive(opts.maxPdfStreams, "--max-pdf-streams", d.maxStreams),
    maxDecompressedBytes:
      positive(
        opts.maxPdfDecompressed,
        "--max-pdf-decompressed",
        d.maxDecompressedBytes / 1024 / 1024,
      ) *
      1024 *
      1024,
  };
}

function registerAdd(evidence: Command): void {
  evidence
    .command("add")
    .description(
      "store a report (text, Markdown, HTML, PDF) with its hash, capture time and text; suggest claims",
    )
    .argument("<file>", "the report file")
    .option("--title <text>", "title (default: from the file)")
    .option(
      "--publisher <name>",
      "publisher; reports of one publisher are not independent of each other",
    )
    .option("--author <name>", "author")
    .option("--published <YYYY-MM-DD>", "publication date")
    .option("--url <url>", "where the report was found")
    .option(
      "--reliability <A-F>",
      `source reliability, Admiralty code (${RELIABILITY.join(" ")}; default F, cannot be judged)`,
    )
    .option(
      "--credibility <1-6>",
      `information credibility, Admiralty code (${CREDIBILITY.join(" ")}; default 6, cannot be judged)`,
    )
    .option(
      "--encoding <name>",
      "text encoding of a text or HTML file (default: byte-order mark, declared charset, or detected)",
    )
    .option(
      "--max-pdf-pages <n>",
      `refuse PDFs with more pages (default ${DEFAULT_PDF_LIMITS.maxPages})`,
    )
    .option(
      "--max-pdf-streams <n>",
      `refuse PDFs with more streams (default ${DEFAULT_PDF_LIMITS.maxStreams})`,
    )
    .option(
      "--max-pdf-decompressed <MB>",
      `refuse PDFs whose streams inflate to more (default ${DEFAULT_PDF_LIMITS.maxDecompressedBytes / 1024 / 1024})`,
    )
    .option("--no-suggest", "do not suggest claims from the text")
    .option("--json", "print JSON")
    .action(
      async (
        file: string,
        opts: Record<string, string | boolean | undefined> & { suggest: boolean },
        cmd: Command,
      ) => {
        const meta = {
          title: opts.title as string | undefined,
          publisher: opts.publisher as string | undefined,
          author: opts.author as string | undefined,
          published: opts.published as string | undefined,
          url: opts.url as string | undefined,
          reliability: opts.reliability as string | undefined,
          credibility: opts.credibility as string | undefined,
        };
        // Refuse bad grades before the store is even opened.
        validateMeta(meta);
        await withCommandStore(cmd, async (store) => {
          const r = await addSource(store, file, meta, {
            suggest: opts.suggest,
            read: { encoding: opts.encoding as string | undefined, pdfLimits: pdfLimitsOf(opts) },
          });
          if (opts.json) return printJson(r);
          if (r.status === "exists") {
            printLine(
              `${file}: already stored as source ${r.sourceId} (sha256 ${r.sha256.slice(0, 12)}…); nothing changed`,
            );
            return;
          }
          printLine(
            `${file}: source ${r.sourceId}, ${r.mediaType}, ${r.chars} characters, sha256 ${r.sha256.slice(0, 12)}…, graded ${r.grade}`,
          );
          printLine(
            `${r.suggested} claims suggested; review them with: sojourn evidence claims --source ${r.sourceId} --status suggested`,
          );
        });
      },
    );
}

/** Rows as JSON with --json, else the table `columns` makes of each. */
function printRows<T>(rows: T[], json: boolean | undefined, columns: (row: T) => object): void {
  if (json) printJson(rows);
  else printTable(rows.map(columns) as Record<string, unknown>[]);
}

function sourceColumns(r: Record<string, unknown>): object {
  const { source_id: id, grade, published, publisher, media_type: type } = r;
  const title = short(r.title as string | null, 48);
  const sha256 = String(r.sha256).slice(0, 12);
  return {
    id,
    grade,
    published,
    publisher,
    title,
    type,
    sha256,
    accepted: r.accepted_claims,
    suggested: r.suggested_claims,
  };
}

function registerSources(evidence: Command): void {
  evidence
    .command("sources")
    .description("list stored reports with grade, hash and claim counts")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withCommandStore(cmd, async (store) =>
        printRows(await listSources(store), opts.json, sourceColumns),
      );
    });
}

function registerShow(evidence: Command): void {
  evidence
    .command("show")
    .description(
      "print a stored report's metadata and extracted text (the text claim offsets point into)",
    )
    .argument("<source-id>")
    .option("--json", "print JSON")
    .action(async (sourceId: string, opts: { json?: boolean }, cmd: Command) => {
      const sid = id(sourceId, "source id");
      await withCommandStore(cmd, async (store) => {
        const rows = await exportRows(store, "sources");
        const row = rows.find((r) => Number(r.source_id) === sid);
        if (!row)
          throw new AppError(
            "not-found",
            `no evidence source ${sid}; see sojourn evidence sources`,
          );
        if (opts.json) return printJson(row);
        const { text, ...meta } = row;
        for (const [k, v] of Object.entries(meta)) if (v !== null) printLine(`${k}: ${v}`);
        printLine(
          `grade: ${describeGrade(row.reliability as Reliability, Number(row.credibility) as Credibility)}`,
        );
        printLine();
        printLine(String(text));
      });
    });
}

function registerClaimCommands(evidence: Command): void {
  const claim = evidence.command("claim").description("add or review claims");
  claim
    .command("add")
    .description("add a claim by hand, quoting the source exactly")
    .requiredOption("--source <id>", "source id (sojourn evidence sources)")
    .requiredOption("--kind <kind>", CLAIM_KINDS.join(" | "))
    .option("--quote <text>", "the exact words in the source's text")
    .option("--start <n>", "start offset (characters) instead of --quote")
    .option("--end <n>", "end offset (characters, exclusive)")
    .option(
      "--occurrence <n>",
      "which occurrence of --quote, when it occurs more than once (1-based)",
    )
    .option("--place <name>", "city, zone, region or port, any script")
    .option("--from <date>", "period start: YYYY, YYYY-MM or YYYY-MM-DD")
    .option("--to <date>", "period end (default: end of --from)")
    .option("--value <n>", "the number claimed (workers for worker_count, days for durations)")
    .option("--min <n>", "lower bound")
    .option("--max <n>", "upper bound")
    .option("--unit <unit>", "workers | days")
    .option("--qualifier <q>", "exact | approx | at_least | at_most | range | vague")
    .option("--org <name>", "organisation the claim is about")
    .option("--credibility <1-6>", "this claim's credibility, if it differs from the source's")
    .option("--note <text>", "analyst's note")
    .option("--json", "print JSON")
    .action(async (opts: Record<string, string | boolean | undefined>, cmd: Command) => {
      const c = {
        ...opts,
        sourceId: id(String(opts.source), "--source"),
      } as unknown as ManualClaim;
      await withCommandStore(cmd, async (store) => {
        const claimId = await addManualClaim(store, c);
        const [row] = await listClaims(store, { claimIds: [claimId], status: "all" });
        if (opts.json) return printJson(row);
        printLine(`claim ${claimId} added to source ${c.sourceId} (${row?.grade})`);
      });
    });
  for (const [verb, status] of [
    ["accept", "accepted"],
    ["reject", "rejected"],
  ] as const) {
    claim
      .command(verb)
      .description(`${verb} suggested claims`)
      .argument("<ids...>", "claim ids")
      .action(async (ids: string[], _opts: unknown, cmd: Command) => {
        const nums = ids.map((v) => id(v, "claim id"));
        await withCommandStore(cmd, async (store) => {
          const n = await setClaimStatus(store, nums, status);
          printLine(`${n} claims ${status}`);
        });
      });
  }
}

function registerClaims(evidence: Command): void {
  evidence
    .command("claims")
    .description("list claims with their grade and the number of independent sources behind them")
    .option("--place <name>", "only claims about this place (a city includes its zones and ports)")
    .option("--kind <kind>", CLAIM_KINDS.join(" | "))
    .option("--source <id>", "only claims from this source")
    .option(
      "--status <status>",
      "suggested | accepted | rejected | all (default: all but rejected)",
    )
    .option(
      "--links",
      "with --json: link organisations to sponsors in the records and to sanctions entities",
    )
    .option("--json", "print JSON")
    .action(
      async (
        opts: {
          place?: string;
          kind?: string;
          source?: string;
          status?: string;
          links?: boolean;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        await withCommandStore(cmd, async (store) => {
          const rows = await listClaims(store, {
            place: opts.place,
            kind: opts.kind,
            status: opts.status,
            sourceId: opts.source === undefined ? undefined : id(opts.source, "--source"),
          });
          if (opts.json) {
            if (!opts.links) return printJson(rows);
            const out = [];
            for (const r of rows) {
              out.push({
                ...r,
                sponsors: r.organisation ? await linkSponsors(store, r.organisation) : [],
                sanctions: r.organisation ? await linkSanctions(store, r.organisation) : [],
              });
            }
            return printJson(out);
          }
          claimTable(rows);
        });
      },
    );
}

function registerLinks(evidence: Command): void {
  evidence
    .command("links")
    .description(
      "link an organisation to sponsors in the crossing records and to sanctions-list entities",
    )
    .option("--org <name>", "organisation name, any script")
    .option("--claim <id>", "the organisation of this claim")
    .option("--json", "print JSON")
    .action(async (opts: { org?: string; claim?: string; json?: boolean }, cmd: Command) => {
      await withCommandStore(cmd, async (store) => {
        let org = opts.org;
        if (opts.claim) {
          const [c] = await listClaims(store, {
            claimIds: [id(opts.claim, "--claim")],
            status: "all",
          });
          if (!c)
            throw new AppError("not-found", `no claim ${opts.claim}; see sojourn evidence claims`);
          org = c.organisation ?? undefined;
          if (!org) throw new AppError("usage", `claim ${opts.claim} names no organisation`);
        }
        if (!org) throw new AppError("usage", "give --org NAME or --claim ID");
        const sponsors = await linkSponsors(store, org);
        const sanctions = await linkSanctions(store, org);
        if (opts.json) return printJson({ organisation: org, sponsors, sanctions });
        printLine(
          `${org}: ${sponsors.length} sponsors in the records, ${sanctions.length} sanctions-list entities`,
        );
        if (sponsors.length) printTable(sponsors as unknown as Record<string, unknown>[]);
        if (sanctions.length) printTable(sanctions as unknown as Record<string, unknown>[]);
      });
    });
}

function registerSearch(evidence: Command): void {
  evidence
    .command("search")
    .description("full-text search of the stored reports, ranked (BM25), by paragraph")
    .argument("<query...>", "words, any script")
    .option("--limit <n>", "hits to show", "10")
    .option("--json", "print JSON")
    .action(async (words: string[], opts: { limit: string; json?: boolean }, cmd: Command) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit <= 0)
        throw new AppError("usage", `--limit: "${opts.limit}" is not a positive whole number`);
      await withCommandStore(cmd, async (store) => {
        const hits = await searchEvidence(store, words.join(" "), limit);
        if (opts.json) return printJson(hits);
        if (hits.length === 0) return printLine("no matches");
        for (const h of hits) {
          printLine(
            `[${h.score}] source ${h.source_id} (${h.grade}) ${h.title ?? ""} ¶${h.passage_no + 1} chars ${h.char_start}–${h.char_end}`,
          );
          printLine(`    ${h.snippet}`);
        }
      });
    });
}

function registerTimeline(evidence: Command): void {
  evidence
    .command("timeline")
    .description(
      "claims in date order (the claim's own period, else the report's publication date)",
    )
    .option("--place <name>", "only claims about this place")
    .option("--kind <kind>", CLAIM_KINDS.join(" | "))
    .option(
      "--status <status>",
      "suggested | accepted | rejected | all (default: all but rejected)",
    )
    .option("--json", "print JSON")
    .action(
      async (
        opts: { place?: string; kind?: string; status?: string; json?: boolean },
        cmd: Command,
      ) => {
        await withCommandStore(cmd, async (store) => {
          const rows = (await listClaims(store, opts))
            .map((c) => ({
              date: c.period_start ?? c.published,
              date_basis: c.period_start ? "claim" : c.published ? "published" : null,
              ...c,
            }))
            .filter((c) => c.date !== null)
            .sort((a, b) =>
              a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.claim_id - b.claim_id,
            );
          printRows(rows, opts.json, (c) => ({
            date: c.date,
            basis: c.date_basis,
            kind: c.kind,
            place: c.place ?? "",
            value: claimValue(c),
            grade: c.grade,
            sources: c.independent_sources,
            source: short(c.source_title ?? `source ${c.source_id}`, 30),
            quote: short(c.quote, 50),
          }));
        });
      },
    );
}

function registerCompare(evidence: Command): void {
  evidence
    .command("compare")
    .description(
      "claims about a place beside what the crossing data shows (DPRK crossings, documents, presence)",
    )
    .requiredOption("--place <name>", "city, zone, region or port")
    .option("--from <date>", "period start: YYYY, YYYY-MM or YYYY-MM-DD")
    .option("--to <date>", "period end (default: end of --from)")
    .option("--claim <id>", "only this claim")
    .option("--json", "print JSON")
    .action(
      async (
        opts: { place: string; from?: string; to?: string; claim?: string; json?: boolean },
        cmd: Command,
      ) => {
        const period = parsePeriod(opts.from, opts.to);
        const from = period.start ?? undefined;
        const to = period.end ?? undefined;
        await withCommandStore(cmd, async (store) => {
          const r = await compareClaims(store, {
            place: opts.place,
            from,
            to,
            claimIds: opts.claim ? [id(opts.claim, "--claim")] : undefined,
          });
          if (opts.json) return printJson({ place: r.place, period: r.period, claims: r.claims });
          if (r.period) {
            const p = r.period;
            printLine(
              `${r.place.name} (${p.ports.length} crossings) ${p.from}…${p.to}: ${p.records_in_period} records; DPRK nationals: ${p.dprk_crossings} crossings (${p.dprk_entries} in, ${p.dprk_exits} out), ${p.distinct_documents} documents; present (${p.presence.method}) ${p.presence.atStart} → ${p.presence.atEnd}, peak ${p.presence.peak}`,
            );
          }
          if (r.claims.length === 0)
            return printLine(`no claims about ${r.place.name}${from ? " in that period" : ""}`);
          printTable(
            r.claims.map(({ claim: c, data: d, period_basis, reading }) => ({
              claim: c.claim_id,
              kind: c.kind,
              claimed: claimValue(c),
              grade: c.grade,
              period: `${d.from}…${d.to}`,
              basis: period_basis,
              crossings: d.dprk_crossings,
              documents: d.distinct_documents,
              present_end: d.presence.atEnd,
              peak: d.presence.peak,
              reading,
            })),
          );
        });
      },
    );
}

function registerExport(evidence: Command): void {
  evidence
    .command("export")
    .description("export sources or claims as JSON Lines or CSV")
    .argument("<what>", EXPORT_TABLES.join(" | "))
    .option("--format <format>", EXPORT_FORMATS.join(" | "), "jsonl")
    .option("--out <file>", "write to a file instead of standard output")
    .action(async (what: string, opts: { format: string; out?: string }, cmd: Command) => {
      if (!(EXPORT_TABLES as readonly string[]).includes(what))
        throw new AppError("usage", `export: "${what}" is not one of ${EXPORT_TABLES.join(", ")}`);
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format))
        throw new AppError(
          "usage",
          `--format: "${opts.format}" is not one of ${EXPORT_FORMATS.join(", ")}`,
        );
      await withCommandStore(cmd, async (store) => {
        const rows = await exportRows(store, what);
        const text = formatRows(rows, opts.format);
        if (opts.out) {
          writeFileSync(opts.out, text);
          process.stderr.write(`${rows.length} ${what} written to ${opts.out}\n`);
        } else process.stdout.write(text);
      });
    });
}

export function register(program: Command): void {
  const evidence = program
    .command("evidence")
    .description("graded reports and the claims they make, set beside the crossing data");
  registerAdd(evidence);
  registerSources(evidence);
  registerShow(evidence);
  registerClaimCommands(evidence);
  registerClaims(evidence);
  registerLinks(evidence);
  registerSearch(evidence);
  registerTimeline(evidence);
  registerCompare(evidence);
  registerExport(evidence);
}
