/**
 * The Admiralty (NATO STANAG 2511 / AJP-2.1) grading of evidence: the source's reliability
 * (A–F) and the information's credibility (1–6) are judged separately and written together
 * ("B2"). Meanings from the Admiralty code as summarised by Wikipedia and the MISP
 * `admiralty-scale` taxonomy (https://en.wikipedia.org/wiki/Admiralty_code).
 */
import { AppError } from "../errors.js";

export const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
export type Reliability = (typeof RELIABILITY)[number];

export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY)[number];

export const RELIABILITY_MEANING: Record<Reliability, string> = {
  A: "completely reliable",
  B: "usually reliable",
  C: "fairly reliable",
  D: "not usually reliable",
  E: "unreliable",
  F: "reliability cannot be judged",
};

export const CREDIBILITY_MEANING: Record<Credibility, string> = {
  1: "confirmed by other sources",
  2: "probably true",
  3: "possibly true",
  4: "doubtful",
  5: "improbable",
  6: "truth cannot be judged",
};

/** Ungraded input means "cannot be judged" (F, 6), never an optimistic default. */
export const DEFAULT_RELIABILITY: Reliability = "F";
export const DEFAULT_CREDIBILITY: Credibility = 6;

function allowedReliability(): string {
  return RELIABILITY.map((r) => `${r} (${RELIABILITY_MEANING[r]})`).join(", ");
}

function allowedCredibility(): string {
  return CREDIBILITY.map((c) => `${c} (${CREDIBILITY_MEANING[c]})`).join(", ");
}

/** Parses a reliability letter; anything else is refused with the allowed values. */
export function parseReliability(value: string, field = "--reliability"): Reliability {
  const v = value.trim().toUpperCase();
  if ((RELIABILITY as readonly string[]).includes(v)) return v as Reliability;
  throw new AppError(
    "usage",
    `${field}: "${value}" is not a source reliability grade; expected one of ${allowedReliability()}`,
  );
}

/** Parses an information-credibility digit; anything else is refused with the allowed values. */
export function parseCredibility(value: string | number, field = "--credibility"): Credibility {
  const v = typeof value === "number" ? value : Number(String(value).trim());
  if (String(value).trim() !== "" && (CREDIBILITY as readonly number[]).includes(v))
    return v as Credibility;
  throw new AppError(
    "usage",
    `${field}: "${value}" is not an information credibility grade; expected one of ${allowedCredibility()}`,
  );
}

/** "B2" and its reading. */
export function formatGrade(reliability: Reliability, credibility: Credibility): string {
  return `${reliability}${credibility}`;
}

export function describeGrade(reliability: Reliability, credibility: Credibility): string {
  return `${formatGrade(reliability, credibility)}: source ${RELIABILITY_MEANING[reliability]}, information ${CREDIBILITY_MEANING[credibility]}`;
}
