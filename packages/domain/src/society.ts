import { BY_ASSOCIATION, defineStateMachine } from './state-machine';

export const SOCIETY_TYPES = ['society', 'association', 'research_society'] as const;
export type SocietyType = (typeof SOCIETY_TYPES)[number];

export const DISCIPLINES = ['science', 'engineering', 'agriculture', 'medicine', 'cross'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export const SOCIETY_STATUSES = ['preparing', 'active', 'dormant', 'disqualified', 'deregistered'] as const;
export type SocietyStatus = (typeof SOCIETY_STATUSES)[number];

/** SPEC §1: disqualified and deregistered are final. The registry is the Association's: its staff move societies. */
export const societyLifecycle = defineStateMachine<SocietyStatus>('preparing', {
  preparing: { active: BY_ASSOCIATION, deregistered: BY_ASSOCIATION },
  active: { dormant: BY_ASSOCIATION, disqualified: BY_ASSOCIATION, deregistered: BY_ASSOCIATION },
  dormant: { active: BY_ASSOCIATION, disqualified: BY_ASSOCIATION, deregistered: BY_ASSOCIATION },
  disqualified: {},
  deregistered: {},
});

export interface SocietyTransitionFacts {
  creditCode: string | null;
}

/**
 * Preconditions beyond the table: a society becomes active only once it is registered, i.e. it has
 * a credit code. Returns the reasons the move is refused (empty when allowed).
 */
export function societyTransitionBlockers(
  to: SocietyStatus,
  facts: SocietyTransitionFacts,
): { code: string; message: string }[] {
  if (to === 'active' && !facts.creditCode) {
    return [
      {
        code: 'credit_code_required',
        message: 'A society needs its unified social credit code before it can become active.',
      },
    ];
  }
  return [];
}

/** 党组织: none / own branch (单独组建) / joint branch (联合组建) / party-building instructor assigned (选派党建指导员). */
export const PARTY_ORGANISATIONS = ['none', 'own_branch', 'joint_branch', 'instructor'] as const;
export type PartyOrganisation = (typeof PARTY_ORGANISATIONS)[number];

/** 社会组织评估等级 1A–5A is valid for five years from the evaluation date. */
export const EVALUATION_GRADE_VALID_YEARS = 5;
