/**
 * Permission definitions for tests, so record tests state the grants they rely on instead of
 * depending on whatever grants the PRM template ships with.
 */
import type { AppTemplate } from '@trellis/definitions';
import { loadPrmTemplate } from '@trellis/seed';

const label = (en: string) => ({ en, 'zh-CN': en });

export function grant(id: string, roles: string[], entity: string, actions: string[], extra: Record<string, unknown> = {}) {
  return { kind: 'permission', formatVersion: 1, id, label: label(id), roles, entity, actions, ...extra };
}

export const ADMIN_GRANT = grant('admin_all', ['admin'], '*', ['read', 'create', 'update', 'delete', 'export', 'import'], {
  readableFields: '*', writableFields: '*',
});

/** The PRM template with exactly these grants. */
export function prmWithGrants(grants: readonly object[]): AppTemplate {
  return { ...loadPrmTemplate(), permissions: grants } as unknown as AppTemplate;
}
