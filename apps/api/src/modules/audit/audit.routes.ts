import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { ref } from '../../lib/schemas';
import { AuditPageSchema, AuditQuerySchema, AuditVerificationSchema } from './audit.schemas';
import type { AuditService } from './audit.service';

const tags = ['audit'];
/**
 * The audit log is one hash chain over every society's changes: the Association's record, read by its
 * staff and auditors and by unbound clients. A client bound to societies is refused it (and is never
 * granted `audit:read`, see clients.service.ts); it follows its own societies' changes in the change feed.
 */
const READ = ACCESS.audit.read;

export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/',
    {
      config: { access: READ },
      schema: {
        operationId: 'listAuditLog',
        tags,
        summary: 'Every recorded change, newest first',
        description: '`from` and `to` are calendar days in China Standard Time (UTC+8), inclusive.',
        querystring: AuditQuerySchema,
        response: { 200: ref(AuditPageSchema) },
      },
    },
    async (request) => audit.list(request.query),
  );

  app.get(
    '/verify',
    {
      config: { access: READ },
      schema: {
        operationId: 'verifyAuditLog',
        tags,
        summary: 'Recompute the hash chain and report the first broken entry, if any',
        response: { 200: ref(AuditVerificationSchema) },
      },
    },
    async () => audit.verify(),
  );
};
