import type { Field } from '@trellis/conditions';
import type { LocalizedText } from '@trellis/errors';
import { FUNCTION_DOCS } from './functions.js';

/** One suggestion: a field (shown by its label, inserted as its path) or a function. */
export interface Completion {
  readonly kind: 'field' | 'function';
  /** what replaces the word being typed */
  readonly insert: string;
  /** where the caret goes in `insert` */
  readonly caret: number;
  /** the field's path or the function's signature */
  readonly code: string;
  /** the field's label or the function's description */
  readonly text: LocalizedText;
}

export interface Completions {
  /** the word being typed, replaced by the chosen suggestion (0-based, end exclusive) */
  readonly from: number;
  readonly to: number;
  readonly items: readonly Completion[];
}

const WORD = /[\p{L}\p{N}_$.]/u;

/** Whether `index` is inside a text in quotes (the formula language has no quotes in field names). */
function inQuotes(text: string, index: number): boolean {
  let quote: string | null = null;
  for (let i = 0; i < index; i += 1) {
    const c = text[i] as string;
    if (quote !== null && c === '\\') i += 1;
    else if (quote !== null && c === quote) quote = null;
    else if (quote === null && (c === '"' || c === '\'')) quote = c;
  }
  return quote !== null;
}

/** The word around the caret that a field or function name would replace, or null where none would. */
function wordAt(text: string, caret: number): { from: number; to: number; query: string } | null {
  let from = caret;
  while (from > 0 && WORD.test(text[from - 1] as string)) from -= 1;
  let to = caret;
  while (to < text.length && WORD.test(text[to] as string)) to += 1;
  const query = text.slice(from, caret);
  if (query === '' || /^[\d.]/.test(query) || inQuotes(text, from)) return null;
  return { from, to, query };
}

/** 0: the path starts with what was typed, 1: a label does, 2: either contains it; null: no match. */
function rank(field: Field, query: string): number | null {
  const q = query.toLowerCase();
  const path = field.path.toLowerCase();
  const labels = [field.label.en.toLowerCase(), field.label['zh-CN']];
  if (path.startsWith(q)) return 0;
  if (labels.some((l) => l.startsWith(q))) return 1;
  if (path.includes(q) || labels.some((l) => l.includes(q))) return 2;
  return null;
}

/**
 * What to suggest at the caret: the fields whose path or zh-CN/en label matches the word being
 * typed (best matches first), then the functions whose name starts with it.
 */
export function completeAt(text: string, caret: number, fields: readonly Field[], limit = 8): Completions | null {
  const word = wordAt(text, caret);
  if (word === null) return null;
  const matching = fields
    .map((field) => ({ field, rank: rank(field, word.query) }))
    .filter((m): m is { field: Field; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank)
    .map(({ field }): Completion => ({ kind: 'field', insert: field.path, caret: field.path.length, code: field.path, text: field.label }));
  const functions = word.query.includes('.') ? [] : FUNCTION_DOCS
    .filter((doc) => doc.name.startsWith(word.query.toLowerCase()))
    .map((doc): Completion => {
      const insert = `${doc.name}()`;
      return { kind: 'function', insert, caret: doc.signature.endsWith('()') ? insert.length : insert.length - 1, code: doc.signature, text: doc.description };
    });
  const items = [...matching, ...functions].slice(0, limit);
  return items.length === 0 ? null : { from: word.from, to: word.to, items };
}

/** The text with the word replaced by the suggestion, and where the caret goes. */
export function applyCompletion(text: string, completions: Completions, item: Completion): { text: string; caret: number } {
  return { text: text.slice(0, completions.from) + item.insert + text.slice(completions.to), caret: completions.from + item.caret };
}
