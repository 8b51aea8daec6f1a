import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client.js';
import type { Me } from '../api/types.js';

interface Session {
  readonly me: Me;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The signed-in user; only used below `SessionGate`, which renders nothing else without one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside SessionGate');
  return session;
}

type State = { readonly kind: 'loading' } | { readonly kind: 'signedOut' } | { readonly kind: 'signedIn'; readonly me: Me };

/**
 * Asks the server who is signed in (the session cookie is httpOnly, so only the server knows);
 * renders `signIn` until someone is, `changePassword` while that user must change the password,
 * then the children with the session.
 */
export function SessionGate({ signIn, changePassword, children }: {
  signIn: (done: () => void) => ReactNode;
  changePassword: (done: () => void) => ReactNode;
  children: ReactNode;
}) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(() => {
    api<Me>('GET', '/auth/me').then(
      (me) => setState({ kind: 'signedIn', me }),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) setState({ kind: 'signedOut' });
        else setState({ kind: 'signedOut' });
      },
    );
  }, []);
  useEffect(load, [load]);
  const signOut = useCallback(async () => {
    await api('POST', '/auth/logout').catch(() => undefined);
    setState({ kind: 'signedOut' });
  }, []);
  if (state.kind === 'loading') return null;
  if (state.kind === 'signedOut') return <>{signIn(load)}</>;
  if (state.me.mustChangePassword) return <>{changePassword(load)}</>;
  return <SessionContext.Provider value={{ me: state.me, signOut }}>{children}</SessionContext.Provider>;
}
