/**
 * Screenshots of what a user sees, in the light, dark and high-contrast themes. They land in
 * test-results/screenshots/; with TLC_UPDATE_DOCS=1 (`npm run screenshots`) the light and dark ones
 * (and the Weekly Review in high contrast) are also copied to docs/screenshots/ for the README.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot, runCommand } from './harness';
import { expandPane, openSidebar, quickInput, quickInputBox, statusBarTip, todayIconsDrawn, waitUntil, webviewFrame } from './ui';

const THEMES = [
  { name: 'light', theme: 'Light Modern', bodyClass: 'vs' },
  { name: 'dark', theme: 'Dark Modern', bodyClass: 'vs-dark' },
  { name: 'high-contrast', theme: 'Dark High Contrast', bodyClass: 'hc-black' },
] as const;

/** Picks a colour theme the way a user does: Preferences: Color Theme, type its name, Enter. */
async function setTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme', undefined, { opensQuickInput: true });
  await quickInputBox(page).fill(theme.theme);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: theme.theme }).first().waitFor({ state: 'visible' });
  await quickInputBox(page).press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
  await waitUntil(
    `the ${theme.name} theme`,
    () => page.locator('.monaco-workbench').first().getAttribute('class'),
    (classes) => (classes ?? '').split(/\s+/).includes(theme.bodyClass),
    20_000,
  );
}

export async function captureScreenshots(page: Page): Promise<string[]> {
  const dir = path.join(repoRoot(), 'test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const shoot = async (name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> => {
    const file = path.join(dir, `${name}.png`);
    await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
    files.push(file);
  };
  for (const theme of THEMES) {
    await setTheme(page, theme);
    await runCommand(page, 'Notifications: Clear All Notifications');
    await runCommand(page, 'View: Close All Editors');
    await openSidebar(page);
    await expandPane(page, 'Delegations');
    await todayIconsDrawn(await webviewFrame(page, '#nudge-title'));
    await shoot(`sidebar-${theme.name}`);

    await runCommand(page, 'Tech Lead: Log Delegation', undefined, { opensQuickInput: true });
    await quickInputBox(page).fill('Write the on-call handbook');
    await shoot(`log-delegation-${theme.name}`);
    await quickInputBox(page).press('Escape');
    await quickInput(page).waitFor({ state: 'hidden' });

    await expandPane(page, 'Team');
    await page
      .locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Team\b/ }) })
      .locator('.monaco-list-row[aria-level="1"]')
      .first()
      .waitFor({ state: 'visible' });
    await shoot(`team-${theme.name}`);
    await runCommand(page, 'Tech Lead: Open Person', undefined, { opensQuickInput: true });
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Priya' }).first().click();
    await webviewFrame(page, '#person h1');
    await shoot(`person-${theme.name}`);
    await runCommand(page, 'View: Close All Editors');

    await runCommand(page, 'Tech Lead: Log 1:1');
    const form = await webviewFrame(page, '#one-on-one');
    await form.getByLabel('4, good').waitFor({ state: 'visible' });
    await form.locator('#person').fill('Priya');
    await form.getByLabel('4, good').check();
    await form.getByLabel('career').check();
    await form.locator('#notes').fill('Wants to lead the next design review.\nAsked for more context on the roadmap.');
    await shoot(`log-one-on-one-${theme.name}`);
    await runCommand(page, 'View: Close All Editors');

    await runCommand(page, 'Tech Lead: Weekly Review');
    await (
      await webviewFrame(page, '#review-title')
    )
      .locator('[data-chart-id="actions"] svg[role="img"]')
      .first()
      .waitFor({ state: 'visible' });
    await shoot(`review-${theme.name}`);
    await runCommand(page, 'View: Close All Editors');

    await runCommand(page, 'Tech Lead: Open Lesson', undefined, { opensQuickInput: true });
    await quickInputBox(page).fill('Project Oxygen');
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ state: 'visible' });
    await quickInputBox(page).press('Enter');
    await webviewFrame(page, '#lesson h1');
    await shoot(`lesson-${theme.name}`);
    await runCommand(page, 'View: Close All Editors');

    await statusBarTip(page).hover();
    await page
      .locator('.monaco-hover, .workbench-hover')
      .filter({ hasText: 'Today, as a tech lead' })
      .first()
      .waitFor({ state: 'visible' });
    const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
    await shoot(`status-bar-${theme.name}`, { x: viewport.width - 700, y: viewport.height - 260, width: 700, height: 260 });
    await page.mouse.move(700, 400);
  }
  if (process.env['TLC_UPDATE_DOCS']) {
    const docs = path.join(repoRoot(), 'docs', 'screenshots');
    fs.mkdirSync(docs, { recursive: true });
    // Light and dark of everything; the Weekly Review in high contrast too (its charts must read without colour).
    for (const file of files.filter((f) => !f.includes('high-contrast') || path.basename(f).startsWith('review-'))) {
      fs.copyFileSync(file, path.join(docs, path.basename(file)));
    }
  }
  return files;
}
