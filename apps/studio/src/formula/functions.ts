import type { LocalizedText } from '@trellis/errors';
import { CORE_OPERATORS, CUSTOM_OPERATORS, OPERATOR_CATALOG } from '@trellis/rules';
import { en } from '../i18n/en.js';
import { zhCN } from '../i18n/zh-CN.js';

/**
 * What a formula can call by name: every operator whose name is a word (round, if, min, max,
 * date_add…), written name(arguments), plus a few functions of the formula language itself.
 * `var` is not among them: fields are written by their path (or field("path") for unusual paths).
 */
export const OPERATOR_FUNCTIONS: ReadonlySet<string> = new Set(
  [...CORE_OPERATORS, ...CUSTOM_OPERATORS].filter((name) => /^[a-z_]+$/.test(name) && name !== 'var'),
);

const own = (name: keyof typeof en.formula.functions): LocalizedText =>
  ({ en: en.formula.functions[name], 'zh-CN': zhCN.formula.functions[name] });

/** The formula language's own functions; each is written as one JSON Logic form (see parse.ts). */
const SPECIAL_FUNCTIONS = {
  /** today() is {"var": "$today"}: the caller's date, the engines have no clock */
  today: { signature: 'today()', description: own('today') },
  now: { signature: 'now()', description: own('now') },
  field: { signature: 'field("path", default?)', description: own('field') },
  between: { signature: 'between(x, low, high)', description: own('between') },
} as const satisfies Record<string, { signature: string; description: LocalizedText }>;

export type SpecialFunction = keyof typeof SPECIAL_FUNCTIONS;

export function isSpecialFunction(name: string): name is SpecialFunction {
  return Object.prototype.hasOwnProperty.call(SPECIAL_FUNCTIONS, name);
}

/** The reserved context keys today() and now() read. */
export const CLOCK_PATHS: Readonly<Record<'today' | 'now', string>> = { today: '$today', now: '$now' };

export interface FunctionDoc {
  readonly name: string;
  /** how it is written, e.g. round(x, places?, mode?) */
  readonly signature: string;
  readonly description: LocalizedText;
}

/**
 * `{"round": [x, places?, mode?]}` → `round(x, places?, mode?)`; of several forms
 * (`{"missing": [path, …]} | {"missing": [[path, …]]}`), the first.
 */
function formulaSignature(name: string, jsonSignature: string): string {
  const args = /^\{"[^"]+": \[(.*?)\]\}(?: \| .*)?$/.exec(jsonSignature)?.[1] ?? /^\{"[^"]+": (.*?)\}(?: \| .*)?$/.exec(jsonSignature)?.[1] ?? '';
  return `${name}(${args})`;
}

/** Every callable function, for autocompletion, in the catalog's order after the formula's own. */
export const FUNCTION_DOCS: readonly FunctionDoc[] = [
  ...Object.entries(SPECIAL_FUNCTIONS).map(([name, doc]) => ({ name, ...doc })),
  ...OPERATOR_CATALOG.filter((doc) => OPERATOR_FUNCTIONS.has(doc.name))
    .map((doc) => ({ name: doc.name, signature: formulaSignature(doc.name, doc.signature), description: doc.description })),
];
