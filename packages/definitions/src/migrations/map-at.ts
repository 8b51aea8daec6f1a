/**
 * Replaces, in place, every value at `location`: dot-separated property names where `*` stands
 * for every item of an array or every entry of an object (`entities.*.fields.*.label`).
 * Places that do not exist are left alone.
 */
export function mapAt(node: unknown, location: string, replace: (value: unknown) => unknown): void {
  const [head, ...rest] = location.split('.');
  if (head === undefined || typeof node !== 'object' || node === null) return;
  const container = node as Record<string, unknown>;
  const keys = head === '*' ? Object.keys(container) : Object.hasOwn(container, head) ? [head] : [];
  for (const key of keys) {
    if (rest.length === 0) container[key] = replace(container[key]);
    else mapAt(container[key], rest.join('.'), replace);
  }
}
