import type { Field, Literal } from '@trellis/conditions';
import { useLocale } from '../i18n/i18n.js';

/** How an option of the field reads: its label in the admin's language where the definition gives one. */
export function useOptionText(field: Field): (option: Literal) => string {
  const { pick } = useLocale();
  return (option) => {
    const label = field.optionLabels?.[String(option)];
    return label === undefined ? String(option) : pick(label);
  };
}
