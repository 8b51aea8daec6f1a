import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTrellisError } from '@trellis/errors';
import { generateSampleData, loadPrmTemplate } from '@trellis/seed';
import { createStorage, type Storage } from '@trellis/storage';
import { importTemplate, planTemplateImport } from './import-template.js';

let storage: Storage;
const now = () => new Date('2026-03-01T08:00:00.000Z');

beforeAll(async () => {
  storage = await createStorage({ now });
  await storage.migrate();
}, 60_000);
afterAll(async () => storage.close());

describe('importTemplate', () => {
  it('rolls everything back when one sample record fails its form: no app, no definition, no record', async () => {
    const failure = await importTemplate(storage, loadPrmTemplate(), {
      actor: 'system',
      sampleData: { partner: [{ partnerId: 'not an id' }] },
    }).catch((error: unknown) => error);
    expect(isTrellisError(failure)).toBe(true);
    if (!isTrellisError(failure)) return;
    expect(failure.problems.every((p) => p.path.startsWith('sampleData.partner.0'))).toBe(true);
    expect(await storage.read.apps.list()).toEqual([]);
    expect(await storage.read.definitions.listDefinitions('prm')).toEqual([]);
    expect((await planTemplateImport(storage, loadPrmTemplate())).plan?.counts.unchanged).toBe(0);
  });

  it('creates the app, publishes every definition and the sample records, each through its form', async () => {
    const template = loadPrmTemplate();
    const sampleData = generateSampleData({ partners: 2, referenceDate: '2026-03-01' });
    const report = await importTemplate(storage, template, { actor: 'system', sampleData });
    expect(report).toMatchObject({ ok: true, applied: true, appId: 'prm' });
    expect(report.records.partner).toBe(2);
    expect(await storage.read.apps.get('prm')).toMatchObject({ templateVersion: template.app.version, createdBy: 'system' });
    expect((await storage.read.definitions.listPublished('prm')).length).toBe(report.plan?.items.length);
    for (const [entity, records] of Object.entries(sampleData)) {
      expect(await storage.read.records.count({ app: 'prm', entity })).toBe(records.length);
    }
  });
});
