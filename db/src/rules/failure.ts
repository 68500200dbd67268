/*
 * What a rule answers: nothing when the value is acceptable, else a failure naming the field and
 * the reason in Indonesian and English. Warnings have the same shape and never stop a write.
 *
 * Pure data and functions with no imports from Node: the dashboard bundles this folder.
 */

/** A reason in each language of the platform. */
export interface Reason {
  readonly id: string;
  readonly en: string;
}

/** Why a value was refused (or, as a warning, what the user should look at). */
export interface RuleIssue {
  /** A stable code, e.g. NIK_BIRTH_DATE, for clients that react to a particular rule. */
  readonly code: string;
  /** The input field at fault, as the API names it (nib, ownerNik, occurredOn…). */
  readonly field: string;
  readonly reason: Reason;
}

/** The outcome of checking a whole input: the normalised values, every failure, every warning. */
export interface RuleResult<T> {
  readonly value: T;
  readonly failures: readonly RuleIssue[];
  readonly warnings: readonly RuleIssue[];
}

export function issue(code: string, field: string, id: string, en: string): RuleIssue {
  return { code, field, reason: { id, en } };
}

/**
 * What the rules need from the outside world, injected so the same rules run on the server (which
 * reads the database) and in the browser (which knows less and answers null: "cannot tell here").
 */
export interface RuleContext {
  /** Today's date (YYYY-MM-DD) where the data is entered: nothing may happen after it. */
  readonly today: string;
  /**
   * Does this region code exist (any level: 61, 61.12, 61.12.01, 61.12.01.2001)? null when the
   * caller cannot tell (the browser before it has loaded the regions); the server always can.
   */
  regionExists(code: string): boolean | null;
}

/** Today's date in a time zone (Kubu Raya keeps WIB, Asia/Jakarta), as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
