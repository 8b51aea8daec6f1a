import { useTranslation } from 'react-i18next';
import { appendAt, newCondition, newGroup, type ConditionTree, type Field, type Group } from '@trellis/conditions';
import type { Problem } from '@trellis/errors';
import { ConditionRow } from './ConditionRow.js';

interface Props {
  readonly group: Group;
  readonly path: string;
  readonly fields: readonly Field[];
  readonly problems: readonly Problem[];
  /** replaces the node at a tree path; null removes it */
  readonly onEdit: (path: string, next: ConditionTree | null) => void;
}

/** A group of conditions and nested groups, joined by all/any, optionally negated. */
export function ConditionGroup({ group, path, fields, problems, onEdit }: Props) {
  const { t } = useTranslation();
  const isRoot = path === '';
  const onChange = (next: ConditionTree | null) => onEdit(path, next);
  const add = (child: ConditionTree) => onEdit(path, appendAt(group, '', child));
  const first = fields[0];
  const name = isRoot ? '' : ` ${path.split('/children/').slice(1).map((n) => Number(n) + 1).join('.')}`;
  return (
    <section className={`group ${group.combinator}${group.negated === true ? ' negated' : ''}`} data-path={path} aria-label={`${t('group.combinator')}${name}`}>
      <header className="group-header">
        <select
          aria-label={`${t('group.combinator')}${name}`}
          value={group.combinator}
          onChange={(e) => onChange({ ...group, combinator: e.target.value === 'any' ? 'any' : 'all' })}
        >
          <option value="all">{t('group.all')}</option>
          <option value="any">{t('group.any')}</option>
        </select>
        <label className="negate" title={t('group.negateHelp')}>
          <input
            type="checkbox"
            checked={group.negated === true}
            onChange={(e) => {
              const { negated: _, ...rest } = group;
              onChange(e.target.checked ? { ...rest, negated: true } : rest);
            }}
          />
          {t('group.negate')}
        </label>
        <span className="spacer" />
        {first !== undefined && (
          <button type="button" onClick={() => add(newCondition(first))}>
            <span aria-hidden="true">+ </span>{t('group.addCondition')}
          </button>
        )}
        <button type="button" onClick={() => add(newGroup('any'))}>
          <span aria-hidden="true">+ </span>{t('group.addGroup')}
        </button>
        {!isRoot && <button type="button" className="icon" aria-label={`${t('group.remove')}${name}`} onClick={() => onChange(null)}>×</button>}
      </header>
      {group.children.length === 0 ? <p className="muted">{t('group.empty')}</p> : (
        <ul className="children">
          {group.children.map((child, i) => {
            const childPath = `${path}/children/${i}`;
            return child.kind === 'group'
              ? <li key={i}><ConditionGroup group={child} path={childPath} fields={fields} problems={problems} onEdit={onEdit} /></li>
              : <ConditionRow key={i} condition={child} path={childPath} fields={fields} problems={problems} onChange={(next) => onEdit(childPath, next)} />;
          })}
        </ul>
      )}
    </section>
  );
}
