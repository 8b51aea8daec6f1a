import { memo } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n.js';
import { kindLabel } from './edit.js';
import { FIELD_KINDS, type FieldKind } from './model.js';

function PaletteItem({ kind, onAdd }: { kind: FieldKind; onAdd: (kind: FieldKind) => void }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `palette:${kind}`, data: { kind } });
  // pointer dragging only: on the keyboard, Enter and Space press the button (adding at the end)
  const { onKeyDown: _keyboardDrag, ...pointer } = listeners ?? {};
  return (
    <li>
      <button
        type="button"
        ref={setNodeRef}
        className={`palette-item${isDragging ? ' dragging' : ''}`}
        data-kind={kind}
        {...attributes}
        {...pointer}
        // a click adds at the end (the keyboard's way); dragging drops it where it is let go
        onClick={() => onAdd(kind)}
        aria-label={t('builder.addKind', { kind: pick(kindLabel(kind)) })}
      >
        {pick(kindLabel(kind))}
      </button>
    </li>
  );
}

/** The field types: click (or Enter) to add one at the end, or drag one into the form. */
export const Palette = memo(function Palette({ onAdd }: { onAdd: (kind: FieldKind) => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel palette" aria-labelledby="palette-title">
      <h2 id="palette-title">{t('builder.palette')}</h2>
      <ul>{FIELD_KINDS.map((kind) => <PaletteItem key={kind} kind={kind} onAdd={onAdd} />)}</ul>
    </section>
  );
});
