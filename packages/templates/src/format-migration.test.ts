import { describe, expect, it } from 'vitest';
import { smallTemplate } from './testing/small-template.js';
import { validateTemplate } from './validate.js';

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** The small template's program as it was written in the first program format. */
const programV1 = {
  kind: 'program',
  formatVersion: 1,
  id: 'sales_rebate',
  label: text('Sales rebate', '销售返点'),
  subjectEntity: 'partner',
  period: 'quarter',
  effectiveFrom: '2026-01-01',
  inputs: { type: 'object', properties: { sales: { type: 'number' } } },
  eligibility: { '==': [{ var: 'tier' }, 'gold'] },
  metrics: [{ id: 'sales', label: text('Sales', '销售额'), entity: 'performance', aggregate: 'sum', field: 'actual', window: 'current' }],
  formula: { '*': [{ var: 'sales' }, 0.02] },
  proration: 'none',
  rounding: { scale: 2, mode: 'half_up' },
  currency: 'CNY',
};

interface Entity {
  id: string;
  schema: { properties: Record<string, unknown> };
}

/** The small template with its program in format 1. */
function withV1Program(): Record<string, unknown> & { entities: Entity[] } {
  return { ...smallTemplate(), programs: [programV1] } as unknown as Record<string, unknown> & { entities: Entity[] };
}

describe('template import of a program in an older format', () => {
  it('migrates it and imports the current format', () => {
    const doc = withV1Program();
    // the links format 1 left implicit, as the migration states them, exist in this app
    const [partner, performance] = doc.entities as [Entity, Entity];
    partner.schema.properties.id = { type: 'string' };
    performance.schema.properties.partnerId = { type: 'string' };
    const result = validateTemplate(doc);
    expect(result.problems).toEqual([]);
    expect(result.ok && result.template.programs).toEqual([
      {
        kind: 'program',
        formatVersion: 2,
        id: 'sales_rebate',
        label: text('Sales rebate', '销售返点'),
        subjectEntity: 'partner',
        subjectKey: 'id',
        period: 'quarter',
        effectiveFrom: '2026-01-01',
        eligibility: { '==': [{ var: '$subject.tier' }, 'gold'] },
        metrics: [
          {
            id: 'sales',
            label: text('Sales', '销售额'),
            entity: 'performance',
            subjectField: 'partnerId',
            time: { field: 'period', kind: 'period' },
            aggregate: 'sum',
            field: 'actual',
            window: 'current',
          },
        ],
        lines: [{ id: 'payout', label: text('Sales rebate', '销售返点'), amount: { '*': [{ var: 'sales' }, 0.02] } }],
        rounding: { scale: 2, mode: 'half_up' },
        currency: 'CNY',
      },
    ]);
  });

  it('names each stated link the app does not have', () => {
    const result = validateTemplate(withV1Program());
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['programs.sales_rebate.subjectKey', 'programs.sales_rebate.metrics.0.subjectField']),
    );
  });
});
