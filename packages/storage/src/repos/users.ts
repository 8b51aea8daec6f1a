import { randomUUID } from 'node:crypto';
import type { User, UserRepository } from '../port.js';
import { storageError, storageProblems } from '../problems.js';
import { UUID } from '../query/filter.js';
import { iso, one, withConstraints, type RepoContext } from './context.js';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  partner_org: string | null;
  regions: string[];
  manager: string | null;
  email: string | null;
  locale: string;
  disabled: boolean;
  must_change_password: boolean;
  created_at: unknown;
  updated_at: unknown;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    roles: row.roles,
    partnerOrg: row.partner_org,
    regions: row.regions,
    manager: row.manager,
    email: row.email,
    locale: row.locale,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const DEFAULT_LOCALE = 'zh-CN';

export function userRepository(ctx: RepoContext): UserRepository {
  const { sql } = ctx;
  const orgMissing = (org: string | null | undefined, manager?: string | null) => ({
    users_partner_org_fkey: () => storageProblems.notFound('partnerOrg', 'partner organisation', String(org)),
    users_manager_fkey: () => storageProblems.notFound('manager', 'user', String(manager)),
  });
  const get = async (id: string) => {
    if (!UUID.test(id)) return null;
    const rows = await sql.query<UserRow>('SELECT * FROM users WHERE id = $1::uuid', [id]);
    return rows[0] === undefined ? null : toUser(rows[0]);
  };
  return {
    get,
    async getByUsername(username) {
      const rows = await sql.query<UserRow>('SELECT * FROM users WHERE lower(username) = lower($1)', [username]);
      return rows[0] === undefined ? null : toUser(rows[0]);
    },
    async list() {
      return (await sql.query<UserRow>('SELECT * FROM users ORDER BY lower(username)')).map(toUser);
    },
    async create(input) {
      const at = ctx.now().toISOString();
      const id = input.id ?? randomUUID();
      if (!UUID.test(id)) throw storageError(storageProblems.badId('id', id));
      const rows = await withConstraints(
        sql.query<UserRow>(
          `INSERT INTO users (id, username, display_name, password_hash, roles, partner_org, regions, locale, disabled, must_change_password, created_at, updated_at, manager, email)
           VALUES ($1::uuid, $2, $3, $4, $5::text[], $6, $7::text[], $8, FALSE, $9, $10::timestamptz, $10::timestamptz, $11::uuid, $12) RETURNING *`,
          [
            id,
            input.username,
            input.displayName,
            input.passwordHash,
            [...input.roles],
            input.partnerOrg ?? null,
            [...(input.regions ?? [])],
            input.locale ?? DEFAULT_LOCALE,
            input.mustChangePassword ?? false,
            at,
            input.manager ?? null,
            input.email ?? null,
          ],
        ),
        {
          ...orgMissing(input.partnerOrg, input.manager),
          users_username_key: () => storageProblems.duplicate('username', input.username),
          users_pkey: () => storageProblems.duplicate('id', id),
        },
      );
      return toUser(one(rows));
    },
    async update(id, changes) {
      const before = await get(id);
      if (before === null) throw storageError(storageProblems.notFound('id', 'user', id));
      const pick = <T>(value: T | undefined, fallback: T) => (value === undefined ? fallback : value);
      const rows = await withConstraints(
        sql.query<UserRow>(
          `UPDATE users SET display_name = $2, password_hash = $3, roles = $4::text[], partner_org = $5, regions = $6::text[],
             locale = $7, disabled = $8, must_change_password = $9, updated_at = $10::timestamptz, manager = $11::uuid, email = $12
           WHERE id = $1::uuid RETURNING *`,
          [
            id,
            pick(changes.displayName, before.displayName),
            pick(changes.passwordHash, before.passwordHash),
            [...pick(changes.roles, before.roles)],
            pick(changes.partnerOrg, before.partnerOrg),
            [...pick(changes.regions, before.regions)],
            pick(changes.locale, before.locale),
            pick(changes.disabled, before.disabled),
            pick(changes.mustChangePassword, before.mustChangePassword),
            ctx.now().toISOString(),
            pick(changes.manager, before.manager),
            pick(changes.email, before.email),
          ],
        ),
        orgMissing(changes.partnerOrg, changes.manager),
      );
      ctx.sessionLookupChanged?.();
      return toUser(one(rows));
    },
  };
}
