import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createFormRuntime, type FormRecord } from '@trellis/forms';
import { evaluateReference, type JsonValue } from '@trellis/rules';
import {
  SAMPLE_ENTITIES, generateMdfRequests, generateOnboardingApplications, generatePartners, generatePerformance,
  generateSampleData,
} from './generate.js';
import { creditCodeCheckChar } from './generator/china.js';
import { HISTORY_QUARTERS } from './generator/context.js';
import { ruleLogic } from './generator/template-rules.js';
import { entityOf, loadPrmTemplate, ruleOf } from './template.js';

const OPTIONS = { partners: 50, seed: 20260115, referenceDate: '2026-01-15' } as const;
const app = loadPrmTemplate();
const data = generateSampleData(OPTIONS);

function rule(id: string): (input: unknown) => JsonValue {
  const logic = ruleLogic(ruleOf(app, id));
  return (input) => evaluateReference(logic, input as JsonValue);
}

const text = (record: FormRecord, key: string) => String(record[key]);
const performanceOf = (() => {
  const byPartner = new Map<string, FormRecord[]>();
  for (const p of data.performance) byPartner.set(text(p, 'partnerId'), [...(byPartner.get(text(p, 'partnerId')) ?? []), p]);
  return (partner: FormRecord) => byPartner.get(text(partner, 'partnerId')) ?? [];
})();
const list = (record: FormRecord, key: string) => (record[key] ?? []) as FormRecord[];

describe('generateSampleData (50 partners)', () => {
  it('gives each partner an application and established partners their performance, MDF requests and claims', () => {
    expect(data.partner).toHaveLength(50);
    expect(data.onboarding_application).toHaveLength(50);
    expect(data.performance.length).toBeGreaterThan(250);
    expect(data.mdf_request.length).toBeGreaterThan(10);
    expect(data.mdf_claim.length).toBeGreaterThan(5);
  });

  it.each(SAMPLE_ENTITIES)('%s records pass the template form runtime unchanged', (entity) => {
    const runtime = createFormRuntime(entityOf(app, entity));
    for (const record of data[entity]) {
      expect(runtime.process(record, { now: `${OPTIONS.referenceDate}T00:00:00Z` })).toEqual({ ok: true, record });
    }
  });

  it('spreads attainment over 60%–140% so that every rebate band occurs, boundaries included', () => {
    const attainments = data.performance.map((p) => p.attainment as number);
    expect(Math.min(...attainments)).toBeGreaterThanOrEqual(0.6);
    expect(Math.max(...attainments)).toBeLessThanOrEqual(1.4);
    const rate = rule('attainment_rebate_rate');
    const bands = new Set(ruleOf(app, 'attainment_rebate_rate').table?.rows.map((r) => r.then[0]));
    expect(bands.size).toBe(5);
    expect(new Set(data.performance.map((p) => rate(p)))).toEqual(bands);
    for (const boundary of [0.8, 0.9, 1, 1.2]) expect(attainments, `attainment ${boundary}`).toContain(boundary);
  });

  it('gives established partners eight quarters of history, ending early only at a termination', () => {
    for (const partner of data.partner) {
      const quarters = performanceOf(partner);
      if (partner.status === 'prospect' || partner.status === 'onboarding') expect(quarters).toEqual([]);
      else if (partner.status === 'terminated') expect(quarters.length).toBeLessThanOrEqual(HISTORY_QUARTERS);
      else expect(quarters).toHaveLength(HISTORY_QUARTERS);
    }
  });

  it('hands out red and yellow cards exactly as the template rule does, and some yellow ones', () => {
    const card = rule('red_yellow_card');
    for (const partner of data.partner) {
      const issued: JsonValue[] = [];
      let current: JsonValue = 'none';
      let previous: JsonValue = null;
      for (const p of performanceOf(partner)) {
        const next = card({ currentCard: current, previousAttainment: previous, currentAttainment: p.attainment });
        if (next !== current && next !== 'none') issued.push(next);
        current = next;
        previous = p.attainment as number;
      }
      expect(list(partner, 'warnings').map((w) => w.card), text(partner, 'partnerId')).toEqual(issued);
    }
    const cards = data.partner.flatMap((p) => list(p, 'warnings').map((w) => w.card));
    expect(cards).toContain('yellow');
    expect(data.partner.map((p) => p.status)).toContain('warned');
  });

  it('rates tiers with the template rule on the latest scorecard, and every metal tier occurs', () => {
    const rate = rule('tier_rating');
    for (const partner of data.partner) {
      const latest = list(partner, 'scorecards').at(-1);
      const expected = latest === undefined ? { tier_abc: 'C', tier_metal: 'bronze' } : rate(latest);
      expect({ tier_abc: partner.tierAbc, tier_metal: partner.tierMetal }).toEqual(expected);
    }
    expect(new Set(data.partner.map((p) => p.tierMetal))).toEqual(new Set(['diamond', 'gold', 'silver', 'bronze']));
  });

  it('sets the co-op share of every MDF request by the template rule', () => {
    const share = rule('coop_share_by_tier');
    const tiers = new Map(data.partner.map((p) => [text(p, 'partnerId'), p.tierMetal]));
    for (const request of data.mdf_request) {
      expect(request.coopShare).toBe(share({ tierMetal: tiers.get(text(request, 'partnerId')) }));
    }
  });

  it('keeps references between records whole', () => {
    const partners = new Set(data.partner.map((p) => text(p, 'partnerId')));
    for (const entity of ['performance', 'onboarding_application', 'mdf_request', 'mdf_claim'] as const) {
      for (const record of data[entity]) expect(partners, entity).toContain(text(record, 'partnerId'));
    }
    const requests = new Map(data.mdf_request.map((r) => [text(r, 'requestNo'), r]));
    for (const claim of data.mdf_claim) {
      const request = requests.get(text(claim, 'requestNo'));
      expect(request?.partnerId).toBe(claim.partnerId);
      // a claim settles at most what was approved (a cross-record rule the template cannot state)
      expect(claim.claimAmount as number).toBeLessThanOrEqual(request?.approvedAmount as number);
    }
  });

  it('dates nothing after the reference date except planned MDF activities and certificate expiry', () => {
    const future = new Set(['plannedDate', 'plannedEndDate', 'expiresOn']);
    const dates = (value: unknown, key = ''): [string, string][] => {
      if (Array.isArray(value)) return value.flatMap((v) => dates(v, key));
      if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => dates(v, k));
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? [[key, value]] : [];
    };
    for (const entity of SAMPLE_ENTITIES) {
      for (const [key, date] of dates(data[entity])) {
        if (!future.has(key)) {
          expect(date <= OPTIONS.referenceDate, `${entity}.${key} ${date}`).toBe(true);
        }
      }
    }
  });

  it('uses Chinese names and valid unified social credit codes', () => {
    for (const partner of data.partner) {
      expect(text(partner, 'name')).toMatch(/[\u4e00-\u9fff]/);
      for (const contact of list(partner, 'contacts')) expect(text(contact, 'name')).toMatch(/^[\u4e00-\u9fff]+$/);
      const code = text(partner, 'creditCode');
      if (partner.creditCode !== undefined) expect(code.at(-1)).toBe(creditCodeCheckChar(code));
    }
  });
});

describe('determinism and streaming', () => {
  it('gives byte-identical data for the same options', () => {
    expect(JSON.stringify(generateSampleData(OPTIONS))).toBe(JSON.stringify(data));
  });

  it('gives different data for another seed or reference date', () => {
    expect(JSON.stringify(generateSampleData({ ...OPTIONS, partners: 5, seed: 1 }).partner))
      .not.toBe(JSON.stringify(data.partner.slice(0, 5)));
    const later = generateSampleData({ ...OPTIONS, partners: 5, referenceDate: '2026-04-15' });
    expect(later.performance[0]?.period).not.toBe(data.performance[0]?.period);
  });

  it('streams each entity alone, with the same records as the full run', () => {
    expect([...generatePartners(OPTIONS)]).toEqual(data.partner);
    expect([...generatePerformance(OPTIONS)]).toEqual(data.performance);
    expect([...generateOnboardingApplications(OPTIONS)]).toEqual(data.onboarding_application);
    expect([...generateMdfRequests(OPTIONS)]).toEqual(data.mdf_request);
  });

  it('makes the first partners of a large run without generating the rest', () => {
    const first: FormRecord[] = [];
    for (const partner of generatePartners({ ...OPTIONS, partners: 100_000 })) {
      first.push(partner);
      if (first.length === 3) break;
    }
    expect(first).toEqual(data.partner.slice(0, 3));
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateSampleData({ ...OPTIONS, partners: -1 })).toThrow(RangeError);
    expect(() => generateSampleData({ ...OPTIONS, partners: 1_000_000 })).toThrow(RangeError);
    expect(() => generateSampleData({ ...OPTIONS, seed: 1.5 })).toThrow(RangeError);
    expect(() => generateSampleData({ ...OPTIONS, referenceDate: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('scripts/generate.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prm-sample-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = join(dirname(fileURLToPath(import.meta.url)), 'scripts', 'generate.ts');
  const run = (out: string) =>
    execFileSync(process.execPath, ['--import', 'tsx', script, '--partners', '8', '--seed', '7', '--reference-date', '2026-01-15', '--out', out]);

  it('writes the same bytes twice, holding what generateSampleData gives', () => {
    run(join(dir, 'a.json'));
    run(join(dir, 'b.json'));
    const text = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(text);
    expect(JSON.parse(text)).toEqual(generateSampleData({ partners: 8, seed: 7, referenceDate: '2026-01-15' }));
  });
});
