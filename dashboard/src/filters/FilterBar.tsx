import { useEffect, useId, useRef, useState } from 'react';
import { useAgencies, useDefaultYear } from '../data.ts';
import { ProductCategory } from '../graphql/generated/enums.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type Filters, useFilters } from './filters.ts';

function MultiSelect<T extends string>({
  label,
  allLabel,
  selectedLabel,
  options,
  selected,
  onChange,
  name,
  onOpen,
}: {
  label: string;
  allLabel: string;
  selectedLabel(n: number): string;
  options: ReadonlyArray<{ value: T; label: string }>;
  selected: readonly T[];
  onChange(next: T[]): void;
  name: string;
  onOpen?(): void;
}) {
  const summary = selected.length === 0 ? allLabel : selectedLabel(selected.length);
  const ref = useRef<HTMLDetailsElement>(null);
  // The open panel lies over the page: a click elsewhere closes it, as does Escape (focus back on
  // the summary) or moving the focus out of it with Tab.
  useEffect(() => {
    const close = (e: MouseEvent) => {
      const details = ref.current;
      if (details?.open && !details.contains(e.target as Node)) details.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);
  return (
    <details
      ref={ref}
      className="multiselect"
      data-filter={name}
      onToggle={onOpen}
      onKeyDown={(e) => {
        const details = ref.current;
        if (e.key !== 'Escape' || !details?.open) return;
        e.preventDefault();
        details.open = false;
        details.querySelector('summary')?.focus();
      }}
      onBlur={(e) => {
        const details = ref.current;
        const next = e.relatedTarget as Node | null;
        if (details?.open && next && !details.contains(next)) details.open = false;
      }}
    >
      <summary>
        <span className="filter-label">{label}</span>
        <span className="visually-hidden">: </span>
        <span className="multiselect-value">{summary}</span>
      </summary>
      <fieldset className="multiselect-panel">
        <legend className="visually-hidden">{label}</legend>
        {options.map((o) => (
          <label key={o.value} className="check">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={selected.includes(o.value)}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))
              }
            />
            {o.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** The one filter bar: period (fiscal year or date range), agencies, categories, networks; all in the URL. */
export function FilterBar() {
  const i = useI18n();
  const { filters, setFilters } = useFilters();
  const { year: defaultYear, years } = useDefaultYear();
  // The agency list is not needed for the first paint: it loads when the picker opens, or soon after.
  const [wantAgencies, setWantAgencies] = useState(filters.agencies.length > 0);
  useEffect(() => {
    const timer = setTimeout(() => setWantAgencies(true), 2000);
    return () => clearTimeout(timer);
  }, []);
  const agencies = useAgencies(!wantAgencies);
  const periodId = useId();
  const fromId = useId();
  const toId = useId();
  const networkId = useId();
  const mode = filters.from || filters.to ? 'range' : 'year';
  const update = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });
  const yearValue = String(filters.year ?? defaultYear ?? '');
  const yearOptions = years.length ? years : defaultYear ? [defaultYear] : [];
  const agencyOptions = (agencies.data?.agencies.edges ?? []).map((e) => ({
    value: e.node.id,
    label: e.node.shortName ? `${e.node.shortName} — ${e.node.name}` : e.node.name,
  }));
  const categoryOptions = Object.values(ProductCategory).map((c) => ({ value: c, label: i.label('cat', c) }));
  return (
    <form className="filter-bar no-print" aria-label={i.t('filter.title')} onSubmit={(e) => e.preventDefault()}>
      <div className="filter-field">
        <label htmlFor={periodId} className="filter-label">
          {i.t('filter.period')}
        </label>
        <select
          id={periodId}
          name="period"
          value={mode === 'range' ? 'range' : yearValue}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'range') {
              const y = filters.year ?? defaultYear ?? new Date().getFullYear();
              update({ year: null, from: `${y}-01-01`, to: `${y}-12-31` });
            } else update({ year: Number(v), from: null, to: null });
          }}
        >
          {yearOptions.map((y) => (
            <option key={y} value={y}>
              {i.t('filter.fiscalYear')} {y}
            </option>
          ))}
          <option value="range">{i.t('filter.dateRange')}…</option>
        </select>
      </div>
      {mode === 'range' ? (
        <>
          <div className="filter-field">
            <label htmlFor={fromId} className="filter-label">
              {i.t('filter.from')}
            </label>
            <input
              id={fromId}
              type="date"
              name="from"
              value={filters.from ?? ''}
              onChange={(e) => update({ from: e.target.value || null })}
            />
          </div>
          <div className="filter-field">
            <label htmlFor={toId} className="filter-label">
              {i.t('filter.to')}
            </label>
            <input
              id={toId}
              type="date"
              name="to"
              value={filters.to ?? ''}
              onChange={(e) => update({ to: e.target.value || null })}
            />
          </div>
        </>
      ) : null}
      <MultiSelect
        name="agencies"
        label={i.t('filter.agencies')}
        allLabel={i.t('filter.allAgencies')}
        selectedLabel={(n) => i.t('filter.agenciesSelected', { n })}
        options={agencyOptions}
        selected={filters.agencies}
        onChange={(agencies) => update({ agencies })}
        onOpen={() => setWantAgencies(true)}
      />
      <MultiSelect<ProductCategory>
        name="categories"
        label={i.t('filter.categories')}
        allLabel={i.t('filter.allCategories')}
        selectedLabel={(n) => i.t('filter.categoriesSelected', { n })}
        options={categoryOptions}
        selected={filters.categories}
        onChange={(categories) => update({ categories })}
      />
      <div className="filter-field filter-check">
        <input
          id={networkId}
          type="checkbox"
          name="includeNetwork"
          checked={filters.includeNetwork}
          onChange={(e) => update({ includeNetwork: e.target.checked })}
        />
        <label htmlFor={networkId}>{i.t('filter.includeNetwork')}</label>
      </div>
      <button
        type="button"
        className="button button-quiet"
        onClick={() =>
          setFilters({ year: null, from: null, to: null, agencies: [], categories: [], includeNetwork: false })
        }
      >
        {i.t('filter.reset')}
      </button>
    </form>
  );
}

/**
 * The filters in words, for printed reports. With `programs`, only what program outcomes are
 * filtered by: their fiscal year (the one asked of the API) and the agencies; categories and
 * networks do not apply to them, so a report must not claim them.
 */
export function useFilterText(programs?: { fiscalYear: number | null }): string {
  const i = useI18n();
  const { filters } = useFilters();
  const { year } = useDefaultYear();
  const agencies = useAgencies();
  const names = new Map((agencies.data?.agencies.edges ?? []).map((e) => [e.node.id, e.node.shortName ?? e.node.name]));
  const parts: string[] = [];
  if (programs) {
    if (programs.fiscalYear) parts.push(`${i.t('filter.fiscalYear')} ${programs.fiscalYear}`);
  } else if (filters.from || filters.to) parts.push(`${i.date(filters.from)} – ${i.date(filters.to)}`);
  else if (filters.year ?? year) parts.push(`${i.t('filter.fiscalYear')} ${filters.year ?? year}`);
  parts.push(
    filters.agencies.length
      ? `${i.t('filter.agencies')}: ${filters.agencies.map((a) => names.get(a) ?? a).join(', ')}`
      : i.t('filter.allAgencies'),
  );
  if (programs) return parts.join(' · ');
  parts.push(
    filters.categories.length
      ? `${i.t('filter.categories')}: ${filters.categories.map((c) => i.label('cat', c)).join(', ')}`
      : i.t('filter.allCategories'),
  );
  if (filters.includeNetwork) parts.push(i.t('filter.includeNetwork'));
  return parts.join(' · ');
}
