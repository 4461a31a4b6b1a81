import { sqlMigration } from "./migration.js";

/**
 * Failed logins of `sojourn serve`, per user name and per client address, kept in the store so
 * that restarting the server does not reset the throttle (src/server/throttle.ts). Times are
 * milliseconds since the epoch.
 */
export const v026LoginThrottle = sqlMigration(
  26,
  "login throttle",
  `
CREATE TABLE login_throttle (
  key              VARCHAR PRIMARY KEY,  -- user:<name> or addr:<client address>
  failures         INTEGER NOT NULL,
  first_ms         BIGINT NOT NULL,      -- the first failure of the current window
  blocked_until_ms BIGINT NOT NULL
);
`,
);
