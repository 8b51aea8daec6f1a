import type { FlowAssignee } from '@trellis/definitions';
import type { JsonValue } from '@trellis/rules';
import type { DirectoryUser } from '../types.js';
import type { Run } from './run.js';

function ids(value: JsonValue): string[] {
  if (typeof value === 'string' && value !== '') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return [];
}

function candidate(user: DirectoryUser): JsonValue {
  return { id: user.id, roles: [...user.roles], manager: user.manager, partnerOrg: user.partnerOrg, attributes: { ...user.attributes } };
}

function resolveOne(run: Run, assignee: FlowAssignee, path: string): string[] {
  const { directory } = run.ctx;
  switch (assignee.by) {
    case 'user':
      return assignee.users;
    case 'role': {
      const users = [...directory.usersWithRole(assignee.role)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const match = assignee.match;
      return users.filter((u) => match === undefined || Boolean(run.evaluate(match, `${path}.match`, { $candidate: candidate(u) }))).map((u) => u.id);
    }
    case 'record_owner':
      return run.state.recordOwner === null ? [] : [run.state.recordOwner];
    case 'owner_manager': {
      const manager = run.state.recordOwner === null ? null : directory.user(run.state.recordOwner)?.manager;
      return manager == null ? [] : [manager];
    }
    case 'initiator':
      return [run.state.startedBy];
    case 'field':
      return ids(run.field(assignee.field));
    case 'partner':
      return ids(run.field(assignee.field)).flatMap((org) => directory.usersOfPartner(org).map((u) => u.id));
    case 'rule':
      return ids(run.evaluate(assignee.rule, `${path}.rule`));
  }
}

/** The user ids a list of assignee specs names right now, in order, without duplicates. */
export function resolveAssignees(run: Run, list: readonly FlowAssignee[], path: string): string[] {
  return [...new Set(list.flatMap((a, i) => resolveOne(run, a, `${path}.${i}`)))];
}
