/**
 * The exact text of a rule: like JSON, but -0, NaN, ±Infinity and undefined are spelled out, so two
 * rules have the same key only if they are the same rule (JSON.stringify prints -0 as 0, and `{"/":
 * [1, -0]}` is not `{"/": [1, 0]}`). Null for what has no such text: functions, class instances,
 * cycles. Used as the cache key and to recognise repeated sub-expressions; `memo` shares the keys of
 * sub-rules between calls.
 */
export function ruleKey(rule: unknown, memo?: Map<object, string | null>): string | null {
  try {
    return keyOf(rule, memo);
  } catch (error) {
    if (error === NO_KEY || error instanceof RangeError) return null; // RangeError: a cycle, or too deep
    throw error;
  }
}

const NO_KEY = Symbol('no key');

function keyOf(value: unknown, memo: Map<object, string | null> | undefined): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'object': {
      if (value === null) return 'null';
      const known = memo?.get(value);
      if (known === null) throw NO_KEY;
      if (known !== undefined) return known;
      let key: string;
      try {
        key = compositeKey(value, memo);
      } catch (error) {
        if (error === NO_KEY) memo?.set(value, null);
        throw error;
      }
      memo?.set(value, key);
      return key;
    }
    default:
      throw NO_KEY;
  }
}

function compositeKey(value: object, memo: Map<object, string | null> | undefined): string {
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + keyOf(value[i], memo);
    return `${text}]`;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) throw NO_KEY;
  let text = '{';
  for (const [k, v] of Object.entries(value)) text += (text === '{' ? '' : ',') + JSON.stringify(k) + ':' + keyOf(v, memo);
  return `${text}}`;
}
