import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.js';

/**
 * Users' display names by id, for history and "updated by"; an id the list does not hold, or a
 * reader who may not list users, sees the id itself.
 */
export function useUserNames(): (id: string) => string {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    api<{ id: string; displayName: string }[]>('GET', '/users').then(
      (users) => { if (live) setNames(new Map(users.map((u) => [u.id, u.displayName]))); },
      // listing users needs an admin: the ids stay
      () => undefined,
    );
    return () => { live = false; };
  }, []);
  return useCallback((id: string) => names.get(id) ?? id, [names]);
}
