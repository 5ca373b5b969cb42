import type { Migration } from 'kysely';
import * as foundation from './2026-11-22T0001_foundation';
import * as identity from './2026-11-22T0002_identity';
import * as governance from './2026-11-22T0003_governance';
import * as members from './2026-11-22T0004_members';
import * as experts from './2026-11-22T0005_experts';
import * as memberSearch from './2026-11-22T0006_member_search';
import * as funding from './2026-11-22T0007_funding';
import * as integration from './2026-12-02T0009_integration';
import * as pilots from './2026-12-02T0010_pilots';
import * as principalNotify from './2026-12-03T0011_principal_notify';
import * as idempotencyCommitted from './2026-12-03T0012_idempotency_committed';
import * as signInHardening from './2026-12-07T0013_sign_in_hardening';
import * as statusTransitions from './2026-12-07T0014_status_transitions';
import * as messaging from './2026-12-07T0015_messaging';
import * as documents from './2026-12-07T0016_documents';
import * as returns from './2026-12-07T0017_returns';
import * as activities from './2026-12-07T0018_activities';

/**
 * Every migration, by name. Listed explicitly (not read from disk) so the bundled server carries
 * them; names sort in the order they must run.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0001_foundation': foundation,
  '2026-11-22T0002_identity': identity,
  '2026-11-22T0003_governance': governance,
  '2026-11-22T0004_members': members,
  '2026-11-22T0005_experts': experts,
  '2026-11-22T0006_member_search': memberSearch,
  '2026-11-22T0007_funding': funding,
  '2026-12-02T0009_integration': integration,
  '2026-12-02T0010_pilots': pilots,
  '2026-12-03T0011_principal_notify': principalNotify,
  '2026-12-03T0012_idempotency_committed': idempotencyCommitted,
  '2026-12-07T0013_sign_in_hardening': signInHardening,
  '2026-12-07T0014_status_transitions': statusTransitions,
  '2026-12-07T0015_messaging': messaging,
  '2026-12-07T0016_documents': documents,
  '2026-12-07T0017_returns': returns,
  '2026-12-07T0018_activities': activities,
};
