import type { MessageKey } from '@/lib/i18n';
import type { PilotStatus } from '../api/types';

/** The button of each move. */
export const ACTION_LABEL: Record<PilotStatus, MessageKey> = {
  proposed: 'pilot.action.submit',
  eligibility_review: 'pilot.action.submit',
  approved: 'pilot.action.approve',
  rejected: 'pilot.action.reject',
  in_progress: 'pilot.action.start',
  midterm_review: 'pilot.action.midterm',
  acceptance: 'pilot.action.acceptance',
  completed: 'pilot.action.complete',
  terminated: 'pilot.action.terminate',
};
