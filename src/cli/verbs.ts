/**
 * The verbs of the `sojourn` command, in the pipeline's order (simulate → ingest → analyze →
 * report). A plain list, apart from the modules that implement them: `main.ts` loads a verb's
 * module on demand, and `demo` asks which verbs this build ships without loading them all.
 */
export const VERBS = [
  "simulate",
  "ingest",
  "rejects",
  "runs",
  "ports",
  "lists",
  "screen",
  "analyze",
  "alerts",
  "person",
  "export",
  "evaluate",
  "evidence",
  "report",
  "demo",
  "case",
  "serve",
  "users",
  "audit",
] as const;

export type Verb = (typeof VERBS)[number];
