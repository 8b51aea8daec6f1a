import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './client.js';
import { isApiError } from './problem.js';

/** The signed-in user as /api/auth/me answers. */
export interface Me {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly partnerOrg: string | null;
  readonly partnerOrgDetails: { readonly id: string; readonly name: string; readonly region: string | null } | null;
  readonly locale: string;
}

interface SessionState {
  /** undefined while asking the server, null when nobody is signed in */
  readonly me: Me | null | undefined;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    api<Me>('GET', '/api/auth/me').then(setMe, (error: unknown) => {
      if (isApiError(error) && error.status === 401) setMe(null);
      else throw error;
    });
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    const signed = await api<Me>('POST', '/api/auth/login', { username, password });
    setMe(signed);
    return signed;
  }, []);
  const signOut = useCallback(async () => {
    await api('POST', '/api/auth/logout');
    setMe(null);
  }, []);
  return <SessionContext.Provider value={{ me, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) throw new Error('useSession needs a SessionProvider');
  return state;
}

/** The signed-in user; only inside routes that require a session. */
export function useMe(): Me {
  const { me } = useSession();
  if (me === null || me === undefined) throw new Error('useMe needs a signed-in user');
  return me;
}
