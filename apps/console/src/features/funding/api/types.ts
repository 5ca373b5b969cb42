import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Body<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type ProgramListQuery = NonNullable<paths['/v1/funding-programs']['get']['parameters']['query']>;
export type ProgramPage = Json<paths['/v1/funding-programs']['get']['responses'][200]>;
export type FundingProgram = Json<paths['/v1/funding-programs/{id}']['get']['responses'][200]>;
export type ProgramCreate = Body<NonNullable<paths['/v1/funding-programs']['post']['requestBody']>>;
export type ProgramPatch = Body<NonNullable<paths['/v1/funding-programs/{id}']['patch']['requestBody']>>;
export type TransitionRequest = Body<
  NonNullable<paths['/v1/funding-programs/{id}/transitions']['post']['requestBody']>
>;
export type ProgramStatus = FundingProgram['status'];
export type ProgramCategory = FundingProgram['categories'][number];
export type RubricCriterion = FundingProgram['rubric'][number];
export type ScoringMethod = FundingProgram['scoringMethod'];
export type AllocationStrategy = FundingProgram['allocationStrategy'];

export type ApplicationListQuery = NonNullable<
  paths['/v1/funding-programs/{id}/applications']['get']['parameters']['query']
>;
export type ApplicationPage = Json<paths['/v1/funding-programs/{id}/applications']['get']['responses'][200]>;
export type FundingApplication = Json<paths['/v1/applications/{id}']['get']['responses'][200]>;
export type ApplicationCreate = Body<
  NonNullable<paths['/v1/funding-programs/{id}/applications']['post']['requestBody']>
>;
export type ApplicationPatch = Body<NonNullable<paths['/v1/applications/{id}']['patch']['requestBody']>>;
export type ApplicationStatus = FundingApplication['status'];
export type BudgetLine = FundingApplication['budgetLines'][number];
export type Attachment = FundingApplication['attachments'][number];
export type ApplicationTransitionPage = Json<paths['/v1/applications/{id}/transitions']['get']['responses'][200]>;
export type ApplicationTransition = ApplicationTransitionPage['items'][number];
export type ScreeningResult = Json<paths['/v1/applications/{id}/screening']['get']['responses'][200]>;
export type ScreeningCheck = ScreeningResult['checks'][number];
export type FinalReport = Body<NonNullable<paths['/v1/applications/{id}/final-report']['put']['requestBody']>>;
export type ReviewList = Json<paths['/v1/applications/{id}/reviews']['get']['responses'][200]>;
export type Review = ReviewList['items'][number];

export type AssignmentBoard = Json<paths['/v1/funding-programs/{id}/assignments']['get']['responses'][200]>;
export type AssignmentBoardRow = AssignmentBoard['items'][number];
export type ReviewAssignment = AssignmentBoardRow['assignments'][number];
export type ReviewerLoad = AssignmentBoard['reviewerLoads'][number];
export type AutoAssignResult = Json<paths['/v1/funding-programs/{id}/assignments']['post']['responses'][200]>;
export type ManualAssignment = Body<
  NonNullable<paths['/v1/funding-programs/{id}/assignments/manual']['post']['requestBody']>
>;
export type DeclineReason = NonNullable<ReviewAssignment['declineReason']>;

export type Ranking = Json<paths['/v1/funding-programs/{id}/ranking']['get']['responses'][200]>;
export type RankingCategory = Ranking['categories'][number];
export type RankingRow = RankingCategory['rows'][number];
export type TieBreak = NonNullable<RankingRow['tieBreak']>;
export type AllocationRequest = Body<NonNullable<paths['/v1/funding-programs/{id}/allocation']['post']['requestBody']>>;
export type AllocationResult = Json<paths['/v1/funding-programs/{id}/allocation']['post']['responses'][200]>;

export type ObjectionList = Json<paths['/v1/funding-programs/{id}/objections']['get']['responses'][200]>;
export type Objection = ObjectionList['items'][number];
export type ObjectionResolution = Body<NonNullable<paths['/v1/objections/{id}/resolution']['post']['requestBody']>>;

export type ExpertQuery = NonNullable<paths['/v1/experts']['get']['parameters']['query']>;
export type ExpertPage = Json<paths['/v1/experts']['get']['responses'][200]>;
export type Expert = ExpertPage['items'][number];
