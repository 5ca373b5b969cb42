import type { components, paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Schemas = components['schemas'];

export type GovernanceTerm = Schemas['GovernanceTerm'];
export type GovernanceTermCreate = Schemas['GovernanceTermCreate'];
export type GovernanceTermPage = Schemas['GovernanceTermPage'];
export type CouncilMember = Schemas['CouncilMember'];
export type CouncilMemberCreate = Schemas['CouncilMemberCreate'];
export type CouncilMemberPatch = Schemas['CouncilMemberPatch'];
export type CouncilMemberPage = Schemas['CouncilMemberPage'];
export type GovernanceReport = Schemas['GovernanceReport'];
export type GovernanceRuleResult = Schemas['GovernanceRuleResult'];
export type AnnualReport = Schemas['AnnualReport'];
export type AnnualReportContent = Schemas['AnnualReportContent'];
export type AnnualReportPage = Schemas['AnnualReportPage'];
export type AnnualReportCreate = Schemas['AnnualReportCreate'];
export type AnnualReportPut = Schemas['AnnualReportPut'];
export type Inspection = Schemas['Inspection'];
export type InspectionPut = Schemas['InspectionPut'];
export type Capacity = Schemas['Capacity'];
export type CapacityContribution = Schemas['CapacityContribution'];
export type DisqualificationList = Schemas['DisqualificationList'];
export type DisqualificationCandidate = Schemas['DisqualificationCandidate'];
export type ReportQueueQuery = NonNullable<paths['/v1/annual-reports']['get']['parameters']['query']>;
export type ReportQueuePage = Json<paths['/v1/annual-reports']['get']['responses'][200]>;
