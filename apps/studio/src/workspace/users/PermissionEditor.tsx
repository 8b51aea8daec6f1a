import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText, Problem } from '@trellis/errors';
import { PERMISSION_ACTIONS } from '@trellis/permissions';
import { api, problemsOf } from '../../api/client.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import type { PermissionDefinition, RoleDefinition } from './access.js';
import { CheckboxFieldset } from './CheckboxFieldset.js';

interface Props {
  readonly appId: string;
  readonly permission: PermissionDefinition;
  readonly roles: readonly RoleDefinition[];
  readonly entities: readonly { readonly id: string; readonly label: LocalizedText }[];
  readonly onPublished: () => void;
}

/**
 * A permission edited like every definition: its roles, entity and actions here (the rest of the
 * definition kept as it is), saved as a draft and published as its next version.
 */
export function PermissionEditor({ appId, permission, roles, entities, onPublished }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [draft, setDraft] = useState<PermissionDefinition>(permission);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [version, setVersion] = useState<number | null>(null);
  const publish = async () => {
    setProblems([]);
    try {
      const path = `/apps/${appId}/definitions/permission/${permission.id}`;
      await api('PUT', `${path}/draft`, draft);
      const published = await api<{ version: number }>('POST', `${path}/publish`);
      setVersion(published.version);
      onPublished();
    } catch (error) {
      setProblems(problemsOf(error));
    }
  };
  return (
    <section className="panel" aria-labelledby="permission-editor" data-testid="permission-editor">
      <h2 id="permission-editor">{t('admin.users.editPermission', { name: pick(permission.label) })}</h2>
      <label className="field">
        <span>{t('admin.users.entity')}</span>
        <select aria-label={t('admin.users.entity')} value={draft.entity} onChange={(e) => setDraft({ ...draft, entity: e.target.value })}>
          <option value="*">{t('admin.users.everyEntity')}</option>
          {entities.map((e) => <option key={e.id} value={e.id}>{pick(e.label)}</option>)}
        </select>
      </label>
      <CheckboxFieldset legend={t('admin.users.roles')} options={roles.map((r) => ({ value: r.id, label: pick(r.label) }))} chosen={draft.roles} onChange={(chosen) => setDraft({ ...draft, roles: chosen })} />
      <CheckboxFieldset legend={t('admin.users.actions')} options={PERMISSION_ACTIONS.map((a) => ({ value: a, label: t(`admin.users.action.${a}`) }))} chosen={draft.actions} onChange={(chosen) => setDraft({ ...draft, actions: chosen })} />
      <button type="button" onClick={() => void publish()}>{t('admin.users.publish')}</button>
      {version !== null && <p role="status" className="ok">{t('admin.users.published', { version })}</p>}
      <div role="alert"><ProblemList problems={problems} showPaths /></div>
    </section>
  );
}
