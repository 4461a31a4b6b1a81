import { sqlMigration } from "./migration.js";

/**
 * Sanctions lists and screening hits. A list (UN-SC, OFAC-SDN, EU-FSF, OpenSanctions…) holds the
 * entities of its latest import; every import is recorded with what it added, removed and
 * changed. `sanction_entities.data` is the whole parsed entity as JSON (what the screening index
 * is built from); the other tables spread it out for SQL. `screening_hits` is what the
 * `sanctioned-sponsor` rule reads.
 */
export const v003Sanctions = sqlMigration(
  3,
  "sanctions lists, screening hits",
  `
CREATE SEQUENCE IF NOT EXISTS sanction_import_seq START 1;

CREATE TABLE sanction_imports (
  import_id    BIGINT PRIMARY KEY,
  list         VARCHAR NOT NULL,        -- UN-SC | OFAC-SDN | EU-FSF | OpenSanctions | --list
  format       VARCHAR NOT NULL,        -- un-xml | ofac-csv | ofac-xml | eu-xml | ftm-json
  files        VARCHAR[] NOT NULL,      -- paths as given (OFAC CSV: sdn, alt, add, comments)
  file_sha256  VARCHAR NOT NULL,        -- of the files' bytes, concatenated in that order
  version      VARCHAR,                 -- the publisher's stamp, else --version, else a date in the file name
  imported_at  TIMESTAMPTZ NOT NULL,
  entities     INTEGER NOT NULL,
  names        INTEGER NOT NULL,
  added        INTEGER NOT NULL,
  removed      INTEGER NOT NULL,
  changed      INTEGER NOT NULL
);

CREATE TABLE sanction_changes (
  import_id  BIGINT NOT NULL,
  list       VARCHAR NOT NULL,
  reference  VARCHAR NOT NULL,
  change     VARCHAR NOT NULL,          -- added | removed | changed
  name       VARCHAR,
  fields     VARCHAR[]                  -- for changed: which parts differ (names, birthDates…)
);

CREATE TABLE sanction_entities (
  list          VARCHAR NOT NULL,
  reference     VARCHAR NOT NULL,       -- UN reference number (KPi.024), OFAC ent_num, EU reference, FtM id
  kind          VARCHAR NOT NULL,       -- person | organization | vessel | aircraft | other
  primary_name  VARCHAR NOT NULL,
  programmes    VARCHAR[],
  listed_on     VARCHAR,                -- partial ISO date
  remarks       VARCHAR,
  dprk          BOOLEAN NOT NULL,       -- DPRK-related by programme, nationality, address or remarks
  content_hash  VARCHAR NOT NULL,
  import_id     BIGINT NOT NULL,
  data          JSON NOT NULL,
  PRIMARY KEY (list, reference)
);

CREATE TABLE sanction_names (
  list       VARCHAR NOT NULL,
  reference  VARCHAR NOT NULL,
  name       VARCHAR NOT NULL,
  name_type  VARCHAR NOT NULL,          -- primary | aka | fka | nka | weak | original-script
  quality    VARCHAR,                   -- the list's own label: Good, Low, a.k.a., strong, weak…
  name_keys  VARCHAR[]                  -- persons: nameKeys() blocking keys, cached (empty: not Korean-readable)
);

CREATE TABLE sanction_identifiers (
  list       VARCHAR NOT NULL,
  reference  VARCHAR NOT NULL,
  id_type    VARCHAR NOT NULL,          -- passport | national-id | vessel | other
  number     VARCHAR NOT NULL,
  country    VARCHAR,
  label      VARCHAR,
  note       VARCHAR
);

CREATE TABLE sanction_birth_dates (
  list       VARCHAR NOT NULL,
  reference  VARCHAR NOT NULL,
  birth_date VARCHAR NOT NULL           -- 1962-02-18 | 1962-02 | 1962 | 1960/1962
);

CREATE TABLE sanction_nationalities (
  list       VARCHAR NOT NULL,
  reference  VARCHAR NOT NULL,
  country    VARCHAR NOT NULL           -- ISO 3166-1 alpha-3 where recognised
);

CREATE TABLE sanction_addresses (
  list       VARCHAR NOT NULL,
  reference  VARCHAR NOT NULL,
  address    VARCHAR NOT NULL,
  city       VARCHAR,
  country    VARCHAR
);

CREATE TABLE screening_hits (
  subject_kind VARCHAR NOT NULL,        -- sponsor | person
  subject      VARCHAR NOT NULL,        -- the sponsor as recorded, or "name|birth_date|nationality"
  list         VARCHAR NOT NULL,
  reference    VARCHAR NOT NULL,
  score        DOUBLE NOT NULL,
  explanation  JSON NOT NULL,
  screened_at  TIMESTAMPTZ NOT NULL
);
`,
);
