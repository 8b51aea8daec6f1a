import { describe, expect, it } from 'vitest';
import { addField, createNamed, nameField, screenshot } from './harness.js';
import { signedInStudioForFile } from './for-file.js';

/*
 * A group of fields built without JSON: a `documents` group holding a file upload required only
 * for one kind of applicant and a multi-file upload, published, then submitted from the preview,
 * the server's required-when message shown at `documents.licence`; the draft read back on reload.
 */
const session = signedInStudioForFile({ template: 'none' });

const panel = () => session.page.locator('section.builder-properties');
const preview = () => session.page.locator('.preview');
const group = () => session.page.locator('.field-card[data-key="documents"]');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5ad7bd20000000049454e44ae426082', 'hex');

/** Adds a field of `kind` to the documents group and names it. */
async function addChild(kind: string, key: string, zh: string, en: string): Promise<void> {
  await group().getByLabel('Type of a new field in Documents').selectOption({ label: kind });
  await group().getByRole('button', { name: 'Add to Documents' }).click();
  await nameField(session.page, key, zh, en);
}

describe('a group of fields in the form builder', () => {
  it('adds a group from the palette and fills it with file uploads', async () => {
    await createNamed(session.page, 'new-app-title', { idLabel: 'App id', id: 'partners', zh: '伙伴', en: 'Partners', submit: 'Create app' });
    await createNamed(session.page, 'new-form-title', { idLabel: 'Form id', id: 'application', zh: '入驻申请', en: 'Application', submit: 'Create form' });
    await session.page.locator('h1', { hasText: 'Form builder: Application' }).waitFor();

    await addField(session.page, 'Single select', 'kind', '伙伴类型', 'Partner kind');
    await panel().getByLabel('Option 1 stored value').fill('person');
    await panel().getByLabel('Option 1 English').fill('Person');
    await panel().getByLabel('Option 1 Chinese').fill('个人');
    await panel().getByLabel('Option 2 stored value').fill('company');
    await panel().getByLabel('Option 2 English').fill('Company');
    await panel().getByLabel('Option 2 Chinese').fill('企业');

    // the group is in the palette like any field type: here added from the keyboard
    await session.page.getByRole('button', { name: 'Add field: Field group', exact: true }).focus();
    await session.page.keyboard.press('Enter');
    await nameField(session.page, 'documents', '证照资料', 'Documents');
    await addChild('File upload', 'licence', '营业执照', 'Business licence');
    await addChild('File upload', 'photos', '门店照片', 'Store photos');
    await panel().getByRole('checkbox', { name: 'Several files' }).check();
    await panel().getByRole('checkbox', { name: 'Images only' }).check();
    await panel().getByLabel('Most files').fill('3');
    // the group starts with a text field: it goes
    await group().getByRole('button', { name: 'Remove Item' }).click();
    await group().getByRole('button', { name: 'Move Store photos up' }).click();
    await group().getByRole('button', { name: 'Move Store photos down' }).click();
    expect(await group().locator('.group-child').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-key')))).toEqual(['documents.licence', 'documents.photos']);
  });

  it('makes the licence required only for companies, through the condition builder', async () => {
    await group().locator('.group-child[data-key="documents.licence"] .field-summary').click();
    await panel().getByRole('button', { name: 'Required when…' }).click();
    const condition = panel().locator('fieldset[aria-label="Required when"] li[data-path="/children/0"]');
    await condition.getByLabel('Field', { exact: true }).selectOption('kind');
    await condition.getByLabel('Partner kind Operator').selectOption('eq');
    await condition.getByLabel('Partner kind Value').selectOption({ label: 'Company' });
    expect(await group().locator('.group-child[data-key="documents.licence"]').textContent()).toContain('required when');

    await session.page.getByRole('tab', { name: 'JSON' }).click();
    const definition = JSON.parse(await session.page.locator('.json-view textarea').inputValue()) as {
      schema: { properties: { documents: { properties: Record<string, { type: string; maxItems?: number }> } } };
      fields: Record<string, { label: { en: string } }>;
      rules: { requiredWhen: Record<string, unknown> };
      ui: { uiSchema: { documents: { photos: unknown } } };
    };
    expect(definition.rules.requiredWhen).toEqual({ 'documents.licence': { and: [{ '==': [{ var: 'kind' }, 'company'] }] } });
    expect(definition.fields['documents.photos']?.label.en).toBe('Store photos');
    expect(definition.schema.properties.documents.properties.photos).toMatchObject({ type: 'array', maxItems: 3 });
    expect(definition.ui.uiSchema.documents.photos).toEqual({ 'ui:widget': 'file', 'ui:options': { kind: 'file', multiple: true, accept: 'image/*' } });
    await screenshot(session.page, 'group-field-builder-en');
  });

  it('publishes, and the preview shows the server\'s required-when message at documents.licence', async () => {
    await session.page.getByRole('button', { name: 'Publish', exact: true }).click();
    await session.page.locator('.save-status', { hasText: 'Published as version 1.' }).waitFor();
    await session.page.getByRole('tab', { name: 'Preview' }).click();
    await preview().locator('legend', { hasText: 'Documents' }).waitFor();
    await preview().getByLabel('Partner kind').selectOption({ label: 'Company' });
    const photos = preview().locator('.attachment-field[data-field="documents.photos"] input[type="file"]');
    expect(await photos.getAttribute('accept')).toBe('image/*');
    await photos.setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: PNG });
    await preview().locator('.uploaded', { hasText: 'Uploaded: front.png' }).waitFor();
    expect(await photos.getAttribute('aria-label')).toBe('Add another file');
    await photos.setInputFiles({ name: 'inside.png', mimeType: 'image/png', buffer: PNG });
    await preview().locator('.uploaded', { hasText: 'Uploaded: inside.png' }).waitFor();
    expect(await preview().locator('.attachment-field[data-field="documents.photos"] .uploaded').count()).toBe(2);

    await preview().getByRole('button', { name: 'Submit' }).click();
    const outcome = preview().locator('.outcome');
    await outcome.locator('.problems').waitFor();
    expect(await outcome.locator('li[data-code="FORM_REQUIRED"] code.path').allTextContents()).toEqual(['documents.licence']);
    // the message is also drawn under the licence field itself, inside the group
    expect(await preview().locator('#root_documents_licence__error').textContent()).toContain('Business licence is required');
    await screenshot(session.page, 'group-field-preview-error-en');

    await session.page.locator('.language select').selectOption('zh-CN');
    await preview().locator('legend', { hasText: '证照资料' }).waitFor();
    await outcome.locator('.problems').waitFor();
    await screenshot(session.page, 'group-field-preview-error-zh');
    await session.page.locator('.language select').selectOption('en');

    await preview().locator('.attachment-field[data-field="documents.licence"] input[type="file"]').setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: PDF });
    await preview().locator('.uploaded', { hasText: 'Uploaded: licence.pdf' }).waitFor();
    await preview().getByRole('button', { name: 'Submit' }).click();
    await outcome.locator('.ok', { hasText: 'Saved as record' }).waitFor();
    const [record] = (await session.studio.server.storage.read.records.list({ app: 'partners', entity: 'application', limit: 1 })).items;
    expect(record?.data).toMatchObject({
      kind: 'company',
      documents: {
        licence: { fileName: 'licence.pdf', fileId: expect.any(String) },
        photos: [{ fileName: 'front.png' }, { fileName: 'inside.png' }],
      },
    });
  });

  it('reads the group back from the saved draft, in Chinese too', async () => {
    await session.page.reload();
    await group().waitFor();
    expect(await group().locator('.group-child').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-key')))).toEqual(['documents.licence', 'documents.photos']);
    await session.page.locator('.language select').selectOption('zh-CN');
    await group().locator('.group-child[data-key="documents.licence"] .field-summary').click();
    expect(await panel().locator('h2').textContent()).toContain('营业执照');
    await panel().locator('fieldset[aria-label="必填条件"]').waitFor();
    await screenshot(session.page, 'group-field-builder-zh');
  });
});
