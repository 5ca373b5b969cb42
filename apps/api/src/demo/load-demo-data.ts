import { type SocietyStatus, withCreditCodeCheck } from '@society-hub/domain';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../db/connect';
import type { PersonalDataVault } from '../lib/personal-data';
import { systemContext } from '../lib/request-context';
import { write } from '../lib/write';
import { hashPassword } from '../modules/auth/passwords';
import { toSociety } from '../modules/societies/societies.service';
import { findUserByUsername, insertUser } from '../modules/users/users.repository';
import { loadDemoActivities } from './demo-activities';
import { loadDemoFunding } from './demo-funding';
import { loadDemoGovernance } from './demo-governance';
import { loadDemoIntegration } from './demo-integration';
import { loadDemoMembers } from './demo-members';
import { loadDemoPilots } from './demo-pilots';
import { DEMO_SOCIETIES } from './demo-societies';

/** A fictional city, so the demo never pretends to be a real association's data. */
export const DEMO_CITY = '海川';
/** Shared password of the demo accounts (officer, reviewer, auditor); only ever created with DEMO_DATA=1. */
export const DEMO_PASSWORD = 'demo-pass-2026';
const DEMO_REGION = '371900';

/** Mostly active societies, with a few in each other state so every filter and badge shows something. */
function demoStatus(index: number): SocietyStatus {
  if (index % 15 === 7) return 'dormant';
  if (index % 23 === 11) return 'preparing';
  if (index === 44) return 'deregistered';
  return 'active';
}

/** Loads the demo data set once; returns false when the database already has societies. */
export async function loadDemoData(db: DB, vault: PersonalDataVault): Promise<boolean> {
  const existing = await db.selectFrom('societies').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await write(db, systemContext('demo-data'), async (trx, record) => {
    const ids: string[] = [];
    const created: { id: string; status: string; index: number }[] = [];
    // Entered on the platform early last year, one a day, whenever the demo is loaded.
    const start = Date.UTC(new Date().getUTCFullYear() - 1, 0, 5);
    for (const [index, society] of DEMO_SOCIETIES.entries()) {
      const id = uuidv7();
      ids.push(id);
      const status = demoStatus(index);
      created.push({ id, status, index });
      const orgCode = `MJ${String(100000 + index * 7919).slice(-6)}${index % 10}`;
      const at = new Date(start + index * 86_400_000);
      const row = await trx
        .insertInto('societies')
        .values({
          id,
          name: `${DEMO_CITY}${society.name}`,
          name_en: `Haichuan ${society.nameEn}`,
          type: society.type,
          discipline: society.discipline,
          credit_code: status === 'preparing' ? null : withCreditCodeCheck(`51${DEMO_REGION}${orgCode}`),
          supporting_unit: society.supportingUnit ? `${DEMO_CITY}${society.supportingUnit}` : null,
          founded_on: `${1980 + (index % 40)}-${String((index % 12) + 1).padStart(2, '0')}-15`,
          office_address: `${DEMO_CITY}市科技馆路${index + 1}号`,
          contact_person: ['王敏', '李娜', '张伟', '刘洋', '陈静'][index % 5] ?? null,
          contact_phone: `0539-8${String(1000000 + index * 131).slice(-6)}`,
          status,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      // Into the change feed as well, so the feed and the integration pages have real events to show.
      record({
        action: 'society.create',
        resourceType: 'society',
        resourceId: id,
        societyId: id,
        after: toSociety(row),
        event: 'society.created',
      });
    }
    await loadDemoGovernance(trx, db, created);
    await loadDemoMembers(trx, vault, created);
    const accounts = [
      { username: 'officer', role: 'society_officer' as const, displayName: '学会秘书处', societyIds: ids.slice(0, 2) },
      { username: 'reviewer', role: 'reviewer' as const, displayName: '评审专家', societyIds: [] },
      { username: 'auditor', role: 'auditor' as const, displayName: '纪检审计', societyIds: [] },
    ];
    for (const account of accounts) {
      if (await findUserByUsername(trx, account.username)) continue;
      const id = await insertUser(trx, { ...account, passwordHash });
      record({
        action: 'user.create',
        resourceType: 'user',
        resourceId: id,
        after: { id, username: account.username, role: account.role, societyIds: account.societyIds },
      });
    }
    const { reviewerExpertId } = await loadDemoFunding(trx, created, record);
    await loadDemoPilots(trx, created, record);
    await loadDemoActivities(trx, created, record);
    // The demo reviewer scores as one of the pool's experts.
    await trx.updateTable('users').set({ expert_id: reviewerExpertId }).where('username', '=', 'reviewer').execute();
  });
  await loadDemoIntegration(db, vault);
  return true;
}
