/**
 * Cohorts and their sponsors. A cohort — people seen crossing together again and again — is an
 * FtM Project, "an activity carried out by a group of participants" (Project.yaml); its members
 * and sponsors are ProjectParticipant edges (participant → project, with role and dates). A
 * sponsor is an Organization: the records name it only as the inviting or employing
 * organisation, which does not say whether it is a company (Company) or not. Sponsor spellings
 * that the analysis grouped are one Organization (name: the most frequent spelling, alias: the
 * others), its id hashed from that spelling.
 */
import {
  type FtmContext,
  type FtmEntity,
  ftmDate,
  ftmEntity,
  ftmHashId,
  ftmId,
  placeCountry,
  placeName,
} from "./entity.js";
import { personEntityId } from "./map-person.js";

export interface SponsorRow {
  sponsor_key: string;
  names: string[] | null;
  persons: number | null;
  likely_workers: number | null;
  first_seen: string | null;
  last_seen: string | null;
  workers_after_deadline: number | null;
  status: string | null;
}

export interface CohortMovement {
  date: string;
  port: string;
  direction: string;
  members: number;
}

export interface CohortRow {
  cohort_id: string;
  kind: string;
  ports: string[] | null;
  sponsors: string[] | null;
  first_seen: string | null;
  last_seen: string | null;
  movements: CohortMovement[] | null;
  members: number | null;
}

export interface CohortMemberRow {
  cohort_id: string;
  person_id: string;
  role: string | null;
  first_seen: string | null;
  last_seen: string | null;
}

export interface CohortSponsorRow {
  cohort_id: string;
  /** The sponsor group's key (sponsors.sponsor_key), else the spelling itself. */
  sponsor_key: string;
  /** The spellings recorded on this cohort's crossings. */
  spellings: string[];
}

export function sponsorEntityId(sponsorKey: string): string {
  return ftmHashId("sponsor", sponsorKey);
}

export function cohortEntityId(cohortId: string): string {
  return ftmId("cohort", cohortId);
}

export function mapSponsor(row: SponsorRow, ctx: FtmContext): FtmEntity {
  const names = row.names ?? [];
  const facts: string[] = [];
  if (row.persons != null)
    facts.push(
      `${row.persons} persons crossed under this sponsor, ${row.likely_workers ?? 0} of them likely workers`,
    );
  if (row.first_seen && row.last_seen)
    facts.push(`likely workers present from ${row.first_seen} to ${row.last_seen}`);
  if (row.workers_after_deadline != null)
    facts.push(
      `${row.workers_after_deadline} likely workers present after the UNSCR 2397 repatriation deadline (${ctx.deadline})`,
    );
  if (row.status) facts.push(`status: ${row.status}`);
  return ftmEntity("Organization", sponsorEntityId(row.sponsor_key), {
    name: row.sponsor_key,
    alias: names.filter((n) => n !== row.sponsor_key),
    summary: "Sponsor (inviting or employing organisation) as recorded on border-crossing records",
    notes: facts.length > 0 ? `${facts.join("; ")}.` : undefined,
  });
}

export function mapCohort(row: CohortRow, ctx: FtmContext): FtmEntity {
  const ports = row.ports ?? [];
  const portNames = ports.map((p) => placeName(ctx, p));
  const parts = [
    row.members != null
      ? `${row.members} persons seen crossing together`
      : "Persons seen crossing together",
    ports.length > 0 ? `at ${portNames.join(", ")}` : "",
    row.sponsors?.length ? `; sponsors as recorded: ${row.sponsors.join(", ")}` : "",
  ];
  const movements = (row.movements ?? []).map(
    (m) => `${m.date} ${m.direction} at ${placeName(ctx, m.port)}: ${m.members} members`,
  );
  return ftmEntity("Project", cohortEntityId(row.cohort_id), {
    name: `Cohort ${row.cohort_id} (${row.kind})`,
    projectId: row.cohort_id,
    status: row.kind,
    startDate: ftmDate(row.first_seen),
    endDate: ftmDate(row.last_seen),
    country: ports.map((p) => placeCountry(ctx, p)),
    summary: parts.filter(Boolean).join(" ").replace(" ;", ";"),
    notes: movements.length > 0 ? `Joint crossings:\n${movements.join("\n")}` : undefined,
  });
}

export function mapCohortMember(row: CohortMemberRow): FtmEntity {
  return ftmEntity("ProjectParticipant", ftmId("cohort-member", row.cohort_id, row.person_id), {
    participant: personEntityId(row.person_id),
    project: cohortEntityId(row.cohort_id),
    role: row.role ? `member (${row.role})` : "member",
    startDate: ftmDate(row.first_seen),
    endDate: ftmDate(row.last_seen),
  });
}

export function mapCohortSponsor(row: CohortSponsorRow): FtmEntity {
  return ftmEntity(
    "ProjectParticipant",
    ftmHashId("cohort-sponsor", row.cohort_id, row.sponsor_key),
    {
      participant: sponsorEntityId(row.sponsor_key),
      project: cohortEntityId(row.cohort_id),
      role: "sponsor as recorded",
      summary: row.spellings.length > 0 ? `Recorded as: ${row.spellings.join(", ")}` : undefined,
    },
  );
}
