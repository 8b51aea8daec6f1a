import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@trellis/definitions';
import { records } from '../api/records.js';
import { FieldList, FieldValue, useFieldLabel } from '../common/FieldValue.js';
import { NotReady } from '../common/Status.js';
import { useLoad } from '../common/useLoad.js';
import { PORTAL } from '../config.js';
import { useLocale } from '../i18n/i18n.js';
import { loadEntity } from '../application/useEntity.js';

const config = PORTAL.organisation;

/** A list field (contacts, certifications, warnings …) as a table with labelled columns. */
function ListTable({ definition, field, rows }: { definition: EntityDefinition; field: string; rows: Record<string, unknown>[] }) {
  const { pick } = useLocale();
  const label = useFieldLabel(definition);
  const { t } = useTranslation();
  const items = ((definition.schema as { properties?: Record<string, { items?: { properties?: object } }> }).properties?.[field]?.items?.properties ?? {});
  const columns = Object.keys(items);
  if (rows.length === 0) return <p className="muted">{t('organisation.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="data" data-field={field}>
        <caption className="visually-hidden">{label(field)}</caption>
        <thead><tr>{columns.map((c) => <th key={c} scope="col">{pick(PORTAL.columnLabels[c], c)}</th>)}</tr></thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className={row.card === 'yellow' || row.card === 'red' ? `card-${String(row.card)}` : undefined}>
              {columns.map((c) => <td key={c} className={typeof row[c] === 'number' ? 'num' : undefined}><FieldValue field={c} value={row[c]} /></td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** My organisation: its tier and standing, and the sections the portal config names. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [loaded] = useLoad(async () => ({
    definition: await loadEntity(config.entity),
    record: (await records.list(PORTAL.app, config.entity, { limit: 1 })).items[0] ?? null,
  }), []);
  if (loaded.state !== 'ready') return <NotReady loaded={loaded} />;
  const { definition, record } = loaded.value;
  if (record === null) {
    return (
      <>
        <header className="page-header"><h1>{t('organisation.title')}</h1></header>
        <p className="card">{t('organisation.notYet')}</p>
      </>
    );
  }
  const sections = (definition.ui?.sections ?? []).filter((s) => config.sections.includes(s.id));
  const schemaProps = (definition.schema as { properties?: Record<string, { type?: string }> }).properties ?? {};
  const warnings = (record.data.warnings as Record<string, unknown>[] | undefined) ?? [];
  return (
    <>
      <header className="page-header">
        <h1>{String(record.data.name ?? t('organisation.title'))}</h1>
      </header>
      {warnings.length > 0 ? (
        <p className="notice error" role="note">{t('organisation.warnings', { count: warnings.length })}</p>
      ) : null}
      <section className="card" aria-labelledby="org-headline">
        <h2 id="org-headline">{t('organisation.standing')}</h2>
        <FieldList definition={definition} data={record.data} fields={config.headline} />
      </section>
      {sections.map((section) => (
        <section key={section.id} className="card" aria-labelledby={`org-${section.id}`}>
          <h2 id={`org-${section.id}`}>{pick(section.title)}</h2>
          <FieldList definition={definition} data={record.data} fields={section.fields.filter((f) => schemaProps[f]?.type !== 'array')} />
          {section.fields.filter((f) => schemaProps[f]?.type === 'array').map((f) => (
            <div key={f}>
              {section.fields.length > 1 ? <h3>{pick(definition.fields?.[f]?.label, f)}</h3> : null}
              <ListTable definition={definition} field={f} rows={(record.data[f] as Record<string, unknown>[] | undefined) ?? []} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
