import type { Command } from "commander";
import { loadGazetteer } from "../../gazetteer/load-gazetteer.js";
import { printJson, printLine, printTable } from "../output.js";

export function register(program: Command): void {
  program
    .command("ports")
    .description("list the China–DPRK border crossings in the gazetteer (data/gazetteer/)")
    .option("--json", "print JSON with every field and its sources")
    .option("--aliases", "also list every alias of each port")
    .action((opts: { json?: boolean; aliases?: boolean }) => {
      const g = loadGazetteer();
      const cities = new Map(g.cities.map((c) => [c.id, c]));
      if (opts.json) {
        printJson(
          g.ports.map((p) => ({
            ...p,
            city: cities.get(p.city_id)?.name_en ?? null,
            aliases: g.aliases.filter((a) => a.port_id === p.id).map((a) => a.alias),
          })),
        );
        return;
      }
      printTable(
        g.ports.map((p) => ({
          id: p.id,
          name: p.name_en,
          zh: p.name_zh,
          ko: p.name_ko,
          city: cities.get(p.city_id)?.name_en ?? p.city_id,
          dprk_side: p.dprk_counterpart_en,
          kind: p.kind,
          coords:
            p.lat === null ? "—" : `${p.lat.toFixed(3)}, ${p.lon?.toFixed(3)} (${p.coord_quality})`,
        })),
      );
      if (opts.aliases) {
        printLine();
        for (const p of g.ports) {
          printLine(
            `${p.id}: ${g.aliases
              .filter((a) => a.port_id === p.id)
              .map((a) => a.alias)
              .join(" · ")}`,
          );
        }
      }
    });
}
