import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPrmTemplate } from '@trellis/seed';
import { selectedTestBackend } from '@trellis/storage/testing';
import type { JsonObject, Storage } from '@trellis/storage';
import { loadAppModel } from './app-model.js';
import { importTemplate } from './import-template.js';

let fresh: Awaited<ReturnType<ReturnType<typeof selectedTestBackend>['fresh']>>;
let serving: Storage;
let publishing: Storage;

beforeAll(async () => {
  fresh = await selectedTestBackend().fresh();
  // two storages on one database: two server processes on PostgreSQL (one connection on PGlite)
  [serving, publishing] = [await fresh.connect(), await fresh.connect()];
  await serving.migrate();
  await importTemplate(serving, loadPrmTemplate(), { actor: 'test' });
}, 60_000);
afterAll(() => fresh.dispose());

describe('the app model', () => {
  it('keeps the flows of each entity, and sees a publish made through another storage on the next load', async () => {
    const before = await loadAppModel(serving.read, 'prm');
    const onboarding = before.flowsOn('onboarding_application');
    expect(onboarding.map((f) => [f.definition.id, f.version])).toEqual([['partner_onboarding', 1]]);
    expect(await loadAppModel(serving.read, 'prm')).toBe(before);

    const body = { ...(onboarding[0]?.definition as unknown as JsonObject), label: { en: 'Changed', 'zh-CN': '已改' } };
    await publishing.transaction((tx) => tx.definitions.publish({ app: 'prm', kind: 'flow', id: 'partner_onboarding', body, actor: 'test' }));
    const after = await loadAppModel(serving.read, 'prm');
    expect(after.flowsOn('onboarding_application').map((f) => [f.definition.id, f.version])).toEqual([['partner_onboarding', 2]]);
    expect(after.flowsOn('no_such_entity')).toEqual([]);
  });
});
