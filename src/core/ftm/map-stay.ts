/**
 * A stay (entry to exit) as an FtM Event — an Interval, so Aleph can put it on a timeline — with
 * the person `involved`, the ports as `location`, and the crossings that bound it as `recordId`
 * (Interval's "Record ID"). Stays have no id of their own: the id hashes the person and those
 * crossings, which identify a stay (two stays of one person can share an entry day).
 */
import {
  type FtmContext,
  type FtmEntity,
  ftmDate,
  ftmEntity,
  ftmHashId,
  placeCountry,
  placeName,
} from "./entity.js";
import { personEntityId } from "./map-person.js";

export interface StayRow {
  person_id: string;
  port_in: string | null;
  port_out: string | null;
  entered_on: string;
  exited_on: string | null;
  days: number | null;
  record_ids: string[] | null;
  flags: string[] | null;
}

export function mapStay(row: StayRow, ctx: FtmContext): FtmEntity {
  const recordIds = row.record_ids ?? [];
  const portIn = placeName(ctx, row.port_in);
  const portOut = placeName(ctx, row.port_out);
  const end = ftmDate(row.exited_on);
  const route = [
    portIn ? `entered at ${portIn}` : "entry inferred",
    portOut ? `left at ${portOut}` : end ? "exit inferred" : "still inside when the records end",
  ];
  return ftmEntity("Event", ftmHashId("stay", row.person_id, ...recordIds), {
    name: `Stay of ${row.person_id}, ${ftmDate(row.entered_on)} to ${end ?? "open"}`,
    startDate: ftmDate(row.entered_on),
    endDate: end,
    involved: personEntityId(row.person_id),
    location: [portIn, portOut],
    country: [placeCountry(ctx, row.port_in), placeCountry(ctx, row.port_out)],
    recordId: recordIds,
    summary: `${row.days ?? "?"} days; ${route.join(", ")}`,
    keywords: row.flags ?? [],
  });
}
