import type { AlliancesKey } from './messages';

/** The English of `messages.ts`, fetched only once the reader chooses English. */
const en: Record<AlliancesKey, string> = {
  'alliance.title': 'Alliances',
  'alliance.description': 'Groups of societies with a lead society.',
  'alliance.empty': 'No alliances yet',
  'alliance.create': 'New alliance',
  'alliance.createTitle': 'New alliance',
  'alliance.editTitle': 'Edit: {name}',
  'alliance.created': 'Created “{name}”',
  'alliance.saved': 'Saved “{name}”',
  'alliance.deleteTitle': 'Dissolve “{name}”?',
  'alliance.deleteHint': 'The alliance record is deleted; the member societies are not affected.',
  'alliance.deleted': 'Dissolved “{name}”',
  'alliance.field.name': 'Name',
  'alliance.field.lead': 'Lead society',
  'alliance.field.members': 'Member societies',
  'alliance.field.memberCount': 'Members',
  'alliance.field.description': 'Description',
  'alliance.leadHelp': 'The lead society is always a member',
  'alliance.namePlaceholder': 'e.g. City Intelligent Manufacturing Alliance',
  'alliance.leadRequired': 'Choose the lead society',
  'alliance.error.name_taken': 'This name is already used',
  'alliance.error.unknown_society': 'A chosen society no longer exists',
};

export default en;
