import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../api/client.js';
import { isApiError } from '../api/problem.js';
import { useFormats } from '../common/useFormats.js';
import { useLoad } from '../common/useLoad.js';
import { useLocale } from '../i18n/i18n.js';
import { AccountField, problemAt, useAccountForm } from './account-form.js';

interface InvitationView {
  readonly partnerOrg: { readonly id: string; readonly name: string };
  readonly email: string | null;
  readonly locale: string;
  readonly expiresAt: string;
}

/** Registration with an invitation link (`/register?invitation=TOKEN`): pick a username and password. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { locale } = useLocale();
  const format = useFormats();
  const [params] = useSearchParams();
  const token = params.get('invitation') ?? '';
  const [invitation] = useLoad(async () => {
    const found = await api<InvitationView>('POST', '/api/invitations/check', { token });
    if (found.locale !== i18n.language && window.localStorage.getItem('trellis.portal.locale') === null) await i18n.changeLanguage(found.locale);
    return found;
  }, [token]);
  const { fields, setFields, problems, busy, submit } = useAccountForm({ displayName: '', username: '', password: '', repeat: '' }, async (f) => {
    await api('POST', '/api/invitations/accept', {
      token, username: f.username, password: f.password, locale,
      ...(f.displayName.trim() === '' ? {} : { displayName: f.displayName.trim() }),
    });
    return f.username;
  });

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
  const input = (name: keyof typeof fields, type: string, autoComplete: string, required = true) => (
    <AccountField name={name} label={t(`register.${name}`)} type={type} autoComplete={autoComplete} required={required}
      value={fields[name]} problem={problemAt(problems, name, locale)} onChange={(value) => setFields({ ...fields, [name]: value })} />
  );
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
        {problemAt(problems, '', locale) !== undefined || problemAt(problems, 'token', locale) !== undefined
          ? <p className="error" role="alert">{problemAt(problems, '', locale) ?? problemAt(problems, 'token', locale)}</p> : null}
        <button type="submit" className="primary wide" disabled={busy}>{t('register.submit')}</button>
      </form>
    </section>
  );
}
