import { describe, expect, it } from 'vitest';
import type { ProgramDefinition } from '@trellis/definitions';
import { evaluateProgram } from './evaluate.js';
import { applyProgramCap } from './program-cap.js';
import { tieredProgram } from './testing/fixtures.js';
import { seededRandom } from './testing/random.js';

const text = { en: 'x', 'zh-CN': '某' };

/** Every feature at once: eligibility on subject and context, formulas, a table, three lines, proration, a cap. */
const program: ProgramDefinition = tieredProgram({
  context: { type: 'object', properties: { excluded: { type: 'array', items: { type: 'string' } } } },
  eligibility: { and: [{ '==': [{ var: '$subject.status' }, 'open'] }, { '!': { in: [{ var: '$subject.region' }, { var: '$context.excluded' }] } }] },
  derived: [
    ...(tieredProgram().derived ?? []),
    { id: 'growth', label: text, logic: { if: [{ '>': [{ var: 'last_year' }, 0] }, { dec_div: [{ dec_sub: [{ var: 'revenue' }, { var: 'last_year' }] }, { var: 'last_year' }] }, null] } },
    {
      id: 'kicker', label: text,
      table: {
        hitPolicy: 'first',
        inputs: [{ id: 'growth', label: text, expr: { var: 'growth' } }, { id: 'tier', label: text, expr: { var: '$subject.tier' } }],
        outputs: [{ id: 'rate', label: text }],
        rows: [
          { when: [{ op: '>=', value: 0.3 }, { op: 'in', values: ['a', 'b'] }], then: [0.03] },
          { when: [{ op: '>=', value: 0.1 }, '-'], then: [0.01] },
        ],
        default: [0],
      },
    },
  ],
  metrics: [
    ...tieredProgram().metrics,
    { id: 'last_year', label: text, entity: 'result', subjectField: 'account', time: { field: 'period', kind: 'period' }, aggregate: 'sum', field: 'amount', window: 'same_last_year' },
  ],
  lines: [
    ...tieredProgram().lines,
    { id: 'growth_kicker', label: text, base: 'revenue', rate: { var: 'kicker' } },
    { id: 'bonus', label: text, amount: { if: [{ '>=': [{ var: 'attainment' }, 1.1] }, 2500, 0] } },
  ],
  proration: { from: 'startedOn', to: 'endedOn' },
  caps: { perSubject: 60_000 },
  rounding: { scale: 2, mode: 'half_even' },
});

function randomSubject(random: () => number, i: number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const day = (year: number) => `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const money = (max: number) => (Math.floor(random() * max * 100) / 100).toFixed(2);
  const quota = money(2_000_000);
  return {
    subject: {
      code: `S${i}`, status: pick(['open', 'open', 'open', 'closed']), region: pick(['n', 's', 'e', 'w']), tier: pick(['a', 'b', 'c']),
      startedOn: pick([null, day(2025), day(2026)]), ...(random() < 0.1 ? { endedOn: day(2026) } : {}),
    },
    // attainment spread around the tier boundaries, some exactly on one
    metrics: {
      revenue: random() < 0.2 ? String(Number(quota) * pick([0.8, 0.9, 1, 1.2])) : money(Number(quota) * 1.5),
      quota,
      last_year: pick(['0', money(1_500_000)]),
    },
  };
}

describe('compiled and reference evaluation', () => {
  it('pay identically, explanations included, for 400 random subjects (seeded)', () => {
    const random = seededRandom(0x1ce);
    const context = { excluded: ['w'] };
    const compiled = [];
    const reference = [];
    for (let i = 0; i < 400; i++) {
      const { subject, metrics } = randomSubject(random, i);
      const input = { subject, metrics, period: '2026-Q1', context };
      compiled.push(evaluateProgram(program, input, { evaluator: 'compiled' }));
      reference.push(evaluateProgram(program, input, { evaluator: 'reference' }));
    }
    expect(compiled).toEqual(reference);
    // the sample reaches every tier row, ineligible subjects, proration and the cap
    const rows = new Set(compiled.map((r) => r.explanation.derived.find((d) => d.id === 'rate')?.table?.rows));
    expect([...rows].sort()).toEqual([0, 1, 2, 3, 4, undefined]);
    expect(compiled.some((r) => r.explanation.caps.length > 0)).toBe(true);
    expect(compiled.some((r) => r.explanation.proration !== null && r.explanation.proration.activeDays < 90)).toBe(true);
    expect(applyProgramCap(compiled, 1_000_000, 2)).toEqual(applyProgramCap(reference, 1_000_000, 2));
  });
});
