// Where the UI tests keep screenshots: test-results/screenshots/ (ignored), and the one the README shows.
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';

export const repoRoot = path.resolve(__dirname, '../../..');
export const screenshotsDir = path.join(repoRoot, 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Copies a screenshot into media/screenshots/ (committed, used by the README) when it is not there yet
// or VIGIL_UPDATE_SCREENSHOTS=1: a test run should not leave a changed tracked file behind every time.
export function publish(file: string, name: string): void {
  const dir = path.join(repoRoot, 'media', 'screenshots');
  const target = path.join(dir, name);
  if (fs.existsSync(target) && process.env.VIGIL_UPDATE_SCREENSHOTS !== '1') return;
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(file, target);
}
