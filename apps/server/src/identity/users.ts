import type { JsonValue, Storage, StorageTx, User, UserChanges, UserCreate, WriteContext } from '@trellis/storage';
import { generatePassword, type PasswordHasher } from './password.js';
import { ADMIN_ROLE } from './session-user.js';

export interface NewUser {
  readonly username: string;
  readonly displayName?: string;
  /** absent: a one-time password is generated, returned once, and must be changed at sign-in */
  readonly password?: string;
  readonly roles: readonly string[];
  readonly partnerOrg?: string | null;
  readonly regions?: readonly string[];
  /** the user id of their manager */
  readonly manager?: string | null;
  readonly email?: string | null;
  readonly locale?: string;
}

export interface CreatedUser {
  readonly user: User;
  readonly generatedPassword?: string;
}

/** A user for audit entries: never the password hash. */
export function auditView(user: User): JsonValue {
  const { passwordHash: _hidden, ...visible } = user;
  return JSON.parse(JSON.stringify(visible)) as JsonValue;
}

/** A user ready to insert: the password is hashed before any transaction opens (scrypt is slow). */
export interface PreparedUser {
  readonly create: UserCreate;
  readonly generatedPassword?: string;
}

export async function prepareUser(passwords: PasswordHasher, input: NewUser): Promise<PreparedUser> {
  const generatedPassword = input.password === undefined ? generatePassword() : undefined;
  const create: UserCreate = {
    username: input.username,
    displayName: input.displayName ?? input.username,
    passwordHash: await passwords.hash(input.password ?? generatedPassword ?? ''),
    roles: input.roles,
    partnerOrg: input.partnerOrg ?? null,
    regions: input.regions ?? [],
    manager: input.manager ?? null,
    email: input.email ?? null,
    ...(input.locale === undefined ? {} : { locale: input.locale }),
    mustChangePassword: generatedPassword !== undefined,
  };
  return generatedPassword === undefined ? { create } : { create, generatedPassword };
}

/** Inserts a prepared user and its audit entry in `tx`; STORAGE_DUPLICATE when the username is taken. */
export async function insertUser(tx: StorageTx, prepared: PreparedUser, context: WriteContext): Promise<CreatedUser> {
  const user = await tx.users.create(prepared.create);
  await tx.audit.append({ ...context, action: 'user.create', after: auditView(user) });
  return prepared.generatedPassword === undefined ? { user } : { user, generatedPassword: prepared.generatedPassword };
}

export async function createUser(storage: Storage, passwords: PasswordHasher, input: NewUser, context: WriteContext): Promise<CreatedUser> {
  const prepared = await prepareUser(passwords, input);
  return storage.transaction((tx) => insertUser(tx, prepared, context));
}

export interface UserUpdate extends Omit<UserChanges, 'passwordHash' | 'mustChangePassword'> {
  /** a new password set by an administrator: the user must change it at next sign-in */
  readonly password?: string;
}

/**
 * Changes a user with its audit entry. A new password or a disabled account ends the user's
 * sessions, so the change takes effect at once. STORAGE_NOT_FOUND when the user is missing.
 */
export async function updateUser(storage: Storage, passwords: PasswordHasher, id: string, update: UserUpdate, context: WriteContext): Promise<User> {
  const { password, ...changes } = update;
  const passwordChanges = password === undefined ? {} : { passwordHash: await passwords.hash(password), mustChangePassword: true };
  return storage.transaction(async (tx) => {
    const before = await tx.users.get(id);
    const user = await tx.users.update(id, { ...changes, ...passwordChanges });
    if (password !== undefined || user.disabled) await tx.sessions.deleteForUser(id);
    await tx.audit.append({ ...context, action: 'user.update', before: before === null ? null : auditView(before), after: auditView(user) });
    return user;
  });
}

export const FIRST_ADMIN_USERNAME = 'admin';

/**
 * On first start (no user at all) creates `admin` with a one-time password, returned so the
 * caller can print it once. Two servers starting together on one PostgreSQL both may try; the
 * loser's duplicate username means the admin exists, which is all that matters.
 */
export async function ensureFirstAdmin(storage: Storage, passwords: PasswordHasher): Promise<CreatedUser | null> {
  if ((await storage.read.users.list()).length > 0) return null;
  const prepared = await prepareUser(passwords, { username: FIRST_ADMIN_USERNAME, displayName: 'Administrator', roles: [ADMIN_ROLE] });
  try {
    return await storage.transaction(async (tx) => ((await tx.users.list()).length > 0 ? null : insertUser(tx, prepared, { actor: 'system' })));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'STORAGE_DUPLICATE') return null;
    throw error;
  }
}
