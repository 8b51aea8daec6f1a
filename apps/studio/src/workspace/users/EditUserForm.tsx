import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import { ProblemList } from '../../common/ProblemList.js';
import type { RoleDefinition } from './access.js';
import { UserFields, type UserFieldValues } from './UserFields.js';

/** The user as the users list serves it. */
export interface AdminUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email?: string | null;
  readonly roles: readonly string[];
  readonly regions?: readonly string[];
  readonly partnerOrg?: string | null;
  readonly disabled: boolean;
}

interface PartnerOrg { readonly id: string; readonly name: string }

/** Regions as typed: comma- or space-separated (全角逗号 too), blanks dropped. */
const regionList = (text: string) => text.split(/[\s,，、]+/).filter((r) => r !== '');

/**
 * Changes an existing user: name, email, roles, regions, partner organisation, disabled, and a new
 * password (the user must change it at next sign-in). Only what changed is sent.
 */
export function EditUserForm({ user, roles, onSaved }: { user: AdminUser; roles: readonly RoleDefinition[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<UserFieldValues>({ displayName: user.displayName, email: user.email ?? '', roles: user.roles });
  const [regions, setRegions] = useState((user.regions ?? []).join(', '));
  const [partnerOrg, setPartnerOrg] = useState(user.partnerOrg ?? '');
  const [disabled, setDisabled] = useState(user.disabled);
  const [password, setPassword] = useState('');
  const [orgs, setOrgs] = useState<readonly PartnerOrg[]>([]);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    api<PartnerOrg[]>('GET', '/partner-orgs').then(setOrgs, (error: unknown) => setProblems(problemsOf(error)));
  }, []);
  const changes = (): Record<string, unknown> => {
    const body: Record<string, unknown> = {};
    if (values.displayName !== user.displayName) body.displayName = values.displayName;
    if (values.email !== (user.email ?? '')) body.email = values.email === '' ? null : values.email;
    if (values.roles.join() !== user.roles.join()) body.roles = values.roles;
    if (regionList(regions).join() !== (user.regions ?? []).join()) body.regions = regionList(regions);
    if (partnerOrg !== (user.partnerOrg ?? '')) body.partnerOrg = partnerOrg === '' ? null : partnerOrg;
    if (disabled !== user.disabled) body.disabled = disabled;
    if (password !== '') body.password = password;
    return body;
  };
  const save = () => {
    setProblems([]);
    setSaved(false);
    const body = changes();
    if (Object.keys(body).length === 0) return;
    api('PATCH', `/users/${user.id}`, body).then(() => {
      setPassword('');
      setSaved(true);
      onSaved();
    }, (error: unknown) => setProblems(problemsOf(error)));
  };
  return (
    <section className="panel" aria-labelledby="edit-user" data-testid="user-editor">
      <h2 id="edit-user">{t('admin.users.editUser', { name: user.username })}</h2>
      <form noValidate onSubmit={(e) => { e.preventDefault(); save(); }}>
        <UserFields roles={roles} values={values} onChange={setValues} />
        <label className="field"><span>{t('admin.users.regions')}</span><input value={regions} onChange={(e) => setRegions(e.target.value)} /></label>
        <label className="field">
          <span>{t('admin.users.partnerOrg')}</span>
          <select value={partnerOrg} onChange={(e) => setPartnerOrg(e.target.value)}>
            <option value="">{t('admin.users.staff')}</option>
            {orgs.map((o) => <option key={o.id} value={o.id}>{o.name} ({o.id})</option>)}
          </select>
        </label>
        <label><input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} /> {t('admin.users.disableUser')}</label>
        <label className="field"><span>{t('admin.users.newPassword')}</span><input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} /></label>
        <button type="submit" disabled={values.roles.length === 0}>{t('admin.users.save')}</button>
      </form>
      {saved && <p role="status" className="ok">{t('admin.users.saved')}</p>}
      <div role="alert"><ProblemList problems={problems} showPaths /></div>
    </section>
  );
}
