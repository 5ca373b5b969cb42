/**
 * Objections to a public notice (公示异议, SPEC §3): anyone may object while the notice runs, but the
 * objection must be signed with a real name or a unit's name and give a way to reach the signer;
 * anonymous objections are refused. The API refuses with these checks, and the public notice page runs
 * the same ones while the visitor types, so both say the same thing.
 *
 * Worked example (see objection.test.ts): signed "匿名" with contact "12345" and content "不同意" gives
 * three problems — `/signerName` anonymous, `/contact` contact_format, `/content` too_short.
 */
import { isPhone } from '../members/phone';
import type { Problem } from './program';

export const OBJECTION_CONTENT_MIN_LENGTH = 10;

/** Signatures that name nobody: 匿名, 无名氏, 某某, 群众, 知情人, 网友, anonymous, test … */
const ANONYMOUS = /^(匿名|无名氏?|某某|某人|群众|一群众|知情人|网友|anonymous|anon|unknown|n\/?a|none|nobody|test)$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** True when the signature names nobody (or is shorter than two characters). */
export function isAnonymousSignature(name: string): boolean {
  const signer = name.trim();
  return [...signer].length < 2 || ANONYMOUS.test(signer);
}

/** A phone number (spaces ignored) or an e-mail address. */
export function isObjectionContact(contact: string): boolean {
  const value = contact.trim();
  return isPhone(value) || EMAIL.test(value);
}

export interface ObjectionSignature {
  signerName: string;
  contact: string;
  content: string;
}

/** Every problem with an objection's signature, contact and content; empty when it may be filed. */
export function checkObjection(input: ObjectionSignature): Problem[] {
  const problems: Problem[] = [];
  if (isAnonymousSignature(input.signerName)) {
    problems.push({
      path: '/signerName',
      code: 'anonymous',
      message: 'Sign with your real name or your unit’s name; anonymous objections are not accepted.',
    });
  }
  if (!isObjectionContact(input.contact)) {
    problems.push({
      path: '/contact',
      code: 'contact_format',
      message: 'Give a mobile or landline number (e.g. 13800138000, 0531-12345678) or an e-mail address.',
    });
  }
  if (input.content.trim().length < OBJECTION_CONTENT_MIN_LENGTH) {
    problems.push({
      path: '/content',
      code: 'too_short',
      message: `Describe the objection (at least ${OBJECTION_CONTENT_MIN_LENGTH} characters).`,
    });
  }
  return problems;
}
