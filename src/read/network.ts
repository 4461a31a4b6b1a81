/**
 * The network to explore: sponsors, the labour teams that cross under them, the ports those
 * teams use, and the sanctions-list entities a sponsor matches (screening hits at or over the
 * match threshold). Nodes carry the page that lists the records behind them.
 */
import { SCREEN_THRESHOLD } from "../core/screening/index.js";
import type { Store } from "../db/store.js";
import type { Gazetteer } from "../gazetteer/load-gazetteer.js";
import { num } from "./section.js";

export const NETWORK_NODE_KINDS = ["sponsor", "team", "port", "entity"] as const;
export type NetworkNodeKind = (typeof NETWORK_NODE_KINDS)[number];

export interface NetworkNode {
  id: string;
  kind: NetworkNodeKind;
  label: string;
  /** Persons (sponsor), members (team), crossings of teams (port), hit score (entity). */
  weight: number;
  /** The app's page for the node. */
  href: string;
}

export interface NetworkLink {
  source: string;
  target: string;
  label: string;
}

export async function readNetwork(
  store: Store,
  gazetteer: Gazetteer,
): Promise<{ nodes: NetworkNode[]; links: NetworkLink[] }> {
  const nodes = new Map<string, NetworkNode>();
  const links: NetworkLink[] = [];
  /** Adds a node once (by kind and key) and returns it. */
  const add = (kind: NetworkNodeKind, key: string, label: string, weight: number, href: string) => {
    const id = `${kind}:${key}`;
    const node = nodes.get(id) ?? { id, kind, label, weight, href };
    nodes.set(id, node);
    return node;
  };
  const sponsors = await store.json<{ sponsor: string; names: string[]; persons: number }>(
    "SELECT sponsor_key AS sponsor, names, persons FROM sponsors ORDER BY persons DESC, sponsor_key",
  );
  const teams = await store.json<{
    cohort_id: string;
    ports: string[];
    sponsors: string[];
    members: number;
  }>(
    `SELECT k.cohort_id, k.ports, k.sponsors, count(m.person_id) AS members
     FROM cohorts k LEFT JOIN cohort_members m USING (cohort_id)
     WHERE k.kind = 'labor-team' GROUP BY ALL ORDER BY members DESC, k.cohort_id`,
  );
  const hits = await store.json<{
    subject: string;
    list: string;
    reference: string;
    name: string | null;
    score: number;
  }>(
    `SELECT h.subject, h.list, h.reference, e.primary_name AS name, max(h.score) AS score
     FROM screening_hits h LEFT JOIN sanction_entities e USING (list, reference)
     WHERE h.subject_kind = 'sponsor' AND h.score >= $threshold GROUP BY ALL`,
    { threshold: SCREEN_THRESHOLD },
  );
  const sponsorOf = new Map<string, string>();
  for (const s of sponsors) {
    const { id } = add(
      "sponsor",
      s.sponsor,
      s.sponsor,
      num(s.persons),
      `#/sponsor/${encodeURIComponent(s.sponsor)}`,
    );
    for (const n of s.names ?? []) sponsorOf.set(n, id);
  }
  for (const t of teams) {
    const { id } = add("team", t.cohort_id, t.cohort_id, num(t.members), `#/cohort/${t.cohort_id}`);
    for (const s of new Set(
      (t.sponsors ?? []).map((n) => sponsorOf.get(n)).filter((x) => x !== undefined),
    ))
      links.push({ source: s, target: id, label: "sponsors" });
    for (const p of t.ports ?? []) {
      const port = gazetteer.ports.find((x) => x.id === p);
      const node = add("port", p, port?.name_en ?? p, 0, `#/port/${p}`);
      node.weight += num(t.members);
      links.push({ source: id, target: node.id, label: "crosses at" });
    }
  }
  for (const h of hits) {
    const s = sponsorOf.get(h.subject);
    if (!s) continue;
    const { id } = add(
      "entity",
      `${h.list}:${h.reference}`,
      `${h.name ?? h.reference} (${h.list})`,
      num(h.score),
      `#/lists?q=${encodeURIComponent(h.name ?? h.reference)}`,
    );
    links.push({ source: s, target: id, label: `matches (${num(h.score).toFixed(2)})` });
  }
  return { nodes: [...nodes.values()], links };
}
