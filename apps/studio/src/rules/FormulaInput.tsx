import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Field } from '@trellis/conditions';
import { applyCompletion, completeAt, type Completion } from '../formula/complete.js';
import { useLocale } from '../i18n/i18n.js';

const MOVES: ReadonlySet<string> = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

interface Props {
  readonly text: string;
  readonly fields: readonly Field[];
  readonly onText: (text: string) => void;
  readonly invalid: boolean;
  readonly describedBy: string;
  readonly inputRef: RefObject<HTMLTextAreaElement | null>;
}

/** The formula's text box, suggesting fields (by label or path) and functions as the admin types. */
export function FormulaInput({ text, fields, onText, invalid, describedBy, inputRef: area }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const listId = useId();
  /** where the caret is while suggestions may show; null once they were closed */
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const pendingCaret = useRef<number | null>(null);
  const completions = useMemo(() => (caret === null ? null : completeAt(text, caret, fields)), [text, caret, fields]);
  const open = completions !== null;

  useLayoutEffect(() => {
    const el = area.current;
    if (pendingCaret.current !== null && el !== null) el.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const accept = (item: Completion) => {
    if (completions === null) return;
    const next = applyCompletion(text, completions, item);
    pendingCaret.current = next.caret;
    setCaret(null);
    onText(next.text);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter also picks a Chinese input method's candidate: that keystroke is not ours
    if (completions === null || e.nativeEvent.isComposing) return;
    const count = completions.items.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      accept(completions.items[Math.min(active, count - 1)] as Completion);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setCaret(null);
    } else if (MOVES.has(e.key)) {
      setCaret(null); // the word being completed is left behind
    }
  };

  return (
    <div className="formula-input">
      <textarea
        ref={area}
        rows={3}
        spellCheck={false}
        value={text}
        role="combobox"
        aria-label={t('formula.label')}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => {
          setCaret(e.target.selectionStart);
          setActive(0);
          onText(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setCaret(null)}
        onClick={() => setCaret(null)}
      />
      <ul id={listId} role="listbox" aria-label={t('formula.suggestions')} className="formula-suggestions" hidden={!open}>
        {completions?.items.map((item, i) => (
          <li
            key={`${item.kind}:${item.code}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            data-kind={item.kind}
            onMouseDown={(e) => {
              e.preventDefault(); // keeps the caret in the text box
              accept(item);
            }}
          >
            {item.kind === 'field'
              ? <><span className="suggestion-label">{pick(item.text)}</span> <code>{item.code}</code></>
              : <><code>{item.code}</code> <span className="muted">{pick(item.text)}</span></>}
            <span className="suggestion-kind">{t(item.kind === 'field' ? 'formula.field' : 'formula.function')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
