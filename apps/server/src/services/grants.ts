/**
 * Compiling an app's grants before they are stored: an unknown role or an unsafe scope would make
 * every later request of the app fail. Their problems are reported as a rejected definition (422),
 * not as the 403 their PERM_ codes would mean in a request.
 */
import type { EntityDefinition, PermissionDefinition } from '@trellis/definitions';
import { TrellisError, isTrellisError } from '@trellis/errors';
import { compilePermissions } from '@trellis/permissions';
import { serviceProblems } from './problems.js';

export function checkGrants(grants: readonly unknown[], roles: readonly string[], entities: readonly EntityDefinition[] = []): void {
  try {
    compilePermissions(grants as PermissionDefinition[], roles, { entities });
  } catch (error) {
    if (!isTrellisError(error)) throw error;
    throw new TrellisError([serviceProblems.grantsInvalid(error.problems.length), ...error.problems]);
  }
}
