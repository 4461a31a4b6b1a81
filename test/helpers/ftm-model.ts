/**
 * Checks FollowTheMoney entities against the real FtM model (test/fixtures/ftm/, provenance in
 * SOURCES.md there). Returns issues as text rather than throwing, so a test can report them all.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../src/repo-root.js";

interface ModelProperty {
  name: string;
  type: string;
  range?: string;
  stub?: boolean;
}

interface ModelSchema {
  extends?: string[];
  abstract?: boolean;
  required?: string[];
  properties: Record<string, ModelProperty>;
}

interface ModelType {
  maxLength?: number;
  values?: Record<string, string>;
}

export interface FtmModel {
  schemata: Record<string, ModelSchema>;
  types: Record<string, ModelType>;
}

export interface EntityLike {
  id: string;
  schema: string;
  properties: Record<string, unknown>;
}

export const FTM_MODEL_FILE = "followthemoney-3.8.4-model.json";

export function loadFtmModel(): FtmModel {
  return JSON.parse(
    readFileSync(join(repoRoot(), "test", "fixtures", "ftm", FTM_MODEL_FILE), "utf8"),
  ) as FtmModel;
}

/** The schema and every schema it extends, nearest first. */
export function ancestry(model: FtmModel, schema: string): string[] {
  const out: string[] = [];
  const visit = (name: string) => {
    if (out.includes(name)) return;
    out.push(name);
    for (const parent of model.schemata[name]?.extends ?? []) visit(parent);
  };
  visit(schema);
  return out;
}

/** A property as the schema sees it: its own, else the nearest ancestor's. */
export function propertyOf(
  model: FtmModel,
  schema: string,
  name: string,
): ModelProperty | undefined {
  for (const s of ancestry(model, schema)) {
    const p = model.schemata[s]?.properties[name];
    if (p) return p;
  }
  return undefined;
}

/** FtM's entity id pattern (followthemoney/types/entity.py). */
const ENTITY_ID = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;
/** FtM dates: ISO 8601 prefixes, UTC, no ranges (the model's `date` type description). */
const DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

function checkValue(model: FtmModel, type: string, value: string): string | undefined {
  const t = model.types[type];
  if (!t) return `unknown type ${type}`;
  if (t.maxLength != null && value.length > t.maxLength)
    return `longer than ${type}'s ${t.maxLength} characters`;
  if (t.values && !(value in t.values)) return `not a ${type} value`;
  if (type === "date" && !DATE.test(value)) return "not an FtM date";
  if (type === "entity" && !ENTITY_ID.test(value)) return "not an FtM entity id";
  if (type === "number" && !Number.isFinite(Number(value))) return "not a number";
  return undefined;
}

/**
 * Issues with one entity. `byId` (all entities of the file) lets references be checked: each must
 * name an entity in the file whose schema is the property's range or extends it.
 */
export function checkEntity(
  model: FtmModel,
  entity: EntityLike,
  byId?: ReadonlyMap<string, EntityLike>,
): string[] {
  const issues: string[] = [];
  const at = `${entity.id ?? "?"} (${entity.schema ?? "?"})`;
  const keys = Object.keys(entity).sort().join(",");
  if (keys !== "id,properties,schema")
    issues.push(`${at}: keys ${keys}, expected id, schema, properties`);
  if (typeof entity.id !== "string" || !ENTITY_ID.test(entity.id)) issues.push(`${at}: invalid id`);
  const schema = model.schemata[entity.schema];
  if (!schema) return [...issues, `${at}: unknown schema`];
  if (schema.abstract) issues.push(`${at}: abstract schema`);
  const props = entity.properties ?? {};
  for (const [name, values] of Object.entries(props)) {
    const p = propertyOf(model, entity.schema, name);
    if (!p) {
      issues.push(`${at}: ${name} is not a property of ${entity.schema} or what it extends`);
      continue;
    }
    if (p.stub) issues.push(`${at}: ${name} is a reverse (stub) property`);
    if (!Array.isArray(values) || values.length === 0) {
      issues.push(`${at}: ${name} is not a non-empty array`);
      continue;
    }
    if (new Set(values).size !== values.length) issues.push(`${at}: ${name} repeats a value`);
    for (const v of values) {
      if (typeof v !== "string" || v.trim() === "") {
        issues.push(`${at}: ${name} has a value that is not a non-empty string`);
        continue;
      }
      const problem = checkValue(model, p.type, v);
      if (problem) issues.push(`${at}: ${name} = ${JSON.stringify(v.slice(0, 80))}: ${problem}`);
      if (p.type === "entity" && byId) {
        const target = byId.get(v);
        if (!target) issues.push(`${at}: ${name} → ${v} is not in the file`);
        else if (p.range && !ancestry(model, target.schema).includes(p.range))
          issues.push(`${at}: ${name} → ${v} is a ${target.schema}, not a ${p.range}`);
      }
    }
  }
  for (const s of ancestry(model, entity.schema))
    for (const r of model.schemata[s]?.required ?? [])
      if (!(r in props)) issues.push(`${at}: required ${r} (from ${s}) missing`);
  return issues;
}

/** Parses FtM JSON Lines and checks every entity, with references resolved within the lines. */
export function checkFtmLines(
  model: FtmModel,
  text: string,
): { entities: EntityLike[]; issues: string[] } {
  const entities = text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as EntityLike);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const issues: string[] = [];
  if (byId.size !== entities.length) issues.push(`${entities.length - byId.size} repeated ids`);
  for (const e of entities) issues.push(...checkEntity(model, e, byId));
  return { entities, issues };
}
