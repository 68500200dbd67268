import { Client, cacheExchange, fetchExchange } from '@urql/core';

/**
 * The API client. POST keeps Apollo's CSRF prevention happy (a GET would need the
 * `apollo-require-preflight` header); the document cache is enough: every view is a read of
 * aggregates keyed by its variables, and nothing is written from the dashboard.
 */
export function createApiClient(url = '/graphql'): Client {
  return new Client({
    url,
    preferGetMethod: false,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-first',
  });
}
