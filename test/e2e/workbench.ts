// Drives the real VS Code workbench (code-server in Debian's Chromium) the way a user does: keyboard,
// Quick Open, command palette, Problems panel. Shared by the e2e tests and the harness.
import { after, before, describe } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { screenshot } from './screenshots';

export const chromiumPath = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags, headless: true, timeout: 60_000 });
}

// Opens `url` in a fresh browser context (own storage: no editors restored from an earlier run).
export async function openWorkbench(browser: Browser, url: string, timeoutMs = 90_000): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(url, { timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
  return page;
}

export interface WorkbenchSession {
  browser: Browser;
  page: Page;
}

/**
 * A suite on the workbench whose URL scripts/test.mjs passes in the environment variable `urlVariable`:
 * one browser and page opened before its tests (read `session.page` inside them), a screenshot named
 * `lastScreenshot` when it ends, pass or fail. Skipped when the variable is not set.
 */
export function describeWorkbench(
  title: string, o: { urlVariable?: string; lastScreenshot: string }, body: (session: WorkbenchSession) => void,
): void {
  const variable = o.urlVariable ?? 'VIGIL_E2E_URL';
  const url = process.env[variable];
  describe(title, { skip: url ? false : `needs ${variable} (run it through npm test)` }, () => {
    const session = {} as WorkbenchSession;
    before(async () => {
      session.browser = await launchBrowser();
      session.page = await openWorkbench(session.browser, url!);
    });
    after(async () => {
      if (session.page) await screenshot(session.page, o.lastScreenshot).catch(() => undefined);
      await session.browser?.close();
    });
    body(session);
  });
}

const quickInput = '.quick-input-widget .quick-input-box input';

// Opens the quick input with `key`, types `text` and, once the focused row shows it (until the list has
// caught up, that row can still be a recent file or command), presses Enter.
async function chooseInQuickInput(page: Page, key: string, text: string): Promise<void> {
  await page.keyboard.press(key);
  const input = page.locator(quickInput);
  await input.waitFor({ state: 'visible' });
  await input.pressSequentially(text);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

// Ctrl+P, the file name, Enter; resolves when the file's editor tab is active.
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await chooseInQuickInput(page, 'Control+P', fileName);
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible' });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

// A command that may not exist under this title in this VS Code: close the palette if it is not found.
export async function tryCommand(page: Page, title: string): Promise<void> {
  try {
    await runCommand(page, title);
  } catch {
    await page.keyboard.press('Escape');
  }
}

// F1, the command's title as the palette shows it, Enter.
export async function runCommand(page: Page, title: string): Promise<void> {
  await chooseInQuickInput(page, 'F1', title);
  await page.locator(quickInput).waitFor({ state: 'hidden' });
}

/** Runs a command that asks with a quick pick titled `question`, and picks the item labelled `item`. */
export async function runCommandAndPick(page: Page, title: string, question: string, item: string): Promise<void> {
  await chooseInQuickInput(page, 'F1', title);
  await page.locator('.quick-input-widget .quick-input-title', { hasText: question }).waitFor({ state: 'visible' });
  const input = page.locator(quickInput);
  await input.pressSequentially(item);
  await page.locator('.quick-input-list .monaco-list-row.focused .label-name', { hasText: new RegExp(`^${item}$`) }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Vigil's status-bar item, shown while a fit runs. */
export function fitStatusItem(page: Page): Locator {
  return page.locator('.part.statusbar .statusbar-item', { hasText: 'Vigil:' });
}

export interface ProblemRow {
  // Everything the row shows, e.g. "Identifier 'sigm' not in scope. vigil(scope) [Ln 17, Col 32]".
  text: string;
  // The accessible label VS Code gives the row (it spells out severity, line and column).
  label: string;
}

// Opens the Problems panel through the command palette and waits until it is visible.
export async function showProblems(page: Page): Promise<void> {
  await runCommand(page, 'View: Focus Problems');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
}

// The marker rows currently in the Problems panel (file rows left out).
export async function problemRows(page: Page): Promise<ProblemRow[]> {
  const rows = page.locator('.markers-panel .monaco-list-row:has(.marker-message-details), .markers-panel .monaco-list-row:has(.marker-icon)');
  const out: ProblemRow[] = [];
  for (const row of await rows.all()) {
    out.push({ text: (await row.innerText()).replace(/\s+/g, ' ').trim(), label: (await row.getAttribute('aria-label')) ?? '' });
  }
  return out;
}

// Polls `probe` until it returns a value `accept` takes, or throws after `timeoutMs` with the last value.
export async function waitUntil<T>(probe: () => Promise<T>, accept: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await probe();
  }
  return last;
}
