import { AddToCase } from "../add-to-case.js";
import { withQuery } from "../api.js";
import { Chart, deadlineMark } from "../chart.js";
import { href } from "../router.js";
import { MaskNote, Page, RecordRef, Status, unmaskQuery, useData, useSession } from "../ui.js";

interface Person {
  person: {
    person_id: string;
    display_name: string;
    birth_date: string | null;
    sex: string | null;
    nationality: string | null;
    labor_score: number;
    indicators: string | string[] | null;
  };
  names: { name: string; script: string; count: number }[];
  documents: {
    doc_number: string;
    nationality: string | null;
    first_seen: string | null;
    last_seen: string | null;
  }[];
  records: {
    source: string;
    record_id: string;
    date: string;
    direction: string;
    port: string | null;
    doc_number: string;
    name: string;
    linked_by: string;
    linked_to: string | null;
  }[];
  links: { reason: string; record_a: string; record_b: string; evidence: unknown }[];
  stays: {
    port_in: string | null;
    port_out: string | null;
    entered_on: string;
    exited_on: string | null;
    days: number;
    flags: string[];
    record_ids: string[];
  }[];
  alerts: {
    alert_id?: string;
    rule: string;
    score: number;
    period_start: string;
    period_end: string;
    summary: string;
    review_status: string;
  }[];
  cohorts: {
    cohort_id: string;
    kind: string;
    role: string;
    first_seen: string | null;
    last_seen: string | null;
  }[];
}

interface Claim {
  claim_id: number;
  kind: string;
  place: string | null;
  place_id: string | null;
  value_text: string | null;
  quote: string;
  source_title: string | null;
  publisher: string | null;
  published: string | null;
  grade: string | null;
  status: string;
}

export function PersonPage({ id }: { id: string }) {
  const { unmasked } = useSession();
  const loaded = useData<Person>(
    withQuery(`/api/persons/${encodeURIComponent(id)}`, unmaskQuery(unmasked)),
  );
  const policy = useData<{ deadline: string }>("/api/views/policy");
  return (
    <Page title={`Person ${id}`}>
      <Status loaded={loaded}>
        {(p) => <PersonBody p={p} deadline={policy.data?.deadline ?? null} />}
      </Status>
    </Page>
  );
}

function indicators(v: Person["person"]["indicators"]): string[] {
  if (Array.isArray(v)) return v;
  try {
    const parsed = JSON.parse(v ?? "[]");
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return v ? [v] : [];
  }
}

function PersonBody({ p, deadline }: { p: Person; deadline: string | null }) {
  const who = p.person;
  const ports = [...new Set(p.records.map((r) => r.port ?? "unknown port"))].sort();
  const claims = useData<{ claims: Claim[] }>("/api/evidence/claims");
  const near = (claims.data?.claims ?? []).filter(
    (c) =>
      c.place_id && ports.some((port) => port === c.place_id || port.startsWith(`${c.place_id}-`)),
  );
  return (
    <>
      <MaskNote />
      <dl class="facts">
        <dt>Name</dt>
        <dd>{who.display_name}</dd>
        <dt>Born</dt>
        <dd>{who.birth_date ?? "—"}</dd>
        <dt>Sex</dt>
        <dd>{who.sex ?? "—"}</dd>
        <dt>Nationality</dt>
        <dd>{who.nationality ?? "—"}</dd>
        <dt>Labour score</dt>
        <dd>{who.labor_score.toFixed(2)}</dd>
      </dl>
      <AddToCase kind="person" refId={who.person_id} label={`person ${who.person_id}`} />
      <h2>Why this score</h2>
      <ul>
        {indicators(who.indicators).map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <h2>Timeline of stays and crossings</h2>
      <Timeline p={p} ports={ports} deadline={deadline} />
      <StaysTable p={p} />
      <h2>Names by script</h2>
      <table>
        <caption>Names as recorded (masked unless unmasked)</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Script</th>
            <th scope="col" class="num">
              Records
            </th>
          </tr>
        </thead>
        <tbody>
          {p.names.map((n) => (
            <tr key={n.name + n.script}>
              <td lang={n.script === "han" ? "zh" : n.script === "hangul" ? "ko" : undefined}>
                {n.name}
              </td>
              <td>{n.script}</td>
              <td class="num">{n.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Documents</h2>
      <table>
        <caption>Travel documents (numbers masked by role)</caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Nationality</th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {p.documents.map((d) => (
            <tr key={d.doc_number}>
              <td class="mono">{d.doc_number}</td>
              <td>{d.nationality ?? "—"}</td>
              <td>{d.first_seen ?? "—"}</td>
              <td>{d.last_seen ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>How the records were linked</h2>
      <LinkReasons p={p} />
      <h2>Alerts</h2>
      <ul class="cards">
        {p.alerts.map((a) => (
          <li key={`${a.rule}-${a.period_start}`}>
            <strong>{a.rule}</strong> · score {a.score.toFixed(2)} · {a.period_start} –{" "}
            {a.period_end} · <span class={`badge ${a.review_status}`}>{a.review_status}</span>
            <p>{a.summary}</p>
            <a href={href(["alerts"], { sort: "score", rule: a.rule })}>in the alert queue</a>
          </li>
        ))}
      </ul>
      <h2>Cohorts</h2>
      <ul>
        {p.cohorts.map((c) => (
          <li key={c.cohort_id}>
            <a href={href(["cohort", c.cohort_id])}>{c.cohort_id}</a> ({c.kind}), role {c.role},{" "}
            {c.first_seen} – {c.last_seen}
          </li>
        ))}
        {p.cohorts.length === 0 && <li>None.</li>}
      </ul>
      <h2>Evidence about the places of their crossings</h2>
      <ul class="cards">
        {near.map((c) => (
          <li key={c.claim_id}>
            <q>{c.quote}</q> — {c.source_title ?? c.publisher} ({c.published ?? "undated"}, grade{" "}
            {c.grade ?? "?"}), {c.kind} at {c.place}: {c.value_text ?? "—"} ({c.status}){" "}
            <a href="#/evidence">beside the data</a>
          </li>
        ))}
        {near.length === 0 && <li>No claims about these places.</li>}
      </ul>
      <h2>Records</h2>
      <RecordsTable p={p} />
    </>
  );
}

function Timeline({ p, ports, deadline }: { p: Person; ports: string[]; deadline: string | null }) {
  const line: (string | number | null)[][] = [];
  for (const s of p.stays) {
    line.push([s.entered_on, s.port_in ?? "unknown port"]);
    line.push([s.exited_on ?? s.entered_on, s.port_out ?? s.port_in ?? "unknown port"]);
    line.push([s.exited_on ?? s.entered_on, null]);
  }
  const option = {
    legend: { top: 0 },
    grid: { left: 190, right: 30, top: 40, bottom: 40 },
    xAxis: { type: "time", axisLabel: { hideOverlap: true } },
    yAxis: { type: "category", data: ports },
    tooltip: { trigger: "item" },
    series: [
      {
        name: "stay in China",
        type: "line",
        data: line,
        connectNulls: false,
        lineStyle: { width: 6 },
        showSymbol: false,
        markLine: deadlineMark(deadline),
      },
      {
        name: "entry",
        type: "scatter",
        symbol: "triangle",
        data: p.records
          .filter((r) => r.direction === "entry")
          .map((r) => [r.date, r.port ?? "unknown port", r.record_id]),
      },
      {
        name: "exit",
        type: "scatter",
        symbol: "diamond",
        data: p.records
          .filter((r) => r.direction === "exit")
          .map((r) => [r.date, r.port ?? "unknown port", r.record_id]),
      },
    ],
  };
  return (
    <Chart
      option={option}
      height={Math.max(220, 90 + ports.length * 40)}
      label={`Stays and crossings of ${p.person.person_id} at ${ports.join(", ")}, with the deadline ${deadline ?? "(loading)"}; the tables below list them`}
    />
  );
}

function StaysTable({ p }: { p: Person }) {
  return (
    <table>
      <caption>Stays (from entry to exit)</caption>
      <thead>
        <tr>
          <th scope="col">Entered</th>
          <th scope="col">Port in</th>
          <th scope="col">Left</th>
          <th scope="col">Port out</th>
          <th scope="col" class="num">
            Days
          </th>
          <th scope="col">Flags</th>
          <th scope="col">Records</th>
        </tr>
      </thead>
      <tbody>
        {p.stays.map((s) => (
          <tr key={s.entered_on + (s.port_in ?? "")}>
            <td>{s.entered_on}</td>
            <td>{s.port_in ? <a href={href(["port", s.port_in])}>{s.port_in}</a> : "—"}</td>
            <td>{s.exited_on ?? "still inside"}</td>
            <td>{s.port_out ? <a href={href(["port", s.port_out])}>{s.port_out}</a> : "—"}</td>
            <td class="num">{s.days}</td>
            <td>{s.flags.join(", ")}</td>
            <td class="ids">
              {s.record_ids.map((r) => (
                <RecordRef key={r} id={r} />
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LinkReasons({ p }: { p: Person }) {
  const counts = new Map<string, number>();
  for (const r of p.records) counts.set(r.linked_by, (counts.get(r.linked_by) ?? 0) + 1);
  return (
    <ul>
      {[...counts].map(([reason, n]) => (
        <li key={reason}>
          {reason}: {n} records
        </li>
      ))}
      {p.links.map((l) => (
        <li key={l.record_a + l.record_b}>
          {l.reason}: <RecordRef id={l.record_a} /> ↔ <RecordRef id={l.record_b} />
        </li>
      ))}
    </ul>
  );
}

function RecordsTable({ p }: { p: Person }) {
  return (
    <table>
      <caption>Every record of this person, with why it belongs</caption>
      <thead>
        <tr>
          <th scope="col">Record</th>
          <th scope="col">Date</th>
          <th scope="col">Direction</th>
          <th scope="col">Port</th>
          <th scope="col">Document</th>
          <th scope="col">Name</th>
          <th scope="col">Linked by</th>
        </tr>
      </thead>
      <tbody>
        {p.records.map((r) => (
          <tr key={r.record_id} id={`rec-${r.record_id}`} tabIndex={-1}>
            <td class="mono">{r.record_id}</td>
            <td>{r.date}</td>
            <td>{r.direction}</td>
            <td>{r.port ?? "—"}</td>
            <td class="mono">{r.doc_number}</td>
            <td>{r.name}</td>
            <td>
              {r.linked_by}
              {r.linked_to ? ` (to ${r.linked_to})` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
