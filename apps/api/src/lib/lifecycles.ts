import {
  type AnnualReportStatus,
  type ApplicationStatus,
  annualReportLifecycle,
  applicationLifecycle,
  type MemberStatus,
  membershipLifecycle,
  type PilotStatus,
  type ProgramStatus,
  pilotLifecycle,
  programLifecycle,
  type SocietyStatus,
  societyLifecycle,
} from '@society-hub/domain';
import type { Lifecycle } from './transitions';

/**
 * Every lifecycle the API moves through lib/transitions.ts: the domain's table of moves and movers,
 * with the names the audit log, the change feed and the history keep. A new one is added here.
 */
export const SOCIETY: Lifecycle<SocietyStatus> = {
  machine: societyLifecycle,
  resourceType: 'society',
  action: 'society',
  event: 'society.status_changed',
  noun: 'society',
  carriedBy: 'the registry',
};

export const MEMBER: Lifecycle<MemberStatus> = {
  machine: membershipLifecycle,
  resourceType: 'member',
  action: 'member',
  event: 'member.status_changed',
  noun: 'member',
  carriedBy: 'the dues',
};

export const APPLICATION: Lifecycle<ApplicationStatus> = {
  machine: applicationLifecycle,
  resourceType: 'funding_application',
  action: 'application',
  event: 'application.status_changed',
  noun: 'application',
  carriedBy: 'the program (review, allocation, notice) or the final report',
  refusals: {
    submitted: 'Only the applying society submits its application.',
    closed:
      'The Association’s staff close a project (结项) once they have accepted its final report; the society files the final report.',
  },
};

export const PROGRAM: Lifecycle<ProgramStatus> = {
  machine: programLifecycle,
  resourceType: 'funding_program',
  action: 'program',
  event: 'program.status_changed',
  noun: 'program',
  carriedBy: 'the program’s own steps',
};

export const PILOT: Lifecycle<PilotStatus> = {
  machine: pilotLifecycle,
  resourceType: 'pilot',
  action: 'pilot',
  event: 'pilot.status_changed',
  noun: 'pilot',
  carriedBy: 'the pilot’s own steps',
};

export const ANNUAL_REPORT: Lifecycle<AnnualReportStatus> = {
  machine: annualReportLifecycle,
  resourceType: 'annual_report',
  action: 'annual_report',
  event: 'annual_report.status_changed',
  noun: 'annual report',
  carriedBy: 'saving the report',
  refusals: {
    submitted: 'Only the society files its annual report again after a return.',
    returned: 'Only the Association’s staff send an annual report back for correction.',
  },
};
