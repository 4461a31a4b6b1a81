import { sqlMigration } from "./migration.js";

/**
 * The audit log: every login, unmasked read, export, review decision and write, appended only.
 * Each entry's hash covers its fields and the previous entry's hash, and `audit_head` holds the
 * last entry's sequence number and hash (updated in the same transaction), so `sojourn audit
 * verify` finds an altered entry, a removed one (a gap or a broken link) and a removed tail.
 * See src/audit/audit-log.ts.
 */
export const v021Audit = sqlMigration(
  21,
  "hash-chained audit log",
  `
CREATE TABLE audit_log (
  seq        BIGINT PRIMARY KEY,
  logged_at  TIMESTAMPTZ NOT NULL,
  actor      VARCHAR NOT NULL,            -- user name, or cli:<OS user>
  action     VARCHAR NOT NULL,            -- login | read.unmasked | export | review | write | …
  target     VARCHAR,                     -- what it acted on: route, alert id, case id, …
  detail     JSON,
  prev_hash  VARCHAR NOT NULL,
  hash       VARCHAR NOT NULL
);

CREATE TABLE audit_head (
  one        INTEGER PRIMARY KEY CHECK (one = 1),
  seq        BIGINT NOT NULL,
  hash       VARCHAR NOT NULL
);
`,
);
