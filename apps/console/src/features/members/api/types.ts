import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type MemberListQuery = NonNullable<paths['/v1/societies/{id}/members']['get']['parameters']['query']>;
export type MemberPage = Json<paths['/v1/societies/{id}/members']['get']['responses'][200]>;
export type Member = Json<paths['/v1/members/{id}']['get']['responses'][200]>;
export type MemberCreate = Json<NonNullable<paths['/v1/societies/{id}/members']['post']['requestBody']>>;
export type MemberPatch = Json<NonNullable<paths['/v1/members/{id}']['patch']['requestBody']>>;
export type MemberTransitionRequest = Json<NonNullable<paths['/v1/members/{id}/transitions']['post']['requestBody']>>;
export type MemberStats = Json<paths['/v1/societies/{id}/member-stats']['get']['responses'][200]>;
export type DuesList = Json<paths['/v1/members/{id}/dues']['get']['responses'][200]>;
export type DuesPayment = DuesList['items'][number];
export type DuesPaymentCreate = Json<NonNullable<paths['/v1/members/{id}/dues']['post']['requestBody']>>;
export type ImportResponse = Json<paths['/v1/societies/{id}/members/import']['post']['responses'][200]>;
export type ImportResult = ImportResponse['results'][number];
export type MemberKind = Member['kind'];
export type MemberGender = NonNullable<Member['gender']>;
export type MemberSort = NonNullable<MemberListQuery['sort']>;
export type MembershipList = Json<paths['/v1/members/{id}/memberships']['get']['responses'][200]>;
export type Membership = MembershipList['items'][number];
