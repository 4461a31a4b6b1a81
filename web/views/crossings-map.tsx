/**
 * The map of DPRK-national crossings per port (an SVG drawn on the server from the gazetteer,
 * every text escaped, classes only) and the same figures as a table. Where the output has port
 * pages, each port's circle becomes a link to the persons who crossed there, by mouse or keyboard.
 */
import { useEffect, useRef } from "preact/hooks";
import { fmt, langOf, Ref, useLinks } from "./context.js";
import type { PortRow } from "./types.js";

export function CrossingsMap({ svg }: { svg: string }) {
  const links = useLinks();
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = frame.current;
    const first = el?.querySelector("circle[data-port]")?.getAttribute("data-port");
    // An output without port pages (the report) leaves the map an image.
    if (!el || !first || links.port(first) === null) return;
    // With ports as links inside it, the map is a group of links rather than one image.
    el.querySelector("svg")?.setAttribute("role", "group");
    for (const c of el.querySelectorAll("circle[data-port]")) {
      c.setAttribute("tabindex", "0");
      c.setAttribute("role", "link");
      c.setAttribute(
        "aria-label",
        c.querySelector("title")?.textContent ?? c.getAttribute("data-port") ?? "",
      );
    }
    const open = (e: Event) => {
      const port = (e.target as Element).closest("[data-port]")?.getAttribute("data-port");
      const to = port ? links.port(port) : null;
      if (to) location.hash = to;
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === "Enter") open(e);
    };
    el.addEventListener("click", open);
    el.addEventListener("keydown", key);
    return () => {
      el.removeEventListener("click", open);
      el.removeEventListener("keydown", key);
    };
  }, [svg, links]);
  // The map is drawn by src/report/map.ts with every text escaped (no script, no style).
  return <div class="map-frame" ref={frame} dangerouslySetInnerHTML={{ __html: svg }} />;
}

export function PortTable({ rows, caption }: { rows: PortRow[]; caption: string }) {
  const links = useLinks();
  return (
    <div class="table-wrap">
      <table id="ports" class="ports">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Port</th>
            <th scope="col">City</th>
            <th scope="col" class="num">
              Entries into China
            </th>
            <th scope="col" class="num">
              Exits to the DPRK
            </th>
            <th scope="col" class="num">
              Net (entries − exits)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.port_id}>
              <td>
                <Ref to={links.port(p.port_id)}>
                  {p.name}
                  {p.name_zh && (
                    <>
                      {" "}
                      <span lang={langOf(p.name_zh)}>{p.name_zh}</span>
                    </>
                  )}
                </Ref>
                {p.approximate && " (≈ drawn at its city)"}
              </td>
              <td>{p.city ?? ""}</td>
              <td class="num">{fmt(p.entries)}</td>
              <td class="num">{fmt(p.exits)}</td>
              <td class="num">{fmt(p.entries - p.exits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
