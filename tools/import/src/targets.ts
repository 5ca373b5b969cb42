/** Where each entity's rows go: the generated client's import operations. */
import type { Schemas } from '@society-hub/client';
import type { Api } from './api';
import type { ImportResponse, Target } from './importer';
import { EXPERTS, MEMBERS } from './spec';

export function membersTarget(societyId: string): Target<Schemas['MemberCreate']> {
  return {
    spec: MEMBERS,
    key: societyId,
    matchFields: ['externalRef', 'idNumber'],
    async send(api: Api, rows, dryRun, idempotencyKey, signal): Promise<ImportResponse> {
      const { data } = await api.client.POST('/v1/societies/{id}/members/import', {
        params: { path: { id: societyId } },
        body: { rows, dryRun },
        headers: { 'Idempotency-Key': idempotencyKey },
        signal,
      });
      if (!data) throw new Error('empty import response');
      return data;
    },
  };
}

export function expertsTarget(): Target<Schemas['ExpertCreate']> {
  return {
    spec: EXPERTS,
    key: 'experts',
    matchFields: ['externalRef', 'idNumber'],
    async send(api: Api, rows, dryRun, idempotencyKey, signal): Promise<ImportResponse> {
      const { data } = await api.client.POST('/v1/experts/import', {
        body: { rows, dryRun },
        headers: { 'Idempotency-Key': idempotencyKey },
        signal,
      });
      if (!data) throw new Error('empty import response');
      return data;
    },
  };
}
