/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/flow/v1.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */
import type { DefinitionId, FieldPath, JsonValue } from './common.js';
import type { LocalizedText } from './localized-text.js';
import type { RuleExpression } from './rule.js';

/**
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "nodeType".
 */
export type FlowNodeType =
  | 'start'
  | 'form_task'
  | 'approval'
  | 'condition'
  | 'compute'
  | 'notify'
  | 'wait'
  | 'parallel_split'
  | 'parallel_join'
  | 'end';
/**
 * A span of time: an ISO 8601 duration (`PT4H`, `P1D`, `P1M`) in calendar time, or a number of working days (Monday to Friday, minus the holidays the server passes in).
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "duration".
 */
export type FlowDuration = FlowIsoDuration | FlowWorkingDays;
/**
 * Who a human step goes to. Several entries add up (duplicates removed, in order).
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "assignee".
 */
export type FlowAssignee =
  | {
      by: 'user';
      /**
       * @minItems 1
       */
      users: string[];
    }
  | {
      by: 'role';
      role: DefinitionId;
      match?: RuleExpression;
    }
  | {
      by: 'record_owner';
    }
  | {
      by: 'owner_manager';
    }
  | {
      by: 'initiator';
    }
  | {
      by: 'field';
      field: FieldPath;
    }
  | {
      by: 'partner';
      field: FieldPath;
    }
  | {
      by: 'rule';
      rule: RuleExpression;
    };
/**
 * What happens when `escalateAfter` passes with the task still open.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "escalation".
 */
export type FlowEscalation =
  | {
      action: 'reassign_to_manager';
    }
  | {
      action: 'reassign';
      /**
       * @minItems 1
       */
      to: FlowAssignee[];
    }
  | {
      action: 'notify_manager';
    }
  | {
      action: 'auto_approve';
    }
  | {
      action: 'auto_return';
      to?: DefinitionId;
    };
/**
 * When an instance starts.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "trigger".
 */
export type FlowTrigger =
  | {
      on: 'record_created';
      when?: RuleExpression;
    }
  | {
      on: 'field_change';
      /**
       * @minItems 1
       */
      fields: FieldPath[];
      when?: RuleExpression;
    }
  | {
      on: 'manual';
      roles?: DefinitionId[];
    }
  | {
      on: 'schedule';
      every?: 'day' | 'week' | 'month' | 'quarter' | 'year';
      /**
       * Five fields: minute hour day-of-month month day-of-week; each `*`, a number, a list `1,15`, a range `1-5` or a step `* /15`.
       */
      cron?: string;
      /**
       * Time of day (in the server's calendar time zone) for `every`; 00:00 when omitted.
       */
      at?: string;
      filter?: RuleExpression;
    };
export type FlowComputeTarget =
  | {
      kind: 'record';
    }
  | {
      kind: 'create';
      entity: DefinitionId;
    }
  | {
      kind: 'node';
      node: DefinitionId;
    };
/**
 * Sends a message after the transition commits: to inboxes, by e-mail (when SMTP is configured) or to a webhook (HMAC-signed with the secret named by `secretRef`).
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "notifySettings".
 */
export type FlowNotifySettings =
  | {
      channel: 'inbox';
      /**
       * @minItems 1
       */
      to: FlowAssignee[];
      message: LocalizedText;
    }
  | {
      channel: 'email';
      /**
       * @minItems 1
       */
      to: FlowAssignee[];
      subject: LocalizedText;
      message: LocalizedText;
    }
  | {
      channel: 'webhook';
      url: string;
      secretRef: string;
      event?: string;
    };
/**
 * Waits for a span of time, or until the date or date-time in a record field (at once when it has passed or is empty).
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "waitSettings".
 */
export type FlowWaitSettings =
  | {
      until: 'elapsed';
      duration: FlowDuration;
    }
  | {
      until: 'field';
      field: FieldPath;
    };

/**
 * A process over an entity: nodes of the given types joined by edges from output ports, optionally conditional. Each node's `settings` follow its type's settings schema in `$defs` (checked by @trellis/flow validateFlow). formatVersion 1.
 */
export interface FlowDefinition {
  kind: 'flow';
  formatVersion: 1;
  id: DefinitionId;
  label: LocalizedText;
  description?: LocalizedText;
  entity?: DefinitionId;
  lookups?: FlowLookup[];
  /**
   * @minItems 1
   */
  nodes: FlowNode[];
  edges: FlowEdge[];
}
/**
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "node".
 */
export interface FlowNode {
  id: DefinitionId;
  type: FlowNodeType;
  label?: LocalizedText;
  description?: LocalizedText;
  settings?: FlowNodeSettings;
  position?: FlowNodePosition;
}
/**
 * Settings of the node's type: an object checked against that type's settings schema (`$defs/<type>Settings`, also exposed as NODE_KINDS[type].settingsSchema by @trellis/flow) when the flow is validated.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "settings".
 */
export interface FlowNodeSettings {
  [k: string]: unknown;
}
/**
 * Where the designer draws the node.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "position".
 */
export interface FlowNodePosition {
  x: number;
  y: number;
}
/**
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "edge".
 */
export interface FlowEdge {
  id: DefinitionId;
  source: DefinitionId;
  target: DefinitionId;
  /**
   * The output port of the source node the edge leaves from (`approved`/`rejected` for approvals); omitted means the node's only port `out`.
   */
  sourceHandle?: string;
  condition?: RuleExpression;
  isDefault?: boolean;
  label?: LocalizedText;
}
/**
 * An ISO 8601 duration.
 */
export interface FlowIsoDuration {
  iso: string;
}
/**
 * Whole working days.
 */
export interface FlowWorkingDays {
  workingDays: number;
}
/**
 * Time limits of a human step, counted from when its task opens: a reminder to the open assignees, then an escalation.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "sla".
 */
export interface FlowSla {
  remindAfter?: FlowDuration;
  escalateAfter?: FlowDuration;
  escalation?: FlowEscalation;
}
/**
 * Related records the server reads before each transition and passes in as `$lookup.<id>` (an array): records of `entity` whose fields equal the flow record's fields as `match` says, sorted, at most `limit`.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "lookup".
 */
export interface FlowLookup {
  id: DefinitionId;
  entity: DefinitionId;
  /**
   * their field → the flow record's field
   */
  match: {
    [k: string]: FieldPath;
  };
  orderBy?: {
    field: FieldPath;
    direction: 'asc' | 'desc';
  };
  limit: number;
}
/**
 * Sets `field` to the value of `rule`, or of `template`: JSON whose `{"$rule": <Rule>}` objects are replaced by their values (for objects and arrays, which JSON Logic cannot build). With `append`, the value is added to the end of the array in the field.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "assignment".
 */
export interface FlowAssignment {
  field: FieldPath;
  rule?: RuleExpression;
  template?: JsonValue;
  append?: boolean;
}
/**
 * Settings of a start node.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "startSettings".
 */
export interface FlowStartSettings {
  trigger: FlowTrigger;
}
/**
 * Settings of a form task: someone fills in or corrects a form. `mode: edit` edits the flow's record (only `fields`, when given); `mode: create` creates a record of `form`, copying `link` fields from the flow's record.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "formTaskSettings".
 */
export interface FlowFormTaskSettings {
  form: DefinitionId;
  mode?: 'edit' | 'create';
  fields?: FieldPath[];
  /**
   * created record's field → flow record's field
   */
  link?: {
    [k: string]: FieldPath;
  };
  assignees: FlowAssignee[];
  sla?: FlowSla;
}
/**
 * Settings of an approval. Modes: `any` (the first decision decides), `all` (every approver must approve; one rejection rejects), `ratio` (approved once ceil(ratio × approvers) approve; rejected once that can no longer happen). `order: sequential` opens the approvers one after another.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "approvalSettings".
 */
export interface FlowApprovalSettings {
  approvers: FlowAssignee[];
  mode: 'any' | 'all' | 'ratio';
  ratio?: number;
  order?: 'parallel' | 'sequential';
  /**
   * fields the approvers may edit while deciding
   */
  fields?: FieldPath[];
  /**
   * Separation of duties: who started the instance never holds a part of this approval (left out of the approvers, and the step cannot be reassigned or added to them).
   */
  excludeInitiator?: boolean;
  sla?: FlowSla;
}
/**
 * A condition has no settings: its outgoing edges carry the conditions, tried in order, and exactly one is the default.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "conditionSettings".
 */
export interface FlowConditionSettings {}
/**
 * Sets fields by formulas, evaluated in order (each sees the values set before it). `target`: the flow's record (default), a new record of an entity, or the record an earlier form task (mode create) or compute (create) made.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "computeSettings".
 */
export interface FlowComputeSettings {
  target?: FlowComputeTarget;
  /**
   * @minItems 1
   */
  assignments: FlowAssignment[];
}
/**
 * Starts every outgoing branch (those whose condition is truthy, when edges carry conditions).
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "parallelSplitSettings".
 */
export interface FlowParallelSplitSettings {}
/**
 * Waits for every branch its split started, then continues once.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "parallelJoinSettings".
 */
export interface FlowParallelJoinSettings {
  split: DefinitionId;
}
/**
 * Ends the instance with an outcome.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "endSettings".
 */
export interface FlowEndSettings {
  outcome: DefinitionId;
  label?: LocalizedText;
}
