import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/i18n.js';
import { fieldsText, permissionsByEntity, type PermissionDefinition, type RoleDefinition } from './access.js';

/** The app's permission definitions by entity: roles, actions, scope and fields; narrowed to one role on demand. */
interface Props {
  readonly roles: readonly RoleDefinition[];
  readonly permissions: readonly PermissionDefinition[];
  readonly onEdit: (permission: PermissionDefinition) => void;
}

export function PermissionsTable({ roles, permissions, onEdit }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [role, setRole] = useState<string | null>(null);
  const roleName = (id: string) => {
    const found = roles.find((r) => r.id === id);
    return found === undefined ? id : pick(found.label);
  };
  return (
    <section className="panel" aria-labelledby="permissions-list">
      <h2 id="permissions-list">{t('admin.users.permissions')}</h2>
      <label className="inline">
        <span>{t('admin.users.forRole')}</span>
        <select aria-label={t('admin.users.forRole')} value={role ?? ''} onChange={(e) => setRole(e.target.value === '' ? null : e.target.value)}>
          <option value="">{t('admin.users.allRoles')}</option>
          {roles.map((r) => <option key={r.id} value={r.id}>{pick(r.label)}</option>)}
        </select>
      </label>
      <div className="table-scroll">
        <table className="plan">
          <thead>
            <tr><th>{t('admin.users.entity')}</th><th>{t('admin.users.permission')}</th><th>{t('admin.users.roles')}</th><th>{t('admin.users.actions')}</th><th>{t('admin.users.readable')}</th><th>{t('admin.users.writable')}</th></tr>
          </thead>
          <tbody>
            {permissionsByEntity(permissions, role).flatMap(([entity, list]) => list.map((p, i) => (
              <tr key={p.id} data-permission={p.id}>
                {i === 0 && <th rowSpan={list.length} scope="rowgroup"><code>{entity === '*' ? t('admin.users.everyEntity') : entity}</code></th>}
                <td>
                  <button type="button" className="link" aria-label={t('admin.users.editPermission', { name: pick(p.label) })} onClick={() => onEdit(p)}>{pick(p.label)}</button>
                  {p.scope !== undefined && <span className="badge">{t('admin.users.scoped')}</span>}
                </td>
                <td>{p.roles.map(roleName).join(', ')}</td>
                <td>{p.actions.join(', ')}</td>
                <td>{fieldsText(p.readableFields, t('admin.users.allFields'))}</td>
                <td>{fieldsText(p.writableFields, t('admin.users.allFields'))}</td>
              </tr>
            )))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
