/**
 * Fuzzing `lists import` with generated list files in four formats: the UN consolidated XML,
 * OFAC's SDN XML, OFAC's SDN CSV (sdn.csv with alt.csv) and the US Consolidated Screening List
 * CSV. A file is built from entries of the real files in `test/fixtures/sanctions/` — chosen,
 * repeated, with values replaced by hostile ones (escaped as the format escapes them, or raw,
 * which may break the structure) — and a share is damaged byte by byte. The property: the import
 * ends (no hang) with either an import or an input error (no crash, no internal error), and the
 * store then holds exactly the entities the file parsed to.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import type { Store } from "../../src/db/store.js";
import { repoRoot } from "../../src/repo-root.js";
import { importList } from "../../src/sanctions/import-list.js";
import { readListFiles } from "../../src/sanctions/read-list-files.js";
import {
  type FuzzRun,
  type FuzzStats,
  hostileArb,
  type Mutation,
  mutate,
  mutationsArb,
  runFuzz,
  withDeadline,
} from "./fuzz-common.js";

export const LIST_FUZZ_FORMATS = ["un-xml", "ofac-xml", "ofac-csv", "csl-csv"] as const;
export type ListFuzzFormat = (typeof LIST_FUZZ_FORMATS)[number];

const F = () => join(repoRoot(), "test", "fixtures", "sanctions");
const read = (name: string) => readFileSync(join(F(), name), "utf8");

/** A chosen entry: its text (edited), the real entry it came from, its place in the file. */
interface Chosen {
  text: string;
  from: string;
  n: number;
}

/**
 * A real file cut into its entries; how to give an entry a reference of its own (so a file can
 * hold an entry more than once); how to put chosen entries back into a file.
 */
interface Pool {
  entries: string[];
  renumber: (entry: string, n: number) => string;
  build: (entries: Chosen[]) => Record<string, string>;
}

/** Appends `n` to the first match's value (group 2) of `re`. */
const suffix = (entry: string, re: RegExp, n: number, sep: string) =>
  entry.replace(re, (_, a: string, v: string, b: string) => `${a}${v}${sep}${n}${b}`);

function xmlElements(text: string, tag: string): string[] {
  return text.match(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`, "g")) ?? [];
}

function unPool(): Pool {
  const text = read("un_sc_consolidated_2018-10-29.xml");
  const people = xmlElements(text, "INDIVIDUAL");
  const entities = xmlElements(text, "ENTITY");
  return {
    entries: [...people, ...entities],
    renumber: (e, n) => suffix(e, /(<REFERENCE_NUMBER>)([^<]*)(<\/REFERENCE_NUMBER>)/, n, "-"),
    build: (all) => {
      const chosen = all.map((c) => c.text);
      return {
        "un.xml": `<?xml version="1.0" encoding="UTF-8"?><CONSOLIDATED_LIST dateGenerated="2018-10-29T19:09:49.856-04:00">
<INDIVIDUALS>${chosen.filter((e) => e.startsWith("<INDIVIDUAL>")).join("\n")}</INDIVIDUALS>
<ENTITIES>${chosen.filter((e) => e.startsWith("<ENTITY>")).join("\n")}</ENTITIES>
</CONSOLIDATED_LIST>
`,
      };
    },
  };
}

function ofacXmlPool(): Pool {
  const text = read("ofac_sdn_sample.xml");
  const head = text.slice(0, text.indexOf("<sdnEntry>"));
  return {
    entries: xmlElements(text, "sdnEntry"),
    renumber: (e, n) => suffix(e, /(<uid>)(\d+)(<\/uid>)/, n, "0"),
    build: (chosen) => ({
      "sdn.xml": `${head.replace(/<Record_Count>\d+/, `<Record_Count>${chosen.length}`)}${chosen.map((c) => c.text).join("\n")}\n</sdnList>\n`,
    }),
  };
}

function ofacCsvPool(): Pool {
  const sdn = read("ofac_sdn_2021-07.csv").split(/\r?\n/).filter(Boolean);
  const companions = new Map<string, string[]>();
  for (const line of read("ofac_alt_2021-07.csv").split(/\r?\n/).filter(Boolean)) {
    const ent = line.slice(0, line.indexOf(","));
    companions.set(ent, [...(companions.get(ent) ?? []), line]);
  }
  const ent = (line: string) => line.slice(0, line.indexOf(","));
  return {
    entries: sdn,
    renumber: (e, n) => `${ent(e)}0${n}${e.slice(e.indexOf(","))}`,
    build: (chosen) => {
      // The alt.csv rows of each chosen entry, under the entry's own (renumbered) ent_num.
      const alt = chosen.flatMap((c) =>
        (companions.get(ent(c.from)) ?? []).map((a) => `${ent(c.text)}${a.slice(a.indexOf(","))}`),
      );
      return {
        "sdn.csv": `${chosen.map((c) => c.text).join("\r\n")}\r\n`,
        ...(alt.length > 0 ? { "alt.csv": `${alt.join("\r\n")}\r\n` } : {}),
      };
    },
  };
}

function cslPool(): Pool {
  const text = read("us_csl.csv");
  const header = text.slice(0, text.indexOf("\n"));
  const rows = parse(text, { from_line: 2, relax_column_count: true }) as string[][];
  return {
    entries: rows.map((r) => r.map(csvCell).join(",")),
    // The list's own entity number (field 2), else the name (field 5), made unique.
    renumber: (e, n) => {
      const r = (parse(e, { relax_column_count: true }) as string[][])[0] ?? [];
      if (r[1]) r[1] = `${r[1]}0${n}`;
      else if (r[4]) r[4] = `${r[4]} ${n}`;
      return r.map(csvCell).join(",");
    },
    build: (chosen) => ({ "csl.csv": `${header}\n${chosen.map((c) => c.text).join("\n")}\n` }),
  };
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

const xmlEscape = (v: string) =>
  v.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** Replaces the value at `at` (an element's text, or a CSV field) with `value`. */
function replaceValue(entry: string, xml: boolean, at: number, value: string, raw: boolean) {
  if (xml) {
    const texts = [...entry.matchAll(/>([^<]*)</g)];
    const m = texts[at % Math.max(1, texts.length)];
    if (!m || m.index === undefined) return entry;
    const v = raw ? value : xmlEscape(value);
    return `${entry.slice(0, m.index + 1)}${v}${entry.slice(m.index + 1 + (m[1]?.length ?? 0))}`;
  }
  let fields: string[];
  try {
    fields =
      (parse(entry, { relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? [];
  } catch {
    return entry;
  }
  const i = at % Math.max(1, fields.length);
  fields[i] = value;
  return raw ? fields.join(",") : fields.map(csvCell).join(",");
}

interface ListFile {
  picks: { entry: number; edits: { at: number; value: string; raw: boolean }[] }[];
  /** Each entry given a reference of its own (else a repeated entry is a repeated reference). */
  renumber: boolean;
  mutations: Mutation[];
}

const editArb = fc.record({
  at: fc.nat(),
  value: hostileArb,
  // Mostly escaped as the format escapes; a share written raw (often breaking the structure).
  raw: fc.oneof(
    { weight: 39, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
});

const listFileArb = (maxEntries: number): fc.Arbitrary<ListFile> =>
  fc.record({
    picks: fc.array(
      fc.record({
        entry: fc.nat(),
        edits: fc.oneof(
          { weight: 4, arbitrary: fc.constant<ListFile["picks"][number]["edits"]>([]) },
          { weight: 1, arbitrary: fc.array(editArb, { minLength: 1, maxLength: 3 }) },
        ),
      }),
      { maxLength: maxEntries, size: "max" },
    ),
    renumber: fc.oneof(
      { weight: 9, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
    mutations: mutationsArb,
  });

const POOLS: Record<ListFuzzFormat, () => Pool> = {
  "un-xml": unPool,
  "ofac-xml": ofacXmlPool,
  "ofac-csv": ofacCsvPool,
  "csl-csv": cslPool,
};

/** Imports one generated list and checks the property; throws (a failed property) otherwise. */
async function checkList(store: Store, paths: string[], timeoutMs: number) {
  return withDeadline(`lists import of ${paths.join(", ")}`, timeoutMs, async () => {
    const listed = readListFiles(paths);
    const r = await importList(store, listed);
    const stored = await store.one<{ n: bigint }>(
      "SELECT count(*) AS n FROM sanction_entities WHERE list = ?",
      [r.list],
    );
    if (Number(stored?.n) !== listed.parsed.entities.length || r.entities !== Number(stored?.n))
      throw new Error(
        `${paths.join(", ")}: parsed ${listed.parsed.entities.length} entities, import reported ${r.entities}, store holds ${stored?.n}`,
      );
    return r.entities;
  });
}

export async function fuzzLists(opts: FuzzRun & { format: ListFuzzFormat }): Promise<FuzzStats> {
  const pool = POOLS[opts.format]();
  const xml = opts.format.endsWith("xml");
  return runFuzz(opts, listFileArb(opts.maxRecords), (store, f, slot) => {
    const chosen = f.picks.map((p, n) => {
      const from = pool.entries[p.entry % pool.entries.length] ?? "";
      const own = f.renumber ? pool.renumber(from, n) : from;
      const text = p.edits.reduce((e, x) => replaceValue(e, xml, x.at, x.value, x.raw), own);
      return { text, from, n };
    });
    const dir = join(opts.dir, `list-${slot}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const paths = Object.entries(pool.build(chosen)).map(([name, text], i) => {
      const path = join(dir, name);
      // Byte damage goes to the main file.
      writeFileSync(path, i === 0 ? mutate(Buffer.from(text), f.mutations) : text);
      return path;
    });
    return {
      records: chosen.length,
      check: () => checkList(store, paths, opts.timeoutMs ?? 60_000),
    };
  });
}
