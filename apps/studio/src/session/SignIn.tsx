import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../api/client.js';
import { ProblemList } from '../common/ProblemList.js';

/** The sign-in form; the server sets the session cookie. */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    api('POST', '/auth/login', { username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') }).then(
      () => onSignedIn(),
      (error: unknown) => {
        setProblems(problemsOf(error));
        setBusy(false);
      },
    );
  };
  return (
    <form className="sign-in panel" onSubmit={submit} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('workspace.signIn.title')}</h1>
      <label className="stacked"><span>{t('workspace.signIn.username')}</span><input type="text" name="username" autoComplete="username" required /></label>
      <label className="stacked"><span>{t('workspace.signIn.password')}</span><input type="password" name="password" autoComplete="current-password" required /></label>
      <div role="alert"><ProblemList problems={problems} /></div>
      <button type="submit" className="primary" disabled={busy}>{t('workspace.signIn.submit')}</button>
    </form>
  );
}
