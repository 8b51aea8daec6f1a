import { describe, expect, it } from 'vitest';
import { validateDefinition } from '@trellis/definitions';
import { emptyFlow } from './empty-flow.js';

describe('a new flow', () => {
  it('is a valid flow definition holding only a start step', () => {
    const flow = emptyFlow('review', { 'zh-CN': '审核', en: 'Review' }, 'partner');
    expect(validateDefinition('flow', flow).ok).toBe(true);
    expect(flow.nodes.map((n) => n.type)).toEqual(['start']);
    expect(flow.edges).toEqual([]);
    expect(flow.entity).toBe('partner');
  });
});
