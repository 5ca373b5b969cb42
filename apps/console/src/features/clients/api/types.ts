import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type ClientListQuery = NonNullable<paths['/v1/clients']['get']['parameters']['query']>;
export type ClientPage = Json<paths['/v1/clients']['get']['responses'][200]>;
export type Client = Json<paths['/v1/clients/{id}']['get']['responses'][200]>;
export type ClientWithSecret = Json<paths['/v1/clients']['post']['responses'][201]>;
export type ClientCreate = Json<NonNullable<paths['/v1/clients']['post']['requestBody']>>;
export type ClientPatch = Json<NonNullable<paths['/v1/clients/{id}']['patch']['requestBody']>>;
export type ClientScope = Client['scopes'][number];
