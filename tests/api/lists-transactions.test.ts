import { describe } from 'vitest';
import { globalId } from '../support/fixtures.ts';
import { type Oracle, type OracleParty, sortBy, within } from '../support/oracle/index.ts';
import { check, gid, networkOf, o, ref, TENANT, useApiBundleServer } from './list-harness.ts';

/*
 * Every filter and every order of the transaction lists, over real HTTP, against
 * the fixture bundle: expected rows and order computed by the oracle from the tables (list-harness.ts).
 */

useApiBundleServer({ signedInAs: 'ANALYST' });

describe('transactions', () => {
  const all = () => o.transactions;
  type Tx = Oracle['transactions'][number];
  const newest = (rows: Tx[]) => sortBy(rows, (t) => t.occurred_on, true).map((t) => t.id);
  const party = (id: number) => o.partyById.get(id) as OracleParty;
  const dinkes = () => ref('AG-DINKES').id;
  const program2024 = () => o.programs.find((p) => p.fiscal_year === 2024 && p.code === '1.01.02.2.01')?.id ?? 0;
  const someProduct = () => all().find((t) => t.product_id !== null)?.product_id ?? 0;
  check([
    ['all, newest first', 'transactions', undefined, undefined, () => newest(all())],
    [
      'a period',
      'transactions',
      { from: '2023-03-01', to: '2023-08-31' },
      undefined,
      () => newest(all().filter((t) => t.occurred_on >= '2023-03-01' && t.occurred_on <= '2023-08-31')),
    ],
    [
      'a fiscal year',
      'transactions',
      { fiscalYear: 2024 },
      undefined,
      () => newest(all().filter((t) => t.occurred_on.startsWith('2024'))),
    ],
    [
      'a fiscal year narrowed by a date',
      'transactions',
      { fiscalYear: 2024, from: '2024-06-15' },
      undefined,
      () => newest(all().filter((t) => t.occurred_on >= '2024-06-15' && t.occurred_on <= '2024-12-31')),
    ],
    [
      'an amount range',
      'transactions',
      { amountMin: 10_000_000, amountMax: 50_000_000 },
      undefined,
      () => newest(all().filter((t) => t.amount >= 10_000_000 && t.amount <= 50_000_000)),
    ],
    [
      'an agency alone',
      'transactions',
      () => ({ agencyIds: [gid('Agency', 'AG-DINKES')] }),
      undefined,
      () => newest(all().filter((t) => t.buyer_id === dinkes())),
    ],
    [
      'an agency with its network',
      'transactions',
      () => ({ agencyIds: [gid('Agency', 'AG-DINKES')], includeNetwork: true }),
      undefined,
      () => newest(all().filter((t) => t.buyer_id === dinkes() || networkOf(dinkes()).has(t.buyer_id))),
    ],
    [
      'buyers',
      'transactions',
      () => ({ buyerIds: [gid('NetworkUnit', 'NU-SD01'), gid('NetworkUnit', 'NU-PUSTU')] }),
      undefined,
      () => newest(all().filter((t) => [ref('NU-SD01').id, ref('NU-PUSTU').id].includes(t.buyer_id))),
    ],
    [
      'sellers',
      'transactions',
      () => ({ sellerIds: [gid('Vendor', 'VE-ALKES'), gid('Cooperative', 'CO-TANI')] }),
      undefined,
      () => newest(all().filter((t) => [ref('VE-ALKES').id, ref('CO-TANI').id].includes(t.seller_id))),
    ],
    [
      'a program',
      'transactions',
      () => ({ programIds: [globalId('Program', program2024())] }),
      undefined,
      () => newest(all().filter((t) => t.program_id === program2024())),
    ],
    [
      'a product',
      'transactions',
      () => ({ productIds: [globalId('Product', someProduct())] }),
      undefined,
      () => newest(all().filter((t) => t.product_id === someProduct())),
    ],
    [
      'categories',
      'transactions',
      { categories: ['FOOD_STAPLES', 'CATERING'] },
      undefined,
      () => newest(all().filter((t) => ['FOOD_STAPLES', 'CATERING'].includes(t.category))),
    ],
    [
      'funding sources',
      'transactions',
      { fundingSources: ['BOS', 'DANA_DESA'] },
      undefined,
      () => newest(all().filter((t) => ['BOS', 'DANA_DESA'].includes(t.funding_source ?? ''))),
    ],
    [
      'an account prefix',
      'transactions',
      { accountPrefix: '5.1.02.01' },
      undefined,
      () => newest(all().filter((t) => t.account_code?.startsWith('5.1.02.01.') || t.account_code === '5.1.02.01')),
    ],
    [
      'buyer kinds',
      'transactions',
      { buyerKinds: ['ENTERPRISE'] },
      undefined,
      () => newest(all().filter((t) => party(t.buyer_id).kind === 'ENTERPRISE')),
    ],
    [
      'buyer region',
      'transactions',
      { buyerRegionCode: '61.12.01' },
      undefined,
      () => newest(all().filter((t) => within(party(t.buyer_id).region_code, '61.12.01'))),
    ],
    [
      'seller kinds',
      'transactions',
      { sellerKinds: ['COOPERATIVE', 'VENDOR'] },
      undefined,
      () => newest(all().filter((t) => ['COOPERATIVE', 'VENDOR'].includes(party(t.seller_id).kind))),
    ],
    [
      'seller region',
      'transactions',
      { sellerRegionCode: '61.12.02' },
      undefined,
      () => newest(all().filter((t) => within(party(t.seller_id).region_code, '61.12.02'))),
    ],
    [
      'local sellers',
      'transactions',
      { sellerLocal: true },
      undefined,
      () => newest(all().filter((t) => within(party(t.seller_id).region_code, TENANT))),
    ],
    [
      'sellers outside',
      'transactions',
      { sellerLocal: false },
      undefined,
      () => newest(all().filter((t) => !within(party(t.seller_id).region_code, TENANT))),
    ],
    [
      'seller size classes',
      'transactions',
      { sellerSizeClasses: ['SMALL', 'MEDIUM'] },
      undefined,
      () => newest(all().filter((t) => ['SMALL', 'MEDIUM'].includes(party(t.seller_id).size_class ?? ''))),
    ],
    [
      'local UMKM sellers of an agency in a year',
      'transactions',
      () => ({
        agencyIds: [gid('Agency', 'AG-DIKBUD')],
        includeNetwork: true,
        fiscalYear: 2024,
        sellerKinds: ['ENTERPRISE', 'COOPERATIVE'],
        sellerLocal: true,
      }),
      undefined,
      () =>
        newest(
          all().filter(
            (t) =>
              (t.buyer_id === ref('AG-DIKBUD').id || networkOf(ref('AG-DIKBUD').id).has(t.buyer_id)) &&
              t.occurred_on.startsWith('2024') &&
              ['ENTERPRISE', 'COOPERATIVE'].includes(party(t.seller_id).kind) &&
              within(party(t.seller_id).region_code, TENANT),
          ),
        ),
    ],
    [
      'oldest first',
      'transactions',
      undefined,
      { field: 'OCCURRED_ON', direction: 'ASC' },
      () => sortBy(all(), (t) => t.occurred_on).map((t) => t.id),
    ],
    [
      'by amount',
      'transactions',
      undefined,
      { field: 'AMOUNT' },
      () => sortBy(all(), (t) => t.amount).map((t) => t.id),
    ],
    [
      'largest first',
      'transactions',
      undefined,
      { field: 'AMOUNT', direction: 'DESC' },
      () => sortBy(all(), (t) => t.amount, true).map((t) => t.id),
    ],
    ['by id', 'transactions', undefined, { field: 'ID' }, () => all().map((t) => t.id)],
  ]);
});
