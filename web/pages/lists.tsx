import { useState } from "preact/hooks";
import { withQuery } from "../api.js";
import { go, href } from "../router.js";
import { fmt, Page, Status, useData } from "../ui.js";

interface Screen {
  threshold: number;
  matches: {
    list: string;
    reference: string;
    name: string;
    kind: string;
    dprk: boolean;
    score: number;
    match: boolean;
  }[];
}

export function ListsPage({ query }: { query: string }) {
  const lists = useData<{
    lists: { list: string; version: string | null; entities: number; imported_at: string }[];
  }>("/api/lists");
  const [name, setName] = useState(query);
  const imported = (lists.data?.lists.length ?? 0) > 0;
  // Screening needs an imported list: without one the server has nothing to screen against.
  const screen = useData<Screen>(
    query && imported ? withQuery("/api/screen", { name: query }) : null,
  );
  return (
    <Page title="Lists and screening">
      <Status loaded={lists}>
        {(d) => (
          <table>
            <caption>Sanctions lists imported</caption>
            <thead>
              <tr>
                <th scope="col">List</th>
                <th scope="col">Version</th>
                <th scope="col" class="num">
                  Entities
                </th>
                <th scope="col">Imported</th>
              </tr>
            </thead>
            <tbody>
              {d.lists.map((l) => (
                <tr key={l.list}>
                  <td>{l.list}</td>
                  <td>{l.version ?? "—"}</td>
                  <td class="num">{fmt(l.entities)}</td>
                  <td>{l.imported_at}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Status>
      <h2>Screen a name</h2>
      <form
        aria-label="Screen a name"
        onSubmit={(e) => {
          e.preventDefault();
          go(href(["lists"], { q: name.trim() }));
        }}
      >
        <label>
          Name (any script)
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} required />
        </label>
        <button type="submit">Screen</button>
      </form>
      {lists.data && !imported && (
        <p>
          No sanctions list imported yet: an analyst imports one with sojourn lists import (or the
          Lists job).
        </p>
      )}
      {query && imported && (
        <Status loaded={screen}>
          {(s) => (
            <table>
              <caption>
                Closest listed entries for “{query}” (a match from score {s.threshold})
              </caption>
              <thead>
                <tr>
                  <th scope="col">List</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col" class="num">
                    Score
                  </th>
                  <th scope="col">Match</th>
                </tr>
              </thead>
              <tbody>
                {s.matches.map((m) => (
                  <tr key={m.list + m.reference}>
                    <td>{m.list}</td>
                    <td>{m.reference}</td>
                    <td>{m.name}</td>
                    <td>
                      {m.kind}
                      {m.dprk ? " (DPRK)" : ""}
                    </td>
                    <td class="num">{m.score.toFixed(2)}</td>
                    <td>{m.match ? "match" : "no"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Status>
      )}
    </Page>
  );
}
