import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type SocietyListQuery = NonNullable<paths['/v1/societies']['get']['parameters']['query']>;
export type SocietyPage = Json<paths['/v1/societies']['get']['responses'][200]>;
export type Society = Json<paths['/v1/societies/{id}']['get']['responses'][200]>;
export type SocietyCreate = Json<NonNullable<paths['/v1/societies']['post']['requestBody']>>;
export type SocietyPatch = Json<NonNullable<paths['/v1/societies/{id}']['patch']['requestBody']>>;
export type SocietyTransitionRequest = Json<
  NonNullable<paths['/v1/societies/{id}/transitions']['post']['requestBody']>
>;
export type SocietyTransitionPage = Json<paths['/v1/societies/{id}/transitions']['get']['responses'][200]>;
export type SocietyTransition = SocietyTransitionPage['items'][number];
export type SocietySort = NonNullable<SocietyListQuery['sort']>;
