import { localToday } from '@society-hub/domain';
import { useQueries } from '@tanstack/react-query';
import { societyQueryOptions } from '@/features/societies';
import { useCurrentUser } from '@/lib/session';
import type { FundingProgram } from '../api/types';

/** The societies an officer speaks for, with their names. */
export function useOwnSocieties(): { id: string; name: string }[] {
  const user = useCurrentUser();
  const ids = user.role === 'society_officer' ? user.societyIds : [];
  const societies = useQueries({ queries: ids.map((id) => societyQueryOptions(id)) });
  return ids.map((id, index) => ({ id, name: societies[index]?.data?.name ?? '' }));
}

/** Whether the call takes applications today. */
export function acceptsApplications(program: FundingProgram): boolean {
  const today = localToday();
  return program.status === 'open' && today >= program.opensOn && today <= program.closesOn;
}
