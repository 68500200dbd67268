import type { ReactNode } from 'react';
import type { ApiResult } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function Skeleton({ height = 240, label }: { height?: number; label?: string }) {
  const { t } = useI18n();
  return (
    <div className="skeleton" style={{ height }} role="status" aria-live="polite" data-state="loading">
      <span className="visually-hidden">{label ?? t('state.loading')}</span>
    </div>
  );
}

export function EmptyState({ message }: { message?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state-empty" data-state="empty">
      <p>{message ?? t('state.empty')}</p>
    </div>
  );
}

export function ErrorState({ onRetry, detail }: { onRetry(): void; detail?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state-error" role="alert" data-state="error">
      <p>{t('state.error')}</p>
      {detail ? <p className="muted small">{detail}</p> : null}
      <button type="button" className="button" onClick={onRetry}>
        {t('state.retry')}
      </button>
    </div>
  );
}

/** Renders one of the four states of a query; `children` gets the data in the success state. */
export function DataState<T>({
  result,
  height,
  empty,
  children,
}: {
  result: ApiResult<T>;
  height?: number;
  /** What the empty state says (default: nothing for this filter). */
  empty?: string;
  children(data: T): ReactNode;
}) {
  if (result.state === 'loading') return <Skeleton height={height} />;
  if (result.state === 'error') return <ErrorState onRetry={result.retry} detail={result.error?.message} />;
  if (result.state === 'empty' || !result.data) return <EmptyState message={empty} />;
  return <>{children(result.data)}</>;
}
