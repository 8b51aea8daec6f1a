import type { Problem } from '@trellis/errors';
import { describe, expect, it } from 'vitest';
import { cloneSubmission } from './clone-submission.js';

describe('cloneSubmission', () => {
  it('copies JSON values deeply, dropping undefined properties', () => {
    const source = { a: 1, b: { c: [1, { d: 'x' }] }, e: undefined, f: null };
    const problems: Problem[] = [];
    const copy = cloneSubmission(source, problems);
    expect(copy).toEqual({ a: 1, b: { c: [1, { d: 'x' }] }, f: null });
    expect(Object.keys(copy)).toEqual(['a', 'b', 'f']);
    expect(copy.b).not.toBe(source.b);
    expect((copy.b as { c: unknown[] }).c[1]).not.toBe(source.b.c[1]);
    expect(problems).toEqual([]);
  });

  it('keeps the prototype of copies plain when a source carries a __proto__ key', () => {
    const problems: Problem[] = [];
    const copy = cloneSubmission(JSON.parse('{"a":1,"__proto__":{"isAdmin":true},"n":{"__proto__":{"isAdmin":true}}}'), problems);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(copy.n)).toBe(Object.prototype);
    expect('isAdmin' in copy || 'isAdmin' in (copy.n as object)).toBe(false);
    expect(copy).toEqual({ a: 1, n: {} });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['FORM_FORBIDDEN_KEY', '__proto__'],
      ['FORM_FORBIDDEN_KEY', 'n.__proto__'],
    ]);
  });

  it('reports values JSON cannot carry at their paths, and refuses overly deep nesting', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 70; i++) deep = { x: deep };
    const problems: Problem[] = [];
    const copy = cloneSubmission({ list: [1, Number.POSITIVE_INFINITY, () => 1], when: new Date(0), deep }, problems);
    expect(copy.list).toEqual([1, null, null]);
    expect(problems.map((p) => [p.code, p.path.split('.').slice(0, 3).join('.')])).toEqual([
      ['FORM_NOT_JSON', 'list.1'],
      ['FORM_NOT_JSON', 'list.2'],
      ['FORM_NOT_JSON', 'when'],
      ['FORM_NOT_JSON', 'deep.x.x'],
    ]);
  });

  it('copies own enumerable string keys only, from null-prototype objects too, into plain objects', () => {
    const source = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, nested: { b: 2 } });
    Object.defineProperty(source, 'hidden', { value: 1, enumerable: false });
    source[Symbol.for('s') as unknown as string] = 1;
    const problems: Problem[] = [];
    const copy = cloneSubmission(source, problems);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Reflect.ownKeys(copy)).toEqual(['a', 'nested']);
    expect(copy).toEqual({ a: 1, nested: { b: 2 } });
    expect(problems).toEqual([]);
  });

  it('refuses `$` keys at the top level only, and every refused key wherever it sits among the others', () => {
    const problems: Problem[] = [];
    const copy = cloneSubmission({ a: 1, $user: 'me', b: { $ok: 1, constructor: 2, c: 3 }, prototype: 4, d: 5 }, problems);
    expect(copy).toEqual({ a: 1, b: { $ok: 1, c: 3 }, d: 5 });
    expect(Object.keys(copy)).toEqual(['a', 'b', 'd']);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['FORM_RESERVED_KEY', '$user'],
      ['FORM_FORBIDDEN_KEY', 'b.constructor'],
      ['FORM_FORBIDDEN_KEY', 'prototype'],
    ]);
  });
});
