/**
 * Every fuzzed input format and its fuzzer: crossing files (ingest), list files (lists import)
 * and reports (evidence add). Used by the short run in `fuzz.test.ts` and the long one in
 * `scripts/fuzz-ingest.mjs`.
 */
import { EVIDENCE_FUZZ_FORMATS, type EvidenceFuzzFormat, fuzzEvidence } from "./evidence-fuzz.js";
import type { FuzzRun, FuzzStats } from "./fuzz-common.js";
import { fuzzIngest, INGEST_FORMATS, type IngestFormat } from "./ingest-fuzz.js";
import { fuzzLists, LIST_FUZZ_FORMATS, type ListFuzzFormat } from "./list-fuzz.js";

export const FUZZ_FORMATS = [
  ...INGEST_FORMATS,
  ...LIST_FUZZ_FORMATS,
  ...EVIDENCE_FUZZ_FORMATS,
] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

export function fuzz(format: FuzzFormat, run: FuzzRun): Promise<FuzzStats> {
  if ((INGEST_FORMATS as readonly string[]).includes(format))
    return fuzzIngest({ ...run, format: format as IngestFormat });
  if ((LIST_FUZZ_FORMATS as readonly string[]).includes(format))
    return fuzzLists({ ...run, format: format as ListFuzzFormat });
  return fuzzEvidence({ ...run, format: format as EvidenceFuzzFormat });
}
