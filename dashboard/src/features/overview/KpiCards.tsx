import type { GetSpendSummaryQuery } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type Summary = GetSpendSummaryQuery['spendSummary'];

function Kpi({
  id,
  label,
  value,
  title,
  detail,
  status,
  raw,
}: {
  id: string;
  label: string;
  value: string;
  title?: string;
  detail?: string;
  status?: 'met' | 'below' | undefined;
  raw: number | null;
}) {
  const { t } = useI18n();
  return (
    <div className="kpi" data-kpi={id} data-value={raw ?? ''}>
      <p className="kpi-label">{label}</p>
      <p className="kpi-value" title={title}>
        {value}
      </p>
      {detail ? <p className="kpi-detail">{detail}</p> : null}
      {status ? (
        <p className={`badge badge-${status}`}>
          <span aria-hidden="true">{status === 'met' ? '✓ ' : '! '}</span>
          {status === 'met' ? t('kpi.met') : t('kpi.notMet')}
        </p>
      ) : null}
    </div>
  );
}

function vsTarget(share: number | null, target: number | null): 'met' | 'below' | undefined {
  if (share === null || target === null) return undefined;
  return share >= target ? 'met' : 'below';
}

/** The overview's KPI cards, straight from spendSummary (and the domino multiplier). */
/** `multiplier` absent: no domino card (an agency's page, where the regency-wide multiplier does not apply). */
export function KpiCards({ summary, multiplier }: { summary: Summary; multiplier?: number | null | 'loading' }) {
  const i = useI18n();
  const umkTarget = summary.umkTarget ?? 0.4;
  return (
    <div className="kpi-grid">
      <Kpi
        id="total"
        label={i.t('kpi.spending')}
        value={i.rp(summary.total)}
        title={i.rpFull(summary.total)}
        detail={i.t('kpi.transactions', { n: i.num(summary.transactionCount) })}
        raw={summary.total}
      />
      <Kpi
        id="toLocalUmkm"
        label={i.t('kpi.toLocalUmkm')}
        value={i.rp(summary.toLocalUmkm)}
        title={i.rpFull(summary.toLocalUmkm)}
        detail={
          summary.target === null
            ? i.t('kpi.noTarget', { share: i.pct(summary.localUmkmShare) })
            : i.t('kpi.localShareVsTarget', { share: i.pct(summary.localUmkmShare), target: i.pct(summary.target, 0) })
        }
        status={vsTarget(summary.localUmkmShare, summary.target)}
        raw={summary.toLocalUmkm}
      />
      <Kpi
        id="umkShare"
        label={i.t('kpi.umkShare')}
        value={i.pct(summary.umkShare)}
        title={i.rpFull(summary.toUmk)}
        detail={i.t('kpi.umkTarget', { target: i.pct(umkTarget, 0) })}
        status={vsTarget(summary.umkShare, umkTarget)}
        raw={summary.umkShare}
      />
      <Kpi
        id="sellersReached"
        label={i.t('kpi.reached')}
        value={i.num(summary.sellersReached)}
        detail={i.t('kpi.reachedHint')}
        raw={summary.sellersReached}
      />
      {multiplier !== undefined ? (
        <Kpi
          id="multiplier"
          label={i.t('kpi.multiplier')}
          value={multiplier === 'loading' ? '…' : i.multiplier(multiplier)}
          detail={i.t('kpi.multiplierHint')}
          raw={multiplier === 'loading' ? null : multiplier}
        />
      ) : null}
    </div>
  );
}
