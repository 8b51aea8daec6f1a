/**
 * Undo/redo for the builder: every edit pushes the previous form, except consecutive edits with the
 * same `coalesce` key (typing in one property box), which make one step together.
 */
import type { BuilderForm } from './model.js';

export interface History {
  readonly past: readonly BuilderForm[];
  readonly present: BuilderForm;
  readonly future: readonly BuilderForm[];
  /** the coalesce key of the last edit */
  readonly last: string | null;
}

export type HistoryAction =
  | { readonly type: 'edit'; readonly form: BuilderForm; readonly coalesce?: string }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'reset'; readonly form: BuilderForm };

const LIMIT = 200;

export const startHistory = (form: BuilderForm): History => ({ past: [], present: form, future: [], last: null });

export function historyReducer(state: History, action: HistoryAction): History {
  switch (action.type) {
    case 'edit': {
      if (action.form === state.present) return state;
      const coalesce = action.coalesce ?? null;
      if (coalesce !== null && coalesce === state.last) return { ...state, present: action.form, future: [] };
      return { past: [...state.past, state.present].slice(-LIMIT), present: action.form, future: [], last: coalesce };
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (previous === undefined) return state;
      return { past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future], last: null };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (next === undefined) return state;
      return { past: [...state.past, state.present], present: next, future: rest, last: null };
    }
    case 'reset': return startHistory(action.form);
  }
}
