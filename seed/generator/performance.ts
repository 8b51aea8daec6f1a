/** Quarterly performance records from a partner's growth, split over its product lines. */
import type { FormRecord } from '@trellis/forms';
import type { GeneratorContext } from './context.js';
import type { Growth } from './growth.js';
import type { Identity } from './identity.js';
import { int, reseed, type Random } from './random.js';

/** Splits an amount in fen into `parts` random shares that add up exactly, in yuan. */
function split(random: Random, fen: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => int(random, 1, 10));
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((fen * w) / total));
  shares[parts - 1] = fen - shares.slice(0, -1).reduce((a, b) => a + b, 0);
  return shares.map((s) => s / 100);
}

export function performanceRecords(ctx: GeneratorContext, identity: Identity, growth: Growth): FormRecord[] {
  const random = reseed(ctx.random, ctx.options.seed, identity.index, 'performance');
  const { lines } = identity;
  return growth.results.map(({ quarter, target, attainment }) => {
    const targetFen = Math.round(target * 100);
    const actualFen = Math.round(target * attainment * 100);
    const targets = split(random, targetFen, lines.length);
    const actuals = split(random, actualFen, lines.length);
    return {
      partnerId: identity.partnerId,
      year: quarter.year,
      quarter: quarter.quarter,
      target,
      actual: actualFen / 100,
      newCustomers: int(random, 0, 25),
      productLines: lines.map((line, i) => ({ line, target: targets[i], actual: actuals[i] })),
    };
  });
}
