import type { LabelsKey } from './labels';

/** The English of `labels.ts`, fetched only once the reader chooses English. */
const en: Record<LabelsKey, string> = {
  'party.none': 'None',
  'party.own_branch': 'Own branch',
  'party.joint_branch': 'Joint branch',
  'party.instructor': 'Party-building instructor assigned',
  'inspection.pass': 'Pass',
  'inspection.basic_pass': 'Basic pass',
  'inspection.fail': 'Fail',
  'inspection.absent': 'Absent',
  'inspection.pending': 'Awaiting inspection',
  'capacity.tier': 'Tier',
  'capacity.tier.A': 'A Sound and active',
  'capacity.tier.B': 'B Sound, ordinary',
  'capacity.tier.C': 'C Incomplete',
  'capacity.tier.D': 'D Stagnant',
  'dashboard.inspection.notRecorded': 'Not recorded',
  'dashboard.tier.none': 'Not assessed',
  'member.category.ordinary': 'Ordinary',
  'member.category.senior': 'Senior',
  'member.category.student': 'Student',
  'member.category.honorary': 'Honorary',
  'pilot.status.proposed': 'Proposed',
  'pilot.status.eligibility_review': 'Eligibility review',
  'pilot.status.approved': 'Approved',
  'pilot.status.rejected': 'Rejected',
  'pilot.status.in_progress': 'In progress',
  'pilot.status.midterm_review': 'Mid-term review',
  'pilot.status.acceptance': 'Acceptance',
  'pilot.status.completed': 'Completed',
  'pilot.status.terminated': 'Terminated',
};

export default en;
