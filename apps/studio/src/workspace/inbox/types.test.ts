import { describe, expect, it } from 'vitest';
import { actionBody, earlierSteps, type TimelineEntry } from './types.js';

const targets = { reassignTo: 'u2', returnTo: 'submit' };

describe('task action bodies', () => {
  it('carry a comment when one is written, and a target only for return and reassign', () => {
    expect(actionBody('approve', '  ', targets)).toEqual({ type: 'approve' });
    expect(actionBody('reject', 'no budget', targets)).toEqual({ type: 'reject', comment: 'no budget' });
    expect(actionBody('reassign', '', targets)).toEqual({ type: 'reassign', to: 'u2' });
    expect(actionBody('return', 'fix it', targets)).toEqual({ type: 'return', comment: 'fix it', to: 'submit' });
    expect(actionBody('return', '', { reassignTo: '', returnTo: '' })).toEqual({ type: 'return' });
  });
});

describe('earlier steps', () => {
  const entry = (seq: number, node?: string): TimelineEntry => ({
    seq, at: '2026-01-01T00:00:00Z', actor: null, action: 'commented', what: { en: 'x', 'zh-CN': 'x' }, changes: [],
    ...(node === undefined ? {} : { node, step: { en: node.toUpperCase(), 'zh-CN': node } }),
  });

  it('are the steps passed before, once each, without the current one', () => {
    expect(earlierSteps([entry(1, 'submit'), entry(2), entry(3, 'review'), entry(4, 'submit'), entry(5, 'approve')], 'approve'))
      .toEqual([{ node: 'submit', step: { en: 'SUBMIT', 'zh-CN': 'submit' } }, { node: 'review', step: { en: 'REVIEW', 'zh-CN': 'review' } }]);
  });
});
