/**
 * What the compiler knows about a value's type at compile time, as a set of bits. It only ever
 * removes checks that cannot fail (a comparison is a boolean, so it needs no truthiness helper).
 */
export const K_UNDEF = 1;
export const K_NULL = 2;
export const K_BOOL = 4;
export const K_NUM = 8;
export const K_STR = 16;
export const K_ARR = 32;
export const K_OBJ = 64;
/** values JSON cannot hold (functions, class instances…), possible only in caller-built data */
export const K_OTHER = 128;
export const K_ANY = 255;
/** anything `var` can return: whatever the data holds, never undefined */
export const K_FOUND = K_ANY & ~K_UNDEF;
export const K_PRIMITIVE = K_UNDEF | K_NULL | K_BOOL | K_NUM | K_STR;

export type Kind = number;

export type Primitive = null | undefined | boolean | number | string;

/** A compiled value: `code` is an atom (a literal or a variable), so it may be repeated freely. */
export interface Val {
  readonly code: string;
  readonly kind: Kind;
  /** present when the value is a literal, known while compiling */
  readonly literal?: { readonly value: Primitive };
}

export function literal(value: Primitive): Val {
  return { code: literalCode(value), kind: kindOf(value), literal: { value } };
}

export function only(kind: Kind, allowed: Kind): boolean {
  return (kind & ~allowed) === 0;
}

export function kindOf(value: unknown): Kind {
  if (value === undefined) return K_UNDEF;
  if (value === null) return K_NULL;
  switch (typeof value) {
    case 'boolean': return K_BOOL;
    case 'number': return K_NUM;
    case 'string': return K_STR;
    case 'object': return Array.isArray(value) ? K_ARR : K_OBJ;
    default: return K_OTHER;
  }
}

/** JSON Logic truthiness as a JS condition (an atom or in parentheses): JS's own, except that [] is false. */
export function truthyCode(v: Val): string {
  if ((v.kind & K_ARR) === 0) return v.code;
  if (only(v.kind, K_ARR)) return `(${v.code}.length !== 0)`;
  return `(${v.code} ? !Array.isArray(${v.code}) || ${v.code}.length !== 0 : false)`;
}

/** Same, always a boolean value. */
export function booleanCode(v: Val): string {
  if (only(v.kind, K_BOOL)) return v.code;
  return (v.kind & K_ARR) === 0 ? `!!${v.code}` : truthyCode(v);
}

/**
 * json-logic-js's `parseFloat(x)` for `+` and `*`. For a number that is the number itself except
 * that -0 becomes 0 (parseFloat goes through the text "0"); `x + 0` does exactly that.
 */
export function parseFloatCode(v: Val, keepNegativeZero: boolean): string {
  const num = keepNegativeZero ? v.code : `${v.code} + 0`;
  if (only(v.kind, K_NUM)) return keepNegativeZero ? v.code : `(${num})`;
  return `(typeof ${v.code} === "number" ? ${num} : parseFloat(${v.code}))`;
}

/** Source text for a primitive; user text reaches generated code only through here (JSON-escaped). */
export function literalCode(value: Primitive): string {
  if (value === undefined) return 'void 0';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (Object.is(value, -0)) return '(-0)';
    if (value === Infinity) return 'Infinity';
    if (value === -Infinity) return '(-Infinity)';
    return value < 0 ? `(${String(value)})` : String(value);
  }
  // JSON escapes quotes, backslashes, control characters and lone surrogates; the two line
  // separators are legal in JSON strings but are line ends to older JS parsers, so escape them too.
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function isPrimitive(value: unknown): value is Primitive {
  return value === null || value === undefined || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string';
}
