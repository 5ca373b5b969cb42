import type { FundingKey } from './messages';

/** The English of `messages.ts`, fetched only once the reader chooses English. */
const en: Record<FundingKey, string> = {
  'funding.list.title': 'Project funding',
  'funding.list.description':
    'The Association’s annual calls for society projects: applications, screening, expert review, ranking, notice and final reports.',
  'funding.list.societyDescription':
    'See the calls open now, prepare and submit your society’s applications, and follow review, funding and the final report.',
  'funding.list.create': 'New program',
  'funding.list.empty': 'No funding programs yet',
  'funding.list.allStatuses': 'All statuses',
  'funding.list.year': 'Year',

  'funding.field.status': 'Status',
  'funding.field.score': 'Score',
  'funding.field.allocated': 'Funding',
  'funding.field.adjusted': 'Adjusted amount',

  'funding.program.title': 'Funding program',
  'funding.program.notFound': 'Funding program not found',
  'funding.program.section.categories': 'Categories and budgets',
  'funding.program.section.rubric': 'Scoring rubric',
  'funding.program.field.name': 'Program name',
  'funding.program.field.year': 'Year',
  'funding.program.field.status': 'Status',
  'funding.program.field.window': 'Call window',
  'funding.program.field.totalBudget': 'Total budget',
  'funding.program.field.description': 'Description',
  'funding.program.field.minimumScore': 'Minimum fundable score',
  'funding.program.field.reviewers': 'Reviewers per application',
  'funding.program.field.noticeDays': 'Public notice',
  'funding.program.field.notice': 'Notice period',
  'funding.program.field.scoringMethod': 'Scoring method',
  'funding.program.field.strategy': 'Allocation strategy',
  'funding.program.field.allowMultiple': 'Several per category',
  'funding.program.windowRange': '{from} to {to}',
  'funding.program.windowLine': 'Call window {from} to {to}',
  'funding.program.noticeLine': 'Public notice {from} to {to}',
  'funding.program.reviewersCount': '{n}',
  'funding.program.noticeDaysCount': '{n, plural, one {# working day} other {# working days}}',
  'funding.program.noticeNotYet': 'Computed on the working-day calendar when the notice starts',
  'funding.program.onePerCategory': 'No, one per category',
  'funding.program.tab.overview': 'Overview',
  'funding.program.tab.applications': 'Applications',
  'funding.program.tab.mine': 'Our applications',
  'funding.program.tab.assignments': 'Reviewer assignment',
  'funding.program.tab.ranking': 'Ranking and funding',
  'funding.program.tab.notice': 'Notice and objections',
  'funding.program.tab.reports': 'Final reports',

  'funding.category.name': 'Category',
  'funding.category.cap': 'Cap per application',
  'funding.category.budget': 'Category budget',
  'funding.category.allocated': 'Decided funding',
  'funding.category.sumLabel': 'Total',

  'funding.rubric.name': 'Criterion',
  'funding.rubric.weight': 'Points',
  'funding.rubric.firstHelp': 'The first criterion breaks ties: on equal scores the higher first criterion ranks first',

  'funding.move.open': 'Publish the call',
  'funding.move.open.explain':
    'Societies may then prepare and submit applications from {opens} to {closes}. Categories, budgets and the rubric are fixed once published; only the name, the description and a later closing date may change.',
  'funding.move.open.reason': 'Call for this year’s society projects published',
  'funding.move.close': 'Close the call',
  'funding.move.close.explain':
    'No more submissions. Every submitted application is screened at once: society active, last year’s inspection, category, within the cap, budget balanced, one per category, submitted within the window.',
  'funding.move.close.reason': 'The call window has ended',
  'funding.move.reopen': 'Reopen the call',
  'funding.move.reopen.explain':
    'Applications already in screening stay there and are screened again, on the facts of the day, when the call closes again; meanwhile societies may still submit.',
  'funding.move.reopen.reason': 'Call window extended',
  'funding.move.reopen.blocked': 'The call closed on {date}; edit the program to move the closing date later first',
  'funding.move.review': 'Start review',
  'funding.move.review.explain':
    'Applications that passed screening go to expert review, and {reviewers, plural, one {# reviewer is} other {# reviewers are}} assigned to each automatically: disciplines matched, loads balanced, conflicts of interest avoided. Those that failed screening are not funded.',
  'funding.move.review.reason': 'Screening done; expert review starts',
  'funding.move.decide': 'Close review',
  'funding.move.decide.explain':
    'Reviewers can no longer change their scores. Every application needs at least {min, plural, one {# submitted review} other {# submitted reviews}}; scores are aggregated as “{method}”, then ranked for the funding decision.',
  'funding.move.decide.reason': 'Expert review finished',
  'funding.move.notice': 'Start the public notice',
  'funding.move.notice.explain':
    'The projects to be funded are published for {days, plural, one {# working day} other {# working days}} (weekends and holidays skipped on the calendar). Anyone may object, signed with a real name or a unit.',
  'funding.move.notice.reason': 'Funding decided; public notice starts',
  'funding.move.finalise': 'End notice and finalise',
  'funding.move.finalise.explain':
    'After the notice ends with every objection resolved: the projects under notice become funded and societies file their final reports.',
  'funding.move.finalise.reason': 'Notice ended without objection',
  'funding.move.redecide': 'Back to the funding decision',
  'funding.move.redecide.explain':
    'For money released by an upheld objection: the projects under notice go back to “approved” and keep their amounts; applications turned down only because the budget ran out return to “reviewed”, and applying the decision again under “Ranking and funding” funds the next in rank. The revised list must be published again.',
  'funding.move.redecide.reason': 'Objection upheld during the notice; released money goes to the next in rank',

  'funding.next.draft': 'Check the settings, then publish the call for {opens} to {closes}.',
  'funding.next.open':
    'The call is open from {opens} to {closes}. Afterwards, “Close the call” screens every submitted application.',
  'funding.next.closed':
    'Screening is done; see the results under “Applications”. “Start review” assigns {reviewers, plural, one {# reviewer} other {# reviewers}} to each application.',
  'funding.next.reviewing':
    'Expert review is under way: follow it under “Reviewer assignment”, assign by hand or recuse. Close review once every application has its quorum.',
  'funding.next.deciding':
    'See the ranking and the funding line under “Ranking and funding”, try the other strategy if useful, apply the decision, then start the notice.',
  'funding.next.notice':
    'Under public notice until {noticeEnds}. Resolve objections under “Notice and objections”; finalise once the notice has ended.',
  'funding.next.finalised': 'Finalised. Funded projects file their final reports under “Final reports”.',

  'funding.notice.running':
    'Under public notice: {period} ({days, plural, one {# working day} other {# working days}})',
  'funding.notice.upcoming':
    'Public notice scheduled for {period} ({days, plural, one {# working day} other {# working days}})',
  'funding.notice.ended': 'The notice {period} has ended; finalise once objections are resolved',

  'funding.chart.title': 'Budget and decided funding per category',
  'funding.chart.budgetTitle': 'Budget per category',
  'funding.chart.budget': 'Category budget',
  'funding.chart.allocated': 'Decided funding',

  'funding.application.title': 'Application',
  'funding.application.notFound': 'Application not found, or you may not view it',
  'funding.application.apply': 'Apply',
  'funding.application.categoryOption': '{name} (cap {cap})',
  'funding.application.capHint': 'Category cap {cap}',
  'funding.application.peopleCount': '{n, plural, one {# person} other {# people}}',
  'funding.application.societyDiscipline': 'The society’s discipline',
  'funding.application.field.society': 'Society',
  'funding.application.field.category': 'Category',
  'funding.application.field.title': 'Project title',
  'funding.application.field.summary': 'Summary',
  'funding.application.field.plannedOn': 'Planned date',
  'funding.application.field.place': 'Place',
  'funding.application.field.participants': 'Expected participants',
  'funding.application.field.disciplines': 'Disciplines',
  'funding.application.field.budgetLines': 'Budget lines',
  'funding.application.field.attachments': 'Attachments',
  'funding.attachments.name': 'File name',
  'funding.attachments.sizeColumn': 'Size',
  'funding.attachments.note': 'Note',
  'funding.attachments.none': 'No attachments listed',
  'funding.application.field.requested': 'Requested',
  'funding.application.field.selfFunded': 'Self-funded',
  'funding.application.field.submittedAt': 'Submitted',
  'funding.application.submit': 'Submit',
  'funding.application.withdraw': 'Withdraw',
  'funding.application.close': 'Close the project',
  'funding.application.windowClosed': 'Submitting is possible while the call is open, {from} to {to}',
  'funding.application.tab.content': 'Application',
  'funding.application.tab.screening': 'Screening',
  'funding.application.tab.reviews': 'Reviews',
  'funding.application.tab.report': 'Final report',
  'funding.application.tab.history': 'History',

  'funding.lines.item': 'Item',
  'funding.lines.amount': 'Amount',
  'funding.lines.totalLabel': 'Total',
  'funding.lines.sourcesEquation': '(requested {requested} + self-funded {self})',

  'funding.decline.conflict_of_interest': 'Conflict of interest',
  'funding.decline.not_my_field': 'Not my field',
  'funding.decline.too_many': 'Too many',

  'funding.decision.summary': 'Decision: rank {rank}, {reason}, funding {allocated}',
  'funding.decision.detail': 'Score {score}, decided {at}',

  'funding.society.openCalls': 'Calls open now',
  'funding.society.noOpenCalls': 'No call is open at the moment',
  'funding.society.mine': 'Our applications',
  'funding.society.noApplications': 'No applications yet',
  'funding.society.details': 'Details',
  'funding.society.daysLeft': '{n, plural, one {# day left} other {# days left}}',
  'funding.society.notAccepting': 'Not yet open',
};

export default en;
