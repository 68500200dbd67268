import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ApiResult } from '../../api.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import type { CsvColumn } from '../../components/csv.ts';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PALETTE, staticCharts } from '../../components/palette.ts';
import { DataState } from '../../components/States.tsx';
import { useViewer } from '../../data.ts';
import type { GetRegistryEntryQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { PurchasesTable, purchaseCsv } from '../agencies/PurchasesTable.tsx';
import { SignedInOnly } from '../auth/SignedInOnly.tsx';
import { useOrdersReceived, useRegistryEntry } from './useUmkm.ts';

type Entry = Extract<NonNullable<GetRegistryEntryQuery['node']>, { __typename: 'Enterprise' | 'Cooperative' }>;
type Product = Entry['products']['edges'][number]['node'];
type Snapshot = Extract<Entry, { __typename: 'Enterprise' }>['snapshots']['edges'][number]['node'];

const productCsv: CsvColumn<Product>[] = [
  { name: 'id', value: (r) => r.id },
  { name: 'name', value: (r) => r.name },
  { name: 'category', value: (r) => r.category },
  { name: 'unit', value: (r) => r.unit },
  { name: 'unitPrice', value: (r) => r.unitPrice },
];
const snapshotCsv: CsvColumn<Snapshot>[] = [
  { name: 'period', value: (r) => r.period },
  { name: 'revenue', value: (r) => r.revenue },
  { name: 'employees', value: (r) => r.employees },
  { name: 'status', value: (r) => r.status },
];

/** Monthly revenue from the periodic surveys. */
export function SnapshotChart({ snapshots, width }: { snapshots: readonly Snapshot[]; width: number }) {
  const i = useI18n();
  const data = [...snapshots]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((s) => ({ ...s, label: i.monthShort(s.period) }));
  return (
    <LineChart
      width={width}
      height={240}
      data={data}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      accessibilityLayer
    >
      <CartesianGrid stroke="#e3e3e3" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
      <YAxis tickFormatter={(v: number) => i.rp(v)} width={78} tick={{ fontSize: 12 }} />
      <Tooltip formatter={(value) => [i.rpFull(typeof value === 'number' ? value : null), i.t('umkm.revenue')]} />
      <Line
        dataKey="revenue"
        name={i.t('umkm.revenue')}
        stroke={PALETTE.blue}
        dot={false}
        strokeWidth={2}
        isAnimationActive={!staticCharts()}
      />
    </LineChart>
  );
}

function Facts({ entry }: { entry: Entry }) {
  const i = useI18n();
  const facts: Array<[string, string]> =
    entry.__typename === 'Enterprise'
      ? [
          [i.t('umkm.nib'), entry.nib ?? '–'],
          [i.t('umkm.sizeClass'), i.label('size', entry.sizeClass ?? 'UNKNOWN')],
          [i.t('umkm.sector'), entry.sector ? `${entry.sector.code} · ${entry.sector.name}` : '–'],
          [i.t('umkm.region'), entry.region?.name ?? '–'],
          [i.t('umkm.status'), i.label('pstatus', entry.status)],
          [i.t('umkm.verification'), i.label('verif', entry.verification)],
          [i.t('umkm.registeredOn'), i.date(entry.registeredOn)],
        ]
      : [
          [i.t('umkm.regNo'), entry.registrationNo ?? '–'],
          [i.t('umkm.coopType'), i.label('coop', entry.coopType)],
          [i.t('umkm.members'), i.num(entry.membersCount)],
          [i.t('umkm.region'), entry.region?.name ?? '–'],
          [i.t('umkm.status'), i.label('pstatus', entry.status)],
          [i.t('umkm.verification'), i.label('verif', entry.verification)],
          [i.t('umkm.registeredOn'), i.date(entry.registeredOn)],
        ];
  return (
    <dl className="facts">
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function RegistryEntryPage({ id }: { id: string }) {
  const i = useI18n();
  const entry = useRegistryEntry(id);
  const orders = useOrdersReceived(id, useViewer().canReadTransactions);
  const node = entry.data?.node;
  const e = node && (node.__typename === 'Enterprise' || node.__typename === 'Cooperative') ? (node as Entry) : null;
  const products = e ? e.products.edges.map((x) => x.node) : [];
  const snapshots = e?.__typename === 'Enterprise' ? e.snapshots.edges.map((x) => x.node) : [];
  // An entry without products or without surveyed revenue shows the empty state, not bare axes.
  const emptyUnless = (has: boolean): ApiResult<typeof entry.data> =>
    entry.state === 'ok' && !has ? { ...entry, state: 'empty' } : entry;
  const productColumns: Column<Product>[] = [
    { id: 'name', header: i.t('umkm.name'), cell: (r) => r.name, sort: (r) => r.name },
    { id: 'category', header: i.t('umkm.category'), cell: (r) => i.label('cat', r.category), sort: (r) => r.category },
    { id: 'unit', header: i.t('umkm.unit'), cell: (r) => r.unit ?? '–' },
    {
      id: 'price',
      header: i.t('umkm.unitPrice'),
      cell: (r) => i.rpFull(r.unitPrice),
      sort: (r) => r.unitPrice,
      align: 'right',
    },
  ];
  return (
    <>
      <p className="no-print">
        <Link to="/umkm">{i.t('umkm.back')}</Link>
      </p>
      <DataState result={entry} height={160}>
        {() =>
          e ? (
            <>
              <PageHeader
                title={e.name}
                lead={e.__typename === 'Enterprise' ? i.t('umkm.enterprises') : i.t('umkm.cooperatives')}
              />
              <section className="card" aria-label={e.name}>
                <Facts entry={e} />
              </section>
            </>
          ) : (
            <p>{i.t('umkm.notFound')}</p>
          )
        }
      </DataState>
      {e ? (
        <>
          <ChartCard
            id="produk"
            title={i.t('umkm.products')}
            result={emptyUnless(products.length > 0)}
            empty={i.t('umkm.noProducts')}
            png={false}
            csv={() => ({ rows: products, columns: productCsv })}
          >
            {() => <DataTable rows={products} columns={productColumns} rowKey={(r) => r.id} />}
          </ChartCard>
          <SignedInOnly id="pesanan-pemerintah" title={i.t('umkm.orders')}>
            <ChartCard
              id="pesanan-pemerintah"
              title={i.t('umkm.orders')}
              result={orders}
              empty={i.t('umkm.noOrders')}
              png={false}
              csv={(d) => ({ rows: d.transactions.edges.map((x) => x.node), columns: purchaseCsv })}
            >
              {(d) => <PurchasesTable rows={d.transactions.edges.map((x) => x.node)} show="buyer" />}
            </ChartCard>
          </SignedInOnly>
          {e.__typename === 'Enterprise' ? (
            <ChartCard
              id="survei-berkala"
              title={i.t('umkm.snapshots')}
              result={emptyUnless(snapshots.some((x) => x.revenue !== null))}
              empty={i.t('umkm.noSnapshots')}
              csv={() => ({ rows: snapshots, columns: snapshotCsv })}
            >
              {(_, width) => <SnapshotChart snapshots={snapshots} width={width} />}
            </ChartCard>
          ) : null}
        </>
      ) : null}
    </>
  );
}
