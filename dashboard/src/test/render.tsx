import { render } from '@testing-library/react';
import { type Client, CombinedError, type Operation, type OperationResult } from '@urql/core';
import type { ReactElement } from 'react';
import { Provider } from 'urql';
import { vi } from 'vitest';
import { concat, fromValue, never, pipe, type Source, take, toPromise } from 'wonka';
import { I18nProvider, type Locale } from '../i18n/i18n.tsx';

/** What the fake API answers for one operation (query or mutation): data, 'loading' (never answers), an Error (network) or a CombinedError (GraphQL errors). */
export type Answer = unknown;
export type Answers = Record<string, Answer>;

function operationName(op: Operation): string {
  for (const d of op.query.definitions) if (d.kind === 'OperationDefinition' && d.name) return d.name.value;
  return '';
}

/**
 * A stubbed urql client built from wonka's `fromValue` and `never`: each operation gets its named
 * answer. `answers` may be changed between calls (a retry after an error sees the new answer).
 */
export function fakeClient(answers: Answers) {
  const calls: Array<{ name: string; variables: unknown }> = [];
  const answer = (op: Operation): Source<OperationResult> => {
    const name = operationName(op);
    calls.push({ name, variables: op.variables });
    const a = answers[name];
    if (a === 'loading') return never;
    if (a === undefined) throw new Error(`no answer for ${name}`);
    const result: OperationResult =
      a instanceof CombinedError
        ? { operation: op, error: a, stale: false, hasNext: false }
        : a instanceof Error
          ? { operation: op, error: new CombinedError({ networkError: a }), stale: false, hasNext: false }
          : { operation: op, data: a, stale: false, hasNext: false };
    // Like the real client, the source stays open after its result (a completed source resets urql's state).
    return concat([fromValue(result), never]);
  };
  const executeQuery = vi.fn(answer);
  const client = {
    executeQuery,
    executeMutation: vi.fn(answer),
    executeSubscription: vi.fn(() => never),
    suspense: false,
    query: (query: Operation['query'], variables: Operation['variables']) => ({
      toPromise: () => {
        const op = { query, variables, kind: 'query', key: 0, context: {} } as unknown as Operation;
        return toPromise(pipe(answer(op), take(1)));
      },
    }),
  } as unknown as Client;
  return { client, calls, executeQuery };
}

export function renderWithApi(ui: ReactElement, answers: Answers, options: { locale?: Locale; path?: string } = {}) {
  if (options.path) window.history.replaceState(null, '', options.path);
  const fake = fakeClient(answers);
  const view = render(
    <Provider value={fake.client}>
      <I18nProvider locale={options.locale ?? 'id'}>{ui}</I18nProvider>
    </Provider>,
  );
  return { ...view, ...fake };
}
