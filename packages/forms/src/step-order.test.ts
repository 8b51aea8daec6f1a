import { describe, expect, it } from 'vitest';
import { orderSteps, type StepNode } from './step-order.js';

const computed = (path: string, ...reads: string[]): StepNode => ({ kind: 'computed', path, reads });
const visibility = (path: string, ...reads: string[]): StepNode => ({ kind: 'visibility', path, reads });

describe('orderSteps', () => {
  it('runs what a step reads before it, keeping definition order otherwise', () => {
    expect(orderSteps([computed('c', 'b'), computed('b', 'a'), computed('x')])).toEqual({ ok: true, order: [1, 0, 2] });
  });

  it('treats parent and child paths as overlapping', () => {
    expect(orderSteps([computed('summary', 'address'), computed('address.label', 'address.city')])).toEqual({ ok: true, order: [1, 0] });
  });

  it('hides before a formula reads the hidden field, and computes before a visibility rule reads the value', () => {
    expect(orderSteps([computed('wan', 'limit'), visibility('limit', 'kind'), visibility('bonus', 'wan')])).toEqual({
      ok: true,
      order: [1, 0, 2],
    });
  });

  it('decides visibility of a computed field after computing it, even when the rule reads the field itself', () => {
    expect(orderSteps([visibility('wan', 'wan'), computed('wan', 'limit')])).toEqual({ ok: true, order: [1, 0] });
  });

  it('finds cycles, including a formula that reads itself', () => {
    expect(orderSteps([computed('a', 'b'), computed('x'), computed('b', 'a')])).toEqual({ ok: false, cycle: [0, 2] });
    expect(orderSteps([computed('a', 'a')])).toEqual({ ok: false, cycle: [0] });
    expect(orderSteps([visibility('a', 'b'), visibility('b', 'a')])).toEqual({ ok: false, cycle: [0, 1] });
  });
});
