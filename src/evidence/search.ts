/**
 * Full-text search over the evidence base: Okapi BM25 (k1 = 1.2, b = 0.75, the usual
 * defaults; Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond",
 * 2009) computed in DuckDB SQL over a terms table. Passages (paragraphs) are the unit, so a
 * hit points at the paragraph that says it. Tokens: src/core/evidence/tokenize.ts.
 */
import { listValue } from "@duckdb/node-api";
import { AppError } from "../core/errors.js";
import { paragraphs, termCounts, tokenize } from "../core/evidence/index.js";
import { codePointIndexer } from "../core/evidence/segment.js";
import type { Store } from "../db/store.js";

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** Writes the passages and term counts of one source (inside the caller's transaction). */
export async function indexSource(store: Store, sourceId: number, text: string): Promise<void> {
  const cp = codePointIndexer(text);
  const terms: [number, string, number][] = [];
  const passages: [number, number, number, number][] = [];
  paragraphs(text).forEach((p, i) => {
    const counts = termCounts(text.slice(p.start, p.end));
    let length = 0;
    for (const [term, tf] of counts) {
      terms.push([i, term, tf]);
      length += tf;
    }
    passages.push([i, cp(p.start), cp(p.end), length]);
  });
  for (let i = 0; i < passages.length; i += 200) {
    const chunk = passages.slice(i, i + 200);
    await store.run(
      `INSERT INTO evidence_passages VALUES ${chunk.map(() => "(?, ?, ?, ?, ?)").join(", ")}`,
      chunk.flatMap((p) => [sourceId, ...p]),
    );
  }
  for (let i = 0; i < terms.length; i += 500) {
    const chunk = terms.slice(i, i + 500);
    await store.run(
      `INSERT INTO evidence_terms VALUES ${chunk.map(() => "(?, ?, ?, ?)").join(", ")}`,
      chunk.flatMap((t) => [sourceId, ...t]),
    );
  }
}

export interface SearchHit {
  source_id: number;
  title: string | null;
  publisher: string | null;
  published: string | null;
  grade: string;
  passage_no: number;
  char_start: number;
  char_end: number;
  score: number;
  matched_terms: number;
  snippet: string;
}

export async function searchEvidence(
  store: Store,
  query: string,
  limit = 10,
): Promise<SearchHit[]> {
  const terms = [...new Set(tokenize(query).map((t) => t.term))];
  if (terms.length === 0)
    throw new AppError(
      "usage",
      `search query "${query}" has no searchable words (stop words such as "the" and punctuation are ignored)`,
    );
  const rows = await store.json<Omit<SearchHit, "snippet"> & { passage: string }>(
    `WITH q AS (SELECT unnest($terms::VARCHAR[]) AS term),
     stats AS (SELECT count(*) AS n, avg(length) AS avgdl FROM evidence_passages),
     df AS (SELECT term, count(*) AS df FROM evidence_terms WHERE term IN (SELECT term FROM q) GROUP BY term),
     scored AS (
       SELECT t.source_id, t.passage_no,
         sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
             * t.tf * ($k1 + 1) / (t.tf + $k1 * (1 - $b + $b * p.length / stats.avgdl))) AS score,
         count(*) AS matched_terms
       FROM evidence_terms t JOIN df USING (term) JOIN evidence_passages p USING (source_id, passage_no) CROSS JOIN stats
       GROUP BY t.source_id, t.passage_no)
     SELECT CAST(sc.source_id AS INTEGER) AS source_id, s.title, s.publisher, CAST(s.published AS VARCHAR) AS published,
       s.reliability || CAST(s.credibility AS VARCHAR) AS grade, sc.passage_no, p.char_start, p.char_end,
       round(sc.score, 4) AS score, CAST(sc.matched_terms AS INTEGER) AS matched_terms,
       substring(s.text, p.char_start + 1, p.char_end - p.char_start) AS passage
     FROM scored sc JOIN evidence_passages p USING (source_id, passage_no) JOIN evidence_sources s USING (source_id)
     ORDER BY sc.score DESC, sc.source_id, sc.passage_no
     LIMIT $limit`,
    { terms: listValue(terms), k1: BM25_K1, b: BM25_B, limit },
  );
  const wanted = new Set(terms);
  return rows.map(({ passage, ...r }) => ({ ...r, snippet: snippet(passage, wanted) }));
}

/** Up to ~240 characters of the passage around its first matching term. */
function snippet(passage: string, terms: Set<string>): string {
  const first = tokenize(passage).find((t) => terms.has(t.term));
  const at = first?.start ?? 0;
  const from = Math.max(0, at - 80);
  const to = Math.min(passage.length, from + 240);
  return `${from > 0 ? "…" : ""}${passage.slice(from, to).replace(/\s+/g, " ")}${to < passage.length ? "…" : ""}`;
}
