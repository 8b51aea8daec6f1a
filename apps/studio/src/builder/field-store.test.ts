import { describe, expect, it } from 'vitest';
import { createFieldStore } from './field-store.js';
import type { BuilderField } from './model.js';

const field = (key: string, en = key): BuilderField => ({ key, kind: 'text', label: { 'zh-CN': en, en } });

describe('the field store', () => {
  it('tells only the listeners of the fields that changed', () => {
    const store = createFieldStore();
    const a = field('a');
    const b = field('b');
    store.set([a, b]);
    const heard: string[] = [];
    store.subscribe('a', () => heard.push('a'));
    const stopB = store.subscribe('b', () => heard.push('b'));
    store.set([a, field('b', 'B')]);
    expect(heard).toEqual(['b']);
    stopB();
    store.set([field('a', 'A')]);
    expect(heard).toEqual(['b', 'a']);
    expect(store.get('b')).toBeUndefined();
  });
});
