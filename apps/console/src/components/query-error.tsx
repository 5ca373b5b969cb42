import { onDemand } from './on-demand';

// antd's Result carries three large illustrations (404, 403, 500), and pages show it only when a request
// failed or something is missing or refused: fetched the first time it is shown.

/** A failed request's message. */
export const QueryError = onDemand(() => import('./query-error-result').then((m) => m.QueryErrorResult));

/** antd's Result. */
export const Result = onDemand(() => import('./query-error-result').then((m) => m.Result));
