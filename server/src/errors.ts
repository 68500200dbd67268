import { describeDataError, isConnectionFailure, isStorageFull } from '@jejaring/db';
import type { Reason, RuleIssue } from '@jejaring/db/rules';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { LIMIT_CODES } from './http/http-errors.ts';

/** The error codes of the API (docs/api.md "Errors"), exposed as `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNKNOWN_REGENCY';

/**
 * An error a client may see: coded, naming the offending field where there is one. Anything else
 * thrown in a resolver is masked as INTERNAL_SERVER_ERROR and logged with the request id.
 *
 * @example
 * throw new AppError('NOT_FOUND', 'wilayah 61.99 tidak ada / region 61.99 not found', { field: 'code' });
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(message, {
      extensions: { code, ...(options.field ? { field: options.field } : {}), ...(options.details ?? {}) },
    });
  }
}

/** BAD_USER_INPUT naming the argument at fault, with the reason in Indonesian and English (see `localized`). */
export const badInput = (field: string, reason: Reason) => localized('BAD_USER_INPUT', field, reason);
/** NOT_FOUND for `what` (in Indonesian and English, e.g. { id: 'wilayah 61.99', en: 'region 61.99' }). */
export const notFound = (what: Reason, field?: string) =>
  localized('NOT_FOUND', field, { id: `${what.id} tidak ada`, en: `${what.en} not found` });

/**
 * BAD_USER_INPUT for values the shared rules refused (docs/data-entry.md): the first failure's
 * field (under `prefix`, the input argument; '' for a plain argument) and reason in Indonesian and English, and every
 * failure in `extensions.failures`, so a form marks all its fields in one round trip.
 */
export function ruleFailures(failures: readonly RuleIssue[], prefix = 'input'): AppError {
  const list = failures.map((f) => ({
    code: f.code,
    field: prefix ? `${prefix}.${f.field}` : f.field,
    reason: f.reason,
  }));
  const first = list[0] ?? { code: 'INVALID', field: prefix, reason: { id: 'masukan tidak sah', en: 'invalid input' } };
  return new AppError('BAD_USER_INPUT', `${first.field}: ${first.reason.id} / ${first.reason.en}`, {
    field: first.field,
    details: { rule: first.code, reason: first.reason, failures: list },
  });
}

/** A coded error with its message in Indonesian and English ("id / en"), as the rules' reasons are. */
export function localized(
  code: ErrorCode,
  field: string | undefined,
  reason: { id: string; en: string },
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(code, `${field ? `${field}: ` : ''}${reason.id} / ${reason.en}`, {
    ...(field ? { field } : {}),
    details: { reason, ...details },
  });
}

/** Apollo/GraphQL's own codes for malformed requests, passed through untouched. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const APP_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_REGENCY',
  ...LIMIT_CODES,
]);

/** PostgreSQL's query_canceled: a statement stopped by statement_timeout or by its abandoned request. */
const QUERY_CANCELED = '57014';

function isCanceledStatement(error: unknown): boolean {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  return (original as { code?: unknown } | null)?.code === QUERY_CANCELED;
}

/** Seconds a client is told to wait (Retry-After) when the database is unreachable. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/** The answer to a request whose database connection failed or could not be made. */
export const UNAVAILABLE_MESSAGE =
  'Basis data sedang tidak dapat dijangkau; coba lagi sebentar lagi. / ' +
  'The database cannot be reached right now; try again shortly.';

/** The answer to a write refused because the database's disk is full (HTTP 507). */
export const STORAGE_FULL_MESSAGE =
  'Penyimpanan server penuh: perubahan ini tidak disimpan. Beri tahu administrator; coba lagi setelah ruang disk tersedia. / ' +
  "The server's storage is full: this change was not stored. Tell the administrator; try again once disk space is freed.";

/** True for errors that reach the client as they are (coded, or a database rejection of bad data). */
export function isClientError(error: unknown): boolean {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (typeof code === 'string' && (APP_CODES.has(code) || PASS_THROUGH.has(code))) return true;
  if (isCanceledStatement(error)) return true;
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  return describeDataError(original) !== null;
}

/**
 * The one place that decides what a client sees of an error: coded errors pass; database
 * constraint errors become BAD_USER_INPUT/CONFLICT naming the field; the rest are masked (the
 * request plugin in http/ logs them and adds the request id).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (APP_CODES.has(code) || PASS_THROUGH.has(code))) {
      // type-graphql's argument validation and GraphQL's variable coercion both report BAD_USER_INPUT.
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (isConnectionFailure(error)) {
      // The HTTP status (503) and Retry-After are set by the request plugin (http/request-plugin.ts).
      return {
        message: UNAVAILABLE_MESSAGE,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS },
      };
    }
    if (isStorageFull(error)) {
      // The HTTP status (507) is set by the request plugin (http/request-plugin.ts).
      return {
        message: STORAGE_FULL_MESSAGE,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'STORAGE_FULL' },
      };
    }
    if (isCanceledStatement(error)) {
      return {
        message: 'The query took too long and was stopped. Narrow it (filters, smaller pages) or try again later.',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'REQUEST_TIMEOUT' },
      };
    }
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const data = describeDataError(original);
    if (data) {
      const { message, extensions } = localized(data.code, data.field ?? undefined, data.reason);
      return { message, ...(formatted.path ? { path: formatted.path } : {}), extensions };
    }
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
}
