/**
 * A small but complete app template for tests: every kind of definition, a decision table with
 * tests, a flow with a form task and an approval by role, a program and sample records. Each call
 * returns a fresh copy, so a test can break it in place.
 */
export function smallTemplate(): Record<string, unknown> & { rules: Record<string, unknown>[] } {
  const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });
  return {
    kind: 'app-template',
    formatVersion: 2,
    app: { id: 'demo', label: text('Demo', '演示'), version: '1.0.0' },
    roles: [
      { id: 'channel_manager', label: text('Channel manager', '渠道经理') },
      { id: 'finance', label: text('Finance', '财务') },
    ],
    entities: [
      {
        kind: 'entity',
        formatVersion: 1,
        id: 'partner',
        label: text('Partner', '伙伴'),
        schema: {
          type: 'object',
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1 },
            tier: { type: 'string', enum: ['gold', 'silver'] },
            region: { type: 'string' },
            creditLimit: { type: 'number', minimum: 0 },
          },
          required: ['name', 'tier'],
        },
        fields: { name: { label: text('Name', '名称') }, tier: { label: text('Tier', '等级') } },
        rules: {
          defaults: { region: { value: 'east' } },
          visibility: { creditLimit: { '==': [{ var: 'tier' }, 'gold'] } },
        },
      },
      {
        kind: 'entity',
        formatVersion: 1,
        id: 'performance',
        label: text('Performance', '业绩'),
        schema: {
          type: 'object',
          additionalProperties: false,
          properties: {
            partner: { type: 'string' },
            period: { type: 'string' },
            target: { type: 'number', exclusiveMinimum: 0 },
            actual: { type: 'number', minimum: 0 },
            attainment: { type: 'number' },
          },
          required: ['target', 'actual'],
        },
        rules: { computed: { attainment: { dec_div: [{ var: 'actual' }, { var: 'target' }] } } },
      },
    ],
    rules: [
      {
        kind: 'rule',
        formatVersion: 1,
        id: 'rebate_rate',
        label: text('Rebate rate', '返点比例'),
        entity: 'performance',
        table: {
          hitPolicy: 'first',
          inputs: [{ id: 'attainment', label: text('Attainment', '达成率'), expr: { var: 'attainment' } }],
          outputs: [{ id: 'rate', label: text('Rate', '比例') }],
          rows: [
            { when: [{ op: '<', value: 0.8 }], then: [0] },
            { when: [{ op: 'between', min: 0.8, max: 1, minInclusive: true, maxInclusive: false }], then: [0.02] },
            { when: [{ op: '>=', value: 1 }], then: [0.05] },
          ],
          default: [0],
        },
        tests: [
          { name: 'below 80%', data: { attainment: 0.5 }, expect: 0 },
          { name: '80% inclusive', data: { attainment: 0.8 }, expect: 0.02 },
          { name: '100%', data: { attainment: 1 }, expect: 0.05 },
        ],
      },
      {
        kind: 'rule',
        formatVersion: 1,
        id: 'bonus',
        label: text('Bonus', '奖金'),
        inputs: { type: 'object', properties: { sales: { type: 'number' } } },
        logic: { dec_mul: [{ var: 'sales' }, 0.1] },
        tests: [
          { data: { sales: 1000 }, expect: 100 },
          { data: { sales: 'x' }, error: true },
        ],
      },
    ],
    flows: [
      {
        kind: 'flow',
        formatVersion: 1,
        id: 'onboarding',
        label: text('Onboarding', '准入'),
        entity: 'partner',
        nodes: [
          { id: 'start', type: 'start', settings: { trigger: { on: 'record_created' } } },
          { id: 'apply', type: 'form_task', settings: { form: 'partner', assignees: [{ by: 'record_owner' }] } },
          { id: 'review', type: 'approval', settings: { approvers: [{ by: 'role', role: 'channel_manager' }], mode: 'any' } },
          { id: 'done', type: 'end', settings: { outcome: 'done' } },
          { id: 'route', type: 'condition' },
        ],
        edges: [
          { id: 'e1', source: 'start', target: 'apply' },
          { id: 'e2', source: 'route', target: 'review', condition: { '==': [{ var: 'tier' }, 'gold'] } },
          { id: 'e3', source: 'review', target: 'done', sourceHandle: 'approved' },
          { id: 'e4', source: 'review', target: 'done', sourceHandle: 'rejected' },
          { id: 'e5', source: 'apply', target: 'route' },
          { id: 'e6', source: 'route', target: 'done', isDefault: true },
        ],
      },
    ],
    programs: [
      {
        kind: 'program',
        formatVersion: 2,
        id: 'sales_rebate',
        label: text('Sales rebate', '销售返点'),
        subjectEntity: 'partner',
        subjectKey: 'name',
        period: 'quarter',
        effectiveFrom: '2026-01-01',
        eligibility: { '==': [{ var: '$subject.tier' }, 'gold'] },
        metrics: [{
          id: 'sales', label: text('Sales', '销售额'), entity: 'performance', subjectField: 'partner',
          time: { field: 'period', kind: 'period' }, aggregate: 'sum', field: 'actual', window: 'current',
        }],
        lines: [{ id: 'rebate', label: text('Rebate', '返点'), base: 'sales', rate: 0.02 }],
        rounding: { scale: 2, mode: 'half_up' },
        currency: 'CNY',
      },
    ],
    sampleData: {
      partner: [
        { name: 'Acme', tier: 'gold', region: 'east', creditLimit: 1000 },
        { name: 'Beta', tier: 'silver' },
      ],
    },
  };
}
