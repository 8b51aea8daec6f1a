import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { Locale } from '@trellis/errors';
import type { FieldProblem } from '../api/problem.js';
import type { PageForm } from './page-schema.js';

type Node = { __errors?: string[] } & { [key: string]: Node | string[] | undefined };

/** The page field a problem belongs to: its first path segment, when the page shows it. */
export function pageOf(problem: FieldProblem, pages: readonly (readonly string[])[]): number {
  const top = problem.path.split('.')[0] ?? '';
  return pages.findIndex((fields) => fields.includes(top));
}

function childSchema(schema: RJSFSchema | undefined, key: string): RJSFSchema | undefined {
  const properties = schema?.properties as Record<string, RJSFSchema> | undefined;
  return properties?.[key];
}

/**
 * The problems (the form runtime's or the server's: the same codes and paths) as rjsf's error tree,
 * each message under the deepest field the page's schema shows on its path (a problem inside an
 * upload lands on the upload field).
 */
export function toErrorSchema(problems: readonly FieldProblem[], form: PageForm, locale: Locale): ErrorSchema {
  const root: Node = {};
  for (const problem of problems) {
    const segments = problem.path === '' ? [] : problem.path.split('.');
    let node = root;
    let at: RJSFSchema | undefined = form.schema;
    let ui: UiSchema | undefined = form.uiSchema;
    for (const segment of segments) {
      const next = childSchema(at, segment);
      if (next === undefined) break;
      at = next;
      ui = ui?.[segment] as UiSchema | undefined;
      node = (node[segment] ??= {}) as Node;
      // a custom field (an upload) shows its own errors, whatever part of its value they concern
      if (ui?.['ui:field'] !== undefined) break;
    }
    (node.__errors ??= []).push(problem.message[locale]);
  }
  return root as ErrorSchema;
}
