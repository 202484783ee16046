// The packaged extension as users get it: scripts/test.mjs packages dist/vigil.vsix, installs it with
// `code-server --install-extension` into a fresh extensions directory and starts code-server WITHOUT
// a development path; VIGIL_E2E_URL opens a copy of the fixture workspace there.
import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './screenshots';
import { launchBrowser, openWorkbench, problemRows, quickOpen, showProblems, waitUntil } from './workbench';

const url = process.env.VIGIL_E2E_URL;

describe('The installed VSIX', { skip: url ? false : 'needs VIGIL_E2E_URL (run it through npm test)' }, () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    page = await openWorkbench(browser, url!);
  });

  after(async () => {
    await browser?.close();
  });

  test('is a normal window, not an extension development host', async () => {
    assert.doesNotMatch(await page.title(), /Extension Development Host/);
  });

  test('activates on a Stan file and reports its error in the Problems panel', { timeout: 90_000 }, async () => {
    await quickOpen(page, 'broken.stan');
    await showProblems(page);
    const rows = await waitUntil(() => problemRows(page), (r) => r.some((x) => x.text.includes('sigm')), 'the entry for sigm', 30_000);
    await screenshot(page, 'vsix-problems');
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.match(rows[0].text, /\[Ln 16, Col 32\]/);
  });
});
