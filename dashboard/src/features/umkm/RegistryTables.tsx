import { useId, useState } from 'react';
import { ChartCard } from '../../components/ChartCard.tsx';
import type { CsvColumn } from '../../components/csv.ts';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { PartyStatus, SizeClass, Verification } from '../../graphql/generated/enums.ts';
import type { ListCooperativesQuery, ListEnterprisesQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { useCooperatives, useEnterprises } from './useUmkm.ts';

export type EnterpriseRow = ListEnterprisesQuery['enterprises']['edges'][number]['node'];
export type CooperativeRow = ListCooperativesQuery['cooperatives']['edges'][number]['node'];

export const enterpriseCsv: CsvColumn<EnterpriseRow>[] = [
  { name: 'id', value: (r) => r.id },
  { name: 'name', value: (r) => r.name },
  { name: 'nib', value: (r) => r.nib },
  { name: 'sizeClass', value: (r) => r.sizeClass },
  { name: 'sector', value: (r) => r.sector?.code },
  { name: 'regionCode', value: (r) => r.region?.code },
  { name: 'regionName', value: (r) => r.region?.name },
  { name: 'status', value: (r) => r.status },
  { name: 'verification', value: (r) => r.verification },
];
export const cooperativeCsv: CsvColumn<CooperativeRow>[] = [
  { name: 'id', value: (r) => r.id },
  { name: 'name', value: (r) => r.name },
  { name: 'registrationNo', value: (r) => r.registrationNo },
  { name: 'coopType', value: (r) => r.coopType },
  { name: 'membersCount', value: (r) => r.membersCount },
  { name: 'regionCode', value: (r) => r.region?.code },
  { name: 'regionName', value: (r) => r.region?.name },
  { name: 'status', value: (r) => r.status },
  { name: 'verification', value: (r) => r.verification },
];

function useParam(name: string): [string, (v: string) => void] {
  const { pathname, search } = useLocation();
  const value = new URLSearchParams(search).get(name) ?? '';
  const set = (v: string) => {
    const q = new URLSearchParams(window.location.search);
    if (v) q.set(name, v);
    else q.delete(name);
    const text = q.toString();
    navigate(`${pathname}${text ? `?${text}` : ''}`, { replace: true });
  };
  return [value, set];
}

function Select<T extends string>({
  label,
  all,
  values,
  value,
  onChange,
  prefix,
}: {
  label: string;
  all: string;
  values: readonly T[];
  value: string;
  onChange(v: string): void;
  prefix: string;
}) {
  const i = useI18n();
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {i.label(prefix, v)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The registry: enterprises or cooperatives, searched and filtered by the API, page by page. */
export function RegistryTables() {
  const i = useI18n();
  const [tab, setTab] = useParam('register');
  const [search, setSearch] = useParam('cari');
  const [size, setSize] = useParam('skala');
  const [status, setStatus] = useParam('status');
  const [verification, setVerification] = useParam('verifikasi');
  const [draft, setDraft] = useState(search);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const coops = tab === 'koperasi';
  const searchId = useId();
  const common = {
    search: search || null,
    statuses: status ? [status as PartyStatus] : null,
    verifications: verification ? [verification as Verification] : null,
  };
  const enterprises = useEnterprises({ ...common, sizeClasses: size ? [size as SizeClass] : null }, after, coops);
  const cooperatives = useCooperatives(common, after, !coops);
  const reset = () => setCursors([null]);
  const controls = (
    <form
      className="registry-controls"
      onSubmit={(e) => {
        e.preventDefault();
        reset();
        setSearch(draft.trim());
      }}
    >
      <div className="filter-field">
        <label htmlFor={searchId} className="filter-label">
          {coops ? i.t('umkm.searchCoop') : i.t('umkm.search')}
        </label>
        <input id={searchId} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
      </div>
      <button type="submit" className="button">
        {i.t('umkm.searchButton')}
      </button>
      {!coops ? (
        <Select
          label={i.t('umkm.sizeClass')}
          all={i.t('umkm.allSizes')}
          values={Object.values(SizeClass)}
          value={size}
          onChange={(v) => {
            reset();
            setSize(v);
          }}
          prefix="size"
        />
      ) : null}
      <Select
        label={i.t('umkm.status')}
        all={i.t('umkm.allStatuses')}
        values={Object.values(PartyStatus)}
        value={status}
        onChange={(v) => {
          reset();
          setStatus(v);
        }}
        prefix="pstatus"
      />
      <Select
        label={i.t('umkm.verification')}
        all={i.t('umkm.allVerifications')}
        values={Object.values(Verification)}
        value={verification}
        onChange={(v) => {
          reset();
          setVerification(v);
        }}
        prefix="verif"
      />
    </form>
  );
  const enterpriseColumns: Column<EnterpriseRow>[] = [
    {
      id: 'name',
      header: i.t('umkm.name'),
      cell: (r) => <Link to={`/umkm/${encodeURIComponent(r.id)}`}>{r.name}</Link>,
    },
    { id: 'nib', header: i.t('umkm.nib'), cell: (r) => r.nib ?? '–', className: 'mono' },
    { id: 'size', header: i.t('umkm.sizeClass'), cell: (r) => i.label('size', r.sizeClass ?? 'UNKNOWN') },
    { id: 'sector', header: i.t('umkm.sector'), cell: (r) => (r.sector ? `${r.sector.code} · ${r.sector.name}` : '–') },
    { id: 'region', header: i.t('umkm.region'), cell: (r) => r.region?.name ?? '–' },
    { id: 'status', header: i.t('umkm.status'), cell: (r) => i.label('pstatus', r.status) },
    { id: 'verification', header: i.t('umkm.verification'), cell: (r) => i.label('verif', r.verification) },
  ];
  const cooperativeColumns: Column<CooperativeRow>[] = [
    {
      id: 'name',
      header: i.t('umkm.name'),
      cell: (r) => <Link to={`/umkm/${encodeURIComponent(r.id)}`}>{r.name}</Link>,
    },
    { id: 'regNo', header: i.t('umkm.regNo'), cell: (r) => r.registrationNo ?? '–', className: 'mono' },
    { id: 'type', header: i.t('umkm.coopType'), cell: (r) => i.label('coop', r.coopType) },
    { id: 'members', header: i.t('umkm.members'), cell: (r) => i.num(r.membersCount), align: 'right' },
    { id: 'region', header: i.t('umkm.region'), cell: (r) => r.region?.name ?? '–' },
    { id: 'status', header: i.t('umkm.status'), cell: (r) => i.label('pstatus', r.status) },
    { id: 'verification', header: i.t('umkm.verification'), cell: (r) => i.label('verif', r.verification) },
  ];
  const pager = (info: { hasNextPage: boolean; endCursor: string | null }, total: number) => (
    <nav className="pager" aria-label={i.t('umkm.pages')}>
      <span className="muted small" data-testid="registry-total">
        {i.t('umkm.total', { n: i.num(total) })}
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={cursors.length <= 1}
        onClick={() => setCursors(cursors.slice(0, -1))}
        aria-label={i.t('umkm.previousPage')}
      >
        <span aria-hidden="true">←</span>
      </button>
      <span className="small" data-testid="registry-page">
        {i.t('umkm.page', { n: cursors.length })}
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={!info.hasNextPage || !info.endCursor}
        onClick={() => info.endCursor && setCursors([...cursors, info.endCursor])}
        aria-label={i.t('umkm.nextPage')}
      >
        <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
  return (
    <div>
      <div className="tabs" role="tablist" aria-label={i.t('umkm.registry')}>
        {(['', 'koperasi'] as const).map((t) => (
          <button
            key={t || 'umkm'}
            type="button"
            role="tab"
            aria-selected={(tab === 'koperasi') === (t === 'koperasi')}
            className="tab"
            onClick={() => {
              reset();
              setTab(t);
            }}
          >
            {t ? i.t('umkm.cooperatives') : i.t('umkm.enterprises')}
          </button>
        ))}
      </div>
      {coops ? (
        <ChartCard
          id="register-koperasi"
          title={`${i.t('umkm.registry')}: ${i.t('umkm.cooperatives')}`}
          result={cooperatives}
          png={false}
          controls={controls}
          csv={(d) => ({ rows: d.cooperatives.edges.map((e) => e.node), columns: cooperativeCsv })}
        >
          {(d) => (
            <>
              <DataTable
                rows={d.cooperatives.edges.map((e) => e.node)}
                columns={cooperativeColumns}
                rowKey={(r) => r.id}
              />
              {pager(d.cooperatives.pageInfo, d.cooperatives.totalCount)}
            </>
          )}
        </ChartCard>
      ) : (
        <ChartCard
          id="register-umkm"
          title={`${i.t('umkm.registry')}: ${i.t('umkm.enterprises')}`}
          result={enterprises}
          png={false}
          controls={controls}
          csv={(d) => ({ rows: d.enterprises.edges.map((e) => e.node), columns: enterpriseCsv })}
        >
          {(d) => (
            <>
              <DataTable
                rows={d.enterprises.edges.map((e) => e.node)}
                columns={enterpriseColumns}
                rowKey={(r) => r.id}
              />
              {pager(d.enterprises.pageInfo, d.enterprises.totalCount)}
            </>
          )}
        </ChartCard>
      )}
    </div>
  );
}
