/**
 * `sojourn person ID`: one resolved person — names in every script, documents, every record,
 * and why each record belongs (same document, re-export, document typo, passport renewal).
 */
import type { Command } from "commander";
import { AppError } from "../../core/errors.js";
import { personTimeline } from "../../detection/timeline.js";
import { printJson, printLine, printTable, withCommandStore } from "../output.js";

export function register(program: Command): void {
  program
    .command("person")
    .description("show a resolved person: names, documents, records and why each record was linked")
    .argument("<person_id>", "person id (P-…) as printed by analyze or export")
    .option("--json", "print JSON")
    .action(async (personId: string, opts: { json?: boolean }, cmd: Command) => {
      const view = await withCommandStore(cmd, async (store) => {
        const [person] = await store.json(
          `SELECT person_id, display_name, strftime(birth_date, '%Y-%m-%d') AS birth_date, sex,
                  nationality, labor_score, indicators FROM persons WHERE person_id = ?`,
          [personId],
        );
        if (!person)
          throw new AppError(
            "not-found",
            `person ${personId} not found (ids look like P-ABCDEFGHIJKLMNOP; run sojourn analyze first)`,
          );
        const names = await store.json(
          "SELECT name, script, count FROM person_names WHERE person_id = ? ORDER BY count DESC, name",
          [personId],
        );
        const documents = await store.json(
          `SELECT doc_number, nationality, strftime(first_seen, '%Y-%m-%d') AS first_seen,
                  strftime(last_seen, '%Y-%m-%d') AS last_seen
           FROM person_documents WHERE person_id = ? ORDER BY first_seen, doc_number`,
          [personId],
        );
        // A record is linked to its document's first record ("same document", derived here
        // rather than stored) or, as a re-export, to its canonical record (person_links).
        const records = await store.json(
          `WITH mine AS (SELECT r.* FROM person_records pr JOIN records r USING (rec_key)
                         WHERE pr.person_id = $1),
           doc AS (SELECT coalesce(nationality, '') AS nat, doc_number, min(rec_key) AS first_key
                   FROM mine WHERE canonical_key IS NULL AND doc_number IS NOT NULL GROUP BY ALL)
           SELECT r.source, r.record_id, strftime(r.local_date, '%Y-%m-%d') AS date, r.direction,
                  coalesce(r.port_id, r.port_raw) AS port, r.doc_number,
                  trim(concat_ws(' ', r.family_name, r.given_name,
                       CASE WHEN r.full_name IS NOT NULL THEN '/ ' || r.full_name END)) AS name,
                  strftime(r.birth_date, '%Y-%m-%d') AS birth_date, r.sex,
                  CASE WHEN l.reason IS NOT NULL THEN l.reason
                       WHEN d.first_key <> r.rec_key THEN 'same document'
                       ELSE 'first record' END AS linked_by,
                  a.source || ':' || a.record_id AS linked_to
           FROM mine r
           LEFT JOIN person_links l ON l.rec_key_b = r.rec_key AND l.person_id = $1
             AND l.reason = 're-export'
           LEFT JOIN doc d ON r.canonical_key IS NULL AND d.nat = coalesce(r.nationality, '')
             AND d.doc_number = r.doc_number
           LEFT JOIN records a ON a.rec_key = coalesce(l.rec_key_a,
             CASE WHEN d.first_key <> r.rec_key THEN d.first_key END)
           ORDER BY r.crossed_at, r.rec_key`,
          [personId],
        );
        const links = await store.json(
          `SELECT l.reason, a.source || ':' || a.record_id AS record_a,
                  b.source || ':' || b.record_id AS record_b, l.evidence
           FROM person_links l JOIN records a ON a.rec_key = l.rec_key_a
           JOIN records b ON b.rec_key = l.rec_key_b
           WHERE l.person_id = ? AND l.reason NOT IN ('same document', 're-export')
           ORDER BY l.reason, record_a, record_b`,
          [personId],
        );
        for (const l of links)
          if (typeof l.evidence === "string") l.evidence = JSON.parse(l.evidence) as unknown;
        const { stays, alerts } = await personTimeline(store, personId);
        return { person, names, documents, records, links, stays, alerts };
      });
      if (opts.json) {
        printJson(view);
        return;
      }
      const p = view.person as Record<string, unknown>;
      printLine(`${p.person_id}  ${p.display_name ?? ""}`);
      printLine(
        `born ${p.birth_date ?? "unknown"}  sex ${p.sex ?? "unknown"}  nationality ${p.nationality ?? "unknown"}  labour score ${p.labor_score ?? 0}`,
      );
      printLine();
      printLine("names");
      printTable(view.names, ["name", "script", "count"]);
      printLine();
      printLine("documents");
      printTable(view.documents, ["doc_number", "nationality", "first_seen", "last_seen"]);
      printLine();
      printLine(`links between documents (${view.links.length})`);
      for (const l of view.links) {
        const ev = l.evidence as { summary?: string } | null;
        printLine(`  ${l.reason}: ${l.record_a} ~ ${l.record_b}: ${ev?.summary ?? ""}`);
      }
      printLine();
      printLine(`stays (${view.stays.length})`);
      printTable(view.stays, ["entered_on", "exited_on", "days", "port_in", "port_out", "flags"]);
      printLine();
      printLine(`alerts (${view.alerts.length})`);
      for (const a of view.alerts)
        printLine(`  ${a.rule} ${a.period_start}–${a.period_end ?? ""}: ${a.summary}`);
      printLine();
      printLine(`records (${view.records.length})`);
      printTable(view.records, [
        "date",
        "direction",
        "port",
        "doc_number",
        "name",
        "birth_date",
        "sex",
        "source",
        "record_id",
        "linked_by",
        "linked_to",
      ]);
    });
}
