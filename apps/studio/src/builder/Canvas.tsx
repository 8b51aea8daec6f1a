import { memo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import { FieldCard } from './FieldCard.js';
import type { FieldStore } from './field-store.js';
import type { GroupActions } from './GroupChildren.js';

interface Props {
  /** the field keys in form order; the same array while the order is the same */
  readonly order: readonly string[];
  readonly store: FieldStore;
  /** the selected field's path (`key`, or `group.child`) */
  readonly selected: string | null;
  readonly groupActions: GroupActions;
  readonly onSelect: (key: string) => void;
  readonly onMove: (from: number, to: number) => void;
  readonly onRemove: (key: string) => void;
}

export const CANVAS_ID = 'canvas';

/** The form's fields in order: drop palette items here, drag (or move with the keyboard) to reorder. */
export const Canvas = memo(function Canvas({ order, store, selected, groupActions, onSelect, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: CANVAS_ID });
  return (
    <section className={`panel canvas${isOver ? ' over' : ''}`} aria-labelledby="canvas-title" ref={setNodeRef}>
      <h2 id="canvas-title">{t('builder.canvas', { count: order.length })}</h2>
      {order.length === 0 && <p className="muted drop-hint">{t('builder.empty')}</p>}
      <SortableContext items={order as string[]} strategy={verticalListSortingStrategy}>
        <ol className="field-list">
          {order.map((key, i) => (
            <FieldCard
              key={key} id={key} store={store} index={i} count={order.length} selected={key === selected}
              selectedChild={selected?.startsWith(`${key}.`) === true ? selected : null} groupActions={groupActions}
              onSelect={onSelect} onMove={onMove} onRemove={onRemove}
            />
          ))}
        </ol>
      </SortableContext>
    </section>
  );
});
