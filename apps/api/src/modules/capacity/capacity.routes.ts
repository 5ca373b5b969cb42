import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { principalOf } from '../../lib/request-context';
import { IdParams, problems, ref } from '../../lib/schemas';
import { CapacitySchema } from './capacity.schemas';
import type { CapacityService } from './capacity.service';

export const capacityRoutes: FastifyPluginAsyncTypebox<{ capacity: CapacityService }> = async (app, { capacity }) => {
  app.get(
    '/:id/capacity',
    {
      config: { access: ACCESS.societies.read },
      schema: {
        operationId: 'getCapacity',
        tags: ['governance'],
        summary: 'The capacity index: six sub-scores, total and tier, every input and its contribution, and the trend',
        params: IdParams,
        response: { 200: ref(CapacitySchema), ...problems(404) },
      },
    },
    async (request) => capacity.get(principalOf(request), request.params.id),
  );
};
