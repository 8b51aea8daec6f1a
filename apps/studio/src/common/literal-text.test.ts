import { describe, expect, it } from 'vitest';
import { formatLiteral, parseList, parseLiteral } from './literal-text.js';

describe('typed-in literals', () => {
  it('read as the wanted type', () => {
    expect(parseLiteral(' 0.8 ', 'number')).toBe(0.8);
    expect(parseLiteral('', 'number')).toBeNull();
    expect(parseLiteral('12', 'string')).toBe('12');
    expect(parseLiteral('true', 'auto')).toBe(true);
    expect(parseLiteral('east', 'auto')).toBe('east');
  });

  it('keep an unreadable number as text for the checks to report', () => {
    expect(parseLiteral('1,5', 'number')).toBe('1,5');
  });

  it('split lists at either comma and drop blanks', () => {
    expect(parseList('east, south，3,')).toEqual(['east', 'south', 3]);
    expect(formatLiteral(null)).toBe('');
  });
});
