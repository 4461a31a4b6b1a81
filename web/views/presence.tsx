/**
 * Likely workers present per city, weekly, against the repatriation deadline: the chart, its
 * definition, and the weeks either side of the deadline as a table (each city a link to its
 * alerts where the output has them).
 */
import { presenceDefinition, presenceLabel, presenceOption } from "./chart-options.js";
import { type ChartSpec, ChartView, fmt, Ref, useLinks } from "./context.js";
import type { PresenceData } from "./types.js";

function around(points: [string, number][], deadline: string, before: boolean): string {
  const p = before
    ? points.filter((x) => x[0] <= deadline).at(-1)
    : points.find((x) => x[0] > deadline);
  return p ? `${fmt(p[1])} (week of ${p[0]})` : "—";
}

export function PresenceView({
  presence,
  deadline,
  onClick,
}: {
  presence: PresenceData;
  deadline: string;
  onClick?: ChartSpec["onClick"];
}) {
  const links = useLinks();
  const { series, method } = presence;
  const label = presenceLabel(method);
  return (
    <>
      <p class="definition">{presenceDefinition(method)}</p>
      <ChartView
        id="chart-presence"
        title={`${label[0]?.toUpperCase()}${label.slice(1)}, by city`}
        label={`Weekly ${label} in ${series.map((s) => s.name).join(", ")}, with the deadline ${deadline}`}
        height={440}
        option={presenceOption(series, method, deadline)}
        onClick={onClick}
      />
      <table class="presence-around">
        <caption>Presence around the deadline, per city</caption>
        <thead>
          <tr>
            <th scope="col">City</th>
            <th scope="col">Last week before the deadline</th>
            <th scope="col">First week after</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.city_id}>
              <td>
                <Ref to={links.alerts({ place: s.name, sort: "score" })}>{s.name}</Ref>
              </td>
              <td>{around(s.points, deadline, true)}</td>
              <td>{around(s.points, deadline, false)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
