import { memo, type RefObject } from 'react';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { Canvas, CANVAS_ID } from './Canvas.js';
import { useDragAnnouncements } from './drag-announcements.js';
import type { FieldStore } from './field-store.js';
import type { GroupActions } from './GroupChildren.js';
import type { BuilderForm, FieldKind } from './model.js';
import { Palette } from './Palette.js';

interface Props {
  readonly form: RefObject<BuilderForm>;
  readonly order: readonly string[];
  readonly store: FieldStore;
  readonly selected: string | null;
  readonly groupActions: GroupActions;
  readonly onAdd: (kind: FieldKind, index?: number) => void;
  readonly onSelect: (key: string) => void;
  readonly onMove: (from: number, to: number) => void;
  readonly onRemove: (key: string) => void;
}

/**
 * The palette and the canvas under one drag-and-drop context. Its props change only with the order
 * of the fields or the selection, so typing in the property panel never re-renders it.
 */
export const Board = memo(function Board({ form, order, store, selected, groupActions, onAdd, onSelect, onMove, onRemove }: Props) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const accessibility = useDragAnnouncements(form);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over === null) return;
    const to = over.id === CANVAS_ID ? order.length : order.indexOf(String(over.id));
    const kind = (active.data.current as { kind?: FieldKind } | undefined)?.kind;
    if (kind !== undefined) onAdd(kind, to);
    else onMove(order.indexOf(String(active.id)), to);
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={accessibility}>
      <Palette onAdd={onAdd} />
      <Canvas order={order} store={store} selected={selected} groupActions={groupActions} onSelect={onSelect} onMove={onMove} onRemove={onRemove} />
    </DndContext>
  );
});
