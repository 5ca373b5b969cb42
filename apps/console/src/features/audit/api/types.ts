import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type AuditListQuery = NonNullable<paths['/v1/audit-log']['get']['parameters']['query']>;
export type AuditEntryPage = Json<paths['/v1/audit-log']['get']['responses'][200]>;
export type AuditEntry = AuditEntryPage['items'][number];
export type AuditVerification = Json<paths['/v1/audit-log/verify']['get']['responses'][200]>;
