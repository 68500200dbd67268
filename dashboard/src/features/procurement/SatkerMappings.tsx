import { useState } from 'react';
import { useMutation } from 'urql';
import { useApi } from '../../api.ts';
import { DataState } from '../../components/States.tsx';
import { useAgencies } from '../../data.ts';
import {
  ListSatkerMappingsDocument,
  type ListSatkerMappingsQuery,
  MapSatkerDocument,
} from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Mapping = ListSatkerMappingsQuery['satkerMappings'][number];
type AgencyOption = { id: string; code: string; name: string };

/**
 * The Administrasi page's section: every LKPP work unit of the ISB imports and the agency it maps
 * to, with a select per row that maps it elsewhere (mapSatker; ADMIN only, as the API checks).
 */
export function SatkerMappings() {
  const { t } = useI18n();
  const mappings = useApi(ListSatkerMappingsDocument, {}, { isEmpty: (d) => d.satkerMappings.length === 0 });
  const agencies = useAgencies();
  const options = agencies.data?.agencies.edges.map((e) => e.node) ?? [];
  return (
    <section className="card" aria-labelledby="admin-satker" data-testid="admin-satker">
      <div className="card-header">
        <div>
          <h2 id="admin-satker">{t('satker.title')}</h2>
          <p className="muted small">{t('satker.lead')}</p>
        </div>
      </div>
      <div className="card-body">
        <DataState result={mappings} height={160} empty={t('satker.empty')}>
          {(data) => <MappingTable rows={data.satkerMappings} agencies={options} onSaved={mappings.retry} />}
        </DataState>
      </div>
    </section>
  );
}

function MappingTable({
  rows,
  agencies,
  onSaved,
}: {
  rows: readonly Mapping[];
  agencies: readonly AgencyOption[];
  onSaved: () => void;
}) {
  const i = useI18n();
  const { t } = i;
  const [result, map] = useMutation(MapSatkerDocument);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const change = async (kdSatker: string, agencyId: string) => {
    setMessage(null);
    const answer = await map({ kdSatker, agencyId });
    const saved = answer.data?.mapSatker;
    if (saved) {
      setMessage({ ok: true, text: t('satker.saved', { kd: saved.kdSatker, agency: saved.agency.name }) });
      onSaved();
    } else {
      const error = answer.error?.graphQLErrors[0]?.message ?? answer.error?.message ?? '';
      setMessage({ ok: false, text: t('satker.failed', { message: error }) });
    }
  };
  return (
    <>
      {message ? (
        <p className={message.ok ? 'muted' : 'state-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table" data-testid="satker-mappings">
          <thead>
            <tr>
              <th scope="col">{t('satker.kd')}</th>
              <th scope="col">{t('satker.code')}</th>
              <th scope="col">{t('satker.name')}</th>
              <th scope="col">{t('satker.agency')}</th>
              <th scope="col">{t('satker.source')}</th>
              <th scope="col">{t('satker.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.kdSatker}>
                <td className="mono">{m.kdSatker}</td>
                <td className="mono">{m.kdSatkerStr ?? '–'}</td>
                <td>{m.namaSatker ?? '–'}</td>
                <td>
                  <select
                    aria-label={t('satker.chooseFor', { kd: m.kdSatker })}
                    value={m.agency.id}
                    disabled={result.fetching}
                    onChange={(e) => void change(m.kdSatker, e.target.value)}
                  >
                    {/* The current agency even when the agency list has not answered yet. */}
                    {(agencies.some((a) => a.id === m.agency.id) ? agencies : [m.agency, ...agencies]).map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name} ({a.code})
                      </option>
                    ))}
                  </select>
                </td>
                <td>{i.label('satkerSource', m.source)}</td>
                <td>{i.date(m.updatedAt.slice(0, 10))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
