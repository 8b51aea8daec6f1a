import { useEffect, useState, type InputHTMLAttributes } from 'react';
import type { Literal } from '@trellis/conditions';
import { formatLiteral, parseLiteral } from './literal-text.js';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  readonly value: Literal | undefined;
  readonly kind: 'number' | 'string' | 'date' | 'auto';
  readonly onValue: (value: Literal) => void;
}

/**
 * A text box for one literal. It keeps what is typed ("0." on the way to "0.8") and only takes
 * the value from outside when that value changes to something the text does not already say.
 */
export function LiteralInput({ value, kind, onValue, ...rest }: Props) {
  const parseAs = kind === 'date' ? 'string' : kind;
  const [text, setText] = useState(formatLiteral(value));
  useEffect(() => {
    if (parseLiteral(text, parseAs) !== (value ?? null)) setText(formatLiteral(value));
    // deliberately keyed on the value alone: typing changes the text, and must not resync it
  }, [value]);
  return (
    <input
      {...rest}
      type={kind === 'date' ? 'date' : 'text'}
      inputMode={kind === 'number' ? 'decimal' : undefined}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onValue(parseLiteral(e.target.value, parseAs));
      }}
    />
  );
}
