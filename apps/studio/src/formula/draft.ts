import type { Rule } from '@trellis/rules';
import { formatJson } from '../common/format-json.js';
import { parseFormula, type FormulaError, type SourceMap } from './parse.js';
import { printFormula } from './print.js';

/** What the admin is typing: a formula, or (power users, and rules a formula cannot say) JSON Logic. */
export interface FormulaDraft {
  readonly view: 'formula' | 'json';
  readonly text: string;
}

export type DraftReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'rule'; readonly rule: Rule; readonly sources: SourceMap | null }
  | { readonly kind: 'formulaError'; readonly error: FormulaError }
  | { readonly kind: 'jsonError'; readonly message: string };

/** How to show a rule: as a formula whenever one says it. */
export function draftOf(rule: Rule | undefined): FormulaDraft {
  if (rule === undefined) return { view: 'formula', text: '' };
  const text = printFormula(rule);
  return text === null ? { view: 'json', text: formatJson(rule) } : { view: 'formula', text };
}

export function readDraft(draft: FormulaDraft): DraftReading {
  if (draft.text.trim() === '') return { kind: 'empty' };
  if (draft.view === 'formula') {
    const parsed = parseFormula(draft.text);
    return parsed.ok ? { kind: 'rule', rule: parsed.rule, sources: parsed.sources } : { kind: 'formulaError', error: parsed.error };
  }
  try {
    return { kind: 'rule', rule: JSON.parse(draft.text) as Rule, sources: null };
  } catch (error) {
    return { kind: 'jsonError', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The same rule in the other view, or null when it cannot be shown there (unreadable, or no formula
 * says it). `known` is the draft's reading, where the caller has it already.
 */
export function switchView(draft: FormulaDraft, view: FormulaDraft['view'], known?: DraftReading): FormulaDraft | null {
  if (draft.view === view) return draft;
  const reading = known ?? readDraft(draft);
  if (reading.kind === 'empty') return { view, text: '' };
  if (reading.kind !== 'rule') return null;
  if (view === 'json') return { view, text: formatJson(reading.rule) };
  const text = printFormula(reading.rule);
  return text === null ? null : { view, text };
}
