import { type ReactNode, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export interface Column<T> {
  id: string;
  header: string;
  cell(row: T): ReactNode;
  /** Makes the column sortable by this value (nulls last). */
  sort?(row: T): string | number | null | undefined;
  align?: 'left' | 'right' | 'center';
  className?: string;
}

type Sort = { id: string; desc: boolean } | null;

/** A plain, accessible table: sortable headers are buttons and announce their order (aria-sort). */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  caption,
  initialSort = null,
  className,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey(row: T): string;
  caption?: string;
  initialSort?: Sort;
  className?: string;
}) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<Sort>(initialSort);
  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.id === sort.id);
    if (!column?.sort) return rows;
    const get = column.sort;
    const collator = new Intl.Collator(locale);
    return [...rows].sort((a, b) => {
      const x = get(a);
      const y = get(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return sort?.desc ? -c : c;
    });
  }, [rows, columns, sort, locale]);
  return (
    <div className={`table-wrap ${className ?? ''}`}>
      <table className="table">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.id === c.id;
              const ariaSort = active ? (sort?.desc ? 'descending' : 'ascending') : c.sort ? 'none' : undefined;
              return (
                <th key={c.id} scope="col" aria-sort={ariaSort} className={`align-${c.align ?? 'left'}`}>
                  {c.sort ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => setSort(active ? { id: c.id, desc: !sort?.desc } : { id: c.id, desc: false })}
                      title={t('score.sortBy', { column: c.header })}
                    >
                      {c.header}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (sort?.desc ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.id} className={`align-${c.align ?? 'left'} ${c.className ?? ''}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
