import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client.js';
import { isApiError, type FieldProblem } from '../api/problem.js';
import { useSession } from '../api/session.js';
import { useFormats } from '../common/useFormats.js';
import { useLoad } from '../common/useLoad.js';
import { useLocale } from '../i18n/i18n.js';

interface InvitationView {
  readonly partnerOrg: { readonly id: string; readonly name: string };
  readonly email: string | null;
  readonly locale: string;
  readonly expiresAt: string;
}

const MIN_PASSWORD = 10;

/** Registration with an invitation link (`/register?invitation=TOKEN`): pick a username and password. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { locale } = useLocale();
  const format = useFormats();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('invitation') ?? '';
  const [invitation] = useLoad(async () => {
    const found = await api<InvitationView>('POST', '/api/invitations/check', { token });
    if (found.locale !== i18n.language && window.localStorage.getItem('trellis.portal.locale') === null) await i18n.changeLanguage(found.locale);
    return found;
  }, [token]);
  const [fields, setFields] = useState({ displayName: '', username: '', password: '', repeat: '' });
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const problemAt = (name: string) => problems.find((p) => p.path === name || p.path === `body.${name}`)?.message[locale];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: FieldProblem[] = [];
    if (fields.password.length < MIN_PASSWORD) local.push({ code: 'PASSWORD_SHORT', path: 'password', message: { en: t('register.passwordShort', { n: MIN_PASSWORD, lng: 'en' }), 'zh-CN': t('register.passwordShort', { n: MIN_PASSWORD, lng: 'zh-CN' }) } });
    if (fields.password !== fields.repeat) local.push({ code: 'PASSWORD_MISMATCH', path: 'repeat', message: { en: t('register.mismatch', { lng: 'en' }), 'zh-CN': t('register.mismatch', { lng: 'zh-CN' }) } });
    setProblems(local);
    if (local.length > 0) return;
    setBusy(true);
    try {
      await api('POST', '/api/invitations/accept', {
        token, username: fields.username, password: fields.password, locale,
        ...(fields.displayName.trim() === '' ? {} : { displayName: fields.displayName.trim() }),
      });
      await signIn(fields.username, fields.password);
      navigate('/', { replace: true });
    } catch (failure) {
      setProblems(isApiError(failure) && failure.problems.length > 0 ? failure.problems : [{ code: 'X', path: '', message: { en: t('register.failed', { lng: 'en' }), 'zh-CN': t('register.failed', { lng: 'zh-CN' }) } }]);
    } finally {
      setBusy(false);
    }
  }

  if (token === '' || invitation.state === 'missing' || invitation.state === 'failed') {
    const error = invitation.state === 'failed' && isApiError(invitation.error) ? invitation.error.problems[0]?.message[locale] : undefined;
    return (
      <section className="card narrow" aria-labelledby="register-title">
        <h1 id="register-title">{t('register.title')}</h1>
        <p className="notice error" role="alert">{error ?? t('register.noInvitation')}</p>
      </section>
    );
  }
  if (invitation.state === 'loading') return <p className="muted" role="status">{t('common.loading')}</p>;
  const { partnerOrg, expiresAt } = invitation.value;
  const input = (name: keyof typeof fields, type: string, autoComplete: string, required = true) => {
    const problem = problemAt(name);
    return (
      <label className="stacked">
        <span className={required ? 'is-required' : undefined}>{t(`register.${name}`)}</span>
        <input name={name} type={type} autoComplete={autoComplete} required={required} value={fields[name]}
          aria-invalid={problem !== undefined} aria-describedby={problem !== undefined ? `register-${name}-error` : undefined}
          onChange={(e) => setFields({ ...fields, [name]: e.target.value })} />
        {problem !== undefined ? <span id={`register-${name}-error`} className="error">{problem}</span> : null}
      </label>
    );
  };
  return (
    <section className="card narrow" aria-labelledby="register-title">
      <h1 id="register-title">{t('register.title')}</h1>
      <p>{t('register.invitedTo', { name: partnerOrg.name })}</p>
      <p className="muted">{t('register.expires', { date: format.dateTime(expiresAt) })}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {input('displayName', 'text', 'name', false)}
        {input('username', 'text', 'username')}
        {input('password', 'password', 'new-password')}
        {input('repeat', 'password', 'new-password')}
        {problemAt('') !== undefined || problemAt('token') !== undefined
          ? <p className="error" role="alert">{problemAt('') ?? problemAt('token')}</p> : null}
        <button type="submit" className="primary wide" disabled={busy}>{t('register.submit')}</button>
      </form>
    </section>
  );
}
