import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { callerOf, principalOf } from '../../lib/request-context';
import { ref } from '../../lib/schemas';
import {
  MarkedReadSchema,
  NotificationIdsSchema,
  NotificationListQuerySchema,
  NotificationPageSchema,
  NotificationSettingsSchema,
  NotificationSettingsUpdateSchema,
  UnreadCountSchema,
} from './notifications.schemas';
import type { NotificationService } from './notifications.service';

const tags = ['notifications'];
/** Every signed-in person has an inbox; machine clients do not (ACCESS.self names no scope). */
const SELF = ACCESS.self;

export const inboxRoutes: FastifyPluginAsyncTypebox<{ notifications: NotificationService }> = async (
  app,
  { notifications },
) => {
  app.get(
    '/notifications',
    {
      config: { access: SELF },
      schema: {
        operationId: 'listMyNotifications',
        tags,
        summary: 'My inbox, newest first',
        querystring: NotificationListQuerySchema,
        response: { 200: ref(NotificationPageSchema) },
      },
    },
    async (request) => notifications.list(principalOf(request), request.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      config: { access: SELF },
      schema: {
        operationId: 'countMyUnreadNotifications',
        tags,
        summary: 'How many of my notifications are unread (the bell)',
        response: { 200: ref(UnreadCountSchema) },
      },
    },
    async (request) => notifications.unread(principalOf(request)),
  );

  app.post(
    '/notifications/read',
    {
      config: { access: SELF },
      schema: {
        operationId: 'markMyNotificationsRead',
        tags,
        summary: 'Mark these of my notifications read (ids not mine are ignored)',
        body: ref(NotificationIdsSchema),
        response: { 200: ref(MarkedReadSchema) },
      },
    },
    async (request) => notifications.markRead(callerOf(request), request.body.ids),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: SELF },
      schema: {
        operationId: 'markAllMyNotificationsRead',
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: ref(MarkedReadSchema) },
      },
    },
    async (request) => notifications.markAllRead(callerOf(request)),
  );

  app.get(
    '/notification-settings',
    {
      config: { access: SELF },
      schema: {
        operationId: 'getMyNotificationSettings',
        tags,
        summary: 'My language and the kinds I muted',
        response: { 200: ref(NotificationSettingsSchema) },
      },
    },
    async (request) => notifications.settings(principalOf(request)),
  );

  app.put(
    '/notification-settings',
    {
      config: { access: SELF },
      schema: {
        operationId: 'updateMyNotificationSettings',
        tags,
        summary: 'Choose my language and the kinds I do not want (legal notices cannot be muted)',
        body: ref(NotificationSettingsUpdateSchema),
        response: { 200: ref(NotificationSettingsSchema) },
      },
    },
    async (request) => notifications.updateSettings(callerOf(request), request.body),
  );
};
