import { configure } from 'safe-stable-stringify';

/**
 * Sorted keys (code-unit order, so no locale can change it) and strict JSON: a value JSON cannot
 * represent (NaN, a function, a cycle, a bigint) throws instead of being written approximately.
 */
const stringify = configure({ deterministic: true, strict: true });

/** The collections of an app template whose order carries no meaning: sorted by id on export. */
export const SORTED_COLLECTIONS = ['entities', 'rules', 'flows', 'programs', 'permissions', 'roles'] as const;

/** Deterministic JSON text of any JSON value (keys sorted; array order kept). */
export function canonicalJson(value: unknown, indent = 0): string {
  const text = stringify(value, null, indent);
  if (text === undefined) throw new TypeError('The value has no JSON representation');
  return text;
}

function idOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Definitions sorted by id so two exports of the same app are byte-identical whatever order they
 * were stored or edited in. The sort is stable and total: items without a string id (only in
 * documents that are not valid templates) keep their relative order after the others.
 */
function sortById(items: readonly unknown[]): unknown[] {
  return items
    .map((item, index) => ({ item, index, id: idOf(item) }))
    .sort((a, b) => {
      if (a.id === undefined || b.id === undefined) {
        return a.id === b.id ? a.index - b.index : a.id === undefined ? 1 : -1;
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index;
    })
    .map(({ item }) => item);
}

/** The template with its definition collections sorted by id; other arrays keep their order (rows, nodes…). */
export function withSortedCollections(template: unknown): unknown {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) return template;
  const sorted: Record<string, unknown> = { ...(template as Record<string, unknown>) };
  for (const key of SORTED_COLLECTIONS) {
    const items = sorted[key];
    if (Array.isArray(items)) sorted[key] = sortById(items);
  }
  return sorted;
}

/**
 * The canonical text of an app template: keys sorted, definitions sorted by id, 2-space indent,
 * one trailing newline. It is what export writes and what the content hash is computed over, so it
 * diffs cleanly in git. Accepts any JSON (also invalid templates) so a hash can be checked before
 * the template itself is valid.
 */
export function canonicalTemplateText(template: unknown): string {
  return `${canonicalJson(withSortedCollections(template), 2)}\n`;
}
