/** A task as the flow API lists it (`/api/tasks`): what inboxes in the studio and the portal show. */
import type { LocalizedText } from '@trellis/errors';
import type { TaskKind } from './types.js';

export interface TaskView {
  readonly id: string;
  readonly instanceId: string;
  readonly app: string;
  readonly flowId: string;
  readonly node: string;
  readonly label: LocalizedText;
  readonly kind: TaskKind;
  readonly status: 'open' | 'closed';
  /** open: who may act now; closed: who took part */
  readonly assignees: readonly string[];
  readonly entity?: string;
  readonly recordId: string | null;
  readonly openedAt: string;
  readonly dueAt?: string | null;
  readonly overdue?: boolean;
}
