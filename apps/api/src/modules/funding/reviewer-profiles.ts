import { type ApplicantProfile, disciplineLabels, type ReviewerProfile } from '@society-hub/domain';
import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';
import { type ApplicationRowWithSociety, readStrings } from './funding.repository';
import {
  expertAffiliations,
  expertsAmongMembers,
  expertsForReview,
  latestCouncils,
  programDeclarations,
  societyProfiles,
} from './reviews.repository';

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
  const societies = await societyProfiles(db, societyIds);
  const council = await latestCouncils(db, societyIds);
  const memberships = await expertsAmongMembers(db, societyIds);

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
  const experts = await expertsForReview(db);
  const affiliations = await expertAffiliations(db);
  const declarations = await programDeclarations(db, programId);
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
