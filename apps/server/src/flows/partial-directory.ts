import type { Directory } from '@trellis/flow';
import type { StorageTx } from '@trellis/storage';
import { userDirectory } from './directory.js';

/** Thrown by a partial directory when the engine asks for what it has not read yet. */
class DirectoryMiss extends Error {
  constructor(readonly userId: string | null) {
    super('directory miss');
  }
}

/**
 * Runs a pure engine call reading only the users it asks for: first with the users read so far;
 * when it asks for one more user by id, that user is read and the call runs again; when it asks
 * for users by role or partner organisation, the whole directory is read. Most record writes
 * start no flow and so read no user at all.
 */
export function partialDirectory(tx: StorageTx, full: () => Promise<Directory>) {
  const known = new Map<string, Directory>();
  let whole: Directory | null = null;
  const partial: Directory = {
    user(id) {
      const one = known.get(id);
      if (one === undefined) throw new DirectoryMiss(id);
      return one.user(id);
    },
    usersWithRole: () => {
      throw new DirectoryMiss(null);
    },
    usersOfPartner: () => {
      throw new DirectoryMiss(null);
    },
  };
  return async function withDirectory<T>(call: (directory: Directory) => T): Promise<T> {
    for (;;) {
      if (whole !== null) return call(whole);
      try {
        return call(partial);
      } catch (error) {
        if (!(error instanceof DirectoryMiss)) throw error;
        if (error.userId === null) whole = await full();
        else {
          const user = await tx.users.get(error.userId);
          known.set(error.userId, userDirectory(user === null ? [] : [user]));
        }
      }
    }
  };
}
