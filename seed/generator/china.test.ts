import { describe, expect, it } from 'vitest';
import { creditCode, creditCodeCheckChar } from './china.js';

describe('unified social credit codes', () => {
  it('compute the GB 32100-2015 check character', () => {
    // the standard's own example
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('are 18 characters ending in their check character', () => {
    const code = creditCode('31', '0115', 'MA1K3B7Q2');
    expect(code).toMatch(/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/);
    expect(code.slice(-1)).toBe(creditCodeCheckChar(code.slice(0, 17)));
  });
});
