/** Small user steps the browser test repeats: sign in, wait for autosave, open a questionnaire step. */
import type { Page } from 'playwright-core';

/** Signs in on the local sign-in page as a demo user and waits for the role's home page. */
export async function signIn(page: Page, base: string, email: string, home: string): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.locator('#signin-user').selectOption(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}${home}`);
}

/** Waits until the vendor page reports every change saved. */
export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-save-state="saved"]', { hasText: 'All changes saved' }).waitFor();
}

/** Opens a questionnaire step by its title in the steps navigation. */
export async function goToStep(page: Page, title: string): Promise<void> {
  await page
    .locator('nav[aria-label="Questionnaire steps"] .step-button', { hasText: title })
    .click();
}
