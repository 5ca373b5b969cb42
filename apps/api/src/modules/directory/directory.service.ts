import type { Static } from 'typebox';
import type { DB } from '../../db/connect';
import { keysetOf, toPage } from '../../lib/pagination';
import { toProgram } from '../funding/funding.repository';
import * as repo from './directory.repository';
import type {
  PublicFundingProgramPageSchema,
  PublicFundingProgramQuerySchema,
  PublicSocietyPageSchema,
  PublicSocietyQuerySchema,
} from './directory.schemas';

type SocietyRow = Awaited<ReturnType<typeof repo.listActiveSocieties>>[number];
type ProgramRow = Awaited<ReturnType<typeof repo.listOpenPrograms>>[number];

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
    const rows = await repo.listActiveSocieties(this.db, query, keyset);
    return toPage(rows, keyset, (r) => ({ value: r.name, id: r.id }), toPublicSociety);
  }

  async openPrograms(
    query: Static<typeof PublicFundingProgramQuerySchema>,
  ): Promise<Static<typeof PublicFundingProgramPageSchema>> {
    const keyset = keysetOf(repo.PUBLIC_PROGRAM_SORTS, query);
    const rows = await repo.listOpenPrograms(this.db, keyset);
    return toPage(rows, keyset, (r) => ({ value: r.closes_on, id: r.id }), toPublicProgram);
  }
}
