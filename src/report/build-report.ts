/**
 * `sojourn report`: gather the sections from the store, render one self-contained HTML file and
 * write it as every output is written (src/export/output-file.ts): never over an existing file
 * without `force`, never as a directory, and atomically.
 */
import type { Store } from "../db/store.js";
import { checkOutputPath, writeOutputFile } from "../export/output-file.js";
import { resolvePlace } from "../read/places.js";
import type { EmbeddedFonts } from "./fonts.js";
import { gatherReport, type ReportData, type ReportOptions } from "./gather.js";
import { renderReportPage } from "./render-html.js";

export interface ReportResult {
  out: string;
  bytes: number;
  seconds: number;
  sections: Record<string, "rendered" | string>;
  headline: ReportData["headline"];
  masked: boolean;
  /** The CJK font subsets embedded in the page. */
  fonts: Omit<EmbeddedFonts, "css">;
}

export async function buildReport(
  store: Store,
  out: string,
  options: ReportOptions & { force?: boolean } = {},
): Promise<ReportResult> {
  const started = performance.now();
  if (options.place) resolvePlace(options.place);
  const path = checkOutputPath(out, options);
  const data = await gatherReport(store, options);
  const { html, fonts } = await renderReportPage(data);
  await writeOutputFile(out, (file) => file.writeFile(html), { ...options, createDir: true });
  const status = (s: { available: boolean; reason?: string }) =>
    s.available ? "rendered" : `not available: ${s.reason ?? ""}`;
  return {
    out: path,
    bytes: Buffer.byteLength(html),
    seconds: (performance.now() - started) / 1000,
    sections: {
      presence: status(data.presence),
      sponsors: status(data.sponsors),
      cohorts: status(data.cohorts),
      alerts: status(data.alerts),
      sanctions: status(data.hits),
      evidence: status(data.evidence),
    },
    headline: data.headline,
    masked: data.masked,
    fonts: { characters: fonts.characters, bytes: fonts.bytes, missing: fonts.missing },
  };
}
