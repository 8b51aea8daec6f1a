import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../api/client.js';
import { ProblemList } from '../common/ProblemList.js';

/** The server's least password length (apps/server identity MIN_PASSWORD_LENGTH), checked here before asking it. */
const MIN_LENGTH = 10;

/**
 * Shown instead of everything else while the server says the signed-in user must change the
 * password (a one-time password from the first start or an admin); the server keeps the session.
 */
export function ChangePassword({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [local, setLocal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const field = (name: string) => String(data.get(name) ?? '');
    setProblems([]);
    const mistake = field('newPassword').length < MIN_LENGTH ? t('workspace.changePassword.tooShort', { min: MIN_LENGTH })
      : field('newPassword') !== field('confirm') ? t('workspace.changePassword.mismatch') : null;
    setLocal(mistake);
    if (mistake !== null) return;
    setBusy(true);
    api('POST', '/auth/password', { currentPassword: field('currentPassword'), newPassword: field('newPassword') }).then(onChanged, (error: unknown) => {
      setProblems(problemsOf(error));
      setBusy(false);
    });
  };
  return (
    <form className="sign-in change-password panel" onSubmit={submit} aria-labelledby="change-password-title">
      <h1 id="change-password-title">{t('workspace.changePassword.title')}</h1>
      <p className="muted">{t('workspace.changePassword.hint')}</p>
      <label className="stacked"><span>{t('workspace.changePassword.current')}</span><input type="password" name="currentPassword" autoComplete="current-password" required /></label>
      <label className="stacked"><span>{t('workspace.changePassword.next')}</span><input type="password" name="newPassword" autoComplete="new-password" required /></label>
      <label className="stacked"><span>{t('workspace.changePassword.confirm')}</span><input type="password" name="confirm" autoComplete="new-password" required /></label>
      <div role="alert">{local !== null && <p className="problems error">{local}</p>}<ProblemList problems={problems} /></div>
      <button type="submit" className="primary" disabled={busy}>{t('workspace.changePassword.submit')}</button>
    </form>
  );
}
