/** The Association's calendar day: one rule, in the domain (`packages/domain/src/funding/dates.ts`). */
export { localToday } from '@society-hub/domain';
