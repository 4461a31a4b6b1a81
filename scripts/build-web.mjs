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
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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
const app = await build({
  ...common,
  entryPoints: { app: join(root, "web", "main.tsx") },
  outdir: out,
  splitting: true,
  chunkNames: "chunk-[hash]",
  minify: true,
  sourcemap: true,
  legalComments: "linked",
  metafile: true,
});
// The chunks the shell imports statically are named in the page, so the browser fetches them
// with app.js rather than after parsing it. Chunks imported lazily (pages, ECharts) are not.
const shell = Object.entries(app.metafile.outputs).find(([, o]) =>
  o.entryPoint?.endsWith("main.tsx"),
);
const preload = (shell?.[1].imports ?? [])
  .filter((i) => i.kind === "import-statement")
  .map((i) => `<link rel="modulepreload" href="app/${basename(i.path)}">`);
writeFileSync(
  join(out, "index.html"),
  readFileSync(join(root, "web", "index.html"), "utf8").replace(
    '<script type="module" src="app/app.js"></script>',
    `<script type="module" src="app/app.js"></script>\n${preload.join("\n")}`,
  ),
);
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
// The map's country shapes depend only on world-atlas's data and the map's frame: drawn once
// here (src/report/map.ts, compiled by the tsc step before this script) rather than per map.
const { drawCountryShapes, SHAPES_FILE } = await import(
  pathToFileURL(join(root, "dist", "src", "report", "map.js")).href
);
writeFileSync(SHAPES_FILE, drawCountryShapes());

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
// The font faces (hundreds of Unicode ranges) are a style sheet of their own that the app adds
// once it runs, so they are not parsed before the first page is drawn.
writeFileSync(join(out, "fonts.css"), faces.join("\n"));
copyFileSync(join(root, "web", "app.css"), join(out, "app.css"));
