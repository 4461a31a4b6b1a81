/**
 * `sojourn report`: gather the sections from the store, render one self-contained HTML file and
 * write it atomically (a temporary file renamed into place), so a half-written report never
 * replaces a good one.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Store } from "../db/store.js";
import { gatherReport, type ReportData, type ReportOptions } from "./gather.js";
import { renderReportHtml } from "./render-html.js";

export interface ReportResult {
  out: string;
  bytes: number;
  seconds: number;
  sections: Record<string, "rendered" | string>;
  headline: ReportData["headline"];
  masked: boolean;
}

export async function buildReport(
  store: Store,
  out: string,
  options: ReportOptions = {},
): Promise<ReportResult> {
  const started = performance.now();
  const data = await gatherReport(store, options);
  const html = renderReportHtml(data);
  const path = resolve(out);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, html);
  renameSync(tmp, path);
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
  };
}
