/** Sanctions lists as imported, and the screening hits of the store's sponsors and persons. */
import { createMasker } from "../core/masking.js";
import type { Store } from "../db/store.js";
import { whereClause } from "../db/where-clause.js";
import { missing, num, parseJson, type Section } from "./section.js";

export interface HitRow {
  subject_kind: string;
  /** A sponsor as recorded; a person as masked name · birth date · nationality. */
  subject: string;
  list: string;
  reference: string;
  name: string | null;
  programmes: string | null;
  listed_on: string | null;
  score: number;
  explanation: string;
}

export interface ListImport {
  list: string;
  version: string | null;
  entities: number;
  imported_at: string;
}

/** The last import of each list. */
export async function listImports(store: Store): Promise<ListImport[]> {
  return (
    await store.json<ListImport>(
      `SELECT list, version, entities, strftime(imported_at, '%Y-%m-%d %H:%M') AS imported_at FROM sanction_imports
       QUALIFY row_number() OVER (PARTITION BY list ORDER BY import_id DESC) = 1 ORDER BY list`,
    )
  ).map((r) => ({ ...r, entities: num(r.entities) }));
}

/** The strongest hits, one row per subject and listed entry. */
export async function topScreeningHits(
  store: Store,
  options: { top: number; unmask?: boolean },
): Promise<Section<HitRow[]>> {
  const { top } = options;
  const mask = createMasker(!!options.unmask);
  const lists = num(
    (await store.one<{ n: number }>("SELECT count(*) AS n FROM sanction_entities"))?.n,
  );
  if (lists === 0)
    return missing(
      "no sanctions list imported: run sojourn lists import FILE, then sojourn screen --sponsors",
    );
  const rows = await store.json<Record<string, unknown>>(
    `SELECT h.subject_kind, h.subject, h.list, h.reference, e.primary_name AS name,
       array_to_string(e.programmes, ', ') AS programmes, e.listed_on, max(h.score) AS score,
       arg_max(CAST(h.explanation AS VARCHAR), h.score) AS explanation
     FROM screening_hits h LEFT JOIN sanction_entities e USING (list, reference)
     GROUP BY ALL ORDER BY score DESC, h.subject, h.list, h.reference LIMIT ${top}`,
  );
  // An empty hit table after screening is a result (no match), not a gap.
  return {
    available: true,
    data: rows.map((r) => {
      const kind = String(r.subject_kind);
      let subject = String(r.subject);
      let explanation = explanationText(r.explanation);
      if (kind === "person") {
        const [name = "", birth = "", nat = ""] = subject.split("|");
        subject = [mask.name(name), mask.birthDate(birth), nat].filter(Boolean).join(" · ");
        // The explanation quotes the screened name: it and each of its parts are hidden.
        const parts = [name, ...name.split(/[\s,]+/)].filter((p) => p.length > 0);
        explanation = mask.text(explanation, { names: parts });
      }
      return {
        subject_kind: kind,
        subject,
        list: String(r.list),
        reference: String(r.reference),
        name: (r.name as string | null) ?? null,
        programmes: (r.programmes as string | null) ?? null,
        listed_on: (r.listed_on as string | null) ?? null,
        score: num(r.score),
        explanation,
      };
    }),
  };
}

function explanationText(v: unknown): string {
  const parsed = parseJson(v);
  if (Array.isArray(parsed))
    return parsed.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join("; ");
  if (parsed && typeof parsed === "object") {
    const o = parsed as Record<string, unknown>;
    for (const k of ["explanation", "summary", "reasons", "features"]) {
      if (Array.isArray(o[k]))
        return (o[k] as unknown[])
          .map((x) => (typeof x === "string" ? x : JSON.stringify(x)))
          .join("; ");
      if (typeof o[k] === "string") return o[k] as string;
    }
    return JSON.stringify(parsed);
  }
  return String(parsed ?? "");
}

/** Each stored list: its last version, format, entity counts, import time and files. */
export async function readStoredLists(store: Store): Promise<Record<string, unknown>[]> {
  return store.json(
    `SELECT e.list, i.version, i.format, count(*) AS entities,
       count(*) FILTER (WHERE e.dprk) AS dprk_related,
       count(*) FILTER (WHERE e.kind = 'person') AS persons,
       strftime(i.imported_at, '%Y-%m-%d %H:%M:%S') AS imported, i.files
     FROM sanction_entities e JOIN sanction_imports i USING (import_id)
     GROUP BY ALL ORDER BY e.list`,
  );
}

/** What each import added, removed and changed, optionally of one list or one import. */
export async function readListChanges(
  store: Store,
  filter: { list?: string; importId?: number },
): Promise<Record<string, unknown>[]> {
  const where = whereClause([
    ["c.list = ?", filter.list],
    ["c.import_id = ?", filter.importId],
  ]);
  return store.json(
    `SELECT c.import_id, c.list, i.version, c.change, c.reference, c.name, array_to_string(c.fields, ', ') AS fields
     FROM sanction_changes c JOIN sanction_imports i USING (import_id)
     ${where.sql} ORDER BY c.import_id, c.change, c.reference`,
    where.params,
  );
}
