import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText, Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import { currentAppId } from '../../app-data/current-app.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import '../workspace.css';
import type { PermissionDefinition, RoleDefinition } from './access.js';
import { EditUserForm, type AdminUser } from './EditUserForm.js';
import { NewUserForm } from './NewUserForm.js';
import { PermissionEditor } from './PermissionEditor.js';
import { PermissionsTable } from './PermissionsTable.js';

/** The app's roles and permissions as its template holds them (roles are not served one by one). */
interface AccessTemplate {
  readonly roles?: readonly RoleDefinition[];
  readonly permissions?: readonly PermissionDefinition[];
  readonly entities?: readonly { readonly id: string; readonly label: LocalizedText }[];
}

/** `#/users`: the users and their roles; the current app's roles and what their permissions allow. */
export function UsersScreen() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const appId = currentAppId();
  const [users, setUsers] = useState<readonly AdminUser[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [roles, setRoles] = useState<readonly RoleDefinition[]>([]);
  const [permissions, setPermissions] = useState<readonly PermissionDefinition[]>([]);
  const [entities, setEntities] = useState<NonNullable<AccessTemplate['entities']>>([]);
  const [editing, setEditing] = useState<PermissionDefinition | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const loadUsers = useCallback(() => {
    api<AdminUser[]>('GET', '/users').then(setUsers, (error: unknown) => setProblems(problemsOf(error)));
  }, []);
  const loadAccess = useCallback(() => {
    if (appId === null) return;
    api<AccessTemplate>('GET', `/apps/${appId}/template`).then((template) => {
      setRoles(template.roles ?? []);
      setPermissions(template.permissions ?? []);
      setEntities(template.entities ?? []);
    }, (error: unknown) => setProblems(problemsOf(error)));
  }, [appId]);
  useEffect(() => {
    loadUsers();
    loadAccess();
  }, [loadUsers, loadAccess]);
  const editedUser = users?.find((u) => u.id === selected);
  const roleName = (id: string) => {
    const role = roles.find((r) => r.id === id);
    return role === undefined ? id : pick(role.label);
  };

  return (
    <div className="screen users workspace">
      <header className="screen-header"><h1>{t('admin.users.title')}</h1></header>
      <div role="alert"><ProblemList problems={problems} /></div>
      <div className="columns">
        <div className="column">
          <section className="panel" aria-labelledby="users-list">
            <h2 id="users-list">{t('admin.users.users')}</h2>
            {users === null ? <p className="muted">{t('admin.common.loading')}</p> : (
              <table className="records-table">
                <thead><tr><th>{t('admin.users.username')}</th><th>{t('admin.users.displayName')}</th><th>{t('admin.users.email')}</th><th>{t('admin.users.roles')}</th><th>{t('admin.users.state')}</th><th><span className="visually-hidden">{t('admin.users.edit')}</span></th></tr></thead>
                <tbody>
                  {users.map((u) => (
                    <tr key={u.id} data-user={u.username}>
                      <td><code>{u.username}</code></td><td>{u.displayName}</td><td>{u.email ?? ''}</td><td>{u.roles.map(roleName).join(', ')}</td>
                      <td>{u.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
                      <td><button type="button" aria-label={t('admin.users.editUser', { name: u.username })} onClick={() => setSelected(u.id)}>{t('admin.users.edit')}</button></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <PermissionsTable roles={roles} permissions={permissions} onEdit={setEditing} />
        </div>
        <div className="column">
          {appId !== null && editing !== null && (
            <PermissionEditor key={editing.id} appId={appId} permission={editing} roles={roles} entities={entities} onPublished={loadAccess} />
          )}
          {editedUser !== undefined && <EditUserForm key={editedUser.id} user={editedUser} roles={roles} onSaved={loadUsers} />}
          <NewUserForm roles={roles} onCreated={loadUsers} />
          <section className="panel" aria-labelledby="roles-list">
            <h2 id="roles-list">{t('admin.users.appRoles', { app: appId ?? '—' })}</h2>
            <dl className="record-data">
              {roles.map((r) => <div key={r.id} data-role={r.id}><dt>{pick(r.label)}</dt><dd>{r.description === undefined ? '' : pick(r.description)}</dd></div>)}
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
