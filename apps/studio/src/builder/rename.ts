import type { BuilderField, BuilderForm } from './model.js';

/** `var` paths naming `from` or inside it (`from.child`) renamed to `to`. */
function renameVar(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((v) => renameVar(v, from, to));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => {
    if (k === 'var' && typeof v === 'string' && (v === from || v.startsWith(`${from}.`))) return [k, `${to}${v.slice(from.length)}`];
    return [k, renameVar(v, from, to)];
  }));
}

/** A field (and a group's children) with the field path `from` renamed to `to` in its rules. */
export function renameInRules(field: BuilderField, from: string, to: string): BuilderField {
  const out: Record<string, unknown> = { ...field };
  for (const name of ['showWhen', 'requiredWhen', 'computedAs', 'defaultRule'] as const) {
    if (field[name] !== undefined) out[name] = renameVar(field[name], from, to);
  }
  if (field.children !== undefined) out.children = field.children.map((c) => renameInRules(c, from, to));
  return out as unknown as BuilderField;
}

/** The form's own rules (checks, the draft condition) and title field with the field path `from` renamed to `to`. */
export function renameInForm(form: BuilderForm, from: string, to: string): BuilderForm {
  const out: Record<string, unknown> = { ...form };
  if (form.checks !== undefined) {
    out.checks = form.checks.map((c) => ({ ...c, path: c.path === from ? to : c.path, rule: renameVar(c.rule, from, to) }));
  }
  if (form.draftWhen !== undefined) out.draftWhen = renameVar(form.draftWhen, from, to);
  if (form.titleField === from) out.titleField = to;
  return out as unknown as BuilderForm;
}
