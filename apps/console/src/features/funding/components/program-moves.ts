import type { MessageKey } from '@/lib/i18n';
import type { ProgramStatus } from '../api/types';

type Move = `${ProgramStatus}>${ProgramStatus}`;

/** Each move the console offers: its button, what it does (explained before it is done) and a default reason. */
const MOVES: Partial<Record<Move, { action: MessageKey; explain: MessageKey; reason: MessageKey }>> = {
  'draft>open': {
    action: 'funding.move.open',
    explain: 'funding.move.open.explain',
    reason: 'funding.move.open.reason',
  },
  'open>closed': {
    action: 'funding.move.close',
    explain: 'funding.move.close.explain',
    reason: 'funding.move.close.reason',
  },
  'closed>open': {
    action: 'funding.move.reopen',
    explain: 'funding.move.reopen.explain',
    reason: 'funding.move.reopen.reason',
  },
  'closed>reviewing': {
    action: 'funding.move.review',
    explain: 'funding.move.review.explain',
    reason: 'funding.move.review.reason',
  },
  'reviewing>deciding': {
    action: 'funding.move.decide',
    explain: 'funding.move.decide.explain',
    reason: 'funding.move.decide.reason',
  },
  'deciding>notice': {
    action: 'funding.move.notice',
    explain: 'funding.move.notice.explain',
    reason: 'funding.move.notice.reason',
  },
  'notice>finalised': {
    action: 'funding.move.finalise',
    explain: 'funding.move.finalise.explain',
    reason: 'funding.move.finalise.reason',
  },
  'notice>deciding': {
    action: 'funding.move.redecide',
    explain: 'funding.move.redecide.explain',
    reason: 'funding.move.redecide.reason',
  },
};

/** Moves that go back a step: offered beside the way forward, not as the main action. */
export const BACKWARDS: readonly Move[] = ['closed>open', 'notice>deciding'];

export function moveOf(from: ProgramStatus, to: ProgramStatus) {
  const key: Move = `${from}>${to}`;
  return MOVES[key];
}
