import { useTranslation } from 'react-i18next';
import type { Literal } from '@trellis/conditions';
import type { DecisionTableCell } from '@trellis/rules';
import { LiteralInput } from '../common/LiteralInput.js';
import { formatLiteral, parseList } from '../common/literal-text.js';
import { CELL_OPS, cellOp, changeOp, withBound, type CellOp } from './table-edit.js';

const SYMBOLS: Readonly<Record<string, string>> = { '==': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

interface Props {
  readonly cell: DecisionTableCell;
  /** names the cell for screen readers: "Attainment, row 3" */
  readonly label: string;
  readonly onChange: (cell: DecisionTableCell) => void;
}

const literal = (v: unknown): Literal => (v === null || ['string', 'number', 'boolean'].includes(typeof v) ? v as Literal : null);

/** One condition cell: any value, a comparison, a range with inclusive/exclusive bounds, or a set. */
export function CellEditor({ cell, label, onChange }: Props) {
  const { t } = useTranslation();
  const opName = (op: CellOp) => (op === '-' ? t('cell.any') : SYMBOLS[op] ?? t(`cell.${op as 'between' | 'in' | 'not_in'}`));
  return (
    <div className="cell">
      <select aria-label={label} value={cellOp(cell)} onChange={(e) => onChange(changeOp(cell, e.target.value as CellOp))}>
        {CELL_OPS.map((op) => <option key={op} value={op}>{opName(op)}</option>)}
      </select>
      {cell !== '-' && <CellValue cell={cell} label={label} onChange={onChange} />}
    </div>
  );
}

/** The value part of a cell that is not "-". */
function CellValue({ cell, label, onChange }: Omit<Props, 'cell'> & { cell: Exclude<DecisionTableCell, '-'> }) {
  const { t } = useTranslation();
  if (cell.op === 'between') {
    return (
      <span className="range">
        <BoundToggle label={`${label}: ${t('cell.minInclusive')}`} pressed={cell.minInclusive} shown={cell.minInclusive ? '[' : '('}
          onToggle={() => onChange({ ...cell, minInclusive: !cell.minInclusive })} />
        <LiteralInput className="short" aria-label={`${label}: ${t('cell.min')}`} placeholder={t('cell.min')} kind="auto"
          value={literal(cell.min)} onValue={(v) => onChange(withBound(cell, 'min', v))} />
        <span aria-hidden="true">–</span>
        <LiteralInput className="short" aria-label={`${label}: ${t('cell.max')}`} placeholder={t('cell.max')} kind="auto"
          value={literal(cell.max)} onValue={(v) => onChange(withBound(cell, 'max', v))} />
        <BoundToggle label={`${label}: ${t('cell.maxInclusive')}`} pressed={cell.maxInclusive} shown={cell.maxInclusive ? ']' : ')'}
          onToggle={() => onChange({ ...cell, maxInclusive: !cell.maxInclusive })} />
      </span>
    );
  }
  if ('values' in cell) {
    return (
      <input type="text" aria-label={`${label}: ${t('cell.values')}`} placeholder={t('cell.values')}
        defaultValue={cell.values.map((v) => formatLiteral(literal(v))).join(', ')}
        onChange={(e) => onChange({ ...cell, values: parseList(e.target.value) })} />
    );
  }
  return (
    <LiteralInput className="short" aria-label={`${label}: ${t('cell.value')}`} kind="auto" value={literal(cell.value)}
      onValue={(v) => onChange({ ...cell, value: v })} />
  );
}

/** Whether a range includes its bound, shown as in interval notation: [ ] include, ( ) exclude. */
function BoundToggle({ label, pressed, shown, onToggle }: { label: string; pressed: boolean; shown: string; onToggle: () => void }) {
  return <button type="button" className="bound" aria-label={label} title={label} aria-pressed={pressed} onClick={onToggle}>{shown}</button>;
}
