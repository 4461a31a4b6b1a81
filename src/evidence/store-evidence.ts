/**
 * The evidence base in the store: adding sources (idempotent by SHA-256, all or nothing),
 * adding and reviewing claims, and listing claims with their inherited grade and
 * corroboration. Every change is written to evidence_events, the chain-of-custody log.
 */
import { userInfo } from "node:os";
import { blobValue } from "@duckdb/node-api";
import { AppError } from "../core/errors.js";
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  type ClaimDraft,
  type ClaimKind,
  type ClaimStatus,
  type Credibility,
  corroborate,
  DEFAULT_CREDIBILITY,
  DEFAULT_RELIABILITY,
  formatGrade,
  type Place,
  parseCredibility,
  parseReliability,
  QUALIFIERS,
  type Qualifier,
  type Reliability,
  suggestClaims,
} from "../core/evidence/index.js";
import { codePointIndexer, utf16Indexer } from "../core/evidence/segment.js";
import type { Store } from "../db/store.js";
import { placeIndex } from "./gazetteer-place-index.js";
import { linkSponsorGroups } from "./links.js";
import { type ReadOptions, type ReadSource, readSourceFile } from "./read-source.js";
import { indexSource } from "./search.js";

export interface SourceMeta {
  title?: string;
  publisher?: string;
  author?: string;
  published?: string;
  url?: string;
  reliability?: string;
  credibility?: string | number;
}

export interface AddSourceResult {
  status: "added" | "exists";
  sourceId: number;
  sha256: string;
  fileName: string;
  mediaType: string;
  chars: number;
  grade: string;
  suggested: number;
  title: string | null;
}

function actor(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

/** Accepts YYYY-MM-DD (or a longer ISO date-time, cut to its date). */
export function parseIsoDate(value: string, field: string): string {
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(v);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]))
      return `${m[1]}-${m[2]}-${m[3]}`;
  }
  throw new AppError(
    "usage",
    `${field}: "${value}" is not a date; expected YYYY-MM-DD, e.g. 2019-07-03`,
  );
}

/** The period `--from [--to]` names: its first and last day; `--to` defaults to the end of
 * `--from` ("--from 2019-06" is June 2019). */
export function parsePeriod(
  from: string | undefined,
  to: string | undefined,
): { start: string | null; end: string | null } {
  const start = from ? parsePeriodBound(from, "--from", "start") : null;
  const end = to ?? from;
  return { start, end: end ? parsePeriodBound(end, to ? "--to" : "--from", "end") : null };
}

/** A period bound: YYYY, YYYY-MM or YYYY-MM-DD, expanded to its first or last day. */
export function parsePeriodBound(value: string, field: string, edge: "start" | "end"): string {
  const v = value.trim();
  const y = /^(\d{4})$/.exec(v);
  if (y) return edge === "start" ? `${y[1]}-01-01` : `${y[1]}-12-31`;
  const ym = /^(\d{4})-(\d{2})$/.exec(v);
  if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) {
    const last = new Date(Date.UTC(Number(ym[1]), Number(ym[2]), 0)).getUTCDate();
    return edge === "start" ? `${v}-01` : `${v}-${String(last).padStart(2, "0")}`;
  }
  try {
    return parseIsoDate(v, field);
  } catch {
    throw new AppError(
      "usage",
      `${field}: "${value}" is not a date or period; expected YYYY, YYYY-MM or YYYY-MM-DD`,
    );
  }
}

function cleanUrl(value: string): string {
  try {
    return new URL(value.trim()).toString();
  } catch {
    throw new AppError(
      "usage",
      `--url: "${value}" is not a URL; expected e.g. https://www.example.org/report`,
    );
  }
}

/** Validates the grading and metadata before anything is read or written. */
export function validateMeta(meta: SourceMeta): {
  reliability: Reliability;
  credibility: Credibility;
  published: string | null;
  url: string | null;
} {
  return {
    reliability:
      meta.reliability === undefined ? DEFAULT_RELIABILITY : parseReliability(meta.reliability),
    credibility:
      meta.credibility === undefined ? DEFAULT_CREDIBILITY : parseCredibility(meta.credibility),
    published: meta.published ? parseIsoDate(meta.published, "--published") : null,
    url: meta.url ? cleanUrl(meta.url) : null,
  };
}

export async function addSource(
  store: Store,
  path: string,
  meta: SourceMeta = {},
  options: { suggest?: boolean; read?: ReadOptions } = {},
): Promise<AddSourceResult> {
  const checked = validateMeta(meta);
  const src = await readSourceFile(path, options.read);
  const existing = await store.one<{
    source_id: bigint;
    title: string | null;
    reliability: string;
    credibility: number;
  }>("SELECT source_id, title, reliability, credibility FROM evidence_sources WHERE sha256 = ?", [
    src.sha256,
  ]);
  if (existing) {
    return {
      status: "exists",
      sourceId: Number(existing.source_id),
      sha256: src.sha256,
      fileName: src.fileName,
      mediaType: src.mediaType,
      chars: [...src.text].length,
      grade: formatGrade(existing.reliability as Reliability, existing.credibility as Credibility),
      suggested: 0,
      title: existing.title,
    };
  }
  const published = checked.published ?? foundDate(src);
  const title = meta.title ?? src.found.title ?? null;
  const drafts =
    options.suggest === false ? [] : suggestClaims(src.text, { places: placeIndex(), published });
  const who = actor();
  const sourceId = await store.transaction(async () => {
    const row = await store.one<{ id: bigint }>("SELECT nextval('evidence_source_id_seq') AS id");
    const id = Number(row!.id);
    await store.run(
      `INSERT INTO evidence_sources (source_id, sha256, file_name, file_path, media_type, bytes, original, text, text_sha256,
         extractor, language, pages, title, publisher, author, published, url, reliability, credibility, captured_at, captured_by)
       VALUES ($id, $sha, $name, $path, $mt, $bytes, $orig, $text, $tsha, $ex, $lang, $pages, $title, $pub, $author,
         $published::DATE, $url, $rel, $cred, now(), $who)`,
      {
        id,
        sha: src.sha256,
        name: src.fileName,
        path: src.path,
        mt: src.mediaType,
        bytes: src.bytes.length,
        orig: blobValue(new Uint8Array(src.bytes)),
        text: src.text,
        tsha: src.textSha256,
        ex: src.extractor,
        lang: src.language,
        pages: src.pages,
        title,
        pub: meta.publisher ?? null,
        author: meta.author ?? src.found.author ?? null,
        published,
        url: checked.url ?? src.found.url ?? null,
        rel: checked.reliability,
        cred: checked.credibility,
        who,
      },
    );
    await logEvent(store, {
      sourceId: id,
      action: "captured",
      detail: `${src.fileName} sha256=${src.sha256} ${src.bytes.length} bytes ${src.mediaType} via ${src.extractor}; graded ${formatGrade(checked.reliability, checked.credibility)}`,
    });
    await indexSource(store, id, src.text);
    const pages = pageIndex(src.text, src.mediaType);
    for (const [i, d] of drafts.entries())
      await insertClaim(store, id, d, "suggested", null, null, {
        page: pages(d.start),
        rank: i + 1,
      });
    return id;
  });
  return {
    status: "added",
    sourceId,
    sha256: src.sha256,
    fileName: src.fileName,
    mediaType: src.mediaType,
    chars: [...src.text].length,
    grade: formatGrade(checked.reliability, checked.credibility),
    suggested: drafts.length,
    title,
  };
}

function foundDate(src: ReadSource): string | null {
  const v = src.found.published;
  if (!v) return null;
  try {
    return parseIsoDate(v, "published");
  } catch {
    return null;
  }
}

async function logEvent(
  store: Store,
  e: { sourceId?: number | null; claimId?: number | null; action: string; detail?: string },
): Promise<void> {
  await store.run("INSERT INTO evidence_events VALUES (now(), ?, ?, ?, ?, ?)", [
    e.sourceId ?? null,
    e.claimId ?? null,
    e.action,
    actor(),
    e.detail ?? null,
  ]);
}

/** Page lookup for many offsets: the 1-based page a code-point offset falls on in a PDF's text
 * (pages are separated by a form feed), or null for other files. */
export function pageIndex(text: string, mediaType: string): (codePoint: number) => number | null {
  if (mediaType !== "application/pdf") return () => null;
  const starts = [0];
  let cp = 0;
  for (const ch of text) {
    cp++;
    if (ch === "\f") starts.push(cp);
  }
  return (at) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

async function insertClaim(
  store: Store,
  sourceId: number,
  d: ClaimDraft,
  origin: "manual" | "suggested",
  credibility: Credibility | null,
  note: string | null,
  position: { page: number | null; rank: number | null } = { page: null, rank: null },
): Promise<number> {
  const row = await store.one<{ id: bigint }>("SELECT nextval('evidence_claim_id_seq') AS id");
  const id = Number(row!.id);
  await store.run(
    `INSERT INTO evidence_claims VALUES ($id, $src, $kind, $pt, $pid, $ps::DATE, $pe::DATE, $tt, $vmin, $vmax, $vu, $vt, $q,
       $org, $quote, $cs, $ce, $cred, $origin, $status, $note, now(), $page, $rank)`,
    {
      id,
      src: sourceId,
      kind: d.kind,
      pt: d.placeText,
      pid: d.placeId,
      ps: d.periodStart,
      pe: d.periodEnd,
      tt: d.timeText,
      vmin: d.valueMin,
      vmax: d.valueMax,
      vu: d.valueUnit,
      vt: d.valueText,
      q: d.qualifier,
      org: d.organisation,
      quote: d.quote,
      cs: d.start,
      ce: d.end,
      cred: credibility,
      origin,
      status: origin === "manual" ? "accepted" : "suggested",
      note,
      page: position.page,
      rank: position.rank,
    },
  );
  await logEvent(store, {
    sourceId,
    claimId: id,
    action: origin === "manual" ? "claim-added" : "claim-suggested",
    detail: `${d.kind} [${d.start},${d.end})`,
  });
  return id;
}

export interface ManualClaim {
  sourceId: number;
  kind: string;
  place?: string;
  from?: string;
  to?: string;
  value?: string;
  min?: string;
  max?: string;
  unit?: string;
  qualifier?: string;
  org?: string;
  quote?: string;
  start?: string;
  end?: string;
  occurrence?: string;
  credibility?: string;
  note?: string;
}

function parseNumber(value: string, field: string): number {
  const n = Number(value.replaceAll(",", "").trim());
  if (value.trim() === "" || !Number.isFinite(n) || n < 0)
    throw new AppError(
      "usage",
      `${field}: "${value}" is not a number; expected a non-negative number such as 6500`,
    );
  return n;
}

function parseOffset(value: string, field: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new AppError(
      "usage",
      `${field}: "${value}" is not a character offset; expected a whole number ≥ 0`,
    );
  return n;
}

/** Resolves a place name through the gazetteer, or explains what is known. */
export function resolvePlaceOrFail(name: string, field = "--place"): Place {
  const place = placeIndex().resolve(name);
  if (!place) {
    const cities = [...placeIndex().places.values()]
      .filter((p) => p.kind === "city")
      .map((p) => p.name);
    throw new AppError(
      "usage",
      `${field}: "${name}" is not in the gazetteer; expected a city (${cities.join(", ")}), a zone, a region (Yanbian, Jilin province, Liaoning) or a port (see sojourn ports --aliases)`,
    );
  }
  return place;
}

/** The code-point span a manual claim quotes: its --start/--end, or where its --quote occurs
 * (the --occurrence-th time when it occurs more than once). */
function quotationSpan(text: string, c: ManualClaim): [number, number] {
  const cpLength = [...text].length;
  let start: number;
  let end: number;
  if (c.start !== undefined || c.end !== undefined) {
    if (c.start === undefined || c.end === undefined)
      throw new AppError(
        "usage",
        "--start and --end go together: give both character offsets, or --quote",
      );
    start = parseOffset(c.start, "--start");
    end = parseOffset(c.end, "--end");
    if (end <= start || end > cpLength)
      throw new AppError(
        "usage",
        `--start ${start} --end ${end}: expected 0 ≤ start < end ≤ ${cpLength} (the source text's length in characters)`,
      );
    const u = utf16Indexer(text);
    const span = text.slice(u(start), u(end));
    if (c.quote !== undefined && c.quote !== span)
      throw new AppError(
        "usage",
        `--quote does not match the text at [${start}, ${end}): the source says "${span}"`,
      );
  } else if (c.quote !== undefined && c.quote.trim() !== "") {
    const hits: number[] = [];
    for (let i = text.indexOf(c.quote); i >= 0; i = text.indexOf(c.quote, i + 1)) hits.push(i);
    if (hits.length === 0)
      throw new AppError(
        "usage",
        `--quote: "${c.quote}" does not occur in source ${c.sourceId}'s text; copy it exactly (sojourn evidence show ${c.sourceId}) or give --start/--end`,
      );
    const cp = codePointIndexer(text);
    let pick = 0;
    if (hits.length > 1) {
      if (c.occurrence === undefined)
        throw new AppError(
          "usage",
          `--quote: "${c.quote}" occurs ${hits.length} times in source ${c.sourceId} (at characters ${hits.map(cp).join(", ")}); add --occurrence N (1-based) or --start/--end`,
        );
      pick = parseOffset(c.occurrence, "--occurrence") - 1;
      if (pick < 0 || pick >= hits.length)
        throw new AppError(
          "usage",
          `--occurrence: "${c.occurrence}" out of range; the quote occurs ${hits.length} times`,
        );
    }
    start = cp(hits[pick]!);
    end = start + [...c.quote].length;
  } else {
    throw new AppError(
      "usage",
      "a claim needs its quotation: --quote TEXT (as in the source), or --start N --end N",
    );
  }
  return [start, end];
}

export async function addManualClaim(store: Store, c: ManualClaim): Promise<number> {
  if (!(CLAIM_KINDS as readonly string[]).includes(c.kind))
    throw new AppError(
      "usage",
      `--kind: "${c.kind}" is not a claim kind; expected one of ${CLAIM_KINDS.join(", ")}`,
    );
  const src = await store.one<{ text: string; media_type: string }>(
    "SELECT text, media_type FROM evidence_sources WHERE source_id = ?",
    [c.sourceId],
  );
  if (!src)
    throw new AppError(
      "not-found",
      `no evidence source ${c.sourceId}; see sojourn evidence sources`,
    );
  const text = src.text;
  const [start, end] = quotationSpan(text, c);
  const place = c.place ? resolvePlaceOrFail(c.place) : undefined;
  const { start: periodStart, end: periodEnd } = parsePeriod(c.from, c.to);
  if (periodStart && periodEnd && periodEnd < periodStart)
    throw new AppError("usage", `--to ${periodEnd} is before --from ${periodStart}`);
  let valueMin: number | null = null;
  let valueMax: number | null = null;
  if (c.value !== undefined) valueMin = valueMax = parseNumber(c.value, "--value");
  if (c.min !== undefined) valueMin = parseNumber(c.min, "--min");
  if (c.max !== undefined) valueMax = parseNumber(c.max, "--max");
  if (valueMin !== null && valueMax !== null && valueMax < valueMin)
    throw new AppError("usage", `--max ${valueMax} is below --min ${valueMin}`);
  if (c.qualifier !== undefined && !(QUALIFIERS as readonly string[]).includes(c.qualifier))
    throw new AppError(
      "usage",
      `--qualifier: "${c.qualifier}" is not one of ${QUALIFIERS.join(", ")}`,
    );
  if (c.unit !== undefined && c.unit !== "workers" && c.unit !== "days")
    throw new AppError("usage", `--unit: "${c.unit}" is not one of workers, days`);
  const hasValue = valueMin !== null || valueMax !== null;
  const qualifier: Qualifier | null =
    (c.qualifier as Qualifier | undefined) ??
    (!hasValue
      ? null
      : valueMin === valueMax
        ? "exact"
        : valueMin === null
          ? "at_most"
          : valueMax === null
            ? "at_least"
            : "range");
  const u = utf16Indexer(text);
  const draft: ClaimDraft = {
    kind: c.kind as ClaimKind,
    placeText: c.place ?? null,
    placeId: place?.id ?? null,
    periodStart,
    periodEnd,
    timeText: null,
    valueMin,
    valueMax,
    valueUnit:
      (c.unit as "workers" | "days" | undefined) ??
      (hasValue ? (c.kind === "worker_count" ? "workers" : "days") : null),
    valueText: null,
    qualifier,
    organisation: c.org ?? null,
    quote: text.slice(u(start), u(end)),
    start,
    end,
  };
  const credibility = c.credibility === undefined ? null : parseCredibility(c.credibility);
  const page = pageIndex(text, src.media_type)(start);
  return store.transaction(() =>
    insertClaim(store, c.sourceId, draft, "manual", credibility, c.note ?? null, {
      page,
      rank: null,
    }),
  );
}

export async function setClaimStatus(
  store: Store,
  ids: number[],
  status: ClaimStatus,
): Promise<number> {
  if (!(CLAIM_STATUSES as readonly string[]).includes(status))
    throw new AppError("usage", `status "${status}" is not one of ${CLAIM_STATUSES.join(", ")}`);
  return store.transaction(async () => {
    for (const id of ids) {
      const row = await store.one<{ source_id: bigint }>(
        "SELECT source_id FROM evidence_claims WHERE claim_id = ?",
        [id],
      );
      if (!row) throw new AppError("not-found", `no claim ${id}; see sojourn evidence claims`);
      await store.run("UPDATE evidence_claims SET status = ? WHERE claim_id = ?", [status, id]);
      await logEvent(store, {
        sourceId: Number(row.source_id),
        claimId: id,
        action: `claim-${status}`,
      });
    }
    return ids.length;
  });
}

export interface ClaimFilter {
  place?: string;
  kind?: string;
  sourceId?: number;
  status?: string;
  claimIds?: number[];
}

export interface ClaimRow {
  claim_id: number;
  source_id: number;
  kind: ClaimKind;
  place_text: string | null;
  place_id: string | null;
  place: string | null;
  period_start: string | null;
  period_end: string | null;
  time_text: string | null;
  value_min: number | null;
  value_max: number | null;
  value_unit: string | null;
  value_text: string | null;
  qualifier: string | null;
  organisation: string | null;
  quote: string;
  char_start: number;
  char_end: number;
  /** The PDF page of the quotation; null for other files. */
  page: number | null;
  /** A suggestion's place in the review queue (1 = strongest); null for manual claims. */
  suggestion_rank: number | null;
  origin: string;
  status: ClaimStatus;
  note: string | null;
  reliability: Reliability;
  credibility: Credibility;
  grade: string;
  source_title: string | null;
  publisher: string | null;
  published: string | null;
  source_sha256: string;
  corroborated_by: number[];
  independent_sources: number;
  /** The sponsor groups in the crossing records that the claim's organisation belongs to
   * (sponsors.sponsor_key); empty without an organisation or before analyze has run. */
  sponsor_keys: string[];
}

/** Claims with their grade (reliability from the source; credibility the claim's own, else the
 * source's) and corroboration by accepted claims of independent sources. */
export async function listClaims(store: Store, filter: ClaimFilter = {}): Promise<ClaimRow[]> {
  if (filter.kind !== undefined && !(CLAIM_KINDS as readonly string[]).includes(filter.kind))
    throw new AppError(
      "usage",
      `--kind: "${filter.kind}" is not a claim kind; expected one of ${CLAIM_KINDS.join(", ")}`,
    );
  if (
    filter.status !== undefined &&
    filter.status !== "all" &&
    !(CLAIM_STATUSES as readonly string[]).includes(filter.status)
  )
    throw new AppError(
      "usage",
      `--status: "${filter.status}" is not one of ${CLAIM_STATUSES.join(", ")}, all`,
    );
  const places = placeIndex().places;
  const filterPlace = filter.place ? resolvePlaceOrFail(filter.place) : undefined;
  const all = await store.json<
    Omit<
      ClaimRow,
      "corroborated_by" | "independent_sources" | "grade" | "place" | "sponsor_keys"
    > & {
      text_sha256: string;
    }
  >(
    `SELECT CAST(c.claim_id AS INTEGER) AS claim_id, CAST(c.source_id AS INTEGER) AS source_id, c.kind, c.place_text, c.place_id, CAST(c.period_start AS VARCHAR) AS period_start,
       CAST(c.period_end AS VARCHAR) AS period_end, c.time_text, c.value_min, c.value_max, c.value_unit, c.value_text, c.qualifier,
       c.organisation, c.quote, c.char_start, c.char_end, c.page, c.suggestion_rank, c.origin, c.status, c.note, s.reliability,
       coalesce(c.credibility, s.credibility) AS credibility, s.title AS source_title, s.publisher,
       CAST(s.published AS VARCHAR) AS published, s.sha256 AS source_sha256, s.text_sha256
     FROM evidence_claims c JOIN evidence_sources s USING (source_id)
     ORDER BY c.source_id, c.char_start, c.claim_id`,
  );
  const cities = (id: string | null) => (id ? (places.get(id)?.cityIds ?? []) : []);
  const accepted = all.filter((c) => c.status === "accepted");
  const input = (c: (typeof all)[number]) => ({
    claimId: c.claim_id,
    sourceId: c.source_id,
    publisher: c.publisher,
    textSha256: c.text_sha256,
    kind: c.kind,
    placeId: c.place_id,
    cityIds: cities(c.place_id),
    periodStart: c.period_start,
    periodEnd: c.period_end,
    valueMin: c.value_min,
    valueMax: c.value_max,
    organisation: c.organisation,
  });
  const rows = all.filter((c) => {
    if (filter.kind && c.kind !== filter.kind) return false;
    if (filter.sourceId !== undefined && c.source_id !== filter.sourceId) return false;
    if (filter.claimIds && !filter.claimIds.includes(c.claim_id)) return false;
    const status = filter.status ?? "default";
    if (status === "default" ? c.status === "rejected" : status !== "all" && c.status !== status)
      return false;
    if (filterPlace && !placeWithin(c.place_id, filterPlace)) return false;
    return true;
  });
  // The review queue (`--status suggested`) starts with each source's strongest suggestions.
  if (filter.status === "suggested")
    rows.sort(
      (a, b) =>
        a.source_id - b.source_id ||
        (a.suggestion_rank ?? Number.MAX_SAFE_INTEGER) -
          (b.suggestion_rank ?? Number.MAX_SAFE_INTEGER),
    );
  const sponsorGroups = await linkSponsorGroups(store, [
    ...new Set(rows.flatMap((c) => (c.organisation ? [c.organisation] : []))),
  ]);
  return rows.map(({ text_sha256: _t, ...c }) => {
    const [corr] = corroborate([
      input({ ...c, text_sha256: _t }),
      ...accepted.filter((a) => a.claim_id !== c.claim_id).map(input),
    ]);
    return {
      ...c,
      place: c.place_id ? (places.get(c.place_id)?.name ?? c.place_id) : null,
      grade: formatGrade(c.reliability, c.credibility),
      corroborated_by: corr?.corroboratedBy ?? [],
      independent_sources: corr?.independentSources ?? 1,
      sponsor_keys: (c.organisation && sponsorGroups.get(c.organisation)) || [],
    };
  });
}

/** Whether a claim's place lies inside the place asked about (a zone or port in a city, a
 * city in a region). */
export function placeWithin(claimPlaceId: string | null, filter: Place): boolean {
  if (!claimPlaceId) return false;
  if (claimPlaceId === filter.id) return true;
  if (filter.kind === "zone" || filter.kind === "port") return false;
  const claimPlace = placeIndex().places.get(claimPlaceId);
  if (!claimPlace || claimPlace.kind === "region") return false;
  return claimPlace.cityIds.every((c) => filter.cityIds.includes(c));
}

export async function listSources(store: Store) {
  return store.json(
    `SELECT CAST(s.source_id AS INTEGER) AS source_id, s.title, s.publisher, s.author, CAST(s.published AS VARCHAR) AS published, s.url, s.file_name, s.media_type,
       s.bytes, s.sha256, s.language, s.pages, s.extractor, s.reliability || CAST(s.credibility AS VARCHAR) AS grade,
       strftime(s.captured_at, '%Y-%m-%dT%H:%M:%SZ') AS captured_at, s.captured_by,
       CAST((SELECT count(*) FROM evidence_claims c WHERE c.source_id = s.source_id AND c.status = 'accepted') AS INTEGER) AS accepted_claims,
       CAST((SELECT count(*) FROM evidence_claims c WHERE c.source_id = s.source_id AND c.status = 'suggested') AS INTEGER) AS suggested_claims
     FROM evidence_sources s ORDER BY s.source_id`,
  );
}
