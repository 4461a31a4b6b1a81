/**
 * A resolved person as an FtM Person; with `--unmask`, each travel document as a Passport (the
 * contract's passport types) or an Identification (border passes, other, unknown), held by the
 * person. Masked (the default), the person is known only by its pseudonymous id: no names, no
 * document numbers, birth year only — and the masked forms the report shows (K**, *******86)
 * are not written either, because FtM's name and identifier properties are what Aleph and
 * OpenSanctions match on, and a masked value would link unrelated people.
 */
import {
  type FtmContext,
  type FtmEntity,
  ftmCountry,
  ftmDate,
  ftmEntity,
  ftmGender,
  ftmHashId,
  ftmId,
} from "./entity.js";

export interface DocumentRow {
  doc_number: string;
  /** The most frequent doc_type on the person's crossings with this number. */
  doc_type: string | null;
  nationality: string | null;
  first_seen: string | null;
  last_seen: string | null;
}

/** One row of the persons export, plus the documents when unmasked. */
export interface PersonRow {
  person_id: string;
  /** Most frequent first. Read only when unmasked. */
  names: string[] | null;
  birth_date: string | null;
  sex: string | null;
  nationality: string | null;
  labor_score: number | null;
  indicators: string[] | null;
  /** Read only when unmasked. */
  documents?: DocumentRow[] | null;
}

/** Passport types of the crossing contract (src/core/crossing.ts DOC_TYPES). */
const PASSPORT_TYPES = new Set(["passport", "official_passport", "diplomatic_passport"]);

export function personEntityId(personId: string): string {
  return ftmId("person", personId);
}

export function mapPerson(row: PersonRow, ctx: FtmContext): FtmEntity[] {
  const id = personEntityId(row.person_id);
  const score = row.labor_score ?? 0;
  const likely = score >= ctx.threshold;
  const summary =
    `Sojourn person ${row.person_id}; labour score ${score.toFixed(2)}` +
    (likely
      ? ` (at or above ${ctx.threshold}: likely an income-earning worker in the host country)`
      : ` (below ${ctx.threshold})`);
  const indicators = row.indicators ?? [];
  const docs = ctx.unmask ? (row.documents ?? []) : [];
  const names = ctx.unmask ? (row.names ?? []) : [];
  const person = ftmEntity("Person", id, {
    name: names[0] ?? row.person_id,
    alias: names.slice(1),
    birthDate: ctx.unmask ? ftmDate(row.birth_date) : ftmDate(row.birth_date)?.slice(0, 4),
    gender: ftmGender(row.sex),
    nationality: ftmCountry(row.nationality),
    passportNumber: docs
      .filter((d) => PASSPORT_TYPES.has(d.doc_type ?? ""))
      .map((d) => d.doc_number),
    idNumber: docs.filter((d) => !PASSPORT_TYPES.has(d.doc_type ?? "")).map((d) => d.doc_number),
    summary,
    notes: indicators.length > 0 ? `Labour indicators: ${indicators.join("; ")}` : undefined,
  });
  return [person, ...docs.map((d) => mapDocument(row.person_id, d))];
}

function mapDocument(personId: string, d: DocumentRow): FtmEntity {
  const passport = PASSPORT_TYPES.has(d.doc_type ?? "");
  const seen =
    d.first_seen && d.last_seen
      ? `Seen on crossings from ${d.first_seen} to ${d.last_seen}`
      : undefined;
  return ftmEntity(
    passport ? "Passport" : "Identification",
    ftmHashId("document", personId, d.doc_number),
    {
      holder: personEntityId(personId),
      number: d.doc_number,
      country: ftmCountry(d.nationality),
      type: d.doc_type,
      summary: seen,
    },
  );
}
