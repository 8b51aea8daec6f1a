/**
 * Scope rules made concrete for one user: every `{"var": "$user…"}` becomes the user's value as a
 * literal, then whatever no longer reads the record is evaluated away. The result reads only record
 * fields and `$` metadata, so a storage layer can translate it to SQL without knowing users, and a
 * grant that cannot apply to this user (e.g. a partner scope for a user of no partner organisation)
 * collapses to `false` instead of matching records whose organisation is also empty.
 */
import { compileRule, lookupVar, quoteLiteral, type JsonValue, type Rule } from '@trellis/rules';
import { isPlainObject } from './fields.js';
import type { PermissionUser } from './types.js';

/** The `$user` a scope rule reads. */
export function userContext(user: PermissionUser): { [key: string]: JsonValue } {
  return { id: user.id, roles: [...user.roles], partnerOrg: user.partnerOrg, regions: [...(user.regions ?? [])] };
}

/** The only operations that read the data; a sub-rule without them is a constant. */
const READS_DATA = new Set(['var', 'missing', 'missing_some']);

function operationOf(rule: Rule): [string, Rule] | null {
  if (!isPlainObject(rule)) return null;
  const entries = Object.entries(rule);
  return entries.length === 1 ? (entries[0] as [string, Rule]) : null;
}

function readsData(rule: Rule): boolean {
  if (Array.isArray(rule)) return rule.some(readsData);
  const operation = operationOf(rule);
  return operation !== null && (READS_DATA.has(operation[0]) || readsData(operation[1]));
}

/** json-logic-js truthiness: an empty array is false. */
export function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

function isLiteral(rule: Rule): rule is null | boolean | number | string {
  return rule === null || typeof rule !== 'object';
}

function userVarPath(args: Rule): { path: string; fallback: Rule } | null {
  const [path, fallback = null] = Array.isArray(args) ? args : [args];
  if (typeof path !== 'string' || !(path === '$user' || path.startsWith('$user.'))) return null;
  // a fallback that is itself an operation would need the data: left for evaluation
  return fallback !== null && typeof fallback === 'object' ? null : { path, fallback };
}

/** A constant operation's value, when it is plain JSON; otherwise the operation stays. */
function fold(rule: Rule): Rule {
  try {
    const value = compileRule(rule)({});
    return isPlainObject(value) ? rule : quoteLiteral(value);
  } catch {
    return rule; // evaluation fails for every record alike: leave the failure to evaluation
  }
}

/** `and`/`or` over literal arguments, by truthiness: a scope is only ever used as a condition. */
function simplifyLogic(op: 'and' | 'or', args: Rule[]): Rule {
  const decisive = op === 'and' ? false : true;
  if (args.some((arg) => isLiteral(arg) && truthy(arg) === decisive)) return decisive;
  const rest = args.filter((arg) => !isLiteral(arg));
  if (rest.length === 0) return !decisive;
  return rest.length === 1 ? (rest[0] as Rule) : { [op]: rest };
}

export function bindUser(rule: Rule, user: { [key: string]: JsonValue }): Rule {
  if (Array.isArray(rule)) return rule.map((item) => bindUser(item, user));
  const operation = operationOf(rule);
  if (operation === null) return rule;
  const [op, raw] = operation;
  if (op === 'var') {
    const userVar = userVarPath(raw);
    return userVar === null ? rule : quoteLiteral(lookupVar({ $user: user }, userVar.path, userVar.fallback) as JsonValue);
  }
  // one argument is always written as a list here, so a literal list put in its place is never
  // read as the argument list itself
  const args = (Array.isArray(raw) ? raw : [raw]).map((arg) => bindUser(arg, user));
  const bound: Rule = { [op]: args };
  if (!readsData(bound)) return fold(bound);
  return op === 'and' || op === 'or' ? simplifyLogic(op, args) : bound;
}

/** Several grants' scopes as one condition: any of them. */
export function anyOf(scopes: readonly Rule[]): Rule {
  return simplifyLogic('or', [...scopes]);
}
