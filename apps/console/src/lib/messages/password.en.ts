import type { PasswordKey } from './password';

/** The English of `password.ts`, fetched only once the reader chooses English. */
const en: Record<PasswordKey, string> = {
  'password.title': 'Change password',
  'password.forced': 'An administrator reset your password. Choose a new one that only you know before you go on.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm the new password',
  'password.currentRequired': 'Enter your current password',
  'password.newRequired': 'Enter a new password',
  'password.help': 'At least 10 characters, not containing your username',
  'password.mismatch': 'The two new passwords differ',
  'password.submit': 'Change password',
  'password.done': 'Password changed; sessions on other devices have ended',
  'password.back': 'Back',
  'password.signOut': 'Sign out',
  'field.wrong_password': 'The current password is incorrect',
  'field.same_password': 'Choose a password other than the current one',
  'field.contains_username': 'The password must not contain the username',
};

export default en;
