import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type UserListQuery = NonNullable<paths['/v1/users']['get']['parameters']['query']>;
export type UserPage = Json<paths['/v1/users']['get']['responses'][200]>;
export type User = Json<paths['/v1/users/{id}']['get']['responses'][200]>;
export type UserCreate = Json<NonNullable<paths['/v1/users']['post']['requestBody']>>;
export type UserPatch = Json<NonNullable<paths['/v1/users/{id}']['patch']['requestBody']>>;
export type PasswordReset = Json<NonNullable<paths['/v1/users/{id}/password']['post']['requestBody']>>;
