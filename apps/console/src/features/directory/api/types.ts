import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type PublicSocietyQuery = NonNullable<paths['/v1/public/societies']['get']['parameters']['query']>;
export type PublicSocietyPage = Json<paths['/v1/public/societies']['get']['responses'][200]>;
export type PublicSociety = PublicSocietyPage['items'][number];
export type PublicSocietyProfile = Json<paths['/v1/public/societies/{id}']['get']['responses'][200]>;
export type OpenProgramPage = Json<paths['/v1/public/funding-programs']['get']['responses'][200]>;
export type OpenProgram = OpenProgramPage['items'][number];
