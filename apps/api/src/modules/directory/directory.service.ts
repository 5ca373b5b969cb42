import type { Static } from 'typebox';
import type { DB } from '../../db/connect';
import { errors } from '../../lib/errors';
import { keysetOf, type PageKey } from '../../lib/pagination';
import { recentPublished } from '../activities/activities.repository';
import { toProgram } from '../funding/funding.repository';
import * as repo from './directory.repository';
import type {
  PublicFundingProgramPageSchema,
  PublicFundingProgramQuerySchema,
  PublicSocietyPageSchema,
  PublicSocietyProfileSchema,
  PublicSocietyQuerySchema,
} from './directory.schemas';

/** A listed row, without the page key `paginate` adds (a profile's row has none). */
type SocietyRow = Omit<Awaited<ReturnType<typeof repo.listActiveSocieties>>['rows'][number], keyof PageKey>;
type PublicSocietyProfile = Static<typeof PublicSocietyProfileSchema>;

const FUNDED_PROJECTS_SHOWN = 20;
const RECENT_ACTIVITIES_SHOWN = 10;
/** Lower bounds of the published membership ranges. */
const MEMBER_RANGES = [1, 100, 500, 1000, 5000] as const;

function memberRange(active: number): PublicSocietyProfile['memberCount'] {
  const index = MEMBER_RANGES.findLastIndex((bound) => active >= bound);
  const atLeast = MEMBER_RANGES[index];
  if (atLeast === undefined) return null;
  return { atLeast, below: MEMBER_RANGES[index + 1] ?? null };
}
type ProgramRow = Awaited<ReturnType<typeof repo.listOpenPrograms>>['rows'][number];

function toPublicSociety(row: SocietyRow): Static<typeof PublicSocietyPageSchema>['items'][number] {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    type: row.type,
    discipline: row.discipline,
    supportingUnit: row.supporting_unit,
    foundedOn: row.founded_on,
    evaluationGrade: row.evaluation_grade,
    website: row.website,
    officeAddress: row.office_address,
    contact: { person: row.contact_person, phone: row.contact_phone, email: row.contact_email },
  };
}

function toPublicProgram(row: ProgramRow): Static<typeof PublicFundingProgramPageSchema>['items'][number] {
  const program = toProgram(row);
  return {
    id: program.id,
    name: program.name,
    year: program.year,
    description: program.description,
    opensOn: program.opensOn,
    closesOn: program.closesOn,
    totalBudgetFen: program.totalBudgetFen,
    categories: program.categories,
  };
}

/** The public face: active societies and open calls, for anyone, without a login. */
export class DirectoryService {
  constructor(private readonly db: DB) {}

  async societies(query: Static<typeof PublicSocietyQuerySchema>): Promise<Static<typeof PublicSocietyPageSchema>> {
    const keyset = keysetOf(repo.PUBLIC_SOCIETY_SORTS, query);
    const { rows, nextCursor } = await repo.listActiveSocieties(this.db, query, keyset);
    return { items: rows.map(toPublicSociety), nextCursor };
  }

  /** 404 for any society that is not active now, as if it were not there: the directory lists active ones only. */
  async society(id: string): Promise<PublicSocietyProfile> {
    const row = await repo.findActiveSociety(this.db, id);
    if (!row) throw errors.notFound('Society');
    const [projects, calls, activities] = await Promise.all([
      repo.fundedProjects(this.db, id, FUNDED_PROJECTS_SHOWN),
      repo.openProgramHeads(this.db),
      recentPublished(this.db, id, RECENT_ACTIVITIES_SHOWN),
    ]);
    return {
      ...toPublicSociety(row),
      partyOrganisation: row.party_organisation,
      evaluationGradeOn: row.evaluation_grade_on,
      memberCount: memberRange(row.active_members ?? 0),
      fundedProjects: projects.map((p) => ({
        title: p.title,
        programName: p.program_name,
        year: p.year,
        categoryName: p.category_name ?? p.category_code,
        grantedFen: p.allocated_fen ?? 0,
        status: p.status === 'reported' || p.status === 'closed' ? p.status : 'funded',
      })),
      recentActivities: activities.map((a) => ({
        id: a.id,
        kind: a.kind,
        title: a.title,
        startOn: a.start_on,
        endOn: a.end_on,
        held: a.held,
        place: a.place,
        online: a.online,
        organisers: a.organisers,
        participants: a.participants,
      })),
      openCalls: calls.map((c) => ({ id: c.id, name: c.name, closesOn: c.closes_on })),
    };
  }

  async openPrograms(
    query: Static<typeof PublicFundingProgramQuerySchema>,
  ): Promise<Static<typeof PublicFundingProgramPageSchema>> {
    const keyset = keysetOf(repo.PUBLIC_PROGRAM_SORTS, query);
    const { rows, nextCursor } = await repo.listOpenPrograms(this.db, keyset);
    return { items: rows.map(toPublicProgram), nextCursor };
  }
}
