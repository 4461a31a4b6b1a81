import { sqlMigration } from "./migration.js";

/**
 * Users of `sojourn serve`: accounts with a role and an argon2id password hash, login sessions
 * and API tokens (both stored as SHA-256 of the secret, never the secret), and unmask grants:
 * an analyst's stated reason for seeing names and document numbers, for one session or token,
 * optionally limited to one case. See docs/server.md.
 */
export const v020Users = sqlMigration(
  20,
  "users, sessions, API tokens, unmask grants",
  `
CREATE SEQUENCE IF NOT EXISTS user_id_seq START 1;
CREATE SEQUENCE IF NOT EXISTS api_token_id_seq START 1;
CREATE SEQUENCE IF NOT EXISTS unmask_grant_id_seq START 1;

CREATE TABLE users (
  user_id       BIGINT PRIMARY KEY,
  name          VARCHAR NOT NULL UNIQUE,
  role          VARCHAR NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
  password_hash VARCHAR NOT NULL,           -- argon2id, PHC string
  disabled      BOOLEAN NOT NULL DEFAULT false,
  created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE user_sessions (
  session_hash  VARCHAR PRIMARY KEY,        -- SHA-256 of the cookie value
  user_id       BIGINT NOT NULL,
  csrf_token    VARCHAR NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_tokens (
  token_id      BIGINT PRIMARY KEY,
  token_hash    VARCHAR NOT NULL UNIQUE,    -- SHA-256 of the token
  user_id       BIGINT NOT NULL,
  label         VARCHAR NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  revoked_at    TIMESTAMPTZ
);

CREATE TABLE unmask_grants (
  grant_id      BIGINT PRIMARY KEY,
  user_id       BIGINT NOT NULL,
  credential    VARCHAR NOT NULL,           -- session hash or 'token:<id>'
  case_id       VARCHAR,                    -- NULL: the whole session
  reason        VARCHAR NOT NULL,
  granted_at    TIMESTAMPTZ NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL
);
`,
);
