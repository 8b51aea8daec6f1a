import type { Problem } from '@trellis/errors';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n.js';

export const isWarning = (p: Problem): boolean => p.details?.severity === 'warning';

/** Problems in the current language, warnings told apart from errors, optionally with where they are; nothing when there are none. */
export function ProblemList({ problems, showPaths = false }: { problems: readonly Problem[]; showPaths?: boolean }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  if (problems.length === 0) return null;
  return (
    <ul className="problems">
      {problems.map((p, i) => (
        <li key={`${p.code}${p.path}${i}`} className={isWarning(p) ? 'warning' : 'error'} data-code={p.code}>
          <span className="badge">{isWarning(p) ? t('tables.warning') : t('tables.error')}</span> {pick(p.message)}
          {showPaths && p.path !== '' && <code className="path">{p.path}</code>}
        </li>
      ))}
    </ul>
  );
}
