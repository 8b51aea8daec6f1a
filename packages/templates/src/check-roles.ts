import type { Problem } from '@trellis/errors';
import type { Rule } from '@trellis/rules';
import { templateProblems } from './problems.js';
import { allRuleSites } from './rule-sites.js';
import type { TemplateIndex } from './template-index.js';

interface RoleRef {
  readonly role: string;
  readonly path: string;
}

function isUserRoles(node: Rule): boolean {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
  const path = (node as { var?: unknown }).var;
  return path === '$user.roles' || (Array.isArray(path) && path[0] === '$user.roles');
}

/** `{"in": ["finance", {"var": "$user.roles"}]}`: how a rule asks whether the user has a role. */
function rolesInRule(node: Rule, path: string): RoleRef[] {
  if (typeof node !== 'object' || node === null) return [];
  if (Array.isArray(node)) return node.flatMap((item, i) => rolesInRule(item, `${path}.${i}`));
  const entries = Object.entries(node);
  const [only] = entries;
  if (entries.length === 1 && only !== undefined && only[0] === 'in' && Array.isArray(only[1])) {
    const [needle, haystack] = only[1];
    if (typeof needle === 'string' && haystack !== undefined && isUserRoles(haystack)) return [{ role: needle, path: `${path}.in.0` }];
  }
  return entries.flatMap(([key, value]) => rolesInRule(value, `${path}.${key}`));
}

/** Node settings name roles in keys `role`, `roles`, or ending so (`approverRole`, `assigneeRoles`). */
const ROLE_KEY = /(^r|R)oles?$/;

function rolesInSettings(settings: Record<string, unknown>, path: string): RoleRef[] {
  return Object.entries(settings).flatMap(([key, value]) => {
    if (!ROLE_KEY.test(key)) return [];
    if (typeof value === 'string') return [{ role: value, path: `${path}.${key}` }];
    if (!Array.isArray(value)) return [];
    return value.flatMap((v, i) => (typeof v === 'string' ? [{ role: v, path: `${path}.${key}.${i}` }] : []));
  });
}

/** Sign-up grants one role and one organisation id format, so at most one role may offer it. */
function checkSelfRegistration(index: TemplateIndex): Problem[] {
  const open = index.roles.filter((role) => role.selfRegistration !== undefined);
  const [first, ...others] = open;
  return first === undefined ? [] : others.map((role) => templateProblems.secondSelfRegistration(`roles.${role.id}.selfRegistration`, first.id));
}

/** Every role the template names (in rules and in flow node settings) must be one of its roles. */
export function checkRoles(index: TemplateIndex): Problem[] {
  const refs = [
    ...allRuleSites(index).flatMap((site) => rolesInRule(site.rule, site.path)),
    ...index.flows.flatMap((flow) =>
      flow.nodes.flatMap((node, i) => (node.settings === undefined ? [] : rolesInSettings(node.settings, `flows.${flow.id}.nodes.${i}.settings`)))),
  ];
  return [
    ...refs.filter((ref) => !index.known.roles.has(ref.role)).map((ref) => templateProblems.unknownRole(ref.path, ref.role)),
    ...checkSelfRegistration(index),
  ];
}
