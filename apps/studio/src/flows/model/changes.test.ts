import { describe, expect, it } from 'vitest';
import { SAMPLE_FLOWS } from '../../sample/template.js';
import { flowChanges } from './changes.js';

const flow = SAMPLE_FLOWS[0]!;

describe('the version diff shown before publishing', () => {
  it('is empty for the same flow', () => {
    expect(flowChanges(flow, structuredClone(flow))).toEqual([]);
  });

  it('names added, removed and changed elements by id, with where they changed', () => {
    const after = structuredClone(flow);
    after.label = { ...after.label, en: 'Onboarding' };
    after.nodes.splice(1, 0, { id: 'extra', type: 'approval', settings: { approvers: [{ by: 'owner_manager' }], mode: 'any' } });
    after.nodes.find((n) => n.id === 'finance_review')!.settings!.mode = 'all';
    after.edges = after.edges.filter((e) => e.id !== 'e16');
    after.nodes.find((n) => n.id === 'qualify')!.position = { x: 1, y: 2 };
    expect(flowChanges(flow, after)).toEqual([
      { scope: 'flow', id: 'partner_onboarding', change: 'changed', paths: ['/label/en'] },
      { scope: 'node', id: 'extra', change: 'added', paths: [] },
      { scope: 'node', id: 'qualify', change: 'moved', paths: ['/position/x', '/position/y'] },
      { scope: 'node', id: 'finance_review', change: 'changed', paths: ['/settings/mode'] },
      { scope: 'edge', id: 'e16', change: 'removed', paths: [] },
    ]);
  });
});
