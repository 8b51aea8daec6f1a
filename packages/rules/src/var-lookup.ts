const hasOwn = Object.prototype.hasOwnProperty;

/** Path segments that would lead out of the data into the object model. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenSegment(segment: string): boolean {
  return FORBIDDEN.has(segment);
}

/**
 * json-logic-js `var`, except that only own properties are read, so no path reaches a prototype
 * (`__proto__`, `constructor`, `toString`…): such a path is simply not found. Both evaluators use this.
 */
export function lookupVar(data: unknown, path: unknown, notFound: unknown): unknown {
  const fallback = notFound === undefined ? null : notFound;
  if (path === undefined || path === '' || path === null) return data;
  const segments = String(path).split('.');
  let current: unknown = data;
  for (const segment of segments) {
    if (current === null || current === undefined) return fallback;
    if (FORBIDDEN.has(segment) || !hasOwn.call(current, segment)) return fallback;
    current = (current as Record<string, unknown>)[segment];
    if (current === undefined) return fallback;
  }
  return current;
}
