import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { useApi } from '../../api.ts';
import { DataState } from '../../components/States.tsx';
import { useViewer } from '../../data.ts';
import {
  CreateApiKeyDocument,
  ListAccountsDocument,
  type ListAccountsQuery,
  RevokeApiKeyDocument,
} from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SatkerMappings } from '../procurement/SatkerMappings.tsx';

type Account = ListAccountsQuery['users'][number];
type Key = ListAccountsQuery['apiKeys'][number];

/** `/admin`: accounts, API keys and the LKPP work-unit mapping (ADMIN only; the API refuses everyone else too). */
export default function AdminPage() {
  const { t } = useI18n();
  const viewer = useViewer();
  const accounts = useApi(ListAccountsDocument, {}, { pause: !viewer.isAdmin });
  // Here, not in the form: the form is re-mounted while the list reloads, the new key must stay shown.
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  if (!viewer.ready) return null;
  if (!viewer.isAdmin) {
    return (
      <div className="state" data-testid="admin-forbidden">
        <h1>{t('admin.title')}</h1>
        <p>{t('admin.forbidden')}</p>
      </div>
    );
  }
  return (
    <div className="admin-page" data-testid="admin-page">
      <header className="page-header">
        <h1>{t('admin.title')}</h1>
        <p className="lead">{t('admin.lead')}</p>
      </header>
      <section className="card" aria-labelledby="admin-users">
        <div className="card-header">
          <h2 id="admin-users">{t('admin.users')}</h2>
        </div>
        <div className="card-body">
          <DataState result={accounts} height={160}>
            {(data) => <AccountsTable users={data.users} />}
          </DataState>
        </div>
      </section>
      <section className="card" aria-labelledby="admin-keys">
        <div className="card-header">
          <h2 id="admin-keys">{t('admin.keys')}</h2>
        </div>
        <div className="card-body">
          {created ? (
            <div className="new-key" role="status" data-testid="new-key">
              <p>{t('admin.newKey', { name: created.name })}</p>
              <code className="mono">{created.key}</code>
            </div>
          ) : null}
          <DataState result={accounts} height={160}>
            {(data) => (
              <>
                <CreateKeyForm
                  users={data.users}
                  onCreated={(key) => {
                    setCreated(key);
                    accounts.retry();
                  }}
                />
                <KeysTable keys={data.apiKeys} onRevoked={accounts.retry} />
              </>
            )}
          </DataState>
        </div>
      </section>
      <SatkerMappings />
    </div>
  );
}

function AccountsTable({ users }: { users: readonly Account[] }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="admin-users">
        <thead>
          <tr>
            <th scope="col">{t('admin.username')}</th>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.role')}</th>
            <th scope="col">{t('admin.agency')}</th>
            <th scope="col">{t('admin.status')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td className="mono">{u.username}</td>
              <td>{u.displayName ?? '–'}</td>
              <td>{t(`role.${u.role}` as never)}</td>
              <td className="mono">{u.agencyCode ?? '–'}</td>
              <td>
                {u.disabled ? t('admin.disabled') : t('admin.active')}
                {u.demo ? <span className="tag">{t('admin.demo')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateKeyForm({
  users,
  onCreated,
}: {
  users: readonly Account[];
  onCreated: (created: { key: string; name: string }) => void;
}) {
  const { t } = useI18n();
  const active = users.filter((u) => !u.disabled);
  const [username, setUsername] = useState(active.find((u) => u.role === 'ANALYST')?.username ?? active[0]?.username);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, create] = useMutation(CreateApiKeyDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username) return;
    setProblem(null);
    const answer = await create({ username, name: name.trim() });
    if (answer.data) {
      onCreated({ key: answer.data.createApiKey.key, name: answer.data.createApiKey.apiKey.name });
    } else {
      setProblem(
        t('admin.failed', { message: answer.error?.graphQLErrors[0]?.message ?? answer.error?.message ?? '' }),
      );
    }
  };
  return (
    <>
      <form className="admin-form" onSubmit={submit} data-testid="create-key-form">
        <label className="filter-field">
          <span className="filter-label">{t('admin.keyFor')}</span>
          <select value={username} onChange={(e) => setUsername(e.target.value)}>
            {active.map((u) => (
              <option key={u.id} value={u.username}>
                {u.username} ({t(`role.${u.role}` as never)})
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field">
          <span className="filter-label">{t('admin.keyName')}</span>
          <input type="text" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={result.fetching}>
          {t('admin.createKey')}
        </button>
      </form>
      {problem ? (
        <p className="state-error" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}

function KeysTable({ keys, onRevoked }: { keys: readonly Key[]; onRevoked: () => void }) {
  const i = useI18n();
  const { t } = i;
  const [, revoke] = useMutation(RevokeApiKeyDocument);
  const when = (iso: string | null | undefined) => (iso ? i.date(iso.slice(0, 10)) : '–');
  return (
    <div className="table-wrap">
      <table className="table" data-testid="admin-keys">
        <thead>
          <tr>
            <th scope="col">{t('admin.keyName')}</th>
            <th scope="col">{t('admin.keyPrefix')}</th>
            <th scope="col">{t('admin.keyOwner')}</th>
            <th scope="col">{t('admin.created')}</th>
            <th scope="col">{t('admin.lastUsed')}</th>
            <th scope="col">{t('admin.status')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td className="mono">{k.prefix}…</td>
              <td className="mono">{k.user.username}</td>
              <td>{when(k.createdAt)}</td>
              <td>{when(k.lastUsedAt)}</td>
              <td>
                {k.revokedAt ? (
                  t('admin.revoked', { date: when(k.revokedAt) })
                ) : (
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    onClick={async () => {
                      await revoke({ id: k.id });
                      onRevoked();
                    }}
                  >
                    {t('admin.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
