import { AddToCase } from "../add-to-case.js";
import { withQuery } from "../api.js";
import { Chart, deadlineMark } from "../chart.js";
import { go, href } from "../router.js";
import { MaskNote, Page, Status, unmaskQuery, useData, useSession } from "../ui.js";
import { RotationTimeline, SponsorNames } from "../views/teams.js";

interface Cohort {
  cohort_id: string;
  kind: string;
  ports: string[];
  first_seen: string | null;
  last_seen: string | null;
  movements: { date: string; port: string | null; direction: string | null; members: number }[];
  members: {
    person_id: string;
    display_name: string;
    role: string;
    first_seen: string | null;
    last_seen: string | null;
    labor_score: number;
  }[];
  sponsors: { sponsor: string; gloss: string | null; pinyin: string | null; names: string[] }[];
}

const ROLES = ["core", "replacement", "first-timer", "straggler"];

export function CohortPage({ id }: { id: string }) {
  const { unmasked } = useSession();
  const loaded = useData<Cohort>(
    withQuery(`/api/views/cohorts/${encodeURIComponent(id)}`, unmaskQuery(unmasked)),
  );
  const policy = useData<{ deadline: string }>("/api/views/policy");
  return (
    <Page title={`Cohort ${id}`}>
      <Status loaded={loaded}>
        {(k) => <CohortBody k={k} deadline={policy.data?.deadline ?? null} />}
      </Status>
    </Page>
  );
}

function CohortBody({ k, deadline }: { k: Cohort; deadline: string | null }) {
  const count = (role: string) => k.members.filter((m) => m.role === role).length;
  const members = k.members.map((m) => m.person_id);
  const option = {
    legend: { top: 0 },
    grid: { left: 170, right: 30, top: 40, bottom: 40 },
    xAxis: { type: "time", axisLabel: { hideOverlap: true } },
    yAxis: { type: "category", data: members, inverse: true, axisLabel: { fontSize: 10 } },
    tooltip: { trigger: "item" },
    series: ROLES.map((role, i) => ({
      name: role,
      type: "line",
      connectNulls: false,
      showSymbol: true,
      symbolSize: 4,
      lineStyle: { width: 4 },
      data: k.members
        .filter((m) => m.role === role)
        .flatMap((m) => [
          [m.first_seen, m.person_id],
          [m.last_seen, m.person_id],
          [m.last_seen, null],
        ]),
      ...(i === 0 ? { markLine: deadlineMark(deadline) } : {}),
    })),
  };
  const together = [
    ["entry", "entered China together"],
    ["exit", "left together"],
  ].map(([dir, label]) => ({
    label: label ?? "",
    points: k.movements
      .filter((m) => m.direction === dir)
      .map((m): [string, number] => [m.date, m.members]),
  }));
  return (
    <>
      <p>
        {k.kind}, {k.members.length} members ({ROLES.map((r) => `${count(r)} ${r}`).join(", ")}),
        crossing at{" "}
        {k.ports.map((p, i) => (
          <span key={p}>
            {i > 0 && ", "}
            <a href={href(["port", p])}>{p}</a>
          </span>
        ))}{" "}
        from {k.first_seen} to {k.last_seen}.{" "}
        <a href={href(["alerts"], { cohort: k.cohort_id })}>Alerts about this team</a>.
      </p>
      <AddToCase kind="cohort" refId={k.cohort_id} label={`cohort ${k.cohort_id}`} />
      <h2>Sponsors</h2>
      <SponsorNames sponsors={k.sponsors} />
      <h2>Crossings together</h2>
      <RotationTimeline
        id="chart-together"
        title={`Members of ${k.cohort_id} entering and leaving together per day`}
        rows={together.filter((r) => r.points.length > 0)}
        deadline={deadline}
      />
      <h2>Rotation: who was with the team, and when</h2>
      <p class="definition">
        Each line runs from a member's first to last crossing with the team. Core members stay
        throughout; a replacement enters as another leaves; a first-timer is seen for the first time
        with this team.
      </p>
      <MaskNote />
      <Chart
        option={option}
        height={Math.max(260, 80 + k.members.length * 12)}
        label={`Rotation timeline of ${k.members.length} members of ${k.cohort_id} by role; the table below lists them`}
        onClick={(p) => {
          const row = p.data as [string, string] | undefined;
          if (row?.[1]) go(href(["person", row[1]]));
        }}
      />
      <table>
        <caption>Members</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">First with the team</th>
            <th scope="col">Last with the team</th>
            <th scope="col" class="num">
              Labour score
            </th>
          </tr>
        </thead>
        <tbody>
          {k.members.map((m) => (
            <tr key={m.person_id}>
              <td>
                <a href={href(["person", m.person_id])}>{m.person_id}</a>
              </td>
              <td>{m.display_name}</td>
              <td>{m.role}</td>
              <td>{m.first_seen}</td>
              <td>{m.last_seen}</td>
              <td class="num">{m.labor_score.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
