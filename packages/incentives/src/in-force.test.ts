import { describe, expect, it } from 'vitest';
import { programInForce } from './in-force.js';

const v = (effectiveFrom: string, effectiveTo?: string) => ({ effectiveFrom, ...(effectiveTo ? { effectiveTo } : {}) });

describe('programInForce', () => {
  const v1 = v('2025-01-01', '2025-12-31');
  const v2 = v('2026-01-01');
  const v3 = v('2026-05-15');

  it('picks the version covering the period, the latest start when several overlap', () => {
    expect(programInForce([v1, v2, v3], '2025-Q4')).toEqual({ ok: true, value: v1 });
    expect(programInForce([v1, v2, v3], '2026-Q1')).toEqual({ ok: true, value: v2 });
    // v3 starts mid-quarter and governs the whole of Q2, so no period mixes two versions
    expect(programInForce([v3, v1, v2], '2026-Q2')).toEqual({ ok: true, value: v3 });
    expect(programInForce([v1, v2, v3], '2026-04')).toEqual({ ok: true, value: v2 });
    expect(programInForce([v1, v2, v3], '2026-05')).toEqual({ ok: true, value: v3 });
  });

  it('gives null before the first version and after the last one ends', () => {
    expect(programInForce([v1], '2024-Q4')).toEqual({ ok: true, value: null });
    expect(programInForce([v1], '2026-01')).toEqual({ ok: true, value: null });
  });

  it('reports two versions starting the same day as ambiguous', () => {
    const result = programInForce([v2, v('2026-01-01', '2026-06-30')], '2026-Q1');
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'INCENTIVE_AMBIGUOUS_VERSION' })] });
  });
});
