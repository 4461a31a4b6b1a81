// Builds the web app (web/) into dist/web: ES modules (esbuild, split: the shell, each page, and
// ECharts loaded only by a page that draws a chart), the style sheet, the page, and the Noto
// Sans SC/KR fonts (weight 400, split by Unicode range, so a browser fetches only the parts
// holding the characters on screen). Everything is served by `sojourn serve` itself: no CDN,
// works offline.
//
// The same views (web/views) render the offline report: web/report/render-sections.tsx is
// bundled for Node into dist/report-views/, which `sojourn report` imports at run time. Bundling
// keeps JSX and the DOM library out of the root TypeScript project (web/ is type-checked by its
// own, web/tsconfig.json), with one tool building both outputs from one set of sources.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "web");
const require = createRequire(import.meta.url);

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "fonts"), { recursive: true });

const common = {
  bundle: true,
  format: "esm",
  target: "es2022",
  jsx: "automatic",
  jsxImportSource: "preact",
  logLevel: "warning",
};
await build({
  ...common,
  entryPoints: { app: join(root, "web", "main.tsx") },
  outdir: out,
  splitting: true,
  chunkNames: "chunk-[hash]",
  minify: true,
  sourcemap: true,
  legalComments: "linked",
});
const views = join(root, "dist", "report-views");
rmSync(views, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: [join(root, "web", "report", "render-sections.tsx")],
  outdir: views,
  platform: "node",
  // preact and preact-render-to-string are the package's dependencies, resolved at run time.
  packages: "external",
});
copyFileSync(join(root, "web", "index.html"), join(out, "index.html"));

// Fonts: the woff2 files of weight 400 and a style sheet naming them with their Unicode ranges.
const faces = [];
for (const pkg of ["noto-sans-sc", "noto-sans-kr"]) {
  const dir = dirname(require.resolve(`@fontsource/${pkg}/package.json`));
  const css = readFileSync(join(dir, "400.css"), "utf8").replace(
    /src: url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\), url\([^)]+\) format\('woff'\);/g,
    "src: url(fonts/$1) format('woff2');",
  );
  faces.push(css);
  for (const f of readdirSync(join(dir, "files")))
    if (f.endsWith("-400-normal.woff2")) copyFileSync(join(dir, "files", f), join(out, "fonts", f));
}
writeFileSync(
  join(out, "app.css"),
  `${faces.join("\n")}\n${readFileSync(join(root, "web", "app.css"), "utf8")}`,
);
