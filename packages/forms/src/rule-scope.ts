/**
 * The data rules see: the record's fields plus the reserved context keys `$now`, `$today` and
 * `$user` (docs/formats.md, "Rule data"). It is a shallow copy of the record (nested objects are
 * shared), so the record itself never carries the context keys. When the definition's rules can
 * only read some top-level fields (rule-reads.ts), only those are copied: rules cannot tell the
 * difference, and copying the whole record took as long as all the rules together.
 */
import { TrellisError } from '@trellis/errors';
import type { JsonObject } from './field-path.js';
import { formProblems } from './problems.js';
import type { FormContext } from './types.js';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The last `now` that passed: callers pass the same one for many submissions, and the test is a regex. */
let checkedNow = '';
let checkedToday = '';

/** Throws FORM_BAD_CONTEXT when `now` is not an ISO 8601 date-time: a caller's bug, not the user's. */
export function checkContext(context: FormContext): void {
  const { now } = context;
  if (now === checkedNow && now !== '' && (context.today === undefined || context.today === checkedToday)) return;
  if (typeof now !== 'string' || !ISO_DATE_TIME.test(now)) {
    throw new TrellisError([formProblems.badContext('"now" must be an ISO 8601 date-time string')]);
  }
  if (context.today !== undefined && (typeof context.today !== 'string' || !ISO_DATE.test(context.today))) {
    throw new TrellisError([formProblems.badContext('"today" must be a YYYY-MM-DD date')]);
  }
  checkedNow = now;
  checkedToday = context.today ?? '';
}

const hasOwn = Object.prototype.hasOwnProperty;

/** `$user`: a new object per scope, since a rule may return it (a computed field then stores it). */
export function userOf(context: FormContext): JsonObject | null {
  const { user } = context;
  return user === undefined ? null : { id: user.id, roles: user.roles, partnerOrg: user.partnerOrg ?? null };
}

let lastNow = '';
let lastToday = '';

/** the caller's `today`, else `now`'s date as written (kept for the next call's same `now`) */
export function todayOf(context: FormContext): string {
  if (context.today !== undefined) return context.today;
  const { now } = context;
  if (now !== lastNow) {
    lastToday = now.slice(0, 10);
    lastNow = now;
  }
  return lastToday;
}

/** A fresh scope; `fields`: the top-level fields rules can read, or null for all of them. */
export function ruleScope(record: JsonObject, context: FormContext, fields: readonly string[] | null): JsonObject {
  const { now } = context;
  const scope: JsonObject = { $now: now, $today: todayOf(context), $user: userOf(context) };
  if (fields === null) return Object.assign(scope, record);
  for (let i = 0; i < fields.length; i++) {
    const key = fields[i] as string;
    if (hasOwn.call(record, key)) scope[key] = record[key];
  }
  return scope;
}

/** json-logic-js truthiness: like JavaScript's, except that an empty array is false. */
export function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** What "required" means for a form field: a value was given, and it is not an empty string or list. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
