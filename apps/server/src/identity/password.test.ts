import { describe, expect, it } from 'vitest';
import { createPasswordHasher, generatePassword, hashPassword, verifyPassword } from './password.js';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores the parameters and a salt, so equal passwords hash differently', async () => {
    const a = await hashPassword('correct horse', CHEAP);
    const b = await hashPassword('correct horse', CHEAP);
    expect(a).toMatch(/^scrypt\$N=1024,r=8,p=1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password with the stored parameters and rejects others', async () => {
    const stored = await hashPassword('密码 correct horse', CHEAP);
    expect(await verifyPassword('密码 correct horse', stored)).toBe(true);
    expect(await verifyPassword('密码 correct hors', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('uses the default cost when none is given', async () => {
    const stored = await hashPassword('pw');
    expect(stored.startsWith('scrypt$N=32768,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('pw', stored)).toBe(true);
  });

  it('refuses malformed hashes instead of throwing', async () => {
    expect(await verifyPassword('pw', 'plain-text')).toBe(false);
    expect(await verifyPassword('pw', 'scrypt$N=1024,r=8,p=1$abc$')).toBe(false);
  });

  it('a hasher hashes with its parameters; its decoy check always fails', async () => {
    const hasher = createPasswordHasher(CHEAP);
    const stored = await hasher.hash('pw');
    expect(stored.startsWith('scrypt$N=1024,')).toBe(true);
    expect(await hasher.verify('pw', stored)).toBe(true);
    expect(await hasher.verifyDecoy('pw')).toBe(false);
  });

  it('generates distinct 24-character passwords', () => {
    const a = generatePassword();
    expect(a).toHaveLength(24);
    expect(a).not.toBe(generatePassword());
  });
});
