import type { AnyVariables, CombinedError, TypedDocumentNode } from '@urql/core';
import { useCallback } from 'react';
import { useQuery } from 'urql';

export type ApiState = 'loading' | 'error' | 'empty' | 'ok';

export interface ApiResult<T> {
  state: ApiState;
  data: T | undefined;
  error: CombinedError | undefined;
  /** Asks the API again, past the cache (the error state's "Coba lagi"). */
  retry(): void;
}

/**
 * One query, reduced to the four states every view renders: loading, error, empty, ok.
 * `isEmpty` decides when a successful answer has nothing to show.
 */
export function useApi<T, V extends AnyVariables>(
  query: TypedDocumentNode<T, V>,
  variables: V,
  options: { pause?: boolean; isEmpty?: (data: T) => boolean } = {},
): ApiResult<T> {
  const [result, reexecute] = useQuery<T, V>({ query, variables, pause: options.pause } as never);
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const data = result.data;
  let state: ApiState;
  if (result.fetching || options.pause) state = 'loading';
  else if (result.error && !data) state = 'error';
  else if (!data) state = 'loading';
  else if (options.isEmpty?.(data)) state = 'empty';
  else state = 'ok';
  return { state, data, error: result.error, retry };
}
