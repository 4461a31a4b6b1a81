import type { Command } from "commander";
import { loadGazetteer } from "../../gazetteer/load-gazetteer.js";
import { addPortAlias, storedPortAliases } from "../../ingest/port-aliases.js";
import { printJson, printLine, printTable, withCommandStore } from "../output.js";

export function register(program: Command): void {
  const ports = program
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
  ports
    .command("alias")
    .description(
      "map a port spelling the gazetteer does not know (ingest lists them, with the nearest known port) to a port: kept in the store for every later ingest, and given to the records already loaded under it",
    )
    .argument("[spelling]", 'the spelling as the log writes it, e.g. "Dandong Hwy Port"')
    .argument("[port]", "a port id from sojourn ports, or a name the gazetteer knows for it")
    .option("--json", "print JSON")
    .action(
      async (
        spelling: string | undefined,
        port: string | undefined,
        opts: { json?: boolean },
        cmd: Command,
      ) => {
        // `ports` has a --json of its own, which takes the flag when it follows the arguments.
        const json = opts.json || cmd.optsWithGlobals().json === true;
        await withCommandStore(cmd, async (store) => {
          if (spelling === undefined || port === undefined) {
            const all = await storedPortAliases(store);
            if (json) return printJson(all);
            for (const [s, p] of Object.entries(all)) printLine(`${s} → ${p}`);
            return;
          }
          const r = await addPortAlias(store, loadGazetteer(), spelling, port);
          if (json) return printJson(r);
          printLine(
            `"${r.spelling}" → ${r.port_id}: ${r.records} loaded records mapped${r.records > 0 ? "; run sojourn analyze to use them" : ""}`,
          );
        });
      },
    );
}
