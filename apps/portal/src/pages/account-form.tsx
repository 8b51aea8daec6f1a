import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Locale } from '@trellis/errors';
import { isApiError, type FieldProblem } from '../api/problem.js';
import { useSession } from '../api/session.js';

/** Shared by the two ways in (invitation, sign-up): the account's fields and their checks. */
const MIN_PASSWORD = 10;

/** A message the server would give, in both languages, from the portal's own texts. */
function localProblem(t: TFunction, code: string, path: string, key: string, options: Record<string, unknown> = {}): FieldProblem {
  return { code, path, message: { en: t(key, { ...options, lng: 'en' }), 'zh-CN': t(key, { ...options, lng: 'zh-CN' }) } };
}

/** The password checks made before asking the server: long enough, typed twice alike. */
function passwordProblems(t: TFunction, password: string, repeat: string): FieldProblem[] {
  return [
    ...(password.length < MIN_PASSWORD ? [localProblem(t, 'PASSWORD_SHORT', 'password', 'register.passwordShort', { n: MIN_PASSWORD })] : []),
    ...(password !== repeat ? [localProblem(t, 'PASSWORD_MISMATCH', 'repeat', 'register.mismatch')] : []),
  ];
}

/** The server's problems with a failed call, or a general one when it named none (a network failure, say). */
function failureProblems(t: TFunction, failure: unknown): readonly FieldProblem[] {
  return isApiError(failure) && failure.problems.length > 0 ? failure.problems : [localProblem(t, 'X', '', 'register.failed')];
}

/**
 * The state of an account form and its submission: the passwords are checked here first, then
 * `create` makes the account and answers the username to sign in with; the new user lands home.
 */
export function useAccountForm<F extends { readonly password: string; readonly repeat: string }>(initial: F, create: (fields: F) => Promise<string>) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [fields, setFields] = useState(initial);
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = passwordProblems(t, fields.password, fields.repeat);
    setProblems(local);
    if (local.length > 0) return;
    setBusy(true);
    try {
      await signIn(await create(fields), fields.password);
      navigate('/', { replace: true });
    } catch (failure) {
      setProblems(failureProblems(t, failure));
    } finally {
      setBusy(false);
    }
  }
  return { fields, setFields, problems, busy, submit };
}

/** The message of the problem on a field (the server names body fields `body.NAME`, nested with dots). */
export function problemAt(problems: readonly FieldProblem[], name: string, locale: Locale): string | undefined {
  return problems.find((p) => p.path === name || p.path === `body.${name}`)?.message[locale];
}

export interface AccountFieldProps {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly autoComplete: string;
  readonly required?: boolean;
  readonly value: string;
  readonly problem: string | undefined;
  readonly onChange: (value: string) => void;
}

/** One labelled input with its problem, tied together for screen readers. */
export function AccountField({ name, label, type, autoComplete, required = true, value, problem, onChange }: AccountFieldProps) {
  const errorId = `account-${name.replace(/\W/g, '-')}-error`;
  return (
    <div className="account-field">
      <label className="stacked">
        <span className={required ? 'is-required' : undefined}>{label}</span>
        <input name={name} type={type} autoComplete={autoComplete} required={required} value={value}
          aria-invalid={problem !== undefined} aria-describedby={problem !== undefined ? errorId : undefined}
          onChange={(e) => onChange(e.target.value)} />
      </label>
      {/* outside the label, so the field's name stays its label; the input is described by it */}
      {problem !== undefined ? <p id={errorId} className="error">{problem}</p> : null}
    </div>
  );
}
