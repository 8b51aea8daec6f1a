import { describe, expect, it } from 'vitest';
import { formatJson } from './format-json.js';

describe('formatJson', () => {
  it('keeps short parts on one line and opens up long ones', () => {
    const rule = { and: [{ '>=': [{ var: 'creditLimit' }, 100000] }, { in: [{ var: 'region' }, ['east', 'south']] }] };
    expect(formatJson(rule, 50)).toBe([
      '{',
      '  "and": [',
      '    {">=": [{"var": "creditLimit"}, 100000]},',
      '    {"in": [{"var": "region"}, ["east", "south"]]}',
      '  ]',
      '}',
    ].join('\n'));
  });

  it('reads back as the same JSON, separators inside strings untouched', () => {
    const value = { 'a,b': ['x: "y", z\\', 1, null, true], n: { deep: [[[]]] } };
    expect(JSON.parse(formatJson(value, 10))).toEqual(value);
    expect(formatJson('a,b:c')).toBe('"a,b:c"');
    expect(formatJson(['x\\', 'y,z', 1])).toBe('["x\\\\", "y,z", 1]');
  });
});
