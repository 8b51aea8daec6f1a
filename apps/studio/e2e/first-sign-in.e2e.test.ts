import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openStudio, screenshot, signIn, type Studio } from './harness.js';

/*
 * The first admin of a fresh server signs in with the one-time password the server generated: the
 * studio shows nothing but the change-password screen until a new password is chosen, and the new
 * password is the one that works from then on.
 */
let studio: Studio;
let page: Page;
const NEW_PASSWORD = 'my-own-password-2026';

beforeAll(async () => {
  studio = await openStudio({ generatedAdminPassword: true });
  page = studio.page;
  await page.goto(studio.url);
  await page.locator('.language select').selectOption('en');
}, 180_000);

afterAll(async () => {
  await studio?.close();
});

async function typeSignIn(username: string, password: string): Promise<void> {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form.sign-in button[type="submit"]').click();
}

describe('the first sign-in with a generated password', () => {
  it('asks for a new password before anything else', async () => {
    await typeSignIn(studio.server.admin.username, studio.server.admin.password);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(0);
    // a reload keeps asking: the server says so, not the page
    await page.reload();
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(await page.locator('.topbar .user').count()).toBe(0);
  });

  it('checks the new password here and the current one on the server', async () => {
    await page.getByLabel('Current (one-time) password').fill(studio.server.admin.password);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('The new password needs at least 10 characters.');

    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(`${NEW_PASSWORD}x`);
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('The two new passwords differ.');

    await page.getByLabel('Current (one-time) password').fill('not-the-one-time-password');
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('[role="alert"] .problems li').waitFor();
    expect(await page.getByRole('heading', { name: 'Choose a new password' }).count()).toBe(1);
    await screenshot(page, 'change-password-en');
  });

  it('changes the password, opens the studio, and signs in with the new password only', async () => {
    await page.getByLabel('Current (one-time) password').fill(studio.server.admin.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.topbar .user').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(1);

    await page.locator('.sign-out').click();
    await typeSignIn(studio.server.admin.username, studio.server.admin.password);
    await page.locator('[role="alert"] .problems li').waitFor();
    expect(await page.locator('.topbar .user').count()).toBe(0);
    await signIn(studio, studio.server.admin.username, NEW_PASSWORD);
    expect(await page.getByRole('heading', { name: 'Choose a new password' }).count()).toBe(0);
    await screenshot(page, 'change-password-done-en');
  });
});
