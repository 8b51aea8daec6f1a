import { describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMAS, type FlowNodeType } from '@trellis/definitions';
import { createSchemaValidator } from '@trellis/schema-validator';
import { NODE_KINDS } from './node-kinds.js';

/** The smallest valid settings of each kind: the palette's defaults must validate. */
const MINIMAL: Record<FlowNodeType, unknown> = {
  start: { trigger: { on: 'record_created' } },
  form_task: { form: 'thing', assignees: [{ by: 'initiator' }] },
  approval: { approvers: [{ by: 'user', users: ['u1'] }], mode: 'all' },
  condition: {},
  compute: { assignments: [{ field: 'x', rule: 1 }] },
  notify: { channel: 'inbox', to: [{ by: 'record_owner' }], message: { 'zh-CN': '你好', en: 'Hello' } },
  wait: { until: 'elapsed', duration: { workingDays: 1 } },
  parallel_split: {},
  parallel_join: { split: 'split' },
  end: { outcome: 'approved' },
};

describe('NODE_KINDS', () => {
  const validator = createSchemaValidator({ strict: true, schemas: PUBLISHED_SCHEMAS });
  const types = Object.keys(NODE_KINDS) as FlowNodeType[];

  it('describes the ten kinds of the flow schema, in both languages', () => {
    expect(types).toEqual(['start', 'form_task', 'approval', 'condition', 'compute', 'notify', 'wait', 'parallel_split', 'parallel_join', 'end']);
    for (const type of types) {
      const kind = NODE_KINDS[type];
      expect(kind.type).toBe(type);
      for (const text of [kind.label, kind.description]) {
        expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
        expect(text.en).not.toBe('');
      }
    }
  });

  it.each(types)('%s: its settings schema compiles, accepts minimal settings and rejects unknown keys', (type) => {
    const validate = validator.compile(NODE_KINDS[type].settingsSchema);
    expect(validate(MINIMAL[type])).toEqual([]);
    expect(validate({ ...(MINIMAL[type] as object), bogus: 1 }).length).toBeGreaterThan(0);
  });

  it('gives ports: no input on start, no output on end, approved/rejected on approvals, branching on conditions and splits', () => {
    expect(NODE_KINDS.start.inputs).toEqual([]);
    expect(NODE_KINDS.end.outputs).toEqual([]);
    expect(NODE_KINDS.approval.outputs.map((p) => p.id)).toEqual(['approved', 'rejected']);
    expect(types.filter((t) => NODE_KINDS[t].outputs.some((p) => p.branching === true))).toEqual(['condition', 'parallel_split']);
    expect(types.filter((t) => NODE_KINDS[t].human)).toEqual(['form_task', 'approval']);
  });
});
