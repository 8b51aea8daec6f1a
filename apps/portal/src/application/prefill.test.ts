import { describe, expect, it } from 'vitest';
import { PORTAL } from '../config.js';
import { prefill } from './prefill.js';

describe('prefilled values', () => {
  it("evaluates the portal's rules over the user and the organisation", () => {
    const scope = { $user: { id: 'u1', username: 'ana', partnerOrg: 'P900001' }, $org: { id: 'P900001', name: '星河贸易' } };
    expect(prefill(PORTAL.application.prefill, scope)).toEqual({ applicationNo: 'OB00900001', companyName: '星河贸易' });
  });

  it('numbers a new MDF request from the organisation and the minute', () => {
    const scope = { $user: { id: 'u1', username: 'ana', partnerOrg: 'P900001' }, $org: { id: 'P900001', name: 'x' }, $stamp: '29412345' };
    expect(prefill(PORTAL.mdf.prefill, scope)).toEqual({ partnerId: 'P900001', requestNo: 'MDF00112345' });
  });

  it('leaves out what has no value', () => {
    expect(prefill({ companyName: { var: '$org.name' } }, { $user: { id: 'u', username: 'x', partnerOrg: null }, $org: null })).toEqual({});
  });
});
