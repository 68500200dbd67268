import { Client, cacheExchange, type Exchange, gql, makeResult } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { delay, filter, map, merge, pipe, share } from 'wonka';
import { freshAfterWritesExchange } from './urql.ts';

/** A network that counts the requests it answers; a query answers with how many it has seen. */
function countingNetwork() {
  const sent: string[] = [];
  const exchange: Exchange =
    ({ forward }) =>
    (ops$) => {
      const shared = pipe(ops$, share);
      return merge([
        pipe(
          shared,
          filter((op) => op.kind === 'query' || op.kind === 'mutation'),
          map((op) => {
            sent.push(op.kind);
            const data =
              op.kind === 'query'
                ? { spendSummary: { __typename: 'SpendSummary', total: sent.length } }
                : { recordTransaction: { __typename: 'TransactionPayload', ok: true } };
            return makeResult(op, { data });
          }),
          delay(1),
        ),
        forward(
          pipe(
            shared,
            filter((op) => op.kind === 'teardown'),
          ),
        ),
      ]);
    };
  return { exchange, sent };
}

const SUMMARY = gql`
  query Summary {
    spendSummary {
      total
    }
  }
`;
const RECORD = gql`
  mutation Record {
    recordTransaction {
      ok
    }
  }
`;

describe('freshAfterWritesExchange', () => {
  it('answers a query from the cache until a write succeeds, then asks the network once more', async () => {
    const network = countingNetwork();
    const client = new Client({
      url: '/graphql',
      exchanges: [freshAfterWritesExchange(), cacheExchange, network.exchange],
      requestPolicy: 'cache-first',
    });
    const total = async () => (await client.query(SUMMARY, {}).toPromise()).data?.spendSummary.total;
    expect(await total()).toBe(1);
    expect(await total()).toBe(1); // cached
    expect(network.sent).toEqual(['query']);
    await client.mutation(RECORD, {}).toPromise();
    expect(await total()).toBe(3); // the network again: the third request it answered
    expect(await total()).toBe(3); // cached again
    expect(network.sent).toEqual(['query', 'mutation', 'query']);
  });

  it('asks the network again when the first operation after a write is dropped before its answer (as React may)', async () => {
    const network = countingNetwork();
    const client = new Client({
      url: '/graphql',
      exchanges: [freshAfterWritesExchange(), cacheExchange, network.exchange],
      requestPolicy: 'cache-first',
    });
    const total = async () => (await client.query(SUMMARY, {}).toPromise()).data?.spendSummary.total;
    expect(await total()).toBe(1);
    await client.mutation(RECORD, {}).toPromise();
    client
      .query(SUMMARY, {})
      .subscribe(() => {})
      .unsubscribe(); // started and dropped at once
    expect(await total()).toBe(3); // not the cached 1: the third request the network answered
  });
});
