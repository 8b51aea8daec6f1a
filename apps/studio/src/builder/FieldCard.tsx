import { memo } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n.js';
import { useStoredField, type FieldStore } from './field-store.js';
import { FieldSummary } from './FieldSummary.js';
import { GroupChildren, type GroupActions } from './GroupChildren.js';

interface Props {
  readonly id: string;
  readonly store: FieldStore;
  readonly index: number;
  readonly count: number;
  readonly selected: boolean;
  /** the selected field's path when it is one of this group's children */
  readonly selectedChild: string | null;
  readonly groupActions: GroupActions;
  readonly onSelect: (path: string) => void;
  readonly onMove: (from: number, to: number) => void;
  readonly onRemove: (path: string) => void;
}

/**
 * One field on the canvas. It reads its field from the store and is memoised with stable
 * callbacks: editing one field re-renders its card only, which keeps a 150-field form responsive.
 */
export const FieldCard = memo(function FieldCard({ id, store, index, count, selected, selectedChild, groupActions, onSelect, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const field = useStoredField(store, id);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  if (field === undefined) return null;
  const name = pick(field.label);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`field-card${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}${field.kind === 'heading' ? ' heading' : ''}`}
      data-key={field.key}
    >
      <button type="button" className="handle" aria-label={t('builder.dragHandle', { name })} {...attributes} {...listeners}>⠿</button>
      <FieldSummary field={field} path={field.key} selected={selected} onSelect={onSelect} />
      <span className="card-actions">
        <button type="button" className="icon" disabled={index === 0} aria-label={t('builder.moveUp', { name })} onClick={() => onMove(index, index - 1)}>↑</button>
        <button type="button" className="icon" disabled={index === count - 1} aria-label={t('builder.moveDown', { name })} onClick={() => onMove(index, index + 1)}>↓</button>
        <button type="button" className="icon" aria-label={t('builder.remove', { name })} onClick={() => onRemove(field.key)}>×</button>
      </span>
      {field.kind === 'group' && <GroupChildren group={field} selected={selectedChild} actions={groupActions} onSelect={onSelect} onRemove={onRemove} />}
    </li>
  );
});
