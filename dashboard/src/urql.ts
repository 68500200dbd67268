import {
  Client,
  cacheExchange,
  type Exchange,
  fetchExchange,
  makeOperation,
  mapExchange,
  stringifyDocument,
} from '@urql/core';
import manifest from '../../schema/operations/persisted.json';

/** The registered operations (schema/operations/persisted.json): text as sent → its SHA-256. */
const registered = new Map(Object.entries(manifest as Record<string, string>).map(([hash, text]) => [text, hash]));

/**
 * Sends a registered operation by its hash alone (Apollo's persisted-query extension), so the
 * dashboard keeps working where the server allows anonymous clients nothing else
 * (PERSISTED_ONLY_FOR_PUBLIC). After the cache exchange, which adds the __typename fields the
 * registered texts include.
 */
const persistedExchange = mapExchange({
  onOperation(operation) {
    const sha256Hash = registered.get(stringifyDocument(operation.query));
    if (!sha256Hash) return operation;
    return makeOperation(
      operation.kind,
      { ...operation, extensions: { ...operation.extensions, persistedQuery: { version: 1, sha256Hash } } },
      operation.context,
    );
  },
});

/**
 * After a write, no answer cached before it is shown again. The document cache only forgets the
 * queries whose answers hold a type the mutation returned, and a purchase recorded, an import
 * committed or a merge changes measures whose answers hold none of those types. So: number the
 * answers as they come; a query whose last answer came before the last successful mutation goes
 * to the network until it is answered again (the fresh answer replaces the cached one). Placed
 * before the cache.
 */
export function freshAfterWritesExchange(): Exchange {
  const answeredAt = new Map<number, number>();
  let answers = 0;
  let wroteAt = 0;
  return mapExchange({
    onOperation(operation) {
      if (operation.kind !== 'query') return operation;
      const at = answeredAt.get(operation.key);
      if (at === undefined || at > wroteAt) return operation;
      // Not forgotten here: React may start and drop an operation before the one it keeps, and
      // each must go to the network until a fresh answer is numbered.
      return makeOperation('query', operation, { ...operation.context, requestPolicy: 'network-only' });
    },
    onResult(result) {
      answers += 1;
      const { kind, key } = result.operation;
      if (kind === 'query') answeredAt.set(key, answers);
      else if (kind === 'mutation' && !result.error) wroteAt = answers;
    },
  });
}

/**
 * The API client. POST keeps Apollo's CSRF prevention happy (a GET would need the
 * `apollo-require-preflight` header); the document cache is enough: every view is a read of
 * aggregates keyed by its variables, and after a write the queries answered before it are asked
 * again (freshAfterWritesExchange).
 */
export function createApiClient(url = '/graphql', regency: string | null = null): Client {
  return new Client({
    url,
    // The regency of the URL (regency.ts); one client per regency, so no answer is cached across regencies.
    ...(regency ? { fetchOptions: { headers: { 'jejaring-regency': regency } } } : {}),
    preferGetMethod: false,
    exchanges: [freshAfterWritesExchange(), cacheExchange, persistedExchange, fetchExchange],
    requestPolicy: 'cache-first',
  });
}
