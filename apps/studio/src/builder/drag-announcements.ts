import { useMemo, type RefObject } from 'react';
import type { Announcements, DragEndEvent, DragOverEvent, DragStartEvent, ScreenReaderInstructions } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n.js';
import { kindLabel } from './edit.js';
import type { BuilderForm, FieldKind } from './model.js';

/** What a screen reader hears while a field is dragged, in the admin's language. */
export function useDragAnnouncements(current: RefObject<BuilderForm>): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const { t } = useTranslation();
  const { pick } = useLocale();
  // the form is read when announcing: a new object per edit would re-render every draggable
  return useMemo(() => {
    const nameOf = (id: string | number, data?: unknown): string => {
      const kind = (data as { kind?: FieldKind } | undefined)?.kind;
      if (kind !== undefined) return pick(kindLabel(kind));
      const field = current.current.fields.find((f) => f.key === String(id));
      return field === undefined ? String(id) : pick(field.label);
    };
    const at = (id: string | number | undefined) => {
      const keys = current.current.fields.map((f) => f.key);
      return { position: id === undefined ? 0 : keys.indexOf(String(id)) + 1, count: keys.length };
    };
    return {
      screenReaderInstructions: { draggable: t('builder.dnd.instructions') },
      announcements: {
        onDragStart: ({ active }: DragStartEvent) => t('builder.dnd.pickedUp', { name: nameOf(active.id, active.data.current) }),
        onDragOver: ({ active, over }: DragOverEvent) => (over === null ? undefined : t('builder.dnd.over', { name: nameOf(active.id, active.data.current), ...at(over.id) })),
        onDragEnd: ({ active, over }: DragEndEvent) => (over === null ? undefined : t('builder.dnd.dropped', { name: nameOf(active.id, active.data.current), ...at(over.id) })),
        onDragCancel: ({ active }) => t('builder.dnd.cancelled', { name: nameOf(active.id, active.data.current) }),
      },
    };
  }, [pick, t]);
}
