/**
 * The web app's views for the report's sections: web/report/render-sections.tsx, bundled for
 * Node by `npm run build` (scripts/build-web.mjs) into dist/report-views/ and imported here at
 * run time, so the root TypeScript project needs neither JSX nor the DOM library.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ReportViews } from "../../web/report/report-data.js";
import { AppError } from "../core/errors.js";

export async function loadReportViews(): Promise<ReportViews> {
  // From dist/src/report/ to dist/report-views/.
  const url = new URL("../../report-views/render-sections.js", import.meta.url);
  if (!existsSync(fileURLToPath(url)))
    throw new AppError(
      "config",
      `the report's views are not built (${fileURLToPath(url)} is missing): run npm run build`,
    );
  return (await import(url.href)) as ReportViews;
}
