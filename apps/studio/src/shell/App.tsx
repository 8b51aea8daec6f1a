import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, useLocale } from '../i18n/i18n.js';
import { SessionGate, useSession } from '../session/session.js';
import { ChangePassword } from '../session/ChangePassword.js';
import { SignIn } from '../session/SignIn.js';
import { useHashRoute } from './hash-route.js';
import { HOME_ROUTE, ROUTES } from './routes.js';

function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const { locale } = useLocale();
  return (
    <label className="language">
      <span>{t('app.language')}</span>
      <select aria-label={t('app.language')} value={locale} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {LANGUAGES.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
      </select>
    </label>
  );
}

function Workspace() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const [id = HOME_ROUTE, ...params] = useHashRoute();
  const route = ROUTES.find((r) => r.id === id) ?? ROUTES.find((r) => r.id === HOME_ROUTE);
  if (route === undefined) throw new Error(`no route "${HOME_ROUTE}"`);
  const { Screen } = route;
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('app.nav')}>
          {ROUTES.filter((r) => r.nav).map((r) => (
            <a key={r.id} href={`#/${r.id}`} aria-current={r.id === route.id ? 'page' : undefined}>{t(r.title)}</a>
          ))}
        </nav>
        <LanguagePicker />
        <span className="user">{me.displayName}</span>
        <button type="button" className="sign-out" onClick={() => void signOut()}>{t('workspace.signOut')}</button>
      </header>
      <main><Screen key={route.id} params={params} /></main>
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);
  const bare = (content: ReactNode) => (
    <div className="shell">
      <header className="topbar"><span className="brand">{t('app.title')}</span><span className="spacer" /><LanguagePicker /></header>
      <main>{content}</main>
    </div>
  );
  return (
    <SessionGate signIn={(done) => bare(<SignIn onSignedIn={done} />)} changePassword={(done) => bare(<ChangePassword onChanged={done} />)}>
      <Workspace />
    </SessionGate>
  );
}
