/**
 * From a reader's relation to sorted records, in SQL, inside the caller's transaction.
 *
 * Rows go straight from the reader into `records` in one order-preserving projection (so a
 * 10M-row file costs little more than DuckDB's own read_csv), and are sorted there: rejects
 * and duplicates are moved out before the transaction commits. Vocabulary columns are mapped
 * through ENUM casts (a hash lookup that keeps row order, unlike a join); the few values no
 * vocabulary knows are then resolved once per distinct value in TypeScript.
 */
import { detectScript } from "../core/names/detect-script.js";
import type { Store } from "../db/store.js";
import { sqlString } from "../db/store.js";
import { VOCABULARY_KINDS, type Vocabulary, type VocabularyKind } from "./vocabulary.js";

export interface SortCounts {
  loaded: number;
  duplicates: number;
  rejected: number;
  reexports: number;
  warnings: number;
  unknownPorts: { port: string; records: number }[];
}

/** DuckDB's prefix on an error met while a polled statement runs. */
const POLLED_ERROR = /^Failure running pending result task: /;

/**
 * Runs a statement over every row of a run with this thread handing DuckDB its tasks
 * (`Store.runPolled`): on a busy machine DuckDB's own worker otherwise spins while waiting
 * for a pipeline's last task. Errors keep DuckDB's own message.
 */
async function runHeavy(store: Store, sql: string): Promise<void> {
  try {
    await store.runPolled(sql);
  } catch (err) {
    if (err instanceof Error && POLLED_ERROR.test(err.message))
      throw new Error(err.message.replace(POLLED_ERROR, ""), { cause: err });
    throw err;
  }
}

const TZ_FORMATS = [
  "%Y-%m-%dT%H:%M:%S%z",
  "%Y-%m-%dT%H:%M%z",
  "%Y-%m-%d %H:%M:%S%z",
  "%Y-%m-%d %H:%M%z",
];
/** How a date written with slashes and the year last is read: 03/06/2019 is 3 June (day
 * first, as most of the world and the region's exports write it) or 6 March (month first, US
 * style). Dotted dates (03.06.2019) are always day first. */
export const DATE_ORDERS = ["dmy", "mdy"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

function localFormats(order: DateOrder): string[] {
  const slash = order === "dmy" ? "%d/%m/%Y" : "%m/%d/%Y";
  return [
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    `${slash} %H:%M:%S`,
    `${slash} %H:%M`,
    "%d.%m.%Y %H:%M",
  ];
}
function dateFormats(order: DateOrder): string[] {
  return ["%Y/%m/%d", order === "dmy" ? "%d/%m/%Y" : "%m/%d/%Y", "%d.%m.%Y", "%Y%m%d"];
}

/** A UTC offset no place uses (past ±14 hours, or minutes past 59), which DuckDB's casts
 * would otherwise carry into the next day: `+99:00`, `+08:75`. Offsets in use run from
 * -12:00 to +14:00 (IANA time zone database). */
const IMPOSSIBLE_OFFSET =
  ":[0-9]{2}(?:[.][0-9]+)?[+-](?:(?:1[5-9]|[2-9][0-9])(?::?[0-9]{2})?|[0-9]{2}:?[6-9][0-9])$";

const list = (xs: readonly string[]) => `[${xs.map(sqlString).join(", ")}]`;

/** Expected-value texts, so every reject says what would have been accepted. */
export const EXPECTED = {
  crossed_at:
    "expected ISO 8601 with offset (2019-06-03T09:15:00+08:00), a local date-time (2019-06-03 09:15) or a date (2019-06-03, 03/06/2019 day first)",
  direction: "expected entry or exit (or in/out, arrival/departure, 入境/出境, 입국/출국)",
  nationality:
    "expected an ISO 3166-1 alpha-3 code such as PRK (alpha-2 codes and country names are read too)",
};

/** Where each vocabulary column's raw value lives once a row is in `records`. */
const RAW: Record<VocabularyKind, { column: string; raw: string }> = {
  direction: { column: "direction", raw: "raw_direction" },
  port: { column: "port_id", raw: "port_raw" },
  nationality: { column: "nationality", raw: "raw_nationality" },
  doc_type: { column: "doc_type", raw: "raw_doc_type" },
  visa_type: { column: "visa_type", raw: "raw_visa_type" },
  sex: { column: "sex", raw: "raw_sex" },
};

/**
 * The keys each lookup type holds: every vocabulary key (lower-cased, trimmed) plus, for ASCII
 * keys, the upper-case and capitalised spellings whose lower-case form is that key. Values
 * are usually written in one of those forms ("PRK", "Quanhe", "M"), so most rows match on
 * the first, exact cast and skip lower(trim(...)); the result is the same either way.
 *
 * Keys that map to themselves ("entry", "PRK", "M") come first, so the position of an exact
 * match says whether the value was written in its normalised form: below `identity` it was,
 * and the raw column stays empty without comparing strings row by row.
 */
function lookupEntries(
  vocab: Vocabulary,
  kind: VocabularyKind,
): { entries: [string, string][]; identity: number } {
  const out = new Map<string, string>();
  const capitalised = (k: string) =>
    k.replace(/(^|[ \-'(])([a-z])/g, (_, a, b) => a + b.toUpperCase());
  for (const [k, v] of vocab.entries(kind)) if (!out.has(k)) out.set(k, v);
  for (const [k, v] of vocab.entries(kind)) {
    if (!/^[\x20-\x7e]*$/.test(k)) continue;
    for (const variant of [k.toUpperCase(), capitalised(k)])
      if (variant.toLowerCase() === k && !out.has(variant)) out.set(variant, v);
  }
  const all = [...out];
  const same = all.filter(([k, v]) => k === v);
  return { entries: [...same, ...all.filter(([k, v]) => k !== v)], identity: same.length };
}

/** Prepares the per-file lookup types; drop them with `dropLookups` before committing. */
export async function createLookups(store: Store, vocab: Vocabulary): Promise<void> {
  for (const kind of VOCABULARY_KINDS) {
    const { entries } = lookupEntries(vocab, kind);
    // A process killed after the append committed and before DuckDB's next checkpoint can
    // leave these types behind once the write-ahead log is replayed (found by the kill
    // harness, test/crash): a leftover one is replaced, not an error that stops every ingest.
    await store.run(`DROP TYPE IF EXISTS ingest_key_${kind}`);
    await store.run(
      `CREATE TYPE ingest_key_${kind} AS ENUM (${entries.map(([k]) => sqlString(k)).join(", ")})`,
    );
  }
}

export async function dropLookups(store: Store): Promise<void> {
  for (const kind of VOCABULARY_KINDS) await store.run(`DROP TYPE IF EXISTS ingest_key_${kind}`);
}

/** The ENUM type of `records` each vocabulary column is stored as (migration 006; ports and
 * nationalities: `stored-vocabulary.ts`, which has made them hold every value before this runs). */
const STORED_TYPE: Partial<Record<VocabularyKind, string>> = {
  port: "port_code",
  nationality: "nationality_code",
  direction: "direction_code",
  doc_type: "doc_type_code",
  visa_type: "visa_type_code",
  sex: "sex_code",
};

/** The exact-spelling match of a vocabulary column: the position of its key, or NULL. */
function exactKey(kind: VocabularyKind, column: string): string {
  return `enum_code(TRY_CAST(${column} AS ingest_key_${kind}))`;
}

/** A vocabulary column's normalised value, from its exact match (`exact`, see `exactKey`)
 * or else the lower-cased, trimmed spelling. */
function lookup(vocab: Vocabulary, kind: VocabularyKind, column: string, exact: string): string {
  const values = lookupEntries(vocab, kind).entries.map(([, v]) => v);
  // A list of the stored ENUM type hands the insert one-byte codes, not strings to cast.
  const stored = STORED_TYPE[kind];
  const target = stored ? `CAST(${list(values)} AS ${stored}[])` : list(values);
  return `${target}[coalesce(${exact}, enum_code(TRY_CAST(lower(trim(${column})) AS ingest_key_${kind}))) + 1]`;
}

/** The raw value to keep for a vocabulary column: NULL when it was written exactly as its
 * normalised value. Every value is a key of its own when the vocabulary is complete; where
 * one is not, the strings are compared. */
function rawValue(
  vocab: Vocabulary,
  kind: VocabularyKind,
  column: string,
  exact: string,
  normalised: string,
): string {
  const { entries, identity } = lookupEntries(vocab, kind);
  const keys = new Map(entries);
  const complete = entries.every(([, v]) => keys.get(v) === v);
  return complete
    ? `CASE WHEN ${exact} < ${identity} THEN NULL ELSE ${column} END`
    : `CASE WHEN CAST(${normalised} AS VARCHAR) IS DISTINCT FROM ${column} THEN ${column} END`;
}

/** trim(), but only for the values that need it: trimming every value of every column
 * costs more than the rest of a column's normalisation. DuckDB's trim removes spaces. */
function trimmed(column: string): string {
  return `CASE WHEN prefix(${column}, ' ') OR suffix(${column}, ' ') THEN trim(${column}) ELSE ${column} END`;
}

/** The characters `detectScript` (src/core/names/detect-script.ts) counts as Latin letters or
 * passes over (ASCII, combining marks, punctuation and the apostrophe-like marks of
 * romanisations such as Kyŏngsŏng or Ch'ŏrhyŏk): a name of these alone whose first character
 * is a Latin letter is Latin. */
const LATIN_OR_NEUTRAL =
  "[\\x00-\\x7F\\x{B7}\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{24F}\\x{2B9}\\x{2BA}\\x{2BC}\\x{2EE}\\x{300}-\\x{36F}\\x{1E00}-\\x{1EFF}\\x{2000}-\\x{206F}\\x{3000}-\\x{303F}\\x{30FB}\\x{FF10}-\\x{FF19}\\x{FF21}-\\x{FF3A}\\x{FF41}-\\x{FF5A}]+";

/** The script of a name decided in SQL for the common shapes — ASCII (Latin letters, or none),
 * a Latin letter first and then only Latin letters and neutral characters (romanised names
 * with breves and apostrophes), only Hangul syllables or only Chinese characters (with
 * spaces) — by the same character ranges as the names module (GLOB for the ASCII test: a
 * third of the cost of a regex); NULL for any other name, which `sortRun` resolves with the
 * names module once per distinct name. Deciding here spares rewriting rows afterwards. */
function nameScript(column: string): string {
  const first = `ord(${column})`;
  return `CASE WHEN ${column} IS NULL THEN NULL
    WHEN strlen(${column}) = length(${column})
      THEN CASE WHEN ${column} GLOB '*[A-Za-z]*' THEN 'latin'::script_code ELSE 'other'::script_code END
    -- The first character (never a space: names are trimmed) says which of the tests can
    -- succeed, so a name costs one regex at most.
    WHEN ${first} BETWEEN 65 AND 90 OR ${first} BETWEEN 97 AND 122 OR (${first} BETWEEN 192 AND 591 AND ${first} NOT IN (215, 247)) OR ${first} BETWEEN 7680 AND 7935
      THEN CASE WHEN regexp_full_match(${column}, '${LATIN_OR_NEUTRAL}') THEN 'latin'::script_code END
    WHEN ${first} BETWEEN 44032 AND 55203 OR ${first} BETWEEN 4352 AND 4607 OR ${first} BETWEEN 12592 AND 12687
      THEN CASE WHEN regexp_full_match(${column}, '[\\x{AC00}-\\x{D7A3}\\x{1100}-\\x{11FF}\\x{3130}-\\x{318F} ]+') THEN 'hangul'::script_code END
    WHEN ${first} BETWEEN 19968 AND 40959 OR ${first} BETWEEN 13312 AND 19903 OR ${first} BETWEEN 63744 AND 64255 OR ${first} BETWEEN 131072 AND 201551
      THEN CASE WHEN regexp_full_match(${column}, '[\\x{4E00}-\\x{9FFF}\\x{3400}-\\x{4DBF}\\x{F900}-\\x{FAFF}\\x{20000}-\\x{3134F} ]+') THEN 'han'::script_code END
    END`;
}

/**
 * The canonical spelling of `crossed_at` for each time precision. A value written exactly so
 * is not kept in `raw_crossed_at` (it would double the widest column of the store); this
 * expression gives it back from the normalised columns.
 */
export function canonicalCrossedAtSql(timeZone: string): string {
  return `CASE time_precision
    WHEN 'instant' THEN strftime(CAST(crossed_at AS TIMESTAMP) + INTERVAL 8 HOUR, '%Y-%m-%dT%H:%M:%S') || '+08:00'
    WHEN 'local' THEN strftime(timezone(${sqlString(timeZone)}, crossed_at), '%Y-%m-%d %H:%M')
    WHEN 'date' THEN strftime(local_date, '%Y-%m-%d') END`;
}

/** `crossed_at` as it was written in the file. */
export function rawCrossedAtSql(timeZone: string): string {
  return `coalesce(raw_crossed_at, ${canonicalCrossedAtSql(timeZone)})`;
}

/**
 * Inserts every row of `relation` (which has the contract's column names and, when
 * `hasLine`, a `line` column) into `records` for run `runId`.
 */
export async function insertRecords(
  store: Store,
  relation: string,
  opts: {
    runId: number;
    defaultSource: string;
    timeZone: string;
    vocab: Vocabulary;
    hasLine: boolean;
    dateOrder?: DateOrder;
  },
): Promise<void> {
  const LOCAL_FORMATS = localFormats(opts.dateOrder ?? "dmy");
  const DATE_FORMATS = dateFormats(opts.dateOrder ?? "dmy");
  const tz = sqlString(opts.timeZone);
  const v = opts.vocab;
  // China has kept UTC+8 all year since 1992 (no daylight saving after 1991), so for a
  // Chinese port a local time after that converts to an instant by arithmetic; earlier
  // times, and any other zone, go through the time-zone database.
  const fixedOffset = opts.timeZone === "Asia/Shanghai";
  const toInstant = (local: string) =>
    fixedOffset
      ? `CASE WHEN ${local} >= TIMESTAMP '1992-01-01' THEN to_timestamp(epoch(${local}) - 28800) ELSE timezone(${tz}, ${local}) END`
      : `timezone(${tz}, ${local})`;
  // An offset (Z, +08, +08:00, +0800) makes an instant; a time without one is local to the
  // port. The canonical forms (checked with LIKE) take the cheapest casts; the other accepted
  // forms go through strptime. Character tests instead of regular expressions: at 10M rows
  // every regex costs seconds.
  await runHeavy(
    store,
    `INSERT INTO records
    SELECT ${opts.hasLine ? `(${opts.runId}::BIGINT << 32) + line` : "NULL"}, src, rid, ${opts.runId},
      ${opts.hasLine ? "line" : "NULL"}, ts, ld, prec, dir, port_id, port_raw, nat, doc, dtype,
      fam, giv, ful, ${nameScript("fam")}, ${nameScript("giv")}, ${nameScript("ful")},
      bd, sx, visa, nullif(${trimmed("purpose")}, ''), nullif(${trimmed("sponsor")}, ''), nullif(${trimmed("group_id")}, ''),
      CASE WHEN ts IS NULL OR NOT (canon_instant OR crossed_at LIKE '____-__-__' OR ${
        // A local time round-trips through the instant only where the offset is fixed (no
        // daylight-saving gap or overlap to fall into).
        fixedOffset ? "(crossed_at LIKE '____-__-__ __:__' AND crossed_at >= '1992')" : "false"
      }) THEN crossed_at END,
      ${rawValue(v, "direction", "direction", "k_dir", "dir")},
      ${rawValue(v, "nationality", "nationality", "k_nat", "nat")},
      CASE WHEN doc IS DISTINCT FROM doc_number THEN doc_number END,
      ${rawValue(v, "doc_type", "doc_type", "k_dtype", "dtype")},
      -- Written as the date prints (YYYY-MM-DD, year 1 or later) is the only spelling that
      -- reads back as itself: a text test instead of printing every date again.
      CASE WHEN bd IS NOT NULL AND birth_date LIKE '____-__-__' AND birth_date >= '0001' THEN NULL ELSE birth_date END,
      ${rawValue(v, "sex", "sex", "k_sx", "sx")},
      ${rawValue(v, "visa_type", "visa_type", "k_visa", "visa")},
      extra, NULL
    FROM (
      SELECT *,
        CASE WHEN canon_instant THEN to_timestamp(epoch(ts_canon) - 28800)
          ELSE coalesce(ts_tz, ${toInstant("coalesce(ts_local, ts_date)")}) END AS ts,
        CASE WHEN canon_instant OR ts_tz IS NOT NULL THEN 'instant'::time_precision_code WHEN ts_local IS NOT NULL THEN 'local'::time_precision_code
          WHEN ts_date IS NOT NULL THEN 'date'::time_precision_code END AS prec,
        CASE WHEN canon_instant THEN CAST(ts_canon AS DATE)
          WHEN ts_tz IS NOT NULL THEN CAST(timezone(${tz}, ts_tz) AS DATE) ELSE CAST(coalesce(ts_local, ts_date) AS DATE) END AS ld
      FROM (
        SELECT *,
          CASE WHEN canon_instant THEN TRY_CAST(substr(t0, 1, 19) AS TIMESTAMP) END AS ts_canon,
          CASE WHEN NOT canon_instant AND has_time AND has_offset AND NOT regexp_matches(t0, ${sqlString(IMPOSSIBLE_OFFSET)}) THEN coalesce(TRY_CAST(t0 AS TIMESTAMPTZ), try_strptime(t0, ${list(TZ_FORMATS)})) END AS ts_tz,
          CASE WHEN has_time AND NOT has_offset THEN coalesce(TRY_CAST(t0 AS TIMESTAMP), try_strptime(t0, ${list(LOCAL_FORMATS)})) END AS ts_local,
          CASE WHEN NOT has_time THEN coalesce(TRY_CAST(TRY_CAST(t0 AS DATE) AS TIMESTAMP), try_strptime(t0, ${list(DATE_FORMATS)})) END AS ts_date,
          CAST(coalesce(TRY_CAST(${trimmed("birth_date")} AS DATE), try_strptime(trim(birth_date), ${list(DATE_FORMATS)})) AS DATE) AS bd,
          ${lookup(v, "direction", "direction", "k_dir")} AS dir,
          ${lookup(v, "port", "port", exactKey("port", "port"))} AS port_id,
          ${lookup(v, "nationality", "nationality", "k_nat")} AS nat,
          ${lookup(v, "doc_type", "doc_type", "k_dtype")} AS dtype,
          ${lookup(v, "visa_type", "visa_type", "k_visa")} AS visa,
          ${lookup(v, "sex", "sex", "k_sx")} AS sx
        FROM (
        SELECT *, contains(t0, ':') AS has_time,
          ${exactKey("direction", "direction")} AS k_dir, ${exactKey("nationality", "nationality")} AS k_nat,
          ${exactKey("doc_type", "doc_type")} AS k_dtype, ${exactKey("visa_type", "visa_type")} AS k_visa,
          ${exactKey("sex", "sex")} AS k_sx,
          -- "+" anywhere, a final Z, or a "-" after the time's colon: only offsets put them there.
          contains(t0, '+') OR suffix(t0, 'Z') OR t0 LIKE '%:%-%' AS has_offset,
          ${fixedOffset ? "crossed_at LIKE '____-__-__T__:__:__+08:00' AND crossed_at >= '1992'" : "false"} AS canon_instant
        FROM (
          SELECT *, nullif(${trimmed("record_id")}, '') AS rid, coalesce(nullif(${trimmed("source")}, ''), ${sqlString(opts.defaultSource)}) AS src,
            ${trimmed("crossed_at")} AS t0,
            CASE WHEN contains(doc_number, ' ') OR doc_number <> upper(doc_number)
              THEN nullif(upper(replace(doc_number, ' ', '')), '') ELSE nullif(doc_number, '') END AS doc,
            nullif(${trimmed("port")}, '') AS port_raw,
            nullif(${trimmed("family_name")}, '') AS fam, nullif(${trimmed("given_name")}, '') AS giv, nullif(${trimmed("full_name")}, '') AS ful
          FROM (${relation})
        ))
      )
    )`,
  );
}

/** Rows per bucket of the skipped-line lookup in `numberLines`. */
const LINE_BUCKET_BITS = 8;

/**
 * For rows read by DuckDB without line numbers: they were inserted in file order, one a line
 * from `firstLine` on, except the lines in `skipped` (ascending; lines DuckDB could not read).
 * The row at position p then sits on line p + firstLine + (skipped lines up to it). The j-th
 * skipped line s_j is passed by the rows at positions from t_j = s_j - firstLine - j on, and
 * these thresholds never decrease, so the skipped lines up to a row are the thresholds ≤ p.
 * They are counted through buckets of 2^LINE_BUCKET_BITS positions, one for every bucket of
 * the run's rows, each holding the count before it and its own thresholds. The update joins
 * the rows to that small table on their bucket: no sort of every row (as an ASOF join needs)
 * and no join of the run's rows with themselves.
 */
export async function numberLines(
  store: Store,
  runId: number,
  firstLine: number,
  skipped: readonly number[] = [],
): Promise<void> {
  const [span] = await store.all<{ first: bigint | null; last: bigint | null }>(
    `SELECT min(rowid) AS first, max(rowid) AS last FROM records WHERE run_id = ${runId} AND line IS NULL`,
  );
  if (span?.first == null || span.last == null) return;
  const position = `(records.rowid - ${span.first})`;
  if (skipped.length === 0) {
    await runHeavy(
      store,
      `UPDATE records SET line = ${position} + ${firstLine},
        rec_key = (${runId}::BIGINT << 32) + ${position} + ${firstLine}
      WHERE run_id = ${runId} AND line IS NULL`,
    );
    return;
  }
  await store.run("CREATE OR REPLACE TEMP TABLE ingest_skips (t BIGINT)");
  const appender = await store.conn.createAppender("ingest_skips", "main", "temp");
  skipped.forEach((line, j) => {
    appender.appendBigInt(BigInt(line - firstLine - j));
    appender.endRow();
  });
  appender.flushSync();
  appender.closeSync();
  const bits = LINE_BUCKET_BITS;
  const buckets = ((span.last - span.first) >> BigInt(bits)) + 1n;
  const line = `${position} + ${firstLine} + k.before + coalesce(len(list_filter(k.ts, lambda x: x <= ${position})), 0)`;
  await runHeavy(
    store,
    `UPDATE records SET line = ${line}, rec_key = (${runId}::BIGINT << 32) + ${line}
    FROM (
      WITH s AS (SELECT t >> ${bits} AS b, count(*) AS n, list(t) AS ts FROM temp.ingest_skips GROUP BY 1)
      SELECT g.range AS b, s.ts,
        coalesce(sum(s.n) OVER (ORDER BY g.range ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
      FROM range(0, ${buckets}) g LEFT JOIN s ON s.b = g.range
    ) k
    WHERE records.run_id = ${runId} AND records.line IS NULL AND k.b = ${position} >> ${bits}`,
  );
  await store.run("DROP TABLE temp.ingest_skips");
}

/** Resolves vocabulary values the ENUM lookups did not know (other spellings, extra spaces). */
async function resolveLeftovers(store: Store, runId: number, vocab: Vocabulary): Promise<void> {
  for (const kind of VOCABULARY_KINDS) {
    const { column, raw } = RAW[kind];
    const distinct = await store.all<{ v: string }>(
      `SELECT DISTINCT ${raw} AS v FROM records WHERE run_id = ${runId} AND ${column} IS NULL AND nullif(trim(${raw}), '') IS NOT NULL`,
    );
    const fixes = distinct
      .map(({ v }) => [v, vocab.map(kind, v)] as const)
      .filter(([, m]) => m !== null);
    if (fixes.length === 0) continue;
    await store.run(
      `UPDATE records SET ${column} = f.value
       FROM (SELECT * FROM (VALUES ${fixes.map(([r, m]) => `(${sqlString(r)}, ${sqlString(m ?? "")})`).join(", ")}) t(raw, value)) f
       WHERE records.run_id = ${runId} AND records.${column} IS NULL AND records.${raw} = f.raw`,
    );
  }
}

const INVALID = `(record_id IS NULL OR crossed_at IS NULL OR year(local_date) NOT BETWEEN 1900 AND 2100
  OR direction IS NULL OR port_raw IS NULL OR nationality IS NULL OR doc_number IS NULL)`;

/**
 * Duplicates: the same source + record_id already in the store, or earlier in this file. Ids
 * that only grow down the file cannot repeat within it; when no other run holds rows of the
 * file's sources either, there is nothing to look for. Candidates are found on a 64-bit hash
 * of the key (of the id alone when the file has one source, the usual case, whose rows are
 * then the only ones compared) and the exact comparison runs on those rows only; the row kept
 * among a key's copies is the copy from an earlier run, else the first line of this file.
 * Where the candidates are found depends on the store (`duplicateCandidates`). Returns how
 * many rows of the run were removed.
 */
async function removeDuplicates(
  store: Store,
  runId: number,
  idsIncreasing: boolean,
): Promise<number> {
  const found = await store.all<{ source: string }>(
    `SELECT DISTINCT source FROM records WHERE run_id = ${runId}`,
  );
  // The sources as constants: the scan stops at the first match, and column statistics skip
  // the row groups without them (a semi-join on the run's sources read the whole column).
  const sources = found.map((f) => sqlString(f.source)).join(", ") || "NULL";
  const others =
    (
      await store.all(
        `SELECT 1 FROM records WHERE run_id <> ${runId} AND source IN (${sources}) LIMIT 1`,
      )
    ).length > 0;
  if (idsIncreasing && !others) return 0;
  const [only] = found;
  const key = found.length === 1 ? "hash(record_id)" : "hash(source, record_id)";
  const rows =
    found.length === 1 && only
      ? `(SELECT * FROM records WHERE source = ${sqlString(only.source)})`
      : "records";
  await runHeavy(
    store,
    `CREATE OR REPLACE TEMP TABLE ingest_dups AS
    WITH c AS (${duplicateCandidates(runId, others, rows, key)}),
      firsts AS (
        SELECT source, record_id, arg_min(rec_key, (run_id = ${runId}, line)) AS keep FROM c
        GROUP BY source, record_id HAVING count(*) > 1)
    SELECT c.rec_key FROM c JOIN firsts f USING (source, record_id)
    WHERE c.run_id = ${runId} AND c.rec_key <> f.keep`,
  );
  const [dup] = await store.all<{ n: bigint }>("SELECT count(*) AS n FROM temp.ingest_dups");
  const n = Number(dup?.n ?? 0);
  if (n > 0) {
    await store.run(
      `DELETE FROM records WHERE run_id = ${runId} AND rec_key IN (SELECT rec_key FROM temp.ingest_dups)`,
    );
  }
  await store.run("DROP TABLE temp.ingest_dups");
  return n;
}

/**
 * The rows that may share a key with another (`key`, a hash, over `rows`). With no other run
 * holding the file's sources, only the file's own rows can: their hashes seen more than once,
 * one aggregate over the run. Otherwise the store's rows whose hash is one of the run's, by a
 * semi-join on the run's distinct hashes: the store's rows are probed against the file's, not
 * grouped, so beyond one scan of the key columns the work grows with the file, not the store
 * (a hash aggregate of every stored row was most of a day's ingest into a large store, and its
 * peak memory). Keys seen once among them are dropped by the exact grouping after.
 */
function duplicateCandidates(runId: number, others: boolean, rows: string, key: string): string {
  const columns = "rec_key, run_id, line, source, record_id";
  if (!others)
    return `SELECT ${columns} FROM records WHERE run_id = ${runId} AND ${key} IN (
        SELECT ${key} FROM records WHERE run_id = ${runId} GROUP BY ALL HAVING count(*) > 1)`;
  return `SELECT ${columns} FROM ${rows}
      SEMI JOIN (SELECT DISTINCT ${key} AS h FROM records WHERE run_id = ${runId}) k ON ${key} = k.h`;
}

/** A rejected row rebuilt from its stored values, for a reject whose line is not read again. */
const REBUILT_RAW = `left(concat_ws(',', record_id, raw_crossed_at, coalesce(raw_direction, direction), port_raw,
        coalesce(raw_nationality, nationality), coalesce(raw_doc_number, doc_number), coalesce(raw_doc_type, doc_type),
        family_name, given_name, full_name, coalesce(raw_birth_date, CAST(birth_date AS VARCHAR)), coalesce(raw_sex, sex),
        coalesce(raw_visa_type, visa_type), purpose, sponsor, group_id, source), 4096)`;

/**
 * Moves the run's invalid rows to rejects; the first failing check in contract column order names
 * the column. Returns how many: what the statement adds to the run's rejects (which already hold
 * the lines the reader could not read), counted there, not by another pass over the run's rows.
 * With `rawFromFile` the reject's raw line is left empty for the caller to read from the file
 * (`keepRawLines`): the statement then reads the dozen columns the checks use, not every
 * column of every stretch of rows that holds a rejected one (about 1 % of the rows of a dirty
 * file, so nearly every stretch).
 */
async function rejectRows(
  store: Store,
  runId: number,
  file: string,
  timeZone: string,
  rawFromFile: boolean,
): Promise<number> {
  const rejectsOfRun = async () => {
    const [r] = await store.all<{ n: bigint }>(
      `SELECT count(*) AS n FROM rejects WHERE run_id = ${runId}`,
    );
    return Number(r?.n ?? 0);
  };
  const rejectsBefore = await rejectsOfRun();
  await runHeavy(
    store,
    `INSERT INTO rejects
    SELECT ${runId}, ${sqlString(file)}, line, col,
      CASE col WHEN 'record_id' THEN NULL WHEN 'crossed_at' THEN raw_crossed_at WHEN 'direction' THEN raw_direction
        WHEN 'port' THEN port_raw WHEN 'nationality' THEN raw_nationality WHEN 'doc_number' THEN coalesce(raw_doc_number, doc_number) END,
      reason, ${rawFromFile ? "NULL" : REBUILT_RAW}
    FROM (
      SELECT *,
        CASE WHEN record_id IS NULL THEN 'record_id' WHEN crossed_at IS NULL OR year(local_date) NOT BETWEEN 1900 AND 2100 THEN 'crossed_at'
          WHEN direction IS NULL THEN 'direction' WHEN port_raw IS NULL THEN 'port' WHEN nationality IS NULL THEN 'nationality'
          ELSE 'doc_number' END AS col,
        CASE
          WHEN record_id IS NULL OR nullif(trim(raw_crossed_at), '') IS NULL THEN 'required field is empty'
          WHEN crossed_at IS NULL AND regexp_matches(trim(raw_crossed_at), ${sqlString(IMPOSSIBLE_OFFSET)})
            THEN 'impossible UTC offset (offsets in use run from -12:00 to +14:00); ' || ${sqlString(EXPECTED.crossed_at)}
          WHEN crossed_at IS NULL AND (regexp_matches(trim(raw_crossed_at), '^\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}') OR regexp_matches(trim(raw_crossed_at), '^\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}'))
            THEN 'impossible date (no such day or month); ' || ${sqlString(EXPECTED.crossed_at)}
          WHEN crossed_at IS NULL THEN 'unreadable date-time; ' || ${sqlString(EXPECTED.crossed_at)}
          WHEN year(local_date) NOT BETWEEN 1900 AND 2100 THEN 'implausible year ' || year(local_date) || '; expected a year between 1900 and 2100'
          WHEN direction IS NULL AND nullif(trim(raw_direction), '') IS NULL THEN 'required field is empty'
          WHEN direction IS NULL THEN 'unknown direction; ' || ${sqlString(EXPECTED.direction)}
          WHEN port_raw IS NULL THEN 'required field is empty'
          WHEN nationality IS NULL AND nullif(trim(raw_nationality), '') IS NULL THEN 'required field is empty'
          WHEN nationality IS NULL THEN 'unknown nationality; ' || ${sqlString(EXPECTED.nationality)}
          ELSE 'required field is empty' END AS reason
      FROM (SELECT * REPLACE (${rawCrossedAtSql(timeZone)} AS raw_crossed_at)
        FROM records WHERE run_id = ${runId} AND ${INVALID}))`,
  );
  const rejected = (await rejectsOfRun()) - rejectsBefore;
  if (rejected > 0)
    await runHeavy(store, `DELETE FROM records WHERE run_id = ${runId} AND ${INVALID}`);
  return rejected;
}

/**
 * Scripts of the names the insert left undecided (mixed scripts, accents, punctuation), decided
 * once per distinct name by the names module's per-character rule, then written back.
 */
async function decideNameScripts(store: Store, runId: number): Promise<void> {
  const names = await store.all<{ n: string }>(`SELECT DISTINCT n FROM (
      SELECT family_name AS n FROM records WHERE run_id = ${runId} AND family_script IS NULL
      UNION ALL SELECT given_name FROM records WHERE run_id = ${runId} AND given_script IS NULL
      UNION ALL SELECT full_name FROM records WHERE run_id = ${runId} AND full_script IS NULL) WHERE n IS NOT NULL`);
  if (names.length > 0) {
    await store.run(
      "CREATE OR REPLACE TEMP TABLE ingest_name_scripts (name VARCHAR, script VARCHAR)",
    );
    const appender = await store.conn.createAppender("ingest_name_scripts", "main", "temp");
    for (const { n } of names) {
      appender.appendVarchar(n);
      appender.appendVarchar(detectScript(n));
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
    for (const field of ["family", "given", "full"]) {
      await store.run(`UPDATE records SET ${field}_script = f.script FROM temp.ingest_name_scripts f
        WHERE records.run_id = ${runId} AND records.${field}_script IS NULL AND records.${field}_name = f.name`);
    }
    await store.run("DROP TABLE temp.ingest_name_scripts");
  }
}

/**
 * Warnings: optional fields present but unreadable are loaded as NULL and reported. Only rows
 * with a value kept as written and none read from it can have one: the filter says so before
 * any row is unnested (most rows with an empty optional field have neither).
 */
async function noteWarnings(store: Store, runId: number, file: string): Promise<void> {
  await runHeavy(
    store,
    `INSERT INTO record_warnings
    SELECT ${runId}, ${sqlString(file)}, line, source, record_id, w.col, w.val, w.msg FROM (
      SELECT line, source, record_id, unnest([
        CASE WHEN nullif(trim(raw_birth_date), '') IS NOT NULL AND birth_date IS NULL THEN {'col': 'birth_date', 'val': raw_birth_date, 'msg': 'unreadable birth date, loaded as empty; expected YYYY-MM-DD'} END,
        CASE WHEN nullif(trim(raw_sex), '') IS NOT NULL AND sex IS NULL THEN {'col': 'sex', 'val': raw_sex, 'msg': 'unknown sex, loaded as empty; expected M, F or X'} END,
        CASE WHEN nullif(trim(raw_doc_type), '') IS NOT NULL AND doc_type IS NULL THEN {'col': 'doc_type', 'val': raw_doc_type, 'msg': 'unknown doc_type, loaded as empty; expected passport, official_passport, diplomatic_passport, border_pass or other'} END,
        CASE WHEN nullif(trim(raw_visa_type), '') IS NOT NULL AND visa_type IS NULL THEN {'col': 'visa_type', 'val': raw_visa_type, 'msg': 'unknown visa_type, loaded as empty; expected none, work, business, student, trainee, tourist, official, visit, transit, crew or other'} END
      ]) AS w FROM records WHERE run_id = ${runId}
        AND ((birth_date IS NULL AND raw_birth_date IS NOT NULL) OR (sex IS NULL AND raw_sex IS NOT NULL)
          OR (doc_type IS NULL AND raw_doc_type IS NOT NULL) OR (visa_type IS NULL AND raw_visa_type IS NOT NULL))
    ) WHERE w IS NOT NULL`,
  );
}

/** Past this many local dates in a run, the re-export candidates are read by their range. */
const REEXPORT_DATE_LIST = 64;

/**
 * Re-exports: the same crossing (document, direction, port, instant) under another id points at
 * its first copy, so analytics count it once. A copy re-exported with only the date is also linked
 * to a timed copy of the same document, direction, port and local date. Both kinds share the
 * document, direction and local date (one port, one time zone: the same instant is the same local
 * day), so only the store's rows on the run's local dates can be either: those are read (the
 * dates as constants, or their range for a run of many dates, which the column statistics skip
 * the rest of the store by: a day's file reads that day's rows), one 64-bit hash of document,
 * direction and local date finds the candidates among them, and the exact comparison, port
 * included, runs on those few rows only, so a hash collision or a crossing the same day at
 * another port costs nothing.
 */
async function linkReexports(store: Store, runId: number): Promise<void> {
  const dates = await store.all<{ d: string }>(
    `SELECT CAST(d AS VARCHAR) AS d FROM (SELECT DISTINCT local_date AS d FROM records WHERE run_id = ${runId}) ORDER BY 1`,
  );
  const [lo, hi] = [dates[0]?.d, dates.at(-1)?.d];
  if (!lo || !hi) return;
  const onDates =
    dates.length <= REEXPORT_DATE_LIST
      ? `local_date IN (${dates.map((r) => `DATE ${sqlString(r.d)}`).join(", ")})`
      : `local_date BETWEEN DATE ${sqlString(lo)} AND DATE ${sqlString(hi)}`;
  await runHeavy(
    store,
    `UPDATE records SET canonical_key = m.first_key FROM (
      WITH d AS (
        SELECT rec_key, run_id, doc_number, direction, crossed_at, local_date, time_precision,
          coalesce(port_id, port_raw) AS port, hash(doc_number, direction, local_date) AS h
        FROM records WHERE ${onDates}),
      c AS (
        SELECT * FROM d SEMI JOIN (
          SELECT h FROM d GROUP BY h HAVING count(*) > 1 AND bool_or(run_id = ${runId})
        ) x USING (h))
      SELECT rec_key, min(first_key) AS first_key FROM (
        SELECT n.rec_key, r.rec_key AS first_key
        FROM c n JOIN c r
          ON r.doc_number = n.doc_number AND r.direction = n.direction AND r.crossed_at = n.crossed_at
         AND r.port = n.port AND r.rec_key < n.rec_key
        WHERE n.run_id = ${runId}
        UNION ALL
        SELECT n.rec_key, r.rec_key
        FROM c n JOIN c r
          ON r.doc_number = n.doc_number AND r.direction = n.direction AND r.local_date = n.local_date
         AND r.port = n.port
        WHERE n.run_id = ${runId} AND (n.time_precision = 'date') <> (r.time_precision = 'date')
          AND r.rec_key < n.rec_key)
      GROUP BY rec_key) m
    WHERE records.run_id = ${runId} AND records.rec_key = m.rec_key`,
  );
}

/** Sorts the run's rows: rejects out (with their reason), duplicates out, warnings noted,
 * re-exports linked. Returns the counts. */
export async function sortRun(
  store: Store,
  opts: {
    runId: number;
    file: string;
    vocab: Vocabulary;
    timeZone: string;
    /** The file's record ids only grow, line by line (`FileScan.firstFieldIncreasing`). */
    idsIncreasing?: boolean;
    /** The caller reads each reject's raw line from the file (text formats), so the rejects
     * are not rebuilt from their stored values. */
    rawFromFile?: boolean;
  },
): Promise<SortCounts> {
  const { runId } = opts;
  await resolveLeftovers(store, runId, opts.vocab);

  const rejected = await rejectRows(
    store,
    runId,
    opts.file,
    opts.timeZone,
    opts.rawFromFile === true,
  );
  const duplicates = await removeDuplicates(store, runId, opts.idsIncreasing === true);
  await decideNameScripts(store, runId);
  await noteWarnings(store, runId, opts.file);
  await linkReexports(store, runId);

  const [c] = await store.all<Record<string, bigint>>(`SELECT count(*) AS loaded,
      count(*) FILTER (WHERE canonical_key IS NOT NULL) AS reexports,
      (SELECT count(*) FROM record_warnings WHERE run_id = ${runId}) AS warnings
    FROM records WHERE run_id = ${runId}`);
  const unknownPorts = await store.all<{ port: string; records: bigint }>(
    `SELECT port_raw AS port, count(*) AS records FROM records WHERE run_id = ${runId} AND port_id IS NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  return {
    loaded: Number(c?.loaded ?? 0),
    duplicates,
    rejected,
    reexports: Number(c?.reexports ?? 0),
    warnings: Number(c?.warnings ?? 0),
    unknownPorts: unknownPorts.map((u) => ({ port: u.port, records: Number(u.records) })),
  };
}
