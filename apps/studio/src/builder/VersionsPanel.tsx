import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { DefinitionVersion, VersionDiff } from '../api/types.js';

type Summary = Omit<DefinitionVersion, 'body'>;

/** The published versions, newest first, each with what changed since the one before. */
export function VersionsPanel({ base, refresh }: { base: string; refresh: number }) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<readonly Summary[]>([]);
  const [diffs, setDiffs] = useState<Record<number, readonly string[]>>({});
  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await api<Summary[]>('GET', `${base}/versions`).catch(() => []);
      const changes = await Promise.all(list.filter((v) => v.version > 1).map((v) =>
        api<VersionDiff>('GET', `${base}/diff?from=${v.version - 1}&to=${v.version}`).then((d) => [v.version, d.changes] as const).catch(() => [v.version, []] as const)));
      if (!live) return;
      setVersions([...list].reverse());
      setDiffs(Object.fromEntries(changes));
    })();
    return () => {
      live = false;
    };
  }, [base, refresh]);
  return (
    <section className="panel versions" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('builder.versions.title')}</h2>
      {versions.length === 0 ? <p className="muted">{t('builder.versions.none')}</p> : (
        <ol reversed>
          {versions.map((v) => (
            <li key={v.version} data-version={v.version}>
              <strong>{t('workspace.app.version', { version: v.version })}</strong> · {new Date(v.publishedAt).toLocaleString(i18n.language)}
              {diffs[v.version] !== undefined && diffs[v.version]!.length > 0 && (
                <details><summary>{t('builder.versions.changes', { count: diffs[v.version]!.length })}</summary><ul>{diffs[v.version]!.map((c) => <li key={c}><code>{c}</code></li>)}</ul></details>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
