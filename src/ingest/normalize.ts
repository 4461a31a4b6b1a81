/**
 * From the staging table to the store, in SQL: parse times, map vocabularies, pick the first
 * problem of each row, sort rows into loaded / duplicate / rejected, and link re-exports.
 * Runs inside the caller's transaction: all of a file lands, or none of it.
 */
import type { Store } from "../db/store.js";
import { sqlString } from "../db/store.js";
import { STAGE_TABLE } from "./stage.js";
import type { Vocabulary, VocabularyKind } from "./vocabulary.js";

export interface NormalizeCounts {
  loaded: number;
  duplicates: number;
  rejected: number;
  reexports: number;
  warnings: number;
  unknownPorts: { port: string; records: number }[];
}

const VOCAB_COLUMNS: VocabularyKind[] = [
  "direction",
  "port",
  "nationality",
  "doc_type",
  "visa_type",
  "sex",
];

const TZ_FORMATS = [
  "%Y-%m-%dT%H:%M:%S%z",
  "%Y-%m-%dT%H:%M:%S.%f%z",
  "%Y-%m-%dT%H:%M%z",
  "%Y-%m-%d %H:%M:%S%z",
  "%Y-%m-%d %H:%M:%S.%f%z",
  "%Y-%m-%d %H:%M%z",
];
const LOCAL_FORMATS = [
  "%Y-%m-%d %H:%M:%S",
  "%Y-%m-%d %H:%M",
  "%Y-%m-%dT%H:%M:%S",
  "%Y-%m-%dT%H:%M",
  "%Y-%m-%d %H:%M:%S.%f",
  "%Y/%m/%d %H:%M:%S",
  "%Y/%m/%d %H:%M",
  "%d/%m/%Y %H:%M:%S",
  "%d/%m/%Y %H:%M",
  "%d.%m.%Y %H:%M",
];
const DATE_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y", "%Y%m%d"];

/**
 * Script of a name field, from its first and last character: Hangul syllables and jamo, CJK
 * ideographs (with extension A, compatibility and extension B+), Latin (incl. diacritics),
 * else other; "mixed" when the ends differ ("Kim 영철"). A per-character check is the names
 * module's job at identity time; here the cheap version keeps ingest at DuckDB's speed.
 */
const SCRIPT_MACROS = `
CREATE OR REPLACE TEMP MACRO ingest_char_script(cp) AS CASE
  WHEN cp BETWEEN 44032 AND 55203 OR cp BETWEEN 4352 AND 4607 OR cp BETWEEN 12592 AND 12687 THEN 'hangul'
  WHEN cp BETWEEN 19968 AND 40959 OR cp BETWEEN 13312 AND 19903 OR cp BETWEEN 63744 AND 64255 OR cp >= 131072 THEN 'han'
  WHEN cp < 591 OR cp BETWEEN 7680 AND 7935 THEN 'latin'
  ELSE 'other' END;
CREATE OR REPLACE TEMP MACRO ingest_name_script(x) AS CASE
  WHEN x IS NULL THEN NULL
  WHEN ingest_char_script(unicode(x)) = ingest_char_script(unicode(right(x, 1))) THEN ingest_char_script(unicode(x))
  ELSE 'mixed' END;`;

const list = (xs: string[]) => `[${xs.map(sqlString).join(", ")}]`;

/** Expected-value texts, so every reject says what would have been accepted. */
export const EXPECTED = {
  crossed_at:
    "expected ISO 8601 with offset (2019-06-03T09:15:00+08:00), a local date-time (2019-06-03 09:15) or a date (2019-06-03, 03/06/2019 day first)",
  direction: "expected entry or exit (or in/out, arrival/departure, 入境/出境, 입국/출국)",
  nationality:
    "expected an ISO 3166-1 alpha-3 code such as PRK (alpha-2 codes and country names are read too)",
};

async function loadMaps(store: Store, vocab: Vocabulary): Promise<void> {
  for (const kind of VOCAB_COLUMNS) {
    const table = `ingest_map_${kind}`;
    await store.run(
      `DROP TABLE IF EXISTS temp.${table}; CREATE TEMP TABLE ${table} (raw VARCHAR, value VARCHAR)`,
    );
    const distinct = await store.all<{ v: string }>(
      `SELECT DISTINCT "${kind === "port" ? "port" : kind}" AS v FROM temp.${STAGE_TABLE} WHERE "${kind}" IS NOT NULL`,
    );
    const appender = await store.conn.createAppender(table, "main", "temp");
    for (const { v } of distinct) {
      const value = vocab.map(kind, v);
      appender.appendVarchar(v);
      if (value === null) appender.appendNull();
      else appender.appendVarchar(value);
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
  }
}

export async function normalizeStage(
  store: Store,
  opts: { runId: number; file: string; defaultSource: string; timeZone: string; vocab: Vocabulary },
): Promise<NormalizeCounts> {
  await loadMaps(store, opts.vocab);
  await store.run(SCRIPT_MACROS);
  const tz = sqlString(opts.timeZone);
  const src = sqlString(opts.defaultSource);
  // 1. Parse and map every staged row; `problem` is the first failing check, in column order.
  await store.run(`DROP TABLE IF EXISTS temp.ingest_norm; CREATE TEMP TABLE ingest_norm AS
    WITH s AS (
      SELECT st.*, nullif(trim(st.record_id), '') AS rid, trim(st.crossed_at) AS t0,
        nullif(upper(regexp_replace(trim(st.doc_number), '\\s+', '', 'g')), '') AS doc,
        md.value AS dir, mp.value AS port_id, mn.value AS nat, mdt.value AS dtype, mv.value AS visa, ms.value AS sx
      FROM temp.${STAGE_TABLE} st
      LEFT JOIN temp.ingest_map_direction md ON md.raw = st.direction
      LEFT JOIN temp.ingest_map_port mp ON mp.raw = st.port
      LEFT JOIN temp.ingest_map_nationality mn ON mn.raw = st.nationality
      LEFT JOIN temp.ingest_map_doc_type mdt ON mdt.raw = st.doc_type
      LEFT JOIN temp.ingest_map_visa_type mv ON mv.raw = st.visa_type
      LEFT JOIN temp.ingest_map_sex ms ON ms.raw = st.sex
    ), t AS (
      SELECT s.*, CASE WHEN t0 LIKE '%Z' THEN t0[:-2] || '+00:00' ELSE t0 END AS t1 FROM s
    ), p AS (
      SELECT t.*,
        CASE WHEN t1 SIMILAR TO '.*[0-9]:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?\\s*[+-][0-9]{2}(:?[0-9]{2})?' THEN try_strptime(t1, ${list(TZ_FORMATS)}) END AS ts_tz,
        CASE WHEN t1 LIKE '%:%' THEN try_strptime(t1, ${list(LOCAL_FORMATS)}) END AS ts_local,
        CASE WHEN t1 NOT LIKE '%:%' THEN try_strptime(t1, ${list(DATE_FORMATS)}) END AS ts_date,
        try_strptime(trim(birth_date), ${list(DATE_FORMATS)}) AS bd
      FROM t
    ), q AS (
      SELECT p.*,
        coalesce(ts_tz, timezone(${tz}, coalesce(ts_local, ts_date))) AS ts,
        CASE WHEN ts_tz IS NOT NULL THEN 'instant' WHEN ts_local IS NOT NULL THEN 'local' ELSE 'date' END AS prec,
        CASE WHEN ts_tz IS NOT NULL THEN CAST(timezone(${tz}, ts_tz) AS DATE) ELSE CAST(coalesce(ts_local, ts_date) AS DATE) END AS ld
      FROM p
    )
    SELECT q.*,
      CASE
        WHEN rid IS NULL THEN 'record_id'
        WHEN t0 IS NULL OR t0 = '' THEN 'crossed_at'
        WHEN ts IS NULL OR year(ld) NOT BETWEEN 1900 AND 2100 THEN 'crossed_at'
        WHEN dir IS NULL THEN 'direction'
        WHEN port IS NULL OR trim(port) = '' THEN 'port'
        WHEN nat IS NULL THEN 'nationality'
        WHEN doc IS NULL THEN 'doc_number'
      END AS bad_column,
      CASE
        WHEN rid IS NULL OR t0 IS NULL OR t0 = '' THEN 'required field is empty'
        WHEN ts IS NULL AND (regexp_matches(t0, '^\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}') OR regexp_matches(t0, '^\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}'))
          THEN 'impossible date (no such day or month); ' || ${sqlString(EXPECTED.crossed_at)}
        WHEN ts IS NULL THEN 'unreadable date-time; ' || ${sqlString(EXPECTED.crossed_at)}
        WHEN year(ld) NOT BETWEEN 1900 AND 2100 THEN 'implausible year ' || year(ld) || '; expected a year between 1900 and 2100'
        WHEN dir IS NULL AND (direction IS NULL OR trim(direction) = '') THEN 'required field is empty'
        WHEN dir IS NULL THEN 'unknown direction; ' || ${sqlString(EXPECTED.direction)}
        WHEN port IS NULL OR trim(port) = '' THEN 'required field is empty'
        WHEN nat IS NULL AND (nationality IS NULL OR trim(nationality) = '') THEN 'required field is empty'
        WHEN nat IS NULL THEN 'unknown nationality; ' || ${sqlString(EXPECTED.nationality)}
        WHEN doc IS NULL THEN 'required field is empty'
      END AS bad_reason,
      coalesce(nullif(trim(q.source), ''), ${src}) AS src
    FROM q`);

  // 2. Rejects, with the value of the column at fault and the row as read.
  await store.run(`INSERT INTO rejects
    SELECT ${opts.runId}, ${sqlString(opts.file)}, line, bad_column,
      CASE bad_column WHEN 'record_id' THEN record_id WHEN 'crossed_at' THEN crossed_at WHEN 'direction' THEN direction
        WHEN 'port' THEN port WHEN 'nationality' THEN nationality WHEN 'doc_number' THEN doc_number END,
      bad_reason,
      left(concat_ws(',', record_id, crossed_at, direction, port, nationality, doc_number, doc_type, family_name, given_name, full_name, birth_date, sex, visa_type, purpose, sponsor, group_id, source), 4096)
    FROM temp.ingest_norm WHERE bad_reason IS NOT NULL`);

  // 3. Duplicates: the same source + record_id already in the store, or earlier in this file.
  await store.run(`DROP TABLE IF EXISTS temp.ingest_ok; CREATE TEMP TABLE ingest_ok AS
    SELECT n.*, (r.record_id IS NOT NULL OR row_number() OVER (PARTITION BY n.src, n.rid ORDER BY n.line) > 1) AS dup
    FROM temp.ingest_norm n
    LEFT JOIN (SELECT DISTINCT source, record_id FROM records) r ON r.source = n.src AND r.record_id = n.rid
    WHERE n.bad_reason IS NULL`);

  // 4. Load. rec_key = run_id · 2^32 + line: unique, ordered, and needs no global counter.
  await store.run(`INSERT INTO records
    SELECT (${opts.runId}::BIGINT << 32) + line, src, rid, ${opts.runId}, line, ts, ld, prec, dir, port_id, trim(port), nat, doc,
      dtype, nullif(trim(family_name), ''), nullif(trim(given_name), ''), nullif(trim(full_name), ''),
      ingest_name_script(nullif(trim(family_name), '')), ingest_name_script(nullif(trim(given_name), '')),
      ingest_name_script(nullif(trim(full_name), '')), CAST(bd AS DATE), sx, visa, nullif(trim(purpose), ''), nullif(trim(sponsor), ''), nullif(trim(group_id), ''),
      {'crossed_at': crossed_at, 'direction': direction, 'nationality': nationality, 'doc_number': doc_number,
       'doc_type': doc_type, 'birth_date': birth_date, 'sex': sex, 'visa_type': visa_type},
      extra, NULL
    FROM temp.ingest_ok WHERE NOT dup`);

  // 5. Warnings: optional fields present but unreadable are loaded as NULL and reported.
  await store.run(`INSERT INTO record_warnings
    SELECT ${opts.runId}, ${sqlString(opts.file)}, line, src, rid, w.col, w.val, w.msg FROM (
      SELECT line, src, rid, unnest([
        CASE WHEN nullif(trim(birth_date), '') IS NOT NULL AND bd IS NULL THEN {'col': 'birth_date', 'val': birth_date, 'msg': 'unreadable birth date, loaded as empty; expected YYYY-MM-DD'} END,
        CASE WHEN nullif(trim(sex), '') IS NOT NULL AND sx IS NULL THEN {'col': 'sex', 'val': sex, 'msg': 'unknown sex, loaded as empty; expected M, F or X'} END,
        CASE WHEN nullif(trim(doc_type), '') IS NOT NULL AND dtype IS NULL THEN {'col': 'doc_type', 'val': doc_type, 'msg': 'unknown doc_type, loaded as empty; expected passport, official_passport, diplomatic_passport, border_pass or other'} END,
        CASE WHEN nullif(trim(visa_type), '') IS NOT NULL AND visa IS NULL THEN {'col': 'visa_type', 'val': visa_type, 'msg': 'unknown visa_type, loaded as empty; expected none, work, business, student, trainee, tourist, official, visit, transit, crew or other'} END
      ]) AS w FROM temp.ingest_ok WHERE NOT dup
    ) WHERE w IS NOT NULL`);

  // 6. Re-exports: the same crossing (document, direction, port, instant) under another id
  //    points at its first copy, so analytics count it once.
  await store.run(`UPDATE records SET canonical_key = m.first_key FROM (
      SELECT n.rec_key, min(r.rec_key) AS first_key
      FROM records n JOIN records r
        ON r.doc_number = n.doc_number AND r.direction = n.direction AND r.crossed_at = n.crossed_at
       AND coalesce(r.port_id, r.port_raw) = coalesce(n.port_id, n.port_raw) AND r.rec_key < n.rec_key
      WHERE n.run_id = ${opts.runId}
      GROUP BY n.rec_key) m
    WHERE records.rec_key = m.rec_key`);

  const [c] = await store.all<Record<string, bigint>>(`SELECT
      (SELECT count(*) FROM temp.ingest_norm WHERE bad_reason IS NOT NULL) AS rejected,
      (SELECT count(*) FILTER (WHERE dup) FROM temp.ingest_ok) AS duplicates,
      (SELECT count(*) FILTER (WHERE NOT dup) FROM temp.ingest_ok) AS loaded,
      (SELECT count(*) FROM records WHERE run_id = ${opts.runId} AND canonical_key IS NOT NULL) AS reexports,
      (SELECT count(*) FROM record_warnings WHERE run_id = ${opts.runId}) AS warnings`);
  const unknownPorts = await store.all<{ port: string; records: bigint }>(
    `SELECT port_raw AS port, count(*) AS records FROM records WHERE run_id = ${opts.runId} AND port_id IS NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  await store.run("DROP TABLE IF EXISTS temp.ingest_norm; DROP TABLE IF EXISTS temp.ingest_ok");
  return {
    loaded: Number(c?.loaded ?? 0),
    duplicates: Number(c?.duplicates ?? 0),
    rejected: Number(c?.rejected ?? 0),
    reexports: Number(c?.reexports ?? 0),
    warnings: Number(c?.warnings ?? 0),
    unknownPorts: unknownPorts.map((u) => ({ port: u.port, records: Number(u.records) })),
  };
}
