import { describe, expect, it } from 'vitest';
import { childrenOf, choicesOf, choose, loadDivisions } from './index.js';

describe('China\'s divisions for address fields', () => {
  it('come from the package as provinces → cities → districts', async () => {
    const provinces = await loadDivisions();
    expect(provinces.length).toBeGreaterThanOrEqual(31);
    const cities = childrenOf(provinces, '浙江省');
    expect(cities.map((c) => c.name)).toContain('杭州市');
    expect(cities.map((c) => c.name)).not.toContain('广州市');
    expect(childrenOf(cities, '杭州市').map((d) => d.name)).toContain('西湖区');
    expect(childrenOf(provinces, '不存在')).toEqual([]);
  });

  it('clears the levels below the one chosen, keeping the street', () => {
    const full = { province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路 1 号' };
    expect(choose(full, 'province', '江苏省')).toEqual({ province: '江苏省', street: '文三路 1 号' });
    expect(choose(full, 'city', '宁波市')).toEqual({ province: '浙江省', city: '宁波市', street: '文三路 1 号' });
    expect(choose(full, 'district', '上城区')).toEqual({ ...full, district: '上城区' });
    expect(choose({ province: '浙江省' }, 'province', '')).toEqual({});
  });

  it('keeps a stored name the table no longer lists, first, so a record never silently changes', async () => {
    const cities = childrenOf(await loadDivisions(), '浙江省');
    expect(choicesOf(cities, '杭州市').map((c) => c.name)).toEqual(cities.map((c) => c.name));
    expect(choicesOf(cities, '旧州市').map((c) => c.name)).toEqual(['旧州市', ...cities.map((c) => c.name)]);
    expect(choicesOf(cities, undefined)).toHaveLength(cities.length);
  });
});
