import { createHash, randomBytes, randomInt } from 'node:crypto';
import { type Language, normalisePhone } from '@society-hub/domain';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import type { AccountTokenPurpose } from '../../db/database';
import { errors, type FieldError } from '../../lib/errors';
import type { Caller, Principal, RequestContext } from '../../lib/request-context';
import { inTransaction, type Trx, write } from '../../lib/write';
import { hashPassword } from '../auth/passwords';
import { maskAddress } from '../messages/messages.service';
import type { Recipient } from '../notifications/notifications.repository';
import type { Notifier } from '../notifications/notifier';
import { revokeUserSessions } from '../users/users.repository';
import { checkPassword, type UserService } from '../users/users.service';
import * as repo from './accounts.repository';
import {
  EMAIL_PATTERN,
  type InvitationCreateSchema,
  MOBILE_PATTERN,
  type MyContact,
  type PasswordResetConfirmSchema,
  type ReinvitationSchema,
} from './accounts.schemas';

export interface AccountSettings {
  invitationTtlHours: number;
  codeTtlMinutes: number;
  resetsPerHour: number;
}

type Channel = 'email' | 'sms';

/** Wrong codes a code survives; six digits give a guesser 5 in a million per code sent. */
const MAX_CODE_MISSES = 5;

const ANSWERED =
  'If an account matches, a code is on its way to its verified e-mail or mobile. It is valid for a short time.';

/** What was sent is never stored: a link token by its SHA-256, a code by the SHA-256 of its token id and itself. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function linkToken(): string {
  return randomBytes(32).toString('base64url');
}

function sixDigits(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** An address as stored: e-mails as typed (trimmed), mobiles without spaces and full-width digits. */
function addressProblem(channel: Channel, address: string, path: string): FieldError[] {
  const ok = channel === 'email' ? EMAIL_PATTERN.test(address) : MOBILE_PATTERN.test(address);
  return ok
    ? []
    : [
        {
          path,
          code: 'format',
          message: channel === 'email' ? 'Not an e-mail address.' : 'Not a mainland mobile number.',
        },
      ];
}

function normalised(channel: Channel, address: string): string {
  return channel === 'sms' ? normalisePhone(address) : address.trim();
}

/** A password nobody knows, for an account whose holder will choose their own through the invitation. */
function unknowablePassword(username: string): string {
  for (;;) {
    const password = randomBytes(24).toString('base64url');
    if (!password.toLowerCase().includes(username.toLowerCase())) return password;
  }
}

const INVALID_LINK = () =>
  errors.validation(
    [{ path: '/body/token', code: 'invalid_token', message: 'The link is invalid, used or expired.' }],
    'The link is invalid, used or expired; ask for a new one.',
  );

/**
 * Accounts reached through their owners' own addresses (issue 19): invitations instead of typed
 * passwords, "forgot password" by link or code, and contacts confirmed by a code sent to them.
 */
export class AccountService {
  constructor(
    private readonly db: DB,
    private readonly users: UserService,
    private readonly notifier: Notifier,
    private readonly settings: AccountSettings,
  ) {}

  async invite(caller: Caller, input: Static<typeof InvitationCreateSchema>) {
    const address = normalised(input.channel, input.address);
    const problems = addressProblem(input.channel, address, '/body/address');
    if (problems.length) throw errors.validation(problems);
    // The account is made as an administrator would make it (same rules, same audit), with a password
    // nobody knows; its holder chooses theirs through the link.
    const user = await this.users.create(caller, {
      username: input.username,
      displayName: input.displayName ?? null,
      role: input.role,
      societyIds: input.societyIds ?? [],
      expertId: input.expertId ?? null,
      password: unknowablePassword(input.username),
    });
    const language: Language = input.language ?? 'zh';
    const sent = await this.sendInvitation(caller.context, { ...user, language }, input.channel, address);
    return { user, ...sent };
  }

  /**
   * A fresh link for an existing account (the first expired, went to a wrong address, or the person
   * forgot the password and has no confirmed address): the earlier links stop working.
   */
  async reinvite(caller: Caller, userId: string, input: Static<typeof ReinvitationSchema>) {
    const address = normalised(input.channel, input.address);
    const problems = addressProblem(input.channel, address, '/body/address');
    if (problems.length) throw errors.validation(problems);
    const account = await repo.accountById(this.db, userId);
    if (!account) throw errors.notFound('User');
    if (account.disabled) {
      throw errors.ruleViolation('The account is disabled: enable it before inviting its holder.', [
        { path: '/body', code: 'disabled', message: 'A disabled account cannot be invited.' },
      ]);
    }
    const user = await this.users.get(userId);
    const sent = await this.sendInvitation(
      caller.context,
      { ...user, language: account.language },
      input.channel,
      address,
    );
    return { user, ...sent };
  }

  private async sendInvitation(
    context: RequestContext,
    user: { id: string; username: string; displayName: string | null; language: Language },
    channel: Channel,
    address: string,
  ) {
    const expiresAt = new Date(Date.now() + this.settings.invitationTtlHours * 3600_000);
    // Shown in Beijing time, as everyone reading it lives by it.
    const shownExpiry = `${new Date(expiresAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} (UTC+8)`;
    const token = linkToken();
    const messageIds = await write(this.db, context, async (trx, record) => {
      if (user.language !== 'zh') await repo.setLanguage(trx, user.id, user.language);
      const tokenId = await this.issue(trx, user.id, 'invitation', digest(token), address, expiresAt);
      record({
        action: 'user.invite',
        resourceType: 'user',
        resourceId: user.id,
        after: { channel, address: maskAddress(address), expiresAt: expiresAt.toISOString() },
      });
      const recipient: Recipient = {
        userId: user.id,
        name: user.displayName ?? user.username,
        email: channel === 'email' ? address : null,
        phone: channel === 'sms' ? address : null,
        language: user.language,
      };
      return this.notifier.notify(
        trx,
        {
          kind: 'invitation',
          item: tokenId,
          period: 'invitation',
          vars: { username: user.username, expiresAt: shownExpiry },
          // In the fragment: browsers do not send it, so the token stays out of servers' access logs.
          path: `/invitation#token=${token}`,
        },
        [recipient],
        { channels: [channel], inbox: false },
      );
    });
    return {
      channel,
      address: maskAddress(address),
      expiresAt: expiresAt.toISOString(),
      messageId: messageIds[0] ?? null,
    };
  }

  private async issue(
    trx: Trx,
    userId: string,
    purpose: AccountTokenPurpose,
    hash: string | ((id: string) => string),
    target: string | null,
    expiresAt: Date,
  ): Promise<string> {
    const now = new Date();
    await repo.voidOpenTokens(trx, userId, purpose, now);
    const id = uuidv7();
    await repo.insertToken(trx, {
      id,
      user_id: userId,
      purpose,
      token_hash: typeof hash === 'string' ? hash : hash(id),
      target,
      expires_at: expiresAt,
      created_at: now,
    });
    return id;
  }

  /** What the invitation page shows before the password is chosen. */
  async readInvitation(token: string) {
    return inTransaction(this.db, async (trx) => {
      const found = await repo.usableTokenByHash(trx, digest(token), 'invitation', new Date());
      const account = found ? await repo.accountById(trx, found.user_id) : undefined;
      if (!found || !account || account.disabled) throw INVALID_LINK();
      return {
        username: account.username,
        displayName: account.display_name,
        expiresAt: found.expires_at.toISOString(),
      };
    });
  }

  /** Sets the password (the usual policy), confirms the address the link went to, and spends the link. */
  async acceptInvitation(context: RequestContext, token: string, password: string): Promise<void> {
    const hash = digest(token);
    const account = await inTransaction(this.db, async (trx) => {
      const found = await repo.usableTokenByHash(trx, hash, 'invitation', new Date());
      return found ? repo.accountById(trx, found.user_id) : undefined;
    });
    if (!account || account.disabled) throw INVALID_LINK();
    const problems = checkPassword(account.username, password);
    if (problems.length) throw errors.validation(problems);
    const passwordHash = await hashPassword(password);
    await write(this.db, context, async (trx, record) => {
      const now = new Date();
      const found = await repo.usableTokenByHash(trx, hash, 'invitation', now);
      if (!found) throw INVALID_LINK();
      await repo.markUsed(trx, found.id, now);
      await repo.setPassword(trx, found.user_id, passwordHash, now);
      if (found.target) {
        const channel: Channel = found.target.includes('@') ? 'email' : 'sms';
        if (!(await repo.contactTaken(trx, channel, found.target, found.user_id))) {
          await repo.setContact(trx, found.user_id, channel, found.target, now);
        }
      }
      record({ action: 'user.invitation_accepted', resourceType: 'user', resourceId: found.user_id });
    });
  }

  /**
   * Answers the same whatever happens — no account, a disabled one, no verified address, too many
   * requests — so nobody learns from it whether an account exists. Per account, only
   * `resetsPerHour` codes are sent an hour; per address, the route's rate limit applies to everyone.
   */
  async requestReset(context: RequestContext, login: string, preferred: Channel | undefined) {
    const account = await repo.accountByLogin(this.db, login.trim());
    const channel = account ? this.resetChannel(account, preferred) : null;
    if (account && channel) {
      const since = new Date(Date.now() - 3600_000);
      if ((await repo.tokensSince(this.db, account.id, 'password_reset', since)) < this.settings.resetsPerHour) {
        await this.sendReset(context, account, channel);
      }
    }
    return { accepted: true as const, detail: ANSWERED };
  }

  private resetChannel(account: NonNullable<Awaited<ReturnType<typeof repo.accountById>>>, preferred?: Channel) {
    const email = account.email && account.email_verified_at ? 'email' : null;
    const sms = account.phone && account.phone_verified_at ? 'sms' : null;
    if (preferred === 'sms') return sms ?? email;
    return email ?? sms;
  }

  private async sendReset(
    context: RequestContext,
    account: NonNullable<Awaited<ReturnType<typeof repo.accountById>>>,
    channel: Channel,
  ) {
    const token = linkToken();
    const code = sixDigits();
    const expiresAt = new Date(Date.now() + this.settings.codeTtlMinutes * 60_000);
    await write(this.db, context, async (trx, record) => {
      // One row carries both: the link's token and the code (hashed with the row's id, so codes never collide).
      const id = await this.issue(
        trx,
        account.id,
        'password_reset',
        (rowId) => `${digest(token)}:${digest(`${rowId}:${code}`)}`,
        null,
        expiresAt,
      );
      record({ action: 'user.password_reset_requested', resourceType: 'user', resourceId: account.id });
      await this.notifier.notify(
        trx,
        {
          kind: 'password_reset',
          item: id,
          period: 'reset',
          vars: { code, minutes: String(this.settings.codeTtlMinutes) },
          path: `/reset-password#token=${token}`,
        },
        [
          {
            userId: account.id,
            name: account.display_name ?? account.username,
            email: account.email,
            phone: account.phone,
            language: account.language,
          },
        ],
        { channels: [channel], inbox: false },
      );
    });
  }

  /** Either the link's token, or the login and the code: both end the account's sessions. */
  async confirmReset(context: RequestContext, input: Static<typeof PasswordResetConfirmSchema>): Promise<void> {
    const invalid = () =>
      errors.validation(
        [
          {
            path: input.token ? '/body/token' : '/body/code',
            code: 'invalid_code',
            message: 'The code or link is invalid, used or expired.',
          },
        ],
        'The code or link is invalid, used or expired; ask for a new one.',
      );
    if (!input.token && !(input.login && input.code)) {
      throw errors.validation([
        { path: '/body', code: 'required', message: 'Give the token, or the login and the code.' },
      ]);
    }
    const found = await inTransaction(this.db, async (trx) => this.findReset(trx, input));
    if (!found) throw invalid();
    const problems = checkPassword(found.account.username, input.password);
    if (problems.length) throw errors.validation(problems);
    const passwordHash = await hashPassword(input.password);
    await write(this.db, context, async (trx, record) => {
      const again = await this.findReset(trx, input);
      if (!again || again.tokenId !== found.tokenId) throw invalid();
      const now = new Date();
      await repo.markUsed(trx, again.tokenId, now);
      await repo.setPassword(trx, again.account.id, passwordHash, now);
      await revokeUserSessions(trx, again.account.id);
      record({ action: 'user.password_reset_by_owner', resourceType: 'user', resourceId: again.account.id });
    });
  }

  /** The reset row the input names; a wrong code counts against the newest code (which dies after a few). */
  private async findReset(trx: Trx, input: Static<typeof PasswordResetConfirmSchema>) {
    const now = new Date();
    if (input.token) {
      const row = await repo.usableResetByLink(trx, digest(input.token), now);
      const account = row ? await repo.accountById(trx, row.user_id) : undefined;
      return row && account && !account.disabled ? { tokenId: row.id, account } : undefined;
    }
    const account = await repo.accountByLogin(trx, (input.login ?? '').trim());
    if (!account) return undefined;
    const row = await repo.latestUsableCode(trx, account.id, 'password_reset', now);
    if (!row || row.attempts >= MAX_CODE_MISSES) return undefined;
    if (!row.token_hash.endsWith(`:${digest(`${row.id}:${input.code ?? ''}`)}`)) {
      await repo.countMiss(trx, row.id);
      return undefined;
    }
    return { tokenId: row.id, account };
  }

  async contact(principal: Principal): Promise<MyContact> {
    if (principal.kind !== 'user') throw errors.forbidden('Only people have contact details.');
    const account = await repo.accountById(this.db, principal.id);
    if (!account) throw errors.notFound('User');
    return {
      email: account.email,
      emailVerifiedAt: account.email_verified_at?.toISOString() ?? null,
      phone: account.phone,
      phoneVerifiedAt: account.phone_verified_at?.toISOString() ?? null,
      language: account.language,
    };
  }

  /** Sends a code to the new address; the address becomes the user's only once the code comes back. */
  async startVerification({ principal, context }: Caller, channel: Channel, typed: string) {
    if (principal.kind !== 'user') throw errors.forbidden('Only people have contact details.');
    const address = normalised(channel, typed);
    const problems = addressProblem(channel, address, '/body/address');
    if (problems.length) throw errors.validation(problems);
    const account = await repo.accountById(this.db, principal.id);
    if (!account) throw errors.notFound('User');
    const code = sixDigits();
    const purpose = channel === 'email' ? 'verify_email' : 'verify_phone';
    const expiresAt = new Date(Date.now() + this.settings.codeTtlMinutes * 60_000);
    await write(this.db, context, async (trx, record) => {
      const id = await this.issue(trx, account.id, purpose, (rowId) => digest(`${rowId}:${code}`), address, expiresAt);
      record({
        action: 'user.contact_verification_requested',
        resourceType: 'user',
        resourceId: account.id,
        after: { channel, address: maskAddress(address) },
      });
      await this.notifier.notify(
        trx,
        {
          kind: 'contact_verification',
          item: id,
          period: 'verify',
          vars: { code, minutes: String(this.settings.codeTtlMinutes) },
          path: null,
        },
        [
          {
            userId: account.id,
            name: account.display_name ?? account.username,
            email: channel === 'email' ? address : null,
            phone: channel === 'sms' ? address : null,
            language: account.language,
          },
        ],
        { channels: [channel], inbox: false },
      );
    });
    return { channel, address: maskAddress(address), expiresAt: expiresAt.toISOString() };
  }

  async confirmVerification({ principal, context }: Caller, channel: Channel, code: string): Promise<MyContact> {
    if (principal.kind !== 'user') throw errors.forbidden('Only people have contact details.');
    const purpose = channel === 'email' ? 'verify_email' : 'verify_phone';
    const wrong = errors.validation(
      [{ path: '/body/code', code: 'invalid_code', message: 'The code is wrong, used or expired.' }],
      'The code is wrong, used or expired; ask for a new one.',
    );
    const outcome = await write(this.db, context, async (trx, record) => {
      const now = new Date();
      const row = await repo.latestUsableCode(trx, principal.id, purpose, now);
      if (!row?.target || row.attempts >= MAX_CODE_MISSES) return 'wrong' as const;
      if (row.token_hash !== digest(`${row.id}:${code}`)) {
        await repo.countMiss(trx, row.id);
        return 'wrong' as const;
      }
      if (await repo.contactTaken(trx, channel, row.target, principal.id)) {
        throw errors.conflict('Another account already uses this address.', [
          { path: '/body/code', code: 'contact_taken', message: 'Another account already uses this address.' },
        ]);
      }
      await repo.markUsed(trx, row.id, now);
      await repo.setContact(trx, principal.id, channel, row.target, now);
      record({
        action: 'user.contact_verified',
        resourceType: 'user',
        resourceId: principal.id,
        after: { channel, address: maskAddress(row.target) },
      });
      return 'confirmed' as const;
    });
    // A wrong code is counted (committed) before it is refused.
    if (outcome === 'wrong') throw wrong;
    return this.contact(principal);
  }
}
