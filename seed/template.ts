/**
 * The channel-partner app template (prm/template.json) and lookups into it. The app is data: code
 * in this package reads definitions from the template by id and never restates them.
 */
import { loadAppTemplate, type AppTemplate, type EntityDefinition, type RuleDefinition } from '@trellis/definitions';
import { TrellisError, type Problem } from '@trellis/errors';
import template from './prm/template.json' with { type: 'json' };

/** The PRM app template, validated and read into the current format version; a fresh copy each call. */
export function loadPrmTemplate(): AppTemplate {
  const loaded = loadAppTemplate(structuredClone(template));
  if (!loaded.ok) throw new TrellisError(loaded.problems as [Problem, ...Problem[]]);
  return loaded.value;
}

export function entityOf(app: AppTemplate, id: string): EntityDefinition {
  const found = app.entities?.find((e) => e.id === id);
  if (found === undefined) throw new Error(`the template has no entity "${id}"`);
  return found;
}

export function ruleOf(app: AppTemplate, id: string): RuleDefinition {
  const found = app.rules?.find((r) => r.id === id);
  if (found === undefined) throw new Error(`the template has no rule "${id}"`);
  return found;
}
