import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type ReviewQueue = Json<paths['/v1/reviews/mine']['get']['responses'][200]>;
export type QueueItem = ReviewQueue['items'][number];
export type AssignmentStatus = QueueItem['status'];
export type RubricCriterion = QueueItem['rubric'][number];
export type CriterionScore = NonNullable<QueueItem['scores']>[number];
export type FundingApplication = Json<paths['/v1/applications/{id}']['get']['responses'][200]>;
export type FundingProgram = Json<paths['/v1/funding-programs/{id}']['get']['responses'][200]>;
export type FundingProgramPage = Json<paths['/v1/funding-programs']['get']['responses'][200]>;
export type ProgramStatus = FundingProgram['status'];
export type ReviewList = Json<paths['/v1/applications/{id}/reviews']['get']['responses'][200]>;
export type Review = ReviewList['items'][number];
export type MyReviewPut = Json<NonNullable<paths['/v1/applications/{id}/reviews/mine']['put']['requestBody']>>;
export type Decline = Json<NonNullable<paths['/v1/applications/{id}/reviews/mine/decline']['post']['requestBody']>>;
export type DeclineReason = Decline['reason'];
export type ReassignResult = Json<paths['/v1/applications/{id}/reviews/mine/decline']['post']['responses'][200]>;
export type Declaration = Json<NonNullable<paths['/v1/funding-programs/{id}/declarations/mine']['put']['requestBody']>>;
export type DeclarationResult = Json<paths['/v1/funding-programs/{id}/declarations/mine']['get']['responses'][200]>;
