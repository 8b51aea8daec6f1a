import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n.js';
import { kindLabel } from './edit.js';
import { FieldSummary } from './FieldSummary.js';
import { FIELD_KINDS, mayBeChild, type BuilderField, type FieldKind } from './model.js';

/** What a group's card asks of the builder: its children are edited through these. */
export interface GroupActions {
  readonly addChild: (group: string, kind: FieldKind) => void;
  readonly moveChild: (group: string, from: number, to: number) => void;
}

interface Props {
  readonly group: BuilderField;
  /** the selected child's path (`group.child`), if one of this group's children is selected */
  readonly selected: string | null;
  readonly actions: GroupActions;
  readonly onSelect: (path: string) => void;
  readonly onRemove: (path: string) => void;
}

const CHILD_KINDS = FIELD_KINDS.filter(mayBeChild);

/** A group's fields inside its card: select one to edit it, move it, remove it, or add a new one. */
export function GroupChildren({ group, selected, actions, onSelect, onRemove }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [kind, setKind] = useState<FieldKind>('file');
  const children = group.children ?? [];
  const groupName = pick(group.label);
  return (
    <div className="group-children">
      <ol className="field-list" aria-label={t('builder.group.fields', { name: groupName })}>
        {children.map((child, i) => {
          const path = `${group.key}.${child.key}`;
          const name = pick(child.label);
          return (
            <li key={child.key} className={`group-child${path === selected ? ' selected' : ''}`} data-key={path}>
              <FieldSummary field={child} path={path} selected={path === selected} onSelect={onSelect} />
              <span className="card-actions">
                <button type="button" className="icon" disabled={i === 0} aria-label={t('builder.moveUp', { name })} onClick={() => actions.moveChild(group.key, i, i - 1)}>↑</button>
                <button type="button" className="icon" disabled={i === children.length - 1} aria-label={t('builder.moveDown', { name })} onClick={() => actions.moveChild(group.key, i, i + 1)}>↓</button>
                <button type="button" className="icon" disabled={children.length === 1} aria-label={t('builder.remove', { name })} onClick={() => onRemove(path)}>×</button>
              </span>
            </li>
          );
        })}
      </ol>
      <div className="add-child">
        <select aria-label={t('builder.group.childKind', { name: groupName })} value={kind} onChange={(e) => setKind(e.target.value as FieldKind)}>
          {CHILD_KINDS.map((k) => <option key={k} value={k}>{pick(kindLabel(k))}</option>)}
        </select>
        <button type="button" onClick={() => actions.addChild(group.key, kind)}>+ {t('builder.group.addChild', { name: groupName })}</button>
      </div>
    </div>
  );
}
