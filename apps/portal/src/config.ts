import type { LocalizedText } from '@trellis/errors';
import type { Rule } from '@trellis/rules';
import data from '../../../seed/prm/portal.json';

/**
 * What the portal shows, as data: which app, which entity is the application form and which of its
 * wizard pages a partner fills in, how it is submitted, which record is "my organisation", and
 * labels for coded values. It lives with the template in seed/, so the portal's code knows no domain.
 */
export interface WizardConfig {
  readonly entity: string;
  /** ids of the entity's ui.pages the partner fills in, in order */
  readonly pages: readonly string[];
  /** values a new record starts with: JSON Logic over `$user`, `$org` and `$stamp` (minutes since 1970, as text) */
  readonly prefill: Readonly<Record<string, Rule>>;
}

export interface PortalConfig {
  readonly app: string;
  readonly application: WizardConfig & {
    readonly statusField: string;
    /** statuses in which the partner may still change the application */
    readonly editableStatuses: readonly string[];
    /** the changes that submit it */
    readonly submit: Readonly<Record<string, string>>;
    readonly summaryFields: readonly string[];
  };
  readonly organisation: {
    readonly entity: string;
    /** the field holding the organisation's id */
    readonly key: string;
    readonly headline: readonly string[];
    readonly sections: readonly string[];
  };
  readonly mdf: WizardConfig & {
    readonly listFields: readonly string[];
    readonly statusField: string;
    readonly editableStatuses: readonly string[];
    readonly submit: Readonly<Record<string, string>>;
  };
  readonly money: { readonly currency: string; readonly fields: readonly string[] };
  /** labels of coded values, by the field's last name */
  readonly enumLabels: Readonly<Record<string, Readonly<Record<string, LocalizedText>>>>;
  /** fields whose codes use another field's labels */
  readonly enumAliases: Readonly<Record<string, string>>;
  /** labels of the columns of list fields (contacts, certifications …), by column name */
  readonly columnLabels: Readonly<Record<string, LocalizedText>>;
}

export const PORTAL: PortalConfig = data as PortalConfig;

/** The label of a coded value of a field (by its last path segment), or the code itself. */
export function enumLabel(field: string, value: string): LocalizedText | undefined {
  const leaf = field.split('.').pop() ?? field;
  return PORTAL.enumLabels[PORTAL.enumAliases[leaf] ?? leaf]?.[value];
}

export const isMoneyField = (field: string): boolean => PORTAL.money.fields.includes(field.split('.').pop() ?? field);
