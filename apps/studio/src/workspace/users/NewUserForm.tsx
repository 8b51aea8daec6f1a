import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import { ProblemList } from '../../common/ProblemList.js';
import type { RoleDefinition } from './access.js';
import { UserFields, type UserFieldValues } from './UserFields.js';

const EMPTY: UserFieldValues = { displayName: '', email: '', roles: [] };

/** A new user with roles; the server makes a one-time password, shown here once. */
export function NewUserForm({ roles, onCreated }: { roles: readonly RoleDefinition[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [values, setValues] = useState<UserFieldValues>(EMPTY);
  const [password, setPassword] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const create = () => {
    setProblems([]);
    setPassword(null);
    const { displayName, email } = values;
    api<{ generatedPassword?: string }>('POST', '/users', { username, ...(displayName === '' ? {} : { displayName }), ...(email === '' ? {} : { email }), roles: values.roles }).then((created) => {
      setPassword(created.generatedPassword ?? null);
      setUsername('');
      setValues(EMPTY);
      onCreated();
    }, (error: unknown) => setProblems(problemsOf(error)));
  };
  return (
    <section className="panel" aria-labelledby="new-user">
      <h2 id="new-user">{t('admin.users.newUser')}</h2>
      <form noValidate onSubmit={(e) => { e.preventDefault(); create(); }}>
        <label className="field"><span>{t('admin.users.username')}</span><input value={username} onChange={(e) => setUsername(e.target.value)} /></label>
        <UserFields roles={roles} values={values} onChange={setValues} />
        <button type="submit" disabled={username === '' || values.roles.length === 0}>{t('admin.users.create')}</button>
      </form>
      {password !== null && <p role="status" className="ok">{t('admin.users.generated')} <code data-testid="generated-password">{password}</code></p>}
      <div role="alert"><ProblemList problems={problems} showPaths /></div>
    </section>
  );
}
