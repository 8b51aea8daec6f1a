/**
 * app-template 1 → 2: the monolingual prototype becomes bilingual. Each plain-string text the v1
 * schema has (label, description, title, help, placeholder, message) becomes the same string in
 * both languages, for translators to refine. Texts inside embedded JSON Schemas are not ours and
 * stay untouched, hence the explicit list of places.
 */
import type { Migration } from './migration.js';
import { mapAt } from './map-at.js';

export const APP_TEMPLATE_V1_TEXTS: readonly string[] = [
  'app.label',
  'app.description',
  'roles.*.label',
  'roles.*.description',
  'entities.*.label',
  'entities.*.description',
  'entities.*.fields.*.label',
  'entities.*.fields.*.help',
  'entities.*.fields.*.placeholder',
  'entities.*.ui.sections.*.title',
  'entities.*.ui.pages.*.title',
  'entities.*.rules.validations.*.message',
  'rules.*.label',
  'rules.*.description',
  'rules.*.table.inputs.*.label',
  'rules.*.table.outputs.*.label',
  'flows.*.label',
  'flows.*.description',
  'flows.*.nodes.*.label',
  'flows.*.edges.*.label',
  'programs.*.label',
  'programs.*.description',
  'programs.*.metrics.*.label',
];

function bilingual(value: unknown): unknown {
  return typeof value === 'string' ? { 'zh-CN': value, en: value } : value;
}

export const appTemplate1To2: Migration = {
  kind: 'app-template',
  from: 1,
  to: 2,
  migrate(doc) {
    const copy = structuredClone(doc);
    for (const location of APP_TEMPLATE_V1_TEXTS) mapAt(copy, location, bilingual);
    return { ...copy, formatVersion: 2 };
  },
};
