import { PUBLISHED_SCHEMAS } from '@trellis/definitions';

/**
 * A node kind's settings JSON Schema read as the editors the property panel draws. The panel is
 * generated from the schema, so a setting added to the flow format shows up without designer code;
 * what the schema cannot say (a rule, a two-language text, a field of the record) is recognised by
 * the published `$ref` it uses.
 */
export type FieldSpec =
  | { readonly kind: 'text' }
  | { readonly kind: 'number'; readonly integer: boolean; readonly min?: number; readonly max?: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'rule' }
  | { readonly kind: 'localized' }
  | { readonly kind: 'field' }
  | { readonly kind: 'id' }
  | { readonly kind: 'object'; readonly props: readonly PropSpec[] }
  | { readonly kind: 'list'; readonly item: FieldSpec }
  | UnionSpec
  /** names chosen by the admin → values of `item` (form task `link`: created record's field → flow record's field) */
  | { readonly kind: 'map'; readonly item: FieldSpec }
  /** JSON whose `{"$rule": …}` parts are formulas (an assignment's `template`) */
  | { readonly kind: 'template' }
  | { readonly kind: 'json' };

export interface PropSpec {
  readonly key: string;
  readonly spec: FieldSpec;
  readonly required: boolean;
}

/** One of several object shapes, told apart by the constant of `key`, or (without a key) by which required property is present. */
export interface UnionSpec {
  readonly kind: 'union';
  readonly key: string | null;
  readonly branches: readonly { readonly value: string; readonly props: readonly PropSpec[] }[];
}

type Schema = Readonly<Record<string, unknown>>;

const COMMON = 'https://trellis.dev/schemas/common/v1.json';
const SPECIAL: Readonly<Record<string, FieldSpec>> = {
  'https://trellis.dev/schemas/rule/v1.json#/$defs/expression': { kind: 'rule' },
  'https://trellis.dev/schemas/localized-text/v1.json': { kind: 'localized' },
  [`${COMMON}#/$defs/fieldPath`]: { kind: 'field' },
  [`${COMMON}#/$defs/id`]: { kind: 'id' },
  [`${COMMON}#/$defs/jsonValue`]: { kind: 'template' },
};

const byId = new Map(PUBLISHED_SCHEMAS.map((s) => [(s as { $id: string }).$id, s as Schema]));

function resolve(ref: string): Schema {
  const [id = '', pointer = ''] = ref.split('#');
  let at: unknown = byId.get(id);
  for (const segment of pointer.split('/').filter((s) => s !== '')) at = (at as Schema | undefined)?.[segment];
  if (typeof at !== 'object' || at === null) throw new Error(`unresolved schema reference ${ref}`);
  return at as Schema;
}

const asSchemas = (value: unknown): Schema[] => (Array.isArray(value) ? value as Schema[] : []);

function propsOf(schema: Schema): PropSpec[] {
  const required = new Set(Array.isArray(schema.required) ? schema.required as string[] : []);
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  return Object.entries(properties).map(([key, s]) => ({ key, spec: specOf(s), required: required.has(key) }));
}

/**
 * A branch's properties beside the union's own: a branch that only says which of them it
 * requires (`{"required": ["rule"], "properties": {"rule": true}}`) takes their specs from the
 * union, and the properties another branch is told apart by are left out.
 */
function branchProps(shared: readonly PropSpec[], branch: Schema, others: ReadonlySet<string>): PropSpec[] {
  const own = new Map(propsOf(branch).map((p) => [p.key, p]));
  const merged = shared.filter((p) => !others.has(p.key)).map((p) => {
    const mine = own.get(p.key);
    own.delete(p.key);
    return mine === undefined ? p : { key: p.key, spec: mine.spec.kind === 'json' ? p.spec : mine.spec, required: p.required || mine.required };
  });
  return [...merged, ...own.values()];
}

function unionOf(schema: Schema): FieldSpec {
  const key = (schema.discriminator as { propertyName?: string } | undefined)?.propertyName ?? null;
  const shared = schema.properties === undefined ? [] : propsOf(schema);
  const oneOf = asSchemas(schema.oneOf);
  const firstRequired = (branch: Schema) => (Array.isArray(branch.required) ? String(branch.required[0]) : Object.keys((branch.properties ?? {}) as Schema)[0] ?? '');
  const branches = oneOf.map((branch) => {
    if (key !== null) {
      const tag = (branch.properties as Record<string, Schema>)[key]?.const;
      return { value: String(tag), props: branchProps(shared, branch, new Set()).filter((p) => p.key !== key) };
    }
    const first = firstRequired(branch);
    const others = new Set(oneOf.map(firstRequired).filter((k) => k !== first));
    return { value: first, props: branchProps(shared, branch, others) };
  });
  return { kind: 'union', key, branches };
}

export function specOf(schema: Schema): FieldSpec {
  const ref = schema.$ref;
  if (typeof ref === 'string') return SPECIAL[ref] ?? specOf(resolve(ref));
  if (Array.isArray(schema.oneOf)) return unionOf(schema);
  if (Array.isArray(schema.enum)) return { kind: 'enum', values: schema.enum.map(String) };
  switch (schema.type) {
    case 'string': return { kind: 'text' };
    case 'boolean': return { kind: 'boolean' };
    case 'number':
    case 'integer': {
      const min = schema.minimum ?? schema.exclusiveMinimum;
      const max = schema.maximum;
      return { kind: 'number', integer: schema.type === 'integer', ...(typeof min === 'number' ? { min } : {}), ...(typeof max === 'number' ? { max } : {}) };
    }
    case 'array': return { kind: 'list', item: specOf((schema.items ?? {}) as Schema) };
    case 'object':
      if (schema.properties !== undefined) return { kind: 'object', props: propsOf(schema) };
      return typeof schema.additionalProperties === 'object' ? { kind: 'map', item: specOf(schema.additionalProperties as Schema) } : { kind: 'json' };
    default: return { kind: 'json' };
  }
}

/** A value of the spec that a person then completes: required parts present, the first choice of each choice. */
export function defaultOf(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'text': case 'id': case 'field': return '';
    case 'number': return spec.max !== undefined && spec.max <= 1 ? spec.max : spec.min ?? 1;
    case 'boolean': return false;
    case 'enum': return spec.values[0] ?? '';
    case 'rule': return true;
    case 'localized': return { 'zh-CN': '', en: '' };
    case 'object': return requiredDefaults(spec.props);
    case 'list': return [];
    case 'union': return branchDefault(spec, 0);
    case 'map': return {};
    case 'template': return '';
    case 'json': return {};
  }
}

function requiredDefaults(props: readonly PropSpec[]): Record<string, unknown> {
  return Object.fromEntries(props.filter((p) => p.required).map((p) => [p.key, defaultOf(p.spec)]));
}

/** The value of a union switched to its `index`th branch. */
export function branchDefault(spec: UnionSpec, index: number): Record<string, unknown> {
  const branch = spec.branches[index];
  if (branch === undefined) return {};
  return spec.key === null ? requiredDefaults(branch.props) : { [spec.key]: branch.value, ...requiredDefaults(branch.props) };
}

/** Which branch a value is in; -1 when none fits. */
export function branchIndex(spec: UnionSpec, value: unknown): number {
  if (typeof value !== 'object' || value === null) return -1;
  const record = value as Record<string, unknown>;
  const { key } = spec;
  return key === null
    ? spec.branches.findIndex((b) => b.value in record)
    : spec.branches.findIndex((b) => b.value === record[key]);
}

const cache = new Map<Schema, FieldSpec>();

/** The spec of a settings schema, read once per schema. */
export function settingsSpec(schema: Schema): FieldSpec {
  let spec = cache.get(schema);
  if (spec === undefined) {
    spec = specOf(schema);
    cache.set(schema, spec);
  }
  return spec;
}
