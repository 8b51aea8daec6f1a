/**
 * The parts of an entity definition the form runtime uses, read once into plain arrays with the
 * place each rule sits in the definition (`rules.visibility.creditLimit`), so problems can name it.
 */
import type { EntityDefinition, FieldRules } from '@trellis/definitions';
import type { LocalizedText } from '@trellis/errors';
import type { JsonValue, Rule } from '@trellis/rules';

export interface FieldRule {
  readonly path: string;
  readonly rule: Rule;
  /** where the rule sits in the definition */
  readonly location: string;
}

export interface FieldDefault {
  readonly path: string;
  readonly location: string;
  readonly value?: JsonValue;
  readonly rule?: Rule;
}

export interface CrossFieldValidation extends FieldRule {
  readonly id: string;
  readonly message: LocalizedText;
}

export interface FormModel {
  readonly id: string;
  readonly schema: Readonly<Record<string, unknown>>;
  readonly labels: ReadonlyMap<string, LocalizedText>;
  readonly defaults: readonly FieldDefault[];
  readonly visibility: readonly FieldRule[];
  readonly requiredWhen: readonly FieldRule[];
  readonly computed: readonly FieldRule[];
  readonly validations: readonly CrossFieldValidation[];
  /** when the record is a draft (checked for structure only); undefined: never */
  readonly drafts: { readonly rule: Rule; readonly location: string } | undefined;
}

function fieldRules(kind: string, rules: FieldRules | undefined): FieldRule[] {
  return Object.entries(rules ?? {}).map(([path, rule]) => ({ path, rule, location: `rules.${kind}.${path}` }));
}

export function readDefinition(definition: EntityDefinition): FormModel {
  const labels = new Map<string, LocalizedText>();
  for (const [path, field] of Object.entries(definition.fields ?? {})) {
    if (field.label !== undefined) labels.set(path, field.label);
  }
  const rules = definition.rules ?? {};
  return {
    id: definition.id,
    schema: definition.schema,
    labels,
    defaults: Object.entries(rules.defaults ?? {}).map(([path, d]) =>
      d.rule !== undefined
        ? { path, rule: d.rule, location: `rules.defaults.${path}.rule` }
        : { path, value: d.value ?? null, location: `rules.defaults.${path}.value` },
    ),
    visibility: fieldRules('visibility', rules.visibility),
    requiredWhen: fieldRules('requiredWhen', rules.requiredWhen),
    computed: fieldRules('computed', rules.computed),
    validations: (rules.validations ?? []).map((v, i) => ({
      id: v.id,
      path: v.path,
      rule: v.rule,
      message: v.message,
      location: `rules.validations.${i}.rule`,
    })),
    drafts: definition.drafts === undefined ? undefined : { rule: definition.drafts.when, location: 'drafts.when' },
  };
}
