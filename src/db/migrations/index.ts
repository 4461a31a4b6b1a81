/**
 * Versioned schema migrations, applied in order, each exactly once. Never edit a migration
 * that has shipped: add the next one. `version` is the schema version a store reaches; each
 * file's type is `Migration` from ./migration.ts.
 */

import { v001Init } from "./001-init.js";
import { v002Persons } from "./002-persons.js";
import { v003Sanctions } from "./003-sanctions.js";
import { v004Evidence } from "./004-evidence.js";
import { v005Detection } from "./005-detection.js";
import { v006RecordCodes } from "./006-record-codes.js";
import { v007RecordCompression } from "./007-record-compression.js";
import { v008DerivedCompression } from "./008-derived-compression.js";
import { v010SanctionVersions } from "./010-sanction-versions.js";
import { v020Users } from "./020-users.js";
import { v021Audit } from "./021-audit.js";
import { v022AlertReviews } from "./022-alert-reviews.js";
import { v023Cases } from "./023-cases.js";
import { v024Jobs } from "./024-jobs.js";
import { v025ReadTables } from "./025-read-tables.js";
import { v026LoginThrottle } from "./026-login-throttle.js";
import { v027OverviewTables } from "./027-overview-tables.js";
import { v028ReadPersonLists } from "./028-read-person-lists.js";
import { v040IngestSettings } from "./040-ingest-settings.js";
import { v050RankedAlertsSponsorNames } from "./050-ranked-alerts-sponsor-names.js";
import { v055PortAliases } from "./055-port-aliases.js";
import { v060AnalyzeState } from "./060-analyze-state.js";
import { v061ReadPersonKeys } from "./061-read-person-keys.js";
import { v062PersonNamesCompression } from "./062-person-names-compression.js";
import { v064ReadPersons } from "./064-read-persons.js";
import { v065RecordKeys } from "./065-record-keys.js";
import { v070ClaimPageRank } from "./070-claim-page-rank.js";
import { v071RecordKeysOnly } from "./071-record-keys-only.js";
import { v078IdentityDocuments } from "./078-identity-documents.js";
import type { Migration } from "./migration.js";

export const MIGRATIONS: readonly Migration[] = [
  v001Init,
  v002Persons,
  v003Sanctions,
  v004Evidence,
  v005Detection,
  v006RecordCodes,
  v007RecordCompression,
  v008DerivedCompression,
  v010SanctionVersions,
  v020Users,
  v021Audit,
  v022AlertReviews,
  v023Cases,
  v024Jobs,
  v025ReadTables,
  v026LoginThrottle,
  v027OverviewTables,
  v028ReadPersonLists,
  v040IngestSettings,
  v050RankedAlertsSponsorNames,
  v055PortAliases,
  v060AnalyzeState,
  v061ReadPersonKeys,
  v062PersonNamesCompression,
  v064ReadPersons,
  v065RecordKeys,
  v070ClaimPageRank,
  v071RecordKeysOnly,
  v078IdentityDocuments,
];
