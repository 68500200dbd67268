import type { CsvColumn } from '../../components/csv.ts';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import type { ListGovernmentOrdersQuery as GetListGovernmentOrdersResult } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';

export type Purchase = GetListGovernmentOrdersResult['transactions']['edges'][number]['node'];

export const purchaseCsv: CsvColumn<Purchase>[] = [
  { name: 'id', value: (r) => r.id },
  { name: 'occurredOn', value: (r) => r.occurredOn },
  { name: 'buyer', value: (r) => r.buyer.name },
  { name: 'seller', value: (r) => r.seller.name },
  { name: 'sellerIsLocal', value: (r) => r.seller.isLocal },
  { name: 'category', value: (r) => r.category },
  { name: 'program', value: (r) => r.program?.name },
  { name: 'amount', value: (r) => r.amount },
];

/** Purchases (transactions) as listed by the API, largest first. */
export function PurchasesTable({ rows, show }: { rows: readonly Purchase[]; show: 'buyer' | 'seller' }) {
  const i = useI18n();
  const party = (p: { __typename: string; id: string; name: string }) =>
    p.__typename === 'Enterprise' || p.__typename === 'Cooperative' ? (
      <Link to={`/umkm/${encodeURIComponent(p.id)}`}>{p.name}</Link>
    ) : p.__typename === 'Agency' ? (
      <Link to={`/skpd/${encodeURIComponent(p.id)}`}>{p.name}</Link>
    ) : (
      p.name
    );
  const columns: Column<Purchase>[] = [
    { id: 'date', header: i.t('tx.date'), cell: (r) => i.date(r.occurredOn), sort: (r) => r.occurredOn },
    show === 'seller'
      ? {
          id: 'seller',
          header: i.t('tx.seller'),
          cell: (r) => (
            <>
              {party(r.seller)}
              {r.seller.isLocal ? <span className="tag">lokal</span> : null}
            </>
          ),
          sort: (r) => r.seller.name,
        }
      : { id: 'buyer', header: i.t('tx.buyer'), cell: (r) => party(r.buyer), sort: (r) => r.buyer.name },
    { id: 'category', header: i.t('tx.category'), cell: (r) => i.label('cat', r.category), sort: (r) => r.category },
    { id: 'program', header: i.t('tx.program'), cell: (r) => r.program?.name ?? '–', sort: (r) => r.program?.name },
    {
      id: 'amount',
      header: i.t('tx.amount'),
      cell: (r) => i.rpFull(r.amount),
      sort: (r) => r.amount,
      align: 'right',
    },
  ];
  return <DataTable rows={rows} columns={columns} rowKey={(r) => r.id} />;
}
