import type { ProgramDefinition } from '@trellis/definitions';

const text = (en: string) => ({ en, 'zh-CN': `（${en}）` });

/** A generic tiered program: revenue against quota, a rate table on attainment, a flat bonus line. */
export function tieredProgram(overrides: Partial<ProgramDefinition> = {}): ProgramDefinition {
  return {
    kind: 'program',
    formatVersion: 2,
    id: 'tiered',
    label: text('Tiered'),
    subjectEntity: 'account',
    subjectKey: 'code',
    period: 'quarter',
    effectiveFrom: '2026-01-01',
    eligibility: { '==': [{ var: '$subject.status' }, 'open'] },
    metrics: [
      {
        id: 'revenue', label: text('Revenue'), entity: 'result', subjectField: 'account', time: { field: 'period', kind: 'period' },
        aggregate: 'sum', field: 'amount', window: 'current',
      },
      {
        id: 'quota', label: text('Quota'), entity: 'result', subjectField: 'account', time: { field: 'period', kind: 'period' },
        aggregate: 'sum', field: 'quota', window: 'current',
      },
    ],
    derived: [
      {
        id: 'attainment', label: text('Attainment'),
        logic: { if: [{ '>': [{ var: 'quota' }, 0] }, { round: [{ dec_div: [{ var: 'revenue' }, { var: 'quota' }] }, 4, 'half_up'] }, 0] },
      },
      {
        id: 'rate', label: text('Rate'),
        table: {
          hitPolicy: 'first',
          inputs: [{ id: 'attainment', label: text('Attainment'), expr: { var: 'attainment' } }],
          outputs: [{ id: 'rate', label: text('Rate') }],
          rows: [
            { when: [{ op: '<', value: 0.8 }], then: [0], note: text('below 80%') },
            { when: [{ op: 'between', min: 0.8, max: 0.9, minInclusive: true, maxInclusive: false }], then: [0.02], note: text('[80%, 90%)') },
            { when: [{ op: 'between', min: 0.9, max: 1, minInclusive: true, maxInclusive: false }], then: [0.03], note: text('[90%, 100%)') },
            { when: [{ op: 'between', min: 1, max: 1.2, minInclusive: true, maxInclusive: true }], then: [0.05], note: text('[100%, 120%]') },
            { when: [{ op: '>', value: 1.2 }], then: [0.08], note: text('above 120%') },
          ],
          default: [0],
        },
      },
    ],
    lines: [{ id: 'payout', label: text('Payout'), base: 'revenue', rate: { var: 'rate' } }],
    rounding: { scale: 2, mode: 'half_up' },
    currency: 'CNY',
    ...overrides,
  };
}

export const openAccount = { code: 'A1', status: 'open', startedOn: '2020-01-01' };
