import { withQuery } from "../api.js";
import { href } from "../router.js";
import { MaskNote, Page, Status, unmaskQuery, useData, useSession } from "../ui.js";

interface PortPersons {
  port_id: string;
  name: string;
  name_zh: string | null;
  total: number;
  persons: {
    person_id: string;
    display_name: string;
    birth_date: string | null;
    labor_score: number;
    crossings: number;
    first_day: string;
    last_day: string;
  }[];
}

export function PortPage({ id }: { id: string }) {
  const { unmasked } = useSession();
  const loaded = useData<PortPersons>(
    withQuery(`/api/views/ports/${encodeURIComponent(id)}/persons`, {
      limit: 200,
      ...unmaskQuery(unmasked),
    }),
  );
  return (
    <Page title={`Port ${id}`}>
      <Status loaded={loaded}>
        {(d) => (
          <>
            <p>
              {d.name} {d.name_zh && <span lang="zh">{d.name_zh}</span>}: {d.total} DPRK nationals
              crossed here; the {d.persons.length} most likely workers are listed.{" "}
              <a href={href(["alerts"], { place: id, sort: "score" })}>Alerts at this port</a>.
            </p>
            <MaskNote />
            <table>
              <caption>Persons who crossed at {d.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Name</th>
                  <th scope="col">Born</th>
                  <th scope="col" class="num">
                    Labour score
                  </th>
                  <th scope="col" class="num">
                    Crossings here
                  </th>
                  <th scope="col">First</th>
                  <th scope="col">Last</th>
                </tr>
              </thead>
              <tbody>
                {d.persons.map((p) => (
                  <tr key={p.person_id}>
                    <td>
                      <a href={href(["person", p.person_id])}>{p.person_id}</a>
                    </td>
                    <td>{p.display_name}</td>
                    <td>{p.birth_date ?? "—"}</td>
                    <td class="num">{p.labor_score.toFixed(2)}</td>
                    <td class="num">{p.crossings}</td>
                    <td>{p.first_day}</td>
                    <td>{p.last_day}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Status>
    </Page>
  );
}
