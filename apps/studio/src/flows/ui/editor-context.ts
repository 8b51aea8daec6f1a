import { createContext, useContext } from 'react';
import type { Field } from '@trellis/conditions';
import type { LocalizedText } from '@trellis/errors';

export interface Option {
  readonly value: string;
  readonly label: string | LocalizedText;
}

/** What the settings editors offer to pick from: the record's fields, and ids by the setting that holds them. */
export interface EditorContext {
  readonly fields: readonly Field[];
  /** choices for an id setting (`role`, `split`, `form`, …), or null for free text */
  readonly optionsFor: (key: string) => readonly Option[] | null;
}

export const EditorContextValue = createContext<EditorContext>({ fields: [], optionsFor: () => null });

export const useEditorContext = (): EditorContext => useContext(EditorContextValue);
