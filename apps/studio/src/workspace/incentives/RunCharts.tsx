import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import type { DefinitionVersion } from '../../api/types.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import { cellText, columnsOf, type Column } from '../records/entity-columns.js';
import { layoutOf } from '../records/entity-layout.js';
import { groupTotals } from './group-totals.js';
import type { Run, RunResult } from './types.js';

const PAGE = 500;
const CHART = { width: 460, height: 220 } as const;

/** Every subject record's key and grouping value, page by page. */
async function groupValues(appId: string, entity: string, key: string, field: string): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ columns: `${key},${field}`, limit: String(PAGE) });
    if (cursor !== null) params.set('cursor', cursor);
    const page: { items: { data: Record<string, unknown> }[]; nextCursor: string | null } = await api('GET', `/apps/${appId}/records/${entity}?${params.toString()}`);
    for (const r of page.items) values.set(cellText(r.data[key]), cellText(r.data[field]));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return values;
}

/** A run's totals and subject counts grouped by a field of its subjects, chosen by the admin. */
export function RunCharts({ appId, run, results }: { appId: string; run: Run; results: readonly RunResult[] }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const program = run.programs[0];
  const [columns, setColumns] = useState<readonly Column[]>([]);
  const [field, setField] = useState('');
  const [groups, setGroups] = useState<ReadonlyMap<string, string>>(new Map());
  const [problems, setProblems] = useState<readonly Problem[]>([]);

  useEffect(() => {
    if (program === undefined) return;
    api<DefinitionVersion>('GET', `/apps/${appId}/definitions/entity/${program.subjectEntity}`).then((d) => {
      const body = d.body as { schema: Record<string, never>; fields?: Record<string, never> };
      setColumns(columnsOf({ schema: body.schema, labels: body.fields ?? {} }, layoutOf(d.body)).filter((c) => c.key !== program.subjectKey));
    }, (error: unknown) => setProblems(problemsOf(error)));
  }, [appId, program]);
  useEffect(() => {
    if (program === undefined || field === '') return;
    groupValues(appId, program.subjectEntity, program.subjectKey, field).then(setGroups, (error: unknown) => setProblems(problemsOf(error)));
  }, [appId, program, field]);

  const totals = useMemo(() => (field === '' ? [] : groupTotals(results, groups, t('admin.incentives.noGroup'))), [field, results, groups, t]);
  if (program === undefined) return null;
  const label = columns.find((c) => c.key === field);
  return (
    <section className="panel" aria-labelledby="run-charts">
      <h2 id="run-charts">{t('admin.incentives.charts')}</h2>
      <label className="inline">
        <span>{t('admin.incentives.groupBy')}</span>
        <select aria-label={t('admin.incentives.groupBy')} value={field} onChange={(e) => setField(e.target.value)}>
          <option value="">—</option>
          {columns.map((c) => <option key={c.key} value={c.key}>{pick(c.label)}</option>)}
        </select>
      </label>
      <div role="alert"><ProblemList problems={problems} /></div>
      {label !== undefined && totals.length > 0 && (
        <div className="charts" data-testid="run-charts">
          <figure>
            <figcaption>{t('admin.incentives.totalBy', { field: pick(label.label) })}</figcaption>
            <BarChart {...CHART} data={totals}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="group" interval={0} />
              <YAxis />
              <Tooltip />
              <Bar dataKey="total" name={t('admin.incentives.amount')} fill="#0969da" isAnimationActive={false} />
            </BarChart>
          </figure>
          <figure>
            <figcaption>{t('admin.incentives.countBy', { field: pick(label.label) })}</figcaption>
            <BarChart {...CHART} data={totals}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="group" interval={0} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" name={t('admin.incentives.subjects')} fill="#8250df" isAnimationActive={false} />
            </BarChart>
          </figure>
        </div>
      )}
    </section>
  );
}
