import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { useSession } from '../api/session.js';
import { LANGUAGES, useLocale } from '../i18n/i18n.js';

const NAV = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/tasks', label: 'nav.tasks', end: false },
  { to: '/organisation', label: 'nav.organisation', end: false },
  { to: '/incentives', label: 'nav.incentives', end: false },
  { to: '/calculator', label: 'nav.calculator', end: false },
  { to: '/mdf', label: 'nav.mdf', end: false },
] as const;

/** The frame of every page: skip link, brand, navigation when signed in, language, sign out. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { locale } = useLocale();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = t('app.title');
  }, [t, locale]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="topbar">
        <div className="topbar-row">
          <span className="brand">{t('app.title')}</span>
          <label className="language">
            <span className="visually-hidden">{t('app.language')}</span>
            <select value={locale} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
              {LANGUAGES.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
          </label>
          {me ? (
            <button type="button" className="sign-out" onClick={() => void signOut().then(() => navigate('/login'))}>
              {t('app.signOut')}
            </button>
          ) : null}
        </div>
        {me ? (
          <nav aria-label={t('app.nav')}>
            {NAV.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.end}>{t(item.label)}</NavLink>
            ))}
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </div>
  );
}
