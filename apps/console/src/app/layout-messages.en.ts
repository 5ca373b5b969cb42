import type { LayoutKey } from './layout-messages';

/** The English of `layout-messages.ts`, fetched only once the reader chooses English. */
const en: Record<LayoutKey, string> = {
  'role.admin': 'Administrator',
  'role.society_officer': 'Society officer',
  'role.reviewer': 'Reviewer',
  'role.auditor': 'Auditor',

  'layout.logout': 'Sign out',
  'layout.changePassword': 'Change password',
  'layout.loggedOut': 'Signed out',
  'nav.societies': 'Societies',
  'nav.home': 'Home',
  'nav.noAccess': 'No features are available for your role yet.',

  'nav.admin': 'Administration',
  'nav.users': 'Accounts',
  'nav.clients': 'API clients',
  'nav.audit': 'Audit log',
  'nav.messages': 'Message log',
  'nav.settings': 'Settings',
  'nav.denied': 'Your role may not open that page; you are back on the home page',

  'nav.group.societies': 'Societies and governance',
  'nav.reportReview': 'Report review',
  'nav.disqualification': 'Disqualification list',
  'nav.alliances': 'Alliances',

  'nav.members': 'Members',
  'nav.memberApprovals': 'Applications',
  'nav.experts': 'Experts',

  'nav.funding': 'Project funding',

  'nav.group.reviews': 'Reviewing',
  'nav.reviews': 'My reviews',
  'nav.calendar': 'Working-day calendar',

  'nav.dashboard': 'Dashboard',
  'reminder.title': 'Reminders',
  'reminder.empty': 'Nothing falls due soon',
  'reminder.overdue': 'Overdue',
  'reminder.dueSoon': 'Due soon',
  'reminder.due': 'Due {date}',
  'reminder.overdueDays': '{n} days overdue',
  'reminder.daysLeft': '{n} days left',
  'reminder.today': 'Due today',
  'reminder.annual_report': '{year} annual report of {society}',
  'reminder.annual_report.many': '{count} societies have not filed their {year} annual report',
  'reminder.reelection': 'Council re-election of {society}',
  'reminder.reelection.many': 'Council re-elections of {count} societies',
  'reminder.review': 'Review: {subject}',
  'reminder.review.program': '{subject}: {count} reviews outstanding',
  'reminder.project_report': 'Final report: {subject}',
  'reminder.project_report.many': '{count} funded projects owe their final report',
  'reminder.pilot_milestone': 'Pilot milestone: {subject}',
  'reminder.pilot_milestone.many': '{count} pilot milestones',
  'reminder.return': 'Returned for correction: {subject}',
  'reminder.return.many': '{count} returned for correction',

  'nav.pilots': 'Function pilots',
  'nav.pilotFunctions': 'Function catalogue',

  'nav.webhooks': 'Integration',

  // Shared by the forms, tables and society pickers of many signed-in pages.
  'admin.conflictTitle': 'Someone else changed this record',
  'admin.conflictBody':
    'Another user saved changes after you opened this page. Reload the latest version and try again.',
  'admin.field.actions': 'Actions',
  'society.deletedName': '(deleted society)',
  'society.more': '+{n} more',
  'society.select.empty': 'No matching society',
  'society.select.placeholder': 'Type a society name to search',
  'society.form.fixErrors': 'Correct the highlighted fields and submit again',
  'society.form.noChanges': 'Nothing to save',
  'society.form.required': 'Enter the {field}',
  'society.form.saved': 'Saved',
  'society.form.select': 'Choose the {field}',
  'society.form.submitCreate': 'Create',
  'society.form.submitSave': 'Save changes',
  'society.field.updatedAt': 'Updated',
  'society.history.at': 'Time',
  'society.history.actor': 'By',
  'society.history.change': 'Change',
  'society.history.empty': 'No status changes yet',
  'society.history.reason': 'Reason',
  'society.history.system': 'System',

  'admin.readOnly': 'Read-only',
  'admin.readOnlyHint': 'Auditors see everything but create or change nothing',
};

export default en;
