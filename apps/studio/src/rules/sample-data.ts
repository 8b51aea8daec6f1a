import type { Literal } from '@trellis/conditions';
import type { JsonValue } from '@trellis/rules';

export type SampleValues = Readonly<Record<string, Literal | readonly Literal[]>>;

/** The record the try-it panel evaluates: entered values placed at their dotted paths; blanks left out. */
export function sampleRecord(values: SampleValues): { [key: string]: JsonValue } {
  const record: { [key: string]: JsonValue } = {};
  for (const [path, value] of Object.entries(values)) {
    if (value === null) continue;
    const keys = path.split('.');
    const last = keys.pop() as string;
    let target = record;
    for (const key of keys) {
      const next = target[key];
      target = next !== null && typeof next === 'object' && !Array.isArray(next) ? next : (target[key] = {});
    }
    target[last] = Array.isArray(value) ? [...value] : value as Literal;
  }
  return record;
}
