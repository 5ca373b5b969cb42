import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type PilotListQuery = NonNullable<paths['/v1/pilots']['get']['parameters']['query']>;
export type PilotPage = Json<paths['/v1/pilots']['get']['responses'][200]>;
export type Pilot = Json<paths['/v1/pilots/{id}']['get']['responses'][200]>;
export type PilotCreate = Json<NonNullable<paths['/v1/pilots']['post']['requestBody']>>;
export type PilotPatch = Json<NonNullable<paths['/v1/pilots/{id}']['patch']['requestBody']>>;
export type PilotStatus = Pilot['status'];
export type PilotMode = Pilot['mode'];
export type PilotTransitionRequest = Json<NonNullable<paths['/v1/pilots/{id}/transitions']['post']['requestBody']>>;
export type PilotTransitions = Json<paths['/v1/pilots/{id}/transitions']['get']['responses'][200]>;
export type Eligibility = Json<paths['/v1/pilots/{id}/eligibility']['get']['responses'][200]>;
export type EligibilityCheck = Eligibility['checks'][number];
export type MilestoneList = Json<paths['/v1/pilots/{id}/milestones']['get']['responses'][200]>;
export type Milestone = MilestoneList['items'][number];
export type MilestoneCreate = Json<NonNullable<paths['/v1/pilots/{id}/milestones']['post']['requestBody']>>;
export type MilestonePatch = Json<
  NonNullable<paths['/v1/pilots/{id}/milestones/{milestoneId}']['patch']['requestBody']>
>;
export type EvaluationPut = Json<NonNullable<paths['/v1/pilots/{id}/evaluation']['put']['requestBody']>>;
export type PilotFunctionList = Json<paths['/v1/pilot-functions']['get']['responses'][200]>;
export type PilotFunction = PilotFunctionList['items'][number];
export type PilotFunctionCreate = Json<NonNullable<paths['/v1/pilot-functions']['post']['requestBody']>>;
export type PilotFunctionPatch = Json<NonNullable<paths['/v1/pilot-functions/{code}']['patch']['requestBody']>>;
