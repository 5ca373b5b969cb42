import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { Type } from 'typebox';
import { callerOf, contextOf, principalOf } from '../../lib/request-context';
import { IdParams, problems, ref } from '../../lib/schemas';
import {
  AcceptedSchema,
  ContactVerificationConfirmSchema,
  ContactVerificationRequestSchema,
  ContactVerificationStartedSchema,
  InvitationAcceptSchema,
  InvitationCreateSchema,
  InvitationDetailsSchema,
  InvitationSchema,
  InvitationTokenSchema,
  MyContactSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  ReinvitationSchema,
} from './accounts.schemas';
import type { AccountService } from './accounts.service';

const tags = ['accounts'];

/** `/v1/invitations`: staff invite a person instead of typing their password. */
export const invitationRoutes: FastifyPluginAsyncTypebox<{ accounts: AccountService }> = async (app, { accounts }) => {
  app.post(
    '/',
    {
      config: { access: ACCESS.invitations.write },
      schema: {
        operationId: 'createInvitation',
        tags,
        summary: 'Make an account and send its holder a single-use link to choose a password',
        body: ref(InvitationCreateSchema),
        response: { 201: ref(InvitationSchema), ...problems(422) },
      },
    },
    async (request, reply) => {
      // The invitation is made of the account it opens: that is where it lives.
      const invitation = await accounts.invite(callerOf(request), request.body);
      return reply.header('location', `/v1/users/${invitation.user.id}`).code(201).send(invitation);
    },
  );
};

/** `/v1/users/{id}/invitation`: a fresh link for an existing account. */
export const reinvitationRoutes: FastifyPluginAsyncTypebox<{ accounts: AccountService }> = async (
  app,
  { accounts },
) => {
  app.post(
    '/:id/invitation',
    {
      config: { access: ACCESS.invitations.write },
      schema: {
        operationId: 'reinviteUser',
        tags,
        summary: 'Send an account’s holder a new single-use link to choose a password (earlier links stop working)',
        params: IdParams,
        body: ref(ReinvitationSchema),
        response: { 201: ref(InvitationSchema), ...problems(404, 422) },
      },
    },
    async (request, reply) => {
      const invitation = await accounts.reinvite(callerOf(request), request.params.id, request.body);
      return reply.header('location', `/v1/users/${invitation.user.id}`).code(201).send(invitation);
    },
  );
};

/** `/v1/auth/…`: what a person without a session does with a link or a code. */
export const accountRecoveryRoutes: FastifyPluginAsyncTypebox<{ accounts: AccountService; perMinute: number }> = async (
  app,
  { accounts, perMinute },
) => {
  // Per address, for everyone alike (so it tells nothing about accounts): tokens and codes are guessed only slowly.
  const publicAccess = { access: 'public' as const, rateLimit: { max: perMinute, timeWindow: 60_000 } };
  app.post(
    '/invitation',
    {
      config: publicAccess,
      schema: {
        operationId: 'readInvitation',
        tags,
        summary: 'What an invitation link is for (the token in the body, so it stays out of URLs and logs)',
        body: ref(InvitationTokenSchema),
        response: { 200: ref(InvitationDetailsSchema) },
      },
    },
    async (request) => accounts.readInvitation(request.body.token),
  );

  app.post(
    '/invitation/accept',
    {
      config: publicAccess,
      schema: {
        operationId: 'acceptInvitation',
        tags,
        summary: 'Choose the password of an invited account; the link is spent and the address confirmed',
        body: ref(InvitationAcceptSchema),
        response: { 204: Type.Null({ description: 'Password set: sign in with it' }) },
      },
    },
    async (request, reply) => {
      await accounts.acceptInvitation(contextOf(request), request.body.token, request.body.password);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/password-reset',
    {
      config: publicAccess,
      schema: {
        operationId: 'requestPasswordReset',
        tags,
        summary: 'Forgot password: a link and a code to the account’s verified e-mail or mobile',
        description: 'The answer is the same whether or not an account matches, and however often it is asked.',
        body: ref(PasswordResetRequestSchema),
        response: { 202: ref(AcceptedSchema) },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await accounts.requestReset(contextOf(request), request.body.login, request.body.channel)),
  );

  app.post(
    '/password-reset/confirm',
    {
      config: publicAccess,
      schema: {
        operationId: 'confirmPasswordReset',
        tags,
        summary: 'Choose a new password with the link’s token, or the login and the code; ends every session',
        body: ref(PasswordResetConfirmSchema),
        response: { 204: Type.Null({ description: 'Password set: sign in with it' }) },
      },
    },
    async (request, reply) => {
      await accounts.confirmReset(contextOf(request), request.body);
      return reply.code(204).send(null);
    },
  );
};

/** `/v1/me/contact`: a person's own e-mail and mobile, set by confirming a code sent there. */
export const contactRoutes: FastifyPluginAsyncTypebox<{ accounts: AccountService }> = async (app, { accounts }) => {
  app.get(
    '/contact',
    {
      config: { access: ACCESS.self },
      schema: {
        operationId: 'getMyContact',
        tags,
        summary: 'My verified e-mail and mobile, and my language',
        response: { 200: ref(MyContactSchema) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return accounts.contact(principalOf(request));
    },
  );

  app.post(
    '/contact/verification',
    {
      config: { access: ACCESS.self },
      schema: {
        operationId: 'startContactVerification',
        tags,
        summary: 'Send a code to a new e-mail or mobile of mine',
        body: ref(ContactVerificationRequestSchema),
        response: { 202: ref(ContactVerificationStartedSchema) },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await accounts.startVerification(callerOf(request), request.body.channel, request.body.address)),
  );

  app.post(
    '/contact/verification/confirm',
    {
      config: { access: ACCESS.self },
      schema: {
        operationId: 'confirmContactVerification',
        tags,
        summary: 'Confirm the code: the address becomes mine',
        body: ref(ContactVerificationConfirmSchema),
        response: { 200: ref(MyContactSchema) },
      },
    },
    async (request) => accounts.confirmVerification(callerOf(request), request.body.channel, request.body.code),
  );
};
