import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/problem.js';
import { useSession } from '../api/session.js';
import { useLoad } from '../common/useLoad.js';
import { useLocale } from '../i18n/i18n.js';
import { registrationOpen } from './SignUpPage.js';

/** Only paths inside the portal are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open] = useLoad(registrationOpen, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (failure) {
      setError(isApiError(failure) && failure.problems[0] !== undefined ? failure.problems[0].message[locale] : t('login.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label className="stacked">
          <span>{t('login.username')}</span>
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="stacked">
          <span>{t('login.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required value={password}
            aria-invalid={error !== null} aria-describedby={error !== null ? 'login-error' : undefined}
            onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error !== null ? <p id="login-error" className="error" role="alert">{error}</p> : null}
        <button type="submit" className="primary wide" disabled={busy}>{t('login.submit')}</button>
      </form>
      {open.state === 'ready' && open.value
        ? <p>{t('login.newPartner')} <Link to="/signup">{t('login.signUp')}</Link></p>
        : <p className="muted">{t('login.invitationOnly')}</p>}
    </section>
  );
}
