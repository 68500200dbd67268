import { useId, useState } from 'react';
import { ChartCard } from '../../components/ChartCard.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { scoreCsv } from '../overview/csv.ts';
import { useAgencyScorecard } from '../overview/useOverview.ts';
import { PlannedVsRealisedCard } from './PlannedVsRealised.tsx';
import { ScorecardTable } from './ScorecardTable.tsx';

export default function ScorecardPage() {
  const { t } = useI18n();
  const scorecard = useAgencyScorecard();
  const [search, setSearch] = useState('');
  const searchId = useId();
  return (
    <>
      <PageHeader title={t('score.title')} lead={t('score.lead')} />
      <ChartCard
        measure="agencyScorecard"
        id="rapor-skpd"
        title={t('score.title')}
        result={scorecard}
        png={false}
        csv={(d) => ({ rows: d.agencyScorecard, columns: scoreCsv })}
        controls={
          <div className="filter-field">
            <label htmlFor={searchId} className="filter-label">
              {t('score.search')}
            </label>
            <input
              id={searchId}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder={t('score.search')}
            />
          </div>
        }
      >
        {(d) => <ScorecardTable rows={d.agencyScorecard} search={search} />}
      </ChartCard>
      <PlannedVsRealisedCard />
    </>
  );
}
