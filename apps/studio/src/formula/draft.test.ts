import { describe, expect, it } from 'vitest';
import { draftOf, readDraft, switchView } from './draft.js';

describe('formula drafts', () => {
  it('show a rule as a formula, and as JSON (advanced) only when no formula says it', () => {
    expect(draftOf(undefined)).toEqual({ view: 'formula', text: '' });
    expect(draftOf({ '*': [{ var: 'qty' }, { var: 'price' }] })).toEqual({ view: 'formula', text: 'qty * price' });
    expect(draftOf({ '?:': [true, 1, 2] })).toEqual({ view: 'json', text: '{"?:": [true, 1, 2]}' });
  });

  it('read both views into the same rule', () => {
    expect(readDraft({ view: 'formula', text: 'qty * 2' })).toMatchObject({ kind: 'rule', rule: { '*': [{ var: 'qty' }, 2] } });
    expect(readDraft({ view: 'json', text: '{"*": [{"var": "qty"}, 2]}' })).toEqual({ kind: 'rule', rule: { '*': [{ var: 'qty' }, 2] }, sources: null });
    expect(readDraft({ view: 'formula', text: '  ' })).toEqual({ kind: 'empty' });
    expect(readDraft({ view: 'json', text: '{' })).toMatchObject({ kind: 'jsonError' });
    expect(readDraft({ view: 'formula', text: 'qty *' })).toMatchObject({ kind: 'formulaError', error: { code: 'expectedValue' } });
  });

  it('switch views only when the rule can be read and said there', () => {
    const json = switchView({ view: 'formula', text: 'qty * 2' }, 'json');
    expect(json).toEqual({ view: 'json', text: '{"*": [{"var": "qty"}, 2]}' });
    expect(switchView(json!, 'formula')).toEqual({ view: 'formula', text: 'qty * 2' });
    expect(switchView({ view: 'formula', text: 'qty *' }, 'json')).toBeNull();
    expect(switchView({ view: 'json', text: '{"?:": [true, 1, 2]}' }, 'formula')).toBeNull();
  });
});
