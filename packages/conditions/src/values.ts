import { OPERATORS } from './operators.js';
import type { ConditionValue, Field, Literal, OperatorId } from './types.js';

export type LiteralType = 'number' | 'string' | 'boolean';

/** The type of the literals a field is compared with; null when any literal will do (lists of unknown items). */
export function literalType(field: Field): LiteralType | null {
  switch (field.type) {
    case 'number':
    case 'integer': return 'number';
    case 'string':
    case 'date': return 'string';
    case 'boolean': return 'boolean';
    case 'enum':
    case 'array': {
      const first = field.options?.[0];
      return first === undefined ? (field.type === 'enum' ? 'string' : null) : typeof first as LiteralType;
    }
  }
}

/** The literals of a value, whatever its kind. */
export function literalsOf(value: ConditionValue): readonly Literal[] {
  return Array.isArray(value) ? value : [value as Literal];
}

/** Whether a value has the shape the operator needs and literals of the field's type (null = not entered yet). */
export function valueFits(field: Field, operator: OperatorId, value: ConditionValue): boolean {
  const kind = OPERATORS[operator].valueKind;
  const shapeOk = kind === 'none' ? value === null
    : kind === 'one' ? !Array.isArray(value)
      : kind === 'range' ? Array.isArray(value) && value.length === 2
        : Array.isArray(value);
  const type = literalType(field);
  return shapeOk && literalsOf(value).every((v) => v === null || type === null || typeof v === type);
}

/** The value a condition starts with when its operator is picked: nothing entered yet, of the right kind. */
export function emptyValue(operator: OperatorId): ConditionValue {
  switch (OPERATORS[operator].valueKind) {
    case 'none':
    case 'one': return null;
    case 'range': return [null, null];
    case 'list': return [];
  }
}
