/** The persons behind a port's crossings on the map: DPRK nationals who crossed there, most
 * likely workers first, masked unless `unmask`. From the overview tables when analyze built
 * them (overview-tables.ts), else from the records. */
import { createMasker } from "../core/masking.js";
import type { Store } from "../db/store.js";
import { overviewTablesBuilt } from "./overview-tables.js";
import { num } from "./section.js";

export interface PortPerson {
  person_id: string;
  display_name: string;
  birth_date: string | null;
  labor_score: number;
  crossings: number;
  first_day: string;
  last_day: string;
}

export async function listPortPersons(
  store: Store,
  portId: string,
  options: { limit: number; unmask?: boolean },
): Promise<{ port_id: string; persons: PortPerson[]; total: number }> {
  const mask = createMasker(!!options.unmask);
  const rows = await store.json<PortPerson & { total: number }>(
    (await overviewTablesBuilt(store))
      ? `SELECT person_id, display_name, strftime(birth_date, '%Y-%m-%d') AS birth_date,
            labor_score, crossings, strftime(first_day, '%Y-%m-%d') AS first_day,
            strftime(last_day, '%Y-%m-%d') AS last_day,
            (SELECT count(*) FROM read_port_persons WHERE port_id = $port) AS total
         FROM read_port_persons WHERE port_id = $port
         ORDER BY labor_score DESC, crossings DESC, person_id LIMIT ${options.limit}`
      : `SELECT p.person_id, p.display_name, strftime(p.birth_date, '%Y-%m-%d') AS birth_date,
            coalesce(p.labor_score, 0)::DOUBLE AS labor_score, count(*) AS crossings,
            strftime(min(r.local_date), '%Y-%m-%d') AS first_day,
            strftime(max(r.local_date), '%Y-%m-%d') AS last_day,
            count(*) OVER () AS total
     FROM records r JOIN person_records pr USING (rec_key) JOIN persons p USING (person_id)
     WHERE r.port_id = $port AND r.nationality = 'PRK'
     GROUP BY ALL ORDER BY labor_score DESC, crossings DESC, p.person_id LIMIT ${options.limit}`,
    { port: portId },
  );
  return {
    port_id: portId,
    total: num(rows[0]?.total),
    persons: rows.map(({ total: _, ...p }) => ({
      ...p,
      crossings: num(p.crossings),
      display_name: mask.name(p.display_name),
      birth_date: p.birth_date === null ? null : mask.birthDate(p.birth_date),
    })),
  };
}
