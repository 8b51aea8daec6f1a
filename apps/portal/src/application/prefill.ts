import { compileRule, type Rule } from '@trellis/rules';

/** The signed-in user and their organisation, as prefill rules read them (`$user.…`, `$org.…`). */
export interface PrefillScope {
  readonly $user: { readonly id: string; readonly username: string; readonly partnerOrg: string | null };
  readonly $org: { readonly id: string; readonly name: string } | null;
  /** the current minute since 1970 as digits, for numbering new records */
  readonly $stamp?: string;
}

/** A new record's first values: each configured rule evaluated; null results are left out. */
export function prefill(rules: Readonly<Record<string, Rule>>, scope: PrefillScope): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, rule] of Object.entries(rules)) {
    const value = compileRule(rule)(scope);
    if (value !== null && value !== '') out[field] = value;
  }
  return out;
}
