import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { useAbout, useViewer } from '../../data.ts';
import { LoginDocument } from '../../graphql/generated/graphql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { reloadAt } from './session.ts';

/** `/masuk`: the sign-in form. The server sets the HttpOnly session cookie; the page then reloads. */
export default function LoginPage() {
  const { t } = useI18n();
  const about = useAbout();
  const viewer = useViewer();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, login] = useMutation(LoginDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const answer = await login({ username: username.trim().toLowerCase(), password });
    if (answer.data?.login) {
      const next = new URLSearchParams(window.location.search).get('kembali');
      reloadAt(next?.startsWith('/') && !next.startsWith('//') ? next : '/');
      return;
    }
    const error = answer.error?.graphQLErrors[0];
    const code = error?.extensions?.code;
    if (code === 'UNAUTHENTICATED') setProblem(t('auth.failed'));
    else if (code === 'RATE_LIMITED') setProblem(t('auth.tooMany', { s: String(error?.extensions?.retryAfter ?? 60) }));
    else setProblem(t('auth.error'));
    setPassword('');
  };

  return (
    <div className="login-page">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title" data-testid="login-form">
        <h1 id="login-title">{t('auth.title')}</h1>
        <p className="muted">{t('auth.lead')}</p>
        {viewer.user ? (
          <p className="login-current">
            {viewer.user.displayName ?? viewer.user.username} · {t(`role.${viewer.role}` as never)}
          </p>
        ) : null}
        <label className="login-field">
          <span>{t('auth.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="login-field">
          <span>{t('auth.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {problem ? (
          <p className="state-error" role="alert">
            {problem}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={result.fetching}>
          {result.fetching ? t('auth.submitting') : t('auth.signIn')}
        </button>
        {about.data?.about.demoData ? <p className="small muted">{t('auth.demoHint')}</p> : null}
      </form>
    </div>
  );
}
