/**
 * The identity step's "assign person ids" phase: each cluster with a new document gets its
 * person id (a growing person keeps its id; persons joined by this run keep the smallest one; a
 * new person gets personIdFor its first record), written to id_doc_person and id_remap.
 */
import { BASE32_ALPHABET, personIdFor } from "../../core/identity/person-id.js";
import type { Resolution } from "../../core/identity/resolve-persons.js";
import { type DocRow, type IdentityWork, SEP } from "./identity-work.js";

/**
 * personIdFor in SQL, given `hi` and `lo`: the first and second 40 bits of the sha256 digest.
 * 'P-' and 16 base32 characters of 5 bits each, 8 per half; unrolled, since a list lambda over
 * range(16) costs twice as much. The identity integration test checks it against personIdFor.
 */
const PERSON_ID_SQL = `'P-' || ${Array.from({ length: 16 }, (_, i) => {
  const half = i < 8 ? "hi" : "lo";
  return `substr('${BASE32_ALPHABET}', ((${half} >> ${35 - 5 * (i % 8)}) & 31)::INTEGER + 1, 1)`;
}).join(" || ")}`;

export async function assignPersonIds(
  work: IdentityWork,
  docs: DocRow[],
  resolution: Resolution,
): Promise<void> {
  const { store, stats, salt } = work;
  interface Member {
    gid: number;
    personId: string | null;
    isNew: boolean;
    first: string;
    source: string;
    recordId: string;
  }
  const clusters = new Map<string, Member[]>();
  const put = (key: string, m: Member) => {
    const list = clusters.get(key);
    if (list) list.push(m);
    else clusters.set(key, [m]);
  };
  docs.forEach((d, i) => {
    put(`r${resolution.cluster[i]}`, {
      gid: d.gid,
      personId: d.person_id,
      isNew: d.is_new,
      first: d.first_source + SEP + d.first_record_id,
      source: d.first_source,
      recordId: d.first_record_id,
    });
  });

  await store.run("CREATE OR REPLACE TEMP TABLE id_doc_person (gid INTEGER, person_id VARCHAR)");
  const docPerson = await store.conn.createAppender("id_doc_person", "main", "temp");
  const remap: [string, string][] = [];
  for (const list of clusters.values()) {
    if (!list.some((m) => m.isNew)) continue;
    const owners = [...new Set(list.map((m) => m.personId).filter((p) => p !== null))].sort();
    let pid: string;
    if (owners.length > 0) {
      // A growing person keeps its id; persons joined by this run keep the smallest one.
      pid = owners[0]!;
      for (const other of owners.slice(1)) remap.push([other, pid]);
      stats.persons_merged += owners.length - 1;
      if (list.some((m) => m.personId === null)) stats.persons_grown += 1;
    } else {
      const first = list.reduce((best, m) => (m.first < best.first ? m : best));
      pid = personIdFor(salt, first.source, first.recordId);
      stats.persons_created += 1;
    }
    for (const m of list) {
      if (m.personId === pid) continue;
      docPerson.appendInteger(m.gid);
      docPerson.appendVarchar(pid);
      docPerson.endRow();
    }
  }
  docPerson.flushSync();
  docPerson.closeSync();
  // Every other new document without a person is a person of its own, whose first record is
  // the document's: its id is personIdFor(salt, first_source, first_record_id), computed here
  // in SQL (sha256, then the first 80 bits in base32 as two 40-bit halves) rather than in
  // JavaScript one document at a time (hundreds of thousands at 10M records); a missing
  // record_id hashes as 'null', as in the template string of personIdFor. A new document
  // of an existing person outside every pair stays with that person: nothing to write.
  const singles = await store.conn.runAndReadAll(
    `INSERT INTO id_doc_person
     SELECT gid, ${PERSON_ID_SQL}
     FROM (SELECT gid, ('0x' || substr(h, 1, 10))::UBIGINT AS hi, ('0x' || substr(h, 11, 10))::UBIGINT AS lo
           FROM (SELECT gid, sha256(?::VARCHAR || chr(31) || first_source || chr(31)
                                    || coalesce(first_record_id, 'null')) AS h
                 FROM id_docs
                 WHERE is_new AND person_id IS NULL AND gid NOT IN (SELECT gid FROM id_pair_docs)))`,
    [salt],
  );
  // INSERT returns one row: the number of rows inserted.
  stats.persons_created += Number(singles.getRows()[0]?.[0] ?? 0);
  await store.run("CREATE OR REPLACE TEMP TABLE id_remap (old_id VARCHAR, new_id VARCHAR)");
  for (const [o, n] of remap) await store.run("INSERT INTO id_remap VALUES (?, ?)", [o, n]);
}
