import type { JsonValue } from '@trellis/rules';

/** `{"$rule": <Rule>}`: a place in a compute template whose value a rule gives. */
export function ruleIn(value: JsonValue | undefined): JsonValue | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$rule' ? value.$rule : undefined;
}

/** Every `$rule` in a template, with its path below the template. */
export function templateRules(template: JsonValue | undefined, path: string): { path: string; rule: JsonValue }[] {
  const rule = ruleIn(template);
  if (rule !== undefined) return [{ path: `${path}.$rule`, rule }];
  if (template === null || typeof template !== 'object') return [];
  return Object.entries(template).flatMap(([key, child]) => templateRules(child, `${path}.${key}`));
}

/** The template with each `$rule` replaced by what `evaluate` gives for it. */
export function fillTemplate(template: JsonValue, path: string, evaluate: (rule: JsonValue, path: string) => JsonValue): JsonValue {
  const rule = ruleIn(template);
  if (rule !== undefined) return evaluate(rule, `${path}.$rule`);
  if (Array.isArray(template)) return template.map((item, i) => fillTemplate(item, `${path}.${i}`, evaluate));
  if (template === null || typeof template !== 'object') return template;
  return Object.fromEntries(Object.entries(template).map(([key, child]) => [key, fillTemplate(child, `${path}.${key}`, evaluate)]));
}
