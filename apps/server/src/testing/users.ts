import type { Storage, User } from '@trellis/storage';
import type { PasswordHasher } from '../identity/password.js';
import { createUser, type NewUser } from '../identity/users.js';

export type TestUserInput = Omit<NewUser, 'password'> & { readonly password?: string };
export type CreateTestUser = (input: TestUserInput) => Promise<{ user: User; password: string }>;

/** Creates users directly (no HTTP) with a known password, by default derived from the username. */
export function testUserCreator(storage: Storage, passwords: PasswordHasher): CreateTestUser {
  return async (input) => {
    const password = input.password ?? `pw-${input.username}-0123456789`;
    const { user } = await createUser(storage, passwords, { ...input, password }, { actor: 'test' });
    return { user, password };
  };
}
