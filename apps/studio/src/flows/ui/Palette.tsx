import { memo } from 'react';
import type { FlowNodeType } from '@trellis/definitions';
import { NODE_KINDS } from '@trellis/flow';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/i18n.js';

/** The drag-and-drop payload type of a palette item: the node kind. */
export const PALETTE_MIME = 'application/x-trellis-node-kind';

const KINDS = Object.values(NODE_KINDS);

/** The steps a flow can have, generated from the node kinds' own descriptions. */
export const Palette = memo(function Palette({ onAdd }: { onAdd: (type: FlowNodeType) => void }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  return (
    <nav className="palette panel" aria-labelledby="palette-title">
      <h2 id="palette-title">{t('flows.palette')}</h2>
      <p className="muted">{t('flows.paletteHint')}</p>
      <ul>
        {KINDS.map((kind) => (
          <li key={kind.type}>
            <button
              type="button"
              className={`palette-item ${kind.category}`}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_MIME, kind.type);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => onAdd(kind.type)}
              aria-label={t('flows.add', { kind: pick(kind.label) })}
              data-kind={kind.type}
            >
              <strong>{pick(kind.label)}</strong>
              <span className="muted">{pick(kind.description)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});
