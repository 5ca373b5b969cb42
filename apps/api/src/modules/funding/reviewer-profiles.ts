import { type ApplicantProfile, disciplineLabels, type ReviewerProfile } from '@society-hub/domain';
import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';
import { type ApplicationRowWithSociety, readStrings } from './funding.repository';

/**
 * The facts conflict detection reads (SPEC §3 回避), gathered in a handful of set queries however
 * many applications and reviewers a program has.
 */
export async function applicantProfiles(
  db: DB | Trx,
  applications: readonly ApplicationRowWithSociety[],
): Promise<ApplicantProfile[]> {
  const societyIds = [...new Set(applications.map((a) => a.society_id))];
  if (societyIds.length === 0) return [];
  const societies = await db
    .selectFrom('societies')
    .select(['id', 'supporting_unit', 'discipline'])
    .where('id', 'in', societyIds)
    .execute();
  // The council of each society's latest term, with its chair.
  const council = await db
    .selectFrom('council_members')
    .innerJoin('governance_terms', 'governance_terms.id', 'council_members.term_id')
    .select(['council_members.society_id', 'person_name', 'employer', 'position'])
    .where('council_members.society_id', 'in', societyIds)
    .where(({ eb, selectFrom }) =>
      eb(
        'governance_terms.sequence',
        '=',
        selectFrom('governance_terms as latest')
          .select(({ fn }) => fn.max('latest.sequence').as('s'))
          .whereRef('latest.society_id', '=', 'council_members.society_id'),
      ),
    )
    .execute();
  // Experts who are members of the applying society: the same ID number (by its keyed hash).
  const memberships = await db
    .selectFrom('members')
    .innerJoin('experts', 'experts.id_number_hash', 'members.id_number_hash')
    .select(['members.society_id', 'experts.id as expert_id'])
    .where('members.society_id', 'in', societyIds)
    .where('members.status', 'not in', ['rejected', 'withdrawn'])
    .execute();

  return applications.map((application) => {
    const society = societies.find((s) => s.id === application.society_id);
    const roster = council.filter((c) => c.society_id === application.society_id);
    const own = readStrings(application.disciplines);
    const societyDiscipline = society ? [society.discipline, disciplineLabels[society.discipline].zh] : [];
    return {
      applicationId: application.id,
      societyId: application.society_id,
      societyName: application.society_name,
      supportingUnit: society?.supporting_unit ?? null,
      chairEmployer: roster.find((c) => c.position === 'chair')?.employer ?? null,
      councilMembers: roster.map((c) => ({ personName: c.person_name, employer: c.employer })),
      memberOfSociety: memberships.filter((m) => m.society_id === application.society_id).map((m) => m.expert_id),
      disciplines: [...own, ...societyDiscipline],
    };
  });
}

/** Every expert of the pools with the declarations of interest they made for this program. */
export async function reviewerProfiles(db: DB | Trx, programId: string): Promise<ReviewerProfile[]> {
  const experts = await db
    .selectFrom('experts')
    .select(['id', 'name', 'employer', 'disciplines', 'available'])
    .orderBy('id')
    .execute();
  const affiliations = await db.selectFrom('expert_societies').select(['expert_id', 'society_id']).execute();
  const declarations = await db
    .selectFrom('reviewer_declarations')
    .select(['expert_id', 'society_ids'])
    .where('program_id', '=', programId)
    .execute();
  return experts.map((e) => ({
    expertId: e.id,
    name: e.name,
    employer: e.employer,
    societyIds: affiliations.filter((a) => a.expert_id === e.id).map((a) => a.society_id),
    disciplines: readStrings(e.disciplines),
    available: e.available,
    declaredSocietyIds: readStrings(declarations.find((d) => d.expert_id === e.id)?.society_ids ?? []),
  }));
}
