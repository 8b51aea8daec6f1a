/** Test helpers that reach into a JSON document by dotted path (`flows.0.nodes.1.settings`). */
type Container = Record<string, unknown> | unknown[];

function parentOf(doc: unknown, path: string): { parent: Container; key: string } {
  const keys = path.split('.');
  const key = keys.pop() as string;
  let parent: unknown = doc;
  for (const k of keys) parent = (parent as Record<string, unknown>)[k];
  if (typeof parent !== 'object' || parent === null) throw new TypeError(`No container at ${path}`);
  return { parent: parent as Container, key };
}

export function getAt(doc: unknown, path: string): unknown {
  const { parent, key } = parentOf(doc, path);
  return (parent as Record<string, unknown>)[key];
}

export function setAt(doc: unknown, path: string, value: unknown): void {
  const { parent, key } = parentOf(doc, path);
  (parent as Record<string, unknown>)[key] = value;
}

export function deleteAt(doc: unknown, path: string): void {
  const { parent, key } = parentOf(doc, path);
  delete (parent as Record<string, unknown>)[key];
}

export function pushAt(doc: unknown, path: string, ...items: unknown[]): void {
  (getAt(doc, path) as unknown[]).push(...items);
}
