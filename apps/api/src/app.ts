import { randomBytes } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { Config } from './config';
import type { DB, Listen } from './db/connect';
import { JobRunner } from './lib/jobs/job-runner';
import { PersonalDataVault } from './lib/personal-data';
import { sharedSchemas } from './lib/schemas';
import {
  accountRecoveryRoutes,
  contactRoutes,
  invitationRoutes,
  reinvitationRoutes,
} from './modules/accounts/accounts.routes';
import { accountSchemas } from './modules/accounts/accounts.schemas';
import { AccountService } from './modules/accounts/accounts.service';
import { activityRoutes, societyActivityRoutes } from './modules/activities/activities.routes';
import { activitySchemas } from './modules/activities/activities.schemas';
import { ActivityService } from './modules/activities/activities.service';
import { activityStatistics, recordedActivityFigures } from './modules/activities/activity-figures';
import { allianceRoutes } from './modules/alliances/alliances.routes';
import { allianceSchemas } from './modules/alliances/alliances.schemas';
import { AllianceService } from './modules/alliances/alliances.service';
import { auditRoutes } from './modules/audit/audit.routes';
import { auditSchemas } from './modules/audit/audit.schemas';
import { AuditService } from './modules/audit/audit.service';
import { authRoutes, jwksRoute } from './modules/auth/auth.routes';
import { authSchemas } from './modules/auth/auth.schemas';
import { AuthService } from './modules/auth/auth.service';
import { ExternalIdentity } from './modules/auth/external-identity';
import { LoginThrottle } from './modules/auth/login-throttle';
import { loadSigningKey } from './modules/auth/signing-keys';
import { signingKeyRoutes, signingKeySchemas } from './modules/auth/signing-keys.routes';
import { TokenService } from './modules/auth/tokens';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { calendarSchemas } from './modules/calendar/calendar.schemas';
import { CalendarService } from './modules/calendar/calendar.service';
import { capacityRoutes } from './modules/capacity/capacity.routes';
import { capacitySchemas } from './modules/capacity/capacity.schemas';
import { CapacityService } from './modules/capacity/capacity.service';
import { clientRoutes, oauthRoutes } from './modules/clients/clients.routes';
import { clientSchemas } from './modules/clients/clients.schemas';
import { ClientService } from './modules/clients/clients.service';
import { publicProgramRoutes, publicSocietyRoutes } from './modules/directory/directory.routes';
import { directorySchemas } from './modules/directory/directory.schemas';
import { DirectoryService } from './modules/directory/directory.service';
import { documentRoutes, officialDocumentRoutes, societyDocumentRoutes } from './modules/documents/documents.routes';
import { documentSchemas } from './modules/documents/documents.schemas';
import { DocumentService } from './modules/documents/documents.service';
import { OfficialDocumentService } from './modules/documents/official-documents.service';
import { storageFor } from './modules/documents/storage/object-storage';
import { eventRoutes } from './modules/events/events.routes';
import { eventSchemas } from './modules/events/events.schemas';
import { EventService } from './modules/events/events.service';
import { expertExportRoute, expertRoutes } from './modules/experts/experts.routes';
import { expertSchemas } from './modules/experts/experts.schemas';
import { ExpertService } from './modules/experts/experts.service';
import { ApplicationService } from './modules/funding/applications.service';
import { decisionSchemas } from './modules/funding/decisions.schemas';
import { DecisionService } from './modules/funding/decisions.service';
import {
  applicationRoutes,
  type FundingServices,
  programRoutes,
  publicNoticeRoutes,
  reviewQueueRoutes,
} from './modules/funding/funding.routes';
import { fundingSchemas } from './modules/funding/funding.schemas';
import { fundingHistory } from './modules/funding/funding-history';
import { noticeSchemas } from './modules/funding/notices.schemas';
import { NoticeService } from './modules/funding/notices.service';
import { ProgramService } from './modules/funding/programs.service';
import { reviewSchemas } from './modules/funding/reviews.schemas';
import { ReviewService } from './modules/funding/reviews.service';
import { governanceRoutes } from './modules/governance/governance.routes';
import { governanceSchemas } from './modules/governance/governance.schemas';
import { GovernanceService } from './modules/governance/governance.service';
import { healthRoutes, healthSchemas } from './modules/health/health.routes';
import {
  memberExportRoute,
  memberImportRoute,
  memberRoutes,
  memberStatsRoutes,
  societyMemberRoutes,
} from './modules/members/members.routes';
import { memberSchemas } from './modules/members/members.schemas';
import { MemberService } from './modules/members/members.service';
import { channelsFor } from './modules/messages/channels';
import { MessageQueue } from './modules/messages/messages.queue';
import { messageRoutes } from './modules/messages/messages.routes';
import { messageSchemas } from './modules/messages/messages.schemas';
import { MessageService } from './modules/messages/messages.service';
import { NotificationFeed } from './modules/notifications/notification-feed';
import { inboxRoutes } from './modules/notifications/notifications.routes';
import { notificationSchemas } from './modules/notifications/notifications.schemas';
import { NotificationService } from './modules/notifications/notifications.service';
import { Notifier } from './modules/notifications/notifier';
import { dueMilestones, pilotFigures, pilotHistory } from './modules/pilots/pilot-figures';
import { pilotFunctionRoutes, pilotRoutes } from './modules/pilots/pilots.routes';
import { pilotSchemas } from './modules/pilots/pilots.schemas';
import { PilotService } from './modules/pilots/pilots.service';
import { reminderSchemas } from './modules/reminders/reminders.schemas';
import { ReminderService } from './modules/reminders/reminders.service';
import { reportQueueRoutes, societyReportRoutes } from './modules/reports/reports.routes';
import { reportSchemas } from './modules/reports/reports.schemas';
import { ReportService } from './modules/reports/reports.service';
import { returnSchemas } from './modules/returns/returns.schemas';
import { societyRoutes } from './modules/societies/societies.routes';
import { societySchemas } from './modules/societies/societies.schemas';
import { SocietyService } from './modules/societies/societies.service';
import { dashboardSchemas } from './modules/stats/dashboard.schemas';
import { DashboardService } from './modules/stats/dashboard.service';
import { dashboardRoutes, reminderRoutes } from './modules/stats/stats.routes';
import { userRoutes } from './modules/users/users.routes';
import { userSchemas } from './modules/users/users.schemas';
import { UserService } from './modules/users/users.service';
import { webhookRoutes } from './modules/webhooks/webhooks.routes';
import { webhookSchemas } from './modules/webhooks/webhooks.schemas';
import { WebhookService } from './modules/webhooks/webhooks.service';
import { WebhookDeliveryQueue } from './modules/webhooks/webhooks.worker';
import { authPlugin } from './plugins/auth';
import { consolePlugin, consoleRoot, spaFallback } from './plugins/console';
import { errorsPlugin, frameworkError } from './plugins/errors';
import { idempotencyPlugin } from './plugins/idempotency';
import { Metrics, metricsPlugin, type PoolStats } from './plugins/metrics';
import { securityPlugin } from './plugins/security';
import { buildSerializer } from './plugins/serialization';
import { swaggerPlugin } from './plugins/swagger';
import { buildValidator } from './plugins/validation';

/**
 * The vault for personal data. Without a configured key (the OpenAPI export, a read-only tool) a
 * throw-away key is used: nothing sealed with it can be stored meaningfully, which is what we want.
 */
function vaultFor(config: Config): PersonalDataVault {
  return new PersonalDataVault(config.memberDataKey ? Buffer.from(config.memberDataKey, 'base64') : randomBytes(32));
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export interface AppDependencies {
  config: Config;
  db: DB;
  /** The PostgreSQL pool's occupancy for /metrics, when there is a pool. */
  poolStats?: (() => PoolStats) | undefined;
  /** The database's notifications (callers are cached between requests only with them). */
  listen?: Listen | undefined;
}

/**
 * The whole API as a Fastify instance, without listening: tests inject requests into it and
 * `server.ts` puts it on a port. The order matters: errors, then auth (which every route's
 * `access` is checked against), then modules, each under an explicit prefix.
 */
export async function buildApp({ config, db, poolStats, listen }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Accept a caller's request id when it is safe to log; otherwise make one.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : uuidv7();
    },
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 72_000,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: frameworkError,
    schemaController: { compilersFactory: { buildValidator, buildSerializer } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // The API speaks JSON only; anything else is 415 rather than a string that fails validation.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  for (const schema of [
    ...sharedSchemas,
    ...authSchemas,
    ...healthSchemas,
    ...signingKeySchemas,
    ...userSchemas,
    ...clientSchemas,
    ...auditSchemas,
    ...societySchemas,
    ...governanceSchemas,
    ...reportSchemas,
    ...capacitySchemas,
    ...allianceSchemas,
    ...memberSchemas,
    ...expertSchemas,
    ...calendarSchemas,
    ...fundingSchemas,
    ...reviewSchemas,
    ...decisionSchemas,
    ...noticeSchemas,
    ...eventSchemas,
    ...webhookSchemas,
    ...activitySchemas,
    ...directorySchemas,
    ...pilotSchemas,
    ...dashboardSchemas,
    ...reminderSchemas,
    ...documentSchemas,
    ...messageSchemas,
    ...notificationSchemas,
    ...accountSchemas,
    ...returnSchemas,
  ]) {
    app.addSchema(schema);
  }

  const root = consoleRoot(config.consoleDir);
  await app.register(errorsPlugin, root ? { notFoundFallback: spaFallback } : {});
  await app.register(swaggerPlugin);
  await app.register(securityPlugin, {
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    secureCookies: config.secureCookies,
    db,
  });
  const metrics = new Metrics(db, poolStats ?? null);
  await app.register(metricsPlugin, { metrics, token: config.metricsToken, open: config.metricsOpen });

  // Fail at start-up, not at the first login, when the configured key is unusable.
  await loadSigningKey(db, config.jwtPrivateKey);
  const tokens = new TokenService(db, () => loadSigningKey(db, config.jwtPrivateKey), {
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    ttlSeconds: config.accessTokenTtlSeconds,
  });
  const external = config.externalIdentity ? new ExternalIdentity(db, config.externalIdentity) : null;
  await app.register(authPlugin, { db, tokens, external, listen });
  await app.register(idempotencyPlugin, { db });

  const throttle = new LoginThrottle(db, {
    perAccountAndAddress: config.loginMaxFailures,
    perAccount: config.loginMaxFailuresPerAccount,
    perAddress: config.loginMaxFailuresPerAddress,
    windowSeconds: config.loginWindowSeconds,
    maxLockSeconds: config.loginMaxLockSeconds,
  });
  // Hourly, in every process (the delete is idempotent): failed-sign-in keys quiet for a day.
  const throttlePurge = setInterval(
    () =>
      void throttle.purgeForgotten().catch((error: unknown) => app.log.warn({ err: error }, 'throttle purge failed')),
    60 * 60 * 1000,
  );
  throttlePurge.unref();
  app.addHook('onClose', async () => clearInterval(throttlePurge));
  const auth = new AuthService(db, tokens, throttle, {
    accessTtlSeconds: config.accessTokenTtlSeconds,
    refreshTtlSeconds: config.refreshTokenTtlSeconds,
  });
  await app.register(healthRoutes, { db });
  await app.register(jwksRoute);
  await app.register(authRoutes, {
    prefix: '/v1/auth',
    auth,
    refreshTtlSeconds: config.refreshTokenTtlSeconds,
  });
  const clients = new ClientService(db, tokens, throttle);
  await app.register(oauthRoutes, { prefix: '/v1/oauth', clients });
  await app.register(signingKeyRoutes, {
    prefix: '/v1/signing-keys',
    db,
    managedByConfig: config.jwtPrivateKey !== null,
  });
  const users = new UserService(db);
  await app.register(userRoutes, { prefix: '/v1/users', users });
  const messaging = config.messaging;
  const channels = channelsFor(messaging);
  app.addHook('onClose', async () => {
    channels.email?.close();
    channels.sms?.close();
  });
  const notifier = new Notifier({
    associationName: messaging.associationName,
    publicUrl: messaging.publicUrl,
    emailConfigured: channels.email !== null,
    smsConfigured: channels.sms !== null,
    smsTemplates: messaging.sms?.templates ?? {},
  });
  const accounts = new AccountService(db, users, notifier, messaging);
  await app.register(invitationRoutes, { prefix: '/v1/invitations', accounts });
  await app.register(reinvitationRoutes, { prefix: '/v1/users', accounts });
  await app.register(accountRecoveryRoutes, { prefix: '/v1/auth', accounts, perMinute: messaging.publicPerMinute });
  await app.register(contactRoutes, { prefix: '/v1/me', accounts });
  await app.register(inboxRoutes, { prefix: '/v1/me', notifications: new NotificationService(db) });
  await app.register(messageRoutes, {
    prefix: '/v1/messages',
    messages: new MessageService(db, { email: channels.email !== null, sms: channels.sms !== null }),
  });
  await app.register(clientRoutes, { prefix: '/v1/clients', clients });
  await app.register(auditRoutes, { prefix: '/v1/audit-log', audit: new AuditService(db) });
  await app.register(societyRoutes, { prefix: '/v1/societies', societies: new SocietyService(db) });
  const governance = new GovernanceService(db, config.governanceThresholds);
  await app.register(governanceRoutes, { prefix: '/v1/societies', governance });
  const capacity = new CapacityService(db, governance, {
    funding: fundingHistory,
    pilots: pilotHistory,
    activities: recordedActivityFigures,
  });
  const reports = new ReportService(db, { dueMonthDay: config.annualReportDueMonthDay }, (trx, societyId, year) =>
    capacity.snapshot(trx, societyId, year),
  );
  await app.register(societyReportRoutes, { prefix: '/v1/societies', reports });
  await app.register(capacityRoutes, { prefix: '/v1/societies', capacity });
  await app.register(reportQueueRoutes, { prefix: '/v1', reports });
  const activities = new ActivityService(db);
  await app.register(societyActivityRoutes, { prefix: '/v1/societies', activities, db });
  await app.register(activityRoutes, { prefix: '/v1/activities', activities, db });
  await app.register(allianceRoutes, { prefix: '/v1/alliances', alliances: new AllianceService(db) });
  const vault = vaultFor(config);
  const members = new MemberService(db, vault);
  await app.register(societyMemberRoutes, { prefix: '/v1/societies', members });
  await app.register(memberImportRoute, { prefix: '/v1/societies', members });
  await app.register(memberExportRoute, { prefix: '/v1/societies', members });
  await app.register(memberStatsRoutes, { prefix: '/v1', db });
  await app.register(memberRoutes, { prefix: '/v1/members', members });
  const experts = new ExpertService(db, vault);
  await app.register(expertRoutes, { prefix: '/v1/experts', experts });
  await app.register(expertExportRoute, { prefix: '/v1/experts', experts });
  await app.register(calendarRoutes, { prefix: '/v1/calendar', calendar: new CalendarService(db) });
  const reviews = new ReviewService(db);
  const funding: FundingServices = {
    programs: new ProgramService(db, reviews),
    applications: new ApplicationService(db),
    reviews,
    decisions: new DecisionService(db),
    notices: new NoticeService(db, config.objectionsPerHour),
  };
  await app.register(programRoutes, { prefix: '/v1/funding-programs', ...funding });
  await app.register(applicationRoutes, { prefix: '/v1/applications', ...funding });
  await app.register(reviewQueueRoutes, { prefix: '/v1', ...funding });
  await app.register(publicNoticeRoutes, {
    prefix: '/v1/public/notices',
    notices: funding.notices,
    objectionsPerHour: config.objectionsPerHour,
  });

  const pilots = new PilotService(
    db,
    {
      governance: async (trx, societyId) =>
        (await governance.evaluateUnscoped(trx, societyId)).results.map((r) => r.status),
      tier: (trx, societyId) => capacity.tierOf(trx, societyId),
    },
    config.maxConcurrentPilots,
  );
  await app.register(pilotFunctionRoutes, { prefix: '/v1/pilot-functions', pilots });
  await app.register(pilotRoutes, { prefix: '/v1/pilots', pilots });
  await app.register(dashboardRoutes, {
    prefix: '/v1/stats',
    dashboard: new DashboardService(db, reports, config.governanceThresholds.reelectionWarningDays, {
      pilots: pilotFigures,
      activities: (db, principal) => activityStatistics(db, principal, {}),
    }),
  });
  const reminders = new ReminderService(
    db,
    {
      withinDays: config.reminderDays,
      reelectionWarningDays: config.governanceThresholds.reelectionWarningDays,
      annualReportDueMonthDay: config.annualReportDueMonthDay,
      finalReportDueDays: config.finalReportDueDays,
    },
    { milestones: dueMilestones },
  );
  await app.register(reminderRoutes, { prefix: '/v1/reminders', reminders });

  const documents = new DocumentService(db, storageFor(config));
  await app.register(societyDocumentRoutes, { prefix: '/v1/societies', documents });
  await app.register(documentRoutes, { prefix: '/v1/documents', documents });
  await app.register(officialDocumentRoutes, {
    prefix: '/v1',
    official: new OfficialDocumentService(db, documents, funding.notices),
  });

  await app.register(eventRoutes, { prefix: '/v1/events', events: new EventService(db) });
  await app.register(webhookRoutes, {
    prefix: '/v1/webhooks',
    webhooks: new WebhookService(db, vault, config.webhooks.internalHosts),
  });
  const directory = new DirectoryService(db);
  const publicListing = {
    directory,
    perMinute: config.publicRateLimitPerMinute,
    cacheSeconds: config.publicCacheSeconds,
  };
  await app.register(publicSocietyRoutes, { prefix: '/v1/public/societies', ...publicListing });
  await app.register(publicProgramRoutes, { prefix: '/v1/public/funding-programs', ...publicListing });
  if (config.jobs.worker) {
    // Runs while the app is ready; app.close() (server.ts's graceful shutdown) waits for its jobs in flight.
    const runner = new JobRunner(
      [new WebhookDeliveryQueue(db, vault, config.webhooks, metrics), new MessageQueue(db, channels, messaging)],
      [
        new NotificationFeed(db, notifier, (asOf) => reminders.annualReportsDue(asOf), {
          reviewDays: messaging.reviewDays,
          scheduleEveryMs: messaging.scheduleEveryMs,
        }),
      ],
      config.jobs.pollMs,
      app.log,
    );
    app.addHook('onReady', async () => runner.start());
    app.addHook('onClose', async () => runner.stop());
  }

  if (root) await app.register(consolePlugin, { root });
  return app;
}
