import { DATA_ENTRY_TIME_ZONE, type Reason, type RuleContext, type RuleIssue, todayIn } from '@jejaring/db/rules';
import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import type { Locale } from '../../i18n/i18n.tsx';

/*
 * What the data-entry forms share: the shared rules' context in the browser, the API's rule
 * failures mapped back onto the form's fields, and a labelled field with its message.
 */

/**
 * The rules in the browser: today in WIB; regions unknown here (null), so the server decides on
 * region codes and NIK prefixes, and the form shows its answer.
 */
export function browserRules(): RuleContext {
  return { today: todayIn(DATA_ENTRY_TIME_ZONE), regionExists: () => null };
}

/** Messages per field, in the user's language. */
export type FieldMessages = Record<string, string>;

export function byField(issues: readonly RuleIssue[], locale: Locale): FieldMessages {
  const out: FieldMessages = {};
  for (const issue of issues) out[issue.field] ??= issue.reason[locale];
  return out;
}

interface ApiFailure {
  field?: string;
  reason?: Reason;
}

/**
 * The API's refusal as messages per field (`input.nib` → `nib`), plus one message for the form
 * when the error names no field of it (a network failure, FORBIDDEN…).
 */
export function apiMessages(error: CombinedError, locale: Locale): { fields: FieldMessages; form: string | null } {
  const fields: FieldMessages = {};
  let form: string | null = null;
  for (const e of error.graphQLErrors) {
    const ext = e.extensions as { failures?: ApiFailure[]; field?: string; reason?: Reason };
    const failures: ApiFailure[] = ext.failures ?? [{ field: ext.field, reason: ext.reason }];
    for (const f of failures) {
      const name = f.field?.replace(/^input\./, '');
      const text = f.reason?.[locale] ?? e.message;
      if (name && f.field?.startsWith('input.')) fields[name] ??= text;
      else form ??= text;
    }
  }
  if (error.networkError) form ??= error.networkError.message;
  return { fields, form };
}

/** A labelled input with its hint and, when refused, the reason (announced to screen readers). */
export function Field({
  name,
  label,
  hint,
  message,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  message?: string | undefined;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string }) => ReactNode;
}) {
  const id = `field-${name}`;
  return (
    <div className={`form-field${message ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(message), 'aria-describedby': `${id}-note` })}
      <span id={`${id}-note`} className={message ? 'field-error' : 'field-hint'} role={message ? 'alert' : undefined}>
        {message ?? hint ?? ''}
      </span>
    </div>
  );
}
