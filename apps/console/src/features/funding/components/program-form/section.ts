import type { LiveStatus } from './use-program-checks';

/** What every section of the program form is given. */
export interface SectionProps {
  /** Once the call is open only the wording and a later close may change. */
  locked: boolean;
  live: (...paths: string[]) => LiveStatus;
}

/** Codes are what the API and exports use: lower-case letters, digits and underscores, a letter first. */
export const CODE_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Codes read better in a fixed-width face. */
export const CODE_STYLE = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace' };
