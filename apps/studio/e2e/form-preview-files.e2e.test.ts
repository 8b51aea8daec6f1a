import { describe, expect, it } from 'vitest';
import { addField as addFieldTo, createNamed, screenshot } from './harness.js';
import { signedInStudioForFile } from './for-file.js';

/*
 * The form builder's preview as a partner sees it: section headings drawn where the sections
 * start, and a file field that uploads to the attachments API with a progress bar, the record
 * then holding the stored file.
 */
const session = signedInStudioForFile({ template: 'none' });

const addField = (kind: string, key: string, zh: string, en: string) => addFieldTo(session.page, kind, key, zh, en);

/** A PDF big enough for the upload to report progress on a slowed link. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(256 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);

describe('the form preview in Chromium', () => {
  it('draws section headings before the fields that start each section', async () => {
    await createNamed(session.page, 'new-app-title', { idLabel: 'App id', id: 'docs', zh: '资料', en: 'Documents', submit: 'Create app' });
    await createNamed(session.page, 'new-form-title', { idLabel: 'Form id', id: 'application', zh: '申请', en: 'Application', submit: 'Create form' });
    await session.page.locator('h1', { hasText: 'Form builder: Application' }).waitFor();

    await addField('Section heading', 'company_info', '公司信息', 'Company');
    await addField('Text', 'company', '公司名称', 'Company name');
    await addField('Section heading', 'papers', '证照', 'Papers');
    await addField('File upload', 'license', '营业执照', 'Business licence');
    await session.page.getByRole('tab', { name: 'Preview' }).click();
    const preview = session.page.locator('.preview');
    await preview.locator('h3.form-section').first().waitFor();
    expect(await preview.locator('h3.form-section').allTextContents()).toEqual(['Company', 'Papers']);
    expect(await preview.locator('h3.form-section').evaluateAll((hs) => hs.map((h) => h.getAttribute('data-section-start')))).toEqual(['company', 'license']);
    await session.page.locator('.language select').selectOption('zh-CN');
    expect(await preview.locator('h3.form-section').allTextContents()).toEqual(['公司信息', '证照']);
    await session.page.locator('.language select').selectOption('en');
  });

  it('uploads a file to the attachments API with progress, and the record keeps it', async () => {
    await session.page.getByRole('button', { name: 'Publish' }).click();
    await session.page.locator('.save-status', { hasText: 'Published as version 1.' }).waitFor();
    await session.page.getByRole('tab', { name: 'Preview' }).click();
    const preview = session.page.locator('.preview');
    await preview.locator('#root_company').fill('Acme');

    // a slow link, so that the progress bar is there to see
    const cdp = await session.page.context().newCDPSession(session.page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 64 * 1024 });
    await preview.locator('input[type="file"]').setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: PDF });
    await preview.getByRole('progressbar', { name: 'Upload progress' }).waitFor();
    expect(await preview.locator('.upload-progress').textContent()).toContain('Uploading licence.pdf');
    await screenshot(session.page, 'form-preview-upload-en');
    await preview.locator('.uploaded', { hasText: 'Uploaded: licence.pdf' }).waitFor({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await preview.getByRole('button', { name: 'Submit' }).click();
    await preview.locator('.outcome .ok', { hasText: 'Saved as record' }).waitFor();
    const [record] = (await session.studio.server.storage.read.records.list({ app: 'docs', entity: 'application', limit: 1 })).items;
    expect(record?.data).toMatchObject({ company: 'Acme', license: { fileName: 'licence.pdf', contentType: 'application/pdf', fileId: expect.any(String) } });
    await screenshot(session.page, 'form-preview-sections-en');
  });
});
