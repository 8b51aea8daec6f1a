import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionTableScreen } from '../tables/DecisionTableScreen.js';
import { LANGUAGES, useLocale } from '../i18n/i18n.js';
import { RuleBuilderScreen } from '../rules/RuleBuilderScreen.js';

const SCREENS = {
  rules: { title: 'nav.rules', Screen: RuleBuilderScreen },
  tables: { title: 'nav.tables', Screen: DecisionTableScreen },
} as const;
type ScreenId = keyof typeof SCREENS;

/** Screens are addressed by the URL hash (#/tables), so a link or a reload lands on the same screen. */
function screenOfHash(): ScreenId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return id in SCREENS ? id as ScreenId : 'rules';
}

export function App() {
  const { t, i18n } = useTranslation();
  const { locale } = useLocale();
  const [screen, setScreen] = useState<ScreenId>(screenOfHash);
  useEffect(() => {
    const onHash = () => setScreen(screenOfHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);
  const { Screen } = SCREENS[screen];
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('app.nav')}>
          {(Object.keys(SCREENS) as ScreenId[]).map((id) => (
            <a key={id} href={`#/${id}`} aria-current={id === screen ? 'page' : undefined}>{t(SCREENS[id].title)}</a>
          ))}
        </nav>
        <label className="language">
          <span>{t('app.language')}</span>
          <select aria-label={t('app.language')} value={locale} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
            {LANGUAGES.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        </label>
      </header>
      <main><Screen /></main>
    </div>
  );
}
