import { GraphQLError } from 'graphql';

/**
 * Codes of the protective answers (docs/limits.md), each with its HTTP status:
 * QUERY_TOO_COMPLEX 400, PAYLOAD_TOO_LARGE 413, RATE_LIMITED 429, REQUEST_TIMEOUT 503, BUSY 503,
 * PERSISTED_QUERY_REQUIRED 400, plus BAD_REQUEST (400) and NOT_FOUND (404) for
 * requests Express answers itself.
 */
export type LimitCode =
  | 'QUERY_TOO_COMPLEX'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'REQUEST_TIMEOUT'
  | 'BUSY'
  | 'PERSISTED_QUERY_REQUIRED';

export const LIMIT_CODES: ReadonlySet<string> = new Set<LimitCode>([
  'QUERY_TOO_COMPLEX',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'REQUEST_TIMEOUT',
  'BUSY',
  'PERSISTED_QUERY_REQUIRED',
]);

/**
 * A coded error Apollo answers with `status` (and `headers`, e.g. Retry-After) before or instead
 * of executing; `details` become further extensions (e.g. the limit and the measured value).
 */
export function limitError(
  code: LimitCode | 'FORBIDDEN',
  message: string,
  status: number,
  options: { details?: Record<string, unknown>; headers?: Record<string, string> } = {},
): GraphQLError {
  const headers = options.headers ? new Map(Object.entries(options.headers)) : undefined;
  return new GraphQLError(message, {
    extensions: { code, ...options.details, http: { status, ...(headers ? { headers } : {}) } },
  });
}

/** The JSON body of an error answered outside GraphQL execution (Express middleware). */
export function errorBody(code: string, message: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}
