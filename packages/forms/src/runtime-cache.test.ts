import { describe, expect, it } from 'vitest';
import { checkFormDefinition } from './check/check-definition.js';
import { getFormRuntime } from './runtime-cache.js';
import { changed, onboardingContext, onboardingDefinition, validOnboardingSubmission } from './testing/index.js';

describe('getFormRuntime', () => {
  it('returns the same runtime for the same definition object', () => {
    const runtime = getFormRuntime(onboardingDefinition);
    expect(getFormRuntime(onboardingDefinition)).toBe(runtime);
    expect(runtime.process(validOnboardingSubmission(), onboardingContext).ok).toBe(true);
  });

  it('reuses the runtime for an identical copy, and compiles a changed one anew', () => {
    expect(getFormRuntime(changed(onboardingDefinition, () => undefined))).toBe(getFormRuntime(onboardingDefinition));
    const relabelled = changed(onboardingDefinition, (d) => {
      d.label = { 'zh-CN': '另一个', en: 'Another' };
    });
    expect(getFormRuntime(relabelled)).not.toBe(getFormRuntime(onboardingDefinition));
  });

  it('shares one runtime between copies of the same definition, and none between different ones', () => {
    const v3 = changed(onboardingDefinition, (d) => {
      d.version = 3;
    });
    const reloaded = structuredClone(v3);
    const v4 = changed(v3, (d) => {
      d.version = 4;
      d.rules.defaults.country = { value: 'HK' };
    });
    expect(getFormRuntime(reloaded)).toBe(getFormRuntime(v3));
    expect(getFormRuntime(v4)).not.toBe(getFormRuntime(v3));
    const { record } = getFormRuntime(v4).process(validOnboardingSubmission(), onboardingContext) as { record: Record<string, unknown> };
    expect(record.country).toBe('HK');
  });

  it('keeps same-id, same-version definitions of different apps apart', () => {
    const appA = changed(onboardingDefinition, (d) => {
      d.version = 1;
    });
    const appB = changed(appA, (d) => {
      d.rules.defaults.country = { value: 'MO' };
    });
    expect(getFormRuntime(appB)).not.toBe(getFormRuntime(appA));
    const countryOf = (definition: typeof appA) =>
      (getFormRuntime(structuredClone(definition)).process(validOnboardingSubmission(), onboardingContext) as { record: Record<string, unknown> }).record.country;
    expect(countryOf(appB)).toBe('MO');
    expect(countryOf(appA)).not.toBe('MO');
  });

  it('compiles every version of a schema that has an $id, after the save-time check compiled it too', () => {
    const withId = (version: number) =>
      changed(onboardingDefinition, (d) => {
        d.version = version;
        d.schema.$id = 'https://trellis.dev/records/onboarding_application.json';
      });
    expect(checkFormDefinition(withId(7))).toEqual([]);
    for (const version of [7, 8]) {
      expect(getFormRuntime(withId(version)).process(validOnboardingSubmission(), onboardingContext).ok).toBe(true);
    }
  });
});
