import { createContext, useContext } from 'react';
import type { Field } from '@trellis/conditions';
import type { LocalizedText } from '@trellis/errors';
import type { JsonSchemaObject } from '@trellis/rules';

export interface Option {
  readonly value: string;
  readonly label: string | LocalizedText;
}

/** What the settings editors offer to pick from: the record's fields, and ids by the setting that holds them. */
export interface EditorContext {
  readonly fields: readonly Field[];
  /** what the flow's rules read: the record's schema with the context keys beside its fields */
  readonly ruleSchema: JsonSchemaObject;
  /** choices for an id setting (`role`, `split`, `form`, …), or null for free text */
  readonly optionsFor: (key: string) => readonly Option[] | null;
}

export const EditorContextValue = createContext<EditorContext>({ fields: [], ruleSchema: { type: 'object', properties: {} }, optionsFor: () => null });

export const useEditorContext = (): EditorContext => useContext(EditorContextValue);
