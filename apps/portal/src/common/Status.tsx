import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Loaded } from './useLoad.js';

/** What a page shows while its data is not ready: loading, not found, or failed. */
export function NotReady({ loaded }: { loaded: Loaded<unknown> }) {
  const { t } = useTranslation();
  if (loaded.state === 'missing') return <NotFound />;
  if (loaded.state === 'failed') return <p className="notice error" role="alert">{t('common.loadFailed')}</p>;
  return <p className="muted" role="status">{t('common.loading')}</p>;
}

/**
 * Shown for every address that leads to nothing the user may see, whether the record does not
 * exist or belongs to someone else: the two are indistinguishable on purpose.
 */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p><Link to="/">{t('notFound.home')}</Link></p>
    </section>
  );
}
