import type { LocalizedText } from '@trellis/errors';

/** The kinds of field the builder knows how to compare; anything else stays in the formula editor. */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'enum' | 'array';

/** A literal a condition compares with. */
export type Primitive = string | number | boolean;

/** A literal, or null where the admin has not entered it yet. */
export type Literal = Primitive | null;

/** One field of the data a rule reads, as the builder offers it. */
export interface Field {
  /** the path `var` reads, dot-separated for nested objects */
  readonly path: string;
  readonly type: FieldType;
  readonly label: LocalizedText;
  /** the allowed values of an enum field, or of the items of an array field */
  readonly options?: readonly Primitive[];
  /** how to show `options`, by value, where the definition labels them */
  readonly optionLabels?: Readonly<Record<string, LocalizedText>>;
}

/**
 * What a condition's value holds, by its operator's value kind: nothing (null), one literal,
 * a [from, to] pair, or a list of literals.
 */
export type ConditionValue = Literal | readonly Literal[];

export interface Condition {
  readonly kind: 'condition';
  readonly field: string;
  readonly operator: OperatorId;
  readonly value: ConditionValue;
}

export interface Group {
  readonly kind: 'group';
  /** all: every child must hold (JSON Logic `and`); any: at least one (`or`) */
  readonly combinator: 'all' | 'any';
  /** present (and true) only when the group is negated */
  readonly negated?: true;
  readonly children: readonly ConditionTree[];
}

export type ConditionTree = Group | Condition;

export type OperatorId =
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'between'
  | 'in' | 'not_in'
  | 'contains' | 'not_contains' | 'empty' | 'not_empty'
  | 'before' | 'after' | 'within'
  | 'has' | 'not_has';

/** How many literals an operator compares with. */
export type ValueKind = 'none' | 'one' | 'range' | 'list';
