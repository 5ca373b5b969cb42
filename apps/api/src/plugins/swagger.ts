import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const API_VERSION = '1.0.0';

/**
 * OpenAPI 3.1 from the route schemas. Named schemas (`$id`) become `components.schemas` under their
 * own names, so generated clients get readable types.
 */
export const swaggerPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Society Hub API',
          version: API_VERSION,
          description:
            'The HTTP contract of Society Hub (学会通): the registry, governance, members, funding and pilots of a city science and technology association. Errors are RFC 9457 problem+json; lists use keyset cursors; updates need If-Match; POST accepts Idempotency-Key.',
          license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
        },
        servers: [{ url: '/', description: 'This server' }],
        tags: [
          { name: 'auth', description: 'Sessions and tokens' },
          { name: 'administration', description: 'Console accounts, machine clients and signing keys' },
          { name: 'audit', description: 'The tamper-evident audit log' },
          { name: 'societies', description: 'The society registry (学会)' },
          { name: 'governance', description: 'Terms, council rosters and the governance rules' },
          { name: 'members', description: 'Members (会员), their lifecycle and dues' },
          { name: 'experts', description: 'The expert pools (专家库)' },
          { name: 'funding', description: 'Project funding: calls, applications, review, ranking, allocation, notice' },
          { name: 'calendar', description: 'The working-day calendar (holidays and 调休)' },
          { name: 'pilots', description: 'Government-function-transfer pilots (承接政府转移职能试点)' },
          {
            name: 'documents',
            description: 'Files of reports, applications, pilots and terms; the archive (档案); official documents',
          },
          { name: 'stats', description: 'The dashboard and reminders' },
          { name: 'integration', description: 'The change feed and signed webhooks for other city systems' },
          { name: 'public', description: 'No login: the society directory, open funding calls and public notices' },
          { name: 'system', description: 'Health and readiness' },
        ],
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          },
        },
      },
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'swagger' },
);
