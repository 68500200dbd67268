import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/process.ts';

const FILTER = { fiscalYear: 2025 };

/**
 * The dashboard's read operations that need no id, with the variables its pages send, in the
 * proportions of a visit: the overview's cards (about, summary, trend, districts, agencies,
 * domino effect, flows), the outcome and collection pages, and the registry lists. Each is sent
 * as the dashboard sends it (dashboard/src/urql.ts): the registered text with its SHA-256 in
 * Apollo's persisted-query extension.
 */
export const MIX: Array<[string, Record<string, unknown>]> = [
  ['GetAbout', {}],
  ['GetSpendSummary', { filter: FILTER }],
  ['GetSpendTrend', { filter: FILTER, interval: 'MONTH' }],
  ['GetSpendByDistrict', { filter: FILTER }],
  ['GetAgencyScorecard', { filter: FILTER }],
  ['GetDominoEffect', { filter: FILTER }],
  ['GetSpendFlows', { filter: FILTER, levels: ['AGENCY', 'CATEGORY', 'SELLER_CLASS'] }],
  ['GetProgramOutcomes', { fiscalYear: 2025 }],
  ['GetDataCollectionProgress', { year: 2025 }],
  ['GetRecoveryIndex', { groupBy: 'DISTRICT' }],
  ['ListAgencies', {}],
  ['ListEnterprises', { first: 25 }],
  ['ListCooperatives', { first: 25 }],
  // No transaction list (ListGovernmentOrders): those are for signed-in readers, and an anonymous
  // visitor's dashboard does not ask for them (docs/security.md). This is the anonymous mix.
];

/** The request bodies of MIX, from the registered operations (schema/operations/persisted.json). */
export function mixBodies(): Array<{ name: string; body: string }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema/operations/persisted.json'), 'utf8')) as Record<
    string,
    string
  >;
  return MIX.map(([name, variables]) => {
    const entry = Object.entries(manifest).find(([, text]) => new RegExp(`^query ${name}\\b`).test(text));
    if (!entry) throw new Error(`${name} is not a registered dashboard operation`);
    const [sha256Hash, query] = entry;
    return {
      name,
      body: JSON.stringify({
        operationName: name,
        query,
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash } },
      }),
    };
  });
}
