import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import type { RoleDefinition } from './access.js';
import { CheckboxFieldset } from './CheckboxFieldset.js';

/** A new user with roles; the server makes a one-time password, shown here once. */
export function NewUserForm({ roles, onCreated }: { roles: readonly RoleDefinition[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [password, setPassword] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const create = () => {
    setProblems([]);
    setPassword(null);
    api<{ generatedPassword?: string }>('POST', '/users', { username, ...(displayName === '' ? {} : { displayName }), ...(email === '' ? {} : { email }), roles: chosen }).then((created) => {
      setPassword(created.generatedPassword ?? null);
      setUsername('');
      setDisplayName('');
      setEmail('');
      setChosen([]);
      onCreated();
    }, (error: unknown) => setProblems(problemsOf(error)));
  };
  return (
    <section className="panel" aria-labelledby="new-user">
      <h2 id="new-user">{t('admin.users.newUser')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); create(); }}>
        <label className="field"><span>{t('admin.users.username')}</span><input value={username} onChange={(e) => setUsername(e.target.value)} /></label>
        <label className="field"><span>{t('admin.users.displayName')}</span><input value={displayName} onChange={(e) => setDisplayName(e.target.value)} /></label>
        <label className="field"><span>{t('admin.users.email')}</span><input type="email" value={email} onChange={(e) => setEmail(e.target.value)} /></label>
        <CheckboxFieldset legend={t('admin.users.roles')} options={roles.map((r) => ({ value: r.id, label: pick(r.label) }))} chosen={chosen} onChange={setChosen} />
        <button type="submit" disabled={username === '' || chosen.length === 0}>{t('admin.users.create')}</button>
      </form>
      {password !== null && <p role="status" className="ok">{t('admin.users.generated')} <code data-testid="generated-password">{password}</code></p>}
      <div role="alert"><ProblemList problems={problems} showPaths /></div>
    </section>
  );
}
