import { describe, expect, it } from 'vitest';
import { screenshot } from './harness.js';
import { signedInStudioForFile } from './for-file.js';

/*
 * The PRM template's own forms in the form builder, as an admin who never sees JSON meets them:
 * every form opens, every field (and every field of a group) opens its property panel with its
 * conditions and formulas in words, never in the JSON view; a draft saved untouched is the
 * published form again.
 */
const session = signedInStudioForFile({ template: 'prm' });

interface Definition {
  readonly label: { readonly en: string };
  readonly schema: { readonly properties: Record<string, unknown> };
  readonly fields?: unknown;
  readonly rules?: unknown;
  readonly ui?: unknown;
  readonly titleField?: string;
  readonly drafts?: unknown;
}

const panel = () => session.page.locator('section.builder-properties');
const get = (path: string) => session.page.evaluate(async (url) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as { body: Definition } };
}, `/api/apps/prm/definitions/entity/${path}`);

/** Opens an entity's form in the builder; gives its published definition. */
async function openForm(entity: string): Promise<Definition> {
  const published = (await get(entity)).body.body;
  await session.page.goto(`${session.studio.url}#/apps/prm/forms/${entity}`);
  // the builder shows this form, not still the one before
  await session.page.locator('h1', { hasText: `Form builder: ${published.label.en}` }).waitFor();
  await session.page.locator('.field-card').first().waitFor();
  return published;
}

describe('the PRM template’s forms in the form builder', () => {
  it('opens every form, and every field in words: no condition or formula in the JSON view', async () => {
    await session.page.goto(`${session.studio.url}#/apps/prm`);
    await session.page.locator('[data-definition="entity/onboarding_application"]').waitFor();
    const entities = await session.page.locator('[data-definition^="entity/"]').evaluateAll((items) => items.map((i) => (i.getAttribute('data-definition') ?? '').slice('entity/'.length)));
    expect(entities).toEqual(expect.arrayContaining(['partner', 'onboarding_application']));
    let opened = 0;
    for (const entity of entities) {
      const published = await openForm(entity);
      const cards = session.page.locator('.field-card:not(.heading)');
      expect({ entity, cards: (await cards.evaluateAll((cs) => cs.map((c) => c.getAttribute('data-key')))).sort() }).toEqual({ entity, cards: Object.keys(published.schema.properties).sort() });
      const summaries = session.page.locator('.field-summary');
      for (let i = 0; i < await summaries.count(); i += 1) {
        await summaries.nth(i).click();
        await panel().getByLabel('Field id').waitFor();
        expect({ entity, field: i, json: await panel().getByRole('radio', { name: 'Write as JSON (advanced)', checked: true }).count() })
          .toEqual({ entity, field: i, json: 0 });
        opened += 1;
      }
    }
    expect(opened).toBeGreaterThan(100);
  });

  it('shows the onboarding application with its show-when conditions in words, in both languages', async () => {
    await openForm('onboarding_application');
    await session.page.locator('.field-card[data-key="creditCode"] .field-summary').click();
    const showWhen = panel().locator('fieldset[aria-label="Show when"]');
    expect(await showWhen.getByLabel('Field', { exact: true }).first().inputValue()).toBe('partnerKind');
    await screenshot(session.page, 'template-onboarding-form-en');
    await session.page.locator('.language select').selectOption('zh-CN');
    await session.page.locator('h1', { hasText: '表单构建器' }).waitFor();
    await screenshot(session.page, 'template-onboarding-form-zh');
    await session.page.locator('.language select').selectOption('en');
  });

  it('saves the onboarding application untouched as a draft that is the published form again', async () => {
    await openForm('onboarding_application');
    await session.page.getByRole('button', { name: 'Save draft' }).click();
    await session.page.getByText('Draft saved').first().waitFor();
    const published = (await get('onboarding_application')).body.body;
    const draft = await get('onboarding_application/draft');
    expect(draft.status).toBe(200);
    const kept = ({ fields, rules, titleField, drafts, schema }: Definition) => ({ fields, rules, titleField, drafts, keys: Object.keys(schema.properties) });
    expect(kept(draft.body.body)).toEqual(kept(published));
    // the layout too; the builder may add hints of its own (which kind of field a text is)
    expect(draft.body.body.ui).toMatchObject(published.ui as object);
  });
});
