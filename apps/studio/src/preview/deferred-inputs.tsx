/**
 * Text boxes for the preview that keep what is typed to themselves and hand it to rjsf once the
 * typing pauses (or the box is left). rjsf recomputes the whole form's state on every change, which
 * on a 150-field form costs more than a frame per keystroke; this way a keystroke repaints one box.
 */
import { useEffect, useRef, useState } from 'react';
import { getDefaultRegistry } from '@rjsf/core';
import type { BaseInputTemplateProps, Widget, WidgetProps } from '@rjsf/utils';

const DEFAULTS = getDefaultRegistry();
const BaseInput = DEFAULTS.templates.BaseInputTemplate;
// the registry types its widgets loosely; the textarea widget is always there
const Textarea = DEFAULTS.widgets.TextareaWidget as Widget;

/** How long typing must pause before the form sees the value. */
export const COMMIT_DELAY_MS = 250;

type Props = Pick<WidgetProps, 'value' | 'onChange' | 'onBlur'>;

function useDeferredCommit<P extends Props>(props: P): P {
  const [local, setLocal] = useState<unknown>(props.value);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; value: unknown } | null>(null);
  const { onChange } = props;
  // a value set from outside (sample data, a computed field) shows when nothing typed is pending
  useEffect(() => {
    if (pending.current === null) setLocal(props.value);
  }, [props.value]);
  useEffect(() => () => {
    if (pending.current !== null) clearTimeout(pending.current.timer);
  }, []);
  const commit = () => {
    if (pending.current === null) return;
    clearTimeout(pending.current.timer);
    const { value } = pending.current;
    pending.current = null;
    onChange(value);
  };
  return {
    ...props,
    value: local,
    onChange: (value: unknown) => {
      setLocal(value);
      if (pending.current !== null) clearTimeout(pending.current.timer);
      pending.current = { value, timer: setTimeout(commit, COMMIT_DELAY_MS) };
    },
    onBlur: (id: string, value: unknown) => {
      commit();
      props.onBlur(id, value);
    },
  };
}

export function DeferredBaseInput(props: BaseInputTemplateProps) {
  return <BaseInput {...useDeferredCommit(props)} />;
}

export function DeferredTextarea(props: WidgetProps) {
  return <Textarea {...useDeferredCommit(props)} />;
}
