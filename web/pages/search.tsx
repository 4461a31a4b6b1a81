import { useState } from "preact/hooks";
import { withQuery } from "../api.js";
import { go, href } from "../router.js";
import { MaskNote, Page, Status, unmaskQuery, useData, useSession } from "../ui.js";
import { langOf } from "../views/context.js";

interface PersonHit {
  person_id: string;
  display_name: string;
  birth_date: string | null;
  sex: string | null;
  nationality: string | null;
  labor_score: number;
}

export function SearchPage({ query }: { query: string }) {
  const { unmasked } = useSession();
  const [text, setText] = useState(query);
  const persons = useData<{ items: PersonHit[]; next: string | null }>(
    query ? withQuery("/api/persons", { q: query, limit: 100, ...unmaskQuery(unmasked) }) : null,
  );
  const sponsors = useData<{
    sponsors: { sponsor: string; names: string[]; pinyin: string | null; gloss: string | null }[];
  }>(query ? "/api/sponsors" : null);
  const needle = query.toLowerCase();
  return (
    <Page title="Search">
      <form
        aria-label="Search"
        onSubmit={(e) => {
          e.preventDefault();
          go(href(["search"], { q: text.trim() }));
        }}
      >
        <label>
          Name in any script (Latin, 한글, 汉字), document number, or sponsor
          <input type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit">Search</button>
      </form>
      {query && (
        <>
          <h2>Persons</h2>
          <MaskNote />
          <Status loaded={persons}>
            {(d) => (
              <ul>
                {d.items.map((p) => (
                  <li key={p.person_id}>
                    <a href={href(["person", p.person_id])}>{p.person_id}</a> {p.display_name}, born{" "}
                    {p.birth_date ?? "—"}, {p.nationality ?? "—"}, labour score{" "}
                    {p.labor_score.toFixed(2)}
                  </li>
                ))}
                {d.items.length === 0 && <li>No person matches.</li>}
                {d.next && <li>More than {d.items.length} match: narrow the search.</li>}
              </ul>
            )}
          </Status>
          <h2>Sponsors</h2>
          <Status loaded={sponsors}>
            {(d) => {
              const hits = d.sponsors.filter(
                (s) =>
                  s.names.some((n) => n.toLowerCase().includes(needle)) ||
                  (s.pinyin ?? "").toLowerCase().includes(needle) ||
                  (s.gloss ?? "").toLowerCase().includes(needle),
              );
              return (
                <ul>
                  {hits.map((s) => (
                    <li key={s.sponsor}>
                      <a href={href(["sponsor", s.sponsor])} lang={langOf(s.sponsor)}>
                        {s.sponsor}
                      </a>{" "}
                      {s.pinyin} {s.gloss && `(${s.gloss})`}
                    </li>
                  ))}
                  {hits.length === 0 && <li>No sponsor matches.</li>}
                </ul>
              );
            }}
          </Status>
          <p>
            <a href={href(["lists"], { q: query })}>Screen “{query}” against the sanctions lists</a>
          </p>
        </>
      )}
    </Page>
  );
}
