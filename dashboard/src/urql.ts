import { Client, cacheExchange, fetchExchange, makeOperation, mapExchange, stringifyDocument } from '@urql/core';
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
 * The API client. POST keeps Apollo's CSRF prevention happy (a GET would need the
 * `apollo-require-preflight` header); the document cache is enough: every view is a read of
 * aggregates keyed by its variables, and nothing is written from the dashboard.
 */
export function createApiClient(url = '/graphql'): Client {
  return new Client({
    url,
    preferGetMethod: false,
    exchanges: [cacheExchange, persistedExchange, fetchExchange],
    requestPolicy: 'cache-first',
  });
}
