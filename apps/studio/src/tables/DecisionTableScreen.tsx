import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Literal } from '@trellis/conditions';
import type { Problem } from '@trellis/errors';
import { checkDecisionTable, type DecisionTable, type JsonValue } from '@trellis/rules';
import { problemsOf } from '../api/client.js';
import { LiteralInput } from '../common/LiteralInput.js';
import { ProblemList, isWarning } from '../common/ProblemList.js';
import { useLocale } from '../i18n/i18n.js';
import { AppDataGate } from '../app-data/AppDataGate.js';
import { CellEditor } from './CellEditor.js';
import { publishTable } from './publish-table.js';
import { addRow, moveUp, removeRow, setCell, setOutput, tryTable } from './table-edit.js';
import type { EditableTable } from './table-source.js';

type PublishStatus = { readonly kind: 'idle' } | { readonly kind: 'published'; readonly version: number } | { readonly kind: 'failed'; readonly problems: readonly Problem[] };

const literal = (v: JsonValue | undefined): Literal => (v === undefined || (v !== null && typeof v === 'object') ? null : v);

/** The rows a problem concerns: from its path (/rows/2/…) and, for overlaps and gaps, the rows it names. */
function rowsOf(details: Readonly<Record<string, unknown>> | undefined, path: string): number[] {
  const named = Array.isArray(details?.rows) ? (details.rows as number[]).map((n) => n - 1) : [];
  const at = /^\/rows\/(\d+)/.exec(path);
  return at === null ? named : [...named, Number(at[1])];
}

/**
 * The decision tables of the current app, its rules' and its programs' (the bundled sample before
 * an app is opened); an edited table is published into the definition it belongs to.
 */
export function DecisionTableScreen() {
  return <AppDataGate>{(data) => <DecisionTables key={data.appId} appId={data.appId} tables={data.tables} />}</AppDataGate>;
}

function DecisionTables({ appId, tables }: { appId: string | null; tables: readonly EditableTable[] }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [selected, setSelected] = useState(tables[0]);
  // edits by table key, so switching tables keeps what was changed
  const [edited, setEdited] = useState<Readonly<Record<string, DecisionTable>>>({});
  const [inputs, setInputs] = useState<Record<string, Literal>>({});
  const [status, setStatus] = useState<PublishStatus>({ kind: 'idle' });
  if (selected === undefined) return null;
  const table = edited[selected.key] ?? selected.table;
  const setTable = (next: DecisionTable) => {
    setEdited({ ...edited, [selected.key]: next });
    setStatus({ kind: 'idle' });
  };

  const problems = checkDecisionTable(table);
  const flagged = new Map<number, 'warning' | 'error'>();
  for (const p of problems) {
    for (const row of rowsOf(p.details, p.path)) if (flagged.get(row) !== 'error') flagged.set(row, isWarning(p) ? 'warning' : 'error');
  }
  const given = Object.fromEntries(table.inputs.map((input) => [input.id, inputs[input.id] ?? null]));
  const tried = (() => {
    if (problems.some((p) => !isWarning(p)) || table.inputs.some((i) => given[i.id] === null)) return null;
    try {
      return tryTable(table, given);
    } catch {
      return null; // values the cells cannot compare with (a text against a number): nothing to show
    }
  })();

  return (
    <div className="screen tables">
      <header className="screen-header">
        <h1>{t('tables.title')}</h1>
        <p className="muted">{t('tables.intro')}</p>
        <div className="toolbar">
          <label className="inline">
            <span>{t('tables.table')}</span>
            <select aria-label={t('tables.table')} value={selected.key} onChange={(e) => {
              setSelected(tables.find((x) => x.key === e.target.value) ?? selected);
              setInputs({});
              setStatus({ kind: 'idle' });
            }}>
              {tables.map((x) => <option key={x.key} value={x.key}>{pick(x.label)}</option>)}
            </select>
          </label>
          <label className="inline">
            <span>{t('tables.hitPolicy')}</span>
            <select aria-label={t('tables.hitPolicy')} value={table.hitPolicy} onChange={(e) => setTable({ ...table, hitPolicy: e.target.value === 'collect' ? 'collect' : 'first' })}>
              <option value="first">{t('tables.first')}</option>
              <option value="collect">{t('tables.collect')}</option>
            </select>
          </label>
          {appId !== null && (
            <button type="button" className="primary" disabled={problems.some((p) => !isWarning(p))} onClick={() => {
              publishTable(appId, selected.source, table).then(
                (version) => setStatus({ kind: 'published', version }),
                (error: unknown) => setStatus({ kind: 'failed', problems: problemsOf(error) }),
              );
            }}>{t('tables.publish')}</button>
          )}
        </div>
        <div role="status" className="save-status">
          {status.kind === 'published' && <p className="ok">{t('tables.published', { version: status.version })}</p>}
          {status.kind === 'failed' && <ProblemList problems={status.problems} showPaths />}
        </div>
      </header>
      <div className="table-wrap">
        <table className="decision-table">
          <thead>
            <tr>
              <th scope="col">{t('tables.row')}</th>
              {table.inputs.map((input) => <th key={input.id} scope="col" className="input-col">{pick(input.label)}</th>)}
              {table.outputs.map((output) => <th key={output.id} scope="col" className="output-col">{pick(output.label)}</th>)}
              <th scope="col">{t('tables.note')}</th>
              <th scope="col"><span className="visually-hidden">{t('tables.addRow')}</span></th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r} className={`${flagged.get(r) ?? ''}${tried?.matches.includes(r) === true ? ' matched' : ''}`} data-row={r + 1}>
                <th scope="row">{r + 1}</th>
                {table.inputs.map((input, c) => (
                  <td key={input.id}>
                    <CellEditor cell={row.when[c] ?? '-'} label={t('cell.op', { input: pick(input.label), row: r + 1 })}
                      onChange={(cell) => setTable(setCell(table, r, c, cell))} />
                  </td>
                ))}
                {table.outputs.map((output, c) => (
                  <td key={output.id} className="output-col">
                    <LiteralInput className="short" kind="auto" aria-label={t('cell.output', { output: pick(output.label), row: r + 1 })}
                      value={literal(row.then[c])} onValue={(v) => setTable(setOutput(table, r, c, v))} />
                  </td>
                ))}
                <td className="note">{row.note === undefined ? '' : pick(row.note)}</td>
                <td className="row-actions">
                  <button type="button" className="icon" aria-label={t('tables.moveUp', { n: r + 1 })} disabled={r === 0}
                    onClick={() => setTable(moveUp(table, r))}>↑</button>
                  <button type="button" className="icon" aria-label={t('tables.removeRow', { n: r + 1 })}
                    onClick={() => setTable(removeRow(table, r))}>×</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar"><button type="button" onClick={() => setTable(addRow(table))}><span aria-hidden="true">+ </span>{t('tables.addRow')}</button></div>
      <div className="columns">
        <section className="panel" aria-labelledby="checks-title">
          <h2 id="checks-title">{t('tables.warnings')}</h2>
          {problems.length === 0 ? <p className="muted ok">{t('tables.allGood')}</p> : <ProblemList problems={problems} />}
        </section>
        <section className="panel" aria-labelledby="try-table-title">
          <h2 id="try-table-title">{t('tables.tryTitle')}</h2>
          <div className="form-grid">
            {table.inputs.map((input) => (
              <label key={input.id}>
                <span>{pick(input.label)}</span>
                <LiteralInput aria-label={pick(input.label)} kind="auto" value={inputs[input.id] ?? null} onValue={(v) => setInputs({ ...inputs, [input.id]: v })} />
              </label>
            ))}
          </div>
          {tried !== null && (
            <p className="result">
              {t('tables.outputs')}: <output aria-label={t('tables.outputs')}>{JSON.stringify(tried.result)}</output>
              {' '}{tried.matches.length === 0 ? t('tables.noMatch') : tried.matches.map((m) => t('tables.rowN', { n: m + 1 })).join(', ')}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
