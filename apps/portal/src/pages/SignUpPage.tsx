import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { api, path } from '../api/client.js';
import { useSession } from '../api/session.js';
import { NotReady } from '../common/Status.js';
import { useLoad } from '../common/useLoad.js';
import { PORTAL } from '../config.js';
import { useLocale } from '../i18n/i18n.js';
import { AccountField, problemAt, useAccountForm } from './account-form.js';

/** Whether the app's template lets anyone sign up (a role open to self-registration). */
export const registrationOpen = async (): Promise<boolean> =>
  (await api<{ open: boolean }>('GET', path`/api/apps/${PORTAL.app}/registration`)).open;

const FIELDS = [
  ['organisation.name', 'text', 'organization'],
  ['displayName', 'text', 'name'],
  ['email', 'email', 'email'],
  ['password', 'password', 'new-password'],
  ['repeat', 'password', 'new-password'],
] as const;
type Field = (typeof FIELDS)[number][0];

/**
 * Sign-up without an invitation (`/signup`), where the template allows it: a new organisation and
 * its first user, signed in at once to fill in the application. Closed apps say how to get in.
 */
export function SignUpPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { me } = useSession();
  const [open] = useLoad(registrationOpen, []);
  const { fields, setFields, problems, busy, submit } = useAccountForm<Record<Field, string>>(
    { 'organisation.name': '', displayName: '', email: '', password: '', repeat: '' },
    async (f) => (await api<{ username: string }>('POST', path`/api/apps/${PORTAL.app}/registrations`, {
      organisation: { name: f['organisation.name'].trim() }, email: f.email.trim(), password: f.password, locale,
      ...(f.displayName.trim() === '' ? {} : { displayName: f.displayName.trim() }),
    })).username,
  );

  // someone signed in has an account already (and lands here after signing up)
  if (me !== null && me !== undefined) return <Navigate to="/" replace />;
  if (open.state !== 'ready') return <NotReady loaded={open} />;
  const general = problemAt(problems, '', locale) ?? problemAt(problems, 'app', locale);
  return (
    <section className="card narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">{t('signup.title')}</h1>
      {!open.value ? (
        <p className="notice" role="status">{t('signup.closed')} <Link to="/login">{t('signup.toLogin')}</Link></p>
      ) : (
        <>
          <p>{t('signup.intro')}</p>
          <form onSubmit={(e) => void submit(e)} noValidate>
            {FIELDS.map(([name, type, autoComplete]) => (
              <AccountField key={name} name={name} label={t(`signup.fields.${name}`)} type={type} autoComplete={autoComplete}
                required={name !== 'displayName'} value={fields[name]} problem={problemAt(problems, name, locale)}
                onChange={(value) => setFields({ ...fields, [name]: value })} />
            ))}
            <p className="muted">{t('signup.signInWithEmail')}</p>
            {general !== undefined ? <p className="error" role="alert">{general}</p> : null}
            <button type="submit" className="primary wide" disabled={busy}>{t('signup.submit')}</button>
          </form>
          <p className="muted">{t('signup.haveAccount')} <Link to="/login">{t('signup.toLogin')}</Link></p>
        </>
      )}
    </section>
  );
}
