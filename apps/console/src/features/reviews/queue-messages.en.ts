import type { ReviewQueueKey } from './queue-messages';

/** The English of `queue-messages.ts`, fetched only once the reader chooses English. */
const en: Record<ReviewQueueKey, string> = {
  'review.declineReason.conflict_of_interest': 'Conflict of interest (recusal)',
  'review.declineReason.not_my_field': 'Not my field',
  'review.declineReason.too_many': 'Too many assignments',
  'review.queue.title': 'My reviews',
  'review.queue.description':
    'Funding applications the Association assigned to you. Score every criterion and write a justification; other reviewers’ scores stay hidden until review closes.',
  'review.queue.pending': 'To review: {n}',
  'review.queue.done': 'Scored: {n}',
  'review.queue.program': 'Program',
  'review.queue.allPrograms': 'All programs',
  'review.queue.all': 'All',
  'review.queue.progress': 'Scored {done} / {total}',
  'review.queue.empty': 'Nothing is assigned to you',
  'review.queue.noneInProgram': 'No application of this program is assigned to you yet',
  'review.queue.noneMatching': 'No application matches the filters',
  'review.queue.notLinked': 'Your account is not linked to an expert of the pools',
  'review.queue.notLinkedHint': 'Ask the Association’s society office to link your account to your expert record.',
  'review.action.score': 'Review',
  'review.action.view': 'View',
  'review.decline.title': 'Decline the assignment',
  'review.decline.summary': 'You are declining to review “{title}”.',
  'review.decline.warning':
    'The application will be re-assigned to another expert at once, and you will no longer see or score it. This cannot be undone.',
  'review.decline.reason': 'Reason',
  'review.decline.reasonRequired': 'Choose a reason',
  'review.decline.note': 'Note',
  'review.decline.notePlaceholder': 'e.g. I held a part-time post at this society',
  'review.decline.noteRequired': 'Say what ties you to the applying society',
  'review.decline.noteConflictHelp': 'Recusals are kept in the review record; describe the interest truthfully.',
  'review.decline.confirm': 'Decline',
  'review.decline.done': 'Declined; the application was re-assigned to another expert',
  'review.decline.doneUnassigned': 'Declined; the Association will find another reviewer',
  'review.decline.alreadyScored': 'You have already submitted scores for this application',
  'review.declaration.button': 'Declaration of interest',
  'review.declaration.title': 'Declaration of interest: {program}',
  'review.declaration.declared': '{n} societies declared',
  'review.declaration.hint':
    'Choose the societies you have an interest in and must not review (a post or part-time role there, a part in their project …). Once saved, your unscored assignments for these societies are given up and re-assigned.',
  'review.declaration.societies': 'Societies to recuse from',
  'review.declaration.societiesHelp': 'Several may be chosen; none means you have nothing to declare.',
  'review.declaration.note': 'Note',
  'review.declaration.notePlaceholder': 'e.g. I sit on this society’s standing council',
  'review.declaration.save': 'Save declaration',
  'review.declaration.saved': 'Declaration saved',
  'review.declaration.recused':
    'Because of this declaration you gave up {n} assignments; those applications were re-assigned to other experts.',
  'review.declaration.noneRecused': 'None of your current assignments conflicts with the declaration.',
  'review.declaration.done': 'OK',
};

export default en;
