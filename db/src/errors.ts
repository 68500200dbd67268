/**
 * Maps the database's constraint errors to reasons a user can act on, in Indonesian and English.
 * The constraint names are those of db/migrations; the SQLSTATE codes are PostgreSQL's (PGlite
 * reports the same ones).
 */
import { CONSTRAINTS } from './constraint-reasons.ts';
import type { Reason } from './rules/failure.ts';

export type DataErrorCode = 'BAD_USER_INPUT' | 'CONFLICT';

/** A database rejection explained: which field, why (Indonesian and English), and the GraphQL-style error code. */
export interface DataError {
  readonly code: DataErrorCode;
  readonly field: string | null;
  readonly reason: Reason;
  readonly constraint: string | null;
}

/** A reason as one line, Indonesian first: "id / en" (API messages, the CLI). */
export function bilingual(reason: Reason): string {
  return `${reason.id} / ${reason.en}`;
}

/**
 * The reason a named constraint gives, for code that checks the same thing before the database
 * does (the importer), so both say it in the same words.
 */
export function constraintReason(constraint: string): Reason {
  const known = CONSTRAINTS[constraint];
  if (!known) throw new Error(`no explanation for constraint ${constraint}`);
  return { id: known.id, en: known.en };
}

interface PgLikeError {
  code?: string;
  constraint?: string;
  column?: string;
  message?: string;
}

/**
 * The violated constraint's name as the migrations gave it. Citus passes a shard's error on without
 * its constraint field, naming the shard's copy in the message only, the table's constraint with
 * the shard's id appended (`… violates unique constraint "transaction_source_ref_unique_102160"`).
 */
function violatedConstraint(error: PgLikeError): string | undefined {
  const name = error.constraint ?? /constraint "([^"]+)"$/.exec(error.message ?? '')?.[1];
  if (!name || Object.hasOwn(CONSTRAINTS, name)) return name;
  const unsharded = name.replace(/_\d+$/, '');
  return Object.hasOwn(CONSTRAINTS, unsharded) ? unsharded : name;
}

/**
 * Explains a database error caused by bad data, or returns null when the error is something else
 * (a lost connection, a bug) that must not be shown to a user.
 *
 * @example
 * try { await insert(); } catch (e) { const why = describeDataError(e); if (!why) throw e; }
 */
export function describeDataError(error: unknown): DataError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, column } = error as PgLikeError;
  const constraint = violatedConstraint(error as PgLikeError);
  const known = constraint ? CONSTRAINTS[constraint] : undefined;
  const reason = known ? { id: known.id, en: known.en } : null;
  switch (code) {
    case '23505': // unique_violation
      return {
        code: 'CONFLICT',
        field: known?.field ?? column ?? null,
        reason: reason ?? { id: 'data dengan nilai ini sudah ada', en: 'a row with these values already exists' },
        constraint: constraint ?? null,
      };
    case '23503': // foreign_key_violation
    case '23514': // check_violation
      return {
        code: 'BAD_USER_INPUT',
        field: known?.field ?? column ?? null,
        reason: reason ?? {
          id: `melanggar ${constraint ?? 'suatu batasan'}`,
          en: `violates ${constraint ?? 'a constraint'}`,
        },
        constraint: constraint ?? null,
      };
    case '23502': // not_null_violation
      return {
        code: 'BAD_USER_INPUT',
        field: column ?? null,
        reason: { id: `${column ?? 'nilai'} wajib diisi`, en: `${column ?? 'a value'} is required` },
        constraint: null,
      };
    case '22P02': // invalid_text_representation
    case '22003': // numeric_value_out_of_range
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22001': // string_data_right_truncation
      return {
        code: 'BAD_USER_INPUT',
        field: column ?? null,
        reason: databaseSays((error as PgLikeError).message),
        constraint: null,
      };
    default:
      return null;
  }
}

/**
 * A refusal the database words itself (in English only): the Indonesian says what kind of problem
 * it is and quotes the database.
 */
export function databaseSays(message: string | undefined): Reason {
  return message
    ? { id: `nilai tidak sah (pesan basis data: ${message})`, en: message }
    : { id: 'nilai tidak sah', en: 'invalid value' };
}
