import Decimal from 'decimal.js';
import { Dec, ZERO } from './decimal.js';

/**
 * Scales amounts that add up to `total` down to `target` (already at `scale` places), one amount at
 * a time, so the results add up to `target` exactly and each is within one unit of the last place of
 * its exact proportional share. Cumulative method: after each amount, the running sum scaled by
 * target/total and rounded down gives what has been paid so far; the amount's share is the increase.
 * Only the running sum is kept, so a stream of any length is scaled in one pass once `total` is
 * known; the outcome depends on the order, which callers therefore fix (line order, subject order).
 */
export class Apportioner {
  private cumulative: Dec = ZERO;
  private paid: Dec = ZERO;

  constructor(private readonly total: Dec, private readonly target: Dec, private readonly scale: number) {}

  next(amount: Dec): Dec {
    this.cumulative = this.cumulative.plus(amount);
    const reached = this.cumulative.times(this.target).dividedBy(this.total).toDecimalPlaces(this.scale, Decimal.ROUND_DOWN);
    const share = reached.minus(this.paid);
    this.paid = reached;
    return share;
  }
}

/** A cap as the program pays it: at `scale` places, rounded down so it is never exceeded. */
export function capAtScale(cap: number | string, scale: number): Dec {
  return new Dec(String(cap)).toDecimalPlaces(scale, Decimal.ROUND_DOWN);
}
