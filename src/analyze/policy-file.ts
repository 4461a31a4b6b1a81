/**
 * Reads a policy file (JSON) into a complete, validated policy. The CLI reads it before any step
 * runs, so an invalid policy changes nothing.
 */
import { readFileSync } from "node:fs";
import { type Policy, parsePolicy } from "../core/detection/policy.js";
import { AppError } from "../core/errors.js";

export function loadPolicyFile(path: string): Policy {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new AppError("config", `cannot read policy file ${path}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new AppError(
      "config",
      `policy file ${path} is not valid JSON: ${(err as Error).message}; expected an object like {"version": "…", "limits": {"visa_exempt_days": 30}}`,
    );
  }
  return parsePolicy(doc, path);
}
