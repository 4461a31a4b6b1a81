/**
 * A fast synthetic port log in the input contract, written by DuckDB itself, for benchmarks
 * that need 10M rows in seconds. Realism is the simulator's job (`sojourn simulate`); this one
 * only has the right columns, value shapes and cardinalities (mixed time formats, direction
 * synonyms, port aliases in three scripts, Hangul/Han/Latin names; 400,000 documents, each
 * crossing about every month).
 */
import { Store } from "../src/db/store.js";

export async function generateCrossings(path: string, rows: number): Promise<void> {
  const store = await Store.open(":memory:", { migrate: false });
  try {
    await store.run(`COPY (
      SELECT
        'R' || lpad(i::VARCHAR, 10, '0') AS record_id,
        CASE i % 3
          WHEN 0 THEN strftime(TIMESTAMP '2018-01-01' + to_seconds((i * 7919) % 63072000), '%Y-%m-%dT%H:%M:%S') || '+08:00'
          WHEN 1 THEN strftime(TIMESTAMP '2018-01-01' + to_seconds((i * 7919) % 63072000), '%Y-%m-%d %H:%M')
          ELSE strftime(TIMESTAMP '2018-01-01' + to_seconds((i * 7919) % 63072000), '%Y-%m-%d') END AS crossed_at,
        ['entry', 'exit', 'in', 'out', '入境', '出境'][1 + i % 6] AS direction,
        ['Quanhe', '圈河', '취안허', 'Tumen', 'Dandong', 'Nanping', 'Sanhe', 'Ji''an'][1 + (i // 7) % 8] AS port,
        'PRK' AS nationality,
        'P' || lpad((i % 400000)::VARCHAR, 8, '0') AS doc_number,
        'official_passport' AS doc_type,
        ['KIM', '김', '金', 'RI', '리', '李', 'PAK', '박'][1 + (i % 400000) % 8] AS family_name,
        ['YONG CHOL', '영철', '永哲', 'MYONG SU', '명수', 'SONG IL'][1 + (i % 400000) // 8 % 6] AS given_name,
        NULL AS full_name,
        strftime(DATE '1970-01-01' + to_days(((i % 400000) * 37) % 12000), '%Y-%m-%d') AS birth_date,
        ['M', 'F'][1 + (i % 400000) % 2] AS sex,
        'none' AS visa_type,
        NULL AS purpose,
        ['珲春市海华水产有限公司', 'Hunchun Haihua Aquatic Products Co. Ltd', '丹东华阳服装有限公司'][1 + (i // 400) % 3] AS sponsor,
        NULL AS group_id,
        'bench' AS source
      FROM range(${rows}) t(i)
    ) TO '${path.replaceAll("'", "''")}' (FORMAT csv, HEADER true)`);
  } finally {
    store.close();
  }
}
