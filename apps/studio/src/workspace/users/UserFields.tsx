import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/i18n.js';
import type { RoleDefinition } from './access.js';
import { CheckboxFieldset } from './CheckboxFieldset.js';

/** What an admin sets on a user both when creating and when changing it. */
export interface UserFieldValues {
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly string[];
}

/** The display name, email and roles inputs, shared by the new-user and edit-user forms. */
export function UserFields({ roles, values, onChange }: { roles: readonly RoleDefinition[]; values: UserFieldValues; onChange: (values: UserFieldValues) => void }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  return (
    <>
      <label className="field"><span>{t('admin.users.displayName')}</span><input value={values.displayName} onChange={(e) => onChange({ ...values, displayName: e.target.value })} /></label>
      <label className="field"><span>{t('admin.users.email')}</span><input type="email" value={values.email} onChange={(e) => onChange({ ...values, email: e.target.value })} /></label>
      <CheckboxFieldset legend={t('admin.users.roles')} options={roles.map((r) => ({ value: r.id, label: pick(r.label) }))} chosen={values.roles} onChange={(chosen) => onChange({ ...values, roles: chosen })} />
    </>
  );
}
