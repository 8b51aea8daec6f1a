import type { AppTemplate } from '@trellis/definitions';

/** The kinds of definition an app template holds, each in its own collection. */
export const COLLECTION_KINDS = {
  entities: 'entity',
  rules: 'rule',
  flows: 'flow',
  programs: 'program',
  permissions: 'permission',
  roles: 'role',
} as const;

export type Collection = keyof typeof COLLECTION_KINDS;
export type DefinitionKind = (typeof COLLECTION_KINDS)[Collection];

export const COLLECTIONS = Object.keys(COLLECTION_KINDS) as Collection[];

/** One definition of a template, with where it sits (`rules.tier_rating`) for problem paths. */
export interface TemplateDefinition {
  readonly kind: DefinitionKind;
  readonly id: string;
  readonly path: string;
  readonly content: unknown;
}

/** Every definition of a template, collection by collection, in template order. */
export function templateDefinitions(template: AppTemplate): TemplateDefinition[] {
  return COLLECTIONS.flatMap((collection) =>
    ((template[collection] ?? []) as readonly { id: string }[]).map((content) => ({
      kind: COLLECTION_KINDS[collection],
      id: content.id,
      path: `${collection}.${content.id}`,
      content,
    })),
  );
}
