import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type ExpertListQuery = NonNullable<paths['/v1/experts']['get']['parameters']['query']>;
export type ExpertPage = Json<paths['/v1/experts']['get']['responses'][200]>;
export type Expert = Json<paths['/v1/experts/{id}']['get']['responses'][200]>;
export type ExpertCreate = Json<NonNullable<paths['/v1/experts']['post']['requestBody']>>;
export type ExpertPatch = Json<NonNullable<paths['/v1/experts/{id}']['patch']['requestBody']>>;
export type ExpertTitle = Expert['titleLevel'];
export type ExpertExportQuery = NonNullable<paths['/v1/experts/export']['get']['parameters']['query']>;
export type ExpertExportFormat = NonNullable<ExpertExportQuery['format']>;
export type ExpertImportResponse = Json<paths['/v1/experts/import']['post']['responses'][200]>;
