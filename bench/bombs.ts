/**
 * npm run bench:bombs: how hostile files end. Each is given to the command that reads it, in a
 * fresh process and a fresh store: a CSV with one 50 MB line, a gzip of 1 GiB of NUL bytes, an
 * .xlsx whose sheet inflates to 1 GiB (a zip bomb), an XML list with nested entities (the
 * "billion laughs") and a PDF whose content stream inflates to 512 MB. Prints per file the exit
 * status, wall and CPU seconds, peak RSS and the first line of the error. Target: each ends in
 * ≤ 10 s with a clear error and ≤ 1 GB RSS; on a loaded machine read the CPU seconds.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync, gzipSync } from "node:zlib";
import { makePdfBomb } from "../test/fixtures/evidence/make-pdf.js";
import { SOJOURN_CLI } from "./sojourn-cli.js";

const FLOOR = { seconds: 10, rssMb: 1024 };
const HEADER = "record_id,crossed_at,direction,port,nationality,doc_number";
const dir = mkdtempSync(join(tmpdir(), "sojourn-bombs-"));

function longLine(): string {
  const file = join(dir, "long-line.csv");
  const ok = "a1,2019-06-03,entry,Quanhe,PRK,G1";
  writeFileSync(
    file,
    `${HEADER}\n${ok}\nb1,${"x".repeat(50 * 1024 * 1024)}\n${ok.replace("a1", "a2")}\n`,
  );
  return file;
}

function gzipBomb(): string {
  const file = join(dir, "nul.csv.gz");
  const gib = Buffer.alloc(1 << 30);
  writeFileSync(file, gzipSync(Buffer.concat([Buffer.from(`${HEADER}\n`), gib]), { level: 9 }));
  return file;
}

/** A zip archive of `entries`, each deflated (the format of an .xlsx file). */
function zipOf(entries: [string, Buffer][]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(Buffer.byteLength(name), 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    head.copy(dir, 8, 6, 30); // flags … name length, as in the local header
    dir.writeUInt32LE(offset, 42);
    local.push(head, Buffer.from(name), packed);
    central.push(dir, Buffer.from(name));
    offset += 30 + Buffer.byteLength(name) + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

/** A one-sheet workbook whose sheet XML holds 1 GiB of spaces between its two rows. */
function zipBomb(): string {
  const x = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${s}`);
  const ns = "http://schemas.openxmlformats.org";
  const row = (n: number, cells: string[]) =>
    `<row r="${n}">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}${n}" t="inlineStr"><is><t>${c}</t></is></c>`).join("")}</row>`;
  const sheet = Buffer.concat([
    x(`<worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${row(1, HEADER.split(","))}`),
    Buffer.alloc(1 << 30, " "),
    Buffer.from(
      `${row(2, ["a1", "2019-06-03", "entry", "Quanhe", "PRK", "G1"])}</sheetData></worksheet>`,
    ),
  ]);
  const file = join(dir, "bomb.xlsx");
  writeFileSync(
    file,
    zipOf([
      [
        "[Content_Types].xml",
        x(
          `<Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
        ),
      ],
      [
        "_rels/.rels",
        x(
          `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
      ],
      [
        "xl/workbook.xml",
        x(
          `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="crossings" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
      ],
      [
        "xl/_rels/workbook.xml.rels",
        x(
          `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
      ],
      ["xl/worksheets/sheet1.xml", sheet],
    ]),
  );
  return file;
}

function xmlBomb(): string {
  const file = join(dir, "laughs.xml");
  const entities = ['<!ENTITY l0 "lol">'];
  for (let i = 1; i < 10; i++) entities.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE CONSOLIDATED_LIST [${entities.join("")}]>\n<CONSOLIDATED_LIST dateGenerated="2024-01-01"><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>&l9;</FIRST_NAME><REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>\n`,
  );
  return file;
}

async function pdfBomb(): Promise<string> {
  const file = join(dir, "bomb.pdf");
  writeFileSync(file, await makePdfBomb(512 * 1024 * 1024));
  return file;
}

function measure(name: string, args: string[]) {
  const db = join(dir, `${name}.duckdb`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    "/usr/bin/time",
    ["-f", "%U %S %M", process.execPath, SOJOURN_CLI, "--db", db, ...args],
    {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    },
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const lines = r.stderr.trim().split("\n");
  const [user, sys, rssKb] = (lines.pop() ?? "").split(" ").map(Number);
  const cpu = (user ?? 0) + (sys ?? 0);
  const rssMb = (rssKb ?? 0) / 1024;
  const said = (lines.find((l) => l.trim() !== "") ?? r.stdout.split("\n")[0] ?? "").slice(0, 240);
  return {
    name,
    exit: r.status,
    wall_s: Number(seconds.toFixed(2)),
    cpu_s: Number(cpu.toFixed(2)),
    rss_mb: Math.round(rssMb),
    met: cpu <= FLOOR.seconds && rssMb <= FLOOR.rssMb,
    said,
  };
}

try {
  const results = [
    measure("50 MB line", ["ingest", longLine(), "--json"]),
    measure("gzip bomb", ["ingest", gzipBomb()]),
    measure("xlsx zip bomb", ["ingest", zipBomb()]),
    measure("XML entity bomb", ["lists", "import", xmlBomb(), "--format", "un-xml"]),
    measure("PDF bomb", ["evidence", "add", await pdfBomb()]),
  ];
  process.stdout.write(`${JSON.stringify({ floor: FLOOR, results }, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
